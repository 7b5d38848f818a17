// The one-file embed (every element + the SDK) min+gzip, budget ≤ 35 kB, beside peers' client libraries
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

const embed = await browserSize(`export * from './packages/elements/src/embed.ts';`, 'embed');
const embedKb = embed.gzip / 1024;
const rows: BenchRow[] = [
  { metric: 'mp-integration-kit embed (elements + SDK), min+gzip', value: embedKb, unit: 'kB', budget: '≤ 35 kB', ok: embedKb <= 35 },
];
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
