import type { MiddlewareHandler } from 'hono';
import { AuthError, KeysUnavailableError, createVerifier } from '../auth.js';
import type { ServerConfig } from '../config.js';
import { header, type Env } from '../hono-env.js';
import { ProblemError } from '../problem.js';

/** Authentication (a bearer JWT), then the per-tenant rate limit. Preflights pass. */
export function authenticate(config: ServerConfig): MiddlewareHandler<Env> {
  const verify = createVerifier(config);
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const authorization = header(c, 'authorization') ?? '';
    const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/i.exec(authorization.trim());
    if (!m) throw new ProblemError(401, 'Send a bearer token: Authorization: Bearer <JWT>.', { headers: { 'WWW-Authenticate': 'Bearer' } });
    try {
      c.set('principal', await verify(m[1]!));
    } catch (err) {
      if (err instanceof KeysUnavailableError) throw new ProblemError(503, err.message, { headers: { 'Retry-After': '5' } });
      const detail = err instanceof AuthError ? err.message : 'The token could not be verified.';
      throw new ProblemError(401, detail, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    }
    if (config.rateLimitPerMinute > 0) {
      const tenant = c.get('principal').tenant;
      const rate = config.rateLimitPerMinute / 60_000;
      const now = Date.now();
      const b = buckets.get(tenant) ?? { tokens: config.rateLimitPerMinute, at: now };
      b.tokens = Math.min(config.rateLimitPerMinute, b.tokens + (now - b.at) * rate);
      b.at = now;
      if (b.tokens < 1) {
        buckets.set(tenant, b);
        throw new ProblemError(429, 'Too many requests for this tenant; slow down.', { headers: { 'Retry-After': String(Math.ceil((1 - b.tokens) / rate / 1000)) } });
      }
      b.tokens -= 1;
      if (buckets.size > 50_000) buckets.clear();
      buckets.set(tenant, b);
    }
    await next();
  };
}
