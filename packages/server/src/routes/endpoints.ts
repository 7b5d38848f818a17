import { ENDPOINT_NAME_MAX, fieldError, type EndpointSort, type IntegrationEndpoint, type Page } from '@memberpulse/integration-schema';
import { IntegrationEndpointCreateSchema, IntegrationEndpointUpdateSchema, endpointNameKey, endpointSorts, parseWithPointers } from '@memberpulse/integration-schema/validation';
import { Hono, type Context } from 'hono';
import type { RouteDeps } from '../app.js';
import { sqlState, violatedConstraint, type Queryable } from '../db.js';
import { checkPreconditions, versionEtag } from '../etag.js';
import type { Env } from '../hono-env.js';
import { UNSTORABLE, readJson, readNoBody } from '../http.js';
import { notFound, unprocessable } from '../problem.js';
import { auditWrite } from '../settings-service.js';
import * as store from '../store.js';
import { parseTimestamp } from '../timestamp.js';
import { badQuery, limitOf, need, parse, pre, writeContext } from './request.js';
import { runWrite } from './run-write.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function fromB64url<T>(text: string): T | null {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * The list's `q`: a part of a name, compared as names are (`endpointNameKey`: without case, repeated space or
 * Unicode's alternative spellings), so "order" finds "Orders" and "ORDER FEED". Blank searches nothing.
 */
function nameSearch(q: string): string {
  if (q.length > ENDPOINT_NAME_MAX) {
    throw badQuery('q', 'too_long', `must be at most ${ENDPOINT_NAME_MAX} characters, as a name is.`);
  }
  if (UNSTORABLE.test(q)) throw badQuery('q', 'invalid_format', 'holds a character no name has.');
  return endpointNameKey(q);
}

const nameImmutable = () => fieldError('/name', 'immutable', 'The name cannot be changed after the endpoint is created.');

const endpointId = (c: Context<Env>) => {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw notFound('No such endpoint.');
  return id.toLowerCase();
};

/** The endpoint a write changes, locked, once the request's If-Match / If-None-Match hold for it. */
async function lockedEndpoint(tx: Queryable, c: Context<Env>, id: string) {
  const e = await store.getEndpoint(tx, c.get('principal').tenant, id, true);
  if (!e) throw notFound('No such endpoint.');
  checkPreconditions(pre(c), e.version);
  return e;
}

/** The tenant's integration endpoints. Mounted at `/v1/endpoints`. */
export function endpointRoutes(deps: RouteDeps): Hono<Env> {
  const { db } = deps;
  const app = new Hono<Env>();

  app.get('/', async (c) => {
    const p = need(c, 'endpoints:read');
    const sort = (c.req.query('sort') || endpointSorts[0]) as EndpointSort;
    if (!endpointSorts.includes(sort)) {
      const sorts = endpointSorts.join(', ');
      throw badQuery('sort', 'invalid_option', `must be one of: ${sorts}.`);
    }
    const limit = limitOf(c);
    const nameContains = nameSearch(c.req.query('q') ?? '');
    const cursorText = c.req.query('cursor');
    let after: store.EndpointCursor | null = null;
    if (cursorText) {
      const cur = fromB64url<{ s?: unknown; q?: unknown; v?: unknown; id?: unknown }>(cursorText);
      const v = typeof cur?.v !== 'string' ? null : sort.endsWith('name') ? (UNSTORABLE.test(cur.v) ? null : cur.v) : parseTimestamp(cur.v);
      if (!cur || cur.s !== sort || (cur.q ?? '') !== nameContains || v === null || typeof cur.id !== 'string' || !UUID.test(cur.id)) {
        throw badQuery('cursor', 'invalid', 'is not one this list gave out (with this sort and search).');
      }
      after = { v, id: cur.id };
    }
    const page = await store.listEndpoints(db, p.tenant, { sort, limit, after, nameContains });
    const body: Page<IntegrationEndpoint> = {
      items: page.items.map(store.endpointView),
      nextCursor: page.more && page.last ? b64url({ s: sort, q: nameContains || undefined, ...page.last }) : null,
      total: page.total,
    };
    return c.json(body);
  });

  app.post('/', async (c) => {
    const p = need(c, 'endpoints:write');
    const input = parse(parseWithPointers(IntegrationEndpointCreateSchema, await readJson(c)));
    const name = input.name;
    const nameKey = endpointNameKey(name);
    // Named as stored: "orders" collides with "ORDERS", and the admin looks for "ORDERS" in the grid.
    const duplicate = (existing: string | null) => unprocessable([fieldError('/name', 'duplicate', `An endpoint named “${existing ?? name}” already exists.`)]);
    try {
      return await runWrite(deps, c, async (tx) => {
        const ctx = writeContext(c);
        const existing = await store.endpointNamedLike(tx, p.tenant, nameKey);
        if (existing !== null) throw duplicate(existing);
        const e = await store.insertEndpoint(tx, p.tenant, { name, nameKey, description: input.description, at: ctx.now, by: p.sub });
        await auditWrite(tx, ctx, 'endpoint.create', `endpoint/${e.id}`, { targetName: e.name });
        return { status: 201, body: store.endpointView(e), headers: { ETag: versionEtag(e.version), Location: `/v1/endpoints/${e.id}` } };
      });
    } catch (err) {
      if (sqlState(err) === '23505' && violatedConstraint(err) === 'endpoints_tenant_name') throw duplicate(await store.endpointNamedLike(db, p.tenant, nameKey));
      throw err;
    }
  });

  app.get('/:id', async (c) => {
    const p = need(c, 'endpoints:read');
    const e = await store.getEndpoint(db, p.tenant, endpointId(c));
    if (!e) throw notFound('No such endpoint.');
    return c.json(store.endpointView(e), 200, { ETag: versionEtag(e.version) });
  });

  app.patch('/:id', async (c) => {
    const p = need(c, 'endpoints:write');
    const id = endpointId(c);
    const doc = (await readJson(c))!;
    const parsed = parseWithPointers(IntegrationEndpointUpdateSchema, doc);
    const errors = parsed.ok ? [] : parsed.errors.map((e) => (e.pointer === '/name' ? nameImmutable() : e));
    if (Object.hasOwn(doc, 'name') && !errors.some((e) => e.pointer === '/name')) errors.push(nameImmutable());
    if (errors.length || !parsed.ok) throw unprocessable(errors);
    return runWrite(deps, c, async (tx) => {
      const ctx = writeContext(c);
      const e = await lockedEndpoint(tx, c, id);
      await store.updateEndpoint(tx, p.tenant, id, parsed.value.description, e.version + 1, ctx.now, p.sub);
      await auditWrite(tx, ctx, 'endpoint.update', `endpoint/${id}`, { targetName: e.name });
      const next = { ...e, description: parsed.value.description, version: e.version + 1, updatedAt: ctx.now };
      return { status: 200, body: store.endpointView(next), headers: { ETag: versionEtag(next.version) } };
    });
  });

  app.delete('/:id', async (c) => {
    const p = need(c, 'endpoints:write');
    const id = endpointId(c);
    await readNoBody(c);
    return runWrite(deps, c, async (tx) => {
      const ctx = writeContext(c);
      const e = await lockedEndpoint(tx, c, id);
      await store.deleteEndpoint(tx, p.tenant, id);
      await auditWrite(tx, ctx, 'endpoint.delete', `endpoint/${id}`, { targetName: e.name });
      return { status: 204 };
    });
  });

  return app;
}
