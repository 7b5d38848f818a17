// jsforce reads the proxy variables when it is imported; loopback tests must never go through a proxy.
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[k];

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConfigValue } from '@memberpulse/integration-schema';
import {
  FAKE_CONSUMER_KEY,
  FAKE_CONSUMER_SECRET,
  FAKE_PASSWORD,
  FAKE_SECURITY_TOKEN,
  FAKE_USERNAME,
  type FakeSalesforce,
} from '@memberpulse/fake-salesforce';
import { PRODUCTION_LOGIN_URL, type ConnectionInput } from '../src/index.js';

/** Connected App settings for the fake, reached as the server's default login URL. */
export function connectedApp(sf: FakeSalesforce, config: Record<string, ConfigValue> = {}, secrets: Record<string, string> = {}): ConnectionInput {
  return {
    platform: 'salesforce',
    config: { environment: 'production', authMode: 'connectedApp', consumerKey: FAKE_CONSUMER_KEY, ...config },
    secrets: { consumerSecret: FAKE_CONSUMER_SECRET, ...secrets },
    defaults: { salesforce: { clientId: null, clientSecret: null, loginUrl: sf.url } },
  };
}

/** Service-user settings for the fake, reached as the tenant's My Domain. */
export function serviceUser(sf: FakeSalesforce, config: Record<string, ConfigValue> = {}, secrets: Record<string, string> = {}): ConnectionInput {
  return {
    platform: 'salesforce',
    config: { environment: 'production', authMode: 'serviceUser', username: FAKE_USERNAME, myDomainUrl: sf.url, ...config },
    secrets: { password: FAKE_PASSWORD, securityToken: FAKE_SECURITY_TOKEN, ...secrets },
    // The fake is on this machine, which a server outside production lets a tenant name as its My Domain.
    defaults: { salesforce: { clientId: null, clientSecret: null, loginUrl: PRODUCTION_LOGIN_URL, allowLoopback: true } },
  };
}

/** A request a stub platform received. */
export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback HTTP server answering through `handle`; records every request. */
export async function stubServer(handle: (req: StubRequest, res: ServerResponse) => void) {
  const requests: StubRequest[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const r = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
    requests.push(r);
    handle(r, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Writes a JSON answer. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A loopback URL where nothing listens. */
export async function deadUrl(): Promise<string> {
  const s = await stubServer(() => {});
  await s.close();
  return s.url;
}
