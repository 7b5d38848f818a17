import type { FieldError, Problem } from '@memberpulse/integration-schema';

/** What the transport knows about a failed call when it builds an error. */
export interface IntegrationErrorInit {
  /** HTTP status, when a response arrived. */
  status?: number;
  /** `X-Request-Id` of the response, or the problem's `requestId`. */
  requestId?: string;
  /** The RFC 9457 problem the server answered, when it answered one. */
  problem?: Problem;
  /** HTTP method of the call. */
  method?: string;
  /** The URL path of the call, any base path included, e.g. `/v1/settings/crm` (`/api/v1/settings/crm` under `…/api`). */
  path?: string;
  /** The underlying error (already scrubbed of request headers and bodies, and of secrets echoed in response headers). */
  cause?: unknown;
}

/** The plain-JSON form of an error (`JSON.stringify(error)`); never holds a header, a token or a secret. */
export interface IntegrationErrorJSON {
  name: string;
  message: string;
  status?: number;
  requestId?: string;
  type?: string;
  title?: string;
  detail?: string;
  method?: string;
  path?: string;
  cause?: { name: string; message: string; code?: string };
  [extra: string]: unknown;
}

function causeSummary(cause: unknown): IntegrationErrorJSON['cause'] {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code ?? (cause.cause as { code?: unknown } | undefined)?.code;
    return { name: cause.name, message: cause.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: typeof cause, message: String(cause) };
}

/**
 * Base class of every error the SDK throws for a failed call. Branch on the subclass
 * (`instanceof ValidationError`, …) or on `status` / `type`.
 *
 * Errors never carry the `Authorization` header, the token or a secret you sent: not in
 * `message`, not in `toJSON()`, not in the `cause` chain.
 */
export class IntegrationError extends Error {
  /** HTTP status, or `undefined` when no response arrived (network failure, timeout). */
  readonly status: number | undefined;
  /** Correlates with the server's logs and audit trail (`X-Request-Id`). */
  readonly requestId: string | undefined;
  /** The problem type URI (see `problemTypes` in `@memberpulse/integration-schema/validation`). */
  readonly type: string | undefined;
  /** Short summary of the problem type. */
  readonly title: string | undefined;
  /** Human explanation of this occurrence. */
  readonly detail: string | undefined;
  /** The whole problem document, when the server answered one. */
  readonly problem: Problem | undefined;
  /** HTTP method of the failed call. */
  readonly method: string | undefined;
  /** Path of the failed call, e.g. `/v1/endpoints/ep_1`. */
  readonly path: string | undefined;

  /** Builds an error; the SDK does this for you. */
  constructor(message: string, init: IntegrationErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'IntegrationError';
    this.status = init.status;
    this.requestId = init.requestId ?? init.problem?.requestId;
    this.problem = init.problem;
    this.type = init.problem?.type;
    this.title = init.problem?.title;
    this.detail = init.problem?.detail;
    this.method = init.method;
    this.path = init.path;
  }

  /** A plain, loggable object without headers or secrets. */
  toJSON(): IntegrationErrorJSON {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      type: this.type,
      title: this.title,
      detail: this.detail,
      method: this.method,
      path: this.path,
      cause: causeSummary(this.cause),
    };
  }
}

/** Options for {@link ValidationError.messagesFor}. */
export interface MessagesForOptions {
  /** Also include messages of pointers below this one (`/crm` → `/crm/memberMappings/0/target`). */
  nested?: boolean;
}

function groupByPointer(list: readonly FieldError[]): Record<string, FieldError[]> {
  const out: Record<string, FieldError[]> = Object.create(null);
  for (const e of list) (out[e.pointer] ??= []).push(e);
  return out;
}

/**
 * The request was refused because of what it contains (422; also 400 and 413).
 * `fieldErrors` is keyed by JSON Pointer into the body you sent.
 *
 * @example
 * ```ts
 * catch (e) {
 *   if (e instanceof ValidationError) nameInput.setCustomValidity(e.messagesFor('/name').join(' '));
 * }
 * ```
 */
export class ValidationError extends IntegrationError {
  /** Every blocking field error, in server order. */
  readonly errors: readonly FieldError[];
  /** Non-blocking warnings the server attached. */
  readonly warnings: readonly FieldError[];
  /** Blocking field errors grouped by JSON Pointer (`''` is the whole body). */
  readonly fieldErrors: Readonly<Record<string, readonly FieldError[]>>;

  /** Builds the error; `problem.errors` and `problem.warnings` become the field lists. */
  constructor(message: string, init: IntegrationErrorInit = {}) {
    super(message, init);
    this.name = 'ValidationError';
    this.errors = init.problem?.errors ?? [];
    this.warnings = init.problem?.warnings ?? [];
    this.fieldErrors = groupByPointer(this.errors);
  }

  /** The messages for one JSON Pointer (e.g. `/crm/memberMappings/2/target`); empty when that field is fine. */
  messagesFor(pointer: string, options: MessagesForOptions = {}): string[] {
    if (!options.nested) return (this.fieldErrors[pointer] ?? []).map((e) => e.message);
    const prefix = pointer + '/';
    return this.errors.filter((e) => e.pointer === pointer || e.pointer.startsWith(prefix)).map((e) => e.message);
  }

  override toJSON(): IntegrationErrorJSON {
    return { ...super.toJSON(), errors: this.errors, warnings: this.warnings };
  }
}

/** Init of a {@link ConflictError}. */
export interface ConflictErrorInit extends IntegrationErrorInit {
  /** The record's current ETag, when the server told it. */
  currentEtag?: string;
}

/**
 * The write lost a race: `If-Match` named an older version (412, nothing changed), or the
 * `Idempotency-Key` was reused for a different request (409). Re-read, merge, try again.
 */
export class ConflictError extends IntegrationError {
  /** `stale`: the record changed since you read it (412). `conflict`: any other 409. */
  readonly reason: 'stale' | 'conflict';
  /** The current ETag of the record, when the server sent it; pass it as `ifMatch` after merging. */
  readonly currentEtag: string | undefined;

  /** Builds the error. */
  constructor(message: string, init: ConflictErrorInit = {}) {
    super(message, init);
    this.name = 'ConflictError';
    this.reason = init.status === 412 ? 'stale' : 'conflict';
    this.currentEtag = init.currentEtag;
  }

  override toJSON(): IntegrationErrorJSON {
    return { ...super.toJSON(), reason: this.reason, currentEtag: this.currentEtag };
  }
}

/**
 * The token is missing, expired or invalid (401). With `getToken`, the SDK has already asked
 * for a fresh token once and retried before throwing this.
 */
export class UnauthorizedError extends IntegrationError {
  /** Builds the error. */
  constructor(message: string, init: IntegrationErrorInit = {}) {
    super(message, init);
    this.name = 'UnauthorizedError';
  }
}

/** The token's role may not do this (403), e.g. a viewer saving settings. */
export class ForbiddenError extends IntegrationError {
  /** Builds the error. */
  constructor(message: string, init: IntegrationErrorInit = {}) {
    super(message, init);
    this.name = 'ForbiddenError';
  }
}

/** No such record for this tenant (404). */
export class NotFoundError extends IntegrationError {
  /** Builds the error. */
  constructor(message: string, init: IntegrationErrorInit = {}) {
    super(message, init);
    this.name = 'NotFoundError';
  }
}

/** Init of a {@link RateLimitError}. */
export interface RateLimitErrorInit extends IntegrationErrorInit {
  /** Seconds to wait, from `Retry-After`. */
  retryAfter?: number;
}

/** Too many requests (429), after the SDK's own retries (or because `Retry-After` exceeded `retry.maxRetryAfter`). */
export class RateLimitError extends IntegrationError {
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;

  /** Builds the error. */
  constructor(message: string, init: RateLimitErrorInit = {}) {
    super(message, init);
    this.name = 'RateLimitError';
    this.retryAfter = init.retryAfter;
  }

  override toJSON(): IntegrationErrorJSON {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/**
 * No usable response arrived: the connection failed, was reset, or closed before the whole
 * body arrived. For a write, the SDK retried with the same `Idempotency-Key`, so repeating
 * the call with the same `idempotencyKey` is safe.
 */
export class NetworkError extends IntegrationError {
  /** Builds the error. */
  constructor(message: string, init: IntegrationErrorInit = {}) {
    super(message, init);
    this.name = 'NetworkError';
  }
}

/** Init of a {@link TimeoutError}. */
export interface TimeoutErrorInit extends IntegrationErrorInit {
  /** The timeout that elapsed, in milliseconds. */
  timeout?: number;
}

/** No response within `timeout` milliseconds (or the server answered 408). */
export class TimeoutError extends IntegrationError {
  /** The per-attempt timeout that elapsed, in milliseconds (undefined for a 408). */
  readonly timeout: number | undefined;

  /** Builds the error. */
  constructor(message: string, init: TimeoutErrorInit = {}) {
    super(message, init);
    this.name = 'TimeoutError';
    this.timeout = init.timeout;
  }

  override toJSON(): IntegrationErrorJSON {
    return { ...super.toJSON(), timeout: this.timeout };
  }
}

/** Init of an {@link InvalidResponseError}. */
export interface InvalidResponseErrorInit extends IntegrationErrorInit {
  /** What is wrong, by JSON Pointer into the response body. */
  issues?: FieldError[];
  /** Default: `schema` with issues, else `unreadable`. */
  reason?: InvalidResponseError['reason'];
}

/**
 * The server answered something the SDK cannot use: not JSON, or JSON that fails the
 * schema (`validateResponses`), or the SDK could not load its response checks. `issues` points into the
 * response body.
 */
export class InvalidResponseError extends IntegrationError {
  /** Where the response deviates from the schema, by JSON Pointer into the response body. */
  readonly issues: readonly FieldError[];
  /**
   * `schema`: the body fails the schema (see `issues`). `unreadable`: no body, not JSON, or pages that never
   * end. `checks`: the response checks' file could not be loaded (a deployment fault, not the server's answer).
   */
  readonly reason: 'schema' | 'unreadable' | 'checks';

  /** Builds the error. */
  constructor(message: string, init: InvalidResponseErrorInit = {}) {
    super(message, init);
    this.name = 'InvalidResponseError';
    this.issues = init.issues ?? [];
    this.reason = init.reason ?? (this.issues.length ? 'schema' : 'unreadable');
  }

  override toJSON(): IntegrationErrorJSON {
    return { ...super.toJSON(), issues: this.issues, reason: this.reason };
  }
}
