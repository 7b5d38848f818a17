import { readTokenClaims } from '@memberpulse/integrations-sdk';

/** Who a bearer token speaks for: its `tenant`, `sub` and `role` claims. `undefined` when the token is not a JWT. */
function tokenIdentity(token: unknown): string | undefined {
  const claims = typeof token === 'string' ? readTokenClaims(token) : undefined;
  return claims && JSON.stringify([claims.tenant, claims.sub, claims.role]);
}

/**
 * Whether a token speaks for the same tenant, subject and role as another: the same token, or a renewal of it
 * (another JWT with the same claims). Anything but a token, or an opaque token that differs, does not.
 */
export function sameIdentity(a: string, b: unknown): boolean {
  if (typeof b !== 'string' || b === '') return false;
  const identity = tokenIdentity(a);
  return a === b || (identity !== undefined && identity === tokenIdentity(b));
}

/** Whether two JWTs speak for different people (tenant, subject or role); opaque tokens cannot say, so no. */
export function speaksForSomeoneElse(a: string, b: string): boolean {
  // Asked on every call the provider's client makes: the same token again needs no decoding.
  if (a === b) return false;
  const [first, second] = [tokenIdentity(a), tokenIdentity(b)];
  return first !== undefined && second !== undefined && first !== second;
}
