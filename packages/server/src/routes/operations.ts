import { Hono } from 'hono';
import type { AppState } from '../app.js';
import type { Database } from '../db.js';
import type { Env } from '../hono-env.js';
import { buildOpenApi } from '../openapi.js';

/** Liveness, readiness and the OpenAPI document: answered without a token. */
export function operationRoutes(db: Database, state: AppState): Hono<Env> {
  let openapi: string | null = null;
  const app = new Hono<Env>();
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
  return app;
}
