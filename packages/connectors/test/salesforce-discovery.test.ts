import { connectedApp, serviceUser } from './support.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { salesforceDefaultMemberMappings } from '@memberpulse/integration-schema';
import { CrmFieldDescriptorSchema, CrmObjectSummarySchema } from '@memberpulse/integration-schema/validation';
import { startFakeSalesforce, type FakeSalesforce } from '@memberpulse/fake-salesforce';
import { ConnectorError, SalesforceConnector } from '../src/index.js';

const connector = new SalesforceConnector({ apiVersion: '62.0' });

describe('Salesforce discovery', () => {
  let sf: FakeSalesforce;
  before(async () => {
    sf = await startFakeSalesforce();
  });
  after(() => sf.close());

  it('lists pickable objects only (no History/Share/Feed/ChangeEvent companions), valid against the schema', async () => {
    const objects = await connector.listObjects(connectedApp(sf));
    const names = new Set(objects.map((o) => o.name));
    for (const n of ['Contact', 'Account', 'Member__c', 'Member_Tag__c', 'Order', 'Campaign']) assert.ok(names.has(n), n);
    assert.ok(!names.has('ContactHistory') && !names.has('Member__Share') && !names.has('ContactChangeEvent'));
    assert.ok(objects.length > 200, `${objects.length} objects`);
    for (const o of objects.slice(0, 50)) assert.deepEqual(CrmObjectSummarySchema.parse(o), o);
    const labels = objects.map((o) => o.label);
    assert.deepEqual(labels, [...labels].sort((a, b) => a.localeCompare(b)));
  });

  it('describes Contact with every field, the 1,000-value picklist and the Account.Name path of the default mapping', async () => {
    const fields = await connector.describeObject(serviceUser(sf), 'Contact');
    const byName = new Map(fields.map((f) => [f.name, f]));
    assert.ok(fields.length > 400);
    for (const f of fields) CrmFieldDescriptorSchema.parse(f);
    assert.equal(byName.get('Areas_of_Interest__c')!.picklistValues!.length, 1000);
    assert.equal(byName.get('Areas_of_Interest__c')!.restrictedPicklist, true);
    assert.deepEqual(
      [byName.get('LastName')!.required, byName.get('FirstName')!.required, byName.get('Id')!.createable],
      [true, false, false],
    );
    assert.equal(byName.get('Email')!.length, 80);
    assert.deepEqual(byName.get('AccountId')!.referenceTo, ['Account']);
    assert.equal(byName.get('Member_Number__c')!.externalId, true);
    for (const m of salesforceDefaultMemberMappings) assert.ok(byName.has(m.target), `default mapping target ${m.target}`);
  });

  it('discovery calls that overlap with the same login share one sign-in; later calls and other credentials sign in themselves', async () => {
    const logins = () => sf.callCount(/^POST \/services\/oauth2\/token$/);
    const input = connectedApp(sf);
    sf.resetCalls();
    const [objects, contact, order] = await Promise.all([connector.listObjects(input), connector.describeObject(input, 'Contact'), connector.describeObject(input, 'Order')]);
    assert.ok(objects.length > 200 && contact.some((f) => f.name === 'Email') && order.some((f) => f.name === 'OrderNumber'));
    assert.equal(logins(), 1, 'one sign-in for the settings screen’s three calls');
    sf.resetCalls();
    await connector.apiUsage(input);
    assert.equal(logins(), 1, 'a call after they finished signs in again');

    sf.resetCalls();
    const [mine, wrong] = await Promise.allSettled([connector.listObjects(input), connector.listObjects(connectedApp(sf, {}, { consumerSecret: 'not-the-secret' }))]);
    assert.equal(mine.status, 'fulfilled');
    assert.ok(wrong.status === 'rejected' && wrong.reason instanceof ConnectorError && wrong.reason.kind === 'auth', 'other credentials get their own, failing, sign-in');
    assert.equal(logins(), 2);

    sf.resetCalls();
    await Promise.all([connector.describeObject(serviceUser(sf), 'Contact'), connector.apiUsage(serviceUser(sf))]);
    assert.equal(sf.callCount(/\/services\/Soap\//), 2, 'a service user signs in once and out once');
  });

  it('an unknown object answers not_found', async () => {
    await assert.rejects(connector.describeObject(connectedApp(sf), 'Nope__c'), (e) => e instanceof ConnectorError && e.kind === 'not_found');
  });

  it('API usage reads DailyApiRequests and carries the tenant allotment', async () => {
    sf.setApiUsage(1200, 15000);
    const usage = await connector.apiUsage(connectedApp(sf, { dailyApiAllotment: 5000 }));
    // The /limits call itself is counted before Salesforce answers.
    assert.deepEqual(usage, { used: 1201, limit: 15000, allotment: 5000 });
    assert.equal((await connector.apiUsage(connectedApp(sf))).allotment, null);
  });

  it('a field removed in Setup disappears from the next describe', async () => {
    sf.removeField('Contact', 'Membership_Status__c');
    const fields = await connector.describeObject(connectedApp(sf), 'Contact');
    assert.ok(!fields.some((f) => f.name === 'Membership_Status__c'));
  });
});
