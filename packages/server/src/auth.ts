import { SignJWT, createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { roles, type Role } from '@memberpulse/integration-schema';
import type { ServerConfig } from './config.js';
import { UNSTORABLE } from './http.js';

/** Who is calling, from a verified token. */
export interface Principal {
  tenant: string;
  sub: string;
  role: Role;
}

/** What each role may do. `docs/security.md` prints this table; the tests check it cell by cell. */
export const permissionsByRole: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['settings:read', 'settings:write', 'credentials:write', 'crm:discover', 'endpoints:read', 'endpoints:write', 'audit:read', 'catalog:read'],
  editor: ['settings:read', 'settings:write', 'crm:discover', 'endpoints:read', 'endpoints:write', 'catalog:read'],
  viewer: ['settings:read', 'endpoints:read', 'catalog:read'],
  auditor: ['audit:read', 'catalog:read'],
};

/** A permission a route demands. */
export type Permission =
  | 'settings:read'
  | 'settings:write'
  | 'credentials:write'
  | 'crm:discover'
  | 'endpoints:read'
  | 'endpoints:write'
  | 'audit:read'
  | 'catalog:read';

/** Whether a role has a permission. */
export function can(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}

/** Tenant ids: letters, digits and `._:-`, up to 128 characters. */
export const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

type TokenConfig = Pick<ServerConfig, 'jwtSecret' | 'jwtIssuer' | 'jwtAudience'>;

/** The caller a token's claims name, or the `AuthError` saying which claim the server refuses. */
function principalOf({ tenant, role, sub }: { tenant?: unknown; role?: unknown; sub?: unknown }): Principal {
  if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
    throw new AuthError('The token has no valid tenant claim (letters, digits and ._:-, up to 128 characters, starting with a letter or digit).');
  }
  if (typeof role !== 'string' || !(roles as readonly string[]).includes(role)) throw new AuthError(`The token has no valid role claim (${roles.join(', ')}).`);
  // Who wrote what is stored under the subject: one Postgres cannot store (a NUL, a broken surrogate) is no subject.
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 256 || UNSTORABLE.test(sub)) {
    throw new AuthError('The token has no valid sub claim (1 to 256 characters, none a NUL or a broken surrogate).');
  }
  return { tenant, role: role as Role, sub };
}

/**
 * Signs an HS256 bearer token the server accepts (the configured secret, issuer and audience): for
 * `npm start`'s demo token, tests and the browser test harness. Throws when the server verifies with
 * a JWKS URL instead of a secret, and an `AuthError` for claims the server refuses.
 */
export async function signDevToken(
  claims: { tenant: string; role: Role; sub: string },
  config: TokenConfig,
  options: { expiresIn?: string | number } = {},
): Promise<string> {
  if (!config.jwtSecret) throw new Error('signDevToken needs a configuration with jwtSecret (HS256).');
  return devToken(claims, config, options).sign(new TextEncoder().encode(config.jwtSecret));
}

/**
 * The token `signDevToken` signs, not yet signed: so a caller can have the request refused (an `AuthError`:
 * claims the server would refuse, an expiry that is no time span) before it reads or makes a secret.
 */
export function devToken(
  claims: { tenant: string; role: Role; sub: string },
  config: Omit<TokenConfig, 'jwtSecret'>,
  { expiresIn = '12h' }: { expiresIn?: string | number } = {},
): SignJWT {
  principalOf(claims); // a token the server would refuse is no token
  const jwt = new SignJWT({ tenant: claims.tenant, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(config.jwtIssuer)
    .setAudience(config.jwtAudience)
    .setIssuedAt();
  try {
    return jwt.setExpirationTime(expiresIn);
  } catch {
    throw new AuthError(`The expiry “${expiresIn}” is no time span such as 12h, 30m or 7d.`);
  }
}

/** The reason a token was refused, safe to show to the caller. */
export class AuthError extends Error {
  override name = 'AuthError';
}

/** The identity provider's keys (`MP_JWKS_URL`) could not be loaded and none are known yet: not the caller's fault. */
export class KeysUnavailableError extends Error {
  override name = 'KeysUnavailableError';
}

/** Whether jose failed to fetch the key set (no answer, a timeout, not 200, not a JWKS), rather than the token failing. */
function keysUnreachable(err: unknown): boolean {
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid || err instanceof TypeError) return true;
  // jose throws its generic error only for a key-set answer that is not 200 or not JSON.
  return err instanceof joseErrors.JOSEError && err.code === 'ERR_JOSE_GENERIC';
}

/**
 * The keys at `url`, refetched as jose does (after ten minutes, or for an unknown `kid`). When a refetch
 * fails, the keys fetched last still verify: a short outage of the identity provider does not log every
 * admin out. Before any fetch succeeded, the failure is a `KeysUnavailableError`.
 */
function remoteKeys(url: URL): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(url);
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (err) {
      if (!keysUnreachable(err)) throw err;
      const known = remote.jwks();
      if (!known) throw new KeysUnavailableError('The identity provider’s signing keys could not be loaded; try again shortly.', { cause: err });
      return createLocalJWKSet(known)(header, token);
    }
  };
}

/**
 * Makes the bearer-token verifier: jose `jwtVerify` against the HS256 secret or the JWKS URL, with the
 * configured issuer and audience, `sub`, `exp`, `tenant` and `role` required. Verified tokens are cached
 * until they expire (bounded), so a hot path does not re-verify the same token.
 */
export function createVerifier(config: Pick<ServerConfig, 'jwtSecret' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience'>) {
  const key = config.jwksUrl
    ? remoteKeys(new URL(config.jwksUrl))
    : config.jwtSecret
      ? new TextEncoder().encode(config.jwtSecret)
      : null;
  const algorithms = config.jwksUrl ? ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'] : ['HS256'];
  const cache = new Map<string, { principal: Principal; exp: number }>();
  const MAX = 10_000;

  return async function verify(token: string): Promise<Principal> {
    if (!key) throw new AuthError('The server has no token verifier configured.');
    const now = Date.now() / 1000;
    const hit = cache.get(token);
    if (hit && hit.exp > now) return hit.principal;
    if (hit) cache.delete(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: config.jwtIssuer,
        audience: config.jwtAudience,
        algorithms,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 30,
      }));
    } catch (err) {
      if (err instanceof KeysUnavailableError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new AuthError('The token has expired.');
      if (err instanceof joseErrors.JWTClaimValidationFailed) throw new AuthError(`The token's ${err.claim} claim is not accepted.`);
      throw new AuthError('The token is not valid.');
    }
    const principal = principalOf(payload);
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(token, { principal, exp: payload.exp! });
    return principal;
  };
}
