import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { isHttpsOrLoopback } from '@memberpulse/integration-schema/validation';
import { parseMasterKey } from './crypto.js';

/** One structured log entry. The server never puts a body, a header value or a secret in one. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  [key: string]: unknown;
}

/** Receives the server's log entries; the default writes one JSON line per entry to stdout. */
export type LogSink = (entry: LogEntry) => void;

/**
 * Everything the server is configured with. `loadConfig(process.env)` builds it from the environment
 * (see docs/server.md); `startServer(options)` lets options override any field.
 */
export interface ServerConfig {
  /** TCP port; 0 picks a free one. Env `PORT`, default 8787. */
  port: number;
  /** Interface to listen on. Env `HOST`, default `127.0.0.1`. */
  host: string;
  /**
   * Env `DATABASE_URL`. `postgres://…` or `postgresql://…` uses a real Postgres; `memory://` an in-memory
   * PGlite (nothing kept); null (unset) a PGlite data folder at `dataDir`.
   */
  databaseUrl: string | null;
  /** PGlite data folder (also holds the dev master key and JWT secret). Env `MP_DATA_DIR`, default `./.data`. */
  dataDir: string;
  /** Base64 (or 64 hex digits) 32-byte master key that wraps the tenants' data keys. Env `MP_MASTER_KEY`. */
  masterKey: string | null;
  /** Older master keys still accepted for unwrapping during a rotation. Env `MP_MASTER_KEY_PREVIOUS` (comma-separated). */
  previousMasterKeys: string[];
  /** HS256 secret for bearer tokens. Env `MP_JWT_SECRET` (at least 32 characters). */
  jwtSecret: string | null;
  /** JWKS URL for bearer tokens signed with asymmetric keys. Env `MP_JWKS_URL`. */
  jwksUrl: string | null;
  /** Required `iss`. Env `MP_JWT_ISSUER`, default `memberpulse-dev`. */
  jwtIssuer: string;
  /** Required `aud`. Env `MP_JWT_AUDIENCE`, default `memberpulse-integrations`. */
  jwtAudience: string;
  /** Allowed browser origins; `*` allows any. Env `MP_CORS_ORIGINS` (comma-separated). Outside production, localhost origins are allowed too. */
  corsOrigins: string[];
  /** Server-wide Salesforce Connected App client id. Env `SALESFORCE_CLIENT_ID`. */
  salesforceClientId: string | null;
  /** Server-wide Salesforce Connected App client secret. Env `SALESFORCE_CLIENT_SECRET`. */
  salesforceClientSecret: string | null;
  /** Login URL used when a tenant gives no My Domain URL. Env `SALESFORCE_LOGIN_URL`, default `https://login.salesforce.com`. */
  salesforceLoginUrl: string;
  /** The CLI's `serve` prints a demo admin token. Env `MP_DEV=1`; refused in production. */
  dev: boolean;
  /** `NODE_ENV=production`: refuses to start without a master key and a token verifier. */
  production: boolean;
  /** Requests per minute per tenant before 429; 0 disables. Env `MP_RATE_LIMIT`, default 3000. */
  rateLimitPerMinute: number;
  /** How long CRM describe results are cached per tenant, in seconds. Env `MP_DESCRIBE_TTL`, default 600. */
  describeCacheTtlSeconds: number;
  /**
   * Seconds a graceful stop keeps the listener open answering 503 on `/readyz` before closing it, so a load
   * balancer sees the server leave. Env `MP_DRAIN_GRACE`, default 0, or 5 with `NODE_ENV=production`.
   */
  drainGraceSeconds: number;
  /**
   * Milliseconds a request (headers and body) has to arrive before it is answered 408. Not from the
   * environment; default 30 000.
   */
  requestTimeoutMs: number;
  /** Where log entries go. Not from the environment; `MP_LOG=silent` discards them. */
  log: LogSink;
}

/** A configuration problem that stops the server from starting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A yes/no variable: 1, true, yes, on or 0, false, no, off (any case), or unset; anything else names it. */
function flag(name: string, v: string | undefined): boolean {
  const s = (v ?? '').trim();
  if (/^(1|true|yes|on)$/i.test(s)) return true;
  if (/^(0|false|no|off)?$/i.test(s)) return false;
  throw new ConfigError(`${name} must be 1/true/yes/on or 0/false/no/off, not “${s}”.`);
}
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const str = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

function int(name: string, v: string | undefined, fallback: number, min: number, max: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}.`);
  return n;
}

/** A port from the environment variable `name`: unset or blank is `fallback`; anything but 0–65535 is a `ConfigError` naming it. */
export function portFromEnv(name: string, env: Record<string, string | undefined>, fallback: number): number {
  return int(name, env[name], fallback, 0, 65535);
}

const hostName = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** The env list of CORS origins, each reduced to its origin (`https://a.example/` → `https://a.example`). */
function origins(v: string | undefined): string[] {
  return list(v).map((entry) => {
    if (entry === '*') return entry;
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      /* reported below */
    }
    // An entry with a user name or password is not quoted: the password is a secret.
    if (url && (url.username || url.password)) throw new ConfigError('MP_CORS_ORIGINS: an entry carries a user name or password; an origin is scheme://host[:port].');
    if (!url || url.origin === 'null' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      throw new ConfigError(`MP_CORS_ORIGINS: “${entry}” is not an origin (scheme://host[:port], e.g. https://portal.example.org), nor *.`);
    }
    return url.origin;
  });
}

/** What stops the data folder from being created or written, naming MP_DATA_DIR (checked without creating it); null when nothing. */
export function dataDirProblem(dir: string): string | null {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    if (!statSync(existing).isDirectory()) return `MP_DATA_DIR ${dir}: ${existing} is a file, not a folder.`;
    accessSync(existing, constants.W_OK | constants.X_OK);
    return null;
  } catch {
    return `MP_DATA_DIR ${dir}: ${existing} is not writable by this user.`;
  }
}

/** Whether a start writes into the data folder: PGlite on disk, or dev secrets generated beside it. */
function usesDataDir(config: ServerConfig, tokens: boolean): boolean {
  const target = databaseTarget(config);
  if (target.kind === 'pglite') return target.dataDir !== null;
  return !config.production && (!config.masterKey || (tokens && !config.jwtSecret && !config.jwksUrl));
}

/** Writes one JSON line per entry to stdout. */
export const stdoutLog: LogSink = (entry) => {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n');
};

/**
 * Reads the server configuration from environment variables (documented in docs/server.md).
 * Throws `ConfigError` for malformed values; production checks run in `checkConfig`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const logMode = (env.MP_LOG ?? '').trim().toLowerCase();
  const production = (env.NODE_ENV ?? '').trim().toLowerCase() === 'production';
  return {
    port: portFromEnv('PORT', env, 8787),
    host: str(env.HOST) ?? '127.0.0.1',
    databaseUrl: str(env.DATABASE_URL),
    dataDir: resolve(str(env.MP_DATA_DIR) ?? '.data'),
    masterKey: str(env.MP_MASTER_KEY),
    previousMasterKeys: list(env.MP_MASTER_KEY_PREVIOUS),
    jwtSecret: str(env.MP_JWT_SECRET),
    jwksUrl: str(env.MP_JWKS_URL),
    jwtIssuer: str(env.MP_JWT_ISSUER) ?? 'memberpulse-dev',
    jwtAudience: str(env.MP_JWT_AUDIENCE) ?? 'memberpulse-integrations',
    corsOrigins: origins(env.MP_CORS_ORIGINS),
    salesforceClientId: str(env.SALESFORCE_CLIENT_ID),
    salesforceClientSecret: str(env.SALESFORCE_CLIENT_SECRET),
    salesforceLoginUrl: str(env.SALESFORCE_LOGIN_URL) ?? 'https://login.salesforce.com',
    dev: flag('MP_DEV', env.MP_DEV),
    production,
    rateLimitPerMinute: int('MP_RATE_LIMIT', env.MP_RATE_LIMIT, 3000, 0, 10_000_000),
    describeCacheTtlSeconds: int('MP_DESCRIBE_TTL', env.MP_DESCRIBE_TTL, 600, 0, 86_400),
    drainGraceSeconds: int('MP_DRAIN_GRACE', env.MP_DRAIN_GRACE, production ? 5 : 0, 0, 300),
    requestTimeoutMs: 30_000,
    log: logMode === 'silent' ? () => {} : stdoutLog,
  };
}

/** The database the configuration names. */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };

/** Resolves `databaseUrl` / `dataDir` into a driver choice. */
export function databaseTarget(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): DatabaseTarget {
  const url = config.databaseUrl;
  if (!url) return { kind: 'pglite', dataDir: config.dataDir };
  if (url === 'memory://' || url === 'memory:') return { kind: 'pglite', dataDir: null };
  if (/^postgres(ql)?:\/\//i.test(url)) {
    // The URL carries a password: the message names the variable, never the value.
    if (!URL.canParse(url)) throw new ConfigError('DATABASE_URL is not a valid URL (check the host name and that the port is 1–65535).');
    return { kind: 'postgres', url };
  }
  throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql:// (or be memory:// for a throw-away database).');
}

/** What is wrong with an HS256 token secret, if anything (the server's rule, also the `token` command's). */
export function jwtSecretProblem(secret: string | null): string | null {
  return secret && secret.length < 32 ? 'MP_JWT_SECRET must be at least 32 characters.' : null;
}

/**
 * Checks the rules that keep a production server safe; throws `ConfigError` with every problem found.
 * `tokens: false` is for commands that verify no token (`rotate-key`).
 */
export function checkConfig(config: ServerConfig, { tokens = true }: { tokens?: boolean } = {}): void {
  const problems: string[] = [];
  if (config.production) {
    if (config.dev) problems.push('MP_DEV cannot be used with NODE_ENV=production.');
    if (!config.masterKey) problems.push('MP_MASTER_KEY is required in production (32 random bytes, base64).');
    if (tokens && !config.jwtSecret && !config.jwksUrl) problems.push('MP_JWT_SECRET or MP_JWKS_URL is required in production.');
  }
  for (const [name, key] of [['MP_MASTER_KEY', config.masterKey], ...config.previousMasterKeys.map((k) => ['MP_MASTER_KEY_PREVIOUS', k] as const)] as const) {
    if (!key) continue;
    try {
      parseMasterKey(key);
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`);
    }
  }
  const weak = jwtSecretProblem(config.jwtSecret);
  if (weak) problems.push(weak);
  if (config.jwksUrl && (!URL.canParse(config.jwksUrl) || !/^https?:$/.test(new URL(config.jwksUrl).protocol))) problems.push('MP_JWKS_URL must be an http(s) URL.');
  else if (config.jwksUrl && config.production && !isHttpsOrLoopback(config.jwksUrl)) problems.push('MP_JWKS_URL must be https in production (http only for localhost, 127.0.0.1 or [::1]).');
  if (!config.salesforceClientId !== !config.salesforceClientSecret) problems.push('SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET must be set together.');
  if (!isIP(config.host) && !hostName.test(config.host)) problems.push(`HOST “${config.host}” is not an IP address or a host name.`);
  if (!isHttpsOrLoopback(config.salesforceLoginUrl)) problems.push('SALESFORCE_LOGIN_URL must be an https URL (http only for localhost, 127.0.0.1 or [::1]).');
  if (config.jwksUrl && config.jwtSecret) problems.push('Set either MP_JWT_SECRET or MP_JWKS_URL, not both.');
  if (usesDataDir(config, tokens)) {
    const problem = dataDirProblem(config.dataDir);
    if (problem) problems.push(problem);
  }
  if (problems.length) throw new ConfigError(problems.join(' '));
}
