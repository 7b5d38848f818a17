import { join } from 'node:path';
import type { Database, Queryable } from './db.js';
import { privateDataDir } from './data-dir.js';
import { createOnce, readFailure, readIfPresent, replaceDurably } from './files.js';
import { Keyring, generateDataKey, generateMasterKey, parseMasterKey, unwrapDataKey, wrapDataKey, type MasterKey } from './crypto.js';
import * as store from './store.js';
import { ConfigError } from './config.js';

/** Advisory lock that orders data-key creation against re-wrapping. */
const ROTATION_LOCK = 7263802;

/** Where a dev server keeps its generated master key (mode 0600, never in git: `.data/` is ignored). */
export const MASTER_KEY_FILE = 'master-key.json';

interface KeyFile {
  current: string;
  previous?: readonly string[];
}

/** Reads a keyring file written by `writeKeyFile`; null when absent. A damaged one is a `ConfigError` naming it. */
export function readKeyFile(dir: string): Keyring | null {
  const path = join(dir, MASTER_KEY_FILE);
  const damaged = (why: string) => new ConfigError(`The key file ${path} cannot be read (${why}). Restore it from a backup, or set MP_MASTER_KEY.`);
  let text: string | undefined;
  try {
    text = readIfPresent(path);
  } catch (err) {
    throw damaged(readFailure(err));
  }
  if (text === undefined) return null;
  let data: Partial<KeyFile> | null;
  try {
    data = JSON.parse(text) as Partial<KeyFile> | null;
  } catch {
    // Not JSON.parse's own message: it quotes the text around the fault, which may be the key.
    throw damaged('it is not valid JSON');
  }
  if (typeof data?.current !== 'string') throw damaged('it has no "current" key');
  try {
    return Keyring.from(data.current, data.previous ?? []);
  } catch (err) {
    throw damaged((err as Error).message);
  }
}

/** A keyring file's path and text. */
function keyFile(dir: string, current: string, previous: readonly string[]): { path: string; text: string } {
  privateDataDir(dir);
  return { path: join(dir, MASTER_KEY_FILE), text: JSON.stringify({ current, previous } satisfies KeyFile, null, 2) + '\n' };
}

/** Replaces the keyring file atomically and durably. */
export function writeKeyFile(dir: string, current: string, previous: readonly string[]): void {
  const { path, text } = keyFile(dir, current, previous);
  replaceDurably(path, text);
}

/** Creates the keyring file unless one exists (`createOnce`); never replaces one. Answers whether this call made it. */
export function createKeyFile(dir: string, current: string, previous: readonly string[]): boolean {
  const { path, text } = keyFile(dir, current, previous);
  return createOnce(path, text);
}

/** Base64 of a master key (for the key file). */
export const keyText = (k: MasterKey) => k.key.toString('base64');

/**
 * Tenants' data keys: created on a tenant's first credential, unwrapped with whichever master key of the
 * keyring wrapped them, cached in memory (a data key does not change when its wrapping does).
 * `reload` is asked for a fresh keyring when a data key names a master key the keyring lacks (a dev key
 * file rotated by the CLI while the server runs).
 */
export class TenantKeys {
  private cache = new Map<string, Buffer>();

  constructor(
    public keyring: Keyring,
    private reload: (() => Keyring | null) | null = null,
  ) {}

  /** The tenant's data key; with `create`, makes one (inside the caller's transaction) when none exists. */
  async dataKey(q: Queryable, tenant: string, create: boolean): Promise<Buffer | null> {
    const cached = this.cache.get(tenant);
    if (cached) return cached;
    let row = await store.getTenantKey(q, tenant);
    // A key made here is stored only if the caller's transaction commits: it is not cached, or a rollback
    // would leave later writes encrypting under a key the database never kept.
    const made = !row;
    if (!row) {
      if (!create) return null;
      // Shared with other creators, exclusive with a rotation batch: a rotation either waits for this
      // transaction (and then re-wraps its key) or has promoted the new master key before we read it.
      await q.query('SELECT pg_advisory_xact_lock_shared($1)', [ROTATION_LOCK]);
      const fresh = generateDataKey();
      row = await store.ensureTenantKey(q, tenant, wrapDataKey(this.keyring.current, tenant, fresh), this.keyring.current.id);
    }
    let master = this.keyring.find(row.masterKeyId);
    if (!master && this.reload) {
      const next = this.reload();
      if (next) {
        for (const k of [...next.previous].reverse()) if (!this.keyring.find(k.id)) this.keyring.previous.push(k);
        this.keyring.promote(next.current);
        master = this.keyring.find(row.masterKeyId);
      }
    }
    if (!master) throw new Error(`The data key of a tenant is wrapped by master key ${row.masterKeyId}, which this server does not have.`);
    const dek = unwrapDataKey(master, tenant, row.wrapped);
    if (made) return dek;
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(tenant, dek);
    return dek;
  }
}

/** Where a keyring came from, so a refusal tells the operator what to fix: the environment, or a dev key file (`missing`: not there, a key generated in its place). */
export type KeySource = { kind: 'env' } | { kind: 'file'; path: string; missing: boolean };

/**
 * Refuses to serve (or rotate) with master keys that cannot open every stored data key: such a server would
 * answer ready and then 500 on each call that needs a credential.
 */
export async function assertKeysOpenStore(q: Queryable, keyring: Keyring, source: KeySource = { kind: 'env' }): Promise<void> {
  const missing = [...(await store.tenantKeysByMasterKey(q))].filter(([id]) => !keyring.find(id));
  if (missing.length === 0) return;
  const tenants = missing.reduce((sum, [, n]) => sum + n, 0);
  const what = `the data keys of ${tenants} tenant(s), wrapped by master key ${missing.map(([id]) => id).join(', ')}`;
  if (source.kind === 'env') {
    throw new ConfigError(
      `MP_MASTER_KEY (with MP_MASTER_KEY_PREVIOUS) cannot open ${what}. Start with that key in MP_MASTER_KEY_PREVIOUS until rotate-key has re-wrapped them (docs/server.md, key rotation).`,
    );
  }
  if (source.missing) {
    throw new ConfigError(`The key file ${source.path} is missing, and the data holds ${what}. Restore the file from a backup, or give that key in MP_MASTER_KEY_PREVIOUS; no new key was written.`);
  }
  throw new ConfigError(
    `The key file ${source.path} (with MP_MASTER_KEY_PREVIOUS) cannot open ${what}. Restore the file from a backup, or give that key in MP_MASTER_KEY_PREVIOUS (rotate-key then re-wraps them under the file's key).`,
  );
}

/** Outcome of a rotation. */
export interface RotationResult {
  /** Id of the master key that now wraps every data key. */
  keyId: string;
  /** Data keys re-wrapped by this run. */
  rewrapped: number;
}

/**
 * Re-wraps every tenant data key not yet under `keyring.current`, in small transactions that lock the rows
 * they change, so it runs safely while servers keep serving (they need the new key in their keyring, as
 * current or previous; see docs/security.md). Audits `key.rotate` per tenant with actor `system`.
 */
export async function rewrapDataKeys(db: Database, keyring: Keyring, opts: { requestId?: string } = {}): Promise<RotationResult> {
  let rewrapped = 0;
  const target = keyring.current;
  const failed: string[] = [];
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ROTATION_LOCK]);
      const rows = await tx.query<{ tenant_id: string; wrapped_key: string; master_key_id: string }>(
        `SELECT tenant_id, wrapped_key, master_key_id FROM tenant_keys
         WHERE master_key_id <> $1 AND NOT (tenant_id = ANY($2::text[]))
         ORDER BY tenant_id LIMIT 100 FOR UPDATE`,
        [target.id, failed],
      );
      const at = new Date().toISOString();
      for (const row of rows.rows) {
        const from = keyring.find(row.master_key_id);
        if (!from) {
          failed.push(row.tenant_id);
          continue;
        }
        const dek = unwrapDataKey(from, row.tenant_id, row.wrapped_key);
        await tx.query('UPDATE tenant_keys SET wrapped_key = $2, master_key_id = $3, rotated_at = $4 WHERE tenant_id = $1', [
          row.tenant_id,
          wrapDataKey(target, row.tenant_id, dek),
          target.id,
          at,
        ]);
        await store.appendAudit(tx, row.tenant_id, { actor: 'system', action: 'key.rotate', target: 'tenant-key', purpose: null, requestId: opts.requestId ?? null, at });
        rewrapped++;
      }
      return rows.rows.length;
    });
    if (n === 0) break;
  }
  if (failed.length) {
    throw new Error(`${failed.length} tenant data key(s) are wrapped by a master key not given to the rotation; give it in MP_MASTER_KEY_PREVIOUS.`);
  }
  return { keyId: target.id, rewrapped };
}

/** A new master key, parsed. */
export function newMasterKey(text?: string): { text: string; key: MasterKey } {
  const t = text ?? generateMasterKey();
  return { text: t, key: parseMasterKey(t) };
}
