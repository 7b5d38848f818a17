// Endpoint names compare by Unicode case folding (endpointNameKey). Keys stored before that were lower-cased;
// migration 3 recomputes them in SQL. These tests take a database back to before migration 3, store keys
// as the server used to compute them, and check that migrating leaves exactly the keys the server computes now.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { endpointNameKey } from '@memberpulse/integration-schema/validation';
import { migrate } from '../src/db.js';
import { describeEachBackend, pointers, startTestServer, type TestServer } from './support/harness.js';

/** The key as the server computed it before migration 3: NFKC, no invisibles, space folded, lower-cased. */
const legacyKey = (name: string) =>
  name
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('en');

/**
 * Every code point that case or normalization changes, or that is a combining mark, and letters with a mark of
 * each combining class after them. (Run over every code point, 1 to U+10FFFF, this passed too; too slow to keep.)
 */
function samples(): string[] {
  const out: string[] = [];
  for (let cp = 1; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (c.toLowerCase() !== c || c.toUpperCase() !== c || c.normalize('NFD') !== c || c.normalize('NFKC') !== c || /\p{M}/u.test(c)) out.push(c);
  }
  const marks = [0x300, 0x301, 0x308, 0x30c, 0x313, 0x314, 0x323, 0x327, 0x328, 0x331, 0x340, 0x341, 0x342, 0x343, 0x344, 0x345].map((m) => String.fromCodePoint(m));
  for (const [from, to] of [[0x41, 0x7b], [0xc0, 0x250], [0x370, 0x530], [0x1e00, 0x2000]] as const) {
    for (let cp = from; cp < to; cp++) {
      const letter = String.fromCodePoint(cp);
      if (/\p{L}/u.test(letter)) for (const mark of marks) out.push(letter + mark);
    }
  }
  out.push('ΟΔΟΣ', 'οδοσ', 'Οδός Σ', 'ΣΑΣ', 'STRAẞE', 'Straße', 'İstanbul', 'ıi', 'Ϊ\u0301', 'ᾼ', 'ΆΙ', 'ᾳ\u0323\u0342');
  return out;
}

describeEachBackend('endpoint name keys', (backend) => {
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend);
  });
  after(() => srv.close());

  /** Stores endpoints with the keys the server used to compute, as if migration 3 had not run yet, then runs it. */
  async function storedBeforeThenMigrated(rows: { tenant: string; name: string; createdAt?: string }[]): Promise<void> {
    const db = srv.server.db;
    await db.query('DELETE FROM mp_migrations WHERE version = 3');
    await db.query(
      `INSERT INTO endpoints (id, tenant_id, name, name_key, description, version, created_at, updated_at, updated_by)
       SELECT gen_random_uuid(), t.tenant, t.name, t.name_key, 'd', 1, t.at::timestamptz, t.at::timestamptz, 'test'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(tenant, name, name_key, at)`,
      [rows.map((r) => r.tenant), rows.map((r) => r.name), rows.map((r) => legacyKey(r.name)), rows.map((r) => r.createdAt ?? '2026-01-01T00:00:00Z')],
    );
    assert.deepEqual(await migrate(db), [3]);
  }

  test('migration 3 turns every key stored before it into the key the server computes now', async () => {
    const prefix = `keys-${randomUUID().slice(0, 8)}-`;
    const names = samples();
    // One tenant each: names that now collide are the next test's matter.
    await storedBeforeThenMigrated(names.map((name, i) => ({ tenant: `${prefix}${i}`, name })));
    const stored = await srv.server.db.query<{ name: string; name_key: string }>('SELECT name, name_key FROM endpoints WHERE tenant_id LIKE $1', [`${prefix}%`]);
    assert.equal(stored.rows.length, names.length);
    const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(' ');
    const wrong = stored.rows.filter((r) => r.name_key !== endpointNameKey(r.name)).map((r) => `${hex(r.name)}: ${hex(r.name_key)} ≠ ${hex(endpointNameKey(r.name))}`);
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} keys differ`);
    const changed = stored.rows.filter((r) => r.name_key !== legacyKey(r.name)).length;
    assert.ok(changed > 100, `the keys that fold differently changed (${changed})`);
  });

  test('endpoints whose names collide only once folded both stay; the older keeps the name, and a new one like either is a duplicate', async () => {
    const t = await srv.tenant();
    await storedBeforeThenMigrated([
      { tenant: t.id, name: 'Straße', createdAt: '2026-01-01T00:00:00Z' },
      { tenant: t.id, name: 'STRASSE', createdAt: '2026-01-02T00:00:00Z' },
      { tenant: t.id, name: 'οδοσ', createdAt: '2026-01-04T00:00:00Z' },
      { tenant: t.id, name: 'ΟΔΟΣ', createdAt: '2026-01-03T00:00:00Z' },
      { tenant: t.id, name: 'Orders', createdAt: '2026-01-05T00:00:00Z' },
    ]);
    const admin = t.as('admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await admin('GET', `/v1/endpoints?sort=name&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200, page.text);
      seen.push(...page.body.items.map((e: { name: string }) => e.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['Orders', 'Straße', 'STRASSE', 'ΟΔΟΣ', 'οδοσ'], 'paged by name one at a time, each twin right after the older one');
    for (const [name, existing] of [['strasse', 'Straße'], ['STRAẞE', 'Straße'], ['Οδος', 'ΟΔΟΣ'], ['orders', 'Orders']]) {
      const dup = await admin('POST', '/v1/endpoints', { body: { name, description: 'again' } });
      assert.deepEqual([dup.status, pointers(dup), dup.body.errors?.[0]?.message], [422, ['/name'], `An endpoint named “${existing}” already exists.`], name);
    }
    const older = (await admin('GET', '/v1/endpoints?sort=name')).body.items.find((e: { name: string }) => e.name === 'Straße');
    assert.equal((await admin('DELETE', `/v1/endpoints/${older.id}`)).status, 204);
    const alone = await admin('POST', '/v1/endpoints', { body: { name: 'strasse', description: 'again' } });
    assert.deepEqual([alone.status, alone.body.errors?.[0]?.message], [422, 'An endpoint named “STRASSE” already exists.'], 'the younger twin, left alone, still holds its name');
  });

  test('migration 6 puts the endpoints stored before it in name order, accented names beside plain ones', async () => {
    const t = await srv.tenant();
    const db = srv.server.db;
    await db.query('DELETE FROM mp_migrations WHERE version = 6');
    await db.query('DROP INDEX endpoints_by_name');
    await db.query('ALTER TABLE endpoints DROP COLUMN sort_key');
    const names = ['Zoë', 'Émile', 'emile', 'Ångström'];
    await db.query(
      `INSERT INTO endpoints (id, tenant_id, name, name_key, description, version, created_at, updated_at, updated_by)
       SELECT gen_random_uuid(), $1, n, k, 'd', 1, now(), now(), 'test' FROM unnest($2::text[], $3::text[]) AS t(n, k)`,
      [t.id, names, names.map(endpointNameKey)],
    );
    assert.deepEqual(await migrate(db), [6]);
    const listed = await t.as('admin')('GET', '/v1/endpoints?sort=name');
    assert.deepEqual(listed.body.items.map((e: { name: string }) => e.name), ['Ångström', 'emile', 'Émile', 'Zoë']);
  });
});
