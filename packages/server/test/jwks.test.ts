// Tokens from an identity provider (MP_JWKS_URL), the production set-up: signatures are checked against
// the provider's published keys, and an unreachable key set is the server's problem (503), not the caller's.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { AuthError, createVerifier } from '../src/auth.js';
import { backends, send, startTestServer } from './support/harness.js';

const issuer = 'https://id.example.org';
const audience = 'memberpulse-integrations';
const claims = { tenant: 'club-7', role: 'admin' };

/** A loopback identity provider publishing one RS256 key as `kid: k1`; `up(false)` makes it answer 503. */
async function identityProvider() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  let up = true;
  let fetches = 0;
  const server: Server = createServer((_req, res) => {
    fetches++;
    if (up) res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    sign: (sub: string, options: { key?: CryptoKey; expiresIn?: string | number } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.key ?? privateKey),
    up: (value: boolean) => (up = value),
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const pglite = backends.find((b) => b.name === 'pglite')!;
const jwksServer = (jwksUrl: string) => startTestServer(pglite, { jwtSecret: null, jwksUrl, jwtIssuer: issuer, jwtAudience: audience });

test('a token signed with the provider’s key is accepted; another key, HS256, alg none or an expired token are not', async () => {
  const idp = await identityProvider();
  const srv = await jwksServer(idp.url);
  try {
    const me = await send(srv.url, await idp.sign('ada@club-7'), 'GET', '/v1/me');
    assert.equal(me.status, 200, me.text);
    assert.deepEqual([me.body.tenantId, me.body.role, me.body.subject], ['club-7', 'admin', 'ada@club-7']);

    const stranger = (await generateKeyPair('RS256')).privateKey;
    const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(issuer).setAudience(audience).setExpirationTime('1h').sign(new TextEncoder().encode('a-shared-secret-nobody-configured'));
    const none = new UnsecuredJWT(claims).setSubject('x').setIssuer(issuer).setAudience(audience).setExpirationTime('1h').encode();
    const expired = await idp.sign('ada@club-7', { expiresIn: Math.floor(Date.now() / 1000) - 120 });
    for (const [what, token, detail] of [
      ['another key under the same kid', await idp.sign('eve', { key: stranger }), /not valid/],
      ['HS256', hs256, /not valid/],
      ['alg none', none, /not valid/],
      ['expired', expired, /expired/],
    ] as const) {
      const r = await send(srv.url, token, 'GET', '/v1/me');
      assert.equal(r.status, 401, what);
      assert.match(r.body.detail, detail, what);
    }
  } finally {
    await srv.close();
    await idp.close();
  }
});

test('before the key set was ever fetched, an unreachable provider answers 503 with Retry-After, and the next call after it is back succeeds', async () => {
  const idp = await identityProvider();
  idp.up(false);
  const srv = await jwksServer(idp.url);
  try {
    const token = await idp.sign('ada@club-7');
    const down = await send(srv.url, token, 'GET', '/v1/me');
    assert.equal(down.status, 503);
    assert.equal(down.headers.get('retry-after'), '5');
    assert.match(down.body.detail, /signing keys could not be loaded/);
    idp.up(true);
    assert.equal((await send(srv.url, token, 'GET', '/v1/me')).status, 200);
  } finally {
    await srv.close();
    await idp.close();
  }
});

test('when a refetch of the key set fails, the keys fetched last still verify, and only them', async (t) => {
  const idp = await identityProvider();
  const verify = createVerifier({ jwtSecret: null, jwksUrl: idp.url, jwtIssuer: issuer, jwtAudience: audience });
  try {
    assert.equal((await verify(await idp.sign('first'))).sub, 'first');
    idp.up(false);
    // jose refetches keys older than ten minutes before it verifies.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 11 * 60_000 });
    const before = idp.fetches();
    assert.equal((await verify(await idp.sign('during-outage'))).sub, 'during-outage');
    assert.equal(idp.fetches(), before + 1, 'it did try to refetch');
    const stranger = (await generateKeyPair('RS256')).privateKey;
    await assert.rejects(verify(await idp.sign('eve', { key: stranger })), AuthError);
  } finally {
    t.mock.timers.reset();
    await idp.close();
  }
});
