// Discovery through the server (real connectors, jsforce, loopback Salesforce with a ~1,000-object org and a
// 400-field Contact). A "settings-screen open" is what <mp-integration-settings> asks for when it opens on a
// Salesforce tenant: the object list, the member object's fields, the order object's fields and the org's API
// usage, in parallel.
// Cold: every open forces a fresh describe (`refresh=true`). Cached: opens within the describe TTL.
// Budgets: 0 Salesforce API calls per cached open (≤ 4 cold: three describes and the usage); cached open ≤ 50 ms median; cold open ≤ 1,000 ms median.
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[k];

import { FAKE_CONSUMER_KEY, FAKE_CONSUMER_SECRET, startFakeSalesforce } from '@memberpulse/fake-salesforce';
import { signDevToken, startServer } from '@memberpulse/integration-server';
import { report } from './support/report.js';
import type { BenchRow } from './support/size.js';

const COLD_ROUNDS = 8;
const CACHED_ROUNDS = 40;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const sf = await startFakeSalesforce();
// No `gateway` option: the server loads the real connectors itself, as in production.
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: 'memory://',
  dev: true,
  rateLimitPerMinute: 0,
  salesforceLoginUrl: sf.url,
  log: () => {},
  env: {},
});
try {
  const token = await signDevToken({ tenant: 'bench', role: 'admin', sub: 'bench@example.org' }, server.config);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return text;
  };
  await call('PUT', '/v1/settings/crm', {
    platform: 'salesforce',
    config: { environment: 'production', authMode: 'connectedApp', consumerKey: FAKE_CONSUMER_KEY },
    credentials: { consumerSecret: FAKE_CONSUMER_SECRET },
    crm: { memberObject: 'Contact', orderObject: 'Order' },
  });

  let bytes = 0;
  const open = async (refresh: boolean) => {
    const q = refresh ? '?refresh=true' : '';
    const started = performance.now();
    const bodies = await Promise.all([
      call('GET', `/v1/settings/crm/objects${q}`),
      call('GET', `/v1/settings/crm/objects/Contact/fields${q}`),
      call('GET', `/v1/settings/crm/objects/Order/fields${q}`),
      call('GET', `/v1/settings/crm/api-usage${q}`),
    ]);
    bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);
    return performance.now() - started;
  };

  const measure = async (refresh: boolean, rounds: number) => {
    const times: number[] = [];
    const before = { api: sf.callCount(), logins: sf.callCount('/services/oauth2/token') };
    for (let i = 0; i < rounds; i++) times.push(await open(refresh));
    return {
      ms: median(times),
      apiPerOpen: (sf.callCount() - before.api) / rounds,
      loginsPerOpen: (sf.callCount('/services/oauth2/token') - before.logins) / rounds,
    };
  };

  await open(true); // warm-up: module loading, JIT, the fake's lazily built describes
  const cold = await measure(true, COLD_ROUNDS);
  const cached = await measure(false, CACHED_ROUNDS);

  const rows: BenchRow[] = [
    { metric: 'settings-screen open, cold (fresh describes), median', value: cold.ms, unit: 'ms', budget: '≤ 1000 ms', ok: cold.ms <= 1000 },
    { metric: 'settings-screen open, cached, median', value: cached.ms, unit: 'ms', budget: '≤ 50 ms', ok: cached.ms <= 50 },
    { metric: 'cold ÷ cached', value: cold.ms / cached.ms, unit: '×' },
    { metric: 'Salesforce API calls per open, cold', value: cold.apiPerOpen, unit: 'calls', budget: '≤ 4', ok: cold.apiPerOpen <= 4 },
    { metric: 'Salesforce API calls per open, cached', value: cached.apiPerOpen, unit: 'calls', budget: '0', ok: cached.apiPerOpen === 0 },
    { metric: 'OAuth logins per open, cold', value: cold.loginsPerOpen, unit: 'logins' },
    { metric: 'OAuth logins per open, cached', value: cached.loginsPerOpen, unit: 'logins', budget: '0', ok: cached.loginsPerOpen === 0 },
    { metric: 'response bytes per open (objects, 2 describes, usage)', value: bytes / 1024, unit: 'KiB' },
  ];
  report('discovery', rows);
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
} finally {
  await server.close();
  await sf.close();
}
