import { parseArgs } from 'node:util';
import { roles, type Role } from '@memberpulse/integration-schema';
import { AuthError, devToken, signDevToken } from './auth.js';
import { ConfigError, databaseTarget, jwtSecretProblem, loadConfig } from './config.js';
import { generateMasterKey } from './crypto.js';
import { openDatabase } from './db.js';
import { buildOpenApi } from './openapi.js';
import { rotateMasterKey } from './rotate.js';
import { lockTarget } from './data-dir.js';
import { resolveJwtSecret, startServer } from './server.js';

const HELP = `mp-integration-server — MemberPulse integration-settings API

Usage:
  mp-integration-server [serve]             start the server (configuration from the environment, docs/server.md)
  mp-integration-server rotate-key [--new-key KEY]
                                            re-wrap every tenant data key under a new master key
                                            (the new key may come from MP_NEW_MASTER_KEY instead)
  mp-integration-server gen-key             print a new random master key (base64)
  mp-integration-server token --tenant T --role R [--sub S] [--expires 12h]
                                            mint a token with the configured HS256 secret (dev and tests)
  mp-integration-server migrate             apply database migrations and exit
  mp-integration-server openapi             print the OpenAPI 3.1 document (docs/openapi.json)
  mp-integration-server help
`;

const DEMO_TENANT = 'demo';

async function serveCommand(): Promise<void> {
  // The signal handlers come first: a stop asked for while the server starts (a process manager's
  // timeout, a test that saw the "listening" log line) waits for the start, then closes gracefully.
  const starting = startServer();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    starting
      .then((server) => {
        server.config.log({ level: 'info', msg: 'shutting down', signal });
        return server.close();
      })
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const parent = Number(process.env.MP_STOP_WITH_PARENT);
  if (parent > 0) setInterval(() => process.ppid !== parent && stop('parent exited'), 500).unref();

  const server = await starting;
  const { config } = server;
  const lines = [`MemberPulse integration API listening on ${server.url} (${server.db.kind}${config.databaseUrl ? '' : `, data in ${config.dataDir}`})`];
  if (config.dev && config.jwtSecret) {
    const token = await signDevToken({ tenant: DEMO_TENANT, role: 'admin', sub: 'demo-admin' }, config, { expiresIn: '30d' });
    lines.push(
      `Dev mode. Demo tenant: ${DEMO_TENANT}`,
      `Demo admin token (30 days):`,
      token,
      `Try: curl -H "Authorization: Bearer <token>" ${server.url}/v1/me`,
    );
  }
  // stdout is the JSON log; what a person reads goes to stderr.
  process.stderr.write('\n' + lines.join('\n') + '\n\n');
}

/** Commands configured only by the environment: an argument given to one would be ignored. */
const NO_ARGUMENTS = new Set(['serve', 'gen-key', 'migrate', 'openapi']);

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (NO_ARGUMENTS.has(command) && rest.length) {
    process.stderr.write(`${command} takes no arguments (got “${rest.join(' ')}”): the server is configured by environment variables such as PORT and DATABASE_URL (docs/server.md).\n`);
    return 2;
  }
  switch (command) {
    case 'serve':
      await serveCommand();
      return -1;
    case 'gen-key':
      process.stdout.write(generateMasterKey() + '\n');
      return 0;
    case 'rotate-key': {
      const { values } = parseArgs({ args: rest, options: { 'new-key': { type: 'string' } } });
      const result = await rotateMasterKey({ newKey: values['new-key'] ?? process.env.MP_NEW_MASTER_KEY });
      process.stdout.write(`Re-wrapped ${result.rewrapped} tenant data key(s) under master key ${result.keyId}.\n`);
      if (result.masterKey && loadConfig().masterKey) {
        process.stdout.write('Set MP_MASTER_KEY to the new key on every server (the old one in MP_MASTER_KEY_PREVIOUS until all have restarted).\n');
      }
      return 0;
    }
    case 'token': {
      const { values } = parseArgs({ args: rest, options: { tenant: { type: 'string' }, role: { type: 'string' }, sub: { type: 'string' }, expires: { type: 'string' } } });
      if (!values.tenant || !values.role) {
        process.stderr.write(`token needs --tenant and --role (${roles.join(', ')}).\n`);
        return 2;
      }
      const config = loadConfig();
      if (config.jwksUrl && !config.jwtSecret) {
        process.stderr.write('No token made: this server verifies tokens with MP_JWKS_URL; token signs HS256 with MP_JWT_SECRET, which is not set.\n');
        return 2;
      }
      const claims = { tenant: values.tenant, role: values.role as Role, sub: values.sub ?? `${values.role}@${values.tenant}` };
      // Refused before a token secret is read, or made in the data folder.
      let unsigned: ReturnType<typeof devToken>;
      try {
        devToken(claims, config); // the claims alone, so a refusal names the claim rather than --expires
      } catch (err) {
        if (!(err instanceof AuthError)) throw err;
        process.stderr.write(`No token made: ${err.message} The server would refuse such a token.\n`);
        return 2;
      }
      try {
        unsigned = devToken(claims, config, { expiresIn: values.expires });
      } catch (err) {
        if (!(err instanceof AuthError)) throw err;
        process.stderr.write(`No token made: --expires: ${err.message}\n`);
        return 2;
      }
      const weak = jwtSecretProblem(config.jwtSecret);
      if (weak) throw new ConfigError(weak);
      const notes: Parameters<typeof resolveJwtSecret>[2] = [];
      const jwtSecret = resolveJwtSecret(config, databaseTarget(config), notes);
      for (const n of notes) process.stderr.write(n.msg + '\n');
      // Not null: without MP_JWT_SECRET under MP_JWKS_URL the command stopped above.
      process.stdout.write((await unsigned.sign(new TextEncoder().encode(jwtSecret!))) + '\n');
      return 0;
    }
    case 'migrate': {
      const target = databaseTarget(loadConfig());
      const { unlock } = lockTarget(target, true);
      try {
        await (await openDatabase(target)).close();
      } finally {
        unlock();
      }
      process.stdout.write('Migrations applied.\n');
      return 0;
    }
    case 'openapi':
      process.stdout.write(JSON.stringify(buildOpenApi(), null, 2) + '\n');
      return 0;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`Unknown command “${command}”.\n\n${HELP}`);
      return 2;
  }
}

/**
 * Exits once stdout and stderr have taken everything written to them: writes to a pipe are asynchronous,
 * so exiting at once cut what did not fit its buffer (`openapi | jq` got 64 KiB of the document).
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

/** `parseArgs` refused the command line (an unknown option, a missing value): a usage error, like the others. */
function isUsageError(err: unknown): err is Error {
  return err instanceof TypeError && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) exitWhenFlushed(code);
  },
  (err: unknown) => {
    if (isUsageError(err)) {
      process.stderr.write(`${err.message}\n\n${HELP}`);
      exitWhenFlushed(2);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${err instanceof ConfigError ? 'Configuration error' : 'Error'}: ${message}\n`);
    exitWhenFlushed(1);
  },
);
