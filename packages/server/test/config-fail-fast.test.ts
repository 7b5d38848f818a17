// docs/server.md: a malformed value stops the start with "Configuration error" naming its variable, before
// anything is created on disk, and without printing a secret.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, checkConfig, loadConfig } from '../src/config.js';
import { generateMasterKey, startServer } from '../src/index.js';
import { runCli } from './support/child.js';
import { postgresCluster, postgresSkipReason } from './support/harness.js';

const root = mkdtempSync(join(tmpdir(), 'mp-config-'));
after(() => rmSync(root, { recursive: true, force: true }));
const aFile = join(root, 'a-file');
writeFileSync(aFile, '');

const secret = 's3cret-pw-1234';
const production = { NODE_ENV: 'production', MP_MASTER_KEY: generateMasterKey() };
/** [what, environment, variable the message must name]. */
const bad: Array<[string, Record<string, string>, string]> = [
  ['HOST not a host name', { HOST: 'not_a_host!!' }, 'HOST'],
  ['HOST that does not resolve', { HOST: 'no-such-host.invalid' }, 'HOST'],
  ['HOST that is not an address of this machine', { HOST: '203.0.113.7' }, 'HOST'],
  ['MP_JWKS_URL with a space', { MP_JWKS_URL: 'https://id example.org/jwks.json' }, 'MP_JWKS_URL'],
  ['MP_JWKS_URL over http in production', { ...production, MP_JWKS_URL: 'http://id.example.org/jwks.json' }, 'MP_JWKS_URL'],
  ['DATABASE_URL port out of range', { DATABASE_URL: `postgres://kit:${secret}@db.internal:99999/kit` }, 'DATABASE_URL'],
  ['DATABASE_URL malformed host', { DATABASE_URL: `postgres://kit:${secret}@db internal/kit` }, 'DATABASE_URL'],
  ['MP_DATA_DIR is a file', { MP_DATA_DIR: aFile }, 'MP_DATA_DIR'],
  ['MP_DATA_DIR under a file', { MP_DATA_DIR: join(aFile, 'data') }, 'MP_DATA_DIR'],
  ['MP_CORS_ORIGINS entry with a path', { MP_CORS_ORIGINS: 'https://a.example/app' }, 'MP_CORS_ORIGINS'],
  ['MP_CORS_ORIGINS entry that is no URL', { MP_CORS_ORIGINS: 'a.example' }, 'MP_CORS_ORIGINS'],
  ['MP_CORS_ORIGINS entry with a password', { MP_CORS_ORIGINS: `https://:${secret}@portal.example` }, 'MP_CORS_ORIGINS'],
  ['MP_CORS_ORIGINS entry with a user and password', { MP_CORS_ORIGINS: `https://u:${secret}@portal.example` }, 'MP_CORS_ORIGINS'],
  ['SALESFORCE_CLIENT_ID alone', { SALESFORCE_CLIENT_ID: '3MVG9app' }, 'SALESFORCE_CLIENT_SECRET'],
  ['SALESFORCE_CLIENT_SECRET alone', { SALESFORCE_CLIENT_SECRET: secret }, 'SALESFORCE_CLIENT_ID'],
  ['NODE_ENV=Production without a master key', { NODE_ENV: 'Production' }, 'MP_MASTER_KEY'],
  ['MP_DEV neither yes nor no', { MP_DEV: 'banana' }, 'MP_DEV'],
];

for (const [what, env, name] of bad) {
  test(`${what}: Configuration error naming ${name}, nothing on disk`, async () => {
    const dataDir = join(root, what.replace(/\W+/g, '-'));
    const dirEnv = env.MP_DATA_DIR ? {} : { MP_DATA_DIR: dataDir };
    const started = await startServer({ port: 0, gateway: null, log: () => {}, env: { ...dirEnv, ...env } }).then(
      async (server) => {
        await server.close();
        return 'it started';
      },
      (e: unknown) => e,
    );
    assert.ok(started instanceof ConfigError && started.message.includes(name) && !started.message.includes(secret), String(started));
    assert.equal(existsSync(dataDir), false, 'the data folder was created');
  });
}

test('PORT in use: Configuration error naming PORT, nothing on disk', async () => {
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const port = (other.address() as AddressInfo).port;
  const dataDir = join(root, 'port-in-use');
  try {
    const started = await startServer({ gateway: null, log: () => {}, env: { MP_DATA_DIR: dataDir, PORT: String(port) } }).then(
      async (server) => {
        await server.close();
        return 'it started';
      },
      (e: unknown) => e,
    );
    assert.ok(started instanceof ConfigError && started.message.includes(`PORT ${port}`), String(started));
    assert.equal(existsSync(dataDir), false, 'the data folder was created');
  } finally {
    other.close();
  }
});

test('a command that needs no token secret does not check the data folder it would have kept one in', () => {
  const env = { MP_MASTER_KEY: generateMasterKey(), DATABASE_URL: 'postgres://kit@127.0.0.1:1/kit', MP_DATA_DIR: join(aFile, 'data') };
  assert.throws(() => checkConfig(loadConfig(env)), /MP_DATA_DIR/, 'a server would write its dev token secret there');
  assert.doesNotThrow(() => checkConfig(loadConfig(env), { tokens: false }), 'rotate-key would not');
});

test('MP_CORS_ORIGINS entries become origins: surrounding spaces and a trailing slash are dropped', () => {
  assert.deepEqual(loadConfig({ MP_CORS_ORIGINS: ' https://a.example/ , HTTPS://B.example:443,*' }).corsOrigins, ['https://a.example', 'https://b.example', '*']);
});

test('NODE_ENV is compared case-insensitively; a loopback MP_JWKS_URL may be http in production', async () => {
  assert.equal(loadConfig({ NODE_ENV: 'PRODUCTION' }).production, true);
  const dataDir = join(root, 'loopback-jwks');
  mkdirSync(dataDir);
  const server = await startServer({ port: 0, gateway: null, log: () => {}, databaseUrl: 'memory://', env: { ...production, MP_JWKS_URL: 'http://127.0.0.1:9/jwks.json' } });
  await server.close();
});

test('outside production, a server listening beyond this machine says what that allows; on loopback or in production it does not', async () => {
  const warnings = async (options: { host: string; env?: Record<string, string> }) => {
    const logged: Array<{ level: string; msg: string }> = [];
    const server = await startServer({ port: 0, gateway: null, databaseUrl: 'memory://', host: options.host, env: options.env ?? {}, log: (e) => logged.push(e as { level: string; msg: string }) });
    await server.close();
    return logged.filter((e) => e.level === 'warn' && e.msg.includes('NODE_ENV')).map((e) => e.msg);
  };
  const open = await warnings({ host: '0.0.0.0' });
  assert.equal(open.length, 1, 'one warning');
  assert.match(open[0]!, /not production.*0\.0\.0\.0.*loopback.*localhost.*NODE_ENV=production/s);
  for (const host of ['127.0.0.1', 'localhost', '127.0.0.2', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) assert.deepEqual(await warnings({ host }), [], `${host}: a development server on this machine alone`);
  assert.deepEqual(await warnings({ host: '0.0.0.0', env: { ...production, MP_JWKS_URL: 'http://127.0.0.1:9/jwks.json' } }), [], 'production');
});

test('the CLI commands name MP_DATA_DIR too: migrate, rotate-key and token on a data folder that is a file', async () => {
  for (const command of [['migrate'], ['rotate-key'], ['token', '--tenant', 'acme', '--role', 'admin']]) {
    const r = await runCli(command, { MP_DATA_DIR: aFile });
    assert.equal(r.code, 1, command[0]);
    assert.match(r.stderr, /^Configuration error: MP_DATA_DIR .*a-file/, `${command[0]}: ${r.stderr}`);
  }
});

test('a database that refuses the connection is named by DATABASE_URL (host and port, never the password)', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const r = await runCli(['migrate'], { DATABASE_URL: `postgres://kit:${secret}@127.0.0.1:${port}/kit` });
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`DATABASE_URL .*127\\.0\\.0\\.1:${port}.*ECONNREFUSED`), r.stderr);
  assert.ok(!r.stderr.includes(secret), 'no password');
});

test('a development token secret that cannot be read stops the start, naming the file and not quoting it', async () => {
  const dir = join(root, 'unreadable-jwt');
  mkdirSync(join(dir, 'jwt-secret'), { recursive: true });
  await assert.rejects(
    startServer({ port: 0, dataDir: dir, gateway: null, env: {}, log: () => {} }),
    (e: Error) => e instanceof ConfigError && e.message.includes(join(dir, 'jwt-secret')) && e.message.includes('EISDIR'),
  );
});

test('a Postgres database not encoded UTF8 is refused before any migration, naming its encoding', { skip: postgresSkipReason ?? false }, async () => {
  const cluster = await postgresCluster();
  const url = await cluster.createDatabase('ascii', 'SQL_ASCII');
  const outcome = await startServer({ port: 0, gateway: null, log: () => {}, databaseUrl: url, env: {} }).then(
    async (server) => {
      await server.close();
      return 'started';
    },
    (err: Error) => err.message,
  );
  assert.match(outcome, /encoded SQL_ASCII; MemberPulse needs UTF8/);
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('mp_migrations') IS NULL AS untouched`);
    assert.equal(rows[0].untouched, true, 'no migration ran');
  } finally {
    await client.end();
  }
});
