import { mkdirSync, writeFileSync } from 'node:fs';
import type { BenchRow } from './size.js';

/** Prints a bench's table and writes bench/results/<name>.json for bench/run.mjs. */
export function report(name: string, rows: BenchRow[]): void {
  console.table(rows.map((r) => ({ metric: r.metric, value: `${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}`, budget: r.budget ?? '', within: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO' })));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${name}.json`, JSON.stringify({ name, at: new Date().toISOString(), rows }, null, 2) + '\n');
}
