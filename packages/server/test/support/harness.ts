// Shared test harness: runs a suite on both backends (in-memory PGlite and a real Postgres started here),
// starts servers on them with captured logs, and mints tokens per tenant and role.
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import type { Role } from '@memberpulse/integration-schema';
import { generateMasterKey, signDevToken, startServer, type LogEntry, type RunningServer, type StartOptions } from '../../src/index.js';
import { findPostgres, startPostgres, type PostgresCluster } from './postgres.js';
import { requiredContactMappings } from '../../../schema/test/fixtures.js';

/** A database the suites run against. */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database for one server (`memory://` for PGlite). */
  databaseUrl(): Promise<string>;
}

let cluster: Promise<PostgresCluster> | null = null;
/** The Postgres cluster of this test process, started on first use. */
export function postgresCluster(): Promise<PostgresCluster> {
  cluster ??= startPostgres();
  return cluster;
}

const pgFound = findPostgres();
/** Why the Postgres runs are skipped, or null when they run. */
export const postgresSkipReason: string | null = 'missing' in pgFound ? `real Postgres skipped: ${pgFound.missing}` : null;
if (postgresSkipReason) process.stdout.write(`# ${postgresSkipReason}\n`);

export const backends: Backend[] = [
  { name: 'pglite', databaseUrl: async () => 'memory://' },
  { name: 'postgres', databaseUrl: async () => (await postgresCluster()).createDatabase() },
];

/** `describe(title [backend])` once per backend; the Postgres one is skipped with a printed reason when its binaries are absent. */
export function describeEachBackend(title: string, fn: (backend: Backend) => void): void {
  for (const backend of backends) {
    const skip = backend.name === 'postgres' && postgresSkipReason ? postgresSkipReason : false;
    describe(`${title} [${backend.name}]`, { skip }, () => fn(backend));
  }
}

export const roleNames: readonly Role[] = ['admin', 'editor', 'viewer', 'auditor'];

/** A server under test with its captured log lines and request helpers. */
export interface TestServer {
  server: RunningServer;
  url: string;
  logs: LogEntry[];
  /** Tokens for every role of a tenant (a fresh tenant when none is named). */
  tenant(id?: string): Promise<TestTenant>;
  close(): Promise<void>;
}

/** A tenant with a token per role and a request helper per role. */
export interface TestTenant {
  id: string;
  tokens: Record<Role, string>;
  as(role: Role): Client;
}

/** What `Client` calls answer: status, headers and the parsed body (text when it is not JSON). */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is (not JSON-encoded). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export type Client = (method: string, path: string, options?: RequestOptions) => Promise<Reply>;

/** Sends one request to `url` with an optional bearer token. */
export async function send(url: string, token: string | null, method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}) };
  let body: BodyInit | undefined;
  if (options.raw !== undefined) {
    body = options.raw as BodyInit;
    headers['content-type'] = 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url + path, { method, headers: { ...headers, ...options.headers }, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** Starts a server on `backend` (rate limit off unless given, logs captured). */
export async function startTestServer(backend: Backend, options: StartOptions = {}): Promise<TestServer> {
  const logs: LogEntry[] = [];
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: await backend.databaseUrl(),
    masterKey: generateMasterKey(),
    jwtSecret: `test-secret-${randomUUID()}`,
    rateLimitPerMinute: 0,
    gateway: null,
    log: (e) => logs.push(e),
    env: {},
    ...options,
  });
  return {
    server,
    url: server.url,
    logs,
    async tenant(id = `t-${randomUUID().slice(0, 8)}`) {
      const tokens = {} as Record<Role, string>;
      for (const role of roleNames) tokens[role] = await signDevToken({ tenant: id, role, sub: `${role}@${id}` }, server.config);
      return { id, tokens, as: (role: Role) => (method, path, opts) => send(server.url, tokens[role], method, path, opts) };
    },
    close: () => server.close(),
  };
}

/** A complete, enable-ready Salesforce document (connected-app sign-in) with the given secret. */
export function salesforceDoc(secret: string) {
  return {
    platform: 'salesforce',
    config: { environment: 'production', authMode: 'connectedApp', consumerKey: 'ck-public-1' },
    credentials: { consumerSecret: secret },
  };
}

/** The CRM part that, with `salesforceDoc`, passes every enable rule. */
export const enableReadyCrm = {
  memberObject: 'Contact',
  memberMappings: requiredContactMappings,
  eventTagField: 'MP_Tags__c',
};

/** Field-error pointers of a problem reply. */
export const pointers = (r: Reply): string[] => (Array.isArray(r.body?.errors) ? r.body.errors.map((e: { pointer: string }) => e.pointer) : []);

/** A reply's field errors (`errors`) or warnings, each as "pointer code". */
const pointerCodes = (r: Reply, list: 'errors' | 'warnings'): string[] => (r.body?.[list] ?? []).map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`);
export const errorsOf = (r: Reply) => pointerCodes(r, 'errors');
export const warningsOf = (r: Reply) => pointerCodes(r, 'warnings');
