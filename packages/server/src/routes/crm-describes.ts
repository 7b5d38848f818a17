import { fieldError, type FieldError } from '@memberpulse/integration-schema';
import type { Context } from 'hono';
import type { RouteDeps } from '../app.js';
import { PlatformError } from '../discovery.js';
import type { Env } from '../hono-env.js';
import { ProblemError } from '../problem.js';
import { driftOf, type UndescribedObjects } from '../settings-service.js';
import * as store from '../store.js';
import { platformCall } from './platform-call.js';

/**
 * The tenant's CRM record as a describe starting now is made under, read only while other servers' drops may
 * be missed (`DescribeCache`): read before the describe, so a change made during it leaves the answer unused.
 */
export async function stampUnheard({ cache, db }: RouteDeps, tenant: string): Promise<string | undefined> {
  return cache.heard ? undefined : store.describeStamp(await store.getSettings(db, tenant, 'crm'));
}

/** Judges the tenant's CRM record's drift again against the describes now cached; stores it when it changed. */
export async function recomputeDrift({ db, cache, reads, tenantChanged }: RouteDeps, tenant: string) {
  const s = await store.getSettings(db, tenant, 'crm');
  if (!s?.crm) return;
  const stamp = store.describeStamp(s);
  const memberFields = cache.fields(tenant, s.crm.memberObject, stamp);
  const orderFields = cache.fields(tenant, s.crm.orderObject, stamp);
  if (!memberFields && !orderFields) return;
  const drift = driftOf(s.crm, memberFields, orderFields, s.drift);
  if (JSON.stringify(drift) !== JSON.stringify(s.drift)) {
    await db.transaction(async (tx) => {
      await store.setDrift(tx, tenant, s.id, drift);
      await tenantChanged(tx, tenant);
    });
    reads.invalidate(tenant);
  }
}

/**
 * The fields of one of the tenant's CRM objects: cached, or described by the CRM (and the record's drift judged
 * again, unless `judgeDrift` is false: the caller judges it once after its describes); `refresh` skips the cache;
 * `credentials` the write being judged sets, for the same org. A describe with them is a flight of its own: a
 * read meanwhile is not answered with a secret another request typed (nor its refusal), and the write not with
 * the stored one's.
 */
export async function describedFields(
  deps: RouteDeps,
  c: Context<Env>,
  name: string,
  { refresh = false, credentials, judgeDrift = true }: { refresh?: boolean; credentials?: Record<string, string>; judgeDrift?: boolean } = {},
) {
  const { tenant } = c.get('principal');
  const stamp = await stampUnheard(deps, tenant);
  return (
    (refresh ? undefined : deps.cache.fields(tenant, name, stamp)) ??
    deps.cache.once(
      tenant,
      `fields:${name}\n${stamp ?? ''}`,
      () => platformCall(deps, c, 'crm', 'discovery', credentials && { credentials }, (conn) => deps.gateway!.describeObject(conn, name)),
      async (described) => {
        deps.cache.setFields(tenant, name, described, stamp);
        if (judgeDrift) await recomputeDrift(deps, tenant);
      },
      { shared: !credentials },
    )
  );
}

/**
 * Describes what enabling a draft CRM record needs (`UndescribedObjects`), outside any write's transaction.
 * An object the CRM does not have is an error on where the record names it; any other failure leaves the
 * rules to what is cached (a sync checks its fields again before it writes). The record's drift is the
 * caller's to judge again (`recomputeDrift`), once for all the describes: a write that follows and is taken
 * stores its own.
 */
export async function describeFirst(deps: RouteDeps, c: Context<Env>, need: UndescribedObjects): Promise<FieldError[]> {
  const missing: FieldError[] = [];
  for (const { key, name } of need.objects) {
    try {
      await describedFields(deps, c, name, { credentials: need.credentials, judgeDrift: false });
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
}
