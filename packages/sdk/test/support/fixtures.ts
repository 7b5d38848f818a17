import type { IntegrationEndpoint, IntegrationSettings } from '@memberpulse/integration-schema';

/** A valid settings record as the API answers it. */
export function settingsRecord(over: Partial<IntegrationSettings> = {}): IntegrationSettings {
  return {
    id: 'set_1',
    category: 'crm',
    platform: 'salesforce',
    status: 'draft',
    config: { instanceUrl: 'https://acme.my.salesforce.com' },
    credentials: { consumerSecret: { configured: true, hint: '1234', updatedAt: '2025-01-01T00:00:00.000Z' } },
    crm: null,
    version: 3,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    updatedBy: 'user-1',
    drift: [],
    ...over,
  };
}

/** A valid endpoint. */
export function endpointRecord(over: Partial<IntegrationEndpoint> = {}): IntegrationEndpoint {
  return { id: 'ep_1', name: 'orders', description: 'Order sync', version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', ...over };
}

/** One request as a fake fetch saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

type Responder = (req: Seen, n: number) => Response | Promise<Response>;

/** A fetch that records requests and answers from `respond` (called with the 0-based attempt number). */
export function fakeFetch(respond: Responder) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input, init);
    const s: Seen = { method: req.method, url: req.url, headers: new Headers(req.headers), body: await req.text() };
    seen.push(s);
    if (req.signal.aborted) throw req.signal.reason;
    return respond(s, seen.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A problem+json response. */
export function problem(status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: `Status ${status}`, status, requestId: 'req-p', ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-h', ...headers },
  });
}
