import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { platformCatalog } from '@memberpulse/integration-schema';
import { describeEachBackend, pointers, startTestServer, type TestServer } from './support/harness.js';

describeEachBackend('endpoints, catalog, identity', (backend) => {
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend);
  });
  after(() => srv.close());

  test('create, read, update the description, delete', async () => {
    const admin = (await srv.tenant()).as('admin');
    const created = await admin('POST', '/v1/endpoints', { body: { name: '  Members feed ', description: 'Daily members' } });
    assert.equal(created.status, 201);
    assert.equal(created.body.name, 'Members feed');
    assert.equal(created.headers.get('location'), `/v1/endpoints/${created.body.id}`);
    const id = created.body.id;
    assert.deepEqual((await admin('GET', `/v1/endpoints/${id}`)).body, created.body);

    const updated = await admin('PATCH', `/v1/endpoints/${id}`, { body: { description: 'Hourly members' }, headers: { 'if-match': '"1"' } });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.description, 'Hourly members');
    assert.equal(updated.body.name, 'Members feed');
    assert.equal((await admin('PATCH', `/v1/endpoints/${id}`, { body: { description: 'x' }, headers: { 'if-match': '"1"' } })).status, 412);

    // The description is stored trimmed, and its 1000-character limit holds for it so.
    const long = 'd'.repeat(1000);
    const padded = await admin('POST', '/v1/endpoints', { body: { name: 'Padded', description: `  ${long}\n` } });
    assert.deepEqual([padded.status, padded.body.description], [201, long], 'surrounding space does not count');
    const over = await admin('POST', '/v1/endpoints', { body: { name: 'Over', description: `${long}d` } });
    assert.deepEqual([over.status, pointers(over), over.body.errors[0].code], [422, ['/description'], 'too_long']);
    const repadded = await admin('PATCH', `/v1/endpoints/${padded.body.id}`, { body: { description: ` ${long.slice(1)}e ` }, headers: { 'if-match': '"1"' } });
    assert.deepEqual([repadded.status, repadded.body.description], [200, `${long.slice(1)}e`], 'on update too');
    assert.equal((await admin('PATCH', `/v1/endpoints/${padded.body.id}`, { body: { description: `${long}d` } })).status, 422);

    const deleted = await admin('DELETE', `/v1/endpoints/${id}`);
    assert.equal(deleted.status, 204);
    assert.equal((await admin('GET', `/v1/endpoints/${id}`)).status, 404);
    assert.equal((await admin('DELETE', `/v1/endpoints/${id}`)).status, 404);
    assert.equal((await admin('GET', '/v1/endpoints/not-a-uuid')).status, 404);
  });

  test('name and description are required; a duplicate name is a field error on /name', async () => {
    const admin = (await srv.tenant()).as('admin');
    const missing = await admin('POST', '/v1/endpoints', { body: {} });
    assert.equal(missing.status, 422);
    assert.deepEqual(pointers(missing).sort(), ['/description', '/name']);
    const blank = await admin('POST', '/v1/endpoints', { body: { name: '   ', description: 'd' } });
    assert.deepEqual(pointers(blank), ['/name']);
    assert.equal(blank.body.errors[0].code, 'required');
    for (const name of ['line\nbreak', 'line\u2028separator', 'paragraph\u2029separator', 'bell\u0007', '\u202Etxt.exe', 'Or\u00ADders', '\u3164']) {
      const hidden = await admin('POST', '/v1/endpoints', { body: { name, description: 'd' } });
      assert.deepEqual([hidden.status, pointers(hidden), hidden.body.errors[0].code], [422, ['/name'], 'invalid_format'], JSON.stringify(name));
    }

    assert.equal((await admin('POST', '/v1/endpoints', { body: { name: 'Orders', description: 'd' } })).status, 201);
    const spaced = await admin('POST', '/v1/endpoints', { body: { name: '  Order   feed ', description: 'd' } });
    assert.equal(spaced.body.name, 'Order feed', 'stored as it reads: repeated space once, none around');
    const cafe = await admin('POST', '/v1/endpoints', { body: { name: 'Cafe\u0301', description: 'decomposed é' } });
    assert.equal(cafe.body.name, 'Café', 'stored composed (NFC)');
    const composedLonger = await admin('POST', '/v1/endpoints', { body: { name: '\u0958'.repeat(80), description: 'd' } });
    assert.deepEqual([composedLonger.status, pointers(composedLonger)], [422, ['/name']], 'the limit holds for the name as stored');
    for (const name of ['Straße', 'ΟΔΟΣ', 'sıkı', 'siki']) assert.equal((await admin('POST', '/v1/endpoints', { body: { name, description: 'd' } })).status, 201, name);
    const taken: Record<string, string> = {
      Orders: 'Orders', orders: 'Orders', ' ORDERS ': 'Orders', 'Order feed': 'Order feed', 'order\u00a0 FEED': 'Order feed', Café: 'Café', 'ｃａｆé': 'Café', 'Orders\uFE0F': 'Orders',
      // Unicode case folding, not lower-casing: ß is ss, a final ς is σ.
      STRASSE: 'Straße', 'STRAẞE': 'Straße', οδοσ: 'ΟΔΟΣ', Οδος: 'ΟΔΟΣ',
    };
    for (const [name, existing] of Object.entries(taken)) {
      const dup = await admin('POST', '/v1/endpoints', { body: { name, description: 'again' } });
      assert.equal(dup.status, 422, name);
      assert.deepEqual(
        dup.body.errors.map((e: { pointer: string; code: string; message: string }) => [e.pointer, e.code, e.message]),
        [['/name', 'duplicate', `An endpoint named “${existing}” already exists.`]],
        'the message names the endpoint as it is stored, not as this request spelled it',
      );
    }
    const racing = await Promise.all(Array.from({ length: 5 }, () => admin('POST', '/v1/endpoints', { body: { name: 'Race', description: 'd' } })));
    assert.deepEqual(racing.map((r) => r.status).sort(), [201, 422, 422, 422, 422]);
    for (const r of racing.filter((x) => x.status === 422)) assert.deepEqual(pointers(r), ['/name']);
  });

  test('any attempt to change the name is a field error on /name', async () => {
    const admin = (await srv.tenant()).as('admin');
    const { body: e } = await admin('POST', '/v1/endpoints', { body: { name: 'Fixed', description: 'd' } });
    for (const body of [{ name: 'Renamed', description: 'd2' }, { name: 'Fixed', description: 'd2' }, { name: 'Renamed' }, { name: 42 }]) {
      const r = await admin('PATCH', `/v1/endpoints/${e.id}`, { body });
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.ok(r.body.errors.some((x: { pointer: string; code: string }) => x.pointer === '/name' && x.code === 'immutable'), JSON.stringify(body));
    }
    const now = await admin('GET', `/v1/endpoints/${e.id}`);
    assert.equal(now.body.name, 'Fixed');
    assert.equal(now.body.description, 'd');
  });

  test('paging and sorting by name and by date', async () => {
    const admin = (await srv.tenant()).as('admin');
    const names = ['delta', 'Alpha', 'charlie', 'Echo', 'bravo', 'foxtrot', 'golf'];
    for (const name of names) assert.equal((await admin('POST', '/v1/endpoints', { body: { name, description: `about ${name}` } })).status, 201);

    const walk = async (sort: string, limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = `/v1/endpoints?sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const r = await admin('GET', q);
        assert.equal(r.status, 200, r.text);
        assert.equal(r.body.total, names.length);
        assert.ok(r.body.items.length <= limit);
        seen.push(...r.body.items.map((i: { name: string }) => i.name));
        cursor = r.body.nextCursor;
        pages++;
      } while (cursor);
      return { seen, pages };
    };
    const byName = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    assert.deepEqual((await walk('name', 3)).seen, byName);
    assert.equal((await walk('name', 3)).pages, 3);
    assert.deepEqual((await walk('-name', 2)).seen, [...byName].reverse());
    assert.deepEqual((await walk('createdAt', 4)).seen, names);
    assert.deepEqual((await walk('-createdAt', 5)).seen, [...names].reverse());

    for (const q of ['sort=size', 'limit=0', 'limit=101', 'limit=abc', 'cursor=garbage', `q=${'n'.repeat(81)}`, 'q=a%00b']) {
      const r = await admin('GET', `/v1/endpoints?${q}`);
      const name = q.split('=')[0]!;
      assert.equal(r.status, 400, q);
      assert.deepEqual(pointers(r), [`/${name}`], q);
      assert.ok(r.body.errors[0].message.startsWith(`“${name}” `), `the message names the parameter: ${r.body.errors[0].message}`);
    }
    const limitCode = async (q: string) => (await admin('GET', `/v1/endpoints?${q}`)).body.errors[0].code;
    assert.deepEqual([await limitCode('limit=0'), await limitCode('limit=101'), await limitCode('limit=abc')], ['too_small', 'too_big', 'invalid_type']);
    const first = await admin('GET', '/v1/endpoints?sort=name&limit=2');
    const wrongSort = await admin('GET', `/v1/endpoints?sort=createdAt&cursor=${first.body.nextCursor}`);
    assert.equal(wrongSort.status, 400, 'a cursor only works with the sort that made it');
    const id = first.body.items[0].id;
    const forged = (s: string, v: string) => Buffer.from(JSON.stringify({ s, v, id })).toString('base64url');
    for (const [sort, v] of [['createdAt', '1'], ['createdAt', '2020-02-30'], ['-createdAt', 'June 2020'], ['createdAt', '+275760-09-13T00:00:00.000Z'], ['createdAt', '0001-01-01T00:00:00+00:01'], ['name', 'a\u0000b']]) {
      const r = await admin('GET', `/v1/endpoints?sort=${sort}&cursor=${forged(sort!, v!)}`);
      assert.deepEqual([r.status, pointers(r)], [400, ['/cursor']], `a forged cursor (${sort} after ${JSON.stringify(v)}) is a bad request, not a server error`);
    }
  });

  test('sorts by name with an accented letter beside the plain one, not after Z, across pages and backwards', async () => {
    const admin = (await srv.tenant()).as('admin');
    const names = ['Zoë feed', 'Émile', 'Nora', 'emile', 'Ñandú', 'Ångström', 'Eve', 'André', 'nandu'];
    for (const name of names) assert.equal((await admin('POST', '/v1/endpoints', { body: { name, description: 'x' } })).status, 201, name);
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r = await admin('GET', `/v1/endpoints?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(r.status, 200, r.text);
        seen.push(...r.body.items.map((i: { name: string }) => i.name));
        cursor = r.body.nextCursor;
      } while (cursor);
      return seen;
    };
    const aToZ = ['André', 'Ångström', 'emile', 'Émile', 'Eve', 'nandu', 'Ñandú', 'Nora', 'Zoë feed'];
    assert.deepEqual(await walk('name'), aToZ);
    assert.deepEqual(await walk('-name'), [...aToZ].reverse());
  });

  test('q finds endpoints by part of the name, compared as names are; total counts them and a cursor keeps the search', async () => {
    const tenant = await srv.tenant();
    const admin = tenant.as('admin');
    const names = ['Orders feed', 'Members', 'ORDER archive', 'Straße sync', 'Back orders', 'Cafe\u0301 bookings'];
    for (const name of names) assert.equal((await admin('POST', '/v1/endpoints', { body: { name, description: 'x' } })).status, 201);
    const found = async (query: string, sort = 'name') => {
      const r = await admin('GET', `/v1/endpoints?sort=${sort}&q=${encodeURIComponent(query)}`);
      assert.equal(r.status, 200, r.text);
      return [r.body.total, ...r.body.items.map((i: { name: string }) => i.name)];
    };
    assert.deepEqual(await found('order'), [3, 'Back orders', 'ORDER archive', 'Orders feed']);
    assert.deepEqual(await found('  order   ARCH'), [1, 'ORDER archive'], 'without case, surrounding or repeated space');
    assert.deepEqual(await found('STRASSE'), [1, 'Straße sync'], 'Unicode’s full case folding');
    assert.deepEqual(await found('café'), [1, 'Café bookings'], 'an accent typed either way');
    assert.deepEqual(await found('invoices'), [0]);
    assert.equal((await found(' '))[0], names.length, 'blank searches nothing');

    const first = await admin('GET', '/v1/endpoints?sort=-createdAt&limit=2&q=order');
    assert.deepEqual([first.body.total, first.body.items.map((i: { name: string }) => i.name)], [3, ['Back orders', 'ORDER archive']]);
    const next = await admin('GET', `/v1/endpoints?sort=-createdAt&limit=2&q=ORDER&cursor=${first.body.nextCursor}`);
    assert.deepEqual([next.body.total, next.body.items.map((i: { name: string }) => i.name), next.body.nextCursor], [3, ['Orders feed'], null], 'the same search, however typed, goes on');
    for (const other of ['', '&q=member']) {
      const r = await admin('GET', `/v1/endpoints?sort=-createdAt&limit=2${other}&cursor=${first.body.nextCursor}`);
      assert.deepEqual([r.status, pointers(r)], [400, ['/cursor']], `a cursor of one search does not page another (${other || 'none'})`);
    }

    for (const [query, code] of [['o'.repeat(81), 'too_long'], ['a\u0000b', 'invalid_format']] as const) {
      const r = await admin('GET', `/v1/endpoints?q=${encodeURIComponent(query)}`);
      assert.deepEqual([r.status, r.body.errors], [400, [{ pointer: '/q', code, message: r.body.errors[0].message }]]);
    }

    // Migration 3 made colliding keys unique with chr(1) and the id: the id is not a name, so not searched.
    const members = (await admin('GET', '/v1/endpoints?q=members')).body.items[0];
    await srv.server.db.query(`UPDATE endpoints SET name_key = name_key || chr(1) || id::text WHERE tenant_id = $1 AND id = $2`, [tenant.id, members.id]);
    assert.deepEqual(await found(members.id.slice(0, 8)), [0]);
    assert.deepEqual(await found('members'), [1, 'Members']);
  });

  test('platform catalog and MemberPulse fields', async () => {
    const viewer = (await srv.tenant()).as('viewer');
    const r = await viewer('GET', '/v1/platforms');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.items, JSON.parse(JSON.stringify(platformCatalog)));
    const fields = await viewer('GET', '/v1/fields');
    assert.ok(fields.body.member.some((f: { key: string }) => f.key === 'email'));
    assert.ok(fields.body.order.length > 0);
  });

  test('/v1/me reports the token’s tenant, subject, role and permissions', async () => {
    const t = await srv.tenant();
    const me = await t.as('viewer')('GET', '/v1/me');
    assert.deepEqual(me.body, { tenantId: t.id, subject: `viewer@${t.id}`, role: 'viewer', permissions: ['settings:read', 'endpoints:read', 'catalog:read'] });
    const bad = await fetch(`${srv.url}/v1/me`, { headers: { authorization: 'Bearer not.a.token' } });
    assert.equal(bad.status, 401);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json');
    assert.equal((await fetch(`${srv.url}/v1/me`)).status, 401);
  });
});
