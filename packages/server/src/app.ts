import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { StatusCode } from 'hono/utils/http-status';
import type { IncomingMessage } from 'node:http';
import {
  categoryFromSlug,
  categorySlugs,
  fieldError,
  findPlatform,
  memberFields,
  changedConnectionSettings,
  missingConnectionSettings,
  settingPointer,
  orderFields,
  platformCatalog,
  validateConfig,
  validateCredentialInput,
  validateSettings,
  type AuditAction,
  type ConfigValue,
  type EndpointSort,
  type FieldError,
  type IntegrationCategory,
  type IntegrationSettingsInput,
  type Page,
  type IntegrationEndpoint,
  type AuditEvent,
  type ValidationResult,
} from '@memberpulse/integration-schema';
import {
  CredentialValueInputSchema,
  IntegrationEndpointCreateSchema,
  IntegrationEndpointUpdateSchema,
  IntegrationSettingsInputSchema,
  TestConnectionInputSchema,
  endpointNameKey,
  endpointSorts,
  isLoopbackUrl,
  parseWithPointers,
  problemTypes,
} from '@memberpulse/integration-schema/validation';
import { AuthError, KeysUnavailableError, can, createVerifier, permissionsByRole, type Permission, type Principal } from './auth.js';
import type { LogSink, ServerConfig } from './config.js';
import { DecryptError, decryptField, fingerprintMatches, requestFingerprint } from './crypto.js';
import { sqlState, violatedConstraint, type Database, type Queryable } from './db.js';
import { DescribeCache, PlatformError, type PlatformConnection, type PlatformGateway } from './discovery.js';
import { BodyNotReceivedError, IDEMPOTENCY_KEY_PATTERN, REQUEST_ID_PATTERN, UNSTORABLE, readJson, readJsonDocument, readNoBody } from './http.js';
import { CLIENT_CLOSED, trackRequest } from './client-error.js';
import { parseTimestamp } from './timestamp.js';
import type { TenantKeys } from './keys.js';
import { buildOpenApi } from './openapi.js';
import { ReadCache } from './read-cache.js';
import { ProblemError, badRequest, forbidden, notFound, problemBody, unprocessable } from './problem.js';
import { UndescribedObjects, archived, assertConnectionKept, checkPreconditions, driftOf, entityTags, settingsEtag, versionEtag, setArchived, validateDocument, writeSettings, type WriteContext } from './settings-service.js';
import * as store from './store.js';

/** Readiness and in-flight bookkeeping shared by the app and the HTTP server around it. */
export interface AppState {
  /** Set when shutdown starts: `/readyz` answers 503 so load balancers stop sending traffic. */
  draining: boolean;
  inFlight: number;
}

/** What `createApp` needs. `startServer` builds all of it; tests may build it themselves. */
export interface AppDeps {
  config: ServerConfig;
  /** An opened and migrated database (`openDatabase`). */
  db: Database;
  /** Tenants' data keys under the master keyring. */
  keys: TenantKeys;
  /** CRM / platform calls for discovery and test-connection; without it those routes answer 501. */
  gateway?: PlatformGateway | null;
  state?: AppState;
  /** Defaults to `config.log`. */
  log?: LogSink;
}

type Env = { Bindings: { incoming?: IncomingMessage }; Variables: { requestId: string; principal: Principal; rawBody: string } };

/**
 * A request header. Under @hono/node-server it is read from Node's own parsed headers: building the
 * fetch-style Headers of every request costs more than the rest of a cached read.
 */
function header(c: Context<Env>, name: string): string | undefined {
  const incoming = c.env?.incoming;
  if (!incoming) return c.req.header(name);
  const v = incoming.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

interface WriteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The tenant's cached CRM describes no longer hold (new credentials or connection, the record archived): every server drops them. */
  dropDescribes?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SETTING_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,254}$/;
const auditActions: readonly AuditAction[] = [
  'settings.create', 'settings.update', 'settings.enable', 'settings.archive', 'settings.restore', 'credential.write',
  'credential.clear', 'credential.decrypt', 'endpoint.create', 'endpoint.update', 'endpoint.delete', 'key.rotate',
];

/** The CRM choices that need the connection (`credentials_required`), as a sentence names them. */
const crmChoiceNames = {
  memberObject: 'member object',
  memberMappings: 'member field mappings',
  eventTagField: 'event tag field',
  courseTagField: 'course tag field',
  orderObject: 'order object',
  orderMappings: 'order field mappings',
} as const;

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function fromB64url<T>(text: string): T | null {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * Builds the Hono app: every route of docs/api.md, problem+json errors, auth, roles, limits, ETags and
 * idempotency. Use it in-process with `app.request(...)`, or serve it (`startServer` does).
 */
export function createApp(deps: AppDeps): Hono<Env> {
  const { config, db, keys } = deps;
  const log = deps.log ?? config.log;
  const state = deps.state ?? { draining: false, inFlight: 0 };
  const gateway = deps.gateway ?? null;
  const verify = createVerifier(config);
  const cache = new DescribeCache(config.describeCacheTtlSeconds * 1000);
  const planDeps = { cache, allowLoopback: !config.production };
  // Settings reads per tenant. PGlite serves one process, so this process sees every write; on Postgres
  // other servers write too, and their NOTIFYs invalidate (caching pauses while notifications may be lost).
  const reads = new ReadCache<{ etag?: string; body: string } | null>(db.kind === 'pglite');
  // The payload is the tenant, and after a write whose result says `dropDescribes` also the id of the server
  // that wrote: the describes cached for the old org (or an archived record) must go on every other server
  // (the writer dropped its own at the commit; its own NOTIFY, arriving later, would drop a fresh describe).
  // Describes keep being cached while notifications may be lost (each costs the org's API allowance), and all
  // of them go when the listening connection drops and again when it is back.
  const TENANT_CHANGED = 'mp_tenant_changed';
  const serverId = randomUUID();
  let wasDown = false;
  void db.listen?.(
    TENANT_CHANGED,
    (payload) => {
      const [tenant = '', writer] = payload.split('\n');
      reads.invalidate(tenant);
      if (writer && writer !== serverId) cache.drop(tenant);
    },
    (listening) => {
      reads.reset(listening);
      if (wasDown || !listening) cache.drop();
      wasDown = !listening;
    },
  );
  const tenantChanged = async (q: Queryable, tenant: string, dropDescribes = false) => {
    if (db.kind === 'postgres') await q.query('SELECT pg_notify($1, $2)', [TENANT_CHANGED, dropDescribes ? `${tenant}\n${serverId}` : tenant]);
  };
  const buckets = new Map<string, { tokens: number; at: number }>();
  let openapi: string | null = null;
  const app = new Hono<Env>();

  // Request id, timing and the access log. Nothing from the body or the headers is logged.
  app.use('*', async (c, next) => {
    const given = header(c, 'x-request-id');
    const requestId = given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    // Set before the handler runs, these reach every response built through the context (c.json, c.body);
    // every route and error path of this app builds its responses that way. Changing headers afterwards
    // would cost the node adapter its fast path.
    c.header('X-Request-Id', requestId);
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.path.startsWith('/v1/')) c.header('Cache-Control', 'no-store');
    const started = performance.now();
    // Node's parser may refuse the rest of this request (a timeout, chunk extensions over its limit) and
    // answer it while the app reads the body: the connection tells this line what was answered.
    const incoming = c.env?.incoming;
    const tracked = incoming ? trackRequest(incoming, requestId) : null;
    state.inFlight++;
    try {
      await next();
    } finally {
      state.inFlight--;
      tracked?.done();
    }
    const ended = tracked?.request.ended ?? (c.res.status === CLIENT_CLOSED ? { status: CLIENT_CLOSED, reason: 'client_closed' } : null);
    const status = ended?.status ?? c.res.status;
    const p = c.get('principal');
    log({
      // A readiness probe told "draining" is the stop working as meant, not an error.
      level: status >= 500 && !(state.draining && c.req.path === '/readyz') ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status,
      ...(ended ? { reason: ended.reason } : {}),
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId,
      ...(p ? { tenant: p.tenant, sub: p.sub } : {}),
    });
  });

  const anyOrigin = config.corsOrigins.includes('*');
  const corsHeaders = cors({
    origin: (origin) => {
      if (!origin) return null;
      if (anyOrigin || config.corsOrigins.includes(origin)) return origin;
      if (planDeps.allowLoopback && isLoopbackUrl(origin)) return origin;
      return null;
    },
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    // No list: the preflight allows the headers it is asked about, so a host's own (the SDK's `headers`
    // option, a tracing header) work too. Only an allowed origin gets a grant at all.
    exposeHeaders: ['ETag', 'X-Request-Id', 'Idempotent-Replayed', 'Retry-After', 'Location'],
    maxAge: 600,
  });
  // Only browser requests carry an Origin; the others skip the CORS work.
  app.use('*', (c, next) => (header(c, 'origin') ? corsHeaders(c, next) : next()));

  const problem = (c: Context<Env>, err: ProblemError) => {
    const body = problemBody(err.status, err.detail, c.req.path, c.get('requestId') ?? '', err.extra);
    return c.newResponse(JSON.stringify(body), err.status as StatusCode, { 'Content-Type': 'application/problem+json', ...(err.extra.headers ?? {}) });
  };

  app.onError((err, c) => {
    if (err instanceof ProblemError) return problem(c, err);
    // Nobody to answer (or the parser answered already): the access line says what happened.
    if (err instanceof BodyNotReceivedError) return c.body(null, CLIENT_CLOSED as StatusCode);
    if (err instanceof PlatformError) return problem(c, platformProblem(err));
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(c, new ProblemError(status, status === 404 ? 'No such resource.' : 'The request was not accepted.'));
    }
    log({ level: 'error', msg: 'unhandled error', requestId: c.get('requestId'), error: err.name, message: err.message, code: sqlState(err), stack: err.stack });
    return problem(c, new ProblemError(500, 'Something went wrong on our side. Quote the request id when you report it.'));
  });
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length === 0) {
      // Its own type, so a client can tell a wrong base URL from a record that does not exist (yet).
      const detail = `No such route: ${c.req.path}. The API's paths start with /v1/ on the server's origin.`;
      return problem(c, new ProblemError(404, detail, { type: problemTypes.noSuchRoute, title: 'No such route' }));
    }
    const allow = [...allowed, 'OPTIONS'].join(', ');
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
    return problem(c, new ProblemError(405, `${c.req.method} is not allowed here; this resource takes ${allowed.join(', ')}.`, { headers: { Allow: allow } }));
  });
  let routeTable: Array<{ method: string; pattern: RegExp }> | undefined;
  /** The methods a route answers on this path (HEAD with GET): a path that exists never answers 404 for a wrong method. */
  const allowedMethods = (path: string): string[] => {
    routeTable ??= app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}$`) }));
    const methods = new Set(routeTable.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods];
  };

  // Operations

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (state.draining) return c.json({ status: 'draining' }, 503);
    try {
      await db.query('SELECT 1');
      return c.json({ status: 'ready', database: db.kind });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });
  app.get('/v1/openapi.json', (c) => {
    openapi ??= JSON.stringify(buildOpenApi());
    return c.body(openapi, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' });
  });

  // Authentication, then the per-tenant rate limit

  app.use('/v1/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const authorization = header(c, 'authorization') ?? '';
    const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/i.exec(authorization.trim());
    if (!m) throw new ProblemError(401, 'Send a bearer token: Authorization: Bearer <JWT>.', { headers: { 'WWW-Authenticate': 'Bearer' } });
    try {
      c.set('principal', await verify(m[1]!));
    } catch (err) {
      if (err instanceof KeysUnavailableError) throw new ProblemError(503, err.message, { headers: { 'Retry-After': '5' } });
      const detail = err instanceof AuthError ? err.message : 'The token could not be verified.';
      throw new ProblemError(401, detail, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    }
    if (config.rateLimitPerMinute > 0) {
      const tenant = c.get('principal').tenant;
      const rate = config.rateLimitPerMinute / 60_000;
      const now = Date.now();
      const b = buckets.get(tenant) ?? { tokens: config.rateLimitPerMinute, at: now };
      b.tokens = Math.min(config.rateLimitPerMinute, b.tokens + (now - b.at) * rate);
      b.at = now;
      if (b.tokens < 1) {
        buckets.set(tenant, b);
        throw new ProblemError(429, 'Too many requests for this tenant; slow down.', { headers: { 'Retry-After': String(Math.ceil((1 - b.tokens) / rate / 1000)) } });
      }
      b.tokens -= 1;
      if (buckets.size > 50_000) buckets.clear();
      buckets.set(tenant, b);
    }
    await next();
  });

  const need = (c: Context<Env>, permission: Permission): Principal => {
    const p = c.get('principal');
    if (!can(p.role, permission)) throw forbidden(`The ${p.role} role may not do this (needs ${permission}).`);
    return p;
  };
  const writeContext = (c: Context<Env>): WriteContext => ({ principal: c.get('principal'), requestId: c.get('requestId'), now: new Date().toISOString() });
  const pre = (c: Context<Env>) => ({ ifMatch: header(c, 'if-match'), ifNoneMatch: header(c, 'if-none-match') });
  const categoryOf = (c: Context<Env>): IntegrationCategory => {
    const category = categoryFromSlug(c.req.param('category') ?? '');
    if (!category) throw notFound(`No such settings category; use ${Object.values(categorySlugs).join(', ')}.`);
    return category;
  };
  const parse = <T>(result: { ok: true; value: T } | { ok: false; errors: FieldError[] }): T => {
    if (!result.ok) throw unprocessable(result.errors);
    return result.value;
  };

  /**
   * Runs a write in one transaction. With an `Idempotency-Key`, the first successful response is stored in
   * the same transaction as the write, so a retry replays it and the write is applied once. Requests with
   * one key queue on a lock of that key, so a concurrent retry waits for the first to commit and replays
   * its answer instead of meeting its effects (a stale If-Match, a name now taken).
   */
  const runWrite = async (c: Context<Env>, fn: (tx: Queryable) => Promise<WriteResult>): Promise<Response> => {
    const tenant = c.get('principal').tenant;
    const key = header(c, 'idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) throw badRequest('Idempotency-Key must be 1–255 visible ASCII characters.');
    const request = `${c.req.method} ${c.req.path}\n${c.get('rawBody') ?? ''}`;
    const replay = (prior: store.StoredResponse) => {
      if (!fingerprintMatches(keys.keyring, prior.fingerprint, request)) throw new ProblemError(409, 'This Idempotency-Key was already used for a different request.');
      return c.newResponse(prior.body === '' ? null : prior.body, prior.status as StatusCode, {
        ...(prior.body === '' ? {} : { 'Content-Type': 'application/json' }),
        ...prior.headers,
        'Idempotent-Replayed': 'true',
      });
    };
    let result: WriteResult | undefined;
    for (let attempt = 1; !result; attempt++) {
      try {
        const outcome = await db.transaction(async (tx): Promise<WriteResult | { prior: store.StoredResponse }> => {
          if (key) {
            await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${tenant}\n${key}`]);
            const prior = await store.getIdempotent(tx, tenant, key);
            if (prior) return { prior };
          }
          const r = await fn(tx);
          await tenantChanged(tx, tenant, r.dropDescribes);
          if (key) {
            await store.putIdempotent(tx, tenant, key, { fingerprint: requestFingerprint(keys.keyring.current, request), status: r.status, headers: r.headers ?? {}, body: r.body === undefined ? '' : JSON.stringify(r.body) });
          }
          return r;
        });
        if ('prior' in outcome) return replay(outcome.prior);
        result = outcome;
      } catch (err) {
        // Two first writes of one settings record raced to insert it, or the database chose this transaction
        // as a deadlock / serialization victim: run it again, now against the winner's row.
        if (attempt < 3 && isRetryable(err)) continue;
        throw err;
      } finally {
        reads.invalidate(tenant);
      }
    }
    if (result.dropDescribes) cache.drop(tenant);
    const body = result.body === undefined ? null : JSON.stringify(result.body);
    return c.newResponse(body, result.status as StatusCode, { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(result.headers ?? {}) });
  };

  // Identity and catalog

  app.get('/v1/me', (c) => {
    const p = c.get('principal');
    return c.json({ tenantId: p.tenant, subject: p.sub, role: p.role, permissions: [...permissionsByRole[p.role]] });
  });
  app.get('/v1/platforms', (c) => {
    need(c, 'catalog:read');
    return c.json({ items: platformCatalog });
  });
  app.get('/v1/fields', (c) => {
    need(c, 'catalog:read');
    return c.json({ member: memberFields, order: orderFields });
  });

  // CRM discovery (registered before the generic category routes)

  const archivedCallPurpose = {
    discovery: 'reading the CRM’s objects and fields',
    'api-usage': 'reading the CRM’s API usage',
    'test-connection': 'testing the connection',
  } as const;
  const platformCall = async <T>(
    c: Context<Env>,
    category: IntegrationCategory,
    purpose: keyof typeof archivedCallPurpose,
    overlay: { platform?: string | null; config?: Record<string, ConfigValue | null>; credentials?: Record<string, string | null> } | undefined,
    call: (conn: PlatformConnection) => Promise<T>,
  ): Promise<T> => {
    const p = c.get('principal');
    const stored = await store.getSettings(db, p.tenant, category);
    // An archived record is off: nothing of it is decrypted or sent anywhere, as nothing of it is changed, until it is restored.
    if (stored?.status === 'archived') throw archived(archivedCallPurpose[purpose]);
    const platform = overlay?.platform !== undefined ? overlay.platform : (stored?.platform ?? null);
    const def = findPlatform(platform);
    if (!def || def.category !== category) {
      if (!stored && overlay?.platform === undefined) throw notFound(`There are no ${categorySlugs[category]} settings.`);
      // The rules' own /platform error (none chosen, one we do not integrate with, one of another category): they stop at it.
      throw unprocessable(validateSettings({ category, platform, config: {}, configuredSecrets: new Set(), crm: null }, 'enable').errors.slice(0, 1));
    }
    if (!def.testable) throw unprocessable([fieldError('/platform', 'invalid', `${def.name} calls MemberPulse; there is no connection to test from here.`)]);
    if (!gateway) throw new ProblemError(501, 'This server has no platform connectors configured.', { title: 'No platform connectors' });
    if (!gateway.supports(def.id)) throw unprocessable([fieldError('/platform', 'invalid', `${def.name} has no connector on this server.`)]);
    const samePlatform = stored?.platform === def.id;
    const settingsConfig: Record<string, ConfigValue> = samePlatform ? { ...stored!.config } : {};
    for (const [k, v] of Object.entries(overlay?.config ?? {})) {
      if (v === null) delete settingsConfig[k];
      else settingsConfig[k] = v;
    }
    const given = new Map(Object.entries(overlay?.credentials ?? {}));
    const errors = [
      ...validateConfig(def, settingsConfig, false, planDeps),
      ...validateCredentialInput(def, overlay?.credentials ?? {}, settingsConfig),
    ];
    if (errors.length) throw unprocessable(errors);
    const storedKeys = samePlatform ? [...stored!.credentials.keys()].filter((k) => !given.has(k)) : [];
    if (storedKeys.length) assertConnectionKept(p.role, changedConnectionSettings(def, stored!.config, settingsConfig));
    const configured = new Set([...storedKeys, ...[...given].filter(([, v]) => v !== null).map(([k]) => k)]);
    const missing = missingConnectionSettings(def, settingsConfig, configured);
    if (missing.length) {
      throw unprocessable(
        missing.map((s) => fieldError(settingPointer(s), 'required', `${s.label} is required to connect to ${def.name}.`)),
      );
    }
    const secrets: Record<string, string> = {};
    for (const [k, v] of given) if (v !== null) secrets[k] = v;
    if (storedKeys.length) {
      // Decrypt only inside the server, only for this call, and audit each decrypt with its purpose first.
      const at = new Date().toISOString();
      await db.transaction(async (tx) => {
        for (const key of storedKeys) {
          await store.appendAudit(tx, p.tenant, { actor: p.sub, action: 'credential.decrypt', target: `settings/${categorySlugs[category]}/credentials/${key}`, purpose, requestId: c.get('requestId'), at });
        }
      });
      const dek = await keys.dataKey(db, p.tenant, false);
      const sealed = await store.credentialCiphertexts(db, p.tenant, stored!.id);
      for (const key of storedKeys) {
        const s = sealed.get(key);
        if (!s || !dek) continue;
        try {
          secrets[key] = decryptField(dek, p.tenant, stored!.id, key, s);
        } catch (err) {
          if (!(err instanceof DecryptError)) throw err;
          log({ level: 'error', msg: 'stored credential failed authentication', requestId: c.get('requestId'), tenant: p.tenant, key });
          throw unprocessable([fieldError(`/credentials/${key}`, 'invalid_credentials', 'The stored value cannot be read (it was altered or moved); enter it again.')]);
        }
      }
    }
    const conn: PlatformConnection = {
      category,
      platform: def.id,
      config: settingsConfig,
      secrets,
      defaults: { salesforce: { clientId: config.salesforceClientId, clientSecret: config.salesforceClientSecret, loginUrl: config.salesforceLoginUrl, allowLoopback: planDeps.allowLoopback } },
    };
    try {
      return await call(conn);
    } catch (err) {
      throw toPlatformError(err);
    }
  };

  const recomputeDrift = async (tenant: string) => {
    const s = await store.getSettings(db, tenant, 'crm');
    if (!s?.crm) return;
    const memberFields = cache.fields(tenant, s.crm.memberObject);
    const orderFields = cache.fields(tenant, s.crm.orderObject);
    if (!memberFields && !orderFields) return;
    const drift = driftOf(s.crm, memberFields, orderFields, s.drift);
    if (JSON.stringify(drift) !== JSON.stringify(s.drift)) {
      await db.transaction(async (tx) => {
        await store.setDrift(tx, tenant, s.id, drift);
        await tenantChanged(tx, tenant);
      });
      reads.invalidate(tenant);
    }
  };

  app.get('/v1/settings/crm/objects', async (c) => {
    const p = need(c, 'crm:discover');
    const refresh = c.req.query('refresh') === 'true';
    const items =
      (refresh ? undefined : cache.objects(p.tenant)) ??
      (await cache.once(
        p.tenant,
        'objects',
        () => platformCall(c, 'crm', 'discovery', undefined, (conn) => gateway!.listObjects(conn)),
        (listed) => cache.setObjects(p.tenant, listed),
      ));
    return c.json({ items });
  });

  /**
   * The fields of one of the tenant's CRM objects: cached, or described by the CRM (and the record's drift judged
   * again); `credentials` the write being judged sets, for the same org. A describe with them is a flight of its
   * own: a read meanwhile is not answered with a secret another request typed (nor its refusal), and the write
   * not with the stored one's.
   */
  const describedFields = (c: Context<Env>, tenant: string, name: string, refresh = false, credentials?: Record<string, string>) =>
    (refresh ? undefined : cache.fields(tenant, name)) ??
    cache.once(
      tenant,
      credentials ? `fields:${name}\n${randomUUID()}` : `fields:${name}`,
      () => platformCall(c, 'crm', 'discovery', credentials && { credentials }, (conn) => gateway!.describeObject(conn, name)),
      async (described) => {
        cache.setFields(tenant, name, described);
        await recomputeDrift(tenant);
      },
    );

  app.get('/v1/settings/crm/objects/:name/fields', async (c) => {
    const p = need(c, 'crm:discover');
    const name = c.req.param('name');
    if (!OBJECT_NAME.test(name)) throw notFound('No such CRM object.');
    return c.json({ items: await describedFields(c, p.tenant, name, c.req.query('refresh') === 'true') });
  });

  /**
   * Describes what enabling a draft CRM record needs (`UndescribedObjects`), outside any write's transaction.
   * An object the CRM does not have is an error on where the record names it; any other failure leaves the
   * rules to what is cached (a sync checks its fields again before it writes).
   */
  const describeFirst = async (c: Context<Env>, need: UndescribedObjects): Promise<FieldError[]> => {
    const tenant = c.get('principal').tenant;
    const missing: FieldError[] = [];
    for (const { key, name } of need.objects) {
      try {
        await describedFields(c, tenant, name, false, need.credentials);
      } catch (err) {
        // A connection that cannot be described from here (incomplete, no connector on this server, a stored
        // secret that cannot be read) leaves the rules to what is cached, as an unreachable CRM does: the
        // write's own rules then say what is wrong.
        if (err instanceof ProblemError) break;
        if (!(err instanceof PlatformError)) throw err;
        if (err.kind === 'not_found') missing.push(fieldError(`/crm/${key}`, 'unknown_target', `${name} does not exist in the CRM.`));
        else break;
      }
    }
    return missing;
  };

  app.get('/v1/settings/crm/api-usage', async (c) => {
    need(c, 'crm:discover');
    return c.json(await platformCall(c, 'crm', 'api-usage', undefined, (conn) => gateway!.apiUsage(conn)));
  });

  app.post('/v1/settings/:category/test-connection', async (c) => {
    const p = need(c, 'crm:discover');
    const category = categoryOf(c);
    const doc = await readJson(c, true);
    const body = doc === undefined ? {} : parse(parseWithPointers(TestConnectionInputSchema, doc));
    if (body.credentials && Object.keys(body.credentials).length && !can(p.role, 'credentials:write')) throw forbidden('Only an admin may send credentials.');
    return c.json(await platformCall(c, category, 'test-connection', body, (conn) => gateway!.testConnection(conn)));
  });

  // Integration settings

  app.get('/v1/settings', async (c) => {
    const p = need(c, 'settings:read');
    const list = await reads.read(p.tenant, '*', async () => ({
      body: JSON.stringify({ items: (await store.listSettings(db, p.tenant)).map(store.settingsView) }),
    }));
    return c.body(list!.body, 200, { 'Content-Type': 'application/json' });
  });

  app.get('/v1/settings/:category', async (c) => {
    const p = need(c, 'settings:read');
    const category = categoryOf(c);
    const s = await reads.read(p.tenant, category, async () => {
      const stored = await store.getSettings(db, p.tenant, category);
      return stored && { etag: settingsEtag(stored), body: JSON.stringify(store.settingsView(stored)) };
    });
    if (!s) throw notFound(`There are no ${c.req.param('category')} settings yet.`);
    const tag = s.etag!;
    // If-None-Match compares weakly: W/"7" names the same representation as "7", and * any.
    const held = entityTags(header(c, 'if-none-match') ?? '').map((t) => t.replace(/^W\//, ''));
    if (held.includes(tag) || held.includes('*')) return c.body(null, 304, { ETag: tag });
    return c.body(s.body, 200, { 'Content-Type': 'application/json', ETag: tag });
  });

  const settingsWrite = async (c: Context<Env>, mode: 'replace' | 'merge', input: IntegrationSettingsInput, category: IntegrationCategory, remap?: (e: FieldError[]) => FieldError[]) => {
    const write = (describeFirst: boolean) =>
      runWrite(c, async (tx) => {
        try {
          const out = await writeSettings(tx, { keys, ...planDeps, describeFirst }, writeContext(c), category, mode, input, pre(c));
          return { status: out.created ? 201 : 200, body: store.settingsView(out.stored), headers: { ETag: settingsEtag(out.stored) }, dropDescribes: out.connectionChanged };
        } catch (err) {
          // Rebuilt, so the detail speaks of the remapped errors too.
          if (remap && err instanceof ProblemError && err.status === 422 && err.extra.errors) throw unprocessable(remap(err.extra.errors), err.extra.warnings);
          throw err;
        }
      });
    // Enabling a draft whose objects the server holds no describe of: the write stops before its rules (a stale
    // If-Match or a replayed Idempotency-Key is answered first, and calls no CRM), they are described outside
    // its transaction, and it runs again, judged with them.
    try {
      return await write(!!gateway);
    } catch (err) {
      if (!(err instanceof UndescribedObjects)) throw err;
      const missingObjects = await describeFirst(c, err);
      if (missingObjects.length) throw unprocessable(missingObjects);
      return write(false);
    }
  };

  app.put('/v1/settings/:category', async (c) => {
    need(c, 'settings:write');
    const category = categoryOf(c);
    const input = parse(parseWithPointers(IntegrationSettingsInputSchema, await readJson(c)));
    return settingsWrite(c, 'replace', input as IntegrationSettingsInput, category);
  });

  app.patch('/v1/settings/:category', async (c) => {
    need(c, 'settings:write');
    const category = categoryOf(c);
    const input = parse(parseWithPointers(IntegrationSettingsInputSchema, await readJson(c)));
    return settingsWrite(c, 'merge', input as IntegrationSettingsInput, category);
  });

  app.post('/v1/settings/:category/validate', async (c) => {
    const p = need(c, 'settings:write');
    const category = categoryOf(c);
    const mode = c.req.query('mode') ?? 'draft';
    if (mode !== 'draft' && mode !== 'enable') throw badRequest('mode must be draft or enable.', [fieldError('/mode', 'invalid_option', 'Must be one of: draft, enable.')]);
    // Every error about what the document says is a field error of the answer, those no route can store
    // (a `__proto__` key, a NUL character) too; only a body that is no JSON object at all is a problem.
    const { doc, contentErrors } = (await readJsonDocument(c))!;
    const parsed = parseWithPointers(IntegrationSettingsInputSchema, doc);
    let answer: ValidationResult = { errors: parsed.ok ? [] : parsed.errors, warnings: [] };
    if (parsed.ok) {
      const input = parsed.value as IntegrationSettingsInput;
      const current = await store.getSettings(db, p.tenant, category);
      const { undescribed, ...verdict } = validateDocument(category, current, input, mode, planDeps, p.tenant, gateway ? { mayWriteSecrets: can(p.role, 'credentials:write') } : undefined);
      answer = verdict;
      if (undescribed) {
        // Checked for enabling as the write would be: against the describes of the objects it names.
        const missingObjects = await describeFirst(c, undescribed);
        const again = validateDocument(category, current, input, mode, planDeps, p.tenant);
        answer = { ...again, errors: [...missingObjects, ...again.errors] };
      }
    }
    const errors = [...contentErrors, ...answer.errors.filter((e) => !contentErrors.some((x) => x.pointer === e.pointer && x.code === e.code))];
    return c.json({ ...answer, errors });
  });

  const archiveRoute = (archive: boolean) => async (c: Context<Env>) => {
    need(c, 'settings:write');
    const category = categoryOf(c);
    await readNoBody(c);
    return runWrite(c, async (tx) => {
      const { stored: s, changed } = await setArchived(tx, writeContext(c), category, archive, pre(c));
      // Discovery refuses an archived record; what it described before is not answered from the cache either.
      return { status: 200, body: store.settingsView(s), headers: { ETag: settingsEtag(s) }, dropDescribes: changed && archive && category === 'crm' };
    });
  };
  app.post('/v1/settings/:category/archive', archiveRoute(true));
  app.post('/v1/settings/:category/restore', archiveRoute(false));

  const credentialKey = (c: Context<Env>) => {
    const key = c.req.param('key') ?? '';
    if (!SETTING_KEY.test(key)) throw notFound('No such credential.');
    return key;
  };
  const toValuePointer = (key: string) => (errors: FieldError[]) =>
    errors.map((e) => (e.pointer === `/credentials/${key}` ? { ...e, pointer: '/value' } : e));

  app.put('/v1/settings/:category/credentials/:key', async (c) => {
    need(c, 'credentials:write');
    const category = categoryOf(c);
    const key = credentialKey(c);
    const body = parse(parseWithPointers(CredentialValueInputSchema, await readJson(c)));
    await requireSecretKey(c.get('principal').tenant, category, key);
    return settingsWrite(c, 'merge', { credentials: { [key]: body.value } }, category, toValuePointer(key));
  });

  app.delete('/v1/settings/:category/credentials/:key', async (c) => {
    need(c, 'credentials:write');
    const category = categoryOf(c);
    const key = credentialKey(c);
    await readNoBody(c);
    const { setting, record } = await requireSecretKey(c.get('principal').tenant, category, key);
    // There is no body to point into: what stops a clear is told once, on the request as a whole (""). Two
    // rules can: an enabled record needs every secret, and a CRM choice (the member object, a mapping, a
    // field named in a setting) needs the connection in a draft too, so saving as a draft alone does not help.
    const whyNotCleared = (errors: FieldError[]) => {
      const stopsClear = (e: FieldError) => e.code === 'credentials_required' || (e.pointer === `/credentials/${key}` && e.code === 'required');
      const stopping = errors.filter(stopsClear);
      if (stopping.length === 0) return errors;
      const needing = stopping.filter((e) => e.code === 'credentials_required');
      const choices = [...new Set(needing.map((e) => choiceName(record.platform, e.pointer)))].join(', ');
      let why = `${setting.label} cannot be cleared while these settings are enabled: replace it instead, or save them as a draft first.`;
      if (choices && record.status === 'enabled') {
        why = `${setting.label} cannot be cleared while these settings are enabled and CRM choices need the connection (${choices}): replace it instead, or save them as a draft without those choices first.`;
      } else if (choices) {
        why = `${setting.label} cannot be cleared while CRM choices need the connection (${choices}): replace it instead, or remove those choices first.`;
      }
      return [fieldError('', 'required', why), ...errors.filter((e) => !stopsClear(e))];
    };
    return settingsWrite(c, 'merge', { credentials: { [key]: null } }, category, whyNotCleared);
  });

  /** What a CRM choice that needs the connection is called in a sentence: `/crm/memberObject` → "member object". */
  const choiceName = (platform: string | null, at: string): string => {
    const [, where, key = ''] = at.split('/');
    if (where === 'config') return findPlatform(platform)?.settings.find((s) => s.key === key)?.label ?? key;
    return crmChoiceNames[key as keyof typeof crmChoiceNames] ?? key;
  };

  /** The secret's definition and the record; 404 unless the record exists and its platform has a secret of that key. */
  async function requireSecretKey(tenant: string, category: IntegrationCategory, key: string) {
    const s = await store.getSettings(db, tenant, category);
    if (!s) throw notFound(`There are no ${categorySlugs[category]} settings yet.`);
    const def = findPlatform(s.platform);
    const setting = def?.settings.find((x) => x.key === key && x.type === 'secret');
    if (!setting) throw notFound(`${def?.name ?? 'This platform'} has no credential “${key}”.`);
    return { setting, record: s };
  }

  // Integration endpoints

  const endpointId = (c: Context<Env>) => {
    const id = c.req.param('id') ?? '';
    if (!UUID.test(id)) throw notFound('No such endpoint.');
    return id.toLowerCase();
  };
  const limitOf = (c: Context<Env>) => {
    const raw = c.req.query('limit');
    if (raw === undefined || raw === '') return 25;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    const code = Number.isNaN(n) ? 'invalid_type' : n < 1 ? 'too_small' : n > 100 ? 'too_big' : null;
    if (code) throw badRequest('limit must be an integer from 1 to 100.', [fieldError('/limit', code, 'Must be an integer from 1 to 100.')]);
    return n;
  };

  app.get('/v1/endpoints', async (c) => {
    const p = need(c, 'endpoints:read');
    const sort = (c.req.query('sort') || endpointSorts[0]) as EndpointSort;
    if (!endpointSorts.includes(sort)) {
      const sorts = endpointSorts.join(', ');
      throw badRequest(`sort must be one of: ${sorts}.`, [fieldError('/sort', 'invalid_option', `Must be one of: ${sorts}.`)]);
    }
    const limit = limitOf(c);
    const cursorText = c.req.query('cursor');
    let after: store.EndpointCursor | null = null;
    if (cursorText) {
      const cur = fromB64url<{ s?: unknown; v?: unknown; id?: unknown }>(cursorText);
      const v = typeof cur?.v !== 'string' ? null : sort.endsWith('name') ? (UNSTORABLE.test(cur.v) ? null : cur.v) : parseTimestamp(cur.v);
      if (!cur || cur.s !== sort || v === null || typeof cur.id !== 'string' || !UUID.test(cur.id)) {
        throw badRequest('cursor is not one this list gave out (with this sort).', [fieldError('/cursor', 'invalid', 'Not a cursor of this list.')]);
      }
      after = { v, id: cur.id };
    }
    const page = await store.listEndpoints(db, p.tenant, { sort, limit, after });
    const body: Page<IntegrationEndpoint> = {
      items: page.items.map(store.endpointView),
      nextCursor: page.more && page.last ? b64url({ s: sort, ...page.last }) : null,
      total: page.total,
    };
    return c.json(body);
  });

  app.post('/v1/endpoints', async (c) => {
    const p = need(c, 'endpoints:write');
    const input = parse(parseWithPointers(IntegrationEndpointCreateSchema, await readJson(c)));
    const name = input.name;
    const nameKey = endpointNameKey(name);
    // Named as stored: "orders" collides with "ORDERS", and the admin looks for "ORDERS" in the grid.
    const duplicate = (existing: string | null) => unprocessable([fieldError('/name', 'duplicate', `An endpoint named “${existing ?? name}” already exists.`)]);
    try {
      return await runWrite(c, async (tx) => {
        const ctx = writeContext(c);
        const existing = await store.endpointNamedLike(tx, p.tenant, nameKey);
        if (existing !== null) throw duplicate(existing);
        const e = await store.insertEndpoint(tx, p.tenant, { name, nameKey, description: input.description, at: ctx.now, by: p.sub });
        await store.appendAudit(tx, p.tenant, { actor: p.sub, action: 'endpoint.create', target: `endpoint/${e.id}`, requestId: ctx.requestId, at: ctx.now });
        return { status: 201, body: store.endpointView(e), headers: { ETag: versionEtag(e.version), Location: `/v1/endpoints/${e.id}` } };
      });
    } catch (err) {
      if (sqlState(err) === '23505' && violatedConstraint(err) === 'endpoints_tenant_name') throw duplicate(await store.endpointNamedLike(db, p.tenant, nameKey));
      throw err;
    }
  });

  app.get('/v1/endpoints/:id', async (c) => {
    const p = need(c, 'endpoints:read');
    const e = await store.getEndpoint(db, p.tenant, endpointId(c));
    if (!e) throw notFound('No such endpoint.');
    return c.json(store.endpointView(e), 200, { ETag: versionEtag(e.version) });
  });

  app.patch('/v1/endpoints/:id', async (c) => {
    const p = need(c, 'endpoints:write');
    const id = endpointId(c);
    const doc = (await readJson(c))!;
    const parsed = parseWithPointers(IntegrationEndpointUpdateSchema, doc);
    const errors = parsed.ok ? [] : parsed.errors.map((e) => (e.pointer === '/name' ? fieldError('/name', 'immutable', 'The name cannot be changed after the endpoint is created.') : e));
    if (Object.prototype.hasOwnProperty.call(doc, 'name') && !errors.some((e) => e.pointer === '/name')) {
      errors.push(fieldError('/name', 'immutable', 'The name cannot be changed after the endpoint is created.'));
    }
    if (errors.length || !parsed.ok) throw unprocessable(errors);
    return runWrite(c, async (tx) => {
      const ctx = writeContext(c);
      const e = await store.getEndpoint(tx, p.tenant, id, true);
      if (!e) throw notFound('No such endpoint.');
      checkPreconditions(pre(c), e.version);
      await store.updateEndpoint(tx, p.tenant, id, parsed.value.description, e.version + 1, ctx.now, p.sub);
      await store.appendAudit(tx, p.tenant, { actor: p.sub, action: 'endpoint.update', target: `endpoint/${id}`, requestId: ctx.requestId, at: ctx.now });
      const next = { ...e, description: parsed.value.description, version: e.version + 1, updatedAt: ctx.now };
      return { status: 200, body: store.endpointView(next), headers: { ETag: versionEtag(next.version) } };
    });
  });

  app.delete('/v1/endpoints/:id', async (c) => {
    const p = need(c, 'endpoints:write');
    const id = endpointId(c);
    await readNoBody(c);
    return runWrite(c, async (tx) => {
      const ctx = writeContext(c);
      const e = await store.getEndpoint(tx, p.tenant, id, true);
      if (!e) throw notFound('No such endpoint.');
      checkPreconditions(pre(c), e.version);
      await store.deleteEndpoint(tx, p.tenant, id);
      await store.appendAudit(tx, p.tenant, { actor: p.sub, action: 'endpoint.delete', target: `endpoint/${id}`, requestId: ctx.requestId, at: ctx.now });
      return { status: 204 };
    });
  });

  // Audit trail (read-only: there is no route that changes it)

  app.get('/v1/audit-events', async (c) => {
    const p = need(c, 'audit:read');
    const action = c.req.query('action') || null;
    if (action && !(auditActions as readonly string[]).includes(action)) {
      throw badRequest('Unknown audit action.', [fieldError('/action', 'invalid_option', `Must be one of: ${auditActions.join(', ')}.`)]);
    }
    const time = (name: 'from' | 'to') => {
      const v = c.req.query(name);
      if (!v) return null;
      const at = v.length > 40 ? null : parseTimestamp(v);
      if (at === null) {
        throw badRequest(`${name} must be an ISO 8601 date or date-time with its offset.`, [
          fieldError(`/${name}`, 'invalid_format', `“${name}” must be an ISO 8601 date or date-time with its offset, such as 2026-11-29 or 2026-11-29T09:30:00Z.`),
        ]);
      }
      return at;
    };
    const from = time('from');
    const to = time('to');
    const limit = limitOf(c);
    const cursor = c.req.query('cursor');
    if (cursor && !/^\d{1,18}$/.test(cursor)) throw badRequest('cursor is not one this list gave out.', [fieldError('/cursor', 'invalid', 'Not a cursor of this list.')]);
    const page = await store.listAudit(db, p.tenant, { action, from, to, limit, beforeSeq: cursor || null });
    const body: Page<AuditEvent> = { items: page.items, nextCursor: page.more ? page.lastSeq : null, total: page.total };
    return c.json(body);
  });

  return app;
}

/** A transaction lost a race that running it again resolves. */
function isRetryable(err: unknown): boolean {
  const state = sqlState(err);
  return (state === '23505' && violatedConstraint(err) === 'settings_tenant_id_category_key') || state === '40001' || state === '40P01';
}

/** Maps a connector failure onto a problem: 502 when the platform is unreachable or failed. */
function platformProblem(err: PlatformError): ProblemError {
  switch (err.kind) {
    case 'auth':
      return new ProblemError(422, err.message, {
        errors: err.errors.length ? err.errors : [fieldError('/credentials', 'invalid_credentials', err.message)],
        title: 'Platform rejected the credentials',
      });
    case 'invalid':
      return unprocessable(err.errors.length ? err.errors : [fieldError('', 'invalid', err.message)], [], err.message);
    case 'not_found':
      return new ProblemError(404, err.message);
    case 'rate_limited':
      return new ProblemError(429, err.message, { headers: { 'Retry-After': String(err.retryAfterSeconds ?? 60) } });
    case 'unsupported':
      return new ProblemError(422, err.message, { errors: [fieldError('/platform', 'invalid', err.message)] });
    default:
      return new ProblemError(502, err.message || 'The platform could not be reached.');
  }
}

/** Anything a connector throws, as a `PlatformError` (unknown failures become 502 without their message). */
export function toPlatformError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof ProblemError) throw err;
  const e = err as { kind?: unknown; code?: unknown; status?: unknown; message?: unknown; errors?: unknown; retryAfterSeconds?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message.slice(0, 500) : '';
  const errors = Array.isArray(e?.errors) ? (e!.errors as FieldError[]).filter((x) => x && typeof x.pointer === 'string') : [];
  const kind = typeof e?.kind === 'string' ? e.kind : undefined;
  if (kind && ['unreachable', 'upstream', 'auth', 'not_found', 'invalid', 'rate_limited', 'unsupported'].includes(kind)) {
    const retryAfter = typeof e?.retryAfterSeconds === 'number' ? e.retryAfterSeconds : undefined;
    return new PlatformError(kind as PlatformError['kind'], message, errors, retryAfter);
  }
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT|UND_ERR_SOCKET)$/.test(code)) {
    return new PlatformError('unreachable', 'The platform could not be reached.');
  }
  if (/INVALID_LOGIN|invalid_grant|invalid_client|INVALID_SESSION_ID/i.test(code + ' ' + message)) {
    return new PlatformError('auth', 'The platform rejected the credentials.');
  }
  if (/NOT_FOUND|INVALID_TYPE/i.test(code)) return new PlatformError('not_found', 'The platform has no such object.');
  return new PlatformError('upstream', 'The platform answered with an error.');
}
