import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import type { FieldError } from '@memberpulse/integration-schema';
import { ConnectorError, isNetworkError } from './errors.js';

/** A JSON client for a platform's REST API: no retries of its own, a timeout, and a bearer token when given. */
export function restClient(baseUrl: string, token?: string, timeoutMs = 20_000): KyInstance {
  return ky.create({
    prefixUrl: baseUrl,
    retry: 0,
    timeout: timeoutMs,
    throwHttpErrors: true,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
}

/** What a platform's HTTP failure means for the admin: which settings to point at, per status. */
export interface HttpFailureMap {
  platform: string;
  /** Pointers for 401 (the credentials were refused). */
  unauthorized: FieldError[];
  /** Message for 403 (the credentials lack a permission or scope). */
  forbidden?: string;
}

/** Maps ky failures: 401/403 → auth on the credentials, 404 → not_found, 429 → rate_limited, silence → unreachable. */
export async function toHttpConnectorError(err: unknown, map: HttpFailureMap): Promise<ConnectorError> {
  if (err instanceof ConnectorError) return err;
  if (err instanceof TimeoutError) return new ConnectorError('unreachable', `${map.platform} did not answer in time; try again later.`, [], 'TIMEOUT', { cause: err });
  if (err instanceof HTTPError) {
    const status = err.response.status;
    if (status === 401) return new ConnectorError('auth', `${map.platform} did not accept the credentials.`, map.unauthorized, 'HTTP_401', { cause: err });
    if (status === 403) return new ConnectorError('auth', map.forbidden ?? `${map.platform} refused the request with these credentials (missing permission).`, map.unauthorized, 'HTTP_403', { cause: err });
    if (status === 404) return new ConnectorError('not_found', `${map.platform} has no such resource.`, [], 'HTTP_404', { cause: err });
    if (status === 429) return new ConnectorError('rate_limited', `${map.platform}’s API rate limit is reached; try again later.`, [], 'HTTP_429', { cause: err });
    return new ConnectorError('upstream', `${map.platform} answered with an error (HTTP ${status}).`, [], `HTTP_${status}`, { cause: err });
  }
  if (isNetworkError(err) || (err instanceof TypeError && /fetch failed/i.test(err.message))) {
    return new ConnectorError('unreachable', `${map.platform} could not be reached; try again later.`, [], 'UNREACHABLE', { cause: err });
  }
  return new ConnectorError('upstream', `${map.platform} could not be used.`, [], undefined, { cause: err });
}

/** Runs a platform call and maps its failures. */
export async function mapped<T>(map: HttpFailureMap, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw await toHttpConnectorError(err, map);
  }
}
