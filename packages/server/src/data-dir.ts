import { chmodSync, mkdirSync, statSync } from 'node:fs';
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
