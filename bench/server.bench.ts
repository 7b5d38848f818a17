// The API server under load: autocannon in a second process against GET and PUT of one settings record,
// 64 connections for 10 s each, on PGlite (in memory) and on a real Postgres 15 started here, beside a
// bare Hono route served the same way in the same run.
// Budgets: GET p99 ≤ 10 ms on Postgres; GET throughput ≥ 0.5 × the bare route's.
// Each measured run follows an unmeasured 2 s warm-up. MP_BENCH_SECONDS shortens the runs for a quick look.
// PUT has no budget: every PUT is a transaction on one row (lock, read, update, audit insert), so it is
// bounded by the database round trips, not by the HTTP layer.
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { generateMasterKey, signDevToken, startServer } from '@memberpulse/integration-server';
import { findPostgres, startPostgres } from '../packages/server/test/support/postgres.js';
import { report } from './support/report.js';
import type { BenchRow } from './support/size.js';

for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[k];
const seconds = Number(process.env.MP_BENCH_SECONDS ?? 10);
const connections = 64;

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function load(options: { url: string; method?: string; headers?: Record<string, string>; body?: string }, duration = seconds): Promise<Load> {
  const child = spawn(process.execPath, [new URL('./support/autocannon-child.mjs', import.meta.url).pathname, JSON.stringify({ ...options, connections, duration })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exited ${code}`))));
  });
}

const rows: BenchRow[] = [];
const add = (label: string, r: Load) => {
  rows.push(
    { metric: `${label}: requests/s`, value: r.requestsPerSecond, unit: 'req/s' },
    { metric: `${label}: p50`, value: r.p50, unit: 'ms' },
    { metric: `${label}: p99`, value: r.p99, unit: 'ms' },
  );
  if (r.non2xx || r.errors || r.timeouts) rows.push({ metric: `${label}: failed requests`, value: r.non2xx + r.errors + r.timeouts, unit: 'req', budget: '0', ok: false });
};

// Bare route: the same framework and adapter, no auth, no database.
const bareApp = new Hono();
bareApp.get('/bare', (c) => c.json({ ok: true }));
// The same route answering a settings-sized body with the API's headers: how much of the gap is bytes.
let sameBytes = '{}';
bareApp.get('/bare-same-bytes', (c) =>
  c.body(sameBytes, 200, { 'Content-Type': 'application/json', ETag: '"1"', 'X-Request-Id': crypto.randomUUID(), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }),
);
const bare = await new Promise<Server>((resolve) => {
  const s = serve({ fetch: bareApp.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  s.once('listening', () => resolve(s));
});
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/bare`;
await load({ url: bareUrl }, 2); // warm-up, not measured (JIT, connection setup)

const targets: Array<{ name: string; databaseUrl: string; stop?: () => void }> = [{ name: 'PGlite', databaseUrl: 'memory://' }];
const pg = findPostgres();
if ('missing' in pg) console.warn(`server bench: ${pg.missing}; the Postgres rows are skipped.`);
else {
  const cluster = await startPostgres();
  targets.push({ name: 'Postgres', databaseUrl: await cluster.createDatabase('bench'), stop: cluster.stop });
}

for (const target of targets) {
  const server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: target.databaseUrl, masterKey: generateMasterKey(), jwtSecret: 'bench-secret-bench-secret-bench-secret', rateLimitPerMinute: 0, gateway: null, log: () => {}, env: {} });
  const token = await signDevToken({ tenant: 'bench', role: 'admin', sub: 'bench' }, server.config);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const doc = JSON.stringify({ platform: 'salesforce', config: { environment: 'production', authMode: 'connectedApp', consumerKey: 'bench-key' }, crm: { supportTicketNotes: true } });
  const seeded = await fetch(`${server.url}/v1/settings/crm`, { method: 'PUT', headers, body: JSON.stringify({ ...JSON.parse(doc), credentials: { consumerSecret: 'bench-consumer-secret' } }) });
  if (seeded.status !== 201) throw new Error(`seeding answered ${seeded.status}`);

  // The bare route is measured right before each GET run, so both see the same machine load.
  const bareLoad = await load({ url: bareUrl });
  add(`bare Hono route (beside ${target.name})`, bareLoad);
  await load({ url: `${server.url}/v1/settings/crm`, headers }, 2); // warm-up, not measured
  const get = await load({ url: `${server.url}/v1/settings/crm`, headers });
  add(`${target.name} GET /v1/settings/crm`, get);
  const ratio = get.requestsPerSecond / bareLoad.requestsPerSecond;
  rows.push({ metric: `${target.name} GET throughput / bare route`, value: ratio, unit: '×', budget: '≥ 0.5', ok: ratio >= 0.5 });
  if (target.name === 'Postgres') rows.push({ metric: 'Postgres GET p99 (budget)', value: get.p99, unit: 'ms', budget: '≤ 10 ms', ok: get.p99 <= 10 });
  sameBytes = await (await fetch(`${server.url}/v1/settings/crm`, { headers })).text();
  const sameLoad = await load({ url: `${bareUrl}-same-bytes` });
  rows.push({ metric: `bare route with the same body and headers (beside ${target.name}): requests/s`, value: sameLoad.requestsPerSecond, unit: 'req/s' });
  rows.push({ metric: `${target.name} GET throughput / same-bytes bare route`, value: get.requestsPerSecond / sameLoad.requestsPerSecond, unit: '×' });

  const put = await load({ url: `${server.url}/v1/settings/crm`, method: 'PUT', headers, body: doc });
  add(`${target.name} PUT /v1/settings/crm`, put);
  rows.push({ metric: `${target.name} PUT throughput / bare route`, value: put.requestsPerSecond / bareLoad.requestsPerSecond, unit: '×' });
  await server.close();
  target.stop?.();
}

bare.close();
report('server', rows);
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
