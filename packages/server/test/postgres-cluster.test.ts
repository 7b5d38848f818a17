// The real-Postgres cluster the suites start (support/postgres.ts) goes with its test process, also when the
// run is stopped part-way: a Ctrl+C or a CI timeout must not leave a postgres running on a temp folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { test } from 'node:test';
import { postgresSkipReason } from './support/harness.js';

const support = new URL('./support/postgres.ts', import.meta.url).href;

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`a test process stopped by ${signal} stops its Postgres cluster and removes its folder`, { skip: postgresSkipReason ?? false }, async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `const c = await (await import(${JSON.stringify(support)})).startPostgres(); console.log(c.dataDir); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const exited = once(child, 'exit');
    while (!out.includes('\n') && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
    const dataDir = out.trim();
    assert.ok(existsSync(dataDir), `the cluster runs on ${dataDir}`);
    child.kill(signal);
    const [code, ended] = await exited;
    assert.equal(ended, signal, `ended by ${signal} (exit code ${code})`);
    assert.equal(existsSync(dataDir), false, 'its folder removed, so its postgres was stopped first');
  });
}
