import { connectedApp, serviceUser } from './support.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FieldMapping } from '@memberpulse/integration-schema';
import { createEmptyOrg, startFakeSalesforce, type FakeSalesforce } from '@memberpulse/fake-salesforce';
import {
  ConnectorError,
  SalesforceClient,
  applyTags,
  listChangedSince,
  logSupportTicket,
  refreshMember,
  tagTargetFromSettings,
  upsertMember,
} from '../src/index.js';

const mappings: FieldMapping[] = [
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'FirstName', policy: 'always' },
  { source: 'lastName', target: 'LastName', policy: 'always' },
  { source: 'phone', target: 'Phone', policy: 'neverBlank' },
  { source: 'company', target: 'Account.Name', policy: 'ifTargetEmpty' },
  { source: 'membershipStatus', target: 'Membership_Status__c', policy: 'always' },
];

const member = (extra: Record<string, unknown> = {}) => ({
  email: 'ada.okafor@example.org',
  firstName: 'Ada',
  lastName: 'Okafor',
  phone: '+61 400 000 111',
  company: 'Wattle Consulting',
  membershipStatus: 'Active',
  ...extra,
});

function errorAt(e: unknown, pointer: string, code: string): boolean {
  assert.ok(e instanceof ConnectorError, String(e));
  assert.deepEqual(e.errors.map((x) => [x.pointer, x.code]), [[pointer, code]]);
  return true;
}

describe('Salesforce writes: members', () => {
  let sf: FakeSalesforce;
  let client: SalesforceClient;
  before(async () => {
    sf = await startFakeSalesforce();
    client = await SalesforceClient.connect(connectedApp(sf), { apiVersion: '62.0' });
  });
  after(() => sf.close());

  it('upserts by external id (URL-encoded) and applies always / neverBlank / ifTargetEmpty', async () => {
    const match = { externalIdField: 'Member_Number__c', value: 'M/2024 #7?' };
    const first = await upsertMember(client, { object: 'Contact', mappings, member: member(), match });
    assert.equal(first.created, true);
    const created = sf.records('Contact').find((r) => r.Id === first.id)!;
    assert.equal(created.Member_Number__c, 'M/2024 #7?');
    const account = sf.records('Account').find((a) => a.Id === created.AccountId)!;
    assert.equal(account.Name, 'Wattle Consulting');

    const second = await upsertMember(client, { object: 'Contact', mappings, member: member({ firstName: 'Adaeze', phone: '', company: 'Other Co' }), match });
    assert.deepEqual([second.id, second.created], [first.id, false]);
    const updated = sf.records('Contact').find((r) => r.Id === first.id)!;
    assert.deepEqual([updated.FirstName, updated.Phone, updated.AccountId], ['Adaeze', '+61 400 000 111', created.AccountId]);
    assert.deepEqual(second.skipped, [{ target: 'Phone', reason: 'blank' }, { target: 'Account.Name', reason: 'targetHasValue' }]);
    assert.ok(!sf.records('Account').some((a) => a.Name === 'Other Co'));
  });

  it('refuses an external id that a URL would resolve away ("", ".", ".."), before any call', async () => {
    const before = sf.records('Contact').length;
    for (const value of ['', '.', '..']) {
      await assert.rejects(
        upsertMember(client, { object: 'Contact', mappings, member: member(), match: { externalIdField: 'Member_Number__c', value } }),
        (e) => errorAt(e, '/match/value', 'invalid'),
        JSON.stringify(value),
      );
    }
    assert.equal(sf.records('Contact').length, before, 'nothing created, nothing matched');
  });

  it('finds by email (quotes escaped) and updates the existing record, or creates one', async () => {
    const existing = sf.seed('Contact', { LastName: "O'Brien", Email: "o'brien.test@example.org" });
    const hit = await upsertMember(client, { object: 'Contact', mappings, member: member({ email: "o'brien.test@example.org", lastName: "O'Brien-Smith" }), match: { byEmail: true } });
    assert.deepEqual([hit.id, hit.created, hit.emailMatches], [existing.Id, false, 1]);
    assert.equal(sf.records('Contact').find((r) => r.Id === existing.Id)!.LastName, "O'Brien-Smith");
    const miss = await upsertMember(client, { object: 'Contact', mappings, member: member({ email: 'new.member@example.org' }), match: { byEmail: true } });
    assert.equal(miss.created, true);
  });

  it('keeps the email opt-out in step with the settings’ checkbox (seed 004) unless a row maps it, and names a missing checkbox', async () => {
    const match = { externalIdField: 'Member_Number__c', value: 'M-OPT-1' };
    const out = await upsertMember(client, { object: 'Contact', mappings, member: member({ emailOptOut: true }), match, emailOptOutField: 'HasOptedOutOfEmail' });
    assert.ok(out.written.includes('HasOptedOutOfEmail'));
    assert.equal(sf.records('Contact').find((r) => r.Id === out.id)!.HasOptedOutOfEmail, true, 'opted out in Salesforce too');
    const back = await upsertMember(client, { object: 'Contact', mappings, member: member({ emailOptOut: false }), match, emailOptOutField: 'HasOptedOutOfEmail' });
    assert.equal(sf.records('Contact').find((r) => r.Id === out.id)!.HasOptedOutOfEmail, true, 'an opt-out in Salesforce is not cleared from MemberPulse');
    assert.deepEqual(back.skipped.filter((x) => x.target === 'HasOptedOutOfEmail'), [{ target: 'HasOptedOutOfEmail', reason: 'targetHasValue' }]);
    const fresh = await upsertMember(client, { object: 'Contact', mappings, member: member({ emailOptOut: false }), match: { externalIdField: 'Member_Number__c', value: 'M-OPT-2' }, emailOptOutField: 'HasOptedOutOfEmail' });
    assert.equal(sf.records('Contact').find((r) => r.Id === fresh.id)!.HasOptedOutOfEmail, false, 'a member who has not opted out is written as such');
    const unknown = await upsertMember(client, { object: 'Contact', mappings, member: member(), match, emailOptOutField: 'HasOptedOutOfEmail' });
    assert.ok(!unknown.written.includes('HasOptedOutOfEmail'), 'a member without the flag leaves it alone');
    const own = await upsertMember(client, { object: 'Contact', mappings: [...mappings, { source: 'emailOptOut', target: 'DoNotCall', policy: 'always' }], member: member({ emailOptOut: true }), match, emailOptOutField: 'HasOptedOutOfEmail' });
    assert.ok(own.written.includes('DoNotCall') && !own.written.includes('HasOptedOutOfEmail'), 'a row mapping the opt-out wins');
    const row = await upsertMember(client, { object: 'Contact', mappings: [...mappings, { source: 'emailOptOut', target: 'HasOptedOutOfEmail', policy: 'always' }], member: member({ emailOptOut: false }), match });
    assert.equal(sf.records('Contact').find((r) => r.Id === row.id)!.HasOptedOutOfEmail, true, 'nor does a row clear an opt-out made in Salesforce');
    await upsertMember(client, { object: 'Contact', mappings: [...mappings, { source: 'emailOptOut', target: 'HasOptedOutOfEmail', policy: 'always' }], member: member(), match });
    assert.equal(sf.records('Contact').find((r) => r.Id === row.id)!.HasOptedOutOfEmail, true, 'nor a row for a member whose flag is unknown');
    await assert.rejects(
      upsertMember(client, { object: 'Contact', mappings, member: member({ emailOptOut: true }), match, emailOptOutField: 'Gone__c' }),
      (e) => errorAt(e, '/config/emailOptOutField', 'schema_drift'),
    );
  });

  it('an email crafted to break out of the SOQL literal matches nothing', async () => {
    const before = sf.records('Contact').length;
    await assert.rejects(
      upsertMember(client, { object: 'Contact', mappings, member: member({ email: "x@example.org' OR Email != '" }), match: { byEmail: true } }),
      (e) => errorAt(e, '/crm/memberMappings/0/target', 'invalid_format'),
    );
    assert.equal(sf.records('Contact').length, before, 'nothing created, nothing matched');
  });

  it('a restricted picklist value Salesforce refuses points at its mapping row', async () => {
    await assert.rejects(
      upsertMember(client, { object: 'Contact', mappings, member: member({ membershipStatus: 'Gold' }), match: { externalIdField: 'Member_Number__c', value: 'M-5555' } }),
      (e) => errorAt(e, '/crm/memberMappings/5/target', 'restricted_picklist'),
    );
  });

  it('a mapped field renamed in Salesforce (INVALID_FIELD) points at the row it breaks, whether the describe was stale or fresh', async () => {
    const stale = await SalesforceClient.connect(serviceUser(sf), { apiVersion: '62.0' });
    await stale.describe('Contact');
    sf.renameField('Contact', 'Membership_Status__c', 'Member_Status__c');
    for (const c of [stale, client, await SalesforceClient.connect(connectedApp(sf), { apiVersion: '62.0' })]) {
      await assert.rejects(
        upsertMember(c, { object: 'Contact', mappings, member: member(), match: { externalIdField: 'Member_Number__c', value: 'M-6000' } }),
        (e) => errorAt(e, '/crm/memberMappings/5/target', 'schema_drift') && (e as ConnectorError).platformCode === 'INVALID_FIELD',
      );
    }
  });
});

describe('Salesforce writes: tags, tickets, refresh', () => {
  let sf: FakeSalesforce;
  let client: SalesforceClient;
  let contactId: string;
  before(async () => {
    sf = await startFakeSalesforce();
    client = await SalesforceClient.connect(connectedApp(sf), { apiVersion: '62.0' });
    contactId = String(sf.seed('Contact', { LastName: 'Tagged', Email: 'tagged@example.org' }).Id);
  });
  after(() => sf.close());

  it('multi-select picklist: adds and removes values, re-applying changes nothing', async () => {
    const target = tagTargetFromSettings({ tagDestination: 'multiPicklist', eventTagField: 'Member_Tags__c', courseTagField: null, tagObject: null });
    const r1 = await applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Event:Registered', 'MP:Membership:Active'] });
    assert.deepEqual(r1.added, ['MP:Event:Registered', 'MP:Membership:Active']);
    sf.resetCalls();
    const r2 = await applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Event:Registered'], remove: ['MP:Membership:Active'] });
    assert.deepEqual([r2.added, r2.removed], [[], ['MP:Membership:Active']]);
    assert.equal(sf.records('Contact').find((r) => r.Id === contactId)!.Member_Tags__c, 'MP:Event:Registered');
    assert.equal(sf.callCount(/^PATCH /), 1);
  });

  it('multi-select picklist: a value the picklist does not allow points at the tag field setting', async () => {
    sf.changeFieldType('Contact', 'Course_Tags__c', 'multipicklist', { restrictedPicklist: true });
    const target = tagTargetFromSettings({ tagDestination: 'multiPicklist', eventTagField: 'Course_Tags__c', courseTagField: null, tagObject: null });
    await assert.rejects(
      applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Event:NoShow'] }),
      (e) => errorAt(e, '/crm/eventTagField', 'restricted_picklist'),
    );
  });

  it('multi-select picklist: on a field both tag settings name, a refusal points at the settings whose tags it carried', async () => {
    sf.changeFieldType('Contact', 'Event_Tags__c', 'multipicklist', { restrictedPicklist: true });
    const target = tagTargetFromSettings({ tagDestination: 'multiPicklist', eventTagField: 'Event_Tags__c', courseTagField: 'Event_Tags__c', tagObject: null });
    await assert.rejects(
      applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Course:Completed'] }),
      (e) => errorAt(e, '/crm/courseTagField', 'restricted_picklist'),
    );
    await assert.rejects(applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Course:Completed', 'MP:Event:NoShow'] }), (e) => {
      assert.ok(e instanceof ConnectorError);
      assert.deepEqual(e.errors.map((x) => x.pointer).sort(), ['/crm/courseTagField', '/crm/eventTagField']);
      return true;
    });
  });

  it('related custom object: one record per tag keyed for idempotency, removal deletes it', async () => {
    const target = tagTargetFromSettings({ tagDestination: 'relatedObject', eventTagField: null, courseTagField: null, tagObject: 'Member_Tag__c' });
    const mine = () => sf.records('Member_Tag__c').filter((r) => r.Contact__c === contactId).map((r) => [r.Tag__c, r.Tag_Key__c]);
    await applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Event:Attended', 'MP:Course:Completed'] });
    const again = await applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Event:Attended'] });
    assert.deepEqual(again.added, []);
    assert.deepEqual(mine().sort(), [['MP:Course:Completed', `${contactId}:MP:Course:Completed`], ['MP:Event:Attended', `${contactId}:MP:Event:Attended`]]);
    await applyTags(client, { target, memberObject: 'Contact', memberId: contactId, remove: ['MP:Event:Attended'] });
    assert.deepEqual(mine(), [['MP:Course:Completed', `${contactId}:MP:Course:Completed`]]);
  });

  it('campaign membership: joins the tag’s campaign (creating a missing one), once, and leaves on removal', async () => {
    const target = { destination: 'campaignMembership' as const, campaignField: 'MP_Tag__c' };
    const campaigns = () => new Map(sf.records('Campaign').map((c) => [String(c.Id), String(c.MP_Tag__c)]));
    const memberships = () => sf.records('CampaignMember').filter((m) => m.ContactId === contactId).map((m) => campaigns().get(String(m.CampaignId))).sort();
    const before = sf.records('Campaign').length;
    const r = await applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Event:Registered', 'MP:Membership:Upgraded'] });
    assert.deepEqual(r.added, ['MP:Event:Registered', 'MP:Membership:Upgraded']);
    assert.equal(sf.records('Campaign').length, before + 1);
    await applyTags(client, { target, memberObject: 'Contact', memberId: contactId, add: ['MP:Event:Registered'] });
    assert.deepEqual(memberships(), ['MP:Event:Registered', 'MP:Membership:Upgraded']);
    await applyTags(client, { target, memberObject: 'Contact', memberId: contactId, remove: ['MP:Event:Registered'] });
    assert.deepEqual(memberships(), ['MP:Membership:Upgraded']);
  });

  it('refuses values outside MemberPulse’s tag set', async () => {
    await assert.rejects(applyTags(client, { target: { destination: 'campaignMembership' }, memberObject: 'Contact', memberId: contactId, add: ['VIP'] }), /Not MemberPulse tags: VIP/);
  });

  it('logs a support ticket as a completed Task with number, status and link back', async () => {
    const { id } = await logSupportTicket(client, { memberId: contactId, ticketNumber: '5123', status: 'Resolved', link: 'https://portal.example.org/tickets/5123', subject: 'Invoice query' });
    const task = sf.records('Task').find((t) => t.Id === id)!;
    assert.equal(task.WhoId, contactId);
    assert.equal(task.Subject, 'Support ticket #5123 (Resolved): Invoice query');
    assert.match(String(task.Description), /Ticket: #5123\nStatus: Resolved\nOpen in MemberPulse: https:\/\/portal\.example\.org\/tickets\/5123/);
    await assert.rejects(logSupportTicket(client, { memberId: contactId, ticketNumber: '1', status: 'Open', link: 'javascript:alert(1)' }), (e) => errorAt(e, '/link', 'invalid_format'));
  });

  it('refreshes one member, with relationship values; a deleted one is not_found', async () => {
    const account = sf.seed('Account', { Name: 'Koala & Co' });
    const id = String(sf.seed('Contact', { LastName: 'Fresh', AccountId: account.Id, HasOptedOutOfEmail: true }).Id);
    const rec = await refreshMember(client, { object: 'Contact', id, fields: ['LastName', 'HasOptedOutOfEmail', 'Account.Name'] });
    assert.deepEqual([rec.LastName, rec.HasOptedOutOfEmail, (rec.Account as { Name: string }).Name], ['Fresh', true, 'Koala & Co']);
    await client.request('DELETE', `/sobjects/Contact/${id}`);
    await assert.rejects(refreshMember(client, { object: 'Contact', id, fields: ['LastName'] }), (e) => e instanceof ConnectorError && e.kind === 'not_found');
  });
});

describe('Salesforce writes: periodic refresh', () => {
  it('lists records changed since a time across query pages, active ones only when asked', async () => {
    const sf = await startFakeSalesforce({ org: createEmptyOrg(), maxQueryBatchSize: 200 });
    try {
      for (let i = 0; i < 450; i++) sf.seed('Contact', { LastName: `Member ${i}`, Is_Active__c: i % 3 !== 0 });
      const client = await SalesforceClient.connect(connectedApp(sf), { apiVersion: '62.0' });
      const since = new Date(0);
      const all = await listChangedSince(client, { object: 'Contact', since, fields: ['LastName'] });
      assert.equal(all.records.length, 450);
      assert.equal(all.more, false);
      const stamps = all.records.map((r) => Date.parse(String(r.SystemModstamp).replace('+0000', 'Z')));
      assert.deepEqual(stamps, [...stamps].sort((a, b) => a - b));
      assert.equal(all.nextSince.getTime(), stamps[stamps.length - 1]);
      const active = await listChangedSince(client, { object: 'Contact', since, fields: ['LastName'], activeField: 'Is_Active__c' });
      assert.equal(active.records.length, 300);
      const capped = await listChangedSince(client, { object: 'Contact', since, fields: ['LastName'], maxRecords: 250 });
      assert.deepEqual([capped.records.length, capped.more], [250, true]);

      const next = await listChangedSince(client, { object: 'Contact', since: all.nextSince, fields: ['LastName'] });
      assert.deepEqual(next.records, []);
      const changed = sf.records('Contact')[10]!;
      await client.request('PATCH', `/sobjects/Contact/${String(changed.Id)}`, { LastName: 'Renamed' });
      const after = await listChangedSince(client, { object: 'Contact', since: all.nextSince, fields: ['LastName'] });
      assert.deepEqual(after.records.map((r) => r.LastName), ['Renamed']);
    } finally {
      await sf.close();
    }
  });
});
