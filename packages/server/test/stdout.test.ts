// docs/server.md: stdout carries the log, one JSON line per entry, and nothing else; what a person reads at
// start (the URL banner, the dev token) goes to stderr.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { spawnServer, type Child } from './support/child.js';

const dir = mkdtempSync(join(tmpdir(), 'mp-stdout-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function stop(child: Child) {
  child.proc.kill('SIGTERM');
  assert.equal(await child.exited, 0);
}

test('serve in dev mode: stdout is JSON lines only; the banner and the demo token are on stderr', async () => {
  const child = await spawnServer({ MP_DEV: '1', MP_DATA_DIR: dir });
  // The banner follows the "listening" log line once the demo token is signed: wait for it before stopping.
  for (let i = 0; i < 1200 && !/Demo admin token[^\n]*\n\S+/.test(child.stderr()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  await stop(child);
  const lines = child.stdout().split('\n').filter((l) => l !== '');
  assert.ok(lines.length > 0);
  for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), line);
  assert.match(child.stderr(), /listening on http:\/\/127\.0\.0\.1:\d+/);
  assert.match(child.stderr(), /Demo admin token[^\n]*\n\S+/);
});

test('serve with MP_LOG=silent writes nothing to stdout', async () => {
  const child = await spawnServer({ MP_DEV: '1', MP_DATA_DIR: dir, MP_LOG: 'silent' });
  await stop(child);
  assert.equal(child.stdout(), '');
});

test('openapi piped to another program is the whole document (stdout is flushed before the process exits)', async () => {
  // A pipe is written asynchronously: exiting straight after the write cut the document at 64 KiB.
  const { spawn } = await import('node:child_process');
  const { cliPath } = await import('./support/child.js');
  // Through `| cat`: an OS pipe (64 KiB buffer), as in a shell; Node's own stdio pipe is a socket pair whose
  // larger buffer would take the whole document at once.
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const command = [process.execPath, '--import', 'tsx', '--conditions=source', cliPath, 'openapi'].map(quote).join(' ');
  const proc = spawn('sh', ['-c', `${command} | cat`], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const chunks: Buffer[] = [];
  proc.stdout.on('data', (d: Buffer) => chunks.push(d));
  const code = await new Promise<number | null>((resolve) => proc.on('close', (c) => resolve(c)));
  assert.equal(code, 0);
  const text = Buffer.concat(chunks).toString('utf8');
  assert.ok(text.length > 65536, `only ${text.length} characters arrived`);
  assert.equal(JSON.parse(text).openapi, '3.1.0');
});
