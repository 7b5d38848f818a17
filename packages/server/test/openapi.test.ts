import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { salesforceDoc, startTestServer, backends, send, type TestServer } from './support/harness.js';

let srv: TestServer;
before(async () => {
  srv = await startTestServer(backends[0]!);
});
after(() => srv.close());

test('GET /v1/openapi.json is a valid OpenAPI 3.1 document (third-party validator), served without a token', async () => {
  const r = await send(srv.url, null, 'GET', '/v1/openapi.json');
  assert.equal(r.status, 200);
  assert.equal(r.body.openapi, '3.1.0');
  const validator = new Validator();
  const result = await validator.validate(r.body);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.equal(validator.version, '3.1');
});

test('the document lists every route the server answers, and live responses match its schemas', async () => {
  const doc = (await send(srv.url, null, 'GET', '/v1/openapi.json')).body;
  for (const path of ['/v1/me', '/v1/platforms', '/v1/settings', '/v1/settings/{category}', '/v1/settings/{category}/credentials/{key}', '/v1/endpoints', '/v1/endpoints/{id}', '/v1/audit-events', '/healthz', '/readyz']) {
    assert.ok(doc.paths[path], path);
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f-]{36}$/i);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  ajv.addSchema({ $id: 'openapi.json', components: doc.components }, 'openapi.json');
  const check = (component: string, value: unknown) => {
    const validate = ajv.getSchema(`openapi.json#/components/schemas/${component}`)!;
    assert.ok(validate(value), `${component}: ${JSON.stringify(validate.errors)}`);
  };
  const t = await srv.tenant();
  const admin = t.as('admin');
  check('IntegrationSettings', (await admin('PUT', '/v1/settings/crm', { body: salesforceDoc('a-secret-value-123456') })).body);
  const e = await admin('POST', '/v1/endpoints', { body: { name: 'n', description: 'd' } });
  check('IntegrationEndpoint', e.body);
  check('IntegrationEndpointPage', (await admin('GET', '/v1/endpoints')).body);
  check('AuditEventPage', (await admin('GET', '/v1/audit-events')).body);
  check('Me', (await admin('GET', '/v1/me')).body);
  check('Problem', (await admin('PATCH', '/v1/settings/crm', { body: { nope: 1 } })).body);
  check('IntegrationSettingsInput', salesforceDoc('x'));
  const strict = ajv.getSchema('openapi.json#/components/schemas/IntegrationSettingsInput')!;
  assert.equal(strict({ ...salesforceDoc('x'), extra: true }), false, 'input schemas reject unknown fields, like the server');
});

test('docs/openapi.json is the served document (regenerate: npx mp-integration-server openapi > docs/openapi.json)', async () => {
  const { readFileSync } = await import('node:fs');
  const published = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
  assert.deepEqual(published, (await send(srv.url, null, 'GET', '/v1/openapi.json')).body);
});

test('the document declares the headers the server answers with, and each settings write’s If-None-Match', async () => {
  const doc = (await send(srv.url, null, 'GET', '/v1/openapi.json')).body;
  const t = await srv.tenant();
  const admin = t.as('admin');
  await admin('PUT', '/v1/settings/crm', { body: salesforceDoc('a-secret-value-123456') });
  const created = await admin('PATCH', '/v1/settings/crm', { body: { config: { environment: 'sandbox' } }, headers: { 'if-none-match': '*' } });
  assert.equal(created.status, 412, 'the server honours If-None-Match on a PATCH');
  for (const [path, item] of Object.entries<Record<string, { parameters?: { name: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }>>(doc.paths)) {
    if (!path.startsWith('/v1/') || path === '/v1/openapi.json') continue;
    for (const [method, op] of Object.entries(item).filter(([m]) => m !== 'parameters')) {
      const at = `${method.toUpperCase()} ${path}`;
      const names = (op.parameters ?? []).map((p) => p.name);
      for (const [status, response] of Object.entries(op.responses)) {
        const headers = Object.keys(response.headers ?? {});
        assert.ok(headers.includes('X-Request-Id'), `${at} ${status} declares X-Request-Id`);
        if (status === '429' || status === '503') assert.ok(headers.includes('Retry-After'), `${at} ${status} declares Retry-After`);
        if (names.includes('Idempotency-Key') && status.startsWith('2')) assert.ok(headers.includes('Idempotent-Replayed'), `${at} ${status} declares Idempotent-Replayed`);
      }
      assert.ok(op.responses['503'], `${at} lists 503 (keys or token keys out of reach)`);
      if (path.startsWith('/v1/settings/') && names.includes('If-Match')) assert.ok(names.includes('If-None-Match'), `${at} takes If-None-Match`);
    }
  }
});

test('what the server answers and honours is listed: a malformed Idempotency-Key’s 400 on every write, If-None-Match where it acts', async () => {
  const doc = (await send(srv.url, null, 'GET', '/v1/openapi.json')).body;
  const t = await srv.tenant();
  const admin = t.as('admin');
  await admin('PUT', '/v1/settings/crm', { body: salesforceDoc('a-secret-value-123456') });
  const endpoint = (await admin('POST', '/v1/endpoints', { body: { name: 'e', description: 'd' } })).body.id;
  const example: Record<string, string> = { category: 'crm', key: 'consumerSecret', id: endpoint };
  type Op = { parameters?: { name: string }[]; responses: Record<string, unknown> };
  const operations = Object.entries<Record<string, Op>>(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => m !== 'parameters')
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op, names: (op.parameters ?? []).map((p) => p.name), url: path.replace(/\{(\w+)\}/g, (_, p: string) => example[p]!) })),
  );
  const writes = operations.filter((o) => o.names.includes('Idempotency-Key'));
  assert.ok(writes.length >= 9, 'every write takes an Idempotency-Key');
  for (const { method, path, op, url } of writes) {
    const r = await admin(method, url, { headers: { 'idempotency-key': 'has space' } });
    assert.equal(r.status, 400, `${method} ${path}: ${r.text}`);
    assert.ok(op.responses['400'], `${method} ${path} lists the 400 it answers`);
  }
  for (const method of ['PATCH', 'DELETE']) {
    const r = await admin(method, `/v1/endpoints/${endpoint}`, { ...(method === 'PATCH' ? { body: { description: 'x' } } : {}), headers: { 'if-none-match': '*' } });
    assert.equal(r.status, 412, `${method} honours If-None-Match: *`);
    assert.ok(writes.find((o) => o.method === method && o.path === '/v1/endpoints/{id}')!.names.includes('If-None-Match'), `${method} /v1/endpoints/{id} lists If-None-Match`);
  }
  const read = await admin('GET', '/v1/settings/crm');
  const notModified = await admin('GET', '/v1/settings/crm', { headers: { 'if-none-match': read.headers.get('etag')! } });
  assert.equal(notModified.status, 304);
  const get = operations.find((o) => o.method === 'GET' && o.path === '/v1/settings/{category}')!;
  assert.ok(get.names.includes('If-None-Match') && get.op.responses['304'], 'GET /v1/settings/{category} lists If-None-Match and its 304');
});

test('a method a path does not declare answers the documented 405: a problem with its request id and Allow naming the declared methods', async () => {
  const doc = (await send(srv.url, null, 'GET', '/v1/openapi.json')).body;
  const documented = doc.components.responses.MethodNotAllowed;
  assert.deepEqual(Object.keys(documented.headers).sort(), ['Allow', 'X-Request-Id']);
  assert.deepEqual(documented.content['application/problem+json'].schema, { $ref: '#/components/schemas/Problem' });
  assert.match(doc.info.description, /405.*#\/components\/responses\/MethodNotAllowed/);
  const admin = (await srv.tenant()).as('admin');
  const example: Record<string, string> = { category: 'crm', key: 'consumerSecret', name: 'Contact', id: '3f1c2a9e-0000-4000-8000-000000000000' };
  for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
    if (!path.startsWith('/v1/')) continue;
    const declared = Object.keys(item).filter((k) => k !== 'parameters').map((m) => m.toUpperCase());
    const wrong = ['DELETE', 'PUT', 'PATCH', 'POST'].find((m) => !declared.includes(m))!;
    const r = await admin(wrong, path.replace(/\{(\w+)\}/g, (_, p: string) => example[p]!));
    assert.equal(r.status, 405, `${wrong} ${path}`);
    assert.equal(r.body.type, 'https://memberpulse.dev/problems/method-not-allowed');
    assert.equal(r.body.requestId, r.headers.get('x-request-id'));
    const allow = [...declared, ...(declared.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
    assert.deepEqual(r.headers.get('allow')!.split(', ').sort(), allow.sort(), `${wrong} ${path}: Allow`);
  }
});
