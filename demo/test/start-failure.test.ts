// `npm start` when something already holds one of its ports (a second `npm start`, say): a last line naming
// the port and the variable that moves it, exit code 1, no stack trace, and no data folder made.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const root = mkdtempSync(join(tmpdir(), 'mp-start-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function occupied(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

async function freePort(): Promise<number> {
  const { server, port } = await occupied();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function npmStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...process.env, MP_LOG: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(killer), resolve({ code, stderr }))));
}

for (const variable of ['PORT', 'MP_DEMO_PORT', 'MP_DEMO_CRM_PORT'] as const) {
  test(`npm start with ${variable} taken says so in one line and exits 1`, async () => {
    const { server, port } = await occupied();
    const dataDir = join(root, variable);
    try {
      const ports = { PORT: String(await freePort()), MP_DEMO_PORT: String(await freePort()), MP_DEMO_CRM_PORT: String(await freePort()), [variable]: String(port) };
      const { code, stderr } = await npmStart({ ...ports, MP_DATA_DIR: dataDir });
      assert.equal(code, 1, stderr);
      const lastLine = stderr.trimEnd().split('\n').at(-1);
      assert.match(lastLine ?? '', new RegExp(`^The demo could not start: ${variable} ${port} on 127\\.0\\.0\\.1 is in use by another process: stop it, or choose another ${variable}\\.$`), stderr);
      assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
      assert.equal(existsSync(dataDir), false, 'no data folder for a start that failed');
    } finally {
      server.close();
    }
  });
}

test('npm start with a port that is no port names its variable at once, and makes nothing', async () => {
  const dataDir = join(root, 'bad-port');
  const { code, stderr } = await npmStart({ MP_DEMO_PORT: 'abc', MP_DATA_DIR: dataDir });
  assert.equal(code, 1, stderr);
  assert.equal(stderr.trimEnd().split('\n').at(-1), 'The demo could not start: MP_DEMO_PORT must be an integer from 0 to 65535.');
  assert.equal(existsSync(dataDir), false, 'no data folder, no generated secrets');
});
