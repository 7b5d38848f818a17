// The API beside Storybook's Vite servers: the connect middleware answers POST /__mp/test-env with a fresh
// tenant on the real server (the one web-test-runner's Koa middleware gives the browser tests) and
// POST /__mp/salesforce-usage with the loopback org's usage, and passes every other request on.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { stopTestEnv, testEnvConnectMiddleware } from '../test-env.mjs';

after(() => stopTestEnv());

/** Runs the middleware on one request; answers the status and body it wrote, or `next` when it passed it on. */
function ask(url: string): Promise<{ status: number; body: string } | 'next'> {
  return new Promise((resolve) => {
    const res = {
      statusCode: 200,
      setHeader() {},
      end(body: string) {
        resolve({ status: res.statusCode, body });
      },
    };
    testEnvConnectMiddleware({ url, method: 'POST' }, res, () => resolve('next'));
  });
}

test('answers a fresh tenant on the real API server, and passes other paths on', async () => {
  assert.equal(await ask('/iframe.html'), 'next');
  const answers = [await ask('/__mp/test-env'), await ask('/__mp/test-env?x=1')];
  const envs = answers.map((a) => {
    assert.ok(a !== 'next' && a.status === 200, JSON.stringify(a));
    return JSON.parse(a.body) as { apiUrl: string; tenant: string; tokens: Record<string, string> };
  });
  assert.notEqual(envs[0]!.tenant, envs[1]!.tenant, 'a tenant each');
  const me = await fetch(`${envs[0]!.apiUrl}/v1/me`, { headers: { authorization: `Bearer ${envs[0]!.tokens.viewer}` } });
  assert.equal(me.status, 200);
  const who = (await me.json()) as { tenantId: string; role: string };
  assert.deepEqual([who.tenantId, who.role], [envs[0]!.tenant, 'viewer'], 'its tokens are the real server’s');
});

test('raises the loopback org’s API usage to at least what a story asks, and never lowers it', async () => {
  const usage = async (atLeast: number) => {
    const a = await ask(`/__mp/salesforce-usage?atLeast=${atLeast}`);
    assert.ok(a !== 'next' && a.status === 200, JSON.stringify(a));
    return JSON.parse(a.body) as { used: number; max: number };
  };
  const before = await usage(0);
  assert.equal((await usage(before.used + 750)).used, before.used + 750);
  assert.equal((await usage(before.used + 10)).used, before.used + 750, 'the count only grows, as spent calls do');
});
