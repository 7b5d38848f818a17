import type { Transport } from '../transport.js';
import type { CallOptions, Me } from '../types.js';

/** Builds `me()`: who the token belongs to, with role and permissions. */
export function meResource(t: Transport): (options?: CallOptions) => Promise<Me> {
  return (options) => t.request<Me>({ method: 'GET', path: 'me', check: 'me', options }).then((r) => r.data);
}
