import { checkConfig, databaseTarget, loadConfig, type ServerConfig } from './config.js';
import { Keyring } from './crypto.js';
import { openDatabase } from './db.js';
import { join } from 'node:path';
import { MASTER_KEY_FILE, assertKeysOpenStore, keyText, newMasterKey, readKeyFile, rewrapDataKeys, writeKeyFile, type RotationResult } from './keys.js';
import { lockTarget } from './data-dir.js';

/** Options of `rotateMasterKey`. */
export interface RotateOptions {
  /** Configuration; default `loadConfig(process.env)`. */
  config?: ServerConfig;
  /**
   * The new master key (base64). With `MP_MASTER_KEY` set and no `newKey`, every data key is re-wrapped
   * under `MP_MASTER_KEY` (the rolling procedure of docs/server.md, “Master-key rotation”). With a dev key file and no
   * `newKey`, one is generated.
   */
  newKey?: string;
}

/**
 * Re-wraps every tenant data key under a new master key, against the configured database, while servers
 * keep running (Postgres) or with the server stopped (an embedded PGlite folder serves one process).
 * Answers the key id, the number of re-wrapped keys and the new key when this call chose it.
 */
export async function rotateMasterKey(options: RotateOptions = {}): Promise<RotationResult & { masterKey: string | null }> {
  const config = options.config ?? loadConfig();
  checkConfig(config, { tokens: false });
  const target = databaseTarget(config);
  if (target.kind === 'pglite' && !target.dataDir) throw new Error('Nothing to rotate: the database is in memory.');
  const { unlock } = lockTarget(target, false);
  try {
    const fromFile = config.masterKey ? null : readKeyFile(config.dataDir);
    if (!config.masterKey && !fromFile) throw new Error(`No MP_MASTER_KEY and no key file in ${config.dataDir}: nothing to rotate.`);
    const keyring = config.masterKey ? Keyring.from(config.masterKey, config.previousMasterKeys) : fromFile!.accept(config.previousMasterKeys);
    const db = await openDatabase(target);
    try {
      // Checked before anything changes: a key file is rewritten only for a rotation that can finish.
      await assertKeysOpenStore(db, keyring, config.masterKey ? { kind: 'env' } : { kind: 'file', path: join(config.dataDir, MASTER_KEY_FILE), missing: false });
      let chosen: string | null = null;
      if (config.masterKey) {
        if (options.newKey) {
          keyring.promote(newMasterKey(options.newKey).key);
          chosen = options.newKey;
        }
      } else {
        const next = newMasterKey(options.newKey);
        // The key file changes first, so a running server that meets a data key under the new key reloads it.
        const keep = [keyring.current, ...keyring.previous].filter((k) => k.id !== next.key.id).map(keyText);
        writeKeyFile(config.dataDir, next.text, keep);
        keyring.promote(next.key);
        chosen = next.text;
      }
      return { ...(await rewrapDataKeys(db, keyring)), masterKey: chosen };
    } finally {
      await db.close();
    }
  } finally {
    unlock();
  }
}
