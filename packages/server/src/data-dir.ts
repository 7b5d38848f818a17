import { randomUUID } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, dataDirProblem } from './config.js';
import { createOnce } from './files.js';

/**
 * Creates the data folder with mode 0700, or takes group and other access away from an existing one (PGlite
 * writes its files 0666, so the folder's mode is what keeps other local users out). Answers whether it had
 * to tighten an existing folder.
 */
export function privateDataDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new ConfigError(dataDirProblem(dir) ?? `MP_DATA_DIR ${dir}: ${(err as Error).message}`, { cause: err });
  }
  if ((statSync(dir).mode & 0o077) === 0) return false;
  try {
    chmodSync(dir, 0o700);
  } catch {
    throw new ConfigError(`MP_DATA_DIR ${dir}: other users can enter this folder, and this user may not change that (it is not the owner). Use a folder of this user's own.`);
  }
  return true;
}

const LOCK_FILE = 'server.pid';
/** The lock files this process holds: its pid in the file does not tell one of its own servers from a stale lock. */
const heldHere = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid a lock file names: `undefined` when there is no file, `NaN` when it names none (damaged by hand). */
function lockHolder(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return /^[1-9]\d*$/.test(text) ? Number(text) : NaN;
}

/**
 * Removes the lock at `path` if it is still the stale one naming `stalePid`: moved aside first, which only one
 * of several starters can do, and put back if what was moved is a lock another starter took over meanwhile.
 * Answers the pid of that lock, or `undefined` when the stale lock is gone (removed here or by another).
 */
export function removeStaleLock(path: string, stalePid: number): number | undefined {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const moved = lockHolder(aside);
    if (Object.is(moved, stalePid)) return undefined;
    linkSync(aside, path);
    return moved;
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Claims an embedded data folder for this process (PGlite is single-process). `server.pid` is created whole
 * and only where there is none (`createOnce`), so of servers starting at once exactly one gets it. One whose
 * process is gone is stale and taken over (`removeStaleLock`), as is one naming this process's pid that it
 * does not hold (a container's PID 1 before a restart). Throws while another live process, or another
 * server in this one, has the folder. Answers the release.
 */
export function lockDataDir(dir: string): () => void {
  privateDataDir(dir);
  const path = join(dir, LOCK_FILE);
  const key = resolve(path);
  if (heldHere.has(key)) throw new Error(`The data folder ${dir} is in use by this process already (${path}): PGlite serves one server at a time. Close the other first.`);
  const inUse = (pid: number) =>
    new Error(`The data folder ${dir} is in use by process ${pid} (${path}). Stop it first (PGlite serves one process at a time); if that process is no MemberPulse server, delete ${path}.`);
  for (let tries = 0; !createOnce(path, String(process.pid)); tries++) {
    const pid = lockHolder(path);
    if (tries > 3) throw inUse(pid ?? NaN);
    if (pid === undefined) continue; // released meanwhile
    if (pid !== process.pid && pidAlive(pid)) throw inUse(pid);
    const holder = removeStaleLock(path, pid);
    if (holder !== undefined) throw inUse(holder);
  }
  heldHere.add(key);
  return () => {
    heldHere.delete(key);
    if (lockHolder(path) === process.pid) rmSync(path, { force: true });
  };
}
