// Unit tests of the SDK's HTTP core against a fake fetch: URLs, headers, retries, idempotency
// keys, ETags, token refresh, error classes and what errors must never contain.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  ConflictError,
  ForbiddenError,
  IntegrationError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  createIntegrationClient,
  paginate,
  type ClientOptions,
  type IntegrationClient,
} from '@memberpulse/integrations-sdk';
import { emptyCrmMapping, type CrmMapping, type Page } from '@memberpulse/integration-schema';
import { endpointRecord, fakeFetch, json, problem, settingsRecord } from './support/fixtures.ts';
import { rejects } from './support/rejects.ts';

const TOKEN = 'tok.en-SECRET-abc123';
const fast = { delay: () => 0 } as const;

function client(fetch: typeof globalThis.fetch, over: Partial<ClientOptions> = {}) {
  return createIntegrationClient({ baseUrl: 'http://api.test', token: TOKEN, fetch, retry: fast, ...over });
}


describe('requests', () => {
  it('builds URLs under /v1 with the token, slugs and encoded segments', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.url.includes('fields') ? json({ items: [] }) : json(settingsRecord({ category: 'paymentGateway' }), 200, { etag: '"3"' }),
    );
    const c = client(fetch, { baseUrl: 'http://api.test/v1/' });
    await c.settings.get('paymentGateway');
    await c.crm.fields('Member/__c', { refresh: true });
    assert.equal(seen[0]!.url, 'http://api.test/v1/settings/payment-gateway');
    assert.equal(seen[0]!.headers.get('authorization'), `Bearer ${TOKEN}`);
    assert.equal(seen[0]!.headers.get('idempotency-key'), null, 'reads carry no idempotency key');
    assert.equal(seen[1]!.url, 'http://api.test/v1/settings/crm/objects/Member%2F__c/fields?refresh=true');
  });

  it('refuses an id, key or object name that is empty, “.” or “..” before sending, as a URL would resolve it to another route', async () => {
    const { fetch, seen } = fakeFetch(() => json(endpointRecord()));
    const c = client(fetch);
    const calls = [() => c.endpoints.get(''), () => c.endpoints.delete('..'), () => c.credentials.set('crm', '.', 'x'), () => c.crm.fields('..')];
    for (const call of calls) {
      const refused = await call().catch((e: unknown) => e);
      assert.ok(refused instanceof TypeError && /empty, “\.” or “\.\.”, which names no record/.test(refused.message), String(refused));
    }
    assert.equal(seen.length, 0, 'nothing sent');
    await c.endpoints.get('..a');
    assert.equal(seen[0]!.url, 'http://api.test/v1/endpoints/..a', 'dots within an id are an id');
  });

  it('sends no body, and no content type, to the routes that take none (archive, restore, clearing a credential, deleting an endpoint)', async () => {
    const { fetch, seen } = fakeFetch((req) => (req.method === 'DELETE' && req.url.includes('/endpoints/') ? new Response(null, { status: 204 }) : json(settingsRecord(), 200, { etag: '"2"' })));
    const c = client(fetch);
    await c.settings.archive('crm');
    await c.settings.restore('crm');
    await c.credentials.clear('crm', 'consumerSecret');
    await c.endpoints.delete('ep_1');
    assert.deepEqual(
      seen.map((s) => [s.method, new URL(s.url).pathname, s.body, s.headers.get('content-type')]),
      [
        ['POST', '/v1/settings/crm/archive', '', null],
        ['POST', '/v1/settings/crm/restore', '', null],
        ['DELETE', '/v1/settings/crm/credentials/consumerSecret', '', null],
        ['DELETE', '/v1/endpoints/ep_1', '', null],
      ],
    );
  });

  it('adds /v1 to a bare base URL and sends client headers', async () => {
    const { fetch, seen } = fakeFetch(() => json({ tenantId: 't', subject: 's', role: 'viewer', permissions: [] }));
    await client(fetch, { baseUrl: 'http://api.test/base', headers: { 'x-app': 'demo' } }).me();
    assert.equal(seen[0]!.url, 'http://api.test/base/v1/me');
    assert.equal(seen[0]!.headers.get('x-app'), 'demo');
  });

  it('refuses a base URL that is not absolute http(s) in Node, or has a query, fragment or credentials', () => {
    for (const baseUrl of ['127.0.0.1:9731', 'localhost:9731', '/v1', 'api.test', 'ftp://api.test', 'http://api.test/?tenant=1', 'http://api.test/#v1', 'http://user:pw-secret@api.test']) {
      assert.throws(
        () => createIntegrationClient({ baseUrl, token: TOKEN }),
        (e) => e instanceof TypeError && /^`baseUrl`/.test(e.message) && !e.message.includes('pw-secret'),
        baseUrl,
      );
    }
  });

  it('takes a relative base URL where a page resolves it', () => {
    const g = globalThis as { location?: { href: string } };
    g.location = { href: 'https://app.example/admin/' };
    try {
      createIntegrationClient({ baseUrl: '/api', token: TOKEN });
      assert.throws(() => createIntegrationClient({ baseUrl: '/api?x=1', token: TOKEN }), TypeError);
      // A host without a scheme would resolve as a path under the page: a relative URL starts with / ./ or ../.
      for (const baseUrl of ['127.0.0.1:9731', '[::1]:9731', 'integrations.example.com', 'api.example.com./v1', 'localhost/api', 'bücher.example/api', 'api/', 'http:/api.example.com', 'https:api.example.com']) {
        assert.throws(() => createIntegrationClient({ baseUrl, token: TOKEN }), /`baseUrl` must be an http\(s\) URL/, baseUrl);
      }
      for (const baseUrl of ['./v1.2/api', '../integrations', '//api.example.com']) createIntegrationClient({ baseUrl, token: TOKEN });
    } finally {
      delete g.location;
    }
  });

  it('rejects a client without a token source, or with a token of only spaces', () => {
    assert.throws(() => createIntegrationClient({ baseUrl: 'http://api.test' }), TypeError);
    assert.throws(() => createIntegrationClient({ baseUrl: 'http://api.test', token: ' \t ' }), TypeError);
  });
});

describe('categories', () => {
  it('takes a category by its id or as URLs name it, one record either way, and refuses others before sending', async () => {
    const { fetch, seen } = fakeFetch(() => json(settingsRecord({ category: 'paymentGateway' }), 200, { etag: '"5"' }));
    const c = client(fetch);
    await c.settings.get('payment-gateway');
    assert.equal(seen[0]!.url, 'http://api.test/v1/settings/payment-gateway');
    assert.equal(c.settings.etag('paymentGateway'), '"5"', 'one record under both names');
    await c.settings.patch('paymentGateway', { config: { mode: 'test' } });
    assert.equal(seen[1]!.headers.get('if-match'), '"5"');
    await c.credentials.set('payment-gateway', 'secretKey', 'sk_test_abc');
    assert.equal(seen[2]!.url, 'http://api.test/v1/settings/payment-gateway/credentials/secretKey');
    const refused = await c.settings.get('payments' as 'crm').catch((e: unknown) => e);
    assert.ok(refused instanceof TypeError && /Unknown settings category “payments”/.test(refused.message), String(refused));
    assert.equal(seen.length, 3, 'nothing sent for it');
  });
});

describe('ETags', () => {
  it('tells a path the server has no route for (a wrong base URL) from a missing record', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.method === 'GET'
        ? problem(404, { type: 'https://memberpulse.dev/problems/no-such-route', title: 'No such route', detail: 'No such route: /api/v1/settings/crm.' })
        : json(settingsRecord({ version: 1 }), 201, { etag: '"1"' }),
    );
    const c = client(fetch);
    const e = await rejects(c.settings.get('crm'), IntegrationError);
    assert.ok(!(e instanceof NotFoundError), 'not a missing record');
    assert.match(e.message, /Check the client's baseUrl/);
    await c.settings.saveDraft('crm', { platform: 'salesforce' });
    assert.equal(seen[1]!.headers.get('if-none-match'), null, 'nor remembered as one: a save does not insist on creating it');
  });

  it('tells a page in the way (a proxy’s HTML 403 or 404) from the API’s answer: an IntegrationError with its status, no record forgotten', async () => {
    const page = (status: number) => new Response(`<h1>${status}</h1>`, { status, headers: { 'content-type': 'text/html' } });
    const { fetch, seen } = fakeFetch((req, n) => (req.method === 'GET' ? page(n === 0 ? 404 : 403) : json(settingsRecord({ version: 1 }), 201, { etag: '"1"' })));
    const c = client(fetch);
    for (const status of [404, 403]) {
      const e = await rejects(c.settings.get('crm'), IntegrationError);
      assert.ok(!(e instanceof NotFoundError) && !(e instanceof ForbiddenError), `${status}: no answer of the API`);
      assert.equal(e.status, status);
    }
    await c.settings.saveDraft('crm', { platform: 'salesforce' });
    assert.equal(seen.at(-1)!.headers.get('if-none-match'), null, 'a proxy’s 404 is not remembered as a missing record');
  });

  it('remembers the ETag it read and sends If-Match on update, unless told otherwise', async () => {
    let version = 3;
    const { fetch, seen } = fakeFetch((req) => {
      if (req.method !== 'GET') version++;
      return json(settingsRecord({ version }), 200, { etag: `"${version}"` });
    });
    const c = client(fetch);
    await c.settings.get('crm');
    assert.equal(c.settings.etag('crm'), '"3"');
    await c.settings.patch('crm', { config: { a: 1 } });
    assert.equal(seen[1]!.headers.get('if-match'), '"3"');
    await c.settings.archive('crm');
    assert.equal(seen[2]!.headers.get('if-match'), '"4"', 'the ETag of the write response is remembered');
    await c.settings.restore('crm', { ifMatch: false });
    assert.equal(seen[3]!.headers.get('if-match'), null);
    await c.settings.saveDraft('crm', { platform: 'salesforce' }, { ifMatch: '"99"' });
    assert.equal(seen[4]!.headers.get('if-match'), '"99"');
    assert.deepEqual(JSON.parse(seen[4]!.body), { platform: 'salesforce', status: 'draft' });
  });

  it('sends a precondition in a call’s headers as given, over the ETag it remembers, and refuses one in the client’s headers', async () => {
    const { fetch, seen } = fakeFetch(() => json(settingsRecord({ version: 5 }), 200, { etag: '"5"' }));
    const c = client(fetch);
    await c.settings.get('crm');
    await c.settings.patch('crm', { config: { a: 1 } }, { headers: { 'If-Match': '"1"' } });
    assert.equal(seen[1]!.headers.get('if-match'), '"1"', 'the caller’s version, not the remembered "5"');
    await c.settings.patch('crm', { config: { a: 1 } }, { headers: { 'If-None-Match': '*' } });
    assert.deepEqual([seen[2]!.headers.get('if-match'), seen[2]!.headers.get('if-none-match')], [null, '*'], 'only the caller’s precondition');
    for (const name of ['If-Match', 'if-none-match']) {
      assert.throws(() => client(fetch, { headers: { [name]: '"1"' } }), (e) => e instanceof TypeError && e.message.includes(name));
    }
  });

  it('keeps what it knows of records per tenant: a token for another tenant sends no precondition from the first', async () => {
    const jwt = (tenant: string, sub: string) => `h.${Buffer.from(JSON.stringify({ tenant, sub, role: 'admin' })).toString('base64url')}.sig`;
    let token = jwt('acme', 'ada');
    const { fetch, seen } = fakeFetch((req) =>
      req.method === 'GET' && req.url.endsWith('/settings') ? json({ items: [settingsRecord({ version: 1 })], nextCursor: null }) : json(settingsRecord({ version: 2 }), 200, { etag: '"2"' }),
    );
    const c = createIntegrationClient({ baseUrl: 'http://api.test', getToken: () => token, fetch, retry: fast });
    await c.settings.list();
    token = jwt('acme', 'bob');
    await c.settings.patch('crm', { config: { a: 1 } });
    assert.equal(seen[1]!.headers.get('if-match'), '"1"', 'another user of the same tenant edits the record the client showed');
    token = jwt('globex', 'gus');
    await c.settings.patch('crm', { config: { a: 1 } });
    assert.equal(seen[2]!.headers.get('if-match'), null, 'the first tenant’s version says nothing of the second’s record');
    assert.equal(c.settings.etag('crm'), '"2"', 'what the second tenant’s answer says is remembered');
  });

  it('puts an answer that lands after the token changed tenant in its own tenant’s memory, not the new one’s', async () => {
    const jwt = (tenant: string) => `h.${Buffer.from(JSON.stringify({ tenant, sub: 's', role: 'admin' })).toString('base64url')}.sig`;
    let token = jwt('acme');
    let landList = () => {};
    const { fetch, seen } = fakeFetch((req) => {
      if (req.url.endsWith('/settings')) return new Promise<Response>((resolve) => (landList = () => resolve(json({ items: [] })))); // acme has none
      return json(settingsRecord({ version: 5 }), 200, { etag: '"5"' });
    });
    const c = createIntegrationClient({ baseUrl: 'http://api.test', getToken: () => token, fetch, retry: fast });
    const slowList = c.settings.list();
    await new Promise((resolve) => setTimeout(resolve, 10));
    token = jwt('globex');
    await c.settings.get('crm');
    landList();
    await slowList;
    await c.settings.patch('crm', { config: { a: 1 } });
    const patch = seen.at(-1)!;
    assert.deepEqual([patch.headers.get('if-match'), patch.headers.get('if-none-match')], ['"5"', null], 'globex’s own version, not acme’s “missing”');
    token = jwt('acme');
    await c.settings.saveDraft('crm', { platform: 'salesforce' });
    assert.equal(seen.at(-1)!.headers.get('if-none-match'), '*', 'acme’s list is remembered for acme');
  });

  it('remembers ETags from the list by version, and sends none for unseen records', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.url.endsWith('/settings') ? json({ items: [settingsRecord({ version: 7 })] }) : json(endpointRecord()),
    );
    const c = client(fetch);
    await c.settings.list();
    assert.equal(c.settings.etag('crm'), '"7"');
    await c.endpoints.updateDescription('ep_1', 'New');
    assert.equal(seen[1]!.headers.get('if-match'), null);
    assert.equal(seen[1]!.method, 'PATCH');
    assert.deepEqual(JSON.parse(seen[1]!.body), { description: 'New' });
  });

  it('remembers each listed endpoint’s ETag by version, so editing a listed endpoint is conditional', async () => {
    const { fetch, seen } = fakeFetch((req) =>
      req.url.includes('/endpoints?') ? json({ items: [endpointRecord({ version: 4 })], total: 1, nextCursor: null }) : json(endpointRecord({ version: 5 })),
    );
    const c = client(fetch);
    await c.endpoints.list({ limit: 10 });
    assert.equal(c.endpoints.etag('ep_1'), '"4"');
    await c.endpoints.updateDescription('ep_1', 'New');
    assert.equal(seen[1]!.headers.get('if-match'), '"4"');
  });

  it('forgets an endpoint ETag after delete', async () => {
    const { fetch, seen } = fakeFetch((req) => (req.method === 'DELETE' ? new Response(null, { status: 204 }) : json(endpointRecord(), 200, { etag: '"e1"' })));
    const c = client(fetch);
    await c.endpoints.get('ep_1');
    assert.equal(await c.endpoints.delete('ep_1'), undefined);
    assert.equal(seen[1]!.headers.get('if-match'), '"e1"');
    assert.equal(c.endpoints.etag('ep_1'), undefined);
  });

  it('turns 412 into ConflictError with the current ETag, and 409 too', async () => {
    const { fetch } = fakeFetch((_r, n) => (n === 0 ? problem(412, {}, { etag: '"8"' }) : problem(409, { detail: 'Idempotency-Key reused' })));
    const c = client(fetch);
    const stale = await rejects(c.settings.patch('crm', {}, { ifMatch: '"3"' }), ConflictError);
    assert.equal(stale.status, 412);
    assert.equal(stale.reason, 'stale');
    assert.equal(stale.currentEtag, '"8"');
    const reused = await rejects(c.endpoints.create({ name: 'a', description: 'b' }), ConflictError);
    assert.equal(reused.status, 409);
    assert.equal(reused.reason, 'conflict');
    assert.equal(reused.message, 'Idempotency-Key reused');
  });
});

describe('retries and idempotency', () => {
  it('retries a write with one Idempotency-Key per logical call', async () => {
    const { fetch, seen } = fakeFetch((req, n) => (n === 0 || n === 2 ? problem(503, {}, { 'retry-after': '0' }) : json(endpointRecord(), 201, { etag: '"1"' })));
    const c = client(fetch);
    await c.endpoints.create({ name: 'orders', description: 'x' });
    await c.endpoints.create({ name: 'orders2', description: 'x' });
    const keys = seen.map((s) => s.headers.get('idempotency-key'));
    assert.equal(keys.length, 4);
    assert.ok(keys[0] && /^[0-9a-f-]{36}$/.test(keys[0]));
    assert.equal(keys[0], keys[1], 'the retry reuses the key');
    assert.equal(keys[2], keys[3]);
    assert.notEqual(keys[0], keys[2], 'a new call gets a new key');
    assert.equal(c.endpoints.etag('ep_1'), '"1"');
  });

  it('uses a caller-given key, and never retries a write without one', async () => {
    const { fetch, seen } = fakeFetch(() => problem(503, {}, { 'retry-after': '0' }));
    const c = client(fetch);
    await rejects(c.endpoints.create({ name: 'a', description: 'b' }, { idempotencyKey: 'my-key' }), IntegrationError);
    assert.equal(seen.length, 3);
    assert.ok(seen.every((s) => s.headers.get('idempotency-key') === 'my-key'));
    seen.length = 0;
    const e = await rejects(c.endpoints.create({ name: 'a', description: 'b' }, { idempotencyKey: false }), IntegrationError);
    assert.equal(seen.length, 1);
    assert.equal(e.status, 503);
    assert.equal(seen[0]!.headers.get('idempotency-key'), null);
  });

  it('takes an Idempotency-Key in a call’s headers as its key, and refuses Authorization in headers', async () => {
    const { fetch, seen } = fakeFetch((_r, n) => (n === 0 ? problem(503, {}, { 'retry-after': '0' }) : json(endpointRecord(), 201)));
    const c = client(fetch);
    await c.endpoints.create({ name: 'a', description: 'b' }, { headers: { 'Idempotency-Key': 'my-key' } });
    assert.deepEqual(seen.map((s) => s.headers.get('idempotency-key')), ['my-key', 'my-key']);
    seen.length = 0;
    const refused = await c.me({ headers: { Authorization: 'Bearer other-token' } }).catch((e) => e);
    assert.ok(refused instanceof TypeError && /comes from `token` or `getToken`/.test(refused.message), String(refused));
    assert.equal(seen.length, 0, 'nothing sent');
    for (const name of ['authorization', 'Idempotency-Key']) {
      assert.throws(() => client(fetch, { headers: { [name]: 'x' } }), (e) => e instanceof TypeError && e.message.toLowerCase().includes(name.toLowerCase()));
    }
  });

  it('retries reads on network errors, 408, 429 and 5xx, then succeeds', async () => {
    const faults = [
      () => Promise.reject(new TypeError('fetch failed')),
      () => problem(500),
      () => problem(429, {}, { 'retry-after': '0' }),
      () => problem(408),
      () => problem(502),
    ];
    const { fetch, seen } = fakeFetch((_r, n) => (n < faults.length ? faults[n]!() : json({ items: [] })));
    const c = client(fetch, { retry: { limit: 5, delay: () => 0 } });
    assert.deepEqual(await c.platforms.list(), []);
    assert.equal(seen.length, 6);
  });

  it('does not retry 4xx answers other than 408 and 429', async () => {
    const { fetch, seen } = fakeFetch(() => problem(404, { title: 'Not found' }));
    await rejects(client(fetch).endpoints.get('nope'), NotFoundError);
    assert.equal(seen.length, 1);
  });

  it('gives up after the limit with the last error', async () => {
    const { fetch, seen } = fakeFetch(() => problem(429, { title: 'Slow down' }, { 'retry-after': '0' }));
    const e = await rejects(client(fetch).me(), RateLimitError);
    assert.equal(seen.length, 3);
    assert.equal(e.retryAfter, 0);
    assert.equal(e.status, 429);
    assert.equal(e.requestId, 'req-h');
  });

  it('surfaces a Retry-After longer than maxRetryAfter at once', async () => {
    const { fetch, seen } = fakeFetch(() => problem(429, {}, { 'retry-after': '120' }));
    const e = await rejects(client(fetch, { retry: { maxRetryAfter: 5_000 } }).me(), RateLimitError);
    assert.equal(e.retryAfter, 120);
    assert.equal(seen.length, 1);
  });

  it('backs off normally on a Retry-After it cannot read', async () => {
    const { fetch, seen } = fakeFetch((_r, n) => (n === 0 ? problem(503, {}, { 'retry-after': 'soon' }) : json({ items: [] })));
    // Unfixed, ky waits about 24.8 days; the signal ends the test instead.
    const signal = AbortSignal.timeout(2_000);
    assert.deepEqual(await client(fetch).platforms.list({ signal }), []);
    assert.equal(seen.length, 2);
    const always = fakeFetch(() => problem(429, {}, { 'retry-after': 'soon' }));
    assert.equal((await rejects(client(always.fetch).me({ signal }), RateLimitError)).retryAfter, undefined);
    assert.equal(always.seen.length, 3);
  });

  it('surfaces a rate-limit reset longer than maxRetryAfter at once, and waits at most maxRetryAfter', async () => {
    const { fetch, seen } = fakeFetch(() => problem(429, {}, { 'ratelimit-reset': '3600' }));
    const signal = AbortSignal.timeout(2_000);
    const e = await rejects(client(fetch).me({ signal }), RateLimitError);
    assert.equal(e.retryAfter, 3600);
    assert.equal(seen.length, 1);
    const epoch = fakeFetch((_r, n) => (n === 0 ? problem(503, {}, { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }) : json({ items: [] })));
    const e503 = await rejects(client(epoch.fetch).platforms.list({ signal }), IntegrationError);
    assert.equal(e503.status, 503);
    assert.equal(epoch.seen.length, 1);
    const short = fakeFetch((_r, n) => (n === 0 ? problem(429, {}, { 'ratelimit-reset': '0.05' }) : json({ items: [] })));
    assert.deepEqual(await client(short.fetch).platforms.list({ signal }), []);
    assert.equal(short.seen.length, 2);
  });

  it('backs off on a 500, 502 or 504 whatever wait headers a gateway adds: only 429 and 503 ask to wait', async () => {
    const signal = AbortSignal.timeout(2_000);
    for (const [status, header] of [[500, { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1800) }], [502, { 'ratelimit-reset': '3600' }], [504, { 'retry-after': '120' }]] as const) {
      const { fetch, seen } = fakeFetch((_r, n) => (n === 0 ? problem(status, {}, header) : json({ items: [] })));
      assert.deepEqual(await client(fetch).platforms.list({ signal }), [], `${status} retried`);
      assert.equal(seen.length, 2, `${status}: one retry`);
    }
  });

  it('treats validate as a safe POST: retried, no idempotency key, mode in the query', async () => {
    const { fetch, seen } = fakeFetch((_r, n) => (n === 0 ? problem(503) : json({ errors: [], warnings: [] })));
    const r = await client(fetch).settings.validate('crm', { platform: 'salesforce' }, { mode: 'enable' });
    assert.deepEqual(r, { errors: [], warnings: [] });
    assert.equal(seen.length, 2);
    assert.equal(seen[1]!.url, 'http://api.test/v1/settings/crm/validate?mode=enable');
    assert.equal(seen[1]!.headers.get('idempotency-key'), null);
  });

  it('retries a test connection on 500, 503 and 504', async () => {
    const { fetch, seen } = fakeFetch((_r, n) => (n < 3 ? problem([500, 503, 504][n]!) : json({ ok: true, message: 'Connected.' })));
    const r = await client(fetch, { retry: { limit: 3, delay: () => 0 } }).crm.testConnection();
    assert.equal(r.message, 'Connected.');
    assert.equal(seen.length, 4);
  });

  it('does not retry a CRM discovery read on 502 (the platform answered), but does on 503', async () => {
    for (const read of [(c: IntegrationClient) => c.crm.objects(), (c: IntegrationClient) => c.crm.fields('Contact'), (c: IntegrationClient) => c.crm.apiUsage()]) {
      const { fetch, seen } = fakeFetch(() => problem(502, { type: 'https://memberpulse.dev/problems/upstream', detail: 'HubSpot could not be reached.' }));
      await rejects(read(client(fetch, { retry: { limit: 2, delay: () => 0 } })), IntegrationError);
      assert.equal(seen.length, 1, `${seen[0]!.url}: asked once, so the server decrypts the secret once`);
    }
    const { fetch, seen } = fakeFetch((_r, n) => (n === 0 ? problem(503, {}, { 'retry-after': '0' }) : json({ used: 1, limit: 10, allotment: null })));
    assert.equal((await client(fetch, { retry: { limit: 2, delay: () => 0 } }).crm.apiUsage()).used, 1);
    assert.equal(seen.length, 2, 'a 503 is still tried again');
  });

  it('does not retry a test connection on 502 (the platform answered)', async () => {
    const { fetch, seen } = fakeFetch(() => problem(502, { type: 'https://memberpulse.dev/problems/upstream', detail: 'Salesforce is down' }));
    const e = await rejects(client(fetch).crm.testConnection({ credentials: { consumerSecret: 'secret-value-1' } }), IntegrationError);
    assert.equal(e.constructor, IntegrationError);
    assert.equal(e.type, 'https://memberpulse.dev/problems/upstream');
    assert.equal(seen.length, 1);
    assert.deepEqual(JSON.parse(seen[0]!.body), { credentials: { consumerSecret: 'secret-value-1' } });
  });

  it('retries a read whose body was cut off, and reports a cut-off write without key as NetworkError', async () => {
    const cut = () =>
      new Response(
        new ReadableStream({
          start(ctl) {
            ctl.enqueue(new TextEncoder().encode('{"items":['));
            ctl.error(new TypeError('terminated'));
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const { fetch, seen } = fakeFetch((_r, n) => (n === 0 ? cut() : json({ items: [] })));
    const c = client(fetch);
    assert.deepEqual(await c.platforms.list(), []);
    assert.equal(seen.length, 2);
    const w = fakeFetch(() => cut());
    const e = await rejects(client(w.fetch).endpoints.create({ name: 'a', description: 'b' }, { idempotencyKey: false }), NetworkError);
    assert.equal(e.status, 200, 'the status line arrived: the server answered, the body was lost');
    assert.match(e.message, /closed before the whole response/);
  });
});

describe('auth', () => {
  it('asks getToken again once on 401, then retries', async () => {
    const asked: boolean[] = [];
    const { fetch, seen } = fakeFetch((req) =>
      req.headers.get('authorization') === 'Bearer fresh' ? json({ tenantId: 't', subject: 's', role: 'admin', permissions: [] }) : problem(401),
    );
    const c = client(fetch, {
      token: undefined,
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? 'fresh' : 'stale';
      },
    });
    assert.equal((await c.me()).role, 'admin');
    assert.deepEqual(asked, [false, true]);
    assert.equal(seen.length, 2);
  });

  it('shares one refresh among concurrent 401s, also those answered after it finished', async () => {
    let refreshes = 0;
    let staleAnswered = 0;
    const { fetch } = fakeFetch(async (req) => {
      if (req.headers.get('authorization') !== 'Bearer stale') return json({ tenantId: 't', subject: 's', role: 'admin', permissions: [] });
      // The first 401 comes at once, the others after its refresh is done.
      const wait = staleAnswered++ === 0 ? 0 : 30;
      return new Promise<Response>((r) => setTimeout(() => r(problem(401)), wait));
    });
    const c = client(fetch, { token: undefined, getToken: ({ refresh }) => (refresh ? `fresh-${++refreshes}` : 'stale') });
    const answers = await Promise.all([c.me(), c.me(), c.me()]);
    assert.deepEqual(answers.map((a) => a.role), ['admin', 'admin', 'admin']);
    assert.equal(refreshes, 1, 'one refresh for the three');
  });

  it('gives up with UnauthorizedError when the fresh token is refused too', async () => {
    let n = 0;
    const { fetch, seen } = fakeFetch(() => problem(401, { title: 'Unauthorized' }));
    const c = client(fetch, { token: undefined, getToken: () => `t${n++}-long-token` });
    const e = await rejects(c.me(), UnauthorizedError);
    assert.equal(seen.length, 2);
    assert.equal(n, 2);
    assert.equal(e.status, 401);
  });

  it('sends the precondition again after a refresh: an explicit one as given, a remembered one from the fresh token’s tenant', async () => {
    const jwt = (tenant: string) => `h.${Buffer.from(JSON.stringify({ tenant, sub: 's', role: 'admin' })).toString('base64url')}.sig`;
    const { fetch, seen } = fakeFetch((req) => {
      const auth = req.headers.get('authorization');
      if (req.method === 'GET') return json(settingsRecord({ version: auth === `Bearer ${jwt('acme')}` ? 3 : 8 }), 200, { etag: auth === `Bearer ${jwt('acme')}` ? '"3"' : '"8"' });
      return auth === `Bearer ${jwt('globex')}` ? json(settingsRecord({ version: 9 }), 200, { etag: '"9"' }) : problem(401);
    });
    let tenant = 'acme';
    const c = client(fetch, { token: undefined, getToken: ({ refresh }) => jwt(refresh ? 'globex' : tenant) });
    await c.settings.get('crm');
    tenant = 'globex';
    await c.settings.get('crm');
    tenant = 'acme';
    await c.settings.patch('crm', { config: {} });
    assert.deepEqual(seen.slice(-2).map((r) => r.headers.get('if-match')), ['"3"', '"8"'], 'acme’s version, then globex’s for globex’s token');
    await c.settings.patch('crm', { config: {} }, { ifMatch: '"42"' });
    assert.deepEqual(seen.slice(-2).map((r) => r.headers.get('if-match')), ['"42"', '"42"']);
    await c.settings.patch('crm', { config: {} }, { ifMatch: false });
    assert.deepEqual(seen.slice(-2).map((r) => r.headers.get('if-match') ?? r.headers.get('if-none-match')), [null, null]);
  });

  it('does not repeat a 401 when getToken answers the refused token again', async () => {
    const asked: boolean[] = [];
    const { fetch, seen } = fakeFetch(() => problem(401));
    const c = client(fetch, { token: undefined, getToken: ({ refresh }) => (asked.push(refresh), 'the-only-token') });
    await rejects(c.me(), UnauthorizedError);
    assert.deepEqual(asked, [false, true], 'asked for a fresh one');
    assert.equal(seen.length, 1, 'but the same token is not sent twice');
  });

  it('turns an error thrown by getToken into UnauthorizedError with it as cause, on the first ask or the refresh', async () => {
    const { fetch, seen } = fakeFetch(() => problem(401));
    const lost = new TypeError('session store unavailable');
    const first = await rejects(client(fetch, { token: undefined, getToken: () => Promise.reject(lost) }).me(), UnauthorizedError);
    assert.equal(first.cause, lost);
    assert.equal(first.path, '/v1/me');
    assert.equal(seen.length, 0, 'nothing sent');
    const expired = new Error('signed out');
    const refresh = await rejects(client(fetch, { token: undefined, getToken: ({ refresh }) => { if (refresh) throw expired; return 'old-token'; } }).me(), UnauthorizedError);
    assert.equal(refresh.cause, expired);
    assert.equal(seen.length, 1);
  });

  it('sends nothing when getToken answers no token (a signed-out host), on the first ask or the refresh', async () => {
    // Typed answers (signed out) need no cast; an object is what a careless host might pass.
    for (const none of ['', undefined, null, false as const, { access_token: 'x' } as unknown as string]) {
      const { fetch, seen } = fakeFetch(() => problem(401));
      const e = await rejects(client(fetch, { token: undefined, getToken: () => none }).me(), UnauthorizedError);
      assert.match(String((e.cause as Error).message), /no token/);
      assert.equal(seen.length, 0, `nothing sent for ${String(none)}`);
      const after401 = fakeFetch(() => problem(401));
      await rejects(client(after401.fetch, { token: undefined, getToken: ({ refresh }) => (refresh ? none : 'old-token') }).me(), UnauthorizedError);
      assert.equal(after401.seen.length, 1, 'no second request with an empty bearer');
      const twice = fakeFetch(() => problem(401));
      const c = client(twice.fetch, { token: undefined, getToken: ({ refresh }) => (refresh ? none : 'old-token') });
      await Promise.all([rejects(c.me(), UnauthorizedError), rejects(c.me(), UnauthorizedError)]);
      assert.ok(twice.seen.every((r) => r.headers.get('authorization') === 'Bearer old-token'), 'nor from a refresh another call shared');
    }
    // A refresh that replaced someone else's token is not reused for a 401 on this one.
    let store = 'userA-1';
    const switching = fakeFetch((req) => (req.headers.get('authorization') === 'Bearer userA-2' ? json({ tenantId: 't', subject: 'a', role: 'admin', permissions: [] }) : problem(401)));
    const shared = client(switching.fetch, { token: undefined, getToken: ({ refresh }) => (refresh ? (store === 'userA-1' ? 'userA-2' : 'userB-2') : store) });
    await shared.me();
    store = 'userB-1';
    await rejects(shared.me(), UnauthorizedError);
    assert.ok(!switching.seen.slice(2).some((r) => r.headers.get('authorization') === 'Bearer userA-2'), `user B's 401 is not retried as user A: ${switching.seen.map((r) => r.headers.get('authorization')).join(', ')}`);
    // Nor is one still under way for someone else's refused token.
    let who = 'userA-1';
    let release = () => {};
    const slowRefresh = fakeFetch((req) => (/-2$/.test(req.headers.get('authorization') ?? '') ? json({ tenantId: 't', subject: req.headers.get('authorization')!.slice(7, 12), role: 'admin', permissions: [] }) : problem(401)));
    const racing = client(slowRefresh.fetch, {
      token: undefined,
      getToken: ({ refresh }) => {
        const current = who;
        return refresh ? new Promise<string>((resolve) => (release = () => resolve(`${current.slice(0, 5)}-2`))) : current;
      },
    });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
    const aCall = racing.me();
    await tick();
    who = 'userB-1';
    const bCall = racing.me();
    await tick();
    release(); // A's refresh; B's waits for it, then asks for its own
    await tick();
    release();
    assert.deepEqual([(await aCall).subject, (await bCall).subject], ['userA', 'userB'], 'each 401 is retried as its own person');
    // And one person's 401s on two tokens never refresh twice at once.
    let running = 0;
    let most = 0;
    let n = 0;
    const rotating = fakeFetch((req) => (/fresh/.test(req.headers.get('authorization') ?? '') ? json({ tenantId: 't', subject: 's', role: 'admin', permissions: [] }) : problem(401)));
    const session = client(rotating.fetch, {
      token: undefined,
      getToken: async ({ refresh }) => {
        if (!refresh) return `old${n++}`;
        most = Math.max(most, ++running);
        await tick();
        running--;
        return `fresh${n++}`;
      },
    });
    await Promise.all([session.me(), session.me()]);
    assert.equal(most, 1, 'one refresh at a time');
    // A refresh that never settles holds a 401 on another token only as long as that call may take.
    let first = true;
    const stuck = fakeFetch((req) => (req.headers.get('authorization') === 'Bearer b-2' ? json({ tenantId: 't', subject: 'b', role: 'admin', permissions: [] }) : problem(401)));
    const stuckClient = client(stuck.fetch, {
      token: undefined,
      timeout: 200,
      getToken: ({ refresh }) => {
        if (!refresh) return first ? ((first = false), 'a-1') : 'b-1';
        return n++ === 0 ? new Promise<string>(() => {}) : 'b-2';
      },
    });
    n = 0;
    void stuckClient.me().catch(() => {});
    await tick();
    assert.equal((await stuckClient.me()).subject, 'b', 'the other 401 went on with its own refresh');
    const wrapped = fakeFetch(() => json({ tenantId: 't', subject: 's', role: 'admin', permissions: [] }));
    await client(wrapped.fetch, { token: undefined, getToken: () => new String('boxed-token') as unknown as string }).me();
    assert.equal(wrapped.seen[0]!.headers.get('authorization'), 'Bearer boxed-token', 'a token object still reads as its text');
  });

  it('sends a token with spaces or tabs around it without them', async () => {
    const { fetch, seen } = fakeFetch(() => json({}));
    await createIntegrationClient({ baseUrl: 'http://api.test', token: ` \t${TOKEN} `, fetch, validateResponses: false }).me();
    await createIntegrationClient({ baseUrl: 'http://api.test', getToken: () => `  ${TOKEN}`, fetch, validateResponses: false }).me();
    assert.deepEqual(seen.map((r) => r.headers.get('authorization')), [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it('does not retry a 401 with a fixed token', async () => {
    const { fetch, seen } = fakeFetch(() => problem(401));
    await rejects(client(fetch).me(), UnauthorizedError);
    assert.equal(seen.length, 1);
  });

  it('maps 403 to ForbiddenError', async () => {
    const { fetch } = fakeFetch(() => problem(403, { title: 'Forbidden', type: 'https://memberpulse.dev/problems/forbidden' }));
    const e = await rejects(client(fetch).settings.archive('crm'), ForbiddenError);
    assert.equal(e.type, 'https://memberpulse.dev/problems/forbidden');
  });
});

describe('validation errors', () => {
  it('keys field errors by JSON Pointer, with messagesFor and warnings', async () => {
    const errors = [
      { pointer: '/name', code: 'duplicate', message: 'Already taken.' },
      { pointer: '/name', code: 'too_long', message: 'Too long.' },
      { pointer: '/crm/memberMappings/0/target', code: 'unknown_target', message: 'No such field.' },
    ];
    const warnings = [{ pointer: '/crm/memberMappings/1/target', code: 'length_risk', message: 'May be cut.' }];
    const { fetch } = fakeFetch(() => problem(422, { title: 'Validation failed', detail: 'The request has 3 errors.', errors, warnings }));
    const e = await rejects(client(fetch).endpoints.create({ name: 'x', description: 'y' }), ValidationError);
    assert.equal(e.status, 422);
    assert.equal(e.requestId, 'req-h');
    assert.equal(e.message, 'The request has 3 errors.');
    assert.deepEqual(e.messagesFor('/name'), ['Already taken.', 'Too long.']);
    assert.deepEqual(e.messagesFor('/description'), []);
    assert.deepEqual(e.messagesFor('/crm'), []);
    assert.deepEqual(e.messagesFor('/crm', { nested: true }), ['No such field.']);
    assert.equal(e.fieldErrors['/name']?.length, 2);
    assert.deepEqual(e.warnings, warnings);
    assert.deepEqual(JSON.parse(JSON.stringify(e)).errors, errors);
  });

  it('gives the right error class with its status and request id when a problem’s detail or field errors are not in the API’s shape (a gateway’s)', async () => {
    const bodies: Array<[number, Record<string, unknown>, typeof IntegrationError]> = [
      [502, { detail: { upstream: 'timeout' } }, IntegrationError],
      [404, { detail: 404 }, NotFoundError],
      [422, { errors: { name: ['taken'] } }, ValidationError],
      [400, { errors: [null, { pointer: 0, code: 'x', message: 'm' }, { pointer: '/name', code: 'duplicate', message: 'Taken.' }] }, ValidationError],
    ];
    for (const [status, extra, Class] of bodies) {
      const { fetch } = fakeFetch(() => problem(status, extra));
      const e = await rejects(client(fetch, { retry: 0 }).endpoints.get('ep_1'), Class);
      assert.deepEqual([e.status, e.requestId, e.message], [status, 'req-h', `Status ${status}`], JSON.stringify(extra));
      if (e instanceof ValidationError) {
        assert.deepEqual(e.messagesFor('/name', { nested: true }), status === 400 ? ['Taken.'] : [], 'the well-formed field errors kept');
      }
    }
  });

  it('gives the right error class for a problem with a member nested thousands deep, its copy cut at 32 levels', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const deep = `${'{"d":'.repeat(3000)}"bottom"${'}'.repeat(3000)}`;
    const body = `{"type":"about:blank","title":"Status 422","status":422,"errors":[{"pointer":"/name","code":"duplicate","message":"Taken."}],"deep":${deep}}`;
    const { fetch } = fakeFetch(() => new Response(body, { status: 422, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-h' } }));
    const e = await rejects(client(fetch, { retry: 0 }).endpoints.get('ep_1'), ValidationError);
    assert.deepEqual([e.status, e.requestId, e.messagesFor('/name')], [422, 'req-h', ['Taken.']]);
    assert.ok(JSON.stringify(e).length < 1000, 'the copy is cut, not the whole nesting');
  });

  it('maps 400 and 413 to ValidationError too, and a text error body to a plain message', async () => {
    const { fetch } = fakeFetch((_r, n) =>
      n === 0 ? problem(400, { title: 'Bad request' }) : new Response('too big', { status: 413, statusText: 'Payload Too Large' }),
    );
    const c = client(fetch);
    await rejects(c.settings.patch('crm', {}), ValidationError);
    const e = await rejects(c.settings.patch('crm', {}), ValidationError);
    assert.equal(e.message, 'HTTP 413 Payload Too Large');
    assert.equal(e.problem, undefined);
  });
});

describe('responses', () => {
  it('rejects a response that fails the schema, with pointers into it', async () => {
    const { fetch } = fakeFetch(() => json({ ...settingsRecord(), version: 'three' }));
    const e = await rejects(client(fetch).settings.get('crm'), InvalidResponseError);
    assert.equal(e.issues[0]?.pointer, '/version');
    assert.equal(e.status, 200);
    assert.equal(e.reason, 'schema');
  });

  it('checks the shapes the schema package has no schema for', async () => {
    const { fetch } = fakeFetch(() => json({ tenantId: 't', subject: 's', role: 'owner', permissions: ['x', 1] }));
    const e = await rejects(client(fetch).me(), InvalidResponseError);
    assert.deepEqual(
      e.issues.map((i) => i.pointer),
      ['/role', '/permissions/1'],
    );
  });

  it('passes anything through with validateResponses: false, and keeps unknown fields', async () => {
    const { fetch } = fakeFetch(() => json({ ...settingsRecord(), version: 'three', extra: 1 }));
    const s = (await client(fetch, { validateResponses: false }).settings.get('crm')) as unknown as Record<string, unknown>;
    assert.equal(s.version, 'three');
    const ok = fakeFetch(() => json({ ...settingsRecord(), extra: 1 }));
    assert.equal(((await client(ok.fetch).settings.get('crm')) as unknown as Record<string, unknown>).extra, 1);
  });

  it('accepts properties a newer server added anywhere, even where the schema is strict for input', async () => {
    const crm = { ...emptyCrmMapping(), memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' as const, since: 'v2' }], newChoice: true };
    const { fetch } = fakeFetch(() => json({ ...settingsRecord({ crm: crm as unknown as CrmMapping }), futureField: 1 }));
    const s = await client(fetch).settings.get('crm');
    assert.equal((s.crm as unknown as Record<string, unknown>).newChoice, true, 'kept as sent');
    const wrong = fakeFetch(() => json(settingsRecord({ crm: { ...crm, memberObject: 7 } as unknown as CrmMapping })));
    assert.deepEqual((await rejects(client(wrong.fetch).settings.get('crm'), InvalidResponseError)).issues.map((i) => i.pointer), ['/crm/memberObject'], 'a known property of the wrong type still fails');
  });

  it('rejects a non-JSON success body and a missing body, with their status and request id', async () => {
    const { fetch } = fakeFetch((_r, n) =>
      n < 3
        ? new Response('<html>', { status: 200, headers: { 'content-type': 'text/html', 'x-request-id': 'req-html' } })
        : new Response(null, { status: 204, headers: { 'x-request-id': 'req-empty' } }),
    );
    const c = client(fetch);
    const html = await rejects(c.platforms.list(), InvalidResponseError);
    assert.deepEqual([html.status, html.requestId, html.method, html.path], [200, 'req-html', 'GET', '/v1/platforms']);
    const empty = await rejects(c.platforms.list(), InvalidResponseError);
    assert.deepEqual([empty.status, empty.requestId], [204, 'req-empty']);
    assert.deepEqual([html.reason, empty.reason], ['unreadable', 'unreadable']);
  });

  it('gives a status outside 200–599 as an IntegrationError carrying it', async () => {
    const weird = { status: 600, statusText: 'Weird', ok: false, headers: new Headers({ 'x-request-id': 'req-600' }), text: async () => '', body: null } as unknown as Response;
    const { fetch } = fakeFetch(() => weird);
    const e = await rejects(client(fetch, { retry: 0 }).me(), IntegrationError);
    assert.deepEqual([e.status, e.requestId], [600, 'req-600']);
  });
});

describe('timeouts and aborts', () => {
  const hang = (req: unknown, init?: RequestInit) =>
    new Promise<Response>((_, reject) => {
      const signal = (req as Request).signal ?? init?.signal;
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason));
    });

  it('cancels at once while getToken is still working, whether or not it ever answers', async () => {
    const { fetch, seen } = fakeFetch(() => json({}));
    const never = createIntegrationClient({ baseUrl: 'http://api.test', getToken: () => new Promise<string>(() => {}), fetch });
    const controller = new AbortController();
    const reason = new Error('the admin left');
    setTimeout(() => controller.abort(reason), 20);
    const started = Date.now();
    assert.equal(await never.me({ signal: controller.signal }).catch((e) => e), reason);
    assert.ok(Date.now() - started < 1_000, 'not held up by getToken');
    assert.equal(seen.length, 0);
  });

  it('throws TimeoutError when no response arrives in time', async () => {
    const e = await rejects(client(hang as typeof fetch, { timeout: 20 }).me(), TimeoutError);
    assert.equal(e.timeout, 20);
    assert.equal(e.status, undefined);
    assert.match(e.message, /GET \/v1\/me/);
  });

  it('refuses a timeout no timer can wait, before sending', async () => {
    const { fetch, seen } = fakeFetch(() => json({}));
    for (const timeout of [0, -5, Number.NaN, 3e9]) {
      assert.throws(() => client(fetch, { timeout }), (e: Error) => e instanceof RangeError && /timeout/.test(e.message), `client timeout ${timeout}`);
      await assert.rejects(client(fetch).me({ timeout }), (e: Error) => e instanceof RangeError && /timeout/.test(e.message), `call timeout ${timeout}`);
    }
    assert.equal(seen.length, 0, 'nothing was sent');
  });

  it('refuses a retry limit or wait that is not a whole number of attempts or milliseconds, before sending', async () => {
    const { fetch, seen } = fakeFetch(() => json({}));
    for (const retry of [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, { limit: Number.NaN }, { backoffLimit: -1 }, { maxRetryAfter: Number.NaN }]) {
      assert.throws(() => client(fetch, { retry }), (e: Error) => e instanceof RangeError && /retry/i.test(e.message), `retry ${JSON.stringify(retry)}`);
    }
    assert.doesNotThrow(() => client(fetch, { retry: { limit: 0, backoffLimit: 0, maxRetryAfter: 0 } }));
    assert.equal(seen.length, 0, 'nothing was sent');
  });

  it('rejects with the signal reason when the caller aborts, during a request or a backoff', async () => {
    const ctl = new AbortController();
    const p = client(hang as typeof fetch, { timeout: false }).me({ signal: ctl.signal });
    ctl.abort(new Error('user left'));
    await assert.rejects(p, /user left/);
    const ctl2 = new AbortController();
    const { fetch, seen } = fakeFetch(() => {
      queueMicrotask(() => ctl2.abort());
      return problem(503);
    });
    const e = await client(fetch, { retry: { limit: 3, delay: () => 60_000 } }).me({ signal: ctl2.signal }).catch((x) => x);
    assert.equal(e.name, 'AbortError');
    assert.equal(seen.length, 1);
    const ctl3 = new AbortController();
    ctl3.abort();
    await assert.rejects(client(fetch).me({ signal: ctl3.signal }), { name: 'AbortError' });
  });
});

describe('no secrets in errors', () => {
  it('keeps the token, Authorization and sent secrets out of message, toJSON, stack and cause chain', async () => {
    const secret = 'sf-consumer-secret-XYZ789';
    const { fetch } = fakeFetch((req) =>
      problem(422, {
        title: 'Validation failed',
        detail: `Credential ${secret} rejected for Bearer ${TOKEN}`,
        errors: [{ pointer: '/value', code: 'invalid_credentials', message: `bad: ${secret}` }],
        echo: req.headers.get('authorization'),
      }),
    );
    const c = client(fetch);
    const errors: unknown[] = [];
    errors.push(await c.credentials.set('crm', 'consumerSecret', secret).catch((e) => e));
    errors.push(await c.crm.testConnection({ credentials: { consumerSecret: secret } }).catch((e) => e));
    errors.push(await c.settings.saveDraft('crm', { credentials: { consumerSecret: secret } }).catch((e) => e));
    const t = fakeFetch(() => new Promise<Response>(() => undefined));
    errors.push(await client(t.fetch, { timeout: 10 }).credentials.set('crm', 'k', secret).catch((e) => e));
    const n = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    errors.push(await client(n.fetch).credentials.set('crm', 'k', secret, { idempotencyKey: false }).catch((e) => e));
    for (const e of errors) {
      assert.ok(e instanceof IntegrationError, String(e));
      const texts = [
        e.message,
        String(e.stack),
        JSON.stringify(e),
        inspect(e, { depth: 30 }),
        inspect(e, { depth: 30, showHidden: true }),
      ];
      for (const text of texts) {
        assert.ok(!text.includes(secret), `secret leaked in ${e.name}: ${text.slice(0, 2000)}`);
        assert.ok(!text.includes(TOKEN), `token leaked in ${e.name}`);
        assert.ok(!/authorization/i.test(text) || !text.includes('Bearer tok'), `Authorization leaked in ${e.name}`);
      }
      // the cause chain is walked by hand as well
      for (let cause: unknown = e.cause; cause; cause = (cause as Error).cause) {
        const ky = cause as { request?: Request; options?: Record<string, unknown> };
        if (ky.request) assert.equal(ky.request.headers.get('authorization'), null);
        if (ky.options) assert.deepEqual(Object.keys(ky.options), ['method']);
      }
    }
    assert.ok(errors[0] instanceof ValidationError);
    assert.match((errors[0] as ValidationError).message, /\[redacted\]/);
    assert.deepEqual((errors[0] as ValidationError).messagesFor('/value'), ['bad: [redacted]']);
    assert.ok(errors[3] instanceof TimeoutError);
    assert.ok(errors[4] instanceof NetworkError);
  });

  it('redacts the token and sent secrets a server echoes in response headers', async () => {
    const secret = 'sf-consumer-secret-XYZ789';
    const { fetch } = fakeFetch((req) =>
      problem(422, {}, { 'x-echo-auth': req.headers.get('authorization')!, 'x-echo-secret': `got ${secret}`, 'x-trace': 'kept' }),
    );
    const e = await rejects(client(fetch).credentials.set('crm', 'consumerSecret', secret), ValidationError);
    const text = inspect(e, { depth: 30, showHidden: true });
    assert.ok(!text.includes(secret) && !text.includes(TOKEN), text.slice(0, 3000));
    const headers = (e.cause as { response: Response }).response.headers;
    assert.equal(headers.get('x-echo-secret'), 'got [redacted]');
    const statusEcho = fakeFetch((req) => new Response('{}', { status: 500, statusText: `bad ${secret} ${req.headers.get('authorization')}` }));
    const e500 = await rejects(client(statusEcho.fetch, { retry: 0 }).credentials.set('crm', 'consumerSecret', secret), IntegrationError);
    const all = [inspect(e500, { depth: 30, showHidden: true }), JSON.stringify(e500), String((e500.cause as Error).stack)].join('\n');
    assert.ok(!all.includes(secret) && !all.includes(TOKEN), `nor in the status text: ${all.slice(0, 2000)}`);
    assert.equal(headers.get('x-trace'), 'kept');
    assert.equal((e.cause as { response: Response }).response.status, 422);
  });

  it('redacts a token or secret a server echoes as the request id or ETag, wherever an error carries them', async () => {
    const secret = 'sf-consumer-secret-XYZ789';
    const echo = (name: string, status: number, body: unknown) =>
      fakeFetch((req) => json(body, status, { [name]: `${req.headers.get('authorization')} ${secret}` })).fetch;
    const calls = [
      [echo('x-request-id', 422, { status: 422, title: 'Invalid' }), ValidationError],
      [echo('etag', 412, { status: 412, title: 'Stale' }), ConflictError],
      [echo('x-request-id', 200, { unexpected: true }), InvalidResponseError],
      [fakeFetch((req) => new Response('{', { headers: { 'content-type': 'application/json', 'x-request-id': `${req.headers.get('authorization')} ${secret}` } })).fetch, InvalidResponseError],
    ] as const;
    for (const [fetch, Cls] of calls) {
      const e: IntegrationError = await rejects(client(fetch, { retry: 0 }).credentials.set('crm', 'consumerSecret', secret), Cls as typeof IntegrationError);
      assert.ok(e instanceof Cls, `${Cls.name}: ${e.name}`);
      const all = [JSON.stringify(e), inspect(e, { depth: 30, showHidden: true }), String(e.requestId), String((e as Partial<ConflictError>).currentEtag)].join('\n');
      assert.ok(!all.includes(secret) && !all.includes(TOKEN), `${Cls.name} leaked: ${all.slice(0, 1500)}`);
    }
  });

  it('keeps a malformed body’s text out of the error’s cause chain (JSON.parse quotes it)', async () => {
    const secret = 'pw12345';
    for (const body of [secret, `Bearer ${TOKEN}`]) {
      const { fetch } = fakeFetch(() => new Response(body, { headers: { 'content-type': 'application/json' } }));
      const e = await rejects(client(fetch, { retry: 0 }).credentials.set('crm', 'password', secret), InvalidResponseError);
      const all = [inspect(e, { depth: 30, showHidden: true }), JSON.stringify(e)];
      for (let cause: unknown = e.cause; cause; cause = (cause as Error).cause) all.push(String((cause as Error).message), String((cause as Error).stack));
      assert.ok(!all.join('\n').includes('pw12345') && !all.join('\n').includes(TOKEN), all.join('\n').slice(0, 1500));
    }
  });

  it('redacts an echoed secret holding a quote, backslash or tab everywhere, and a token in a bad 2xx body’s issues', async () => {
    for (const secret of ['Tr0ub4dor"3', 'C:\\Tr0ub4dor', 'Tr0ub\t4dor']) {
      const { fetch } = fakeFetch(() => problem(422, { detail: `Value ${secret} rejected`, errors: [{ pointer: '/value', code: 'invalid', message: `${secret} is too weak` }] }));
      const e = await rejects(client(fetch).credentials.set('crm', 'consumerSecret', secret), ValidationError);
      const texts = [e.message, String(e.detail), JSON.stringify(e), inspect(e, { depth: 30, showHidden: true }), ...e.messagesFor('/value')];
      for (const text of texts) assert.ok(!text.includes(secret), `${JSON.stringify(secret)} leaked: ${text.slice(0, 500)}`);
      assert.deepEqual(e.messagesFor('/value'), ['[redacted] is too weak']);
    }
    // A token with / and ~ appears in an issue's JSON Pointer escaped (~1, ~0): redacted in that form too.
    const token = 'tok/en~SECRET-abc123';
    const { fetch } = fakeFetch(() => json(settingsRecord({ config: { [token]: true } as never })));
    const c = createIntegrationClient({ baseUrl: 'http://api.test', token, fetch, retry: fast });
    const bad = await rejects(c.settings.get('crm'), InvalidResponseError);
    assert.ok(bad.issues.length > 0, 'the unexpected key is an issue');
    const all = [bad.message, JSON.stringify(bad), inspect(bad, { depth: 30, showHidden: true })].join('\n');
    for (const form of [token, 'tok~1en~0SECRET-abc123']) assert.ok(!all.includes(form), `token leaked as ${form}: ${all.slice(0, 1000)}`);
  });

  it('redacts a sent secret where it stands whole, leaving the server’s words about a partial key readable', async () => {
    const cases = [
      ['whsec', 'Webhook signing secret: starts with whsec_. You sent whsec.', 'Webhook signing secret: starts with whsec_. You sent [redacted].'],
      ['test', 'Secret key: starts with sk_test_, rk_test_; “test” is not one.', 'Secret key: starts with sk_test_, rk_test_; “[redacted]” is not one.'],
      ['@p4ss!', 'Rejected x@p4ss!y', 'Rejected x[redacted]y'],
    ] as const;
    for (const [secret, said, shown] of cases) {
      const { fetch } = fakeFetch(() => problem(422, { errors: [{ pointer: '/value', code: 'invalid', message: said }] }));
      const e = await rejects(client(fetch).credentials.set('crm', 'secretKey', secret), ValidationError);
      assert.deepEqual(e.messagesFor('/value'), [shown], secret);
    }
  });

  it('refuses a token or header HTTP cannot carry before sending anything, without quoting it', async () => {
    const { fetch, seen } = fakeFetch(() => json({}));
    const broken = `${TOKEN}\r\nX-Evil: 1`;
    const secretHeader = 'hdr-secret-Ω-42\n';
    const refused = [
      await createIntegrationClient({ baseUrl: 'http://api.test', getToken: () => broken, fetch }).me().catch((e) => e),
      await client(fetch).endpoints.create({ name: 'n', description: 'd' }, { idempotencyKey: 'ключ' }).catch((e) => e),
      await client(fetch).me({ headers: { 'x-tenant-hint': secretHeader } }).catch((e) => e),
      await client(fetch).me({ headers: { 'x-trace': 'hdr-secret\x01' } }).catch((e) => e),
      await createIntegrationClient({ baseUrl: 'http://api.test', token: `${TOKEN}\x7f`, fetch }).me().catch((e) => e),
      await client(fetch).settings.patch('crm', {}, { ifMatch: '"7"\r\nX-Evil: 1' }).catch((e) => e),
    ];
    assert.equal(seen.length, 0, 'nothing was sent');
    assert.ok(refused[0] instanceof UnauthorizedError, 'a token that cannot be sent is no credential');
    assert.match(refused[0].message, /^The token cannot be sent/);
    assert.match(refused[1].message, /^The idempotency-key header cannot be sent/);
    assert.match(refused[2].message, /^The x-tenant-hint header cannot be sent/);
    assert.match(refused[5].message, /^The if-match header cannot be sent/);
    for (const e of refused) {
      assert.ok(e instanceof IntegrationError, String(e));
      const text = [e.message, String(e.stack), JSON.stringify(e), inspect(e, { depth: 30, showHidden: true })].join('\n');
      for (const value of [TOKEN, 'ключ', 'hdr-secret']) assert.ok(!text.includes(value), `${value} quoted in ${e.name}`);
    }
  });

  it('refuses a header HTTP cannot carry when the client is created, and a bad header name per call, naming it without quoting it', async () => {
    const secret = 'api-key-SECRET-77';
    for (const name of ['X Bad Name', 'X-Ünicode', '']) {
      assert.throws(() => createIntegrationClient({ baseUrl: 'http://api.test', token: TOKEN, headers: { [name]: 'v' } }), /header name in `headers` is not one HTTP allows/, JSON.stringify(name));
    }
    for (const name of ['X Bad Name', 'X-Ünicode']) {
      const call = client(fakeFetch(() => json({})).fetch).me({ headers: { [name]: 'v' } });
      await assert.rejects(call, (e: Error) => e instanceof TypeError && /header name in the call's `headers` is not one HTTP allows/.test(e.message), `per call: ${name}`);
    }
    for (const value of [`${secret}\nmore`, `${secret}\n`, `${secret}Ω`, `${secret}\x01`, `${secret}\x1b[0m`, `${secret}\x7f`]) {
      const e = (() => {
        try {
          createIntegrationClient({ baseUrl: 'http://api.test', token: TOKEN, headers: { 'x-api-key': value } });
        } catch (error) {
          return error;
        }
      })();
      assert.ok(e instanceof TypeError, `refused: ${JSON.stringify(value)}`);
      assert.match(e.message, /^The x-api-key header in `headers` cannot be sent/);
      assert.ok(![e.message, String(e.stack), inspect(e, { showHidden: true })].join('\n').includes(secret), 'not quoted');
    }
  });

  it('every error class has a name, status, requestId, cause and toJSON', () => {
    const classes = [
      IntegrationError, ValidationError, ConflictError, UnauthorizedError, ForbiddenError, NotFoundError,
      RateLimitError, NetworkError, TimeoutError, InvalidResponseError,
    ];
    for (const Cls of classes) {
      const cause = new Error('root');
      const e = new Cls('msg', { status: 418, requestId: 'r1', cause });
      assert.ok(e instanceof IntegrationError && e instanceof Error);
      assert.equal(e.name, Cls.name);
      assert.equal(e.status, 418);
      assert.equal(e.requestId, 'r1');
      assert.equal(e.cause, cause);
      const j = e.toJSON();
      assert.equal(j.name, Cls.name);
      assert.deepEqual(j.cause, { name: 'Error', message: 'root' });
    }
  });
});

describe('paging', () => {
  it('walks pages lazily and stops on a null cursor or when the loop breaks', async () => {
    const pages: Record<string, { items: ReturnType<typeof endpointRecord>[]; nextCursor: string | null; total: number }> = {
      '': { items: [endpointRecord({ id: 'a' }), endpointRecord({ id: 'b' })], nextCursor: 'c2', total: 3 },
      c2: { items: [endpointRecord({ id: 'c' })], nextCursor: null, total: 3 },
    };
    const { fetch, seen } = fakeFetch((req) => json(pages[new URL(req.url).searchParams.get('cursor') ?? '']));
    const c = client(fetch);
    const ids: string[] = [];
    for await (const e of c.endpoints.all({ limit: 2, sort: '-name' })) ids.push(e.id);
    assert.deepEqual(ids, ['a', 'b', 'c']);
    assert.equal(seen[0]!.url, 'http://api.test/v1/endpoints?limit=2&sort=-name');
    assert.equal(seen[1]!.url, 'http://api.test/v1/endpoints?limit=2&cursor=c2&sort=-name');
    seen.length = 0;
    for await (const page of c.endpoints.pages()) {
      assert.equal(page.items.length, 2);
      break;
    }
    assert.equal(seen.length, 1);
  });

  it('stops on a repeated cursor instead of looping forever, naming the call', async () => {
    const { fetch } = fakeFetch(() => json({ items: [], nextCursor: 'same', total: 0 }, 200, { 'x-request-id': 'req-loop' }));
    const e = await rejects((async () => {
      for await (const _ of client(fetch).audit.pages({ action: 'settings.update', from: new Date(0) })) void _;
    })(), InvalidResponseError);
    assert.deepEqual([e.method, e.path, e.status, e.requestId], ['GET', '/v1/audit-events', 200, 'req-loop']);
  });

  it('keeps a token a server echoes as the repeated cursor or the request id out of the error', async () => {
    const { fetch } = fakeFetch((req) => {
      const echoed = String(req.headers.get('authorization'));
      return json({ items: [], nextCursor: echoed, total: 0 }, 200, { 'x-request-id': echoed });
    });
    const e = await rejects((async () => {
      for await (const _ of client(fetch).endpoints.pages()) void _;
    })(), InvalidResponseError);
    const all = [e.message, JSON.stringify(e), inspect(e, { depth: 30, showHidden: true })].join('\n');
    assert.ok(!all.includes(TOKEN), `leaked: ${all.slice(0, 1000)}`);
  });

  it('pages through a host’s own function that answers pages', async () => {
    const pages: Record<string, Page<string>> = { '': { items: ['a'], nextCursor: 'c2', total: 2 }, c2: { items: ['b'], nextCursor: null, total: 2 } };
    const seen: string[] = [];
    for await (const page of paginate(async (cursor) => pages[cursor ?? '']!)) seen.push(...page.items);
    assert.deepEqual(seen, ['a', 'b']);
    const repeated = await rejects((async () => {
      for await (const _ of paginate(async () => ({ items: ['x'], nextCursor: 'same', total: 1 }))) void _;
    })(), InvalidResponseError);
    assert.match(repeated.message, /repeated a cursor/);
  });

  it('stops at an empty page that still has a cursor: a server sending new ones would be followed forever', async () => {
    let asked = 0;
    const e = await rejects((async () => {
      for await (const _ of client(async () => json({ items: [], nextCursor: ++asked < 5 ? `c${asked}` : null, total: 0 })).endpoints.pages()) void _;
    })(), InvalidResponseError);
    assert.equal(asked, 1, 'one page asked for');
    assert.match(e.message, /empty page with a cursor; stopping \(GET \/v1\/endpoints\)/);
    assert.equal(e.status, 200);
  });
});
