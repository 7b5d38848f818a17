// The PGlite data folder holds every record, the audit table and (in dev) the master key: only the server's
// user may enter it, whatever the umask and whatever mode an older version left it in.
import assert, { equal } from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { ConfigError, startServer, type LogEntry } from '../src/index.js';
import { lockDataDir } from '../src/data-dir.js';
import { migratedDataDir } from './support/migrated-data-dir.js';

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
  const dir = await migratedDataDir(join(root, 'open'));
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

test('migrate and token on a data folder this user may not write name MP_DATA_DIR, as serve and rotate-key do', async (t) => {
  if (process.getuid?.() !== 0 || spawnSync('runuser', ['--help']).error) {
    t.skip('needs root and runuser to act as another user; not available here');
    return;
  }
  const dir = join(root, 'read-only-to-others');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(root, 0o755);
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  for (const command of [['migrate'], ['token', '--tenant', 'acme', '--role', 'admin']]) {
    const run = spawnSync('runuser', ['-u', 'postgres', '--', 'env', `MP_DATA_DIR=${dir}`, process.execPath, '--import', 'tsx', '--conditions=source', cli, ...command], { encoding: 'utf8' });
    equal(run.status, 1, `${command[0]}: ${run.stderr}`);
    assert.match(run.stderr, /^Configuration error: MP_DATA_DIR .*read-only-to-others is not writable by this user\./, command[0]);
  }
});

test('locking a missing data folder refuses, naming it, and does not create it (a mistyped MP_DATA_DIR)', () => {
  const dir = join(root, 'never-made', 'data');
  assert.throws(() => lockDataDir(dir), (e: Error) => e instanceof ConfigError && e.message.includes(`MP_DATA_DIR ${dir} does not exist`));
  assert.equal(existsSync(join(root, 'never-made')), false);
});

test('a data folder held by a stale server.pid of another live process is refused, naming the file to delete', () => {
  const dir = join(root, 'stale-pid');
  mkdirSync(dir);
  writeFileSync(join(dir, 'server.pid'), '1');
  assert.throws(() => lockDataDir(dir), (e: Error) => e.message.includes('process 1') && e.message.includes(join(dir, 'server.pid')));
});

test('a data folder serves one server at a time: a second start in the same process is refused, and the first’s writes stay', async () => {
  const dir = await migratedDataDir(join(root, 'twice'));
  const first = await startServer({ port: 0, dataDir: dir, gateway: null, env: {}, log: () => {} });
  try {
    await assert.rejects(startServer({ port: 0, dataDir: dir, gateway: null, env: {}, log: () => {} }), /in use by this process/);
  } finally {
    await first.close();
  }
  await startOn(dir);
});

test('a server.pid naming no process (empty, being written, damaged by hand) is refused, naming the file to delete', () => {
  for (const [name, text] of [['empty', ''], ['zero', '0'], ['words', 'not a pid']] as const) {
    const dir = join(root, `damaged-${name}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'server.pid'), text);
    assert.throws(() => lockDataDir(dir), (e: Error) => e.message.includes('names no process') && e.message.includes(join(dir, 'server.pid')), name);
    equal(readFileSync(join(dir, 'server.pid'), 'utf8'), text, 'left as it was');
  }
});

test('a stale server.pid (its process gone, or this pid from before a restart) is taken over', () => {
  const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
  for (const pid of [gone, process.pid]) {
    const dir = join(root, `stale-${pid}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'server.pid'), String(pid));
    const release = lockDataDir(dir);
    equal(readFileSync(join(dir, 'server.pid'), 'utf8'), String(process.pid));
    release();
  }
});

test('of processes taking a data folder at the same moment, exactly one gets it', async () => {
  const module = fileURLToPath(new URL('../src/data-dir.ts', import.meta.url));
  const rounds = 8;
  const dirs = Array.from({ length: rounds }, (_, round) => join(root, `race-${round}`));
  for (const dir of dirs) mkdirSync(dir, { mode: 0o700 });
  const gos = dirs.map((_, round) => join(root, `go-${round}`));
  // Two processes race for a new folder each round: both spin until that round's go file appears, so they
  // reach for the lock within microseconds of each other. Neither lets go of a lock it got, and both live
  // until every round is over (their stdin closes), so neither sees the other's lock go away.
  const script = `const m = await import(${JSON.stringify(module)}); const fs = await import('node:fs');
const dirs = ${JSON.stringify(dirs)}; const gos = ${JSON.stringify(gos)};
for (let round = 0; round < dirs.length; round++) {
  console.log('ready ' + round);
  while (!fs.existsSync(gos[round]));
  try { m.lockDataDir(dirs[round]); console.log(round + ' got'); } catch (e) { console.log(round + ' refused: ' + e.message); }
}
process.stdin.resume();`;
  const outs = ['', ''];
  const answer = (out: string, round: number) => new RegExp(`^${round} (got|refused: .*)$`, 'm').exec(out)?.[1];
  const children = outs.map((_, i) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', '--input-type=module', '-e', script]);
    child.stdout.on('data', (d) => {
      outs[i] += d;
      gos.forEach((go, round) => {
        if (!existsSync(go) && outs.every((out) => out.includes(`ready ${round}\n`))) writeFileSync(go, '');
      });
      if (outs.every((out) => answer(out, rounds - 1))) for (const c of children) c.stdin.end();
    });
    return child;
  });
  await Promise.all(children.map((child) => new Promise((resolve) => child.on('close', resolve))));
  for (let round = 0; round < rounds; round++) {
    const runs = outs.map((out) => answer(out, round) ?? 'no answer');
    assert.deepEqual(runs.map((r) => r.split(':')[0]).sort(), ['got', 'refused'], `round ${round}: ${runs.join(' | ')}`);
  }
});

test('a data folder whose files this user cannot write stops the start, naming MP_DATA_DIR', async (t) => {
  if (process.getuid?.() !== 0 || spawnSync('runuser', ['--help']).error) {
    t.skip('needs root and runuser to act as another user; not available here');
    return;
  }
  // Made by root (its PGlite files root's), then handed over with only the folder itself chowned.
  const dir = await migratedDataDir(join(root, 'half-handed-over'));
  chmodSync(root, 0o755);
  spawnSync('chown', ['postgres', dir]);
  const module = fileURLToPath(new URL('../src/db.ts', import.meta.url));
  const script = `import(${JSON.stringify(module)}).then((m) => m.openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(dir)} })).then((db) => db.close()).then(() => console.log('opened'), (e) => console.log(e.name + ': ' + e.message))`;
  const run = spawnSync('runuser', ['-u', 'postgres', '--', process.execPath, '--import', 'tsx', '--conditions=source', '-e', script], { encoding: 'utf8' });
  assert.match(run.stdout, /^ConfigError: MP_DATA_DIR .*half-handed-over/, run.stdout + run.stderr);
});
