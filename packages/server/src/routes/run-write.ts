import type { Context } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { RouteDeps } from '../app.js';
import { fingerprintMatches, requestFingerprint } from '../crypto.js';
import { sqlState, violatedConstraint, type Queryable } from '../db.js';
import { header, type Env } from '../hono-env.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../http.js';
import { ProblemError, badRequest } from '../problem.js';
import * as store from '../store.js';

export interface WriteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The tenant's cached CRM describes no longer hold (new credentials or connection, the record archived): every server drops them. */
  dropDescribes?: boolean;
}

/**
 * Runs a write in one transaction. With an `Idempotency-Key`, the first successful response is stored in
 * the same transaction as the write, so a retry replays it and the write is applied once. Requests with
 * one key queue on a lock of that key, so a concurrent retry waits for the first to commit and replays
 * its answer instead of meeting its effects (a stale If-Match, a name now taken).
 */
export async function runWrite({ db, keys, reads, cache, tenantChanged }: RouteDeps, c: Context<Env>, fn: (tx: Queryable) => Promise<WriteResult>): Promise<Response> {
  const tenant = c.get('principal').tenant;
  const key = header(c, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) throw badRequest('Idempotency-Key must be 1–255 visible ASCII characters.');
  const request = `${c.req.method} ${c.req.path}\n${c.get('rawBody') ?? ''}`;
  const replay = (prior: store.StoredResponse) => {
    if (!fingerprintMatches(keys.keyring, prior.fingerprint, request)) throw new ProblemError(409, 'This Idempotency-Key was already used for a different request.');
    return respond(c, { ...prior, headers: { ...prior.headers, 'Idempotent-Replayed': 'true' } });
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
        if (key) await store.putIdempotent(tx, tenant, key, { fingerprint: requestFingerprint(keys.keyring.current, request), ...answerOf(r) });
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
  return respond(c, answerOf(result));
}

/** A write's answer as it is sent and stored for a replay: the body as JSON text, '' for none. */
const answerOf = (r: WriteResult) => ({ status: r.status, headers: r.headers ?? {}, body: r.body === undefined ? '' : JSON.stringify(r.body) });
const respond = (c: Context<Env>, { status, headers, body }: ReturnType<typeof answerOf>) =>
  c.newResponse(body === '' ? null : body, status as StatusCode, { ...(body === '' ? {} : { 'Content-Type': 'application/json' }), ...headers });

/** A transaction lost a race that running it again resolves. */
function isRetryable(err: unknown): boolean {
  const state = sqlState(err);
  return (state === '23505' && violatedConstraint(err) === 'settings_tenant_id_category_key') || state === '40001' || state === '40P01';
}
