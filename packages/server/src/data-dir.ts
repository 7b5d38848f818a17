import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, dataDirProblem } from './config.js';

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

/**
 * Claims an embedded data folder for this process (PGlite is single-process): `server.pid` is created only
 * where there is none, so of servers starting at once exactly one gets it. One whose process is gone is
 * stale and taken over, as is one naming this process's pid that it does not hold (a container's PID 1
 * before a restart). Throws while another live process, or another server in this one, has the folder.
 * Answers the release.
 */
export function lockDataDir(dir: string): () => void {
  privateDataDir(dir);
  const path = join(dir, LOCK_FILE);
  const key = resolve(path);
  if (heldHere.has(key)) throw new Error(`The data folder ${dir} is in use by this process already (${path}): PGlite serves one server at a time. Close the other first.`);
  for (let tries = 0; ; tries++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let pid = NaN;
      try {
        pid = Number(readFileSync(path, 'utf8').trim());
      } catch {
        // released meanwhile: try again
      }
      if (tries > 0 || (Number.isInteger(pid) && pid !== process.pid && pidAlive(pid))) {
        throw new Error(`The data folder ${dir} is in use by process ${pid} (${path}). Stop it first (PGlite serves one process at a time); if that process is no MemberPulse server, delete ${path}.`);
      }
      rmSync(path, { force: true });
    }
  }
  heldHere.add(key);
  return () => {
    heldHere.delete(key);
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
    } catch {
      /* already gone */
    }
  };
}
