// Fault injection between the SDK and the real server: a loopback proxy drops connections,
// delays, answers 503 with Retry-After and cuts bodies short. Reads succeed, writes are applied
// exactly once (checked on the server's side: audit trail, record counts, versions), and lasting
// failures surface as the right error class.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  IntegrationError,
  NetworkError,
  RateLimitError,
  TimeoutError,
  createIntegrationClient,
  type IntegrationClient,
} from '@memberpulse/integrations-sdk';
import type { AuditAction } from '@memberpulse/integration-schema';
import { startTestServer, type TestServer } from './support/env.ts';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.ts';

let server: TestServer;
let proxy: FaultProxy;
/** Talks through the proxy. */
let sdk: IntegrationClient;
/** Talks to the server directly: the server-side view. */
let direct: IntegrationClient;
/** The bearer token both clients use. */
let adminToken: string;

before(async () => {
  server = await startTestServer();
  proxy = await startFaultProxy(server.apiUrl);
});
after(async () => {
  await proxy?.close();
  await server?.close();
});
beforeEach(async () => {
  proxy.reset();
  const { tokens } = await server.tenant();
  adminToken = tokens.admin;
  sdk = createIntegrationClient({ baseUrl: proxy.url, token: adminToken, retry: { limit: 3, delay: () => 5 } });
  direct = createIntegrationClient({ baseUrl: server.apiUrl, token: adminToken });
});

const auditCount = async (action: AuditAction) =>
  (await direct.audit.list({ action, limit: 100 })).total;

describe('reads survive transient faults', () => {
  it('dropped connection, cut-off body and 503 + Retry-After, in one call', async () => {
    await direct.settings.saveDraft('crm', { platform: 'salesforce', config: { environment: 'sandbox' } });
    proxy.inject({ method: 'GET', path: '/v1/settings/crm', fault: { kind: 'drop-request' } });
    proxy.inject({ method: 'GET', path: '/v1/settings/crm', fault: { kind: 'truncate' } });
    proxy.inject({ method: 'GET', path: '/v1/settings/crm', fault: { kind: 'status', status: 503, retryAfter: '1' } });
    const s = await sdk.settings.get('crm');
    assert.equal(s.config.environment, 'sandbox');
    assert.deepEqual(
      proxy.log.map((e) => e.fault),
      ['drop-request', 'truncate', 'status', undefined],
    );
  });

  it('a slow answer within the timeout is just slow; each page of an iterator retries on its own', async () => {
    for (const name of ['a', 'b', 'c']) await direct.endpoints.create({ name, description: name });
    proxy.inject({ path: '/v1/endpoints?', fault: { kind: 'delay', ms: 50 } });
    proxy.inject({ path: /cursor=/, fault: { kind: 'truncate', bytes: 5 } });
    const names: string[] = [];
    for await (const e of sdk.endpoints.all({ limit: 2 })) names.push(e.name);
    assert.deepEqual(names, ['a', 'b', 'c']);
  });
});

describe('writes are applied exactly once', () => {
  it('create: lost responses are retried with the same key; one endpoint, one audit event', async () => {
    proxy.inject({ method: 'POST', path: '/v1/endpoints', fault: { kind: 'drop-response' } });
    proxy.inject({ method: 'POST', path: '/v1/endpoints', fault: { kind: 'truncate' } });
    const e = await sdk.endpoints.create({ name: 'orders', description: 'Order sync' });
    const posts = proxy.log.filter((l) => l.method === 'POST');
    assert.equal(posts.length, 3);
    assert.equal(posts.filter((l) => l.forwarded && l.upstreamStatus === 201).length, 3, 'the server answered all three');
    assert.equal(new Set(posts.map((l) => l.headers['idempotency-key'])).size, 1, 'one key for the logical call');
    const list = await direct.endpoints.list();
    assert.equal(list.total, 1);
    assert.equal(list.items[0]!.id, e.id);
    assert.equal(await auditCount('endpoint.create'), 1);
  });

  it('settings patch, credential write, archive: each applied once despite lost answers and 503s', async () => {
    const created = await direct.settings.saveDraft('crm', { platform: 'salesforce', config: { environment: 'sandbox' } });
    await sdk.settings.get('crm'); // the SDK now holds the ETag
    proxy.inject({ method: 'PATCH', fault: { kind: 'drop-response' }, times: 2 });
    const patched = await sdk.settings.patch('crm', { config: { autoSync: true } });
    assert.equal(patched.version, created.version + 1, 'one version step: applied once (and the If-Match replay was not a 412)');
    proxy.inject({ method: 'PUT', path: '/v1/settings/crm/credentials', fault: { kind: 'truncate' } });
    proxy.inject({ method: 'PUT', path: '/v1/settings/crm/credentials', fault: { kind: 'status', status: 503, retryAfter: '0' } });
    const withSecret = await sdk.credentials.set('crm', 'consumerSecret', 'a-secret-value-1234');
    assert.equal(withSecret.version, created.version + 2);
    proxy.inject({ method: 'POST', path: '/v1/settings/crm/archive', fault: { kind: 'drop-response' } });
    const archived = await sdk.settings.archive('crm');
    assert.equal(archived.status, 'archived');
    const server_ = await direct.settings.get('crm');
    assert.equal(server_.version, created.version + 3);
    // One event per applied change: the credential write is also a settings update (its own version step).
    const actions = (await direct.audit.list({ limit: 100 })).items.map((e) => e.action).sort();
    assert.deepEqual(actions, ['credential.write', 'settings.archive', 'settings.create', 'settings.update', 'settings.update']);
  });

  it('delete: a lost 204 is replayed, not turned into a 404', async () => {
    const e = await direct.endpoints.create({ name: 'gone', description: 'x' });
    proxy.inject({ method: 'DELETE', fault: { kind: 'drop-response' } });
    await sdk.endpoints.delete(e.id);
    assert.equal((await direct.endpoints.list()).total, 0);
    assert.equal(await auditCount('endpoint.delete'), 1);
  });

  it('a timed-out write can be repeated by the caller with the same key: still one endpoint', async () => {
    proxy.inject({ method: 'POST', path: '/v1/endpoints', fault: { kind: 'delay', ms: 400 } });
    const key = crypto.randomUUID();
    const slow = sdk.endpoints.create({ name: 'slow', description: 'x' }, { idempotencyKey: key, timeout: 100 });
    await assert.rejects(slow, TimeoutError);
    // The proxy still delivers the first request; wait until the server has it, then repeat.
    while (!proxy.log[0]?.upstreamStatus) await new Promise((r) => setTimeout(r, 20));
    const again = await sdk.endpoints.create({ name: 'slow', description: 'x' }, { idempotencyKey: key });
    assert.equal(again.name, 'slow');
    assert.equal((await direct.endpoints.list()).total, 1);
    assert.equal(await auditCount('endpoint.create'), 1);
  });
});

describe('lasting failures surface as the right class', () => {
  it('NetworkError for dropped connections and cut-off bodies, after retries', async () => {
    proxy.inject({ fault: { kind: 'drop-request' }, times: 4 });
    const dropped = await sdk.platforms.list().catch((e) => e);
    assert.ok(dropped instanceof NetworkError, String(dropped));
    assert.equal(proxy.log.length, 4);
    proxy.reset();
    proxy.inject({ fault: { kind: 'truncate' }, times: 4 });
    const cut = await sdk.settings.list().catch((e) => e);
    assert.ok(cut instanceof NetworkError, String(cut));
  });

  it('a write without a key is tried once: NetworkError, and the server applied it once', async () => {
    proxy.inject({ method: 'POST', fault: { kind: 'drop-response' } });
    await assert.rejects(sdk.endpoints.create({ name: 'nokey', description: 'x' }, { idempotencyKey: false }), NetworkError);
    assert.equal(proxy.log.length, 1);
    assert.equal((await direct.endpoints.list()).total, 1);
  });

  it('503 after retries is an IntegrationError with status 503; 429 with a long Retry-After a RateLimitError at once', async () => {
    proxy.inject({ fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 4 });
    const unavailable = await sdk.me().catch((e) => e);
    assert.ok(unavailable instanceof IntegrationError);
    assert.equal(unavailable.status, 503);
    assert.equal(proxy.log.length, 4);
    proxy.reset();
    proxy.inject({ fault: { kind: 'status', status: 429, retryAfter: '3600' } });
    const limited = await sdk.me().catch((e) => e);
    assert.ok(limited instanceof RateLimitError);
    assert.equal(limited.retryAfter, 3600);
    assert.equal(proxy.log.length, 1);
  });

  it('TimeoutError when the answer is slower than the timeout', async () => {
    proxy.inject({ fault: { kind: 'delay', ms: 300 } });
    const slow = createIntegrationClient({ baseUrl: proxy.url, token: 'x', timeout: 50, retry: 0 });
    const e = await slow.me().catch((x) => x);
    assert.ok(e instanceof TimeoutError, String(e));
    assert.equal(e.timeout, 50);
  });

  it('no failure carries the token or a secret sent: not in message, toJSON, stack or the cause chain', async () => {
    await direct.settings.saveDraft('crm', { platform: 'salesforce', config: { authMode: 'connectedApp', consumerKey: 'ck' } });
    const secret = 'fault-secret-value-31337';
    const failures: unknown[] = [];
    const attempt = async (fault: Parameters<FaultProxy['inject']>[0]['fault'], call: () => Promise<unknown>) => {
      proxy.reset();
      proxy.inject({ fault, times: 4 });
      failures.push(await call().then(() => assert.fail('the call succeeded'), (e: unknown) => e));
    };
    await attempt({ kind: 'drop-request' }, () => sdk.credentials.set('crm', 'consumerSecret', secret));
    await attempt({ kind: 'truncate' }, () => sdk.credentials.set('crm', 'consumerSecret', secret));
    await attempt({ kind: 'status', status: 503, retryAfter: '0' }, () => sdk.settings.patch('crm', { credentials: { consumerSecret: secret } }));
    await attempt({ kind: 'delay', ms: 300 }, () =>
      createIntegrationClient({ baseUrl: proxy.url, token: adminToken, timeout: 50, retry: 0 }).crm.testConnection({ credentials: { consumerSecret: secret } }),
    );
    assert.deepEqual(
      failures.map((e) => (e as Error).name),
      ['NetworkError', 'NetworkError', 'IntegrationError', 'TimeoutError'],
    );
    for (const e of failures) {
      const everything = [(e as Error).message, (e as Error).stack, JSON.stringify(e), inspect(e, { depth: 20, showHidden: true })].join('\n');
      assert.ok(!everything.includes(adminToken), `${(e as Error).name} shows the token`);
      assert.ok(!everything.includes(secret), `${(e as Error).name} shows the secret`);
    }
  });
});
