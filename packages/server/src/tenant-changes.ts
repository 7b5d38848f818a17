import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from './db.js';
import type { DescribeCache } from './discovery.js';
import type { ReadCache } from './read-cache.js';

/** Tells every server, inside a write's transaction, that a tenant's records changed. */
export type TenantChanged = (q: Queryable, tenant: string, dropDescribes?: boolean) => Promise<void>;

const TENANT_CHANGED = 'mp_tenant_changed';

/**
 * Keeps this server's caches of a tenant true to other servers' writes. The payload is the tenant, and after a
 * write whose result says `dropDescribes` also the id of the server that wrote: the describes cached for the
 * old org (or an archived record) must go on every other server (the writer dropped its own at the commit; its
 * own NOTIFY, arriving later, would drop a fresh describe). Describes keep being cached while notifications
 * may be lost (each costs the org's API allowance), each answered only while the CRM record is as it was when
 * it was described (`DescribeCache`), and all of them go when the listening connection drops and again when it
 * is back. `listening` settles once the first try to listen is over, whether it listens or tries again later.
 */
export function watchTenantChanges<T>(db: Database, reads: ReadCache<T>, cache: DescribeCache): { tenantChanged: TenantChanged; listening: Promise<void> } {
  const serverId = randomUUID();
  const firstTry = db.listen?.(
    TENANT_CHANGED,
    (payload) => {
      const [tenant = '', writer] = payload.split('\n');
      reads.invalidate(tenant);
      if (writer && writer !== serverId) cache.drop(tenant);
    },
    (listening) => {
      reads.reset(listening);
      cache.hearing(listening);
    },
  );
  const tenantChanged: TenantChanged = async (q, tenant, dropDescribes = false) => {
    if (db.kind === 'postgres') await q.query('SELECT pg_notify($1, $2)', [TENANT_CHANGED, dropDescribes ? `${tenant}\n${serverId}` : tenant]);
  };
  return { tenantChanged, listening: firstTry?.then(() => undefined) ?? Promise.resolve() };
}
