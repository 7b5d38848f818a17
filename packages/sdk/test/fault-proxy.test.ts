// The fault proxy itself, in front of a tiny stub upstream: each fault does what it says, and
// the SDK turns each into the right outcome. The same faults run against the real server in
// contract.test.ts.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetworkError, RateLimitError, TimeoutError, IntegrationError, createIntegrationClient } from '@memberpulse/integrations-sdk';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.ts';

const platforms = {
  items: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, category: 'crm', description: 'x'.repeat(50), discovery: true, testable: true, settings: [] })),
};

let stub: Server;
let proxy: FaultProxy;
const applied = new Map<string, unknown>(); // idempotency key → stored answer
let creates = 0;

before(async () => {
  stub = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...extra });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/v1/platforms') return send(200, platforms);
    if (req.method === 'POST' && req.url === '/v1/endpoints') {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (key && applied.has(key)) return send(201, applied.get(key), { 'idempotent-replayed': 'true' });
      creates++;
      const body = JSON.parse(Buffer.concat(chunks).toString());
      const ep = { id: `ep${creates}`, ...body, version: 1, createdAt: 'now', updatedAt: 'now' };
      if (key) applied.set(key, ep);
      return send(201, ep, { etag: '"1"' });
    }
    send(404, { type: 'about:blank', title: 'Not found', status: 404 });
  });
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
  proxy = await startFaultProxy(`http://127.0.0.1:${(stub.address() as AddressInfo).port}`);
});
after(async () => {
  await proxy.close();
  await new Promise((r) => stub.close(r));
});
beforeEach(() => {
  proxy.reset();
  applied.clear();
  creates = 0;
});

const client = (over: Record<string, unknown> = {}) =>
  createIntegrationClient({ baseUrl: proxy.url, token: 't', retry: { limit: 3, delay: () => 1 }, ...over });

describe('fault proxy + SDK against a stub', () => {
  it('forwards untouched requests', async () => {
    assert.equal((await client().platforms.list()).length, 20);
    assert.equal(proxy.log.length, 1);
    assert.equal(proxy.log[0]!.forwarded, true);
  });

  it('reads survive a dropped connection, a cut-off body and a 503 with Retry-After', async () => {
    proxy.inject({ path: '/v1/platforms', fault: { kind: 'drop-request' } });
    proxy.inject({ path: '/v1/platforms', fault: { kind: 'truncate' } });
    proxy.inject({ path: '/v1/platforms', fault: { kind: 'status', status: 503, retryAfter: '0' } });
    assert.equal((await client().platforms.list()).length, 20);
    assert.deepEqual(proxy.log.map((e) => e.fault), ['drop-request', 'truncate', 'status', undefined]);
  });

  it('a write whose answer was lost is retried with the same key and applied once', async () => {
    proxy.inject({ method: 'POST', path: '/v1/endpoints', fault: { kind: 'drop-response' }, times: 2 });
    const ep = await client().endpoints.create({ name: 'orders', description: 'd' });
    assert.equal(ep.id, 'ep1');
    assert.equal(creates, 1);
    assert.equal(proxy.log.length, 3);
    assert.equal(proxy.log.filter((e) => e.forwarded).length, 3);
    assert.equal(new Set(proxy.log.map((e) => e.headers['idempotency-key'])).size, 1);
  });

  it('without a key the write is not retried, and the failure is a NetworkError', async () => {
    proxy.inject({ method: 'POST', path: '/v1/endpoints', fault: { kind: 'drop-response' } });
    await assert.rejects(client().endpoints.create({ name: 'o', description: 'd' }, { idempotencyKey: false }), NetworkError);
    assert.equal(proxy.log.length, 1);
    assert.equal(creates, 1);
  });

  it('each lasting fault surfaces as its error class', async () => {
    proxy.inject({ fault: { kind: 'drop-request' }, times: 10 });
    await assert.rejects(client().platforms.list(), NetworkError);
    proxy.reset();
    proxy.inject({ fault: { kind: 'truncate', bytes: 10 }, times: 10 });
    await assert.rejects(client().platforms.list(), NetworkError);
    proxy.reset();
    proxy.inject({ fault: { kind: 'status', status: 429, retryAfter: '600' } });
    const rl = await client().platforms.list().catch((e) => e);
    assert.ok(rl instanceof RateLimitError);
    assert.equal(rl.retryAfter, 600);
    proxy.reset();
    proxy.inject({ fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 10 });
    const unavailable = await client().platforms.list().catch((e) => e);
    assert.ok(unavailable instanceof IntegrationError);
    assert.equal(unavailable.status, 503);
    assert.equal(proxy.log.length, 4);
    proxy.reset();
    proxy.inject({ fault: { kind: 'delay', ms: 300 } });
    await assert.rejects(client({ timeout: 50 }).platforms.list(), TimeoutError);
  });
});
