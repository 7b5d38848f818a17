// Graceful shutdown: for MP_DRAIN_GRACE seconds the listener stays open and /readyz answers 503, so a load
// balancer's readiness probe takes the server out of rotation before connections are refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/index.js';

test('during the drain grace /readyz answers 503 while requests are still served; then the listener closes', async () => {
  const server = await startServer({ port: 0, databaseUrl: 'memory://', gateway: null, log: () => {}, env: {}, drainGraceSeconds: 1 });
  assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  const closed = server.close();
  const ready = await fetch(`${server.url}/readyz`, { headers: { connection: 'close' } });
  assert.equal(ready.status, 503);
  assert.equal((await fetch(`${server.url}/healthz`, { headers: { connection: 'close' } })).status, 200);
  await closed;
  await assert.rejects(fetch(`${server.url}/healthz`));
});

test('MP_DRAIN_GRACE defaults to 0, and to 5 seconds in production', () => {
  assert.equal(loadConfig({}).drainGraceSeconds, 0);
  assert.equal(loadConfig({ NODE_ENV: 'production' }).drainGraceSeconds, 5);
  assert.equal(loadConfig({ NODE_ENV: 'production', MP_DRAIN_GRACE: '0' }).drainGraceSeconds, 0);
});
