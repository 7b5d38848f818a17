// The SDK's budgets.
// 1. Size: `createIntegrationClient` (with every resource) + ky + the schema's response schemas,
//    bundled for the browser with esbuild (minify, code splitting as a host bundler would), gzip -9.
//    Response checks (zod/mini + the schema's schemas) are a separate chunk loaded on first use;
//    the budget row counts everything a default client loads. Budget ≤ 12 kB. ky and zod/mini
//    alone are reported too: together they are the floor under any SDK built on them.
// 2. Per-call overhead: SDK `settings.get` against raw `fetch` + `json()` of the same URL on the
//    same local server, interleaved in rounds; ratio of medians. Budget ≤ 1.2×. Measured where the SDK
//    runs: in Node 20 (the server in the same process) and in headless Chromium (a page on the server's
//    origin, so no CORS preflight). ky alone against the same URL is measured too: its fixed cost per
//    call is the floor under any SDK built on it.
import { build, type Plugin } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { report } from './support/report.js';
import { chromium } from 'playwright-core';
import { browserBuild, type BenchRow } from './support/size.js';
import { timeSdkCalls, type CallTimes } from './support/sdk-calls.js';

const rows: BenchRow[] = [];

// ---- size
/** Bundles `source` (an ESM module text resolved from `dir`) for the browser; answers min+gzip bytes per chunk. */
async function bundleSize(source: string, dir = process.cwd()): Promise<{ initial: number; lazy: number }> {
  const entry: Plugin = {
    name: 'entry',
    setup(b) {
      b.onResolve({ filter: /^entry:/ }, (a) => ({ path: a.path, namespace: 'entry' }));
      b.onLoad({ filter: /.*/, namespace: 'entry' }, () => ({ contents: source, resolveDir: dir, loader: 'ts' }));
    },
  };
  const bundle = await build({
    entryPoints: ['entry:sdk'],
    plugins: [entry],
    ...browserBuild,
    splitting: true,
    outdir: 'bench/results/.sdk-bundle',
    metafile: true,
  });
  let initial = 0;
  let lazy = 0;
  for (const file of bundle.outputFiles) {
    const gz = gzipSync(file.contents, { level: 9 }).length;
    const meta = bundle.metafile.outputs[file.path.slice(process.cwd().length + 1)];
    // esbuild marks dynamic-import chunks as entry points too; the lazy one is the chunk of validators.ts.
    if (meta?.entryPoint?.endsWith('sdk/src/validators.ts')) lazy += gz;
    else initial += gz; // the entry and the chunks it imports statically
  }
  return { initial, lazy };
}

const sdkSize = await bundleSize(`export { createIntegrationClient } from '@memberpulse/integrations-sdk';`);
const total = (sdkSize.initial + sdkSize.lazy) / 1024;
// The two dependencies the issue prescribes, alone: what no SDK code can go below.
const kyAlone = (await bundleSize(`export { default } from 'ky';`)).initial / 1024;
const zodAlone = (await bundleSize(`import * as z from 'zod/mini'; export const s = z.object({ a: z.string() });`, 'packages/schema')).initial / 1024;
rows.push(
  { metric: 'SDK + schema, browser min+gzip (all a default client loads)', value: total, unit: 'kB', budget: '≤ 12 kB', ok: total <= 12 },
  { metric: '  initial: createIntegrationClient + resources + ky', value: sdkSize.initial / 1024, unit: 'kB' },
  { metric: '  lazy: response checks (zod/mini + schema schemas)', value: sdkSize.lazy / 1024, unit: 'kB' },
  { metric: '  floor: ky alone', value: kyAlone, unit: 'kB' },
  { metric: '  floor: zod/mini alone (one object of one string)', value: zodAlone, unit: 'kB' },
);

// ---- per-call overhead
const pageScript = `
import { timeSdkCalls } from './bench/support/sdk-calls.ts';
window.runBench = ({ origin, token }) => timeSdkCalls(origin, token);
`;

/** `timeSdkCalls` in headless Chromium, from a page on the server's own origin; `undefined` without Chromium. */
async function timeInChromium(origin: string, token: string): Promise<CallTimes | undefined> {
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  const js = (await build({ stdin: { contents: pageScript, resolveDir: process.cwd(), loader: 'ts' }, ...browserBuild })).outputFiles[0]!.text;
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  } catch (e) {
    console.warn(`sdk bench: Chromium did not start at ${executablePath} (${(e as Error).message.split('\n')[0]}); skipping the browser rows.`);
    return undefined;
  }
  try {
    // The API's own responses forbid inline scripts (CSP); the bench page is ours, so the context bypasses it.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${origin}/v1/`);
    await page.addScriptTag({ type: 'module', content: js });
    await page.waitForFunction(() => 'runBench' in window);
    return await page.evaluate(
      (args) => (window as unknown as { runBench(a: typeof args): Promise<CallTimes> }).runBench(args),
      { origin, token },
    );
  } finally {
    await browser.close();
  }
}

type ServerModule = {
  startServer(o: Record<string, unknown>): Promise<{ url: string; config: unknown; close(): Promise<void> }>;
  signDevToken(claims: Record<string, string>, config: unknown): Promise<string>;
};
let server: ServerModule | undefined;
try {
  server = (await import('@memberpulse/integration-server')) as unknown as ServerModule;
} catch (e) {
  console.warn(`sdk bench: the API server is not available (${(e as Error).message}); skipping the overhead rows.`);
}

if (server?.startServer) {
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[k];
  const { createIntegrationClient } = await import('@memberpulse/integrations-sdk');
  // No rate limit: the bench makes thousands of calls a minute for one tenant.
  const srv = await server.startServer({ port: 0, host: '127.0.0.1', databaseUrl: 'memory://', dev: true, rateLimitPerMinute: 0, log: () => {} });
  try {
    const token = await server.signDevToken({ tenant: 'bench', role: 'admin', sub: 'bench' }, srv.config);
    await createIntegrationClient({ baseUrl: srv.url, token }).settings.saveDraft('crm', { platform: 'salesforce', config: { environment: 'sandbox' } });
    const node = await timeSdkCalls(srv.url, token);
    const browser = await timeInChromium(srv.url, token);
    for (const [where, ms] of [['Node 20', node], ['Chromium', browser]] as const) {
      if (!ms) continue;
      const ratio = ms.sdk / ms.raw;
      rows.push(
        { metric: `${where}: per call, raw fetch + json (GET /v1/settings/crm)`, value: ms.raw, unit: 'ms' },
        { metric: `${where}: per call, SDK settings.get (validated)`, value: ms.sdk, unit: 'ms' },
        { metric: `${where}: SDK / raw fetch`, value: ratio, unit: '×', budget: '≤ 1.2×', ok: ratio <= 1.2 },
        { metric: `  ${where}: SDK (validateResponses: false) / raw fetch`, value: ms.sdkNoCheck / ms.raw, unit: '×' },
        { metric: `  ${where}: floor: ky alone (same URL, same headers) / raw fetch`, value: ms.ky / ms.raw, unit: '×' },
        { metric: `  ${where}: SDK / ky alone: what the SDK itself adds`, value: ms.sdk / ms.ky, unit: '×' },
      );
    }
  } finally {
    await srv.close();
  }
}

report('sdk', rows);
