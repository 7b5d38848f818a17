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
