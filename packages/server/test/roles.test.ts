// The role matrix of docs/security.md, cell by cell: each route × each role, with the outcome written out
// here (not derived from the server's own table), and a forbidden call changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '@memberpulse/integration-schema';
import { describeEachBackend, roleNames, startTestServer, type Client, type TestServer, type TestTenant } from './support/harness.js';
import { recordingGateway } from './support/recording-gateway.js';

type Cell = 'ok' | 'forbidden';
interface Row {
  route: string;
  call: (client: Client, ids: { endpoint: string }) => Promise<{ status: number; text: string }>;
  /** admin, editor, viewer, auditor */
  cells: [Cell, Cell, Cell, Cell];
}

const O: Cell = 'ok';
const F: Cell = 'forbidden';

const matrix: Row[] = [
  { route: 'GET /v1/me', call: (c) => c('GET', '/v1/me'), cells: [O, O, O, O] },
  { route: 'GET /v1/platforms', call: (c) => c('GET', '/v1/platforms'), cells: [O, O, O, O] },
  { route: 'GET /v1/fields', call: (c) => c('GET', '/v1/fields'), cells: [O, O, O, O] },
  { route: 'GET /v1/settings', call: (c) => c('GET', '/v1/settings'), cells: [O, O, O, F] },
  { route: 'GET /v1/settings/{category}', call: (c) => c('GET', '/v1/settings/accounting'), cells: [O, O, O, F] },
  { route: 'PUT /v1/settings/{category}', call: (c) => c('PUT', '/v1/settings/crm', { body: { platform: 'hubspot', config: { portalId: '123' } } }), cells: [O, O, F, F] },
  { route: 'PATCH /v1/settings/{category}', call: (c) => c('PATCH', '/v1/settings/accounting', { body: { config: { defaultTaxRate: 'NONE' } } }), cells: [O, O, F, F] },
  {
    route: 'PATCH /v1/settings/{category} with credentials',
    call: (c) => c('PATCH', '/v1/settings/accounting', { body: { credentials: { clientSecret: 'changed-secret-9999' } } }),
    cells: [O, F, F, F],
  },
  {
    route: 'PATCH /v1/settings/{category} changing a connection setting of a record with credentials',
    call: (c) => c('PATCH', '/v1/settings/accounting', { body: { config: { clientId: 'another-client' } } }),
    cells: [O, F, F, F],
  },
  {
    route: 'PATCH /v1/settings/{category} changing where a stored self-hosted password is used',
    call: (c) => c('PATCH', '/v1/settings/inbound', { body: { config: { host: 'elsewhere.example' } } }),
    cells: [O, F, F, F],
  },
  {
    route: 'PATCH /v1/settings/{category} changing settings beside no secret of a record with one',
    call: (c) => c('PATCH', '/v1/settings/inbound', { body: { config: { clubIds: ['1', '2'] } } }),
    cells: [O, O, F, F],
  },
  { route: 'POST /v1/settings/{category}/validate', call: (c) => c('POST', '/v1/settings/accounting/validate', { body: { platform: 'xero' } }), cells: [O, O, F, F] },
  { route: 'POST /v1/settings/{category}/test-connection', call: (c) => c('POST', '/v1/settings/accounting/test-connection'), cells: [O, O, F, F] },
  {
    route: 'POST /v1/settings/{category}/test-connection with credentials',
    call: (c) => c('POST', '/v1/settings/accounting/test-connection', { body: { credentials: { clientSecret: 'try-this-secret-1' } } }),
    cells: [O, F, F, F],
  },
  {
    route: 'POST /v1/settings/{category}/test-connection with a connection setting changed over stored credentials',
    call: (c) => c('POST', '/v1/settings/accounting/test-connection', { body: { config: { clientId: 'another-client' } } }),
    cells: [O, F, F, F],
  },
  { route: 'PUT /v1/settings/{category}/credentials/{key}', call: (c) => c('PUT', '/v1/settings/accounting/credentials/clientSecret', { body: { value: 'route-secret-4242' } }), cells: [O, F, F, F] },
  { route: 'DELETE /v1/settings/{category}/credentials/{key}', call: (c) => c('DELETE', '/v1/settings/accounting/credentials/clientSecret'), cells: [O, F, F, F] },
  { route: 'POST /v1/settings/{category}/archive', call: (c) => c('POST', '/v1/settings/payment-gateway/archive'), cells: [O, O, F, F] },
  { route: 'POST /v1/settings/{category}/restore', call: (c) => c('POST', '/v1/settings/payment-gateway/restore'), cells: [O, O, F, F] },
  { route: 'GET /v1/endpoints', call: (c) => c('GET', '/v1/endpoints'), cells: [O, O, O, F] },
  { route: 'GET /v1/endpoints/{id}', call: (c, ids) => c('GET', `/v1/endpoints/${ids.endpoint}`), cells: [O, O, O, F] },
  { route: 'POST /v1/endpoints', call: (c) => c('POST', '/v1/endpoints', { body: { name: 'New', description: 'd' } }), cells: [O, O, F, F] },
  { route: 'PATCH /v1/endpoints/{id}', call: (c, ids) => c('PATCH', `/v1/endpoints/${ids.endpoint}`, { body: { description: 'changed' } }), cells: [O, O, F, F] },
  { route: 'DELETE /v1/endpoints/{id}', call: (c, ids) => c('DELETE', `/v1/endpoints/${ids.endpoint}`), cells: [O, O, F, F] },
  { route: 'GET /v1/audit-events', call: (c) => c('GET', '/v1/audit-events'), cells: [O, F, F, O] },
];

/** A tenant with accounting (with a secret), a payment gateway, an inbound connector (with a password) and one endpoint. */
async function seeded(srv: TestServer): Promise<{ t: TestTenant; ids: { endpoint: string } }> {
  const t = await srv.tenant();
  const admin = t.as('admin');
  assert.equal((await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: 'cid' }, credentials: { clientSecret: 'seed-secret-000001' } } })).status, 201);
  assert.equal((await admin('PUT', '/v1/settings/payment-gateway', { body: { platform: 'stripe' } })).status, 201);
  const intouch = { platform: 'intouch', config: { clientId: '12', clubIds: ['1'], host: 'mp.club.example', username: 'connector' }, credentials: { password: 'seed-password-0001' } };
  assert.equal((await admin('PUT', '/v1/settings/inbound', { body: intouch })).status, 201);
  const e = await admin('POST', '/v1/endpoints', { body: { name: 'Seeded', description: 'd' } });
  return { t, ids: { endpoint: e.body.id } };
}

async function snapshot(t: TestTenant) {
  const admin = t.as('admin');
  return {
    settings: (await admin('GET', '/v1/settings')).body,
    endpoints: (await admin('GET', '/v1/endpoints?limit=100')).body,
    audit: (await admin('GET', '/v1/audit-events?limit=100')).body.total,
  };
}

describeEachBackend('role matrix', (backend) => {
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend, { gateway: recordingGateway() });
  });
  after(() => srv.close());

  roleNames.forEach((role: Role, column) => {
    for (const row of matrix) {
      const expected = row.cells[column]!;
      test(`${row.route} × ${role} → ${expected}`, async () => {
        const { t, ids } = await seeded(srv);
        const before = await snapshot(t);
        const r = await row.call(t.as(role), ids);
        if (expected === 'forbidden') {
          assert.equal(r.status, 403, r.text);
          assert.deepEqual(await snapshot(t), before, 'a forbidden call changes nothing');
        } else {
          assert.ok(r.status >= 200 && r.status < 300, `${r.status} ${r.text}`);
        }
      });
    }
  });
});
