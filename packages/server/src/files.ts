import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Errors of a file system without hard links (some network and container volumes). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Writes `text` to a file (mode 0600), synced to disk when `durable`: what must survive a power cut (a master
 * key the database wraps data keys under) cannot rest on the page cache. `flag: 'wx'` refuses an existing file.
 */
function writeFile(path: string, text: string, flag: 'w' | 'wx', durable: boolean): void {
  const fd = openSync(path, flag, 0o600);
  try {
    // writeFileSync on a descriptor writes until all is written (writeSync may write part).
    writeFileSync(fd, text);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file's text, or `undefined` when there is none; any other failure to read it is thrown. */
export function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Why a file could not be read, for a message: its error code (EACCES, EISDIR), else the error's own words. */
export const readFailure = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** A staging file beside `path`, named at random: two containers may both be PID 1. */
const stagingFor = (path: string) => `${path}.${randomUUID()}.tmp`;

/** Replaces `path` with `text` atomically and durably (write and sync beside it, rename, sync the folder). */
export function replaceDurably(path: string, text: string): void {
  const tmp = stagingFor(path);
  writeFile(tmp, text, 'w', true);
  renameSync(tmp, path);
  syncFolder(dirname(path));
}

/** Syncs a folder, so a name linked or renamed into it survives a power cut (where the platform allows it). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing; its rename is as durable as it gets there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Creates `path` holding `text` unless it exists, and never replaces a file: written whole beside it, then
 * hard-linked into place, which is atomic and refused when another process made one first, so no reader
 * ever sees it half written (where hard links are missing, an exclusive create). Answers whether this call
 * made it. `durable: false` skips the syncs, for what need not outlive a power cut (a lock).
 */
export function createOnce(path: string, text: string, { durable = true } = {}): boolean {
  const tmp = stagingFor(path);
  writeFile(tmp, text, 'w', durable);
  const exclusively = (write: () => void): boolean => {
    try {
      write();
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  };
  try {
    return exclusively(() => linkSync(tmp, path));
  } catch (err) {
    if (!NO_HARD_LINKS.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    return exclusively(() => writeFile(path, text, 'wx', durable));
  } finally {
    rmSync(tmp, { force: true });
    if (durable) syncFolder(dirname(path));
  }
}
