import ky, { HTTPError, TimeoutError as KyTimeoutError, type Options as KyOptions } from 'ky';
import { NO_SUCH_ROUTE_TYPE, type FieldError, type Problem } from '@memberpulse/integration-schema';
import {
  ConflictError,
  ForbiddenError,
  IntegrationError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  type IntegrationErrorInit,
} from './errors.js';
import { RecordVersions, type TenantVersions } from './record-versions.js';
import { readTokenClaims } from './token-claims.js';
import type { CallOptions, UpdateOptions } from './types.js';
import type { CheckName } from './validators.js';

/** What `getToken` answers: the token, or no token (`null`, `undefined`, `false`, `''`) when signed out, and nothing is sent. */
export type TokenAnswer = string | null | undefined | false;

/** Why `getToken` is being called. */
export interface TokenRequest {
  /** `true` when the server just refused the previous token (401): return a fresh one, not a cached one. */
  refresh: boolean;
  /** The signal of the call that needs the token. */
  signal?: AbortSignal;
}

/**
 * Retry tuning. Which calls retry is fixed: reads, safe POSTs (validate, test connection) and
 * idempotency-keyed writes, on network errors, 408, 429, 500, 502, 503 and 504 (the connection test and
 * the CRM reads `objects`, `fields` and `apiUsage` not on 502, which is the platform's own answer).
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. `0` turns retries off. */
  limit?: number;
  /** Upper bound of one backoff wait, in milliseconds. Default 10 000. */
  backoffLimit?: number;
  /** Backoff wait before retry `n` (1-based) in milliseconds. Default `300 * 2 ** (n - 1)`, with full jitter. */
  delay?: (attempt: number) => number;
  /**
   * Longest wait a 429 or 503 asks for (`Retry-After`, or without it `RateLimit-Reset` and the like)
   * that the SDK waits out, in milliseconds; a longer one surfaces at once as a `RateLimitError`
   * (or the 503's error). An unreadable `Retry-After` counts as none. Default 60 000.
   */
  maxRetryAfter?: number;
}

/** Options of {@link createIntegrationClient} and {@link createTransport}. */
export interface ClientOptions {
  /**
   * Where the API lives, e.g. `https://api.example.com` (`/v1` is added unless present); in browsers also
   * relative to the page, starting with `/`, `./` or `../`. Anything else, or a query, fragment or user name,
   * throws a `TypeError`.
   */
  baseUrl: string | URL;
  /** A fixed bearer token. Use `getToken` instead when tokens expire. */
  token?: string;
  /**
   * Supplies the bearer token; called once per call, and once more with `{ refresh: true }`
   * when the server answers 401 (the call is then repeated once with the new token). If it throws,
   * the call rejects with an `UnauthorizedError` whose `cause` is that error.
   */
  getToken?: (request: TokenRequest) => TokenAnswer | Promise<TokenAnswer>;
  /** The `fetch` to use (default `globalThis.fetch`). */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in milliseconds (default 10 000; at most 2 147 483 647, a timer's limit), or `false` for none. */
  timeout?: number | false;
  /** Retries: a limit, or a {@link RetryPolicy}. */
  retry?: number | RetryPolicy;
  /**
   * Headers sent with every call. A value HTTP cannot carry, `Authorization` (use `token` /
   * `getToken`), and `Idempotency-Key`, `If-Match` and `If-None-Match` (per call) throw a `TypeError` here.
   */
  headers?: Record<string, string>;
  /** Check every response against the schema (default `true`); a mismatch throws `InvalidResponseError`. */
  validateResponses?: boolean;
}

/** One HTTP call as the resources describe it. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below `/v1/`, without a leading slash, segments already encoded. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body. */
  body?: unknown;
  /** A `POST` that changes nothing (validate, test connection): retried like a read, no `Idempotency-Key`. */
  safe?: boolean;
  /** ETag memory key of the record this call reads or writes, e.g. `settings/crm`. */
  record?: string;
  /** Send `If-Match` (from `options.ifMatch` or the ETag memory). */
  conditional?: boolean;
  /** Forget the record's ETag after success (a delete). */
  forget?: boolean;
  /** Name of the response check; omitted for bodiless answers (204). */
  check?: CheckName;
  /** Values to keep out of every error text (secrets in the body). */
  secrets?: readonly string[];
  /** Statuses worth retrying for this call (default 408, 429, 500, 502, 503, 504). */
  retryStatuses?: number[];
  options?: CallOptions & Partial<Pick<UpdateOptions, 'ifMatch' | 'idempotencyKey'>>;
}

/** What a successful call answered. */
export interface ApiResult<T> {
  data: T;
  /** The URL path called, any base path included, e.g. `/v1/endpoints`. */
  path: string;
  status: number;
  etag: string | undefined;
  requestId: string | undefined;
  /** The server replayed a stored answer for this `Idempotency-Key`. */
  replayed: boolean;
  /** What the client knows of the records of the tenant this call acted for: where a list's versions go. */
  versions: TenantVersions;
}

/**
 * The HTTP core shared by all resources: auth, retries, idempotency keys, ETags, response
 * checks and typed errors. Build one with {@link createTransport} to compose only the
 * resources you need; `createIntegrationClient` does that for all of them.
 */
export interface Transport {
  /** Performs one logical call (with its retries). */
  request<T>(spec: RequestSpec): Promise<ApiResult<T>>;
  /** The last ETag seen per record, or that it was read as missing, per tenant. */
  readonly versions: RecordVersions;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const NULL_BODY = new Set([101, 204, 205, 304]);
/** The statuses fetch follows unless told not to (a call carrying secrets tells it not to). */
const REDIRECT = new Set([301, 302, 303, 307, 308]);
const AUTHORIZATION_SET = 'The Authorization header comes from `token` or `getToken`; it cannot be set in `headers`.';
/** What HTTP carries in a header value: tab and visible Latin-1, no other control character. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A token without the spaces and tabs a copy and paste may leave around it (a line break is refused later, unsent). */
const bare = (token: string) => token.replace(/^[ \t]+|[ \t]+$/g, '');

/** A signed-out host's getToken may answer nothing: that is no credential, and nothing is sent with it. */
function someToken(value: unknown): string {
  const token = value instanceof String ? value.valueOf() : value;
  // `signedIn && token` answers false when signed out: text only, so nothing is sent as "Bearer false".
  const text = typeof token === 'string' ? bare(token) : '';
  if (!text) throw new TypeError('getToken gave no token (signed out?).');
  return text;
}

/** The longest wait a timer takes (2³¹ − 1 ms); a longer one would fire at once. */
const MAX_TIMEOUT = 2_147_483_647;

/** Refuses a timeout no timer can wait: not a number from 1 ms to {@link MAX_TIMEOUT}. */
function checkTimeout(timeout: number | false | undefined, where: string): void {
  if (timeout === undefined || timeout === false) return;
  if (!(typeof timeout === 'number' && timeout >= 1 && timeout <= MAX_TIMEOUT)) {
    throw new RangeError(`\`timeout\` ${where} must be from 1 to ${MAX_TIMEOUT} milliseconds, or false for none.`);
  }
}

/** Refuses retry numbers that would retry without end (`NaN`, `Infinity`) or mean nothing (a part of an attempt). */
function checkRetry({ limit, backoffLimit, maxRetryAfter }: RetryPolicy): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new RangeError('`retry` (its limit) must be a whole number of retries, 0 or more.');
  for (const [name, ms] of [['backoffLimit', backoffLimit], ['maxRetryAfter', maxRetryAfter]] as const) {
    if (ms !== undefined && !(ms >= 0 && ms <= MAX_TIMEOUT)) throw new RangeError(`\`retry.${name}\` must be from 0 to ${MAX_TIMEOUT} milliseconds.`);
  }
}

/** Refuses a header name a caller may not set: `Authorization`, or a name HTTP does not allow. */
function checkHeaderName(name: string, where: string): void {
  if (/^authorization$/i.test(name)) throw new TypeError(AUTHORIZATION_SET);
  if (!HEADER_NAME.test(name)) throw new TypeError(`A header name in ${where} is not one HTTP allows (letters, digits and !#$%&'*+.^_\`|~-).`);
}

/** The tenant a token acts for, from its claims; `''` for a token that names none (an opaque one cannot say). */
function tenantOf(token: string): string {
  const tenant = readTokenClaims(token)?.tenant;
  return typeof tenant === 'string' ? tenant : '';
}

/** `tenantOf`, decoded again only when the token changes (it almost never does between calls). */
function lastTenant(): (token: string) => string {
  let last: [token: string, tenant: string] | undefined;
  return (token) => (last?.[0] === token ? last[1] : (last = [token, tenantOf(token)])[1]);
}

/** Marks a response whose body could not be read (cut off) or parsed. */
class BodyError extends Error {
  readonly status: number;
  /** Redacted by `toError` before the error reaches the caller as a cause. */
  requestId: string | undefined;

  constructor(
    readonly kind: 'truncated' | 'malformed',
    response: Response,
    cause: unknown,
  ) {
    super(kind === 'truncated' ? 'The connection closed before the whole response arrived.' : 'The response is not valid JSON.', {
      cause,
    });
    this.name = 'BodyError';
    this.status = response.status;
    this.requestId = response.headers.get('x-request-id') ?? undefined;
  }
}

/** Makes a v4 UUID, also where `crypto.randomUUID` is missing (insecure browser contexts). */
export function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The headers ky waits for on 429 and 503, in the order it reads them: the first present one counts. */
const WAIT_HEADERS = ['retry-after', 'ratelimit-reset', 'x-ratelimit-retry-after', 'x-ratelimit-reset', 'x-rate-limit-reset'];
/** ky takes a number this large (in ms) for a time, not a delay (`X-RateLimit-Reset` is epoch seconds). */
const EPOCH_THRESHOLD = Date.parse('2024-01-01');

/**
 * Seconds the server asks to wait, read as ky reads it (delay seconds, epoch seconds or an HTTP
 * date); `NaN` when the header is there but unreadable, `undefined` when there is none.
 */
function retryAfterSeconds(headers: Headers): number | undefined {
  const value = WAIT_HEADERS.map((name) => headers.get(name)).find((v) => v !== null);
  if (!value) return undefined;
  let ms = Number(value) * 1000;
  if (Number.isNaN(ms)) ms = Date.parse(value) - Date.now();
  else if (ms >= EPOCH_THRESHOLD) ms -= Date.now();
  return Math.max(0, Math.ceil(ms / 1000));
}

const WORD_EDGE = /^[\p{L}\p{N}_]$/u;

/**
 * Replaces every occurrence of a secret (4+ characters) in `text`, also as a JSON Pointer writes it (`/` → `~1`,
 * `~` → `~0`), where it stands whole: not inside a longer word. A partial key typed by mistake ("whsec", "test")
 * then leaves the server's own words about it readable ("starts with whsec_", "sk_test_"), which an echo of
 * the key never is part of.
 */
function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    for (const form of new Set([s, s.replaceAll('~', '~0').replaceAll('/', '~1')])) {
      const chars = [...form];
      const before = WORD_EDGE.test(chars[0]!) ? '(?<![\\p{L}\\p{N}_])' : '';
      const after = WORD_EDGE.test(chars.at(-1)!) ? '(?![\\p{L}\\p{N}_])' : '';
      out = out.replace(new RegExp(before + form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + after, 'gu'), '[redacted]');
    }
  }
  return out;
}

/** A string a server sent (a request id, an ETag) as an error carries it: redacted; an empty one or a non-string is none. */
const redactedText = (value: unknown, secrets: readonly string[]) => (typeof value === 'string' && value ? redact(value, secrets) : undefined);

/** How deep a copy of a server's JSON goes: no problem or issue list nests so far, and a deeper one would overflow the stack. */
const COPY_DEPTH = 32;

/** Deep-copies server-provided JSON (a problem, a response's issues) with secrets redacted in every key and text; what nests deeper than {@link COPY_DEPTH} is left out. */
function redactDeep<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (!secrets.length) return value;
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (!value || typeof value !== 'object') return value;
  if (depth === COPY_DEPTH) return undefined as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, secrets, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k, secrets), redactDeep(v, secrets, depth + 1)])) as T;
}

/**
 * Drops what ky keeps on its errors that could hold a token or a body: the request's headers and the
 * options; keeps the response's status and headers, with secrets a server echoed there redacted.
 */
function scrubKyError<E extends HTTPError | KyTimeoutError>(error: E, secrets: readonly string[]): E {
  const request = new Request(error.request.url, { method: error.request.method });
  Object.defineProperty(error, 'request', { value: request, configurable: true, enumerable: true, writable: true });
  if (error instanceof HTTPError) {
    const { status, statusText, headers } = error.response;
    const redacted = new Headers();
    for (const [name, value] of headers) redacted.append(name, redact(value, secrets));
    // Status and text as own properties: a Response cannot be made with a status outside 200–599, which a server may send.
    const response = Object.defineProperties(new Response(null, { headers: redacted }), {
      status: { value: status, enumerable: true },
      statusText: { value: redact(statusText, secrets), enumerable: true },
      ok: { value: false, enumerable: true },
    });
    Object.defineProperty(error, 'response', { value: response, configurable: true, enumerable: true, writable: true });
    // ky's message (and so the stack) quotes the status text, where a server may echo what it was sent.
    error.message = redact(error.message, secrets);
    if (error.stack) error.stack = redact(error.stack, secrets);
  }
  if ('options' in error) {
    Object.defineProperty(error, 'options', {
      value: { method: error.request.method },
      configurable: true,
      enumerable: true,
      writable: true,
    });
  }
  return error;
}

/** `promise`, or the signal's reason as soon as it aborts (a slow `getToken` does not hold up a cancel). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Refuses a base URL every call would fail on, or that a path cannot be appended to. */
function checkBaseUrl(baseUrl: string | URL): void {
  const raw = String(baseUrl);
  let url: URL | undefined;
  try {
    // Resolved against the page where there is one, as `fetch` resolves it there.
    url = new URL(raw, globalThis.location?.href);
  } catch {
    // not a URL: refused below
  }
  // A host without a scheme ("api.example.com", "127.0.0.1:9731"), or with one slash ("https:/api.example.com"),
  // would resolve as a path under the page, so a relative URL must say it is one.
  const unclearRelative = !/^https?:\/\//i.test(raw) && !/^\.{0,2}\//.test(raw);
  if (!url || unclearRelative || !/^https?:$/.test(url.protocol) || url.username || url.password || /[?#]/.test(raw)) {
    throw new TypeError(
      '`baseUrl` must be an http(s) URL such as https://api.example.com (in a browser also one relative to the page, starting with / ./ or ../), without a query, fragment or user name.',
    );
  }
}

function isProblem(value: unknown): value is Problem {
  return value !== null && typeof value === 'object' && typeof (value as Problem).status === 'number' && typeof (value as Problem).title === 'string';
}

const isFieldError = (e: unknown): e is FieldError =>
  !!e && typeof e === 'object' && ['pointer', 'code', 'message'].every((key) => typeof (e as Record<string, unknown>)[key] === 'string');

/**
 * The problem document an error body holds, with what the error classes read in the shapes they read: a
 * `detail` that is no text, or field errors not in the API's shape (a gateway's), are left out, so the
 * caller still gets the error class for the status, with the status and request id.
 */
function problemOf(body: unknown): Problem | undefined {
  if (!isProblem(body)) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const fieldErrors = (list: unknown) => (Array.isArray(list) ? list.filter(isFieldError) : undefined);
  return { ...body, type: text(body.type) ?? 'about:blank', detail: text(body.detail), requestId: text(body.requestId), errors: fieldErrors(body.errors), warnings: fieldErrors(body.warnings) };
}

/** The API's answer that a record is not there (a problem document, and not the one for a path it has no route for). */
const isMissingRecord = (body: unknown) => isProblem(body) && body.type !== NO_SUCH_ROUTE_TYPE;

/** Creates the HTTP core; see {@link Transport}. */
export function createTransport(options: ClientOptions): Transport {
  const { token, getToken, headers: baseHeaders, validateResponses = true } = options;
  const fixedToken = bare(token ?? '');
  if (!fixedToken && !getToken) throw new TypeError('createIntegrationClient needs `token` or `getToken`.');
  checkBaseUrl(options.baseUrl);
  checkTimeout(options.timeout, 'in the client’s options');
  // Checked once here: `new Headers` would throw on every call quoting the value, or trim a trailing line break.
  for (const [name, value] of Object.entries(baseHeaders ?? {})) {
    checkHeaderName(name, '`headers`');
    if (/^(idempotency-key|if-(none-)?match)$/i.test(name)) throw new TypeError(`${name} in the client's \`headers\` would be shared by every write: give it per call.`);
    if (!HEADER_VALUE.test(value)) throw new TypeError(`The ${name} header in \`headers\` cannot be sent: it has a line break or a character HTTP headers cannot carry.`);
  }
  let prefix = String(options.baseUrl).replace(/\/+$/, '');
  if (!/\/v1$/.test(prefix)) prefix += '/v1';
  const basePath = new URL(prefix + '/', 'http://x').pathname;
  const policy: RetryPolicy = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  checkRetry(policy);
  const limit = policy.limit ?? 2;
  const maxRetryAfter = policy.maxRetryAfter ?? 60_000;
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const bodies = new WeakMap<Response, unknown>();
  const versions = new RecordVersions();
  const tenantFor = lastTenant();
  let validators: Promise<typeof import('./validators.js')> | undefined;
  // A failed load is forgotten, so a later call tries again (the file may be reachable by then).
  const loadValidators = () =>
    (validators ??= import('./validators.js').catch((error: unknown) => {
      validators = undefined;
      throw error;
    }));
  /** The refresh under way, and the refused token it replaces: concurrent 401s on that token share it. */
  let refreshing: { refused: string; promise: Promise<string> } | undefined;
  /** The last finished refresh: the refused token it replaced, and the token it gave. */
  let refreshed: { replaced: string; token: string } | undefined;

  // Reads the whole body inside the attempt, so a cut-off body is a failed attempt (retried like a
  // dropped connection) and the per-attempt timeout covers it.
  const fetchBuffered = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const res = await baseFetch(input, init);
    // A redirect left unfollowed (a call carrying secrets) fails whatever its body holds: not read, so a cut-off one is not retried.
    if (NULL_BODY.has(res.status) || res.type === 'opaqueredirect' || REDIRECT.has(res.status)) return res;
    let text: string;
    try {
      text = await res.text();
    } catch (cause) {
      throw new BodyError('truncated', res, cause);
    }
    if (text && /json/i.test(res.headers.get('content-type') ?? '')) {
      try {
        bodies.set(res, JSON.parse(text));
      } catch {
        // JSON.parse's own message quotes the body, where a server may have echoed a secret or the token.
        if (res.ok) throw new BodyError('malformed', res, new SyntaxError(`${text.length} characters that do not parse as JSON`));
      }
    } else if (text && res.ok) {
      throw new BodyError('malformed', res, new SyntaxError(`Expected JSON, got ${res.headers.get('content-type') ?? 'no content type'}`));
    }
    return res;
  };

  const shouldRetry = ({ error }: { error: Error }): boolean | undefined => {
    if (error.name === 'AbortError') return false;
    if (error instanceof BodyError) return true;
    // Only a 429 or 503 asks to wait (ky reads the headers on those alone): any other retry status backs off.
    if (error instanceof HTTPError && (error.response.status === 429 || error.response.status === 503)) {
      const after = retryAfterSeconds(error.response.headers);
      // ky would wait maxRetryAfter for a value it cannot read: back off as if there were none.
      if (Number.isNaN(after)) return true;
      if (after !== undefined && after * 1000 > maxRetryAfter) return false;
    }
    return undefined;
  };

  /** A token from getToken; with `refused`, a fresh one to replace that refused token (one refresh at a time). */
  const tokenFor = async (signal?: AbortSignal, refused?: string, waitMs = 10_000): Promise<string> => {
    if (!getToken) return fixedToken;
    if (refused === undefined) return untilAborted(Promise.resolve(getToken({ refresh: false, signal })).then(someToken), signal);
    // One refresh at a time (an auth server rotating refresh tokens may end a session refreshed twice at once):
    // a 401 on another token waits for the running one (for as long as the call may take), then asks for its own
    // rather than taking its answer.
    const waited = Date.now();
    while (refreshing && refreshing.refused !== refused && Date.now() - waited < waitMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise((resolve) => (timer = setTimeout(resolve, waitMs - (Date.now() - waited))));
      try {
        await untilAborted(Promise.race([refreshing.promise.catch(() => ''), limit]), signal);
      } finally {
        clearTimeout(timer);
      }
    }
    if (refreshing && refreshing.refused !== refused) refreshing = undefined; // one that never settles does not hold the others
    // A refresh that replaced this very token (another call's 401) has answered this one already; one that
    // replaced another token (someone signed in since) says nothing about it.
    if (!refreshing && refreshed?.replaced === refused) return refreshed.token;
    if (!refreshing) {
      const promise: Promise<string> = Promise.resolve(getToken({ refresh: true, signal }))
        .then(someToken)
        .then((fresh) => (refreshed = { replaced: refused, token: fresh }).token)
        .finally(() => {
          if (refreshing?.promise === promise) refreshing = undefined;
        });
      refreshing = { refused, promise };
    }
    return untilAborted(refreshing.promise, signal);
  };

  const toError = (error: unknown, spec: RequestSpec, ctx: IntegrationErrorInit, secrets: readonly string[], timeout: number | false): unknown => {
    const signal = spec.options?.signal;
    if (signal?.aborted) return signal.reason;
    if (error instanceof HTTPError) {
      const body = bodies.get(error.response);
      // A call carrying secrets leaves redirects unfollowed (`redirect: 'manual'`); in a browser the answer is
      // opaque (status 0). Not retried: neither status is a retry status.
      const redirected = !!spec.secrets?.length && (error.response.type === 'opaqueredirect' || REDIRECT.has(error.response.status));
      // Read from the scrubbed copy: a server may echo the token or a secret in any header.
      const cause = scrubKyError(error, secrets);
      const { status, statusText, headers } = cause.response;
      const problem = redactDeep(problemOf(body), secrets);
      const init: IntegrationErrorInit = {
        ...ctx,
        status,
        problem,
        // Without an X-Request-Id the error takes the problem's.
        requestId: headers.get('x-request-id') || undefined,
        cause,
      };
      if (redirected) {
        // The API never redirects; something in the way (a proxy) did, and fetch would send the body, the
        // secrets in it, again to wherever it points.
        return new IntegrationError(
          `The server answered with a redirect, which is not followed for a call carrying secrets: they were not sent on. Check the client's baseUrl. (${ctx.method} ${ctx.path})`,
          { ...init, status: status || undefined },
        );
      }
      const message = redact(problem?.detail || problem?.title || `HTTP ${status} ${statusText}`.trim(), secrets);
      if (status === 400 || status === 413 || status === 422) return new ValidationError(message, init);
      if (status === 401) return new UnauthorizedError(message, init);
      // A 403 or 404 without a problem document is a page in the way (a proxy's, a firewall's), not the API
      // saying the role may not or the record is gone: a plain IntegrationError with its status.
      if (status === 403 && problem) return new ForbiddenError(message, init);
      if (status === 404 && problem) {
        // No route at all: the base URL or its prefix is wrong, which is no missing record.
        if (problem.type === NO_SUCH_ROUTE_TYPE) return new IntegrationError(`${message} Check the client's baseUrl.`, init);
        return new NotFoundError(message, init);
      }
      if (status === 408) return new TimeoutError(message, init);
      if (status === 409 || status === 412) {
        return new ConflictError(message, { ...init, currentEtag: headers.get('etag') || undefined });
      }
      if (status === 429) {
        const retryAfter = retryAfterSeconds(headers);
        return new RateLimitError(message, { ...init, retryAfter: Number.isNaN(retryAfter) ? undefined : retryAfter });
      }
      return new IntegrationError(message, init);
    }
    if (error instanceof KyTimeoutError) {
      return new TimeoutError(`No response within ${timeout} ms: ${ctx.method} ${ctx.path}`, {
        ...ctx,
        timeout: typeof timeout === 'number' ? timeout : undefined,
        cause: scrubKyError(error, secrets),
      });
    }
    if (error instanceof BodyError) {
      const Cls = error.kind === 'truncated' ? NetworkError : InvalidResponseError;
      error.requestId = redactedText(error.requestId, secrets);
      return new Cls(`${error.message} (${ctx.method} ${ctx.path})`, { ...ctx, status: error.status, requestId: error.requestId, cause: error });
    }
    if (error instanceof TypeError) {
      const code = (error.cause as { code?: unknown } | undefined)?.code;
      return new NetworkError(`Could not reach the server${typeof code === 'string' ? ` (${code})` : ''}: ${ctx.method} ${ctx.path}`, {
        ...ctx,
        cause: error,
      });
    }
    return error;
  };

  async function request<T>(spec: RequestSpec): Promise<ApiResult<T>> {
    const opts = spec.options ?? {};
    const signal = opts.signal;
    signal?.throwIfAborted();
    checkTimeout(opts.timeout, 'in the call’s options');
    const timeout = opts.timeout ?? options.timeout ?? 10_000;
    const secrets = spec.secrets ?? [];
    const route = spec.path.split('?')[0]!;
    const path = basePath + route;
    // encodeURIComponent leaves these as they are, and a URL resolves them away: the call would reach another route.
    if (route.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new TypeError(`An id, key or name in ${spec.method} ${path} is empty, “.” or “..”, which names no record. Nothing was sent.`);
    }
    const call: IntegrationErrorInit = { method: spec.method, path };
    const headers = new Headers(baseHeaders);
    /** What an error must not show: the call's secrets and the token it last sent (set as it is sent). */
    let sent: readonly string[] = secrets;
    // Headers.set would throw a TypeError quoting the value, which may be a token or a secret.
    const refusal = (what: string, Refusal = IntegrationError) =>
      new Refusal(`${what} cannot be sent: it has a line break or a character HTTP headers cannot carry. Nothing was sent.`, call);
    const setHeader = (name: string, value: string, refuse = () => refusal(`The ${name} header`)) => {
      if (!HEADER_VALUE.test(value)) throw refuse();
      headers.set(name, value);
    };
    const tokenRefused = () => refusal('The token', UnauthorizedError);
    const tokenFailed = (cause: unknown): never => {
      throw new UnauthorizedError(`getToken failed (see cause): ${call.method} ${call.path}`, { ...call, cause });
    };
    headers.set('accept', 'application/json');
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      checkHeaderName(k, "the call's `headers`");
      setHeader(k, v);
    }
    let retryable = spec.method === 'GET' || !!spec.safe;
    if (!retryable && opts.idempotencyKey !== false) {
      setHeader('idempotency-key', opts.idempotencyKey ?? headers.get('idempotency-key') ?? randomId());
      retryable = true;
    }
    const explicitIfMatch = spec.conditional && opts.ifMatch;
    if (explicitIfMatch) setHeader('if-match', explicitIfMatch);
    // A precondition in the call's headers is the caller's own, as `ifMatch` is: the ETag memory stays out of it.
    const preconditionGiven = headers.has('if-match') || headers.has('if-none-match');
    /** The record whose precondition comes from the ETag memory (none given, and not `ifMatch: false`), which differs per tenant, so per token. */
    const rememberedRecord = spec.conditional && !preconditionGiven && opts.ifMatch !== false ? spec.record : undefined;
    /** The precondition header this call set from the ETag memory, if any. */
    let remembered: string | undefined;
    /** What the client knows of the records of the tenant this call acts for; set as the token is sent. */
    let records!: TenantVersions;
    /** Sends `token`, with the precondition the ETag memory holds for its tenant. */
    const authorize = (token: string) => {
      setHeader('authorization', `Bearer ${token}`, tokenRefused);
      sent = [...secrets, token];
      records = versions.actFor(tenantFor(token));
      if (!rememberedRecord) return;
      if (remembered) headers.delete(remembered);
      const precondition = records.precondition(rememberedRecord);
      if (precondition) headers.set(precondition[0], precondition[1]);
      remembered = precondition?.[0];
    };
    const kyOptions: KyOptions = {
      method: spec.method,
      headers,
      json: spec.body,
      searchParams: spec.query,
      signal,
      timeout,
      fetch: fetchBuffered,
      // fetch re-sends a 307's or 308's body, secrets included, to wherever it points (another origin too).
      redirect: secrets.length ? 'manual' : 'follow',
      throwHttpErrors: true,
      retry: {
        limit: retryable ? limit : 0,
        methods: ['get', 'post', 'put', 'patch', 'delete'],
        statusCodes: spec.retryStatuses ?? RETRY_STATUSES,
        afterStatusCodes: [429, 503],
        maxRetryAfter,
        backoffLimit: policy.backoffLimit ?? 10_000,
        delay: policy.delay ?? ((n) => 300 * 2 ** (n - 1)),
        jitter: !policy.delay,
        shouldRetry,
      },
    };
    const url = prefix + '/' + spec.path;

    let res: Response;
    try {
      const first = await tokenFor(signal).catch(tokenFailed);
      authorize(first);
      try {
        res = await ky(url, kyOptions);
      } catch (error) {
        if (!(getToken && error instanceof HTTPError && error.response.status === 401)) throw error;
        const fresh = await tokenFor(signal, first, timeout || undefined).catch(tokenFailed);
        // The same token again would be refused again: give up without the second request.
        if (fresh === first) throw error;
        authorize(fresh);
        res = await ky(url, kyOptions);
      }
    } catch (error) {
      if (spec.record && spec.method === 'GET' && error instanceof HTTPError && error.response.status === 404 && isMissingRecord(bodies.get(error.response))) {
        records.remember(spec.record, null);
      }
      throw toError(error, spec, call, sent, timeout);
    }

    const data = bodies.get(res) as T;
    const etag = res.headers.get('etag') ?? undefined;
    // Redacted here, since an error built from the result later (a repeated cursor) carries it too.
    const requestId = redactedText(res.headers.get('x-request-id'), sent);
    if (spec.check) {
      const init = { ...call, status: res.status, requestId };
      if (data === undefined) throw new InvalidResponseError(`Expected a JSON body: ${spec.method} ${path}`, init);
      if (validateResponses) {
        const { checks } = await loadValidators().catch((cause: unknown) => {
          throw new InvalidResponseError(`The response checks could not be loaded: ${spec.method} ${path}`, { ...init, reason: 'checks', cause });
        });
        const found = checks[spec.check](data, '');
        if (found.length) {
          // A server may echo what it was sent anywhere in a body, property names included.
          const issues = redactDeep(found, sent);
          const first = issues[0]!;
          throw new InvalidResponseError(
            `The response does not match the schema at ${first.pointer || '/'}: ${first.message} (${spec.method} ${path})`,
            { ...init, issues },
          );
        }
      }
    }
    if (spec.record) {
      if (spec.forget) records.forget(spec.record);
      else if (etag) records.remember(spec.record, etag);
    }
    return { data, path, status: res.status, etag, requestId, replayed: res.headers.get('idempotent-replayed') === 'true', versions: records };
  }

  if (validateResponses) loadValidators().catch(() => undefined);
  return { request, versions };
}
