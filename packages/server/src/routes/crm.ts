import { Hono, type Context } from 'hono';
import { TestConnectionInputSchema, parseWithPointers } from '@memberpulse/integration-schema/validation';
import type { RouteDeps } from '../app.js';
import { can } from '../auth.js';
import type { Env } from '../hono-env.js';
import { readJson } from '../http.js';
import { forbidden, notFound } from '../problem.js';
import * as store from '../store.js';
import { describedFields, stampUnheard } from './crm-describes.js';
import { platformCall } from './platform-call.js';
import { badQuery, categoryOf, need, parse } from './request.js';

const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,254}$/;

/** `?refresh=true` reads past the cache; a value that is neither true nor false is refused, not taken as false. */
function refreshOf(c: Context<Env>): boolean {
  const refresh = c.req.query('refresh');
  if (refresh !== undefined && refresh !== '' && refresh !== 'true' && refresh !== 'false') throw badQuery('refresh', 'invalid_option', 'must be true or false.');
  return refresh === 'true';
}

/** CRM discovery and test-connection. Mounted at `/v1/settings`. */
export function crmRoutes(deps: RouteDeps): Hono<Env> {
  const { cache, gateway } = deps;
  const app = new Hono<Env>();

  app.get('/crm/objects', async (c) => {
    const p = need(c, 'crm:discover');
    const refresh = refreshOf(c);
    const stamp = await stampUnheard(deps, p.tenant);
    const items =
      (refresh ? undefined : cache.objects(p.tenant, stamp)) ??
      (await cache.once(
        p.tenant,
        `objects\n${stamp ?? ''}`,
        () => platformCall(deps, c, 'crm', 'discovery', undefined, (conn) => gateway!.listObjects(conn)),
        (listed) => cache.setObjects(p.tenant, listed, stamp),
      ));
    return c.json({ items });
  });

  app.get('/crm/objects/:name/fields', async (c) => {
    need(c, 'crm:discover');
    const name = c.req.param('name');
    if (!OBJECT_NAME.test(name)) throw notFound('No such CRM object.');
    return c.json({ items: await describedFields(deps, c, name, { refresh: refreshOf(c) }) });
  });

  // Cached for a minute, so opening the settings screen again neither spends the org's API calls nor
  // decrypts (and audits) its secret each time; the form's "Refresh usage" asks with refresh=true.
  app.get('/crm/api-usage', async (c) => {
    const p = need(c, 'crm:discover');
    const stamp = store.describeStamp(await store.getSettings(deps.db, p.tenant, 'crm'));
    const usage =
      (refreshOf(c) ? undefined : cache.usage(p.tenant, stamp)) ??
      (await cache.once(
        p.tenant,
        `usage\n${stamp}`,
        () => platformCall(deps, c, 'crm', 'api-usage', undefined, (conn) => gateway!.apiUsage(conn)),
        (read) => cache.setUsage(p.tenant, read, stamp),
      ));
    return c.json(usage);
  });

  app.post('/:category/test-connection', async (c) => {
    const p = need(c, 'crm:discover');
    const category = categoryOf(c);
    const doc = await readJson(c, true);
    const body = doc === undefined ? {} : parse(parseWithPointers(TestConnectionInputSchema, doc));
    if (body.credentials && Object.keys(body.credentials).length && !can(p.role, 'credentials:write')) throw forbidden('Only an admin may send credentials.');
    return c.json(await platformCall(deps, c, category, 'test-connection', body, (conn) => gateway!.testConnection(conn)));
  });

  return app;
}
