// Enabling a draft CRM record judges its mappings against the CRM even when the server holds no describe of
// the objects it names: they are described first, so a record cannot start syncing onto fields, or an object,
// the CRM does not have.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { contactField as field } from '../../schema/test/fixtures.js';
import { PlatformError, type PlatformConnection } from '../src/index.js';
import { describeEachBackend, enableReadyCrm, errorsOf, salesforceDoc, startTestServer, type Client, type Reply, type TestServer } from './support/harness.js';
import { recordingGateway } from './support/recording-gateway.js';

const orderFields = [field('Name', 'string'), field('Ordered_On__c', 'date'), field('Amount__c', 'currency')];
const orders = {
  orderObject: 'Order__c',
  orderMappings: [
    { source: 'orderNumber', target: 'Name', policy: 'always' },
    { source: 'orderDate', target: 'Ordered_On__c', policy: 'always' },
    { source: 'total', target: 'Amount__c', policy: 'always' },
  ],
};
const leadFields = [field('Email', 'email'), field('FirstName', 'string'), field('LastName', 'string'), field('MP_Tags__c', 'multipicklist', { picklistValues: [] }), field('HasOptedOutOfEmail', 'boolean', { nillable: false }), field('IsConverted', 'boolean', { nillable: false, createable: false, updateable: false })];
/** A related tag object as the connector writes one: a lookup to the member (Lead) and a tag field. */
const leadTagFields = [field('Lead__c', 'reference', { referenceTo: ['Lead'] }), field('Tag__c', 'string', { custom: true })];
/** A secret the CRM refuses. */
const REFUSED = 'refused-secret-0000';
const bogus = [
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'Bogus1__c', policy: 'always' },
  { source: 'lastName', target: 'Bogus2__c', policy: 'always' },
];

describeEachBackend('enabling describes what it names', (backend) => {
  let unreachable = false;
  /** While set, describes wait for it (to hold one in flight while another request arrives). */
  let gate: Promise<void> | null = null;
  const described: string[] = [];
  const gateway = recordingGateway({
    async describeObject(conn: PlatformConnection, name: string) {
      described.push(name);
      if (gate) await gate;
      if (unreachable) throw new PlatformError('unreachable', 'The platform could not be reached.');
      if (conn.secrets.consumerSecret === REFUSED) throw new PlatformError('auth', 'The CRM refused the credentials.');
      if (name === 'Order__c') return structuredClone(orderFields);
      if (name === 'Lead_Tag__c') return structuredClone(leadTagFields);
      if (name === 'Plain__c') return [field('Name', 'string')];
      if (name !== 'Lead') throw new PlatformError('not_found', 'The platform has no such object.');
      return structuredClone(leadFields);
    },
  });
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend, { gateway });
    // Counts each statement that stores a settings record's drift, per tenant.
    await srv.server.db.query('CREATE TABLE drift_stores (tenant_id text NOT NULL)');
    await srv.server.db.query(`CREATE FUNCTION count_drift_store() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO drift_stores VALUES (NEW.tenant_id); RETURN NEW; END $$`);
    await srv.server.db.query('CREATE TRIGGER count_drift_store AFTER UPDATE OF drift ON settings FOR EACH ROW EXECUTE FUNCTION count_drift_store()');
  });
  after(() => srv.close());
  const driftStores = async (tenant: string) =>
    (await srv.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM drift_stores WHERE tenant_id = $1', [tenant])).rows[0]!.n;

  /** A tenant with a connected draft naming Lead, whose fields nobody has read yet. */
  async function draft(): Promise<Client> {
    const admin = (await srv.tenant()).as('admin');
    const saved = await admin('PUT', '/v1/settings/crm', { body: { ...salesforceDoc('crm-secret-value-4242'), crm: { ...enableReadyCrm, memberObject: 'Lead', memberMappings: bogus } } });
    assert.equal(saved.status, 201, saved.text);
    assert.equal(saved.body.status, 'draft');
    return admin;
  }

  test('enabling reads the member object’s fields first and refuses mappings onto fields the CRM lacks', async () => {
    const admin = await draft();
    described.length = 0;
    const enabled = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled' } });
    assert.equal(enabled.status, 422, enabled.text);
    assert.deepEqual(errorsOf(enabled), ['/crm/memberMappings/1/target unknown_target', '/crm/memberMappings/2/target unknown_target']);
    assert.deepEqual(described, ['Lead'], 'described once, for the write');
    const stored = (await admin('GET', '/v1/settings/crm')).body;
    assert.equal(stored.status, 'draft', 'still a draft');
    assert.deepEqual(
      stored.drift.map((d: { pointer: string; kind: string }) => `${d.pointer} ${d.kind}`),
      ['/crm/memberMappings/1/target missing', '/crm/memberMappings/2/target missing'],
      'the describe judged the stored record’s drift',
    );

    const check = await admin('POST', '/v1/settings/crm/validate?mode=enable', { body: { ...salesforceDoc('crm-secret-value-4242'), crm: { ...enableReadyCrm, memberObject: 'Lead', memberMappings: bogus } } });
    assert.deepEqual(errorsOf(check).filter((e: string) => e.includes('memberMappings')), ['/crm/memberMappings/1/target unknown_target', '/crm/memberMappings/2/target unknown_target'], 'validate says the same');
    assert.deepEqual(described, ['Lead'], 'from the describe now held');

    const fixed = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', crm: { memberMappings: enableReadyCrm.memberMappings } } });
    assert.equal(fixed.status, 200, fixed.text);
  });

  test('the email opt-out field must be one MemberPulse can write, and no two settings may name the same field', async () => {
    const admin = await draft();
    const fixed = { crm: { memberMappings: enableReadyCrm.memberMappings } };
    const readOnly = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', ...fixed, config: { emailOptOutField: 'IsConverted' } } });
    assert.deepEqual([readOnly.status, errorsOf(readOnly)], [422, ['/config/emailOptOutField not_writable']], readOnly.text);
    assert.match(readOnly.body.errors[0].message, /^Email opt-out field: IsConverted is read-only in the CRM, and MemberPulse writes into it\./);
    const same = await admin('PATCH', '/v1/settings/crm', { body: { config: { activeFlagField: 'HasOptedOutOfEmail' } } });
    assert.deepEqual([same.status, errorsOf(same)], [422, ['/config/activeFlagField duplicate_target', '/config/emailOptOutField duplicate_target']], `a draft too, the default opt-out field counted: ${same.text}`);
    const enabled = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', ...fixed } });
    assert.equal(enabled.status, 200, enabled.text);
  });

  test('tags go to a related object only with a lookup to the member and a tag field, described first when enabling; to campaigns only from Contact or Lead', async () => {
    const admin = await draft();
    const crm = { ...enableReadyCrm, memberObject: 'Lead', tagDestination: 'relatedObject' };
    const drafted = await admin('PATCH', '/v1/settings/crm', { body: { crm: { ...crm, tagObject: 'Plain__c' } } });
    assert.equal(drafted.status, 200, `a draft naming an object not described yet is taken: ${drafted.text}`);
    described.length = 0;
    const enabled = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled' } });
    assert.deepEqual([enabled.status, errorsOf(enabled)], [422, ['/crm/tagObject invalid']], enabled.text);
    assert.match(enabled.body.errors[0].message, /Plain__c cannot take tags: it needs a lookup to Lead and a tag field such as Tag__c\./);
    assert.deepEqual(described, ['Lead', 'Plain__c'], 'the tag object described before the rules ran');
    const fixed = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', crm: { tagObject: 'Lead_Tag__c' } } });
    assert.equal(fixed.status, 200, fixed.text);

    const campaign = await admin('PATCH', '/v1/settings/crm', { body: { status: 'draft', crm: { memberObject: 'Member__c', memberMappings: [], tagDestination: 'campaignMembership', tagObject: null } } });
    assert.deepEqual([campaign.status, errorsOf(campaign)], [422, ['/crm/tagDestination invalid']], campaign.text);
    assert.match(campaign.body.errors[0].message, /Campaign membership works with Contact or Lead members only, not Member__c/);
    const lead = await admin('PATCH', '/v1/settings/crm', { body: { crm: { tagDestination: 'campaignMembership', tagObject: null } } });
    assert.equal(lead.status, 200, `Lead members join campaigns: ${lead.text}`);
  });

  test('describing the member and order objects first, an enabling check or write judges the record’s drift once', async () => {
    const bogusOrders = { ...orders, orderMappings: orders.orderMappings.map((m) => ({ ...m, target: `Bogus_${m.target}` })) };
    const drafted = async () => {
      const t = await srv.tenant();
      const crm = { ...enableReadyCrm, ...bogusOrders, memberObject: 'Lead', memberMappings: bogus };
      assert.equal((await t.as('admin')('PUT', '/v1/settings/crm', { body: { ...salesforceDoc('crm-secret-value-4242'), crm } })).status, 201);
      return { t, admin: t.as('admin'), crm, stores: await driftStores(t.id) };
    };
    const fixed = { memberMappings: enableReadyCrm.memberMappings, orderMappings: orders.orderMappings };

    const checked = await drafted();
    described.length = 0;
    const check = await checked.admin('POST', '/v1/settings/crm/validate?mode=enable', { body: { ...salesforceDoc('crm-secret-value-4242'), crm: { ...checked.crm, ...fixed } } });
    assert.deepEqual([check.status, errorsOf(check)], [200, []], check.text);
    assert.deepEqual(described, ['Lead', 'Order__c']);
    assert.equal(await driftStores(checked.t.id), checked.stores + 1, 'the stored record’s drift, judged once for both describes');
    assert.equal((await checked.admin('GET', '/v1/settings/crm')).body.drift.length, 5, 'naming each bogus mapping');

    const written = await drafted();
    const enabled = await written.admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', crm: fixed } });
    assert.equal(enabled.status, 200, enabled.text);
    assert.deepEqual(enabled.body.drift, []);
    assert.equal(await driftStores(written.t.id), written.stores + 1, 'the enabling write’s own drift alone');
  });

  test('a member object the CRM does not have refuses enabling, on where the record names it', async () => {
    const admin = await draft();
    const renamed = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberObject: 'Member__c', memberMappings: enableReadyCrm.memberMappings } } });
    assert.equal(renamed.status, 200, renamed.text);
    const enabled = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled' } });
    assert.equal(enabled.status, 422, enabled.text);
    assert.deepEqual(errorsOf(enabled), ['/crm/memberObject unknown_target']);
    assert.match(enabled.body.errors[0].message, /Member__c does not exist in the CRM/);
    const check = await admin('POST', '/v1/settings/crm/validate?mode=enable', { body: { ...salesforceDoc('crm-secret-value-4242'), crm: { ...enableReadyCrm, memberObject: 'Member__c' } } });
    assert.equal(check.status, 200, check.text);
    assert.ok(errorsOf(check).includes('/crm/memberObject unknown_target'), `validate says so too: ${check.text}`);
  });

  test('a write that points an enabled record at another member object describes it first: one the CRM lacks, or whose fields the mappings miss, is refused', async () => {
    const admin = await draft();
    const enabled = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', crm: { ...enableReadyCrm, memberObject: 'Lead' } } });
    assert.equal(enabled.status, 200, enabled.text);
    described.length = 0;
    const missing = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberObject: 'Member__c' } } });
    assert.equal(missing.status, 422, missing.text);
    assert.deepEqual(errorsOf(missing), ['/crm/memberObject unknown_target']);
    const plain = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberObject: 'Plain__c' } } });
    assert.equal(plain.status, 422, plain.text);
    assert.ok(errorsOf(plain).includes('/crm/memberMappings/0/target unknown_target'), `the mappings judged against its fields: ${plain.text}`);
    assert.deepEqual(described, ['Member__c', 'Plain__c']);
    const stored = (await admin('GET', '/v1/settings/crm')).body;
    assert.deepEqual([stored.status, stored.crm.memberObject], ['enabled', 'Lead'], 'the running record as it was');
    const unrelated = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: true } } });
    assert.equal(unrelated.status, 200, unrelated.text);
    assert.deepEqual(described, ['Member__c', 'Plain__c'], 'a write that keeps the CRM choices describes nothing');
  });

  test('a draft saved without its secret is enabled with it in one write: described with that secret, not refused for the one stored', async () => {
    const admin = (await srv.tenant()).as('admin');
    const { platform, config, credentials } = salesforceDoc('new-secret-value-77');
    assert.equal((await admin('PUT', '/v1/settings/crm', { body: { platform, config } })).status, 201);
    const check = await admin('POST', '/v1/settings/crm/validate?mode=enable', { body: { platform, config, credentials, crm: { ...enableReadyCrm, memberObject: 'Lead', memberMappings: bogus } } });
    assert.equal(check.status, 200, `validate answers its errors, not a problem: ${check.text}`);
    assert.deepEqual(errorsOf(check).filter((e: string) => e.includes('memberMappings')), ['/crm/memberMappings/1/target unknown_target', '/crm/memberMappings/2/target unknown_target']);
    assert.equal(gateway.calls.at(-1)?.secrets.consumerSecret, 'new-secret-value-77', 'described with the secret the write sets');
    const enabled = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', credentials, crm: { ...enableReadyCrm, memberObject: 'Lead' } } });
    assert.equal(enabled.status, 200, enabled.text);
    assert.equal(enabled.body.status, 'enabled');
  });

  test('an editor enabling with a secret is refused as such (403), and checking it so describes nothing', async () => {
    const t = await srv.tenant();
    const { platform, config, credentials } = salesforceDoc('new-secret-value-78');
    assert.equal((await t.as('admin')('PUT', '/v1/settings/crm', { body: { platform, config } })).status, 201);
    described.length = 0;
    const enabled = await t.as('editor')('PATCH', '/v1/settings/crm', { body: { status: 'enabled', credentials, crm: { ...enableReadyCrm, memberObject: 'Lead' } } });
    assert.equal(enabled.status, 403, enabled.text);
    assert.deepEqual(described, []);
    const check = await t.as('editor')('POST', '/v1/settings/crm/validate?mode=enable', { body: { platform, config, credentials, crm: { ...enableReadyCrm, memberObject: 'Lead' } } });
    assert.equal(check.status, 200, check.text);
    assert.deepEqual(described, [], 'nor does checking it send the CRM a secret an editor typed');
  });

  test('a stale If-Match answers 412 before any describe, and a replayed Idempotency-Key its stored answer', async () => {
    const admin = await draft();
    const stale = (await admin('GET', '/v1/settings/crm')).headers.get('etag')!;
    const renamed = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberObject: 'Member__c', memberMappings: enableReadyCrm.memberMappings } } });
    assert.equal(renamed.status, 200, renamed.text);
    described.length = 0;
    const enabled = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled' }, headers: { 'if-match': stale } });
    assert.equal(enabled.status, 412, enabled.text);
    assert.deepEqual(described, [], 'no CRM call for a write refused as stale');

    // Enabled with a key, then back to a draft with a new secret (so Lead's describe is no longer held): the same
    // enabling write again is answered what it did, not judged anew.
    const key = `replay-${Date.now()}`;
    const enable = { status: 'enabled', crm: { memberObject: 'Lead', memberMappings: enableReadyCrm.memberMappings } };
    const first = await admin('PATCH', '/v1/settings/crm', { body: enable, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 200, first.text);
    const back = await admin('PATCH', '/v1/settings/crm', { body: { status: 'draft', credentials: { consumerSecret: 'crm-secret-value-4343' }, crm: { memberObject: 'Member__c' } } });
    assert.equal(back.status, 200, back.text);
    described.length = 0;
    const again = await admin('PATCH', '/v1/settings/crm', { body: enable, headers: { 'idempotency-key': key } });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(described, [], 'no CRM call for a replay');
  });

  test('a describe with the secret a write sets is its own: a read of the fields meanwhile is not answered with it, nor the write with the stored one', async () => {
    const t = await srv.tenant();
    const admin = t.as('admin');
    const { platform, config } = salesforceDoc('crm-secret-value-4242');
    assert.equal((await admin('PUT', '/v1/settings/crm', { body: { platform, config, credentials: { consumerSecret: 'crm-secret-value-4242' }, crm: { ...enableReadyCrm, memberObject: 'Lead', memberMappings: bogus } } })).status, 201);
    const held = async <T>(first: () => Promise<T>, second: () => Promise<Reply>): Promise<[T, Reply]> => {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      described.length = 0;
      const a = first();
      for (let i = 0; described.length === 0 && i < 2000; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(described.length > 0, 'the first request describes');
      const b = second();
      // Held until the second request describes too (its own flight); were it to join the first's, it never
      // would, and after a while the gate opens for the assertions to say so.
      for (let i = 0; described.length < 2 && i < 400; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      gate = null;
      open();
      return [await a, await b];
    };

    // An admin enables with a secret the CRM refuses while an editor reads Lead's fields with the stored one.
    const [, read] = await held(
      () => admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', credentials: { consumerSecret: REFUSED } } }),
      () => t.as('editor')('GET', '/v1/settings/crm/objects/Lead/fields'),
    );
    assert.equal(read.status, 200, `the read uses the stored secret, not the one another request typed: ${read.text}`);

    // The stored secret is refused now; an admin enables with a good one while a read of Lead's fields is in flight.
    const back = await admin('PATCH', '/v1/settings/crm', { body: { status: 'draft', credentials: { consumerSecret: REFUSED } } });
    assert.equal(back.status, 200, back.text);
    const [, enabled] = await held(
      () => t.as('editor')('GET', '/v1/settings/crm/objects/Lead/fields'),
      () => admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', credentials: { consumerSecret: 'crm-secret-value-5151' } } }),
    );
    assert.equal(enabled.status, 422, `described with the write's secret, not answered the stored one's refusal: ${enabled.text}`);
    assert.deepEqual(errorsOf(enabled), ['/crm/memberMappings/1/target unknown_target', '/crm/memberMappings/2/target unknown_target']);
  });

  test('a CRM that cannot be reached leaves the rules to what the server holds, as before', async () => {
    const admin = await draft();
    unreachable = true;
    try {
      const enabled = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled', crm: { memberMappings: enableReadyCrm.memberMappings } } });
      assert.equal(enabled.status, 200, enabled.text);
    } finally {
      unreachable = false;
    }
  });
});
