// Tenant isolation: every route × every role of tenant B, aimed at tenant A's ids and documents, and with
// every other way a request could name a tenant (query, header, body). Nothing of A is read or changed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SignJWT } from 'jose';
import { describeEachBackend, roleNames, salesforceDoc, send, startTestServer, type Reply, type TestServer, type TestTenant } from './support/harness.js';
import { recordingGateway } from './support/recording-gateway.js';

async function seed(t: TestTenant, tag: string) {
  const admin = t.as('admin');
  const crm = await admin('PUT', '/v1/settings/crm', { body: salesforceDoc(`crm-secret-${tag}-00001`) });
  const acc = await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: `client-${tag}` }, credentials: { clientSecret: `acc-secret-${tag}-0002` } } });
  const pay = await admin('PUT', '/v1/settings/payment-gateway', { body: { platform: 'stripe', config: { publishableKey: 'pk_test_abc' } } });
  const endpoints: string[] = [];
  for (let i = 0; i < 3; i++) endpoints.push((await admin('POST', '/v1/endpoints', { body: { name: `${tag}-endpoint-${i}`, description: `owned by ${tag}` } })).body.id);
  return { settingsIds: [crm.body.id, acc.body.id, pay.body.id] as string[], endpoints };
}

async function snapshot(t: TestTenant) {
  const admin = t.as('admin');
  return {
    settings: (await admin('GET', '/v1/settings')).body,
    endpoints: (await admin('GET', '/v1/endpoints?limit=100')).body,
    audit: (await admin('GET', '/v1/audit-events?limit=100')).body,
  };
}

describeEachBackend('tenant isolation', (backend) => {
  let srv: TestServer;
  let a: TestTenant;
  let aIds: Awaited<ReturnType<typeof seed>>;
  let aBefore: Awaited<ReturnType<typeof snapshot>>;
  const gateway = recordingGateway();

  before(async () => {
    srv = await startTestServer(backend, { gateway });
    a = await srv.tenant('tenant-a');
    aIds = await seed(a, 'A');
    aBefore = await snapshot(a);
  });
  after(() => srv.close());

  /** Every route, aimed at A's ids and carrying A's documents and tenant id wherever a request could. */
  const attacks = (): Array<[string, string, { body?: unknown; headers?: Record<string, string> }?]> => {
    const aEndpoint = aIds.endpoints[0]!;
    const naming = { 'x-tenant-id': a.id, 'x-tenant': a.id };
    return [
      ['GET', '/v1/me', { headers: naming }],
      ['GET', `/v1/settings?tenant=${a.id}&tenantId=${a.id}`, { headers: naming }],
      ...(['crm', 'accounting', 'payment-gateway'] as const).flatMap((cat): Array<[string, string, { body?: unknown; headers?: Record<string, string> }?]> => [
        ['GET', `/v1/settings/${cat}?tenant=${a.id}`, { headers: naming }],
        ['PUT', `/v1/settings/${cat}`, { body: { tenantId: a.id, platform: 'xero' } }],
        ['PATCH', `/v1/settings/${cat}`, { body: { id: aIds.settingsIds[0], config: {} } }],
        ['PATCH', `/v1/settings/${cat}?tenant=${a.id}`, { body: { config: {} }, headers: { ...naming, 'if-match': '"1"' } }],
        ['POST', `/v1/settings/${cat}/validate`, { body: { platform: 'xero' } }],
        ['POST', `/v1/settings/${cat}/archive?tenant=${a.id}`, { headers: naming }],
        ['POST', `/v1/settings/${cat}/restore?tenant=${a.id}`, { headers: naming }],
        ['POST', `/v1/settings/${cat}/test-connection`, { headers: naming }],
        ['PUT', `/v1/settings/${cat}/credentials/clientSecret`, { body: { value: 'b-overwrites-a-0000' }, headers: naming }],
        ['DELETE', `/v1/settings/${cat}/credentials/consumerSecret`, { headers: naming }],
      ]),
      ['GET', '/v1/settings/crm/objects', { headers: naming }],
      ['GET', `/v1/endpoints?tenant=${a.id}`, { headers: naming }],
      ['GET', `/v1/endpoints/${aEndpoint}`],
      ['PATCH', `/v1/endpoints/${aEndpoint}`, { body: { description: 'taken over' } }],
      ['PATCH', `/v1/endpoints/${aEndpoint}`, { body: { description: 'taken over' }, headers: { 'if-match': '*' } }],
      ['DELETE', `/v1/endpoints/${aEndpoint}`],
      ['DELETE', `/v1/endpoints/${aIds.endpoints[1]}`, { headers: naming }],
      ['POST', '/v1/endpoints', { body: { name: 'A-endpoint-0', description: 'same name as A', tenantId: a.id } }],
      ['POST', '/v1/endpoints', { body: { name: 'A-endpoint-0', description: 'same name as A' } }],
      ['GET', `/v1/audit-events?tenant=${a.id}`, { headers: naming }],
      ['GET', `/v1/audit-events?cursor=999999999`],
    ];
  };

  const leaksOfA = (r: Reply): string[] => {
    // A problem's `instance` echoes the caller's own request path; everything else must be free of A.
    const text = r.body && typeof r.body === 'object' ? JSON.stringify({ ...r.body, instance: undefined }) : r.text;
    return [a.id, ...aIds.settingsIds, ...aIds.endpoints, 'client-A', 'owned by A', 'crm-secret-A', 'acc-secret-A'].filter((needle) => text.includes(needle));
  };

  for (const role of roleNames) {
    test(`tenant B’s ${role} reaches nothing of tenant A`, async () => {
      const b = await srv.tenant(`tenant-b-${role}`);
      await seed(b, `B${role}`);
      const calls = gateway.calls.length;
      for (const [method, path, opts] of attacks()) {
        const r = await b.as(role)(method, path, opts);
        assert.ok(r.status < 500, `${method} ${path}: ${r.status} ${r.text}`);
        assert.deepEqual(leaksOfA(r), [], `${method} ${path} as ${role} answered with tenant A's data: ${r.text}`);
        if (path.startsWith('/v1/endpoints/') && path.includes(aIds.endpoints[0]!) && r.status !== 403) assert.equal(r.status, 404, `${method} ${path}`);
      }
      for (const conn of gateway.calls.slice(calls)) assert.ok(!JSON.stringify(conn).includes('-A-'), 'no connector call carried A’s settings');
      assert.deepEqual(await snapshot(a), aBefore, 'tenant A is exactly as it was');
    });
  }

  test('a token for tenant A signed with another key, or with no tenant, gets 401', async () => {
    const forged = await new SignJWT({ tenant: a.id, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(srv.server.config.jwtIssuer)
      .setAudience(srv.server.config.jwtAudience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    assert.equal((await send(srv.url, forged, 'GET', '/v1/settings')).status, 401);
    const secret = new TextEncoder().encode(srv.server.config.jwtSecret!);
    const base = () => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('m').setIssuer(srv.server.config.jwtIssuer).setAudience(srv.server.config.jwtAudience).setExpirationTime('1h');
    assert.equal((await send(srv.url, await base().sign(secret), 'GET', '/v1/settings')).status, 401, 'no tenant claim');
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ tenant: a.id, role: 'admin', sub: 'm' })).toString('base64url')}.`;
    assert.equal((await send(srv.url, noneAlg, 'GET', '/v1/settings')).status, 401, 'alg none');
    const expired = await new SignJWT({ tenant: a.id, role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('m').setIssuer(srv.server.config.jwtIssuer).setAudience(srv.server.config.jwtAudience).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(secret);
    assert.equal((await send(srv.url, expired, 'GET', '/v1/settings')).status, 401, 'expired');
    const otherAudience = await new SignJWT({ tenant: a.id, role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('m').setIssuer(srv.server.config.jwtIssuer).setAudience('someone-else').setExpirationTime('1h').sign(secret);
    assert.equal((await send(srv.url, otherAudience, 'GET', '/v1/settings')).status, 401, 'audience');
    // Writes are stored under the subject: one Postgres cannot store is refused at the door, not a 500 at the write.
    for (const sub of ['a\u0000b', 'a\ud800b']) {
      const unstorable = await new SignJWT({ tenant: a.id, role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer(srv.server.config.jwtIssuer).setAudience(srv.server.config.jwtAudience).setExpirationTime('1h').sign(secret);
      const r = await send(srv.url, unstorable, 'POST', '/v1/endpoints', { body: { name: 'x', description: 'd' } });
      assert.deepEqual([r.status, r.body.detail], [401, 'The token has no valid sub claim (1 to 256 characters, none a NUL or a broken surrogate).'], JSON.stringify(sub));
    }
    assert.deepEqual(await snapshot(a), aBefore);
  });
});
