import './support.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Connection } from '@jsforce/jsforce-node';
import {
  FAKE_CONSUMER_KEY,
  FAKE_CONSUMER_SECRET,
  FAKE_PASSWORD,
  FAKE_SECURITY_TOKEN,
  FAKE_USERNAME,
  createEmptyOrg,
  startFakeSalesforce,
  type FakeSalesforce,
} from '../src/index.js';
import { API_VERSION } from './support.js';

const rest = (sf: FakeSalesforce, path: string) => `${sf.url}/services/data/v${API_VERSION}${path}`;

async function clientCredentials(sf: FakeSalesforce): Promise<Connection> {
  const conn = new Connection({ loginUrl: sf.url, version: API_VERSION, oauth2: { clientId: FAKE_CONSUMER_KEY, clientSecret: FAKE_CONSUMER_SECRET, loginUrl: sf.url } });
  await conn.authorize({ grant_type: 'client_credentials' });
  return conn;
}

async function token(sf: FakeSalesforce, params: Record<string, string>) {
  const res = await fetch(`${sf.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams(params) });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('fake Salesforce: logins', () => {
  let sf: FakeSalesforce;
  before(async () => {
    sf = await startFakeSalesforce();
  });
  after(() => sf.close());

  it('SOAP login needs the password followed by the security token', async () => {
    const conn = new Connection({ loginUrl: sf.url, version: API_VERSION });
    const info = await conn.login(FAKE_USERNAME, FAKE_PASSWORD + FAKE_SECURITY_TOKEN);
    assert.equal(info.organizationId, sf.org.organizationId);
    assert.equal(conn.instanceUrl, sf.url);
    await assert.rejects(new Connection({ loginUrl: sf.url, version: API_VERSION }).login(FAKE_USERNAME, FAKE_PASSWORD), /INVALID_LOGIN/);
  });

  it('OAuth token endpoint: client_credentials, password and refresh_token grants', async () => {
    const base = { client_id: FAKE_CONSUMER_KEY, client_secret: FAKE_CONSUMER_SECRET };
    const cc = await token(sf, { ...base, grant_type: 'client_credentials' });
    assert.equal(cc.status, 200);
    assert.equal(cc.body.instance_url, sf.url);
    assert.equal(cc.body.refresh_token, undefined);
    const pw = await token(sf, { ...base, grant_type: 'password', username: FAKE_USERNAME, password: FAKE_PASSWORD + FAKE_SECURITY_TOKEN });
    assert.equal(pw.status, 200);
    assert.ok(pw.body.refresh_token);
    const refreshed = await token(sf, { ...base, grant_type: 'refresh_token', refresh_token: pw.body.refresh_token! });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.access_token, pw.body.access_token);
  });

  it('answers OAuth errors the way Salesforce does', async () => {
    assert.deepEqual((await token(sf, { grant_type: 'client_credentials', client_id: 'wrong', client_secret: FAKE_CONSUMER_SECRET })).body.error, 'invalid_client_id');
    assert.deepEqual((await token(sf, { grant_type: 'client_credentials', client_id: FAKE_CONSUMER_KEY, client_secret: 'wrong' })).body.error, 'invalid_client');
    const badUser = await token(sf, { grant_type: 'password', client_id: FAKE_CONSUMER_KEY, client_secret: FAKE_CONSUMER_SECRET, username: FAKE_USERNAME, password: 'nope' });
    assert.equal(badUser.status, 400);
    assert.equal(badUser.body.error, 'invalid_grant');
  });

  it('an expired session answers 401 INVALID_SESSION_ID and jsforce recovers through its refresh', async () => {
    const conn = new Connection({ loginUrl: sf.url, version: API_VERSION });
    await conn.login(FAKE_USERNAME, FAKE_PASSWORD + FAKE_SECURITY_TOKEN);
    const before = conn.accessToken;
    sf.expireSessions();
    const res = await fetch(rest(sf, '/limits'), { headers: { authorization: `Bearer ${before}` } });
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as Array<{ errorCode: string }>)[0]!.errorCode, 'INVALID_SESSION_ID');
    const result = await conn.query('SELECT Id FROM Contact LIMIT 1');
    assert.equal(result.records.length, 1);
    assert.notEqual(conn.accessToken, before);
  });

  it('API access turned off: SOAP login and REST answer API_DISABLED_FOR_ORG', async () => {
    const conn = await clientCredentials(sf);
    sf.setApiDisabled(true);
    try {
      await assert.rejects(conn.request('/limits'), (e: Error & { errorCode?: string }) => e.errorCode === 'API_DISABLED_FOR_ORG');
      await assert.rejects(new Connection({ loginUrl: sf.url, version: API_VERSION }).login(FAKE_USERNAME, FAKE_PASSWORD + FAKE_SECURITY_TOKEN), /API_DISABLED_FOR_ORG/);
    } finally {
      sf.setApiDisabled(false);
    }
  });
});

describe('fake Salesforce: describes of a realistic org', () => {
  let sf: FakeSalesforce;
  let conn: Connection;
  before(async () => {
    sf = await startFakeSalesforce();
    conn = await clientCredentials(sf);
  });
  after(() => sf.close());

  it('describeGlobal lists about 1,000 objects, standard and custom, with the served version in urls', async () => {
    const g = await conn.describeGlobal();
    assert.ok(g.sobjects.length >= 950 && g.sobjects.length <= 1100, `got ${g.sobjects.length}`);
    const names = new Set(g.sobjects.map((s) => s.name));
    for (const n of ['Account', 'Contact', 'Campaign', 'CampaignMember', 'Task', 'Member_Tag__c', 'Order', 'Member__c']) assert.ok(names.has(n), n);
    const contact = g.sobjects.find((s) => s.name === 'Contact')!;
    assert.equal(contact.urls.describe, `/services/data/v${API_VERSION}/sobjects/Contact/describe`);
  });

  it('Contact has ~60+ standard fields, several hundred custom ones and a 1,000-value multi-select picklist', async () => {
    const d = await conn.describe('Contact');
    const standard = d.fields.filter((f) => !f.custom);
    const custom = d.fields.filter((f) => f.custom);
    assert.ok(standard.length >= 60, `standard ${standard.length}`);
    assert.ok(custom.length >= 300, `custom ${custom.length}`);
    const big = d.fields.find((f) => f.type === 'multipicklist' && f.picklistValues!.length >= 1000);
    assert.ok(big, 'a multi-select picklist with 1,000 values');
    const memberNumber = d.fields.find((f) => f.name === 'Member_Number__c')!;
    assert.equal(memberNumber.externalId, true);
    assert.ok(d.fields.some((f) => f.name.startsWith('HL_')), 'HL_ security-group fields');
  });

  it('Association_Member__c is a large org’s member object: 900 fields, Member__c’s among them, none twice', async () => {
    const fields = (await conn.describe('Association_Member__c')).fields;
    assert.equal(fields.length, 900);
    assert.equal(new Set(fields.map((f) => f.name)).size, 900, 'each name once');
    for (const n of ['Email__c', 'First_Name__c', 'Last_Name__c', 'Member_Number__c']) assert.ok(fields.some((f) => f.name === n), n);
  });

  it('an unknown object answers 404 NOT_FOUND', async () => {
    await assert.rejects(conn.request(`/services/data/v${API_VERSION}/sobjects/Nope__c/describe`), (e: Error & { errorCode?: string }) => e.errorCode === 'NOT_FOUND');
  });

  it('schema hooks rename, remove and retype fields in later describes', async () => {
    sf.renameField('Contact', 'Membership_Level__c', 'Member_Level__c');
    sf.removeField('Contact', 'Lifetime_Value__c');
    sf.changeFieldType('Contact', 'Member_Since__c', 'datetime');
    const fields = (await conn.describe('Contact')).fields;
    const byName = new Map(fields.map((f) => [f.name, f]));
    assert.ok(!byName.has('Membership_Level__c') && byName.has('Member_Level__c'));
    assert.ok(!byName.has('Lifetime_Value__c'));
    assert.equal(byName.get('Member_Since__c')!.type, 'datetime');
    await assert.rejects(async () => conn.query('SELECT Lifetime_Value__c FROM Contact'), (e: Error & { errorCode?: string }) => e.errorCode === 'INVALID_FIELD');
  });
});

describe('fake Salesforce: records', () => {
  let sf: FakeSalesforce;
  let conn: Connection;
  before(async () => {
    sf = await startFakeSalesforce();
    conn = await clientCredentials(sf);
  });
  after(() => sf.close());

  it('single upsert by external id creates, then updates the same record', async () => {
    const first = await conn.request<{ id: string; created: boolean }>({ method: 'PATCH', url: `/services/data/v${API_VERSION}/sobjects/Contact/Member_Number__c/M-7001`, body: JSON.stringify({ LastName: 'Okafor', Email: 'ada.okafor@example.org' }), headers: { 'content-type': 'application/json' } });
    assert.equal(first.created, true);
    const second = await conn.request<{ id: string; created: boolean }>({ method: 'PATCH', url: `/services/data/v${API_VERSION}/sobjects/Contact/Member_Number__c/M-7001`, body: JSON.stringify({ FirstName: 'Ada' }), headers: { 'content-type': 'application/json' } });
    assert.deepEqual([second.id, second.created], [first.id, false]);
    const rec = sf.records('Contact').find((r) => r.Id === first.id)!;
    assert.deepEqual([rec.FirstName, rec.LastName, rec.Name], ['Ada', 'Okafor', 'Ada Okafor']);
  });

  it('composite upsert reports each record, with field errors for a bad one', async () => {
    const results = await conn.sobject('Contact').upsert(
      [
        { Member_Number__c: 'M-7100', LastName: 'Good' },
        { Member_Number__c: 'M-7101', LastName: 'Bad', Membership_Status__c: 'Not a status' },
      ],
      'Member_Number__c',
    );
    assert.equal(results[0]!.success, true);
    assert.equal(results[1]!.success, false);
    const err = (results[1] as unknown as { errors: Array<{ statusCode: string; fields: string[] }> }).errors[0]!;
    assert.equal(err.statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    assert.deepEqual(err.fields, ['Membership_Status__c']);
  });

  it('create checks required fields and answers REQUIRED_FIELD_MISSING', async () => {
    await assert.rejects(conn.sobject('Contact').create({ FirstName: 'NoLast' }), (e: Error & { errorCode?: string }) => e.errorCode === 'REQUIRED_FIELD_MISSING');
    const ok = await conn.sobject('Task').create({ WhoId: sf.records('Contact')[0]!.Id, Subject: 'Support ticket #1', Status: 'Completed' });
    assert.equal(ok.success, true);
  });

  it('string literals: escapes decode for equality, LIKE keeps wildcards apart from escaped % and _', async () => {
    for (const LastName of ['100% Club', '100 Club', 'Back\\slash', "O'Hara_1"]) sf.seed('Contact', { LastName });
    const names = async (where: string) => (await conn.query<{ LastName: string }>(`SELECT LastName FROM Contact WHERE ${where} ORDER BY LastName`)).records.map((r) => r.LastName);
    assert.deepEqual(await names("LastName LIKE '100%'"), ['100 Club', '100% Club']);
    assert.deepEqual(await names("LastName LIKE '100\\%%'"), ['100% Club']);
    assert.deepEqual(await names("LastName = 'Back\\\\slash'"), ['Back\\slash']);
    assert.deepEqual(await names("LastName LIKE 'O\\'Hara\\_%'"), ["O'Hara_1"]);
  });

  it('queries page through nextRecordsUrl', async () => {
    const paged = await startFakeSalesforce({ org: createEmptyOrg(), maxQueryBatchSize: 200 });
    try {
      for (let i = 0; i < 450; i++) paged.seed('Contact', { LastName: `Member ${i}`, Email: `m${i}@example.org` });
      const c = await clientCredentials(paged);
      const first = await c.query<{ Email: string }>('SELECT Id, Email FROM Contact ORDER BY Email', { autoFetch: false });
      assert.equal(first.totalSize, 450);
      assert.equal(first.records.length, 200);
      assert.equal(first.done, false);
      assert.match(first.nextRecordsUrl!, /\/query\/01g/);
      const rest2 = await c.queryMore(first.nextRecordsUrl!);
      const rest3 = await c.queryMore(rest2.nextRecordsUrl!);
      assert.equal(rest3.done, true);
      const emails = [...first.records, ...rest2.records, ...rest3.records].map((r) => r.Email);
      assert.equal(new Set(emails).size, 450);
    } finally {
      await paged.close();
    }
  });
});

describe('fake Salesforce: limits', () => {
  it('counts REST calls in /limits and the Sforce-Limit-Info header, then answers REQUEST_LIMIT_EXCEEDED', async () => {
    const sf = await startFakeSalesforce({ dailyApiLimit: 5000 });
    try {
      const conn = await clientCredentials(sf);
      await conn.describeGlobal();
      const limits = await conn.request<{ DailyApiRequests: { Max: number; Remaining: number } }>(`/services/data/v${API_VERSION}/limits`);
      assert.deepEqual(limits.DailyApiRequests, { Max: 5000, Remaining: 4998 });
      assert.deepEqual(conn.limitInfo.apiUsage, { used: 2, limit: 5000 });
      assert.equal(sf.callCount(), 2);
      sf.exhaustApiLimit();
      await assert.rejects(conn.describeGlobal(), (e: Error & { errorCode?: string }) => e.errorCode === 'REQUEST_LIMIT_EXCEEDED');
    } finally {
      await sf.close();
    }
  });
});
