import { Hono } from 'hono';
import type { LogSink, ServerConfig } from './config.js';
import type { Database } from './db.js';
import { DescribeCache, type PlatformGateway } from './discovery.js';
import { errorHandler, noRouteHandler } from './error-answers.js';
import type { Env } from './hono-env.js';
import type { TenantKeys } from './keys.js';
import { accessLog } from './middleware/access-log.js';
import { authenticate } from './middleware/authenticate.js';
import { corsFor } from './middleware/cors.js';
import { ReadCache } from './read-cache.js';
import { auditRoutes } from './routes/audit.js';
import { catalogRoutes } from './routes/catalog.js';
import { credentialRoutes } from './routes/credentials.js';
import { crmRoutes } from './routes/crm.js';
import { endpointRoutes } from './routes/endpoints.js';
import { operationRoutes } from './routes/operations.js';
import { settingsRoutes } from './routes/settings.js';
import type { PlanDeps } from './settings-service.js';
import { watchTenantChanges, type TenantChanged } from './tenant-changes.js';

/** Readiness and in-flight bookkeeping shared by the app and the HTTP server around it. */
export interface AppState {
  /** Set when shutdown starts: `/readyz` answers 503 so load balancers stop sending traffic. */
  draining: boolean;
  inFlight: number;
  /**
   * Set by `createApp`: settles once the app first tried to hear other servers' writes (Postgres LISTEN; at
   * once on PGlite). `startServer` takes requests only after it, so none is answered while the connection
   * comes up, when every cached describe and read is dropped.
   */
  listening?: Promise<void>;
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

/** What the route groups share, the settings rules' `PlanDeps` among it: `createApp` builds it once per app. */
export interface RouteDeps extends PlanDeps {
  config: ServerConfig;
  db: Database;
  keys: TenantKeys;
  log: LogSink;
  gateway: PlatformGateway | null;
  /** Settings reads per tenant: the list (`*`) and each category's record with its ETag. */
  reads: ReadCache<{ etag?: string; body: string } | null>;
  tenantChanged: TenantChanged;
}

/**
 * Builds the Hono app: every route of docs/api.md, problem+json errors, auth, roles, limits, ETags and
 * idempotency. Use it in-process with `app.request(...)`, or serve it (`startServer` does).
 */
export function createApp(deps: AppDeps): Hono<Env> {
  const { config, db, keys } = deps;
  const log = deps.log ?? config.log;
  const state = deps.state ?? { draining: false, inFlight: 0 };
  const cache = new DescribeCache(config.describeCacheTtlSeconds * 1000);
  // Settings reads per tenant. PGlite serves one process, so this process sees every write; on Postgres
  // other servers write too, and their NOTIFYs invalidate (caching pauses while notifications may be lost).
  const reads: RouteDeps['reads'] = new ReadCache(db.kind === 'pglite');
  const { tenantChanged, listening } = watchTenantChanges(db, reads, cache);
  state.listening = listening;
  const routeDeps: RouteDeps = {
    config,
    db,
    keys,
    log,
    gateway: deps.gateway ?? null,
    cache,
    allowLoopback: !config.production,
    reads,
    tenantChanged,
  };
  const app = new Hono<Env>();
  app.use('*', accessLog(log, state));
  app.use('*', corsFor(config.corsOrigins, routeDeps.allowLoopback));
  app.onError(errorHandler(log));
  app.notFound(noRouteHandler(app));
  app.route('/', operationRoutes(db, state));
  app.use('/v1/*', authenticate(config));
  app.route('/v1', catalogRoutes());
  // CRM discovery before the generic category routes.
  app.route('/v1/settings', crmRoutes(routeDeps));
  app.route('/v1/settings', settingsRoutes(routeDeps));
  app.route('/v1/settings/:category/credentials', credentialRoutes(routeDeps));
  app.route('/v1/endpoints', endpointRoutes(routeDeps));
  app.route('/v1/audit-events', auditRoutes(db));
  return app;
}
