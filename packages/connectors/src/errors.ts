import type { FieldError, FieldErrorCode } from '@memberpulse/integration-schema';

/** Why a platform call failed; the server turns each kind into one HTTP answer. */
export type ConnectorErrorKind = 'unreachable' | 'upstream' | 'auth' | 'not_found' | 'invalid' | 'rate_limited' | 'unsupported';

/**
 * A platform call failed. `errors` point into the settings document (`/config/consumerKey`,
 * `/credentials/consumerSecret`, `/crm/memberMappings/2/target`…) where the cause is one of its values.
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    public readonly kind: ConnectorErrorKind,
    message: string,
    public readonly errors: FieldError[] = [],
    /** The platform's own error code (e.g. `INVALID_FIELD`), for logs and callers. */
    public readonly platformCode?: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** For `rate_limited`: a sensible wait before trying again, in seconds. */
  readonly retryAfterSeconds?: number;
}

/** One pointer-located error. */
export function pointerError(pointer: string, code: FieldErrorCode, message: string): FieldError {
  return { pointer, code, message };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** True when the error is a transport failure (nothing answered). */
export function isNetworkError(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : '';
  return NETWORK_CODES.has(code) || e?.name === 'FetchError' || e?.name === 'TimeoutError';
}
