// CRM discovery through the real server, the real connectors and jsforce, against the loopback Salesforce.
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[k];

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  FAKE_CONSUMER_KEY,
  FAKE_CONSUMER_SECRET,
  FAKE_PASSWORD,
  FAKE_SECURITY_TOKEN,
  FAKE_USERNAME,
  startFakeSalesforce,
  type FakeSalesforce,
} from '@memberpulse/fake-salesforce';
import { gatewayFromConnectors } from '../src/connectors-adapter.js';
import { backends, pointers, startTestServer, type TestServer, type TestTenant } from './support/harness.js';

const pglite = backends.find((b) => b.name === 'pglite')!;

const memberMappings = [
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'FirstName', policy: 'always' },
  { source: 'lastName', target: 'LastName', policy: 'always' },
  { source: 'phone', target: 'Phone', policy: 'neverBlank' },
  { source: 'company', target: 'Account.Name', policy: 'ifTargetEmpty' },
  { source: 'membershipStatus', target: 'Membership_Status__c', policy: 'always' },
];

function crmDoc(config: Record<string, unknown> = {}) {
  return {
    platform: 'salesforce',
    config: { environment: 'production', authMode: 'connectedApp', consumerKey: FAKE_CONSUMER_KEY, ...config },
    credentials: { consumerSecret: FAKE_CONSUMER_SECRET },
    crm: { memberObject: 'Contact', memberMappings, eventTagField: 'Event_Tags__c', tagDestination: 'multiPicklist' },
  };
}

describe('CRM discovery through the server against the loopback Salesforce', () => {
  let sf: FakeSalesforce;
  let api: TestServer;
  let t: TestTenant;

  before(async () => {
    sf = await startFakeSalesforce();
    api = await startTestServer(pglite, { gateway: await gatewayFromConnectors({}), salesforceLoginUrl: sf.url });
    t = await api.tenant();
    const saved = await t.as('admin')('PUT', '/v1/settings/crm', { body: crmDoc({ dailyApiAllotment: 5000 }) });
    assert.equal(saved.status, 201, saved.text);
  });
  after(async () => {
    await api.close();
    await sf.close();
  });

  it('lists objects and fields; opening the screen again within the TTL costs zero Salesforce API calls', async () => {
    const admin = t.as('admin');
    sf.resetCalls();
    const objects = await admin('GET', '/v1/settings/crm/objects');
    assert.equal(objects.status, 200, objects.text);
    assert.ok(objects.body.items.some((o: { name: string }) => o.name === 'Contact'));
    const fields = await admin('GET', '/v1/settings/crm/objects/Contact/fields');
    assert.equal(fields.status, 200);
    assert.ok(fields.body.items.length > 400);
    const cold = sf.callCount();
    assert.equal(cold, 2, 'describeGlobal and one describe');
    await admin('GET', '/v1/settings/crm/objects');
    await t.as('editor')('GET', '/v1/settings/crm/objects/Contact/fields');
    assert.equal(sf.callCount(), cold);
    await admin('GET', '/v1/settings/crm/objects?refresh=true');
    assert.equal(sf.callCount(), cold + 1);
    // A refresh asked some other way is refused, not taken for the cached answer.
    for (const path of ['objects', 'objects/Contact/fields', 'api-usage']) {
      const r = await admin('GET', `/v1/settings/crm/${path}?refresh=1`);
      assert.deepEqual([r.status, r.body.errors?.[0]?.pointer, r.body.errors?.[0]?.message], [400, '/refresh', '“refresh” must be true or false.'], path);
    }
    assert.equal(sf.callCount(), cold + 1);
  });

  it('concurrent cold requests for one describe share a single Salesforce call', async () => {
    const tenant = await api.tenant();
    await tenant.as('admin')('PUT', '/v1/settings/crm', { body: crmDoc() });
    sf.resetCalls();
    const answers = await Promise.all(Array.from({ length: 5 }, () => tenant.as('editor')('GET', '/v1/settings/crm/objects/Contact/fields')));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200, 200]);
    assert.ok(answers.every((a) => a.body.items.length === answers[0]!.body.items.length && a.body.items.length > 400));
    assert.equal(sf.callCount(), 1);
  });

  it('never serves one tenant’s cached describe to another', async () => {
    await t.as('admin')('GET', '/v1/settings/crm/objects');
    const other = await api.tenant();
    assert.equal((await other.as('admin')('GET', '/v1/settings/crm/objects')).status, 404, 'no settings, no objects');
    await other.as('admin')('PUT', '/v1/settings/crm', { body: crmDoc() });
    sf.resetCalls();
    assert.equal((await other.as('admin')('GET', '/v1/settings/crm/objects')).status, 200);
    assert.equal(sf.callCount(), 1, 'the second tenant’s first list goes to Salesforce');
  });

  it('drops the cache when credentials change', async () => {
    const admin = t.as('admin');
    await admin('GET', '/v1/settings/crm/objects');
    sf.resetCalls();
    const put = await admin('PUT', '/v1/settings/crm/credentials/consumerSecret', { body: { value: FAKE_CONSUMER_SECRET } });
    assert.equal(put.status, 200, put.text);
    await admin('GET', '/v1/settings/crm/objects');
    assert.equal(sf.callCount(), 1);
  });

  it('reports schema drift with pointers to the affected mappings after a fresh describe', async () => {
    const admin = t.as('admin');
    await admin('GET', '/v1/settings/crm/objects/Contact/fields?refresh=true');
    // Saving while the describe is cached records each target's type, so later type changes show too.
    const resaved = await admin('PATCH', '/v1/settings/crm', { body: { crm: { memberMappings } } });
    assert.equal(resaved.status, 200, resaved.text);
    assert.deepEqual(resaved.body.drift, []);
    const before = resaved.headers.get('etag')!;
    assert.equal((await admin('GET', '/v1/settings/crm', { headers: { 'if-none-match': before } })).status, 304);
    sf.renameField('Contact', 'Membership_Status__c', 'Member_Status__c');
    sf.changeFieldType('Contact', 'Phone', 'string');
    await admin('GET', '/v1/settings/crm/objects/Contact/fields?refresh=true');
    const settings = await admin('GET', '/v1/settings/crm', { headers: { 'if-none-match': before } });
    assert.equal(settings.status, 200, 'drift found since: a copy without it is not answered 304');
    assert.equal(settings.body.version, resaved.body.version, 'drift is no new version');
    assert.notEqual(settings.headers.get('etag'), before, 'but another representation');
    const again = await admin('GET', '/v1/settings/crm', { headers: { 'if-none-match': settings.headers.get('etag')! } });
    assert.equal(again.status, 304, 'the copy with the drift is current');
    for (const held of [`W/${settings.headers.get('etag')}`, '*']) {
      assert.equal((await admin('GET', '/v1/settings/crm', { headers: { 'if-none-match': held } })).status, 304, `If-None-Match: ${held} compares weakly`);
    }
    const write = (ifMatch: string) => admin('POST', '/v1/settings/crm/archive', { headers: { 'if-match': ifMatch } });
    const stale = await write('"999"');
    assert.deepEqual([stale.status, stale.headers.get('etag')], [412, settings.headers.get('etag')], 'a 412 hands back the tag a GET gives');
    const byVersion = await write(`"${settings.body.version}"`);
    assert.equal(byVersion.status, 200, `a write checks the version alone, drift or not: ${byVersion.text}`);
    assert.equal((await admin('POST', '/v1/settings/crm/restore', { headers: { 'if-match': byVersion.headers.get('etag')! } })).status, 200, 'and takes the tag it gave out');
    assert.deepEqual(
      settings.body.drift.map((d: { pointer: string; kind: string }) => [d.pointer, d.kind]),
      [['/crm/memberMappings/3/target', 'type_changed'], ['/crm/memberMappings/5/target', 'missing']],
    );
    sf.renameField('Contact', 'Member_Status__c', 'Membership_Status__c');
    sf.changeFieldType('Contact', 'Phone', 'phone');
    await admin('GET', '/v1/settings/crm/objects/Contact/fields?refresh=true');
    assert.deepEqual((await admin('GET', '/v1/settings/crm')).body.drift, []);
  });

  it('tests the stored connection, auditing the decrypt with its purpose', async () => {
    const admin = t.as('admin');
    const ok = await admin('POST', '/v1/settings/crm/test-connection');
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.ok, true);
    const audit = await admin('GET', '/v1/audit-events?action=credential.decrypt');
    const requestId = ok.headers.get('x-request-id');
    const decrypt = audit.body.items.find((e: { requestId: string }) => e.requestId === requestId);
    assert.deepEqual([decrypt?.actor, decrypt?.purpose, decrypt?.target], [`admin@${t.id}`, 'test-connection', 'settings/crm/credentials/consumerSecret'], 'by the caller, under the request’s id');
  });

  it('tests unsaved credentials from the body and points at the wrong one', async () => {
    const admin = t.as('admin');
    const badSecret = await admin('POST', '/v1/settings/crm/test-connection', { body: { credentials: { consumerSecret: 'not-the-secret' } } });
    assert.equal(badSecret.status, 422);
    assert.deepEqual(pointers(badSecret), ['/credentials/consumerSecret']);
    const badKey = await admin('POST', '/v1/settings/crm/test-connection', { body: { config: { consumerKey: '3MVG9nope' } } });
    assert.deepEqual([badKey.status, pointers(badKey)], [422, ['/config/consumerKey']]);
    const serviceUser = { config: { authMode: 'serviceUser', username: FAKE_USERNAME }, credentials: { password: FAKE_PASSWORD, securityToken: FAKE_SECURITY_TOKEN } };
    assert.equal((await admin('POST', '/v1/settings/crm/test-connection', { body: serviceUser })).status, 200);
    const staleToken = await admin('POST', '/v1/settings/crm/test-connection', { body: { ...serviceUser, credentials: { ...serviceUser.credentials, securityToken: 'old' } } });
    assert.deepEqual([staleToken.status, pointers(staleToken)], [422, ['/config/username', '/credentials/password', '/credentials/securityToken']]);
    const stored = await admin('GET', '/v1/settings/crm');
    assert.equal(stored.body.config.authMode, 'connectedApp', 'nothing from the test was saved');
  });

  it('a role that may not write credentials cannot send the stored ones elsewhere', async () => {
    const received: string[] = [];
    const trap = createServer((req, res) => {
      req.on('data', (chunk: Buffer) => received.push(chunk.toString()));
      req.on('end', () => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const elsewhere = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
    try {
      const editor = t.as('editor');
      const before = (await editor('GET', '/v1/settings/crm')).body;
      const tested = await editor('POST', '/v1/settings/crm/test-connection', { body: { config: { myDomainUrl: elsewhere } } });
      assert.equal(tested.status, 403, tested.text);
      assert.match(tested.body.detail, /My Domain URL/);
      for (const config of [{ myDomainUrl: elsewhere }, { authMode: 'serviceUser', username: FAKE_USERNAME }]) {
        const patched = await editor('PATCH', '/v1/settings/crm', { body: { config } });
        assert.equal(patched.status, 403, `${JSON.stringify(config)}: ${patched.text}`);
      }
      assert.equal((await editor('POST', '/v1/settings/crm/test-connection')).status, 200, 'the stored connection may still be tested');
      assert.equal((await editor('GET', '/v1/settings/crm/objects?refresh=true')).status, 200);
      assert.deepEqual(received, [], 'no secret left for the editor’s host');
      const after = (await editor('GET', '/v1/settings/crm')).body;
      assert.deepEqual([after.version, after.config], [before.version, before.config], 'nothing stored changed');
      const sync = await editor('PATCH', '/v1/settings/crm', { body: { config: { autoSync: !before.config.autoSync } } });
      assert.equal(sync.status, 200, `settings outside the connection stay the editor’s: ${sync.text}`);
      const plain = await t.as('admin')('POST', '/v1/settings/crm/test-connection', { body: { config: { myDomainUrl: 'http://example.com' } } });
      assert.deepEqual([plain.status, pointers(plain)], [422, ['/config/myDomainUrl']], 'secrets go over https, but to an org on this machine');
    } finally {
      await new Promise<void>((resolve) => trap.close(() => resolve()));
    }
  });

  it('answers API usage with the tenant allotment', async () => {
    sf.setApiUsage(700, 15000);
    const usage = await t.as('editor')('GET', '/v1/settings/crm/api-usage');
    assert.deepEqual([usage.status, usage.body], [200, { used: 701, limit: 15000, allotment: 5000 }]);
  });

  it('reads the API usage from Salesforce once a minute: opening the screen again costs no call and no decrypt; refresh and a saved allotment read it again', async () => {
    const admin = t.as('admin');
    const decrypts = async () => (await admin('GET', '/v1/audit-events?action=credential.decrypt')).body.total;
    const usage = async (query = '') => {
      const r = await t.as('editor')('GET', `/v1/settings/crm/api-usage${query}`);
      assert.equal(r.status, 200, r.text);
      return r.body as { used: number; limit: number; allotment: number | null };
    };
    const first = await usage('?refresh=true');
    sf.resetCalls();
    const decrypted = await decrypts();
    assert.deepEqual(await usage(), first, 'the same reading');
    assert.equal(sf.callCount(), 0, 'without asking Salesforce');
    assert.equal(await decrypts(), decrypted, 'nor decrypting the secret');

    assert.equal((await usage('?refresh=true')).used, first.used + 1, 'refresh reads it again (the /limits call itself counted)');
    assert.equal(sf.callCount(), 1);
    assert.equal(await decrypts(), decrypted + 1);

    const saved = await admin('PATCH', '/v1/settings/crm', { body: { config: { dailyApiAllotment: 6000 } } });
    assert.equal(saved.status, 200, saved.text);
    try {
      assert.equal((await usage()).allotment, 6000, 'a saved allotment is a new reading, not the minute-old one');
      assert.equal(sf.callCount(), 2);
    } finally {
      await admin('PATCH', '/v1/settings/crm', { body: { config: { dailyApiAllotment: 5000 } } });
    }
  });

  it('a spent daily allowance answers 429, says so, and asks for a long wait', async () => {
    sf.exhaustApiLimit();
    try {
      const r = await t.as('admin')('GET', '/v1/settings/crm/objects?refresh=true');
      assert.equal(r.status, 429);
      assert.match(r.body.detail, /24-hour/);
      assert.equal(r.headers.get('retry-after'), '3600');
    } finally {
      sf.setApiUsage(0);
    }
  });

  it('API disabled for the org points at the Connected App', async () => {
    sf.setApiDisabled(true);
    try {
      const r = await t.as('admin')('POST', '/v1/settings/crm/test-connection');
      assert.deepEqual([r.status, pointers(r)], [422, ['/config/consumerKey']]);
      assert.match(r.body.detail, /API access is turned off/);
    } finally {
      sf.setApiDisabled(false);
    }
  });

  it('an unreachable Salesforce answers 502 with a plain message', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await t.as('admin')('POST', '/v1/settings/crm/test-connection', { body: { config: { myDomainUrl: `http://127.0.0.1:${port}` } } });
    assert.equal(r.status, 502);
    assert.match(r.body.detail, /could not be reached/);
  });
});

describe('the server-wide Salesforce settings from the environment (seed 001)', () => {
  let sf: FakeSalesforce;
  let api: TestServer;
  before(async () => {
    sf = await startFakeSalesforce();
    api = await startTestServer(pglite, {
      gateway: await gatewayFromConnectors({}),
      env: { SALESFORCE_CLIENT_ID: FAKE_CONSUMER_KEY, SALESFORCE_CLIENT_SECRET: FAKE_CONSUMER_SECRET, SALESFORCE_LOGIN_URL: sf.url },
    });
  });
  after(async () => {
    await api.close();
    await sf.close();
  });

  it('a service user signs in through the server’s Connected App at SALESFORCE_LOGIN_URL; a Connected App login still needs the tenant’s key', async () => {
    const admin = (await api.tenant()).as('admin');
    const saved = await admin('PUT', '/v1/settings/crm', {
      body: { platform: 'salesforce', config: { environment: 'production', authMode: 'serviceUser', username: FAKE_USERNAME }, credentials: { password: FAKE_PASSWORD, securityToken: FAKE_SECURITY_TOKEN } },
    });
    assert.equal(saved.status, 201, saved.text);
    sf.resetCalls();
    const tested = await admin('POST', '/v1/settings/crm/test-connection');
    assert.equal(tested.status, 200, tested.text);
    assert.equal(sf.callCount(/^POST \/services\/oauth2\/token$/), 1, 'the OAuth username-password flow');
    assert.equal(sf.callCount(/\/services\/Soap\//), 0, 'no SOAP login');

    const withoutKey = await admin('POST', '/v1/settings/crm/test-connection', { body: { config: { authMode: 'connectedApp' } } });
    assert.equal(withoutKey.status, 422, withoutKey.text);
    assert.deepEqual(
      withoutKey.body.errors.map((e: { pointer: string; code: string; message: string }) => `${e.pointer} ${e.code} ${e.message}`),
      ['/config/consumerKey required Consumer Key is required to connect to Salesforce.', '/credentials/consumerSecret required Consumer Secret is required to connect to Salesforce.'],
      'each missing input named at its own pointer',
    );
    assert.equal(sf.callCount(/^POST \/services\/oauth2\/token$/), 1, 'the server’s app is not used for a Connected App login');
  });

  it('a connection test names every input it lacks with the others’ mistakes, in one answer', async () => {
    const admin = (await api.tenant()).as('admin');
    const r = await admin('POST', '/v1/settings/crm/test-connection', { body: { platform: 'hubspot', config: { portalId: '12ab 34' } } });
    assert.equal(r.status, 422, r.text);
    assert.deepEqual(
      r.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
      ['/config/portalId invalid_format', '/credentials/apiKey required'],
      'the Portal ID’s format and the missing token together',
    );
  });
});

describe('a tenant’s Salesforce address (SSRF)', () => {
  let sf: FakeSalesforce;
  let api: TestServer;
  let trap: ReturnType<typeof createServer>;
  let trapUrl: string;
  const received: string[] = [];
  before(async () => {
    sf = await startFakeSalesforce();
    trap = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
    // In production, as a portal runs it; the operator's own login URL is the loopback org.
    api = await startTestServer(pglite, { gateway: await gatewayFromConnectors({}), salesforceLoginUrl: sf.url, production: true });
  });
  after(async () => {
    await api.close();
    await sf.close();
    await new Promise<void>((resolve) => trap.close(() => resolve()));
  });

  it('takes only Salesforce addresses, never a host on the tenant’s or the server’s network, and calls nothing there', async () => {
    const admin = (await api.tenant()).as('admin');
    const errors = (r: { body: { errors?: { pointer: string; message: string }[] } }) => (r.body.errors ?? []).map((e) => `${e.pointer} ${e.message}`);
    const intranet = await admin('PUT', '/v1/settings/crm', { body: crmDoc({ myDomainUrl: 'https://intranet.example.com' }) });
    assert.deepEqual([intranet.status, pointers(intranet)], [422, ['/config/myDomainUrl']], intranet.text);
    const own = await admin('PUT', '/v1/settings/crm', { body: crmDoc({ myDomainUrl: trapUrl }) });
    assert.equal(own.status, 422, own.text);
    assert.deepEqual(errors(own), ['/config/myDomainUrl My Domain URL: this server reaches Salesforce only, not its own machine. Enter your org’s My Domain, such as https://yourorg.my.salesforce.com.']);
    assert.equal((await admin('GET', '/v1/settings/crm')).status, 404, 'nothing stored');

    assert.equal((await admin('PUT', '/v1/settings/crm', { body: crmDoc() })).status, 201, 'the server’s own login URL serves the tenant');
    const decrypts = async () => (await admin('GET', '/v1/audit-events?action=credential.decrypt')).body.total;
    const before = await decrypts();
    const tested = await admin('POST', '/v1/settings/crm/test-connection', { body: { config: { myDomainUrl: trapUrl } } });
    assert.deepEqual([tested.status, errors(tested)], [422, errors(own)], 'the save’s words, at the same field');
    assert.equal(await decrypts(), before, 'refused before any stored secret was decrypted for it');
    assert.equal((await admin('POST', '/v1/settings/crm/test-connection')).status, 200);
    assert.deepEqual(received, [], 'not one request reached the host on the server’s machine');
  });
});
