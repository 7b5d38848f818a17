// Graceful shutdown: for MP_DRAIN_GRACE seconds the listener stays open and /readyz answers 503, so a load
// balancer's readiness probe takes the server out of rotation before connections are refused.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/index.js';
import { binPath, start } from './support/child.js';

test('during the drain grace /readyz answers 503 while requests are still served; then the listener closes', async () => {
  const logged: Array<Record<string, unknown>> = [];
  const server = await startServer({ port: 0, databaseUrl: 'memory://', gateway: null, log: (entry) => logged.push(entry), env: {}, drainGraceSeconds: 1 });
  assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  const closed = server.close();
  const ready = await fetch(`${server.url}/readyz`, { headers: { connection: 'close' } });
  assert.equal(ready.status, 503);
  const probe = logged.find((e) => e.msg === 'request' && e.path === '/readyz' && e.status === 503);
  assert.equal(probe?.level, 'info', 'a probe told "draining" is the stop working, not an error');
  assert.equal((await fetch(`${server.url}/healthz`, { headers: { connection: 'close' } })).status, 200);
  await closed;
  await assert.rejects(fetch(`${server.url}/healthz`));
});

test('MP_DRAIN_GRACE defaults to 0, and to 5 seconds in production', () => {
  assert.equal(loadConfig({}).drainGraceSeconds, 0);
  assert.equal(loadConfig({ NODE_ENV: 'production' }).drainGraceSeconds, 5);
  assert.equal(loadConfig({ NODE_ENV: 'production', MP_DRAIN_GRACE: '0' }).drainGraceSeconds, 0);
});

test('a SIGTERM while `serve` is still starting waits for the start, then stops gracefully', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'mp-early-stop-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const child = start(['serve'], { MP_DEV: '1', MP_DATA_DIR: dir });
  // The first log line (the generated dev secrets) comes well before the database is open.
  while (!child.stdout().includes('\n')) await new Promise((r) => setTimeout(r, 5));
  assert.ok(!child.stdout().includes('"msg":"listening"'), 'still starting');
  child.proc.kill('SIGTERM');
  assert.equal(await child.exited, 0, 'a clean exit, not killed by the signal');
  assert.match(child.stdout(), /"msg":"shutting down","signal":"SIGTERM"/);
});

test('the bin script ends the way its server did: stopped by a signal before it could handle it, by that signal', async () => {
  const child = start(['serve'], { DATABASE_URL: 'memory://' }, binPath);
  // At once: the server has not even loaded yet, so the signal ends it as the default action does.
  await new Promise((r) => setTimeout(r, 100));
  child.proc.kill('SIGTERM');
  assert.equal(await child.exited, 'SIGTERM', 'not a silent exit 1');
});
