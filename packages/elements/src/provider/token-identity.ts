/**
 * Who a bearer token speaks for: its `tenant`, `sub` and `role` claims, read without verifying them
 * (the server verifies every call). `undefined` when the token is not a JWT. Two tokens with the same
 * identity are a renewal, not a sign-in as someone else.
 */
export function tokenIdentity(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return JSON.stringify([claims.tenant, claims.sub, claims.role]);
  } catch {
    return undefined;
  }
}
