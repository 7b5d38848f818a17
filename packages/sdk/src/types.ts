import type { AuditAction, ConfigValue, EndpointSort, MemberPulseField, Role } from '@memberpulse/integration-schema';

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the call, including retries and the wait between them; the call rejects with `signal.reason`. */
  signal?: AbortSignal;
  /**
   * Extra headers for this call only. `Authorization` is refused (a `TypeError`): it comes from
   * `token` / `getToken`. An `Idempotency-Key` here is the write's key, as `idempotencyKey` would be; an
   * `If-Match` or `If-None-Match` is sent as given, in place of the ETag the client remembers.
   */
  headers?: Record<string, string>;
  /** Per-attempt timeout in milliseconds for this call (overrides the client's), or `false` for none. */
  timeout?: number | false;
}

/** Options of calls that change something (`POST`, `PUT`, `PATCH`, `DELETE`). */
export interface WriteOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this logical call. By default the SDK makes a fresh one per call
   * (`crypto.randomUUID()`) and reuses it for its own retries. Pass your own to make *your*
   * retries of the same call safe too; pass `false` to send none (the write is then never retried).
   */
  idempotencyKey?: string | false;
}

/** Options of calls that update an existing record. */
export interface UpdateOptions extends WriteOptions {
  /**
   * `If-Match` for this call. By default the SDK sends the ETag it last saw for the record
   * (from a read or a write); a string sends that ETag; `false` sends none (last write wins).
   */
  ifMatch?: string | false;
}

/** Who the token belongs to (`GET /v1/me`). Until the schema package defines it, the SDK does. */
export interface Me {
  tenantId: string;
  /** Subject of the token; the audit `actor`. */
  subject: string;
  role: Role;
  /** Permission names, e.g. `settings:write`; render read-only when the one you need is absent. */
  permissions: string[];
}

/** The CRM's API consumption (`GET /v1/settings/crm/api-usage`). */
export interface ApiUsage {
  /** Calls used in the current window. */
  used: number;
  /** Calls allowed in the window. */
  limit: number;
  /** Calls this integration may use (its share of `limit`, the `dailyApiAllotment` setting); `null` when not set. */
  allotment: number | null;
}

/** A successful connection test; a failing one throws (usually a `ValidationError` or a 502 `IntegrationError`). */
export interface TestConnectionResult {
  ok: true;
  /** Plain-language result, e.g. `Connected to Acme (Enterprise Edition).` */
  message: string;
}

/** Unsaved values to test a connection with; they take precedence over the stored ones. */
export interface ConnectionValues {
  platform?: string | null;
  config?: Record<string, ConfigValue | null>;
  /** Secrets to try; never stored by a test. */
  credentials?: Record<string, string | null>;
}

/** MemberPulse's mappable fields (`GET /v1/fields`). */
export interface MemberPulseFieldCatalog {
  member: MemberPulseField[];
  order: MemberPulseField[];
}

/** Query of `endpoints.list`. */
export interface EndpointListParams {
  /** 1–100, default 25. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  sort?: EndpointSort;
  /**
   * Only endpoints whose name contains this (up to 80 characters), compared as the server compares names:
   * without case or repeated space, so `'order'` finds "ORDERS" and "Back orders". `total` counts them.
   */
  q?: string;
}

/** Query of `audit.list`. */
export interface AuditListParams {
  action?: AuditAction;
  /** Earliest time (inclusive): a Date, or an ISO 8601 date (midnight UTC) or date-time with its offset. */
  from?: string | Date;
  /** Time the events end before (exclusive): a Date, or an ISO 8601 date or date-time with its offset. */
  to?: string | Date;
  limit?: number;
  cursor?: string;
}
