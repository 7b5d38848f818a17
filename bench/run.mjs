// Runs every bench/*.bench.{mjs,ts} in turn (or those whose names contain an argument). Each one prints its
// own table and writes bench/results/<name>.json as { name, rows: [{ metric, value, unit, budget?, ok? }] }.
// This script then prints one combined table of every bench's latest results and writes bench/results/summary.json.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const only = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => /\.bench\.(mjs|ts)$/.test(f))
  .sort();
const benches = all.filter((f) => only.length === 0 || only.some((o) => f.includes(o)));

let failedRuns = 0;
for (const file of benches) {
  console.log(`\n== ${file.replace(/\.bench\.(mjs|ts)$/, '')}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', join(dir, file)], {
    stdio: 'inherit',
    cwd: join(dir, '..'),
  });
  if (r.status !== 0) failedRuns++;
}

// The summary holds every bench's latest results, so running one (`npm run bench -- embed`) keeps the others.
const rows = [];
for (const file of all) {
  const name = file.replace(/\.bench\.(mjs|ts)$/, '');
  const out = join(dir, 'results', `${name}.json`);
  if (!existsSync(out)) continue;
  for (const row of JSON.parse(readFileSync(out, 'utf8')).rows) rows.push({ bench: name, ...row });
}

const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v ?? ''));
console.log('\n== summary');
console.table(
  rows.map((r) => ({
    bench: r.bench,
    metric: r.metric,
    value: `${fmt(r.value)} ${r.unit ?? ''}`.trim(),
    budget: r.budget ?? '',
    within: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
  })),
);
writeFileSync(join(dir, 'results', 'summary.json'), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
process.exit(failedRuns > 0 ? 1 : 0);
