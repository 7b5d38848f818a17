import { BlockList, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp, type AppState } from './app.js';
import { clientErrorHandler } from './client-error.js';
import { existsSync } from 'node:fs';
import { lockTarget, privateDataDir } from './data-dir.js';
import { createOnce, readFailure, readIfPresent } from './files.js';
import { assertCanListen } from './listen-check.js';
import { ConfigError, checkConfig, dataDirProblem, databaseTarget, loadConfig, type DatabaseTarget, type ServerConfig } from './config.js';
import { Keyring, generateMasterKey } from './crypto.js';
import { openDatabase, type Database } from './db.js';
import type { PlatformGateway } from './discovery.js';
import { MASTER_KEY_FILE, TenantKeys, assertKeysOpenStore, createKeyFile, keyText, newMasterKey, readKeyFile, rewrapDataKeys, writeKeyFile, type RotationResult } from './keys.js';
import * as store from './store.js';

/** Options of `startServer`: any configuration field (overriding the environment), plus injections. */
export interface StartOptions extends Partial<ServerConfig> {
  /** Platform connectors for discovery and test-connection. Default: built from `@memberpulse/integration-connectors` when it provides them. */
  gateway?: PlatformGateway | null;
  /** Environment to read instead of `process.env`. */
  env?: Record<string, string | undefined>;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** The effective configuration (with any generated dev secrets filled in, so `signDevToken(…, config)` works). */
  config: ServerConfig;
  /** The Hono app (usable in-process with `app.request`). */
  app: Hono;
  db: Database;
  /** Requests being handled right now (what a graceful stop waits for). */
  readonly inFlight: number;
  /** Graceful stop: refuse new connections, let in-flight requests finish, then close the database. */
  close(): Promise<void>;
  /**
   * Rotates the master key while serving: the new key (given, or generated) becomes current, every tenant
   * data key is re-wrapped under it, the old key stays accepted in this process. With a dev key file, the
   * file is updated first; with `MP_MASTER_KEY`, set the new key in the environment before the next start.
   */
  rotateMasterKey(newKey?: string): Promise<RotationResult & { masterKey: string }>;
}

/** Secrets resolved for a start: from the environment, or (dev) from the data folder, or generated. */
export interface ResolvedSecrets {
  keyring: Keyring;
  /** Set when the keyring lives in `<dataDir>/master-key.json`. */
  keyFileDir: string | null;
  /**
   * A master key generated because that file is missing; not written here. `startServer` creates the file
   * with it once the database holds no data key it cannot open (else the file was lost, and a new one would
   * hide that), and only if no other server made the file meanwhile.
   */
  pendingKey: string | null;
  jwtSecret: string | null;
  notes: Array<{ level: 'warn' | 'info'; msg: string; loud?: boolean }>;
}

const JWT_SECRET_FILE = 'jwt-secret';

/**
 * Finds the master keyring and the token secret. Production: only from the environment (checked by
 * `checkConfig`). Otherwise, missing ones are read from the data folder, or generated: the token secret
 * into the data folder at once, a master key as `pendingKey` for `startServer` to write after checking the
 * database (both kept in memory for `memory://`).
 */
export function resolveSecrets(config: ServerConfig, target: DatabaseTarget = databaseTarget(config)): ResolvedSecrets {
  const notes: ResolvedSecrets['notes'] = [];
  const jwtSecret = resolveJwtSecret(config, target, notes);
  const onDisk = !(target.kind === 'pglite' && target.dataDir === null);
  let keyring: Keyring;
  let keyFileDir: string | null = null;
  let pendingKey: string | null = null;
  if (config.masterKey) {
    keyring = Keyring.from(config.masterKey, config.previousMasterKeys);
  } else if (config.production) {
    throw new Error('MP_MASTER_KEY is required in production.');
  } else if (onDisk) {
    keyFileDir = config.dataDir;
    const existing = readKeyFile(config.dataDir);
    if (existing) notes.push(usingKeyFile(config.dataDir));
    else pendingKey = generateMasterKey();
    keyring = (existing ?? Keyring.from(pendingKey!)).accept(config.previousMasterKeys);
  } else {
    keyring = Keyring.from(generateMasterKey());
    notes.push({ level: 'warn', msg: 'No MP_MASTER_KEY: using a throw-away master key for this in-memory database.' });
  }
  return { keyring, keyFileDir, pendingKey, jwtSecret, notes };
}

const usingKeyFile = (dir: string): ResolvedSecrets['notes'][number] => ({
  level: 'warn',
  msg: `Using the development master key in ${join(dir, MASTER_KEY_FILE)}. Set MP_MASTER_KEY for anything real.`,
});

/**
 * Writes the key `resolveSecrets` generated for a missing key file, once `keys` opens every stored data key.
 * Another server starting on the same folder may have made the file meanwhile: then its key is the one, and
 * is checked the same way. Never replaces a file.
 */
async function settleKeyFile(db: Database, keys: TenantKeys, secrets: ResolvedSecrets, config: ServerConfig): Promise<ResolvedSecrets['notes'][number] | null> {
  const dir = secrets.keyFileDir;
  if (!dir) {
    await assertKeysOpenStore(db, keys.keyring);
    return null;
  }
  const path = join(dir, MASTER_KEY_FILE);
  // The file was read before the database opened; another server may have made it meanwhile, or rotate-key
  // rotated it. The file as it is now has the last word.
  const adoptTheFile = async (): Promise<ResolvedSecrets['notes'][number] | null> => {
    const now = readKeyFile(dir);
    if (!now) throw new ConfigError(`The key file ${path} changed while this server started and cannot be read now; start it again.`);
    keys.keyring = now.accept(config.previousMasterKeys);
    await assertKeysOpenStore(db, keys.keyring, { kind: 'file', path, missing: false });
    // resolveSecrets already said so when the file was there at the start.
    return secrets.pendingKey ? usingKeyFile(dir) : null;
  };
  try {
    await assertKeysOpenStore(db, keys.keyring, { kind: 'file', path, missing: !!secrets.pendingKey });
  } catch (err) {
    if (secrets.pendingKey && !existsSync(path)) throw err;
    return adoptTheFile();
  }
  if (!secrets.pendingKey) return null;
  if (createKeyFile(dir, secrets.pendingKey, keys.keyring.previous.map(keyText))) {
    return {
      level: 'warn',
      loud: true,
      msg: `NO MP_MASTER_KEY: GENERATED A DEVELOPMENT MASTER KEY INTO ${path}. Credentials encrypted with it are lost if that file is. Never use this in production: set MP_MASTER_KEY (32 random bytes, base64).`,
    };
  }
  return adoptTheFile();
}

/**
 * The HS256 token secret: `MP_JWT_SECRET`, or (outside production, without `MP_JWKS_URL`) the one in the data
 * folder, generated there when missing, or a throw-away one for `memory://`. Says which in `notes`.
 */
export function resolveJwtSecret(config: ServerConfig, target: DatabaseTarget, notes: ResolvedSecrets['notes']): string | null {
  if (config.jwtSecret || config.jwksUrl) return config.jwtSecret;
  if (config.production) throw new Error('MP_JWT_SECRET or MP_JWKS_URL is required in production.');
  if (target.kind === 'pglite' && target.dataDir === null) {
    notes.push({ level: 'info', msg: 'No MP_JWT_SECRET: using a throw-away token secret (mint tokens with signDevToken(claims, server.config)).' });
    return randomBytes(32).toString('base64url');
  }
  const path = join(config.dataDir, JWT_SECRET_FILE);
  const read = () => {
    try {
      return readIfPresent(path)?.trim();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') throw new ConfigError(dataDirProblem(config.dataDir) ?? `MP_DATA_DIR ${config.dataDir} is not a folder.`);
      throw new ConfigError(`The development token secret ${path} cannot be read (${readFailure(err)}). Give this user access to it, delete it to make a new one (tokens made with it stop working), or set MP_JWT_SECRET.`);
    }
  };
  let secret = read();
  if (!secret) {
    privateDataDir(config.dataDir);
    // Created only where there is none: a `token` run racing a server start must not replace the secret
    // the other one signs with. The one that lost the race reads the winner's.
    const made = randomBytes(32).toString('base64url');
    if (createOnce(path, made + '\n')) {
      notes.push({ level: 'warn', loud: true, msg: `NO MP_JWT_SECRET: GENERATED A DEVELOPMENT TOKEN SECRET INTO ${path}. Set MP_JWT_SECRET or MP_JWKS_URL for anything real.` });
      return made;
    }
    secret = read()!;
  }
  notes.push({ level: 'info', msg: `Using the development token secret in ${path}.` });
  return secret;
}

/**
 * The platform gateway from `@memberpulse/integration-connectors`, loaded only when the caller gives none
 * (jsforce is heavy, and tests often bring their own). A failure to load is a broken install: it stops the start.
 */
async function loadDefaultGateway(env: Record<string, string | undefined>): Promise<PlatformGateway> {
  const { gatewayFromConnectors } = await import('./connectors-adapter.js');
  return gatewayFromConnectors(env);
}

/**
 * Node's HTTP server options. A request (headers and body) must arrive within `requestTimeout` (408
 * otherwise, docs/api.md); the headers count against the same time (`headersTimeout` defaults to it, up to
 * 60 s). Node checks for overdue requests only every `connectionsCheckingInterval` (30 s by default, so a
 * stalled request was answered after 30–60 s with the default 30 s timeout): checking every second keeps the
 * answer within a second of the timeout, and a check walks Node's native list of open connections, which
 * costs next to nothing even with thousands of them. They must be given to the constructor: the check is
 * scheduled when the server starts listening.
 */
const httpOptions = (config: ServerConfig) => ({ requestTimeout: config.requestTimeoutMs, connectionsCheckingInterval: 1_000 });

/** Addresses only this machine reaches: 127.0.0.0/8 (IPv4-mapped too, as BlockList matches those) and ::1. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Starts the API server: reads the configuration from the environment (options override it), opens and
 * migrates the database, resolves the keys, serves HTTP, and answers a handle whose `close()` shuts down
 * gracefully. `port: 0` picks a free port; `databaseUrl: 'memory://'` uses a throw-away in-memory PGlite.
 *
 * @example
 * const server = await startServer({ port: 0, databaseUrl: 'memory://', log: () => {} });
 * const token = await signDevToken({ tenant: 't1', role: 'admin', sub: 'me' }, server.config);
 * await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
 * await server.close();
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { gateway: givenGateway, env, ...overrides } = options;
  const base = loadConfig(env ?? process.env);
  const config: ServerConfig = { ...base };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) (config as unknown as Record<string, unknown>)[k] = v;
  checkConfig(config);
  await assertCanListen(config.host, config.port);
  const gateway = givenGateway !== undefined ? givenGateway : await loadDefaultGateway(env ?? process.env);
  const target = databaseTarget(config);
  const { unlock, tightened } = lockTarget(target, true);
  if (tightened) config.log({ level: 'warn', msg: 'The data folder was open to other users: made it 0700.', dataDir: config.dataDir });
  let db: Database | null = null;
  try {
    const secrets = resolveSecrets(config, target);
    config.jwtSecret = secrets.jwtSecret;
    const tell = (n: ResolvedSecrets['notes'][number]) => {
      config.log({ level: n.level, msg: n.msg });
      if (n.loud && config.log !== noLog) process.stderr.write(`\n${'!'.repeat(78)}\n${n.msg}\n${'!'.repeat(78)}\n\n`);
    };
    secrets.notes.forEach(tell);
    const keys = new TenantKeys(secrets.keyring, secrets.keyFileDir ? () => readKeyFile(secrets.keyFileDir!) : null);
    db = await openDatabase(target);
    const settled = await settleKeyFile(db, keys, secrets, config);
    if (settled) tell(settled);
    const state: AppState = { draining: false, inFlight: 0 };
    const app = createApp({ config, db, keys, gateway, state });
    await state.listening;

    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: httpOptions(config) }) as Server;
      s.once('listening', () => resolve(s));
      s.once('error', reject);
    });
    server.on('clientError', clientErrorHandler(config.log));
    server.keepAliveTimeout = 5_000;
    const { port, address, family } = server.address() as AddressInfo;
    const hostForUrl = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${hostForUrl}:${port}`;
    const prune = setInterval(() => void store.pruneIdempotency(db!).catch(() => {}), 3_600_000);
    prune.unref();
    config.log({ level: 'info', msg: 'listening', url, database: db.kind, dev: config.dev, connectors: gateway ? 'loaded' : 'none' });
    // The address bound, not HOST as written: a name (localhost., ip6-localhost) or a long IPv6 form says the same.
    if (!config.production && !LOOPBACK.check(address, family === 'IPv6' ? 'ipv6' : 'ipv4')) {
      config.log({
        level: 'warn',
        msg: `NODE_ENV is not production, yet the server listens on ${config.host}, beyond this machine: tenants may point a CRM at this machine's loopback ports (a test org) and any page on localhost may call the API. Set NODE_ENV=production for a server others reach.`,
      });
    }

    let closing: Promise<void> | null = null;
    const openDb = db;
    const close = () =>
      (closing ??= (async () => {
        state.draining = true;
        clearInterval(prune);
        if (config.drainGraceSeconds > 0) await new Promise((resolve) => setTimeout(resolve, config.drainGraceSeconds * 1000));
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections?.();
          const idle = setInterval(() => server.closeIdleConnections?.(), 100);
          const hard = setTimeout(() => server.closeAllConnections?.(), 10_000);
          server.once('close', () => {
            clearInterval(idle);
            clearTimeout(hard);
          });
        });
        try {
          await openDb.close();
        } finally {
          unlock();
        }
        config.log({ level: 'info', msg: 'stopped' });
      })());

    const rotateMasterKey = async (text?: string) => {
      const next = newMasterKey(text);
      if (secrets.keyFileDir) {
        const all = [keys.keyring.current, ...keys.keyring.previous].filter((k) => k.id !== next.key.id).map(keyText);
        writeKeyFile(secrets.keyFileDir, next.text, all);
      } else if (config.masterKey) {
        config.log({ level: 'warn', msg: 'Master key rotated in this process only: set MP_MASTER_KEY to the new key (and the old one in MP_MASTER_KEY_PREVIOUS until every server has it) before the next start.' });
      }
      keys.keyring.promote(next.key);
      const result = await rewrapDataKeys(openDb, keys.keyring);
      config.log({ level: 'info', msg: 'master key rotated', keyId: result.keyId, rewrapped: result.rewrapped });
      return { ...result, masterKey: next.text };
    };

    return {
      url,
      port,
      config,
      app: app as unknown as Hono,
      db,
      get inFlight() {
        return state.inFlight;
      },
      close,
      rotateMasterKey,
    };
  } catch (err) {
    await db?.close().catch(() => {});
    unlock();
    throw err;
  }
}

/** A log sink that drops everything. */
export const noLog = () => {};
