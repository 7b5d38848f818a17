// The one-file embed (every element + the SDK) min+gzip, budget ≤ 35 kB, with where its bytes go, beside peers' client libraries
// measured the same way (esbuild, minify, gzip -9). Peers are installed from the npm registry into
// bench/.peers on first run; where the registry is unreachable the row shows the reference figure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { browserSize } from './support/size.js';
import { report } from './support/report.js';
import type { BenchRow } from './support/size.js';

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

const entry = `export * from './packages/elements/src/embed.ts';`;
const embed = await browserSize(entry, 'embed');
const embedKb = embed.gzip / 1024;
const rows: BenchRow[] = [
  { metric: 'mp-integration-kit embed (elements + SDK), min+gzip', value: embedKb, unit: 'kB', budget: '≤ 35 kB', ok: embedKb <= 35 },
];

// Where the bytes go: each library's share as the gzip saved by leaving it out, then every part's minified bytes.
const libraries = [
  { name: 'lit', external: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'] },
  { name: 'zod', external: ['zod', 'zod/*'] },
  { name: 'ky', external: ['ky'] },
];
for (const lib of libraries) {
  const without = await browserSize(entry, `embed-without-${lib.name}`, { external: lib.external });
  rows.push({ metric: `  of which ${lib.name} (gzip saved without it)`, value: (embed.gzip - without.gzip) / 1024, unit: 'kB' });
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
  minified.set(part, (minified.get(part) ?? 0) + bytes);
}
for (const [part, bytes] of [...minified].sort((a, b) => b[1] - a[1])) {
  rows.push({ metric: `  ${part}, minified before gzip`, value: bytes / 1024, unit: 'kB' });
}
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
