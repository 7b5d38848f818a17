import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppState } from '../app.js';
import { CLIENT_CLOSED, trackRequest } from '../client-error.js';
import type { LogSink } from '../config.js';
import { header, type Env } from '../hono-env.js';
import { REQUEST_ID_PATTERN } from '../http.js';

/** Request id, timing and the access log. Nothing from the body or the headers is logged. */
export function accessLog(log: LogSink, state: AppState): MiddlewareHandler<Env> {
  return async (c, next) => {
    const given = header(c, 'x-request-id');
    const requestId = given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    // Set before the handler runs, these reach every response built through the context (c.json, c.body);
    // every route and error path of this app builds its responses that way. Changing headers afterwards
    // would cost the node adapter its fast path.
    c.header('X-Request-Id', requestId);
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.path.startsWith('/v1/')) c.header('Cache-Control', 'no-store');
    const started = performance.now();
    // Node's parser may refuse the rest of this request (a timeout, chunk extensions over its limit) and
    // answer it while the app reads the body: the connection tells this line what was answered.
    const incoming = c.env?.incoming;
    const tracked = incoming ? trackRequest(incoming, requestId) : null;
    state.inFlight++;
    try {
      await next();
    } finally {
      state.inFlight--;
      tracked?.done();
    }
    const ended = tracked?.request.ended ?? (c.res.status === CLIENT_CLOSED ? { status: CLIENT_CLOSED, reason: 'client_closed' } : null);
    const status = ended?.status ?? c.res.status;
    const p = c.get('principal');
    log({
      // A readiness probe told "draining" is the stop working as meant, not an error.
      level: status >= 500 && !(state.draining && c.req.path === '/readyz') ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status,
      ...(ended ? { reason: ended.reason } : {}),
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId,
      ...(p ? { tenant: p.tenant, sub: p.sub } : {}),
    });
  };
}
