// Request limits, RFC 9457 problems and unknown fields; then an invalid-input fuzz (fast-check): thousands
// of bad documents, each answered with a 4xx problem that points at the fault, no 5xx, nothing stored.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { describeEachBackend, pointers, send, startTestServer, type Reply, type TestServer, type TestTenant } from './support/harness.js';

function assertProblem(r: Reply, status: number) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.headers.get('content-type'), 'application/problem+json');
  for (const k of ['type', 'title', 'status', 'detail', 'instance', 'requestId']) assert.ok(k in r.body, `problem has ${k}`);
  assert.equal(r.body.status, status);
  assert.ok(!/\bat .+\.(ts|js):\d+/.test(r.text), 'no stack trace');
}

const nest = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : [nest(depth - 1, leaf)]);

describeEachBackend('limits and problems', (backend) => {
  let srv: TestServer;
  let t: TestTenant;
  before(async () => {
    srv = await startTestServer(backend);
    t = await srv.tenant();
    await t.as('admin')('PUT', '/v1/settings/crm', { body: { platform: 'salesforce' } });
  });
  after(() => srv.close());

  test('a body of 25,000 unknown fields gets the first 100 and a count of the rest, not a 2 MB answer; settings with as many keys too', async () => {
    const admin = t.as('admin');
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i.toString(36)}`, 1]));
    for (const [path, method, body] of [
      ['/v1/endpoints', 'POST', keys(25_000)],
      ['/v1/settings/crm', 'PATCH', { config: keys(25_000) }],
    ] as const) {
      const r = await admin(method, path, { body });
      assertProblem(r, 422);
      assert.ok(r.text.length < 20_000, `${path}: a small answer (${r.text.length} bytes)`);
      assert.equal(r.body.errors.length, 101, `${path}: the first 100, then the count`);
      assert.deepEqual(r.body.errors.at(-1), { pointer: '', code: 'invalid', message: `${(25_000 - 100 + (path === '/v1/endpoints' ? 2 : 0)).toLocaleString('en')} more problems not listed: fix these first.` });
    }
  });

  test('body size: over 256 KiB is 413, declared or streamed', async () => {
    const admin = t.as('admin');
    const big = JSON.stringify({ platform: 'salesforce', config: { consumerKey: 'x'.repeat(300 * 1024) } });
    const r = await admin('PUT', '/v1/settings/crm', { raw: big });
    assertProblem(r, 413);
    assert.deepEqual(pointers(r), ['']);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"platform":"' : 'y'.repeat(8192)));
        controller.close();
      },
    });
    const res = await fetch(`${srv.url}/v1/settings/crm`, { method: 'PUT', headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal((await admin('GET', '/v1/settings/crm')).body.version, 1);
  });

  test('a route that takes no body (archive, restore, the DELETEs) refuses one with 400 on "" instead of ignoring it', async () => {
    const tenant = await srv.tenant();
    const admin = tenant.as('admin');
    await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', credentials: { clientSecret: 'xero-secret-1' } } });
    const endpoint = (await admin('POST', '/v1/endpoints', { body: { name: 'orders', description: 'd' } })).body.id;
    const routes: Array<[string, string]> = [
      ['POST', '/v1/settings/accounting/archive'],
      ['POST', '/v1/settings/accounting/restore'],
      ['DELETE', '/v1/settings/accounting/credentials/clientSecret'],
      ['DELETE', `/v1/endpoints/${endpoint}`],
    ];
    for (const [method, path] of routes) {
      for (const [raw, type] of [
        ['{"reason":"no longer used","status":"draft"}', 'application/json'],
        ['{}', 'application/json'],
        ['this is not JSON', 'text/plain'],
      ] as const) {
        const r = await admin(method, path, { raw, headers: { 'content-type': type, 'idempotency-key': `k-${method}-${path}-${raw}` } });
        assertProblem(r, 400);
        assert.deepEqual(pointers(r), [''], `${method} ${path} with ${raw}`);
        assert.match(r.body.detail, /takes no body/);
      }
    }
    const settings = await admin('GET', '/v1/settings/accounting');
    assert.deepEqual([settings.body.version, settings.body.status, settings.body.credentials.clientSecret?.configured], [1, 'draft', true], 'nothing changed');
    assert.equal((await admin('GET', `/v1/endpoints/${endpoint}`)).status, 200, 'nothing deleted');
    // Without a body (or with nothing but white space) each works, the same Idempotency-Key included: a refused request stored no answer.
    for (const [method, path] of routes) {
      const r = await admin(method, path, { raw: path.endsWith('restore') ? ' \r\n' : '', headers: { 'idempotency-key': `k-${method}-${path}-{}` } });
      assert.ok(r.status === 200 || r.status === 204, `${method} ${path}: ${r.text}`);
    }
  });

  test('string and array lengths are field errors with pointers', async () => {
    const admin = t.as('admin');
    const cases: Array<[string, string, unknown, string]> = [
      ['PUT', '/v1/settings/crm', { platform: 'p'.repeat(65) }, '/platform'],
      ['PUT', '/v1/settings/crm', { platform: 'salesforce', config: { consumerKey: 'k'.repeat(2001) } }, '/config/consumerKey'],
      ['PUT', '/v1/settings/crm', { platform: 'salesforce', credentials: { consumerSecret: 's'.repeat(4097) } }, '/credentials/consumerSecret'],
      ['PUT', '/v1/settings/crm', { platform: 'salesforce', config: { allowedGroupValues: Array.from({ length: 201 }, (_, i) => `g${i}`) } }, '/config/allowedGroupValues'],
      [
        'PUT',
        '/v1/settings/crm',
        { platform: 'salesforce', crm: { memberMappings: Array.from({ length: 501 }, (_, i) => ({ source: 'email', target: `F${i}`, policy: 'always' })) } },
        '/crm/memberMappings',
      ],
      ['PUT', '/v1/settings/crm', { platform: 'salesforce', crm: { memberObject: 'o'.repeat(256) } }, '/crm/memberObject'],
      ['POST', '/v1/endpoints', { name: 'n'.repeat(1000), description: 'd' }, '/name'],
      ['POST', '/v1/endpoints', { name: 'n', description: 'd'.repeat(100_000) }, '/description'],
    ];
    for (const [method, path, body, pointer] of cases) {
      const r = await admin(method, path, { body });
      assertProblem(r, 422);
      assert.deepEqual(pointers(r), [pointer], `${path} ${pointer}`);
    }
  });

  test('JSON depth, broken JSON, invalid UTF-8, wrong media type, non-object bodies', async () => {
    const admin = t.as('admin');
    const deep = await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { allowedGroupValues: nest(40, 'x') } } });
    assertProblem(deep, 400);
    assert.deepEqual(pointers(deep), ['']);
    assertProblem(await admin('PUT', '/v1/settings/crm', { raw: '{"platform": "salesforce",' }), 400);
    assertProblem(await admin('PUT', '/v1/settings/crm', { raw: new Uint8Array([0x7b, 0x22, 0x70, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }), 400);
    assertProblem(await admin('PUT', '/v1/settings/crm', { raw: '[1,2]' }), 400);
    assertProblem(await admin('PUT', '/v1/settings/crm', { raw: '' }), 400);
    assertProblem(await admin('PUT', '/v1/settings/crm', { raw: '{"platform":"salesforce"}', headers: { 'content-type': 'text/plain' } }), 415);
    assert.equal((await admin('GET', '/v1/settings/crm')).body.version, 1);
  });

  test('unknown fields are rejected with a pointer at any depth, never dropped', async () => {
    const admin = t.as('admin');
    const cases: Array<[unknown, string[]]> = [
      [{ platform: 'salesforce', colour: 'red' }, ['/colour']],
      [{ platform: 'salesforce', crm: { memberObjekt: 'Contact' } }, ['/crm/memberObjekt']],
      [{ platform: 'salesforce', config: { bogusSetting: 'x' } }, ['/config/bogusSetting']],
      [{ platform: 'salesforce', credentials: { bogusSecret: 'x' } }, ['/credentials/bogusSecret']],
      [{ platform: 'salesforce', tenantId: 'someone-else' }, ['/tenantId']],
      [JSON.parse('{"platform":"salesforce","__proto__":{"admin":true}}'), ['/__proto__']],
      [{ platform: 'salesforce', config: { constructor: 'x' } }, ['/config/constructor']],
    ];
    for (const [body, expected] of cases) {
      const r = await admin('PATCH', '/v1/settings/crm', { body });
      assertProblem(r, 422);
      assert.deepEqual(pointers(r), expected, JSON.stringify(body));
    }
    const e = await admin('POST', '/v1/endpoints', { body: { name: 'n', description: 'd', url: 'http://x' } });
    assert.deepEqual(pointers(e), ['/url']);
    const c = await admin('PUT', '/v1/settings/crm/credentials/consumerSecret', { body: { value: 'v', also: 1 } });
    assert.deepEqual(pointers(c), ['/also']);
    assert.equal((await admin('GET', '/v1/settings/crm')).body.version, 1);
  });

  test('a name given twice in one object is a field error at its pointer, however it is spelt, and nothing stored changes', async () => {
    const tenant = await srv.tenant();
    const admin = tenant.as('admin');
    await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { consumerKey: 'kept-key' } } });
    const endpoint = (await admin('POST', '/v1/endpoints', { body: { name: 'Kept', description: 'kept' } })).body;
    const cases: Array<[string, string, string, string[]]> = [
      ['PATCH', '/v1/settings/crm', '{"config":{"consumerKey":"first","consumerKey":"second"}}', ['/config/consumerKey']],
      ['PUT', '/v1/settings/crm', '{"platform":"salesforce","\\u0070latform":"hubspot"}', ['/platform']],
      ['PUT', '/v1/settings/crm', '{"platform":"salesforce","crm":{"memberMappings":[{"source":"email","target":"Email","target":"Name"}]}}', ['/crm/memberMappings/0/target']],
      ['PUT', '/v1/settings/crm', '{"platform":"salesforce","config":{"a/b":1,"a/b":2,"x":{"y":1,"y":2}},"config":{}}', ['/config/a~1b', '/config/x/y', '/config']],
      ['PATCH', `/v1/endpoints/${endpoint.id}`, '{"description":"typed first","description":"typed second"}', ['/description']],
      ['POST', '/v1/endpoints', '{"name":"One","description":"d","name":"Two"}', ['/name']],
      ['PUT', '/v1/settings/crm/credentials/consumerSecret', '{"value":"secret-one","value":"secret-two"}', ['/value']],
    ];
    for (const [method, path, raw, expected] of cases) {
      const r = await admin(method, path, { raw });
      assertProblem(r, 422);
      assert.deepEqual(r.body.errors.filter((e: { code: string }) => e.code === 'duplicate').map((e: { pointer: string }) => e.pointer), expected, raw);
      assert.ok(!r.text.includes('secret-one') && !r.text.includes('secret-two'), 'no value is echoed');
    }
    const dup = await admin('PATCH', `/v1/endpoints/${endpoint.id}`, { raw: '{"description":"a","description":"b"}' });
    assert.equal(dup.body.errors[0].message, '“description” is given more than once; send it once.');
    const validated = await admin('POST', '/v1/settings/crm/validate', { raw: '{"platform":"salesforce","platform":"salesforce"}' });
    assert.equal(validated.status, 200, 'validate lists it among the document’s errors');
    assert.deepEqual(validated.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/platform', 'duplicate']]);
    const stored = (await admin('GET', '/v1/settings/crm')).body;
    assert.equal(stored.version, 1, 'settings unchanged');
    assert.equal(stored.config.consumerKey, 'kept-key');
    assert.equal(stored.credentials.consumerSecret, undefined, 'no secret stored');
    assert.deepEqual((await admin('GET', '/v1/endpoints')).body.items.map((e: { name: string; description: string }) => [e.name, e.description]), [['Kept', 'kept']]);
    const same = await admin('PATCH', '/v1/settings/crm', { raw: '{"config":{"consumerKey":"k"},"crm":{"consumerKey":null}}' });
    assert.ok(!same.body.errors?.some((e: { code: string }) => e.code === 'duplicate'), 'one name in two objects is no duplicate');
  });

  test('text that cannot be stored (a NUL, a lone surrogate) is a field error at its pointer, and nothing stored changes', async () => {
    const admin = t.as('admin');
    const before = (await admin('GET', '/v1/settings/crm')).body.version;
    const cases: Array<[string, unknown, [string, string]]> = [
      ['POST', { name: 'Nul\u0000name', description: 'd' }, ['/name', '“name”']],
      ['POST', { name: 'n', description: 'lone \ud800 surrogate' }, ['/description', '“description”']],
      ['PATCH', { config: { consumerKey: 'key\u0000' } }, ['/config/consumerKey', '“consumerKey”']],
      ['PATCH', { config: { allowedGroupValues: ['ok', 'b\u0000d'] } }, ['/config/allowedGroupValues/1', 'Item 2 of “allowedGroupValues”']],
      ['PATCH', { credentials: { consumerSecret: 'secret\u0000' } }, ['/credentials/consumerSecret', '“consumerSecret”']],
      ['PATCH', { config: { ['bad\u0000key']: 'x' } }, ['/config/bad\u0000key', 'A field name']],
    ];
    for (const [method, body, [pointer, subject]] of cases) {
      const r = await admin(method, method === 'POST' ? '/v1/endpoints' : '/v1/settings/crm', { body });
      assertProblem(r, 422);
      const error = r.body.errors.find((e: { pointer: string; code: string }) => e.pointer === pointer && e.code === 'invalid_format');
      assert.ok(error, `${JSON.stringify(body)}: ${JSON.stringify(r.body.errors)}`);
      assert.ok(error.message.startsWith(`${subject} contains a character that cannot be stored`), `named, as a list of errors reads on its own: ${error.message}`);
      assert.ok(!JSON.stringify(r.body).includes('secret\\u0000'), 'the secret is not echoed');
    }
    assert.equal((await admin('GET', '/v1/settings/crm')).body.version, before, 'settings unchanged');
    const emoji = await admin('POST', '/v1/endpoints', { body: { name: 'Members 😀', description: 'a surrogate pair is fine' } });
    assert.equal(emoji.status, 201);
    assert.equal(emoji.body.name, 'Members 😀');
  });

  test('what Node’s HTTP parser refuses (headers over 16 KiB, a long URL, chunk extensions over 16 KiB, not HTTP at all) is a problem with a request id too', async () => {
    const { port } = new URL(srv.url);
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
        let out = '';
        socket.on('data', (d) => (out += d));
        socket.on('close', () => resolve(out));
        socket.on('error', reject);
      });
    const big = 'a'.repeat(20_000);
    for (const [request, status] of [
      [`GET /v1/me HTTP/1.1\r\nHost: x\r\nX-Foo: ${big}\r\n\r\n`, 431],
      [`GET /v1/${big} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
      ['HELLO THERE\r\n\r\n', 400],
      [`POST /v1/endpoints HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;${big}\r\nhello\r\n0\r\n\r\n`, 413],
    ] as const) {
      const answer = await raw(request);
      const [head, body] = answer.split('\r\n\r\n');
      assert.match(head!, new RegExp(`^HTTP/1.1 ${status} `), answer.slice(0, 300));
      assert.match(head!, /content-type: application\/problem\+json/i);
      const requestId = /x-request-id: (\S+)/i.exec(head!)?.[1];
      assert.ok(requestId, 'a request id to quote');
      assert.deepEqual([JSON.parse(body!).status, JSON.parse(body!).requestId], [status, requestId]);
    }
  });

  test('every answer is a problem with a request id; unknown routes too', async () => {
    const r = await send(srv.url, t.tokens.admin, 'GET', '/v1/nothing-here', { headers: { 'x-request-id': 'trace-123' } });
    assertProblem(r, 404);
    assert.equal(r.body.type, 'https://memberpulse.dev/problems/no-such-route', 'a path with no route is told apart from a missing record');
    assert.equal((await t.as('admin')('GET', '/v1/settings/inbound')).body.type, 'https://memberpulse.dev/problems/not-found', 'which keeps its own type');
    assert.equal(r.headers.get('x-request-id'), 'trace-123');
    assert.equal(r.body.requestId, 'trace-123');
    const admin = t.as('admin');
    for (const [method, path, allow] of [
      ['POST', '/v1/settings/crm', 'GET, PUT, PATCH, HEAD, OPTIONS'],
      ['DELETE', '/v1/settings/crm', 'GET, PUT, PATCH, HEAD, OPTIONS'],
      ['PUT', '/v1/endpoints/3f1c2a9e-0000-4000-8000-000000000000', 'GET, PATCH, DELETE, HEAD, OPTIONS'],
      ['DELETE', '/v1/audit-events', 'GET, HEAD, OPTIONS'],
    ] as const) {
      const wrong = await admin(method, path);
      assertProblem(wrong, 405);
      assert.equal(wrong.body.type, 'https://memberpulse.dev/problems/method-not-allowed');
      assert.equal(wrong.headers.get('allow'), allow, `${method} ${path}: a wrong method on a resource that exists is not “no such resource”`);
    }
    assert.equal((await admin('GET', '/v1/settings/crm/')).status, 404, 'a path the router does not serve is not a 405 naming the method refused');
    const options = await admin('OPTIONS', '/v1/settings/crm');
    assert.deepEqual([options.status, options.headers.get('allow')], [204, 'GET, PUT, PATCH, HEAD, OPTIONS']);
    const key = { 'idempotency-key': `k-${Date.now()}` };
    const answers: Array<[string, Reply]> = [
      ['read', await admin('GET', '/v1/settings/crm')],
      ['cached read', await admin('GET', '/v1/settings/crm')],
      ['list', await admin('GET', '/v1/settings')],
      ['not modified', await admin('GET', '/v1/settings/crm', { headers: { 'if-none-match': '"1"' } })],
      ['write', await admin('POST', '/v1/endpoints', { body: { name: `n-${key['idempotency-key']}`, description: 'd' }, headers: key })],
      ['replay', await admin('POST', '/v1/endpoints', { body: { name: `n-${key['idempotency-key']}`, description: 'd' }, headers: key })],
      ['validation problem', await admin('PATCH', '/v1/settings/crm', { body: { x: 1 } })],
      ['unauthorized', await send(srv.url, null, 'GET', '/v1/settings')],
      ['forbidden', await t.as('auditor')('GET', '/v1/settings')],
      ['health', await send(srv.url, null, 'GET', '/healthz')],
    ];
    for (const [what, reply] of answers) {
      assert.match(reply.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, what);
      assert.equal(reply.headers.get('x-content-type-options'), 'nosniff', what);
    }
    for (const [what, reply] of answers.filter(([w]) => w !== 'health')) assert.equal(reply.headers.get('cache-control'), 'no-store', what);
    assert.equal(answers[5]![1].headers.get('idempotent-replayed'), 'true');
    const preflight = await send(srv.url, null, 'OPTIONS', '/v1/settings/crm', {
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,if-match,x-trace-id' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'authorization,if-match,x-trace-id', 'a host’s own headers (the SDK’s `headers` option) pass the preflight');
    assert.ok(preflight.headers.get('x-request-id'));
    const foreign = await send(srv.url, t.tokens.admin, 'GET', '/v1/me', { headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null, 'unlisted origins get no CORS grant');
    const odd = await send(srv.url, t.tokens.admin, 'GET', '/v1/me', { headers: { 'x-request-id': 'bad id\twith tab' } });
    assert.notEqual(odd.headers.get('x-request-id'), 'bad id\twith tab');
  });

  test('per-tenant rate limit answers 429 with Retry-After', async () => {
    const limited = await startTestServer(backend, { rateLimitPerMinute: 5 });
    try {
      const a = await limited.tenant();
      const b = await limited.tenant();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await a.as('viewer')('GET', '/v1/me')).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
      const r = await a.as('viewer')('GET', '/v1/me');
      assertProblem(r, 429);
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
      assert.equal((await b.as('viewer')('GET', '/v1/me')).status, 200, 'another tenant is not affected');
    } finally {
      await limited.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Fuzz

const settingsKeys = ['platform', 'status', 'config', 'credentials', 'crm'];
const crmKeys = ['memberObject', 'memberMappings', 'eventTagField', 'courseTagField', 'orderObject', 'orderMappings', 'tagDestination', 'tagObject', 'supportTicketNotes'];
const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '$ref', '../x', 'a/b', '~0'];

/** Any JSON value that is not a string (and not null). */
const notString = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
const notObject = fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 10 }), fc.array(fc.integer(), { maxLength: 3 }));
const unknownKey = (known: string[]) => fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ minLength: 1, maxLength: 20 })).filter((k) => !known.includes(k));
const anyValue = fc.jsonValue({ maxDepth: 2 });

/** An accounting settings document with exactly one kind of fault that the server must refuse. */
const badSettings = fc.oneof(
  fc.record({ key: unknownKey(settingsKeys), value: anyValue }).map(({ key, value }) => ({ doc: { platform: 'xero', [key]: value }, text: null as string | null })),
  fc.record({ key: fc.constantFrom('platform'), value: notString.filter((v) => v !== null) }).map(({ value }) => ({ doc: { platform: value }, text: null })),
  fc.record({ status: fc.oneof(fc.string({ maxLength: 12 }).filter((s) => s !== 'draft' && s !== 'enabled'), notString) }).map(({ status }) => ({ doc: { platform: 'xero', status }, text: null })),
  fc.record({ key: fc.constantFrom('config', 'credentials', 'crm'), value: notObject }).map(({ key, value }) => ({ doc: { platform: 'xero', [key]: value }, text: null })),
  fc.record({ key: unknownKey(['clientId', 'defaultTaxRate', 'autoSyncInvoices', 'membershipRevenueAccount', 'eventRevenueAccount', 'courseRevenueAccount', 'resourceSalesAccount']), value: fc.string({ maxLength: 10 }) }).map(({ key, value }) => ({ doc: { platform: 'xero', config: { [key]: value } }, text: null })),
  fc.record({ value: notString.filter((v) => v !== null) }).map(({ value }) => ({ doc: { platform: 'xero', credentials: { clientSecret: value } }, text: null })),
  fc.record({ key: unknownKey(crmKeys), value: anyValue }).map(({ key, value }) => ({ doc: { platform: 'xero', crm: { [key]: value } }, text: null })),
  fc.integer({ min: 4097, max: 300_000 }).map((n) => ({ doc: { platform: 'xero', credentials: { clientSecret: 's'.repeat(n) } }, text: null })),
  fc.integer({ min: 65, max: 5000 }).map((n) => ({ doc: { platform: 'x'.repeat(n) }, text: null })),
  fc.integer({ min: 33, max: 3000 }).map((d) => ({ doc: { platform: 'xero', config: { clientId: nest(d, 1) } }, text: null })),
  fc.integer({ min: 33, max: 200 }).map((d) => ({ doc: null, text: `{"platform":"xero","crm":${'{"a":'.repeat(d)}1${'}'.repeat(d)}}` })),
  fc.constantFrom(...hostileKeys).map((k) => ({ doc: null, text: `{"platform":"xero","${k.replace(/"/g, '')}":{"polluted":true}}` })),
  fc.json().map((j) => ({ doc: null, text: j.slice(0, Math.max(0, j.length - 1)) })).filter((x) => {
    try {
      const v = JSON.parse(x.text);
      return v === null || typeof v !== 'object' || Array.isArray(v);
    } catch {
      return true;
    }
  }),
  fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer()), fc.constant(null), fc.boolean()).map((v) => ({ doc: null, text: JSON.stringify(v) })),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => ({ doc: null, text: null as string | null, bytes: Uint8Array.from([0x7b, 0x22, 0x70, 0x6c, 0x61, 0x74, 0x66, 0x6f, 0x72, 0x6d, 0x22, 0x3a, 0x22, 0xff, ...bytes, 0x22, 0x7d]) })),
);

const badEndpoint = fc.oneof(
  fc.record({ key: unknownKey(['name', 'description']), value: anyValue }).map(({ key, value }) => ({ name: 'N', description: 'D', [key]: value })),
  fc.record({ name: notString, description: fc.string({ minLength: 1, maxLength: 5 }) }),
  fc.record({ name: fc.constantFrom('', ' ', '\t\n'), description: fc.constant('d') }),
  fc.record({ name: fc.constant('n'), description: fc.oneof(notString, fc.constantFrom('', '   ')) }),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => ({ name: 'n'.repeat(n), description: 'd' })),
);

/** Documents that only a create refuses (a description alone is a valid update). */
const badEndpointCreateOnly = fc.record({ description: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /\S/.test(s)) });

describeEachBackend('invalid-input fuzz', (backend) => {
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend);
  });
  after(() => srv.close());

  test('thousands of bad documents: each a 4xx problem with pointers, zero 5xx, stored state unchanged', async () => {
    const t = await srv.tenant();
    const admin = t.as('admin');
    await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: 'kept' }, credentials: { clientSecret: 'kept-secret-00001' } } });
    const endpoint = (await admin('POST', '/v1/endpoints', { body: { name: 'Kept', description: 'kept' } })).body;
    const snapshot = async () => ({
      settings: (await admin('GET', '/v1/settings')).body,
      endpoints: (await admin('GET', '/v1/endpoints')).body,
      audit: (await admin('GET', '/v1/audit-events')).body.total,
    });
    const before = await snapshot();
    let count = 0;
    const check = (r: Reply, what: string) => {
      count++;
      assert.ok(r.status >= 400 && r.status < 500, `${what} → ${r.status} ${r.text.slice(0, 300)}`);
      assert.equal(r.headers.get('content-type'), 'application/problem+json', what);
      assert.ok(Array.isArray(r.body.errors) && r.body.errors.length > 0, `${what}: errors with pointers ${r.text.slice(0, 300)}`);
      for (const e of r.body.errors) assert.ok(e.pointer === '' || e.pointer.startsWith('/'), `${what}: pointer ${e.pointer}`);
    };

    await fc.assert(
      fc.asyncProperty(badSettings, fc.constantFrom('PUT', 'PATCH'), async (bad, method) => {
        const b = bad as { doc: unknown; text: string | null; bytes?: Uint8Array };
        const raw = b.bytes ?? b.text ?? JSON.stringify(b.doc);
        check(await admin(method, '/v1/settings/accounting', { raw }), `${method} settings ${String(raw).slice(0, 200)}`);
      }),
      { numRuns: 1400 },
    );
    await fc.assert(
      fc.asyncProperty(badEndpoint, async (doc) => {
        check(await admin('POST', '/v1/endpoints', { body: doc }), `POST endpoint ${JSON.stringify(doc).slice(0, 200)}`);
        const { name: _, ...rest } = doc as Record<string, unknown>;
        const patch = 'name' in (doc as object) ? doc : rest;
        check(await admin('PATCH', `/v1/endpoints/${endpoint.id}`, { body: patch }), `PATCH endpoint ${JSON.stringify(patch).slice(0, 200)}`);
      }),
      { numRuns: 500 },
    );
    await fc.assert(
      fc.asyncProperty(badEndpointCreateOnly, async (doc) => {
        check(await admin('POST', '/v1/endpoints', { body: doc }), `POST endpoint ${JSON.stringify(doc)}`);
      }),
      { numRuns: 50 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(notString.map((value) => ({ value })), fc.record({ value: fc.string({ maxLength: 4 }), key: unknownKey(['value']) }).map(({ value, key }) => ({ value, [key]: 1 }))), async (doc) => {
        check(await admin('PUT', '/v1/settings/accounting/credentials/clientSecret', { body: doc }), `PUT credential ${JSON.stringify(doc)}`);
      }),
      { numRuns: 200 },
    );
    assert.ok(count >= 2500, `sent ${count}`);
    assert.deepEqual(await snapshot(), before, 'stored state unchanged');
  });
});
