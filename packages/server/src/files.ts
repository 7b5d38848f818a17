import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Errors of a file system without hard links (some network and container volumes). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Writes `text` to a file (mode 0600) and syncs it to disk: what must survive a power cut (a master key the
 * database wraps data keys under) cannot rest on the page cache. `flag: 'wx'` refuses an existing file.
 */
export function writeDurably(path: string, text: string, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag, 0o600);
  try {
    // writeFileSync on a descriptor writes until all is written (writeSync may write part).
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Syncs a folder, so a name linked or renamed into it survives a power cut (where the platform allows it). */
export function syncFolder(dir: string): void {
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
 * made it. The staging file is named at random: two containers may both be PID 1.
 */
export function createOnce(path: string, text: string): boolean {
  const tmp = `${path}.${randomUUID()}.tmp`;
  writeDurably(tmp, text, 'w');
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
    return exclusively(() => writeDurably(path, text, 'wx'));
  } finally {
    rmSync(tmp, { force: true });
    syncFolder(dirname(path));
  }
}
