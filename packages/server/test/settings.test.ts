import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachBackend, enableReadyCrm, pointers, salesforceDoc, startTestServer, type TestServer, type TestTenant } from './support/harness.js';

describeEachBackend('integration settings', (backend) => {
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend);
  });
  after(() => srv.close());

  const fresh = async (): Promise<TestTenant> => srv.tenant();

  test('a save names every bad value at once: a list value over its length beside out-of-range numbers', async () => {
    const admin = (await fresh()).as('admin');
    const r = await admin('PUT', '/v1/settings/crm', {
      body: { platform: 'salesforce', config: { periodicRefreshMinutes: -5, dailyApiAllotment: 5, allowedGroupValues: ['Gold', 'G'.repeat(300)] } },
    });
    assert.equal(r.status, 422, r.text);
    assert.deepEqual(pointers(r).sort(), ['/config/allowedGroupValues/1', '/config/dailyApiAllotment', '/config/periodicRefreshMinutes']);
    const list = r.body.errors.find((e: { pointer: string }) => e.pointer === '/config/allowedGroupValues/1');
    assert.match(list.message, /Allowed group values/, 'worded with the setting’s label, as the rules word it');
  });

  test('a text setting with a space around it is refused on its pointer; one stored before the rule is named on the next save, and kept until then', async () => {
    const tenant = await fresh();
    const admin = tenant.as('admin');
    const doc = salesforceDoc('sfsecret-AAAA-2222');
    const padded = await admin('PUT', '/v1/settings/crm', { body: { ...doc, config: { ...doc.config, consumerKey: 'ck-public-1\n' } } });
    assert.equal(padded.status, 422, padded.text);
    assert.deepEqual(padded.body.errors, [{ pointer: '/config/consumerKey', code: 'invalid_format', message: 'Consumer Key: remove the space before or after it.' }]);
    assert.equal((await admin('GET', '/v1/settings/crm')).status, 404, 'nothing is stored');

    assert.equal((await admin('PUT', '/v1/settings/crm', { body: doc })).status, 201);
    await srv.server.db.query(`UPDATE settings SET config = jsonb_set(config, '{consumerKey}', '" ck-public-1"') WHERE tenant_id = $1`, [tenant.id]);
    const other = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: true } } });
    assert.equal(other.status, 422, other.text);
    assert.deepEqual(pointers(other), ['/config/consumerKey']);
    const [row] = (await srv.server.db.query<{ config: Record<string, unknown>; version: number }>('SELECT config, version FROM settings WHERE tenant_id = $1', [tenant.id])).rows;
    assert.deepEqual([row!.config.consumerKey, row!.config.autoSync, row!.version], [' ck-public-1', undefined, 1], 'the refused save changed nothing');
    const mended = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: true, consumerKey: 'ck-public-1' } } });
    assert.equal(mended.status, 200, mended.text);
  });

  test('a list value with a space around it is refused too, and one stored before the rule is named on the next save', async () => {
    const tenant = await fresh();
    const admin = tenant.as('admin');
    const doc = salesforceDoc('sfsecret-AAAA-3333');
    const padded = await admin('PUT', '/v1/settings/crm', { body: { ...doc, config: { ...doc.config, allowedGroupValues: ['Gold', 'Silver '] } } });
    assert.equal(padded.status, 422, padded.text);
    assert.deepEqual(padded.body.errors, [{ pointer: '/config/allowedGroupValues/1', code: 'invalid_format', message: 'Allowed group values: remove the space before or after it.' }]);
    assert.equal((await admin('GET', '/v1/settings/crm')).status, 404, 'nothing is stored');

    assert.equal((await admin('PUT', '/v1/settings/crm', { body: { ...doc, config: { ...doc.config, allowedGroupValues: ['Gold'] } } })).status, 201);
    await srv.server.db.query(`UPDATE settings SET config = jsonb_set(config, '{allowedGroupValues}', '["Gold", ""]') WHERE tenant_id = $1`, [tenant.id]);
    const other = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: true } } });
    assert.deepEqual([other.status, pointers(other)], [422, ['/config/allowedGroupValues/1']], other.text);
    assert.equal(other.body.errors[0].message, 'Allowed group values: remove the blank value.', 'the blank value said as blank');
    const mended = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: true, allowedGroupValues: ['Gold'] } } });
    assert.equal(mended.status, 200, mended.text);
  });

  test('a text, list or secret setting with an invisible character in it (a pasted zero-width space, a direction mark) is refused on its pointer, worded with its label', async () => {
    const admin = (await fresh()).as('admin');
    const doc = salesforceDoc('sfsecret-AAAA-4444');
    const pasted = await admin('PUT', '/v1/settings/crm', {
      body: { ...doc, config: { ...doc.config, consumerKey: 'ck-public-1\u200B', allowedGroupValues: ['Gold', 'Sil\u202Ever', '👩\u200D💻'] } },
    });
    assert.equal(pasted.status, 422, pasted.text);
    const invisible = 'remove the invisible character in it (a zero-width space or a direction mark, often pasted along).';
    assert.deepEqual(pasted.body.errors, [
      { pointer: '/config/consumerKey', code: 'invalid_format', message: `Consumer Key: ${invisible}` },
      { pointer: '/config/allowedGroupValues/1', code: 'invalid_format', message: `Allowed group values: ${invisible}` },
    ], 'the emoji’s joiner is no such character');
    assert.equal((await admin('GET', '/v1/settings/crm')).status, 404, 'nothing is stored');
    const checked = await admin('POST', '/v1/settings/crm/validate', { body: { ...doc, config: { ...doc.config, consumerKey: '\u2066ck-public-1' } } });
    assert.deepEqual(pointers(checked), ['/config/consumerKey'], 'validate says so too');
    const prefixed = await admin('POST', '/v1/settings/crm/validate', { body: { ...doc, config: { ...doc.config, securityGroupPrefix: 'HL\u200B_', allowedGroupValues: ['Gold\u200B'] } } });
    assert.deepEqual(
      prefixed.body.errors.map((e: { pointer: string; message: string }) => `${e.pointer} ${e.message.split(':')[0]}`),
      ['/config/securityGroupPrefix Security-group field prefix', '/config/allowedGroupValues/0 Allowed group values'],
      'one error for the invisible character, not the format rule it breaks as well',
    );
    assert.equal((await admin('PUT', '/v1/settings/crm', { body: doc })).status, 201);
    const secret = await admin('PATCH', '/v1/settings/crm', { body: { credentials: { consumerSecret: ' sfsecret​-BBBB-5555 ' } } });
    assert.deepEqual(secret.body.errors, [{ pointer: '/credentials/consumerSecret', code: 'invalid_format', message: `Consumer Secret: ${invisible}` }], secret.text);
    for (const pasted of ['\u2060', '\u200C', '\u200D', '\u2028', '\uFE0F']) {
      const alone = await admin('PUT', '/v1/settings/crm/credentials/consumerSecret', { body: { value: `sfsecret-${pasted}CCCC-6666` } });
      assert.deepEqual(pointers(alone), ['/value'], `sent alone, too, at its body's value, a joiner or separator as well (U+${pasted.codePointAt(0)!.toString(16)}): ${alone.text}`);
    }
    assert.equal((await admin('GET', '/v1/settings/crm')).body.credentials.consumerSecret.hint, '4444', 'the stored secret is kept');
  });

  test('a setting value of a type no setting takes is worded by its setting’s rule and label, not by its key, on a PATCH naming no platform too', async () => {
    const admin = (await fresh()).as('admin');
    const put = await admin('PUT', '/v1/settings/crm', { body: { ...salesforceDoc('sfsecret-AAAA-5555'), config: { ...salesforceDoc('x').config, allowedGroupValues: ['Gold', 1] } } });
    assert.deepEqual(put.body.errors, [{ pointer: '/config/allowedGroupValues', code: 'invalid_type', message: 'Allowed group values must be a list of text values.' }], put.text);
    assert.equal((await admin('PUT', '/v1/settings/crm', { body: salesforceDoc('sfsecret-AAAA-5555') })).status, 201);
    const patch = await admin('PATCH', '/v1/settings/crm', { raw: '{"config":{"dailyApiAllotment":1e400}}' });
    assert.deepEqual(patch.body.errors, [{ pointer: '/config/dailyApiAllotment', code: 'invalid_type', message: '24-hour API call allotment must be a number.' }], patch.text);
  });

  test('a setting, list value or secret past the document’s outer limit or of the wrong type is worded by its own rule and label', async () => {
    const admin = (await fresh()).as('admin');
    const doc = salesforceDoc('sfsecret-AAAA-5555');
    const put = await admin('PUT', '/v1/settings/crm', { body: { ...doc, config: { ...doc.config, consumerKey: 'k'.repeat(2001), allowedGroupValues: ['Gold', 'g'.repeat(2001)] }, credentials: { consumerSecret: 5 } } });
    assert.deepEqual(
      put.body.errors.map((e: { pointer: string; message: string }) => `${e.pointer} ${e.message}`),
      [
        '/config/consumerKey Consumer Key must be at most 255 characters.',
        '/config/allowedGroupValues/1 Each value of Allowed group values can be at most 255 characters.',
        '/credentials/consumerSecret Consumer Secret must be text.',
      ],
      put.text,
    );
    const shapes = await admin('PUT', '/v1/settings/crm', { body: { ...doc, config: [], credentials: 'x' } });
    assert.deepEqual(shapes.body.errors.map((e: { message: string }) => e.message), ['“config” must be an object.', '“credentials” must be an object.'], shapes.text);
    const unknown = await admin('PUT', '/v1/settings/crm', { body: { ...doc, config: { ...doc.config, bogus: { a: 1 }, 'a/b': 'x' }, credentials: { bogus: { a: 1 } } } });
    assert.deepEqual(
      unknown.body.errors.map((e: { pointer: string; code: string; message: string }) => `${e.pointer} ${e.code} ${e.message}`),
      ['/config/bogus unknown_field Salesforce has no setting “bogus”.', '/config/a~1b unknown_field Salesforce has no setting “a/b”.', '/credentials/bogus unknown_field Salesforce has no secret “bogus”.'],
      `a key no setting has is unknown whatever its value: ${unknown.text}`,
    );
    assert.equal((await admin('PUT', '/v1/settings/crm', { body: doc })).status, 201, 'nothing stored before');
    const emoji = await admin('PUT', '/v1/settings/crm/credentials/consumerSecret', { body: { value: 'Love❤️2024-👨‍👩‍👧' } });
    assert.equal(emoji.status, 200, `the joiners and variation selectors of emoji a keyboard types are fine in a secret: ${emoji.text}`);
  });

  test('a write that changes nothing keeps the version and the ETag, and adds nothing to the audit trail', async () => {
    const admin = (await fresh()).as('admin');
    const doc = salesforceDoc('sfsecret-AAAA-5555');
    const created = await admin('PUT', '/v1/settings/crm', { body: doc });
    assert.equal(created.status, 201, created.text);
    const trail = async () => (await admin('GET', '/v1/audit-events?limit=100')).body.items.length;
    const before = await trail();
    const writes: Array<[string, string, unknown]> = [
      ['PATCH', '/v1/settings/crm', {}],
      ['PATCH', '/v1/settings/crm', { config: { consumerKey: doc.config.consumerKey } }],
      ['PUT', '/v1/settings/crm', { platform: doc.platform, config: doc.config }],
      ['DELETE', '/v1/settings/crm/credentials/securityToken', undefined],
    ];
    for (const [method, path, body] of writes) {
      const r = await admin(method, path, body === undefined ? {} : { body });
      assert.deepEqual([r.status, r.body.version, r.headers.get('etag')], [200, created.body.version, created.headers.get('etag')], `${method} ${path} ${JSON.stringify(body)}`);
    }
    assert.equal(await trail(), before, 'no event for what changed nothing');
    const changed = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: true } } });
    assert.equal(changed.body.version, created.body.version + 1, 'a real change is a new version');
  });

  test('validate answers every error about what the document says as 200 {errors, warnings}, __proto__ and unstorable text too; only an unreadable body is a problem', async () => {
    const admin = (await fresh()).as('admin');
    const cases: Array<[string, string, Array<[string, string]>]> = [
      ['an unknown field', '{"platform":"salesforce","bogus":1}', [['/bogus', 'unknown_field']]],
      ['a __proto__ key', '{"platform":"salesforce","__proto__":{}}', [['/__proto__', 'unknown_field']]],
      ['a NUL character', '{"platform":"salesforce","config":{"consumerKey":"a\\u0000b"}}', [['/config/consumerKey', 'invalid_format']]],
      ['a lone surrogate in a key', '{"platform":"salesforce","config":{"x\\ud800":"y"}}', [['/config/x\ud800', 'invalid_format']]],
    ];
    for (const [what, raw, expected] of cases) {
      const r = await admin('POST', '/v1/settings/crm/validate', { raw });
      assert.equal(r.status, 200, `${what}: ${r.text}`);
      assert.equal(r.headers.get('content-type'), 'application/json');
      assert.deepEqual(Object.keys(r.body).sort(), ['errors', 'warnings'], what);
      for (const [pointer, code] of expected) {
        assert.ok(r.body.errors.some((e: { pointer: string; code: string }) => e.pointer === pointer && e.code === code), `${what}: ${pointer} ${code} in ${r.text}`);
      }
    }
    for (const [raw, type, status] of [
      ['{"platform":', 'application/json', 400],
      ['[1]', 'application/json', 400],
      [`{"a":${'['.repeat(40)}${']'.repeat(40)}}`, 'application/json', 400],
      ['{"platform":"salesforce"}', 'text/plain', 415],
    ] as const) {
      const r = await admin('POST', '/v1/settings/crm/validate', { raw, headers: { 'content-type': type } });
      assert.equal(r.status, status, r.text);
      assert.equal(r.headers.get('content-type'), 'application/problem+json');
    }
    assert.equal((await admin('POST', '/v1/settings/crm/validate', { raw: 'x'.repeat(300 * 1024) })).status, 413);
    assert.equal((await admin('GET', '/v1/settings/crm')).status, 404, 'validate saves nothing');
  });

  test('settings that count (minutes, API calls) take whole numbers only', async () => {
    const admin = (await fresh()).as('admin');
    const r = await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { consumerKey: 'ck', periodicRefreshMinutes: 5.5, dailyApiAllotment: 1000.25 } } });
    assert.equal(r.status, 422, r.text);
    assert.deepEqual(
      r.body.errors.map((e: { pointer: string; code: string; message: string }) => `${e.pointer} ${e.code} ${e.message}`).sort(),
      ['/config/dailyApiAllotment invalid_type 24-hour API call allotment must be a whole number.', '/config/periodicRefreshMinutes invalid_type Periodic refresh (minutes) must be a whole number.'],
    );
    assert.equal((await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { consumerKey: 'ck', periodicRefreshMinutes: 6, dailyApiAllotment: 1000 } } })).status, 201);
  });

  test('a platform of another category is refused in the categories’ words, by validate and by test-connection alike', async () => {
    const admin = (await fresh()).as('admin');
    const said = (r: { body: { errors?: { pointer: string; code: string; message: string }[] } }) => r.body.errors?.map((e) => `${e.pointer} ${e.code} ${e.message}`);
    const validated = await admin('POST', '/v1/settings/accounting/validate', { body: { platform: 'stripe' } });
    assert.deepEqual(said(validated), ['/platform platform_mismatch Stripe is listed under Payment gateway, not Accounting.']);
    const tested = await admin('POST', '/v1/settings/payment-gateway/test-connection', { body: { platform: 'xero' } });
    assert.deepEqual([tested.status, said(tested)], [422, ['/platform platform_mismatch Xero is listed under Accounting, not Payment gateway.']]);
    const unknown = await admin('POST', '/v1/settings/crm/test-connection', { body: { platform: 'nope' } });
    assert.deepEqual([unknown.status, said(unknown)], [422, ['/platform invalid_option “nope” is not a platform we integrate with.']]);
    const none = await admin('POST', '/v1/settings/crm/test-connection', { body: { platform: null } });
    assert.deepEqual([none.status, said(none)], [422, ['/platform required Choose a platform.']]);
  });

  test('create, read one, read all, replace, merge', async () => {
    const t = await fresh();
    const admin = t.as('admin');
    assert.equal((await admin('GET', '/v1/settings/crm')).status, 404);
    assert.deepEqual((await admin('GET', '/v1/settings')).body, { items: [] });

    const created = await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { consumerKey: 'ck1' } } });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('etag'), '"1"');
    assert.equal(created.body.status, 'draft');
    assert.deepEqual(created.body.config, { consumerKey: 'ck1' });
    assert.equal(created.body.crm.tagDestination, 'multiPicklist');

    const one = await admin('GET', '/v1/settings/crm');
    assert.deepEqual(one.body, created.body);
    assert.equal((await admin('GET', '/v1/settings/crm', { headers: { 'if-none-match': '"1"' } })).status, 304);

    const merged = await admin('PATCH', '/v1/settings/crm', { body: { config: { environment: 'sandbox' }, crm: { supportTicketNotes: true } } });
    assert.equal(merged.status, 200);
    assert.deepEqual(merged.body.config, { consumerKey: 'ck1', environment: 'sandbox' });
    assert.equal(merged.body.crm.supportTicketNotes, true);
    assert.equal(merged.headers.get('etag'), '"2"');

    const removed = await admin('PATCH', '/v1/settings/crm', { body: { config: { environment: null } } });
    assert.deepEqual(removed.body.config, { consumerKey: 'ck1' });

    const replaced = await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { authMode: 'serviceUser', username: 'u@x.org' } } });
    assert.equal(replaced.status, 200);
    assert.deepEqual(replaced.body.config, { authMode: 'serviceUser', username: 'u@x.org' });
    assert.equal(replaced.body.version, 4);

    await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero' } });
    const all = await admin('GET', '/v1/settings');
    assert.deepEqual(all.body.items.map((s: { category: string }) => s.category), ['crm', 'accounting']);
  });

  test('an inbound connector’s turn-up (seed 003): stored with a write-only password, listed after the other categories, nothing to test', async () => {
    const admin = (await fresh()).as('admin');
    await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce' } });
    const selfHosted = { scheme: 'https', host: 'members.example.org', username: 'intouch' };
    const turnUp = { platform: 'intouch', config: { clientId: '4711', clubIds: ['12', '13'], customOptions: ['leadSourceSync=true'], ...selfHosted }, credentials: { password: 'partner-pass-9876' } };
    const created = await admin('PUT', '/v1/settings/inbound', { body: turnUp });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.body.credentials.password, { configured: true, hint: '9876', updatedAt: created.body.credentials.password.updatedAt, updatedBy: created.body.updatedBy });
    assert.ok(!created.text.includes('partner-pass-9876'), 'the password is never read back');
    const partial = await admin('PATCH', '/v1/settings/inbound', { body: { status: 'enabled', config: { host: null, username: null } } });
    assert.deepEqual(
      [partial.status, partial.body.errors?.map((e: { pointer: string; message: string }) => `${e.pointer} ${e.message}`)],
      [422, ['/config/host Host or IP is required: a self-hosted connection needs Scheme, Host or IP, Username and Password together.', '/config/username Username is required: a self-hosted connection needs Scheme, Host or IP, Username and Password together.']],
      'the self-hosted connection comes whole (seed 003: IP, username/password, scheme), a stored password counted',
    );
    const enabled = await admin('PATCH', '/v1/settings/inbound', { body: { status: 'enabled' } });
    assert.equal(enabled.status, 200, enabled.text);
    assert.equal(enabled.body.credentials.password.hint, '9876', 'enabling keeps the password');
    assert.deepEqual((await admin('GET', '/v1/settings')).body.items.map((s: { category: string }) => s.category), ['crm', 'inbound']);
    const repeated = await admin('PUT', '/v1/settings/inbound', { body: { ...turnUp, config: { ...turnUp.config, clubIds: ['7', '07', '12'], customOptions: ['syncStaff=true', 'syncStaff=false'] } } });
    assert.deepEqual(
      [repeated.status, repeated.body.errors?.map((e: { pointer: string; message: string }) => `${e.pointer} ${e.message}`)],
      [422, ['/config/clubIds/1 Club IDs: the same club as “7”.', '/config/customOptions/1 Custom options: the same option as “syncStaff=true”: give each option once.']],
      'one club in other digits, one option given twice',
    );
    const badClub = await admin('PUT', '/v1/settings/inbound', { body: { ...turnUp, config: { ...turnUp.config, clubIds: ['12', 'club 13'] } } });
    assert.equal(badClub.status, 422);
    assert.deepEqual(pointers(badClub), ['/config/clubIds/1']);
    const many = await admin('POST', '/v1/settings/inbound/validate', { body: { ...turnUp, config: { ...turnUp.config, clubIds: ['101', '107\u200B', 'abc', 'def', '101', ' 9'] } } });
    assert.deepEqual(
      many.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`).sort(),
      ['/config/clubIds/1 invalid_format', '/config/clubIds/2 invalid_format', '/config/clubIds/3 invalid_format', '/config/clubIds/4 duplicate', '/config/clubIds/5 invalid_format'],
      `every bad line at once, each on its own pointer, the invisible character alone on its line: ${many.text}`,
    );
    assert.match(many.body.errors.find((e: { pointer: string }) => e.pointer === '/config/clubIds/1').message, /invisible character/);
    assert.match(many.body.errors.find((e: { pointer: string }) => e.pointer === '/config/clubIds/5').message, /remove the space/);
    const tested = await admin('POST', '/v1/settings/inbound/test-connection');
    assert.equal(tested.status, 422);
    assert.match(tested.body.errors[0].message, /calls MemberPulse; there is no connection to test/);
  });

  test('a draft may be incomplete; enabling runs every business rule', async () => {
    const t = await fresh();
    const admin = t.as('admin');
    assert.equal((await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce' } })).status, 201);

    const refused = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled' } });
    assert.equal(refused.status, 422);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(pointers(refused).sort(), ['/config/consumerKey', '/credentials/consumerSecret']);
    assert.equal((await admin('GET', '/v1/settings/crm')).body.version, 1, 'a refused enable changes nothing');

    // A draft is still checked for what it has: a wrong value is an error even in a draft.
    const bad = await admin('PATCH', '/v1/settings/crm', { body: { config: { environment: 'moon' } } });
    assert.equal(bad.status, 422);
    assert.deepEqual(pointers(bad), ['/config/environment']);
    // Mapping before credentials exist is refused too, pointing first at what the connection lacks.
    const early = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberObject: 'Contact' } } });
    assert.deepEqual(pointers(early), ['/config/consumerKey', '/credentials/consumerSecret', '/crm/memberObject']);

    const connected = await admin('PATCH', '/v1/settings/crm', { body: { ...salesforceDoc('sfsecret-AAAA-0000'), status: 'enabled' } });
    for (const p of ['/crm/memberObject', '/crm/eventTagField', '/crm/memberMappings']) assert.ok(pointers(connected).includes(p), p);
    const enabled = await admin('PUT', '/v1/settings/crm', { body: { ...salesforceDoc('sfsecret-AAAA-1111'), status: 'enabled', crm: enableReadyCrm } });
    assert.equal(enabled.status, 200, enabled.text);
    assert.equal(enabled.body.status, 'enabled');

    const validate = await admin('POST', '/v1/settings/payment-gateway/validate?mode=enable', { body: { platform: 'stripe' } });
    assert.equal(validate.status, 200);
    assert.ok(validate.body.errors.length > 0);
    assert.equal((await admin('GET', '/v1/settings/payment-gateway')).status, 404, 'validate saves nothing');

    const payment = await admin('PUT', '/v1/settings/payment-gateway', { body: {} });
    assert.deepEqual(pointers(payment), ['/platform'], 'a payment gateway needs its platform even as a draft');
    const mismatch = await admin('PUT', '/v1/settings/accounting', { body: { platform: 'salesforce' } });
    assert.deepEqual(pointers(mismatch), ['/platform']);
    const noPlatform = await admin('PUT', '/v1/settings/accounting', { body: { config: { clientId: 'x' } } });
    assert.deepEqual(pointers(noPlatform), ['/config/clientId']);
  });

  test('credentials are write-only: hint, replace one without the others, explicit clear', async () => {
    const t = await fresh();
    const admin = t.as('admin');
    const doc = {
      platform: 'salesforce',
      config: { authMode: 'serviceUser', username: 'svc@org.example' },
      credentials: { password: 'pw-first-value-9876', securityToken: 'tok-first-value-5555' },
    };
    const created = await admin('PUT', '/v1/settings/crm', { body: doc });
    assert.equal(created.status, 201);
    assert.deepEqual(Object.keys(created.body.credentials).sort(), ['password', 'securityToken']);
    assert.equal(created.body.credentials.password.configured, true);
    assert.equal(created.body.credentials.password.hint, '9876');
    assert.ok(!created.text.includes('pw-first-value') && !created.text.includes('tok-first-value'));

    const tokenBefore = created.body.credentials.securityToken;
    const replaced = await admin('PATCH', '/v1/settings/crm', { body: { credentials: { password: 'pw-second-value-1212' } } });
    assert.equal(replaced.body.credentials.password.hint, '1212');
    assert.deepEqual(replaced.body.credentials.securityToken, tokenBefore, 'the other secret is kept untouched');

    const viaRoute = await admin('PUT', '/v1/settings/crm/credentials/securityToken', { body: { value: 'tok-third-value-3434' } });
    assert.equal(viaRoute.status, 200);
    assert.equal(viaRoute.body.credentials.securityToken.hint, '3434');
    assert.equal(viaRoute.body.credentials.password.hint, '1212');

    // A PUT without credentials keeps them (absent key keeps it).
    const putKeeps = await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: doc.config } });
    assert.deepEqual(Object.keys(putKeeps.body.credentials).sort(), ['password', 'securityToken']);

    const cleared = await admin('PATCH', '/v1/settings/crm', { body: { credentials: { password: null } } });
    assert.deepEqual(Object.keys(cleared.body.credentials), ['securityToken']);
    const clearedRoute = await admin('DELETE', '/v1/settings/crm/credentials/securityToken');
    assert.equal(clearedRoute.status, 200);
    assert.deepEqual(clearedRoute.body.credentials, {});

    const shortOne = await admin('PUT', '/v1/settings/crm/credentials/password', { body: { value: 'short' } });
    assert.equal(shortOne.body.credentials.password.hint, null, 'short secrets get no hint');
    assert.equal((await admin('PUT', '/v1/settings/crm/credentials/username', { body: { value: 'x' } })).status, 404, 'not a secret of this platform');
    for (const body of [{}, { value: '' }]) {
      const empty = await admin('PUT', '/v1/settings/crm/credentials/password', { body });
      assert.equal(empty.status, 422);
      assert.deepEqual(pointers(empty), ['/value']);
      assert.equal(empty.body.errors[0].message, 'Service password is required.', 'named by the secret’s label, not as “value”');
    }

    const xero = { platform: 'xero', status: 'enabled', config: { clientId: 'xero-client' }, credentials: { clientSecret: 'xero-secret-value-4321' } };
    assert.equal((await admin('PUT', '/v1/settings/accounting', { body: xero })).status, 201);
    const refused = await admin('DELETE', '/v1/settings/accounting/credentials/clientSecret');
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.errors, [
      { pointer: '', code: 'required', message: 'Client Secret cannot be cleared while these settings are enabled: replace it instead, or save them as a draft first.' },
    ], 'no body to point into, and the reason given');
    assert.equal(refused.body.detail, `The document: ${refused.body.errors[0].message}`, 'the detail says the same');
    assert.equal((await admin('GET', '/v1/settings/accounting')).body.credentials.clientSecret.hint, '4321', 'the secret kept');
    // A draft whose CRM choices need the connection keeps its secret too (the draft rule), and says that, not "enabled".
    const crmDraft = { ...doc, config: { authMode: 'connectedApp', consumerKey: 'ck' }, credentials: { consumerSecret: 'crm-secret-value-7777' } };
    const other = (await fresh()).as('admin');
    assert.equal((await other('PUT', '/v1/settings/crm', { body: { ...crmDraft, crm: { memberObject: 'Contact' } } })).status, 201);
    const draftRefused = await other('DELETE', '/v1/settings/crm/credentials/consumerSecret');
    assert.equal(draftRefused.status, 422, draftRefused.text);
    assert.deepEqual(draftRefused.body.errors, [
      { pointer: '', code: 'required', message: 'Consumer Secret cannot be cleared while CRM choices need the connection (member object): replace it instead, or remove those choices first.' },
    ], 'the draft rule that refuses it, on the request as a whole');
    assert.equal((await other('GET', '/v1/settings/crm')).body.credentials.consumerSecret.hint, '7777', 'the secret kept');
    const enabledCrm = await other('PUT', '/v1/settings/crm', { body: { ...crmDraft, status: 'enabled', crm: enableReadyCrm } });
    assert.equal(enabledCrm.status, 200, enabledCrm.text);
    const enabledRefused = await other('DELETE', '/v1/settings/crm/credentials/consumerSecret');
    assert.deepEqual(enabledRefused.body.errors, [
      {
        pointer: '',
        code: 'required',
        message: 'Consumer Secret cannot be cleared while these settings are enabled and CRM choices need the connection (member object, member field mappings, event tag field): replace it instead, or save them as a draft without those choices first.',
      },
    ], 'enabled with CRM choices: a draft alone would not do');
    assert.equal((await other('PUT', '/v1/settings/crm', { body: { ...crmDraft, credentials: {} } })).status, 200, 'a draft without CRM choices');
    assert.equal((await other('DELETE', '/v1/settings/crm/credentials/consumerSecret')).status, 200, 'may lose its secret');
    const badValue = await admin('PUT', '/v1/settings/payment-gateway', { body: { platform: 'stripe' } });
    assert.equal(badValue.status, 201);
    const wrongFormat = await admin('PUT', '/v1/settings/payment-gateway/credentials/secretKey', { body: { value: 'nope' } });
    assert.deepEqual([wrongFormat.status, pointers(wrongFormat)], [422, ['/value']]);
    assert.match(wrongFormat.body.detail, /^\/value: /, 'the detail points where the errors do');

    const liveSecret = await admin('PUT', '/v1/settings/payment-gateway/credentials/secretKey', { body: { value: 'sk_live_abc123' } });
    assert.deepEqual([liveSecret.status, liveSecret.body.errors?.[0]?.message], [422, 'Secret key is a live-mode key, but Mode is Test.'], 'a key of the other mode is refused');
    assert.equal((await admin('GET', '/v1/settings/payment-gateway')).body.credentials.secretKey, undefined, 'and not stored');
    assert.equal((await admin('PUT', '/v1/settings/payment-gateway/credentials/secretKey', { body: { value: 'sk_test_abc123' } })).status, 200);
    const pastedSecret = await admin('PATCH', '/v1/settings/payment-gateway', { body: { config: { publishableKey: 'sk_live_oops' } } });
    assert.deepEqual(
      [pastedSecret.status, pastedSecret.body.errors?.map((e: { pointer: string; message: string }) => `${e.pointer} ${e.message}`)],
      [422, ['/config/publishableKey Publishable key: starts with pk_test_ or pk_live_.']],
      'a secret key pasted as the publishable one breaks its format rule, and that is all that is said: its prefix gives no mode',
    );
    const liveOnly = await admin('PATCH', '/v1/settings/payment-gateway', { body: { config: { mode: 'live', publishableKey: 'pk_live_abc' } } });
    assert.deepEqual([liveOnly.status, liveOnly.body.errors?.map((e: { pointer: string; message: string }) => `${e.pointer} ${e.message}`)], [422, ['/credentials/secretKey Enter the live-mode secret key: the stored one is for test mode.']], 'Mode cannot change under a stored key of the old mode');
    const live = await admin('PATCH', '/v1/settings/payment-gateway', { body: { config: { mode: 'live', publishableKey: 'pk_live_abc' }, credentials: { secretKey: 'sk_live_abc123' } } });
    assert.equal(live.status, 200, 'with the key of the new mode it can');
    assert.equal((await admin('PUT', '/v1/settings/payment-gateway/credentials/webhookSecret', { body: { value: 'whsec_live1' } })).status, 200);
    const keyOnly = await admin('PATCH', '/v1/settings/payment-gateway', { body: { config: { mode: 'test', publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_abc123' } } });
    assert.deepEqual(
      [keyOnly.status, keyOnly.body.errors?.map((e: { pointer: string; message: string }) => `${e.pointer} ${e.message}`)],
      [422, ['/credentials/webhookSecret Enter the test-mode webhook signing secret: the stored one is for live mode.']],
      'the webhook endpoint of the other mode signs with its own secret: asked for too',
    );
    const both = await admin('PATCH', '/v1/settings/payment-gateway', { body: { config: { mode: 'test', publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_abc123', webhookSecret: 'whsec_test1' } } });
    assert.equal(both.status, 200, both.text);

    const switched = await admin('PATCH', '/v1/settings/crm', { body: { platform: 'hubspot' } });
    assert.deepEqual(switched.body.credentials, {}, 'changing the platform clears the old credentials');
    assert.deepEqual(switched.body.config, {});

    const actions = (await admin('GET', '/v1/audit-events?limit=100')).body.items.map((e: { action: string }) => e.action);
    assert.equal(actions.filter((a: string) => a === 'credential.write').length, 11);
    assert.equal(actions.filter((a: string) => a === 'credential.clear').length, 3);
  });

  test('archive and restore; archived records refuse writes', async () => {
    const t = await fresh();
    const admin = t.as('admin');
    await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: 'cid' } } });
    const archived = await admin('POST', '/v1/settings/accounting/archive');
    assert.equal(archived.status, 200);
    assert.equal(archived.body.status, 'archived');
    const refused = await admin('PATCH', '/v1/settings/accounting', { body: { config: { clientId: 'other' } } });
    assert.equal(refused.status, 422);
    assert.deepEqual(pointers(refused), ['/status']);
    const restored = await admin('POST', '/v1/settings/accounting/restore');
    assert.equal(restored.body.status, 'draft');
    assert.deepEqual(restored.body.config, { clientId: 'cid' });
    const enabled = await admin('PUT', '/v1/settings/payment-gateway', {
      body: { platform: 'stripe', status: 'enabled', config: { publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_abcdefghijkl', webhookSecret: 'whsec_abcdefghijk' } },
    });
    const notArchived = await admin('POST', '/v1/settings/payment-gateway/restore');
    assert.deepEqual(
      [notArchived.status, notArchived.body.status, notArchived.body.version, notArchived.headers.get('etag')],
      [200, 'enabled', enabled.body.version, enabled.headers.get('etag')],
      'restoring a record that is not archived changes nothing and answers it as it stands',
    );
    assert.equal((await admin('POST', '/v1/settings/crm/archive')).status, 404);
    assert.equal((await admin('GET', '/v1/settings/nonsense')).status, 404);
  });

  test('ETag / If-Match: a stale write answers 412 and changes nothing', async () => {
    const t = await fresh();
    const admin = t.as('admin');
    const v1 = await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: 'one' } } });
    const tag = v1.headers.get('etag')!;
    const v2 = await admin('PATCH', '/v1/settings/accounting', { body: { config: { clientId: 'two' } }, headers: { 'if-match': tag } });
    assert.equal(v2.status, 200);
    const stale = await admin('PATCH', '/v1/settings/accounting', { body: { config: { clientId: 'three' } }, headers: { 'if-match': tag } });
    assert.equal(stale.status, 412);
    assert.equal(stale.headers.get('content-type'), 'application/problem+json');
    assert.equal(stale.headers.get('etag'), '"2"');
    for (const [method, path] of [['POST', '/v1/settings/accounting/archive'], ['PUT', '/v1/settings/accounting']] as const) {
      const r = await admin(method, path, { body: method === 'PUT' ? { platform: 'xero' } : undefined, headers: { 'if-match': tag } });
      assert.equal(r.status, 412, path);
    }
    const now = await admin('GET', '/v1/settings/accounting');
    assert.equal(now.body.config.clientId, 'two');
    assert.equal(now.body.version, 2);
    const createOnly = await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero' }, headers: { 'if-none-match': '*' } });
    assert.equal(createOnly.status, 412);
  });

  test('Idempotency-Key: a retried write is applied once; reuse for another request is 409', async () => {
    const t = await fresh();
    const admin = t.as('admin');
    const key = { 'idempotency-key': 'create-endpoint-1' };
    const first = await admin('POST', '/v1/endpoints', { body: { name: 'Orders', description: 'Order feed' }, headers: key });
    const again = await admin('POST', '/v1/endpoints', { body: { name: 'Orders', description: 'Order feed' }, headers: key });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal((await admin('GET', '/v1/endpoints')).body.total, 1);
    const other = await admin('POST', '/v1/endpoints', { body: { name: 'Other', description: 'x' }, headers: key });
    assert.equal(other.status, 409);

    const settingsKey = { 'idempotency-key': 'patch-1' };
    await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero' } });
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => admin('PATCH', '/v1/settings/accounting', { body: { config: { clientId: 'abc' } }, headers: settingsKey })),
    );
    assert.deepEqual(new Set(replies.map((r) => r.status)), new Set([200]));
    assert.equal((await admin('GET', '/v1/settings/accounting')).body.version, 2, 'four concurrent retries applied once');
    // As the SDK sends them: each attempt with the If-Match it read, so a retry must not meet its own first write.
    const guarded = { 'idempotency-key': 'patch-2', 'if-match': '"2"' };
    const retries = await Promise.all(Array.from({ length: 3 }, () => admin('PATCH', '/v1/settings/accounting', { body: { config: { clientId: 'def' } }, headers: guarded })));
    assert.deepEqual(retries.map((r) => r.status), [200, 200, 200], 'not 412 for the retries');
    assert.equal(retries.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 2, 'two of them replayed');
    const createKey = { 'idempotency-key': 'create-endpoint-2' };
    const creates = await Promise.all(Array.from({ length: 2 }, () => admin('POST', '/v1/endpoints', { body: { name: 'Refunds', description: 'd' }, headers: createKey })));
    assert.deepEqual(creates.map((r) => r.status), [201, 201], 'not “already exists” for the retry');
    assert.equal(creates[0]!.body.id, creates[1]!.body.id, 'one endpoint');
    const otherTenant = await srv.tenant();
    const theirs = await otherTenant.as('admin')('POST', '/v1/endpoints', { body: { name: 'Other', description: 'x' }, headers: key });
    assert.equal(theirs.status, 201, 'keys are per tenant');
    assert.equal((await admin('POST', '/v1/endpoints', { body: { name: 'Z', description: 'z' }, headers: { 'idempotency-key': 'bad key with spaces' } })).status, 400);
  });

  test('concurrent writers with If-Match: no lost update', async () => {
    const t = await fresh();
    const admin = t.as('admin');
    await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', config: { allowedGroupValues: [] } } });
    const writers = 8;
    const perWriter = 5;
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; ) {
          const cur = await admin('GET', '/v1/settings/crm');
          const values = [...cur.body.config.allowedGroupValues, `w${w}-${i}`];
          const r = await admin('PATCH', '/v1/settings/crm', { body: { config: { allowedGroupValues: values } }, headers: { 'if-match': cur.headers.get('etag')! } });
          if (r.status === 200) i++;
          else {
            assert.equal(r.status, 412, r.text);
            conflicts++;
          }
        }
      }),
    );
    const final = await admin('GET', '/v1/settings/crm');
    assert.equal(final.body.config.allowedGroupValues.length, writers * perWriter, 'every acknowledged append is present');
    assert.equal(new Set(final.body.config.allowedGroupValues).size, writers * perWriter);
    assert.equal(final.body.version, 1 + writers * perWriter);
    assert.ok(conflicts >= 0);
  });

  test('racing first writes of one record: one creates, the rest replace, none fails', async () => {
    const t = await fresh();
    const admin = t.as('admin');
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: `c${i}` } } })));
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 201]);
    assert.equal((await admin('GET', '/v1/settings/accounting')).body.version, 6);
  });
});
