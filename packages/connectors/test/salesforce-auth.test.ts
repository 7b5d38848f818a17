import { connectedApp, deadUrl, json, serviceUser, stubServer } from './support.js';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Connection } from '@jsforce/jsforce-node';
import { FAKE_CONSUMER_KEY, FAKE_CONSUMER_SECRET, FAKE_PASSWORD, FAKE_SECURITY_TOKEN, startFakeSalesforce, type FakeSalesforce } from '@memberpulse/fake-salesforce';
import { ConnectorError, PRODUCTION_LOGIN_URL, SANDBOX_LOGIN_URL, SalesforceClient, SalesforceConnector, resolveLoginUrl } from '../src/index.js';
import { isTrustedLoginHost } from '../src/salesforce/login-url.js';

const connector = new SalesforceConnector({ apiVersion: '62.0' });

function pointers(err: unknown): string[] {
  assert.ok(err instanceof ConnectorError, `expected a ConnectorError, got ${String(err)}`);
  return err.errors.map((e) => e.pointer);
}

describe('Salesforce login URL', () => {
  it('uses My Domain first, then test.salesforce.com for a sandbox on the production default, else the server default', () => {
    const prod = { clientId: null, clientSecret: null, loginUrl: PRODUCTION_LOGIN_URL };
    assert.equal(resolveLoginUrl({ environment: 'production', myDomainUrl: 'https://acme.my.salesforce.com/' }, prod), 'https://acme.my.salesforce.com');
    assert.equal(resolveLoginUrl({ environment: 'sandbox' }, prod), SANDBOX_LOGIN_URL);
    assert.equal(resolveLoginUrl({ environment: 'production' }, prod), PRODUCTION_LOGIN_URL);
    assert.equal(resolveLoginUrl({ environment: 'sandbox' }, { ...prod, loginUrl: 'http://127.0.0.1:9999' }), 'http://127.0.0.1:9999');
    assert.equal(resolveLoginUrl({}, undefined), PRODUCTION_LOGIN_URL);
  });
});

describe('Salesforce authentication against the loopback org', () => {
  let sf: FakeSalesforce;
  before(async () => {
    sf = await startFakeSalesforce();
  });
  after(() => sf.close());

  it('connects with OAuth client credentials and with the service user', async () => {
    const a = await connector.testConnection(connectedApp(sf));
    assert.equal(a.ok, true);
    assert.match(a.message, /daily API calls used/);
    const b = await connector.testConnection(serviceUser(sf));
    assert.equal(b.ok, true);
  });

  it('signs a service user in through the server-wide Connected App (OAuth username-password) where there is one, else through SOAP', async () => {
    const serverApp = { clientId: FAKE_CONSUMER_KEY, clientSecret: FAKE_CONSUMER_SECRET, loginUrl: sf.url };
    sf.resetCalls();
    assert.equal((await connector.testConnection({ ...serviceUser(sf), defaults: { salesforce: serverApp } })).ok, true);
    assert.equal(sf.callCount(/^POST \/services\/oauth2\/token$/), 1, 'one OAuth token request');
    assert.equal(sf.callCount(/\/services\/Soap\//), 0, 'no SOAP login');
    sf.resetCalls();
    assert.equal((await connector.testConnection(serviceUser(sf))).ok, true);
    assert.equal(sf.callCount(/^POST \/services\/oauth2\/token$/), 0, 'no OAuth token request');
    assert.ok(sf.callCount(/\/services\/Soap\//) > 0, 'the SOAP login without a server-wide app');
  });

  it("ends a service user's session when its work is done: SOAP logout, or revoking the token of the OAuth username-password flow", async () => {
    const serverApp = { clientId: FAKE_CONSUMER_KEY, clientSecret: FAKE_CONSUMER_SECRET, loginUrl: sf.url };
    for (const [how, input, kind] of [
      ['SOAP', serviceUser(sf), 'soap'],
      ['OAuth', { ...serviceUser(sf), defaults: { salesforce: serverApp } }, 'oauth2'],
    ] as const) {
      const live = () => sf.liveSessions(kind);
      const before = live();
      assert.equal((await connector.testConnection(input)).ok, true);
      assert.equal(live(), before, `${how}: the connection test's session ended`);
      await Promise.all([connector.listObjects(input), connector.describeObject(input, 'Contact'), connector.apiUsage(input)]);
      assert.equal(live(), before, `${how}: the shared session ended with the last call`);
      const client = await connector.connect(input);
      assert.equal(live(), before + 1, `${how}: signed in`);
      assert.ok((await client.describeGlobal()).length > 0);
      await client.close();
      assert.equal(live(), before, `${how}: close() ended the session`);
    }
  });

  it('signs a service user in through SOAP where the org blocks the OAuth username-password flow, and signs in again the same way', async () => {
    const serverApp = { clientId: FAKE_CONSUMER_KEY, clientSecret: FAKE_CONSUMER_SECRET, loginUrl: sf.url };
    const logins = () => sf.calls.filter((c) => /oauth2\/token|\/Soap\//.test(c.path)).map((c) => `${c.path} ${c.status}`);
    sf.setPasswordFlowBlocked(true);
    try {
      sf.resetCalls();
      const client = await SalesforceClient.connect({ ...serviceUser(sf), defaults: { salesforce: serverApp } }, { apiVersion: '62.0' });
      assert.deepEqual(logins(), ['/services/oauth2/token 400', '/services/Soap/u/62.0 200'], 'OAuth refused, then SOAP');
      sf.expireSessions();
      sf.resetCalls();
      assert.ok((await client.describeGlobal()).length > 900);
      assert.deepEqual(logins(), ['/services/Soap/u/62.0 200'], 'the expired session signs in through SOAP straight away');
      await assert.rejects(connector.testConnection({ ...serviceUser(sf, {}, { securityToken: 'stale' }), defaults: { salesforce: serverApp } }), (e) => {
        assert.deepEqual(pointers(e), ['/config/username', '/credentials/password', '/credentials/securityToken'], 'a wrong password still points at the service-user fields');
        return true;
      });
      sf.setSoapLoginDisabled(true);
      await assert.rejects(connector.testConnection({ ...serviceUser(sf), defaults: { salesforce: serverApp } }), (e) => {
        assert.deepEqual(pointers(e), ['/config/authMode'], 'an org that takes neither login points at the sign-in method');
        assert.equal((e as ConnectorError).kind, 'auth');
        return true;
      });
    } finally {
      sf.setPasswordFlowBlocked(false);
      sf.setSoapLoginDisabled(false);
    }
  });

  it('trusts only Salesforce login hosts over https, or the server’s own login URL, with its Connected App', () => {
    for (const url of ['https://login.salesforce.com', 'https://test.salesforce.com', 'https://acme.my.salesforce.com', 'https://acme--uat.sandbox.my.salesforce.com']) {
      assert.equal(isTrustedLoginHost(url, PRODUCTION_LOGIN_URL), true, url);
    }
    for (const url of ['http://acme.my.salesforce.com', 'https://acme.my.salesforce.com.evil.example', 'https://evil.example', 'not a url']) {
      assert.equal(isTrustedLoginHost(url, PRODUCTION_LOGIN_URL), false, url);
    }
    assert.equal(isTrustedLoginHost('http://127.0.0.1:4000/', 'http://127.0.0.1:4000'), true, 'the configured login URL itself');
    assert.equal(isTrustedLoginHost('http://127.0.0.1:4001', 'http://127.0.0.1:4000'), false, 'another port is another host');
  });

  it('never sends the server’s Connected App secret to a login host the tenant chose', async () => {
    const elsewhere = await startFakeSalesforce();
    try {
      const serverApp = { clientId: FAKE_CONSUMER_KEY, clientSecret: FAKE_CONSUMER_SECRET, loginUrl: sf.url, allowLoopback: true };
      assert.equal((await connector.testConnection({ ...serviceUser(elsewhere), defaults: { salesforce: serverApp } })).ok, true);
      assert.equal(elsewhere.callCount(/oauth2\/token/), 0, 'no OAuth request, so no client secret, to the tenant’s host');
      assert.ok(elsewhere.callCount(/\/services\/Soap\//) > 0, 'the SOAP login instead');
    } finally {
      await elsewhere.close();
    }
  });

  it('a refused server Connected App is the operator’s problem, not the tenant’s form', async () => {
    const wrongApp = { clientId: FAKE_CONSUMER_KEY, clientSecret: 'not-the-secret', loginUrl: sf.url };
    await assert.rejects(connector.testConnection({ ...serviceUser(sf), defaults: { salesforce: wrongApp } }), (e) => {
      assert.equal((e as ConnectorError).kind, 'upstream');
      assert.deepEqual(pointers(e), []);
      assert.match((e as Error).message, /SALESFORCE_CLIENT_ID/);
      return true;
    });
  });

  it('a Connected App login needs the tenant’s own key and secret, whatever the server has', async () => {
    const serverApp = { clientId: FAKE_CONSUMER_KEY, clientSecret: FAKE_CONSUMER_SECRET, loginUrl: sf.url };
    await assert.rejects(
      connector.testConnection({ ...connectedApp(sf, { consumerKey: '' }, {}), secrets: {}, defaults: { salesforce: serverApp } }),
      (e) => pointers(e).join() === '/config/consumerKey,/credentials/consumerSecret',
    );
  });

  it('a wrong consumer key points at the key, a wrong secret at the secret', async () => {
    await assert.rejects(connector.testConnection(connectedApp(sf, { consumerKey: 'nope' })), (e) => pointers(e).join() === '/config/consumerKey' && (e as ConnectorError).kind === 'auth');
    await assert.rejects(connector.testConnection(connectedApp(sf, {}, { consumerSecret: 'nope' })), (e) => pointers(e).join() === '/credentials/consumerSecret');
  });

  it('INVALID_LOGIN points at the service-user fields', async () => {
    await assert.rejects(connector.testConnection(serviceUser(sf, {}, { securityToken: 'stale' })), (e) => {
      assert.deepEqual(pointers(e), ['/config/username', '/credentials/password', '/credentials/securityToken']);
      assert.equal((e as ConnectorError).platformCode, 'INVALID_LOGIN');
      return true;
    });
  });

  it('signs a service user in without a security token where the org trusts the server’s addresses (seed 004), and points at the token where it does not', async () => {
    const withoutToken = (org: FakeSalesforce) => {
      const input = serviceUser(org);
      const { securityToken: _omitted, ...secrets } = input.secrets;
      return { ...input, secrets };
    };
    const trusting = await startFakeSalesforce({ credentials: { requireSecurityToken: false } });
    try {
      assert.equal((await connector.testConnection(withoutToken(trusting))).ok, true);
    } finally {
      await trusting.close();
    }
    await assert.rejects(connector.testConnection(withoutToken(sf)), (e) => pointers(e).includes('/credentials/securityToken'));
  });

  it('missing credentials answer `invalid` with pointers, without calling Salesforce', async () => {
    sf.resetCalls();
    await assert.rejects(connector.testConnection(connectedApp(sf, { consumerKey: '' }, { consumerSecret: '' })), (e) => {
      assert.deepEqual(pointers(e), ['/config/consumerKey', '/credentials/consumerSecret']);
      return (e as ConnectorError).kind === 'invalid';
    });
    assert.equal(sf.calls.length, 0);
  });

  it('API disabled for the org says so, for both logins', async () => {
    sf.setApiDisabled(true);
    try {
      for (const input of [connectedApp(sf), serviceUser(sf)]) {
        await assert.rejects(connector.testConnection(input), (e) => e instanceof ConnectorError && e.kind === 'auth' && e.platformCode === 'API_DISABLED_FOR_ORG' && /API access is turned off/.test(e.message));
      }
    } finally {
      sf.setApiDisabled(false);
    }
  });

  it('REQUEST_LIMIT_EXCEEDED is reported as the spent 24-hour allowance and never retried', async () => {
    const client = await SalesforceClient.connect(connectedApp(sf), { apiVersion: '62.0', retries: 3 });
    sf.exhaustApiLimit();
    sf.resetCalls();
    try {
      await assert.rejects(client.describeGlobal(), (e) => e instanceof ConnectorError && e.kind === 'rate_limited' && /24-hour/.test(e.message));
      assert.equal(sf.callCount(), 1);
    } finally {
      sf.setApiUsage(0);
    }
  });

  for (const [name, input] of [['client credentials', connectedApp], ['service user', serviceUser]] as const) {
    it(`an expired session is refreshed through refreshFn (${name})`, async () => {
      const client = await SalesforceClient.connect(input(sf), { apiVersion: '62.0' });
      sf.expireSessions();
      sf.resetCalls();
      const objects = await client.describeGlobal();
      assert.ok(objects.length > 900);
      assert.equal(sf.callCount(/oauth2\/token|\/Soap\//), 1, 'one sign-in for a new session');
      assert.deepEqual(sf.calls.filter((c) => c.path.includes('/sobjects')).map((c) => c.status), [401, 200]);
    });
  }

  /**
   * A login host whose org (instance URL `instanceOf(org)`) answers other calls with `answer`, and a trap
   * where nothing must arrive: the connection test must fail as `upstream` with `why` in its message.
   */
  async function refusedTowardsTrap(why: RegExp, instanceOf: (org: string, trap: string) => string, answer: (path: string, trap: string, res: ServerResponse) => void) {
    const trap = await stubServer((_req, res) => json(res, 200, { DailyApiRequests: { Max: 1, Remaining: 1 } }));
    const org = await stubServer((req, res) => {
      if (!req.path.includes('oauth2/token')) return answer(req.path, trap.url, res);
      const instance = instanceOf(org.url, trap.url);
      json(res, 200, { access_token: 'token', instance_url: instance, id: `${instance}/id/00D000000000001AAA/005000000000001AAA`, token_type: 'Bearer' });
    });
    try {
      await assert.rejects(connector.testConnection(connectedApp({ url: org.url } as FakeSalesforce)), (e) => {
        assert.equal((e as ConnectorError).kind, 'upstream');
        assert.match((e as Error).message, why);
        return true;
      });
      assert.deepEqual(trap.requests, [], 'not one request, so not the token either, reached it');
    } finally {
      await Promise.all([trap.close(), org.close()]);
    }
  }

  it('sends nothing to an instance URL outside Salesforce that a login host answers with', () =>
    refusedTowardsTrap(/instance/, (_org, trap) => trap, (_path, _trap, res) => json(res, 404, [])));

  it('follows no redirect: a call answered with one fails, and nothing reaches where it points', () =>
    refusedTowardsTrap(/redirect/, (org) => org, (path, trap, res) => void res.writeHead(302, { location: `${trap}${path}` }).end()));

  it('follows a redirect on a sign-in only as a GET without the body, so no secret reaches where it points', async () => {
    const trap = await stubServer((_req, res) => json(res, 400, { error: 'invalid_grant' }));
    const org = await stubServer((req, res) => void res.writeHead(307, { location: `${trap.url}${req.path}` }).end());
    try {
      for (const input of [connectedApp({ url: org.url } as FakeSalesforce), serviceUser({ url: org.url } as FakeSalesforce)]) {
        await assert.rejects(connector.testConnection(input), ConnectorError);
      }
      assert.deepEqual(trap.requests.map(({ method, path, body }) => ({ method, path, body })), [
        { method: 'GET', path: '/services/oauth2/token', body: '' },
        { method: 'GET', path: '/services/Soap/u/62.0', body: '' },
      ]);
      const sent = JSON.stringify(trap.requests);
      for (const secret of [FAKE_CONSUMER_SECRET, FAKE_PASSWORD, FAKE_SECURITY_TOKEN]) assert.equal(sent.includes(secret), false, secret);
    } finally {
      await Promise.all([trap.close(), org.close()]);
    }
  });

  it('hands out no jsforce Connection, whose own calls would follow a redirect with the token', async () => {
    assert.equal('openSession' in (await import('../src/index.js')), false, 'no export opens a session around the client');
    const client = await SalesforceClient.connect(connectedApp(sf), { apiVersion: '62.0' });
    assert.equal(reachesConnection(client), false, 'nothing a caller can read on the client is, or holds, the connection');
  });

  it('an unreachable Salesforce answers `unreachable` quickly', async () => {
    const url = await deadUrl();
    await assert.rejects(connector.testConnection(connectedApp({ url } as FakeSalesforce)), (e) => e instanceof ConnectorError && e.kind === 'unreachable');
    await assert.rejects(connector.testConnection(serviceUser({ url } as FakeSalesforce)), (e) => e instanceof ConnectorError && e.kind === 'unreachable');
  });
});

/** Whether `value`, its properties or its prototype's getters reach a jsforce Connection within `depth` steps. */
function reachesConnection(value: unknown, depth = 3): boolean {
  if (value instanceof Connection) return true;
  if (depth === 0 || typeof value !== 'object' || value === null) return false;
  const getters = Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(value) ?? {})).filter(([, d]) => d.get).map(([k]) => k);
  return [...Reflect.ownKeys(value), ...getters].some((key) => reachesConnection((value as Record<PropertyKey, unknown>)[key], depth - 1));
}
