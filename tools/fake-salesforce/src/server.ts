/** The HTTP front of the fake: routes logins, the identity service and the REST API, and records every call. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthAnswer, AuthService } from './auth.js';
import { MIN_API_VERSION } from './constants.js';
import { readBody, sendEmpty, sendJson, sendXml } from './http.js';
import type { ApiAllowance } from './limits.js';
import { withVersion, type RestApi } from './rest.js';
import type { FakeOrg } from './types.js';

/** One request the fake received. */
export interface CallRecord {
  method: string;
  /** URL path without the query string, e.g. `/services/data/v62.0/sobjects/Contact/describe`. */
  path: string;
  status: number;
}

/** Switches tests flip to make the org misbehave. */
export interface FaultSwitches {
  /** The org has API access turned off (SOAP login and REST answer API_DISABLED_FOR_ORG). */
  apiDisabled: boolean;
}

interface Parts {
  org: FakeOrg;
  auth: AuthService;
  rest: RestApi;
  allowance: ApiAllowance;
  faults: FaultSwitches;
  calls: CallRecord[];
}

const REST_PATH = /^\/services\/data\/v(\d+\.\d)(?:\/(.*))?$/;

function sendAnswer(res: ServerResponse, a: AuthAnswer): void {
  if (a.xml !== undefined) sendXml(res, a.status, a.xml);
  else sendJson(res, a.status, a.json);
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization ?? '';
  const m = /^(?:Bearer|OAuth) (.+)$/i.exec(h);
  return m?.[1]?.trim();
}

function restError(res: ServerResponse, status: number, errorCode: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, [{ message, errorCode }], headers);
}

/** Creates the node:http server for one fake org. */
export function createFakeServer(parts: Parts, baseUrl: () => string): Server {
  const { org, auth, rest, allowance, faults, calls } = parts;

  async function dispatch(req: IncomingMessage, res: ServerResponse, path: string, search: URLSearchParams): Promise<void> {
    const method = req.method ?? 'GET';
    if (path === '/services/oauth2/token' && method === 'POST') {
      return sendAnswer(res, auth.token(new URLSearchParams(await readBody(req)), req.headers.authorization));
    }
    if (path === '/services/oauth2/revoke' && method === 'POST') {
      const token = new URLSearchParams(await readBody(req)).get('token') ?? search.get('token') ?? '';
      return auth.revoke(token) ? sendEmpty(res, 200) : sendJson(res, 400, { error: 'unsupported_token_type', error_description: 'this token type is not supported' });
    }
    const soap = /^\/services\/Soap\/u\/(\d+\.\d)(?:\/.*)?$/.exec(path);
    if (soap && method === 'POST') {
      auth.apiDisabled = faults.apiDisabled;
      return sendAnswer(res, auth.soap(await readBody(req), soap[1]!));
    }
    const identity = /^\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})$/.exec(path);
    if (identity && method === 'GET') {
      const session = auth.session(bearer(req));
      if (!session) return sendJson(res, 403, 'Bad_OAuth_Token');
      const u = session.user;
      return sendJson(res, 200, {
        id: auth.identityUrl(u), asserted_user: true, user_id: u.id, organization_id: org.organizationId, username: u.username,
        display_name: `${u.firstName} ${u.lastName}`, email: u.email, active: true, user_type: 'STANDARD', language: 'en_US', locale: 'en_AU', utcOffset: 36000000,
        urls: { rest: `${baseUrl()}/services/data/v{version}/`, sobjects: `${baseUrl()}/services/data/v{version}/sobjects/`, query: `${baseUrl()}/services/data/v{version}/query/` },
      });
    }
    if ((path === '/services/data' || path === '/services/data/') && method === 'GET') {
      const versions = [];
      for (let v = MIN_API_VERSION; v <= 62; v++) versions.push({ label: `v${v}`, url: `/services/data/v${v}.0`, version: `${v}.0` });
      return sendJson(res, 200, versions);
    }
    const m = REST_PATH.exec(path);
    if (!m) return restError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const version = m[1]!;
    if (Number(version) < MIN_API_VERSION) return restError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const session = auth.session(bearer(req));
    if (!session) return restError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    if (faults.apiDisabled) return restError(res, 403, 'API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner');
    if (allowance.exhausted) return restError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', { 'Sforce-Limit-Info': allowance.header() });
    allowance.count();
    const limitHeader = { 'Sforce-Limit-Info': allowance.header() };
    const text = await readBody(req);
    let body: unknown = null;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return restError(res, 400, 'JSON_PARSER_ERROR', `Unexpected character: was expecting a JSON value at [line:1, column:1]`, limitHeader);
      }
    }
    const segments = (m[2] ?? '').split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
    const answer = rest.handle({ method, segments, query: search, body, headers: req.headers, version, userId: session.user.id });
    if (answer.body === undefined) return sendEmpty(res, answer.status, limitHeader);
    const json = withVersion(JSON.stringify(answer.body), version);
    res.writeHead(answer.status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(json), ...limitHeader });
    res.end(json);
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const record: CallRecord = { method: req.method ?? 'GET', path: url.pathname, status: 0 };
    calls.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    dispatch(req, res, url.pathname, url.searchParams).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      restError(res, 500, 'UNKNOWN_EXCEPTION', `An unexpected error occurred in the fake: ${(err as Error).message}`);
    });
  });
}

/** Listens and answers the base URL. */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const h = addr.family === 'IPv6' || host.includes(':') ? `[${addr.address}]` : addr.address;
  return `http://${h}:${addr.port}`;
}
