// The embed's budget: mp-integration-kit.js (every element + the SDK, what a page of widgets loads) min+gzip,
// ≤ 35 kB, measured on the file `npm run build` writes (rollup.config.mjs's embedBuilds, run in memory), with
// where its bytes go; the response checks beside it, loaded only by a client that checks responses; and peers'
// client libraries measured the way they would be bundled (esbuild, minify, gzip -9), beside our entry bundled
// the same way. Peers are installed from the npm registry into bench/.peers on first run; where the registry
// is unreachable the row shows the reference figure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { browserSize, shippedSize } from './support/size.js';
import { report } from './support/report.js';
import type { BenchRow } from './support/size.js';
import { embedBuilds, isChecksImport } from '../rollup.config.mjs';

const peers = [
  { name: '@useparagon/connect', version: '2.4.0', reference: 55.5, external: [] as string[] },
  { name: '@pipedream/connect-react', version: '3.0.1', reference: 115, external: ['react', 'react-dom'], note: ' (plus React)' },
  { name: '@integration-app/react', version: '2.25.1', reference: 374, external: ['react', 'react-dom'], note: ' (plus React)' },
];
const peerDir = new URL('./.peers/', import.meta.url).pathname;

function installPeers(): boolean {
  if (peers.every((p) => existsSync(`${peerDir}node_modules/${p.name}/package.json`))) return true;
  mkdirSync(peerDir, { recursive: true });
  writeFileSync(`${peerDir}package.json`, JSON.stringify({ name: 'mp-bench-peers', private: true }));
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', ...peers.map((p) => `${p.name}@${p.version}`)], {
      cwd: peerDir,
      stdio: 'ignore',
      timeout: 300_000,
    });
    return true;
  } catch {
    return false;
  }
}

const [embedBuild, checksBuild] = embedBuilds();
const embed = await shippedSize(embedBuild!);
const checks = await shippedSize(checksBuild!);
const embedKb = embed.gzip / 1024;
// The same entry bundled by esbuild as the peers are, with the checks left beside it as the build does.
const checksBeside: Plugin = {
  name: 'checks-beside',
  setup(b) {
    b.onResolve({ filter: /^\.\/validators\.js$/ }, (a) => (isChecksImport(a.path, a.importer) ? { path: a.path, external: true } : undefined));
  },
};
const likePeers = await browserSize(`export * from './packages/elements/src/embed.ts';`, 'embed', { plugins: [checksBeside] });
const rows: BenchRow[] = [
  { metric: 'mp-integration-kit.js (every element + the SDK), min+gzip, as built', value: embedKb, unit: 'kB', budget: '≤ 35 kB', ok: embedKb <= 35 },
  { metric: '  beside it, mp-integration-kit-checks.js (loaded only by a client that checks responses)', value: checks.gzip / 1024, unit: 'kB' },
  { metric: '  the same entry bundled by esbuild, as the peers below are', value: likePeers.gzip / 1024, unit: 'kB' },
];

// Where the bytes go: each library's share as the gzip saved by leaving it out, then every part's minified bytes.
const libraries = [
  { name: 'lit', external: /^(lit|lit-html|lit-element)(\/|$)|^@lit\// },
  { name: 'zod', external: /^zod(\/|$)/ }, // in the checks file, not here: this row shows it stays out
  { name: 'ky', external: /^ky(\/|$)/ },
];
for (const lib of libraries) {
  const [without] = embedBuilds({ external: (id: string) => lib.external.test(id) });
  rows.push({ metric: `  of which ${lib.name} (gzip saved without it)`, value: (embed.gzip - (await shippedSize(without!)).gzip) / 1024, unit: 'kB' });
}
const parts: [string, RegExp][] = [
  ['lit', /node_modules\/(lit|lit-html|lit-element|@lit)\//],
  ['zod', /node_modules\/zod\//],
  ['ky', /node_modules\/ky\//],
  ['schema (catalog, rules, validation)', /packages\/schema\/src\//],
  ['sdk', /packages\/sdk\/src\//],
  ['<mp-integration-settings>', /elements\/src\/integration-settings\//],
  ['<mp-field-mapper>', /elements\/src\/field-mapper\//],
  ['<mp-endpoint-grid>', /elements\/src\/endpoint-grid\//],
  ['<mp-integration-provider>', /elements\/src\/provider\//],
  ['shared (combobox, windowing, styles, i18n)', /elements\/src\//],
];
const minified = new Map<string, number>();
for (const [path, bytes] of Object.entries(embed.inputs)) {
  if (bytes === 0) continue;
  const part = parts.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';
  if (part === 'other') console.warn(`embed bench: ${path} belongs to no part`);
  minified.set(part, (minified.get(part) ?? 0) + bytes);
}
for (const [part, bytes] of [...minified].sort((a, b) => b[1] - a[1])) {
  rows.push({ metric: `  ${part}, minified before gzip`, value: bytes / 1024, unit: 'kB' });
}
// Data for the product decision in docs/decisions.md#size: what a page with one widget would load if the kit
// also shipped a file per element (that element, the provider, lit, the SDK and ky), bundled as the peers are.
const widgets: [string, string][] = [
  ['mp-integration-settings', 'integration-settings/integration-settings'],
  ['mp-field-mapper', 'field-mapper/field-mapper'],
  ['mp-endpoint-grid', 'endpoint-grid/endpoint-grid'],
];
for (const [tag, module] of widgets) {
  const alone = await browserSize(`import './packages/elements/src/provider/integration-provider.ts'; export * from './packages/elements/src/${module}.ts';`, tag, {
    plugins: [checksBeside],
  });
  rows.push({ metric: `  if shipped alone: <${tag}> with the provider, lit, the SDK and ky, min+gzip`, value: alone.gzip / 1024, unit: 'kB' });
}
// And what the one file would weigh if the CRM mapping parts (the field mapper, combobox, windowing, the CRM
// section and the mapping rules) were loaded on demand instead: the other way to a smaller first load.
const mappingParts = /(field-mapper\/|shared\/combobox|shared\/virtual-list|integration-settings\/crm-section|rules\/(automap|compatibility|mappings|drift))/;
const mappingOnDemand: Plugin = {
  name: 'mapping-on-demand',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (a) => (a.importer && mappingParts.test(a.path) && !mappingParts.test(a.importer) ? { path: a.path, external: true } : undefined));
  },
};
const firstLoad = await browserSize(`export * from './packages/elements/src/embed.ts';`, 'embed-mapping-on-demand', { plugins: [checksBeside, mappingOnDemand] });
rows.push({ metric: '  if the mapping parts loaded on demand: the rest of the one file, min+gzip', value: firstLoad.gzip / 1024, unit: 'kB' });
const measured = installPeers();
for (const peer of peers) {
  let value = peer.reference;
  let how = 'reference figure, not measured';
  if (measured) {
    try {
      value = (await browserSize(`export * from '${peer.name}';`, peer.name, { resolveDir: peerDir, external: peer.external })).gzip / 1024;
      how = 'measured';
    } catch {
      how = 'could not bundle; reference figure';
    }
  }
  rows.push({ metric: `${peer.name}@${peer.version}${peer.note ?? ''}, min+gzip (${how})`, value, unit: 'kB' });
  rows.push({ metric: `  ratio to our embed`, value: value / embedKb, unit: '×' });
}
report('embed', rows);
