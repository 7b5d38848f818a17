import { isLoopbackUrl } from '@memberpulse/integration-schema/validation';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { header, type Env } from '../hono-env.js';

/** CORS for the configured origins (`*` for any), and outside production any loopback origin. */
export function corsFor(origins: readonly string[], allowLoopback: boolean): MiddlewareHandler<Env> {
  const anyOrigin = origins.includes('*');
  const corsHeaders = cors({
    origin: (origin) => {
      if (!origin) return null;
      if (anyOrigin || origins.includes(origin)) return origin;
      if (allowLoopback && isLoopbackUrl(origin)) return origin;
      return null;
    },
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    // No list: the preflight allows the headers it is asked about, so a host's own (the SDK's `headers`
    // option, a tracing header) work too. Only an allowed origin gets a grant at all.
    exposeHeaders: ['ETag', 'X-Request-Id', 'Idempotent-Replayed', 'Retry-After', 'Location'],
    maxAge: 600,
  });
  // Only browser requests carry an Origin; the others skip the CORS work.
  return (c, next) => (header(c, 'origin') ? corsHeaders(c, next) : next());
}
