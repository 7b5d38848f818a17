import { type AuditAction, type AuditEvent, type Page } from '@memberpulse/integration-schema';
import { Hono } from 'hono';
import type { Database } from '../db.js';
import type { Env } from '../hono-env.js';
import * as store from '../store.js';
import { parseTimestamp } from '../timestamp.js';
import { badQuery, limitOf, need } from './request.js';

const auditActions: readonly AuditAction[] = [
  'settings.create', 'settings.update', 'settings.enable', 'settings.archive', 'settings.restore', 'credential.write',
  'credential.clear', 'credential.decrypt', 'endpoint.create', 'endpoint.update', 'endpoint.delete', 'key.rotate',
];

/** The audit trail, read-only: there is no route that changes it. Mounted at `/v1/audit-events`. */
export function auditRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/', async (c) => {
    const p = need(c, 'audit:read');
    const action = c.req.query('action') || null;
    if (action && !(auditActions as readonly string[]).includes(action)) {
      throw badQuery('action', 'invalid_option', `must be one of: ${auditActions.join(', ')}.`);
    }
    const time = (name: 'from' | 'to') => {
      const v = c.req.query(name);
      if (!v) return null;
      const at = v.length > 40 ? null : parseTimestamp(v);
      if (at === null) {
        throw badQuery(name, 'invalid_format', 'must be an ISO 8601 date or date-time with its offset, such as 2026-11-29 or 2026-11-29T09:30:00Z.');
      }
      return at;
    };
    const from = time('from');
    const to = time('to');
    const limit = limitOf(c);
    const cursor = c.req.query('cursor');
    if (cursor && !/^\d{1,18}$/.test(cursor)) throw badQuery('cursor', 'invalid', 'is not one this list gave out.');
    const page = await store.listAudit(db, p.tenant, { action, from, to, limit, beforeSeq: cursor || null });
    const body: Page<AuditEvent> = { items: page.items, nextCursor: page.more ? page.lastSeq : null, total: page.total };
    return c.json(body);
  });
  return app;
}
