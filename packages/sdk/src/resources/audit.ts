import type { AuditEvent, Page } from '@memberpulse/integration-schema';
import { paginate } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { AuditListParams, CallOptions } from '../types.js';

/** The tenant's audit trail (`/v1/audit-events`; admin and auditor only). */
export interface AuditResource {
  /** One page of events. */
  list(params?: AuditListParams, options?: CallOptions): Promise<Page<AuditEvent>>;
  /** Every page from `params.cursor` on, fetched lazily. */
  pages(params?: AuditListParams, options?: CallOptions): AsyncIterableIterator<Page<AuditEvent>>;
  /** Every event across pages. */
  all(params?: AuditListParams, options?: CallOptions): AsyncIterableIterator<AuditEvent>;
}

// An invalid Date (an empty date picker's) goes as "Invalid Date", for the server to name the parameter it came in.
const iso = (d: string | Date | undefined) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : d && String(d));

/** Builds the audit resource on a transport. */
export function auditResource(t: Transport): AuditResource {
  const fetchPage = (p: AuditListParams, options?: CallOptions) =>
    t.request<Page<AuditEvent>>({
      method: 'GET',
      path: 'audit-events',
      query: { action: p.action, from: iso(p.from), to: iso(p.to), limit: p.limit, cursor: p.cursor },
      check: 'auditPage',
      options,
    });
  const pages = (p: AuditListParams = {}, options?: CallOptions) => paginate((cursor) => fetchPage({ ...p, cursor }, options), p.cursor);
  return {
    list: (p = {}, options) => fetchPage(p, options).then((r) => r.data),
    pages,
    async *all(p, options) {
      for await (const page of pages(p, options)) yield* page.items;
    },
  };
}
