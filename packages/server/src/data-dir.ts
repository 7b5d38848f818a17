import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, dataDirProblem, type DatabaseTarget } from './config.js';
import { createOnce, readIfPresent } from './files.js';

/**
 * Creates the data folder with mode 0700, or takes group and other access away from an existing one (PGlite
 * writes its files 0666, so the folder's mode is what keeps other local users out). Answers whether it had
 * to tighten an existing folder.
 */
export function privateDataDir(dir: string): boolean {
  // Named before anything is made in it: a folder this user may not write otherwise fails later, on a file's name.
  const problem = dataDirProblem(dir);
  if (problem) throw new ConfigError(problem);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new ConfigError(`MP_DATA_DIR ${dir}: ${(err as Error).message}`, { cause: err });
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
  const text = readIfPresent(path)?.trim();
  if (text === undefined) return undefined;
  return /^[1-9]\d*$/.test(text) ? Number(text) : NaN;
}

/**
 * Claims an embedded data folder for this process (PGlite is single-process). `server.pid` is created whole
 * and only where there is none (`createOnce`), so of servers starting at once on a folder exactly one gets
 * it. One whose process is gone is stale (a crashed server's, or this pid from before a container restart)
 * and removed once, then taken like a missing one; servers started at the very same moment over a stale lock
 * may not be told apart. Throws while another live process, or another server in this one, has the folder,
 * or when `server.pid` names no process (being written where hard links are missing, or damaged). Never
 * creates the folder (a mistyped MP_DATA_DIR is refused, not made): the commands that may make it lock
 * through `lockTarget(target, true)`. Answers the release.
 */
export function lockDataDir(dir: string): () => void {
  if (!existsSync(dir)) throw new ConfigError(`MP_DATA_DIR ${dir} does not exist.`);
  const path = join(dir, LOCK_FILE);
  const key = resolve(path);
  if (heldHere.has(key)) throw new Error(`The data folder ${dir} is in use by this process already (${path}): PGlite serves one server at a time. Close the other first.`);
  const inUse = (pid: number) =>
    new Error(`The data folder ${dir} is in use by process ${pid} (${path}). Stop it first (PGlite serves one process at a time); if that process is no MemberPulse server, delete ${path}.`);
  // No syncs: a lock need not outlive a power cut (after one, its process is gone and it is stale anyway).
  for (let tries = 0; !createOnce(path, String(process.pid), { durable: false }); tries++) {
    const pid = lockHolder(path);
    if (pid === undefined && tries < 3) continue; // released meanwhile
    if (pid === undefined || Number.isNaN(pid)) {
      throw new Error(`The data folder ${dir} has a ${LOCK_FILE} that names no process. If no server is starting on it, delete ${path}.`);
    }
    // A second stale lock in a row is another starter's live one, whatever its pid says.
    if (tries > 0 || (pid !== process.pid && pidAlive(pid))) throw inUse(pid);
    rmSync(path, { force: true });
  }
  heldHere.add(key);
  return () => {
    heldHere.delete(key);
    try {
      if (lockHolder(path) === process.pid) rmSync(path, { force: true });
    } catch {
      // gone, or unreadable: nothing of this process's to remove
    }
  };
}

/**
 * Locks the target's PGlite folder (`lockDataDir`), with `make` (a start, `migrate`; not `rotate-key`) made private
 * first (`privateDataDir`). Postgres and an in-memory database have none. Answers the release, and whether `make` tightened it.
 */
export function lockTarget(target: DatabaseTarget, make: boolean): { unlock: () => void; tightened: boolean } {
  if (target.kind !== 'pglite' || !target.dataDir) return { unlock: () => {}, tightened: false };
  const tightened = make && privateDataDir(target.dataDir);
  return { unlock: lockDataDir(target.dataDir), tightened };
}
