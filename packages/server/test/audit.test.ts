import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { describeEachBackend, pointers, startTestServer, type TestServer } from './support/harness.js';

const srcDir = new URL('../src/', import.meta.url).pathname;

test('no source file has a statement that changes or removes audit rows', () => {
  const offenders: string[] = [];
  for (const file of readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(srcDir, file), 'utf8');
    if (/\b(UPDATE\s+audit_events|DELETE\s+FROM\s+audit_events|TRUNCATE\s+(TABLE\s+)?audit_events|DROP\s+TABLE\s+audit_events)\b/i.test(text)) offenders.push(file);
  }
  assert.deepEqual(offenders, []);
});

describeEachBackend('audit trail', (backend) => {
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend);
  });
  after(() => srv.close());

  test('records actor, action, target (an endpoint by its name too), time and request id of every change', async () => {
    const t = await srv.tenant();
    const admin = t.as('admin');
    const editor = t.as('editor');
    const rid = (n: string) => ({ 'x-request-id': `req-${n}` });
    await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: 'c' }, credentials: { clientSecret: 'xero-secret-0001' } }, headers: rid('1') });
    await editor('PATCH', '/v1/settings/accounting', { body: { config: { defaultTaxRate: 'OUTPUT' } }, headers: rid('2') });
    await admin('POST', '/v1/settings/accounting/archive', { headers: rid('3') });
    await admin('POST', '/v1/settings/accounting/restore', { headers: rid('4') });
    const e = await editor('POST', '/v1/endpoints', { body: { name: 'Member sync', description: 'd' }, headers: rid('5') });
    await editor('PATCH', `/v1/endpoints/${e.body.id}`, { body: { description: 'd2' }, headers: rid('6') });
    await editor('DELETE', `/v1/endpoints/${e.body.id}`, { headers: rid('7') });
    await admin('DELETE', '/v1/settings/accounting/credentials/clientSecret', { headers: rid('8') });

    const page = await t.as('auditor')('GET', '/v1/audit-events?limit=100');
    assert.equal(page.status, 200);
    type Row = { actor: string; action: string; target: string; targetName: string | null; requestId: string };
    const got = page.body.items.map((a: Row) => [a.requestId, a.actor, a.action, a.target, a.targetName]).reverse();
    const adminSub = `admin@${t.id}`;
    const editorSub = `editor@${t.id}`;
    assert.deepEqual(got, [
      ['req-1', adminSub, 'settings.create', 'settings/accounting', null],
      ['req-1', adminSub, 'credential.write', 'settings/accounting/credentials/clientSecret', null],
      ['req-2', editorSub, 'settings.update', 'settings/accounting', null],
      ['req-3', adminSub, 'settings.archive', 'settings/accounting', null],
      ['req-4', adminSub, 'settings.restore', 'settings/accounting', null],
      ['req-5', editorSub, 'endpoint.create', `endpoint/${e.body.id}`, 'Member sync'],
      ['req-6', editorSub, 'endpoint.update', `endpoint/${e.body.id}`, 'Member sync'],
      ['req-7', editorSub, 'endpoint.delete', `endpoint/${e.body.id}`, 'Member sync'],
      ['req-8', adminSub, 'settings.update', 'settings/accounting', null],
      ['req-8', adminSub, 'credential.clear', 'settings/accounting/credentials/clientSecret', null],
    ]);
    for (const item of page.body.items) {
      assert.equal(item.tenantId, t.id);
      assert.ok(Math.abs(Date.parse(item.at) - Date.now()) < 60_000);
    }
    const enable = await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', status: 'enabled', config: { clientId: 'c' }, credentials: { clientSecret: 'xero-secret-0002' } } });
    assert.equal(enable.status, 200, enable.text);
    const enabled = await admin('GET', '/v1/audit-events?action=settings.enable');
    assert.equal(enabled.body.total, 1);
  });

  test('paged newest first, filterable by action and time', async () => {
    const t = await srv.tenant();
    const admin = t.as('admin');
    for (let i = 0; i < 7; i++) await admin('POST', '/v1/endpoints', { body: { name: `n${i}`, description: 'd' } });
    const middle = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 3; i++) await admin('PUT', `/v1/settings/${['crm', 'accounting', 'payment-gateway'][i]}`, { body: { platform: ['salesforce', 'xero', 'stripe'][i] } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: { items: Array<{ id: string; at: string }>; nextCursor: string | null; total: number } } = await admin('GET', `/v1/audit-events?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(r.body.total, 10);
      seen.push(...r.body.items.map((i) => i.at));
      cursor = r.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 10);
    assert.deepEqual(seen, [...seen].sort().reverse(), 'newest first');

    assert.equal((await admin('GET', '/v1/audit-events?action=endpoint.create')).body.total, 7);
    assert.equal((await admin('GET', '/v1/audit-events?action=settings.create')).body.total, 3);
    assert.equal((await admin('GET', `/v1/audit-events?from=${encodeURIComponent(middle)}`)).body.total, 3);
    assert.equal((await admin('GET', `/v1/audit-events?to=${encodeURIComponent(middle)}`)).body.total, 7);
    assert.equal((await admin('GET', '/v1/audit-events?from=2000-01-01')).body.total, 10, 'a date alone is midnight UTC');
    const bad = ['action=settings.delete', 'from=yesterday', 'from=1', 'from=99999', 'to=2020-02-30', 'to=-271821-04-20T00:00:00Z', 'from=9999-12-31T23:59:59-01:00', 'from=0001-01-01T00:00:00%2B14:00', 'from=2026-11-29T09:30:00', 'cursor=abc', 'limit=1000'];
    for (const q of bad) {
      const r = await admin('GET', `/v1/audit-events?${q}`);
      assert.equal(r.status, 400, q);
      const name = q.split('=')[0]!;
      assert.deepEqual(pointers(r), [`/${name}`], q);
      assert.ok(r.body.errors[0].message.startsWith(`“${name}” `), `the message names the parameter, so a list of them reads on its own: ${r.body.errors[0].message}`);
    }
  });

  test('append-only: the database refuses UPDATE, DELETE and TRUNCATE; no route changes it', async () => {
    const t = await srv.tenant();
    const admin = t.as('admin');
    await admin('POST', '/v1/endpoints', { body: { name: 'x', description: 'y' } });
    const before = (await admin('GET', '/v1/audit-events')).body;
    for (const sql of [
      `UPDATE audit_events SET actor = 'someone-else' WHERE tenant_id = '${t.id}'`,
      `DELETE FROM audit_events WHERE tenant_id = '${t.id}'`,
      'TRUNCATE audit_events',
    ]) {
      await assert.rejects(srv.server.db.query(sql), /append-only/, sql);
    }
    await assert.rejects(srv.server.db.transaction((tx) => tx.query('DELETE FROM audit_events')), /append-only/);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const r = await admin(method, '/v1/audit-events', { body: {} });
      assert.ok(r.status === 404 || r.status === 405, `${method} ${r.status}`);
      if (before.items[0]) assert.ok([404, 405].includes((await admin(method, `/v1/audit-events/${before.items[0].id}`)).status));
    }
    assert.deepEqual((await admin('GET', '/v1/audit-events')).body, before);
  });
});
