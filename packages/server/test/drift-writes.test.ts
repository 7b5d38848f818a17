// Writes to a CRM record after its CRM changed (schema drift): a write is refused for what the CRM's describe
// says only about the choices it changes; the choices it keeps are warned about, and the record's drift stays.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CrmFieldDescriptor } from '@memberpulse/integration-schema';
import { contactField as field } from '../../schema/test/fixtures.js';
import type { PlatformConnection } from '../src/index.js';
import { describeEachBackend, enableReadyCrm, errorsOf, pointers, salesforceDoc, startTestServer, warningsOf, type Client, type TestServer } from './support/harness.js';
import { recordingGateway } from './support/recording-gateway.js';

/** The CRM's Contact as the tests' org has it: each test works on its own copy, changed as a CRM admin would. */
const contactFields = () => [
  field('Email', 'email'),
  field('FirstName', 'string'),
  field('LastName', 'string'),
  field('Phone', 'phone'),
  field('Title', 'string'),
  field('HasOptedOutOfEmail', 'boolean', { nillable: false }),
  field('MP_Tags__c', 'multipicklist', { picklistValues: [] }),
];

const mappings = [
  ...enableReadyCrm.memberMappings,
  { source: 'company', target: 'Title', policy: 'ifTargetEmpty' },
  { source: 'phone', target: 'Phone', policy: 'always' },
];
const SECRET = 'crm-secret-value-4242';
const enabledDoc = { ...salesforceDoc(SECRET), status: 'enabled', crm: { ...enableReadyCrm, memberMappings: mappings } };

describeEachBackend('writes after schema drift', (backend) => {
  const orgs = new Map<string, CrmFieldDescriptor[]>();
  const contactOf = async (conn: PlatformConnection) => structuredClone(orgs.get(String(conn.config.consumerKey)) ?? []);
  const gateway = recordingGateway({ describeObject: contactOf });
  let srv: TestServer;
  before(async () => {
    srv = await startTestServer(backend, { gateway });
  });
  after(() => srv.close());

  /** A tenant with the enabled record above, described while the CRM still had every field; then the CRM changes and is described again. */
  async function drifted(change: (contact: CrmFieldDescriptor[]) => void): Promise<{ admin: Client; fields: CrmFieldDescriptor[] }> {
    const t = await srv.tenant();
    const admin = t.as('admin');
    const fields = contactFields();
    orgs.set(t.id, fields);
    const doc = { ...enabledDoc, config: { ...enabledDoc.config, consumerKey: t.id } };
    assert.equal((await admin('PUT', '/v1/settings/crm', { body: doc })).status, 201);
    assert.equal((await admin('GET', '/v1/settings/crm/objects/Contact/fields')).status, 200);
    // Saved while described, so the targets' types are recorded and a type change shows as drift.
    assert.equal((await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: true } } })).status, 200);
    change(fields);
    assert.equal((await admin('GET', '/v1/settings/crm/objects/Contact/fields?refresh=true')).status, 200);
    return { admin, fields };
  }
  const drop = (name: string) => (contact: CrmFieldDescriptor[]) => contact.splice(contact.findIndex((f) => f.name === name), 1);
  const driftOf = async (admin: Client) => (await admin('GET', '/v1/settings/crm')).body.drift.map((d: { pointer: string; kind: string }) => `${d.pointer} ${d.kind}`);

  test('a write that leaves a vanished field’s mapping as stored is taken, the record stays enabled and its drift stays reported', async () => {
    const { admin } = await drifted(drop('Phone'));
    assert.deepEqual(await driftOf(admin), ['/crm/memberMappings/4/target missing']);

    const patched = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: false } } });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual([patched.body.status, patched.body.config.autoSync], ['enabled', false]);
    assert.deepEqual(patched.body.drift.map((d: { pointer: string }) => d.pointer), ['/crm/memberMappings/4/target'], 'the drift is still reported');

    const rotated = await admin('PUT', '/v1/settings/crm/credentials/consumerSecret', { body: { value: SECRET } });
    assert.equal(rotated.status, 200, `replacing one secret never needs the rest: ${rotated.text}`);

    const current = (await admin('GET', '/v1/settings/crm')).body;
    const whole = await admin('PUT', '/v1/settings/crm', { body: { platform: 'salesforce', status: 'enabled', config: current.config, crm: { ...current.crm, supportTicketNotes: true } } });
    assert.equal(whole.status, 200, `the whole document back, as a settings form saves it: ${whole.text}`);

    const moved = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberMappings: mappings.filter((m) => m.source !== 'company') } } });
    assert.equal(moved.status, 200, `a mapping removed elsewhere moves the kept row: ${moved.text}`);
    assert.deepEqual(moved.body.drift.map((d: { pointer: string }) => d.pointer), ['/crm/memberMappings/3/target'], 'the drift follows its row');
    assert.equal(moved.body.status, 'enabled');
  });

  test('a write that changes a mapping is judged in full: its own vanished target refuses it', async () => {
    const { admin } = await drifted(drop('Phone'));
    const policy = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberMappings: mappings.map((m) => (m.source === 'phone' ? { ...m, policy: 'neverBlank' } : m)) } } });
    assert.deepEqual([policy.status, errorsOf(policy)], [422, ['/crm/memberMappings/4/target unknown_target']], 'a changed row is a changed mapping');
    const added = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberMappings: [...mappings, { source: 'city', target: 'Gone_City__c', policy: 'always' }] } } });
    assert.deepEqual([added.status, errorsOf(added), warningsOf(added)], [422, ['/crm/memberMappings/5/target unknown_target'], ['/crm/memberMappings/4/target unknown_target']], 'the new row refuses, the kept one warns');
    const fixed = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberMappings: mappings.filter((m) => m.source !== 'phone') } } });
    assert.equal(fixed.status, 200, fixed.text);
    assert.deepEqual(fixed.body.drift, [], 'fixed: nothing drifts');
  });

  test('a write refused for another reason names the kept drift among its warnings; validate answers as the write would', async () => {
    const { admin } = await drifted(drop('Phone'));
    const bad = await admin('PATCH', '/v1/settings/crm', { body: { config: { periodicRefreshMinutes: 1 } } });
    assert.deepEqual([bad.status, errorsOf(bad), warningsOf(bad)], [422, ['/config/periodicRefreshMinutes too_small'], ['/crm/memberMappings/4/target unknown_target']]);

    const stored = (await admin('GET', '/v1/settings/crm')).body;
    const doc = { platform: 'salesforce', config: stored.config, crm: stored.crm };
    const asEnabled = await admin('POST', '/v1/settings/crm/validate?mode=enable', { body: doc });
    assert.deepEqual([asEnabled.status, errorsOf(asEnabled), warningsOf(asEnabled)], [200, [], ['/crm/memberMappings/4/target unknown_target']], 'the record is enabled already: saving it so is fine');
  });

  test('enabling a record that is not enabled runs every rule in full, drift included', async () => {
    const { admin } = await drifted(drop('Phone'));
    const toDraft = await admin('PATCH', '/v1/settings/crm', { body: { status: 'draft' } });
    assert.equal(toDraft.status, 200, `switching to a draft keeps the mapping: ${toDraft.text}`);
    const enable = await admin('PATCH', '/v1/settings/crm', { body: { status: 'enabled' } });
    assert.deepEqual([enable.status, errorsOf(enable)], [422, ['/crm/memberMappings/4/target unknown_target']], 'no sync starts onto a missing field');
    const stored = (await admin('GET', '/v1/settings/crm')).body;
    assert.equal(stored.status, 'draft');
    const validated = await admin('POST', '/v1/settings/crm/validate?mode=enable', { body: { platform: 'salesforce', config: stored.config, crm: stored.crm } });
    assert.deepEqual(errorsOf(validated), ['/crm/memberMappings/4/target unknown_target'], 'validate says the same');
    const draftSave = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: false } } });
    assert.equal(draftSave.status, 200, `a draft keeps its drift as an enabled record does: ${draftSave.text}`);
  });

  test('every rule that reads the describe: a retyped target, a read-only one, a vanished tag field, a setting’s field retyped', async () => {
    const { admin } = await drifted((contact) => {
      contact.find((f) => f.name === 'Phone')!.type = 'boolean';
      Object.assign(contact.find((f) => f.name === 'Title')!, { createable: false, updateable: false });
      contact.find((f) => f.name === 'HasOptedOutOfEmail')!.type = 'string';
      drop('MP_Tags__c')(contact);
    });
    assert.deepEqual(await driftOf(admin), ['/crm/memberMappings/4/target type_changed', '/crm/eventTagField missing']);
    const bad = await admin('PATCH', '/v1/settings/crm', { body: { config: { periodicRefreshMinutes: 1 } } });
    assert.deepEqual(errorsOf(bad), ['/config/periodicRefreshMinutes too_small']);
    assert.deepEqual(warningsOf(bad).sort(), [
      '/config/emailOptOutField incompatible_type',
      '/crm/eventTagField unknown_target',
      '/crm/memberMappings/3/target not_writable',
      '/crm/memberMappings/4/target incompatible_type',
    ]);
    const ok = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: false } } });
    assert.equal(ok.status, 200, ok.text);
    const otherTagField = await admin('PATCH', '/v1/settings/crm', { body: { crm: { eventTagField: 'Gone_Tags__c' } } });
    assert.deepEqual([otherTagField.status, errorsOf(otherTagField)], [422, ['/crm/eventTagField unknown_target']], 'a tag field chosen now must exist');
    const optOut = await admin('PATCH', '/v1/settings/crm', { body: { config: { emailOptOutField: 'Title' } } });
    assert.deepEqual([optOut.status, errorsOf(optOut)], [422, ['/config/emailOptOutField incompatible_type']], 'and a setting’s field chosen now must fit');
  });

  test('a tag field that is also a mapping’s target is refused although it vanished', async () => {
    const { admin } = await drifted(drop('MP_Tags__c'));
    const clash = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberMappings: [...mappings, { source: 'city', target: 'MP_Tags__c', policy: 'always' }] } } });
    assert.equal(clash.status, 422);
    assert.ok(errorsOf(clash).includes('/crm/eventTagField duplicate_target'), `the rule that needs no describe still holds: ${errorsOf(clash)}`);
  });

  test('a write while the describe is no longer cached keeps the drift last found on the choices it keeps', async () => {
    const { admin } = await drifted(drop('Phone'));
    // A new secret drops the tenant's cached describe: the next write cannot judge the CRM's fields.
    assert.equal((await admin('PUT', '/v1/settings/crm/credentials/consumerSecret', { body: { value: SECRET } })).status, 200);
    const patched = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberMappings: mappings.filter((m) => m.source !== 'company') } } });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual(patched.body.drift.map((d: { pointer: string; kind: string }) => `${d.pointer} ${d.kind}`), ['/crm/memberMappings/3/target missing'], 'kept, at its row’s new place');
    const fixed = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberMappings: mappings.filter((m) => m.source !== 'phone') } } });
    assert.deepEqual(fixed.body.drift, [], 'a changed choice takes its drift with it');
  });

  test('a write that points the record at another org judges and keeps nothing by the old org’s describe', async () => {
    const { admin } = await drifted(drop('Phone'));
    const other = (await srv.tenant()).id;
    orgs.set(other, contactFields().filter((f) => f.name !== 'Email'));
    const moved = await admin('PATCH', '/v1/settings/crm', { body: { config: { consumerKey: other }, credentials: { consumerSecret: SECRET } } });
    assert.equal(moved.status, 200, moved.text);
    assert.deepEqual(moved.body.drift, [], 'the old org’s drift says nothing of the new one');
    const next = await admin('PATCH', '/v1/settings/crm', { body: { config: { autoSync: false } } });
    assert.deepEqual(next.body.drift, [], 'nor is it carried to the next write');
    assert.equal((await admin('GET', '/v1/settings/crm/objects/Contact/fields')).status, 200);
    assert.deepEqual(await driftOf(admin), ['/crm/memberMappings/0/target missing'], 'the new org’s describe finds its own');
  });

  test('describing one object keeps the drift last found on the other while its describe is not cached', async () => {
    const orderFields = [field('Name', 'string'), field('Ordered_On__c', 'date'), field('Amount__c', 'currency')];
    const objectGateway = recordingGateway({ describeObject: async (conn, object) => (object === 'Order__c' ? orderFields : contactOf(conn)) });
    const short = await startTestServer(backend, { gateway: objectGateway, describeCacheTtlSeconds: 1 });
    try {
      const t = await short.tenant();
      const admin = t.as('admin');
      orgs.set(t.id, contactFields());
      const orders = { orderObject: 'Order__c', orderMappings: [{ source: 'orderNumber', target: 'Name', policy: 'always' }, { source: 'orderDate', target: 'Ordered_On__c', policy: 'always' }, { source: 'total', target: 'Amount__c', policy: 'always' }] };
      const doc = { ...enabledDoc, config: { ...enabledDoc.config, consumerKey: t.id }, crm: { ...enabledDoc.crm, ...orders } };
      const put = await admin('PUT', '/v1/settings/crm', { body: doc });
      assert.equal(put.status, 201, put.text);
      drop('Phone')(orgs.get(t.id)!);
      assert.equal((await admin('GET', '/v1/settings/crm/objects/Contact/fields?refresh=true')).status, 200);
      assert.deepEqual(await driftOf(admin), ['/crm/memberMappings/4/target missing']);
      await new Promise((r) => setTimeout(r, 1100));
      assert.equal((await admin('GET', '/v1/settings/crm/objects/Order__c/fields')).status, 200);
      assert.deepEqual(await driftOf(admin), ['/crm/memberMappings/4/target missing'], 'the Contact’s drift stays while only the order object is described');
    } finally {
      await short.close();
    }
  });

  test('another platform leaves nothing to keep', async () => {
    const { admin } = await drifted(drop('Phone'));
    const hubspot = await admin('PUT', '/v1/settings/crm', { body: { platform: 'hubspot' } });
    assert.equal(hubspot.status, 200, hubspot.text);
    assert.deepEqual(pointers(hubspot), []);
    assert.deepEqual(hubspot.body.drift, []);
  });
});
