// The PGlite data folder holds every record, the audit table and (in dev) the master key: only the server's
// user may enter it, whatever the umask and whatever mode an older version left it in.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { lockDataDir, startServer, type LogEntry } from '../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'mp-data-dir-'));
after(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

async function startOn(dataDir: string, logs: LogEntry[] = []) {
  const server = await startServer({ port: 0, dataDir, gateway: null, env: {}, log: (e) => logs.push(e) });
  await server.close();
}

test('a fresh data folder is created 0700', async () => {
  const dir = join(root, 'fresh', 'data');
  await startOn(dir);
  assert.equal(mode(dir).toString(8), '700');
});

test('an existing data folder open to others is tightened to 0700, with a warning naming only the folder', async () => {
  const dir = join(root, 'open');
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  const logs: LogEntry[] = [];
  await startOn(dir, logs);
  assert.equal(mode(dir).toString(8), '700');
  assert.ok(logs.some((e) => e.level === 'warn' && e.dataDir === dir), JSON.stringify(logs));
});

test('a data folder open to others that this user may not tighten stops the start, naming MP_DATA_DIR', async (t) => {
  // Only another user can meet a folder it does not own; root may chmod any folder.
  if (process.getuid?.() !== 0 || spawnSync('runuser', ['--help']).error) {
    t.skip('needs root and runuser to act as another user; not available here');
    return;
  }
  const dir = join(root, 'not-mine');
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  chmodSync(root, 0o755);
  const module = fileURLToPath(new URL('../src/data-dir.ts', import.meta.url));
  const script = `import(${JSON.stringify(module)}).then((m) => m.privateDataDir(${JSON.stringify(dir)})).then(() => console.log('tightened'), (e) => console.log(e.name + ': ' + e.message))`;
  const run = spawnSync('runuser', ['-u', 'postgres', '--', process.execPath, '--import', 'tsx', '--conditions=source', '-e', script], { encoding: 'utf8' });
  assert.match(run.stdout, /^ConfigError: MP_DATA_DIR .*not-mine: other users can enter this folder/, run.stdout + run.stderr);
  assert.equal(mode(dir).toString(8), '777', 'left as it was');
});

test('a data folder held by a stale server.pid of another live process is refused, naming the file to delete', () => {
  const dir = join(root, 'stale-pid');
  mkdirSync(dir);
  writeFileSync(join(dir, 'server.pid'), '1');
  assert.throws(() => lockDataDir(dir), (e: Error) => e.message.includes('process 1') && e.message.includes(join(dir, 'server.pid')));
});

test('a data folder whose files this user cannot write stops the start, naming MP_DATA_DIR', async (t) => {
  if (process.getuid?.() !== 0 || spawnSync('runuser', ['--help']).error) {
    t.skip('needs root and runuser to act as another user; not available here');
    return;
  }
  // Made by root (its PGlite files root's), then handed over with only the folder itself chowned.
  const dir = join(root, 'half-handed-over');
  await startOn(dir);
  chmodSync(root, 0o755);
  spawnSync('chown', ['postgres', dir]);
  const module = fileURLToPath(new URL('../src/db.ts', import.meta.url));
  const script = `import(${JSON.stringify(module)}).then((m) => m.openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(dir)} })).then((db) => db.close()).then(() => console.log('opened'), (e) => console.log(e.name + ': ' + e.message))`;
  const run = spawnSync('runuser', ['-u', 'postgres', '--', process.execPath, '--import', 'tsx', '--conditions=source', '-e', script], { encoding: 'utf8' });
  assert.match(run.stdout, /^ConfigError: MP_DATA_DIR .*half-handed-over/, run.stdout + run.stderr);
});
