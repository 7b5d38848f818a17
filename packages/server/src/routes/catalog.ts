import { memberFields, orderFields, platformCatalog } from '@memberpulse/integration-schema';
import { Hono } from 'hono';
import { permissionsByRole } from '../auth.js';
import type { Env } from '../hono-env.js';
import { need } from './request.js';

/** Who the caller is, and the catalog of platforms and MemberPulse fields. Mounted at `/v1`. */
export function catalogRoutes(): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/me', (c) => {
    const p = c.get('principal');
    return c.json({ tenantId: p.tenant, subject: p.sub, role: p.role, permissions: [...permissionsByRole[p.role]] });
  });
  app.get('/platforms', (c) => {
    need(c, 'catalog:read');
    return c.json({ items: platformCatalog });
  });
  app.get('/fields', (c) => {
    need(c, 'catalog:read');
    return c.json({ member: memberFields, order: orderFields });
  });
  return app;
}
