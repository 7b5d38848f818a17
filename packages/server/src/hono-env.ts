import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { Principal } from './auth.js';

/** The app's Hono environment: Node's request under @hono/node-server, and what the middleware sets. */
export type Env = { Bindings: { incoming?: IncomingMessage }; Variables: { requestId: string; principal: Principal; rawBody: string } };

/**
 * A request header. Under @hono/node-server it is read from Node's own parsed headers: building the
 * fetch-style Headers of every request costs more than the rest of a cached read.
 */
export function header(c: Context<Env>, name: string): string | undefined {
  const incoming = c.env?.incoming;
  if (!incoming) return c.req.header(name);
  const v = incoming.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}
