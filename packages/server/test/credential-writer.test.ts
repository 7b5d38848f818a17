import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { migrate } from '../src/db.js';
import { signDevToken } from '../src/index.js';
import { describeEachBackend, send, startTestServer, type Client, type TestServer } from './support/harness.js';

describeEachBackend('who last wrote a secret', (backend) => {
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend);
  });
  after(() => srv.close());
  /** A token of another admin of `tenant`, named `sub`. */
  const adminNamed = (tenant: string, sub: string) => signDevToken({ tenant, role: 'admin', sub }, srv.server.config);
  /** Who last wrote each secret of a category, as `client` reads the record. */
  const writers = async (client: Client, slug: string) =>
    Object.fromEntries(Object.entries((await client('GET', `/v1/settings/${slug}`)).body.credentials as Record<string, { updatedBy?: string | null }>).map(([k, c]) => [k, c.updatedBy]));

  test('each secret names who last wrote it: kept through writes that leave it, changed by a replace, gone with a clear', async () => {
    const t = await srv.tenant();
    const ada = t.as('admin');
    const grace = await adminNamed(t.id, 'grace@example.org');
    const asGrace = (method: string, path: string, body: unknown) => send(srv.url, grace, method, path, { body });

    const created = await ada('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { consumerKey: 'ck' }, credentials: { consumerSecret: 'first-secret' } } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.credentials.consumerSecret.updatedBy, `admin@${t.id}`, 'the write answers with its writer');
    assert.equal((await asGrace('PATCH', '/v1/settings/crm', { config: { consumerKey: 'ck2' } })).status, 200);
    assert.deepEqual(await writers(ada, 'crm'), { consumerSecret: `admin@${t.id}` }, 'a save that leaves the secret leaves its writer');
    assert.equal((await asGrace('PUT', '/v1/settings/crm/credentials/consumerSecret', { value: 'second-secret' })).status, 200);
    assert.deepEqual(await writers(ada, 'crm'), { consumerSecret: 'grace@example.org' }, 'a replace names the one who replaced it');
    assert.equal((await ada('DELETE', '/v1/settings/crm/credentials/consumerSecret')).status, 200);
    assert.deepEqual(await writers(ada, 'crm'), {}, 'a cleared secret names no one');
  });

  test('migration 4 reads the writer of each secret stored before it from the audit trail, in every category', async () => {
    const t = await srv.tenant();
    const admin = t.as('admin');
    const grace = await adminNamed(t.id, 'grace@example.org');
    await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { consumerKey: 'ck' }, credentials: { consumerSecret: 'crm-secret' } } });
    await admin('PUT', '/v1/settings/payment-gateway', {
      body: { platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_test_1234567890' }, credentials: { secretKey: 'sk_test_1234567890', webhookSecret: 'whsec_1' } },
    });
    assert.equal((await send(srv.url, grace, 'PUT', '/v1/settings/payment-gateway/credentials/webhookSecret', { body: { value: 'whsec_2' } })).status, 200);
    const db = srv.server.db;
    // A secret whose write has no audit event (a trail restored from an older backup, say).
    await db.query(`UPDATE credentials SET updated_at = updated_at - interval '1 second' WHERE tenant_id = $1 AND key = 'secretKey'`, [t.id]);
    await db.query('ALTER TABLE credentials DROP COLUMN updated_by');
    await db.query('DELETE FROM mp_migrations WHERE version = 4');
    assert.deepEqual(await migrate(db), [4]);

    assert.deepEqual(await writers(admin, 'crm'), { consumerSecret: `admin@${t.id}` });
    assert.deepEqual(await writers(admin, 'payment-gateway'), { secretKey: null, webhookSecret: 'grace@example.org' }, 'the last writer of each, and none where the trail has no write');
  });
});
