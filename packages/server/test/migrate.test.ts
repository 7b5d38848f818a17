// Migrations on a real Postgres: several servers may start at once on an empty database, and a server may run
// as a role with only the grants docs/server.md lists once the owner has migrated (it issues no DDL then).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../src/db.js';
import { migrations } from '../src/migrations.js';
import { postgresCluster, postgresSkipReason, startTestServer } from './support/harness.js';
import type { PostgresCluster } from './support/postgres.js';

describe('migrations on a real Postgres', { skip: postgresSkipReason ?? false }, () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await postgresCluster();
  });
  after(() => cluster?.stop());

  async function asOwner(url: string, statements: string[]) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const s of statements) await client.query(s);
    } finally {
      await client.end();
    }
  }

  it('four servers opening an empty database at once all migrate it', async () => {
    const url = await cluster.createDatabase('race');
    const dbs = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ kind: 'postgres', url })));
    const versions = await dbs[0]!.query<{ version: number }>('SELECT version FROM mp_migrations ORDER BY version');
    assert.deepEqual(versions.rows.map((r) => r.version), migrations.map((m) => m.version));
    await Promise.all(dbs.map((db) => db.close()));
  });

  it('a role with only the documented DML grants serves after the owner migrated', async () => {
    const url = await cluster.createDatabase('grants');
    await (await openDatabase({ kind: 'postgres', url })).close();
    const role = `mp_app_${process.pid}`;
    const database = new URL(url).pathname.slice(1);
    // The grants docs/server.md lists for the serving role.
    await asOwner(url, [
      `CREATE ROLE ${role} LOGIN`,
      `GRANT CONNECT ON DATABASE ${database} TO ${role}`,
      `GRANT USAGE ON SCHEMA public TO ${role}`,
      `GRANT SELECT ON mp_migrations TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_keys, settings, credentials, endpoints, idempotency_keys TO ${role}`,
      `GRANT SELECT, INSERT ON audit_events TO ${role}`,
    ]);
    const appUrl = url.replace('//postgres@', `//${role}@`);
    const t = await startTestServer({ name: 'postgres', databaseUrl: async () => appUrl });
    try {
      const admin = (await t.tenant()).as('admin');
      const put = await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { consumerKey: 'ck1' }, credentials: { consumerSecret: 'a-consumer-secret-1' } } });
      assert.equal(put.status, 201, put.text);
      assert.equal((await admin('GET', '/v1/audit-events')).status, 200);
    } finally {
      await t.close();
    }
  });
});
