// A call that carries secrets never follows a redirect: fetch re-sends a 307/308's body, secrets included,
// to wherever the Location points (another origin too). The API never redirects, so such an answer is
// something in the way (a proxy, a hijacked origin), and the secrets must stop at the API's origin.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntegrationError, createIntegrationClient } from '@memberpulse/integrations-sdk';

const SECRET = 'sk_test_REDIRECTEDsecret123';
const TOKEN = 'tok.en-REDIRECT-abc123';
let api: Server;
let elsewhere: Server;
let apiUrl = '';
let redirectStatus = 307;
/** The redirect's body is cut off after a few bytes (a proxy dropping the connection). */
let cutBody = false;
let apiCalls = 0;
const received: string[] = [];

const listen = async (s: Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

before(async () => {
  elsewhere = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    received.push(`${req.method} ${req.url} ${body}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  const elsewhereUrl = await listen(elsewhere);
  api = createServer((req, res) => {
    req.resume();
    apiCalls++;
    if (cutBody) {
      res.writeHead(redirectStatus, { location: `${elsewhereUrl}/collect`, 'content-type': 'text/html', 'content-length': '100' });
      res.write('<html>');
      setTimeout(() => res.destroy(), 20);
      return;
    }
    res.writeHead(redirectStatus, { location: `${elsewhereUrl}/collect` });
    res.end();
  });
  apiUrl = await listen(api);
});
after(() => {
  api.closeAllConnections();
  elsewhere.closeAllConnections();
  api.close();
  elsewhere.close();
});

describe('redirects', () => {
  for (const status of [307, 308]) {
    it(`does not re-send secrets where a ${status} points, and says why the call failed`, async () => {
      received.length = 0;
      redirectStatus = status;
      const client = createIntegrationClient({ baseUrl: apiUrl, token: TOKEN, retry: { delay: () => 0 } });
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['replace', () => client.settings.replace('paymentGateway', { platform: 'stripe', config: { mode: 'test' }, credentials: { secretKey: SECRET } })],
        ['credentials.set', () => client.credentials.set('crm', 'consumerSecret', SECRET)],
        ['testConnection', () => client.crm.testConnection({ credentials: { consumerSecret: SECRET } })],
        ['validate', () => client.settings.validate('crm', { credentials: { consumerSecret: SECRET } })],
      ];
      for (const [name, call] of calls) {
        const e = await call().then(() => assert.fail(`${name} resolved`), (err: unknown) => err);
        assert.ok(e instanceof IntegrationError, `${name}: ${String(e)}`);
        assert.match((e as Error).message, /redirect/i, name);
        assert.ok(!JSON.stringify(e).includes(SECRET) && !(e as Error).message.includes('/collect'), name);
      }
      assert.deepEqual(received, [], 'nothing reached the other origin');
    });
  }

  it('says why at once when the redirect’s own body is cut off: no retry, no network error', async () => {
    cutBody = true;
    apiCalls = 0;
    redirectStatus = 307;
    try {
      const client = createIntegrationClient({ baseUrl: apiUrl, token: TOKEN, retry: { delay: () => 0 } });
      const e = await client.credentials.set('crm', 'consumerSecret', SECRET).then(() => assert.fail('resolved'), (err: unknown) => err);
      assert.ok(e instanceof IntegrationError && /redirect/i.test(e.message), String(e));
      assert.equal(apiCalls, 1, 'sent once');
    } finally {
      cutBody = false;
    }
  });
});
