import { fieldError } from '@memberpulse/integration-schema';
import { problemTypes } from '@memberpulse/integration-schema/validation';
import type { Context, ErrorHandler, Hono, NotFoundHandler } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import { CLIENT_CLOSED } from './client-error.js';
import type { LogSink } from './config.js';
import { sqlState } from './db.js';
import { PlatformError } from './discovery.js';
import type { Env } from './hono-env.js';
import { BodyNotReceivedError } from './http.js';
import { ProblemError, problemBody, unprocessable } from './problem.js';

const problem = (c: Context<Env>, err: ProblemError) => {
  const body = problemBody(err.status, err.detail, c.req.path, c.get('requestId') ?? '', err.extra);
  return c.newResponse(JSON.stringify(body), err.status as StatusCode, { 'Content-Type': 'application/problem+json', ...(err.extra.headers ?? {}) });
};

/** Answers what a request threw: a problem as it says, anything unexpected as a logged 500. */
export function errorHandler(log: LogSink): ErrorHandler<Env> {
  return (err, c) => {
    if (err instanceof ProblemError) return problem(c, err);
    // Nobody to answer (or the parser answered already): the access line says what happened.
    if (err instanceof BodyNotReceivedError) return c.body(null, CLIENT_CLOSED as StatusCode);
    if (err instanceof PlatformError) return problem(c, platformProblem(err));
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(c, new ProblemError(status, status === 404 ? 'No such resource.' : 'The request was not accepted.'));
    }
    log({ level: 'error', msg: 'unhandled error', requestId: c.get('requestId'), error: err.name, message: err.message, code: sqlState(err), stack: err.stack });
    return problem(c, new ProblemError(500, 'Something went wrong on our side. Quote the request id when you report it.'));
  };
}

/** Answers a request no route of `app` takes: 404 for a path none has, 405 (or OPTIONS' 204) for a wrong method. */
export function noRouteHandler(app: Hono<Env>): NotFoundHandler<Env> {
  let routeTable: Array<{ method: string; pattern: RegExp }> | undefined;
  /** The methods a route answers on this path (HEAD with GET): a path that exists never answers 404 for a wrong method. */
  const allowedMethods = (path: string): string[] => {
    routeTable ??= app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}$`) }));
    const methods = new Set(routeTable.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods];
  };
  return (c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length === 0) {
      // Its own type, so a client can tell a wrong base URL from a record that does not exist (yet).
      const detail = `No such route: ${c.req.path}. The API's paths start with /v1/ on the server's origin.`;
      return problem(c, new ProblemError(404, detail, { type: problemTypes.noSuchRoute, title: 'No such route' }));
    }
    const allow = [...allowed, 'OPTIONS'].join(', ');
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
    return problem(c, new ProblemError(405, `${c.req.method} is not allowed here; this resource takes ${allowed.join(', ')}.`, { headers: { Allow: allow } }));
  };
}

/** Maps a connector failure onto a problem: 502 when the platform is unreachable or failed. */
function platformProblem(err: PlatformError): ProblemError {
  switch (err.kind) {
    case 'auth':
      return new ProblemError(422, err.message, {
        errors: err.errors.length ? err.errors : [fieldError('/credentials', 'invalid_credentials', err.message)],
        title: 'Platform rejected the credentials',
      });
    case 'invalid':
      return unprocessable(err.errors.length ? err.errors : [fieldError('', 'invalid', err.message)], [], err.message);
    case 'not_found':
      return new ProblemError(404, err.message);
    case 'rate_limited':
      return new ProblemError(429, err.message, { headers: { 'Retry-After': String(err.retryAfterSeconds ?? 60) } });
    case 'unsupported':
      return new ProblemError(422, err.message, { errors: [fieldError('/platform', 'invalid', err.message)] });
    default:
      return new ProblemError(502, err.message || 'The platform could not be reached.');
  }
}
