import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

// Envelope encryption. Each tenant has a random 256-bit data key (DEK). The DEK is stored wrapped
// (AES-256-GCM) by the master key, with the tenant id and the master key id as additional data. Each
// credential is encrypted (AES-256-GCM) with the tenant's DEK, with tenant + record + field as additional
// data, so a ciphertext copied to another row, field or tenant fails authentication instead of decrypting.

const VERSION = 'v1';

/** A master key and its id (a hash prefix; the key itself is never stored or logged). */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** Parses a 32-byte key given as base64/base64url or 64 hex digits. */
export function parseMasterKey(text: string): MasterKey {
  const t = text.trim();
  let key: Buffer;
  if (/^[0-9a-fA-F]{64}$/.test(t)) key = Buffer.from(t, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  else throw new Error('A master key must be 32 random bytes as base64 (44 characters) or hex (64 digits).');
  if (key.length !== 32) throw new Error('A master key must be exactly 32 bytes.');
  return { id: createHash('sha256').update('mp-master-key-id').update(key).digest('hex').slice(0, 16), key };
}

/** A fresh random master key as base64. */
export function generateMasterKey(): string {
  return randomBytes(32).toString('base64');
}

/** The master keys a server knows: `current` wraps new data keys; `previous` ones still unwrap during a rotation. */
export class Keyring {
  constructor(
    public current: MasterKey,
    public previous: MasterKey[] = [],
  ) {}

  static from(current: string, previous: readonly string[] = []): Keyring {
    const cur = parseMasterKey(current);
    return new Keyring(cur, previous.map(parseMasterKey).filter((k) => k.id !== cur.id));
  }

  /** Adds keys (e.g. `MP_MASTER_KEY_PREVIOUS`) as previous ones, for unwrapping only; answers this keyring. */
  accept(texts: readonly string[]): this {
    for (const k of texts.map(parseMasterKey)) if (!this.find(k.id)) this.previous.push(k);
    return this;
  }

  find(id: string): MasterKey | undefined {
    return id === this.current.id ? this.current : this.previous.find((k) => k.id === id);
  }

  /** Makes `next` current and keeps the old current for unwrapping what is not re-wrapped yet. */
  promote(next: MasterKey): void {
    if (next.id === this.current.id) return;
    this.previous = [this.current, ...this.previous.filter((k) => k.id !== next.id && k.id !== this.current.id)];
    this.current = next;
  }
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [version, data] = sealed.split('.', 2);
  if (version !== VERSION || !data) throw new DecryptError('Unknown ciphertext format.');
  const raw = Buffer.from(data, 'base64');
  if (raw.length < 12 + 16) throw new DecryptError('Ciphertext too short.');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  try {
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  } catch {
    throw new DecryptError('Ciphertext failed authentication.');
  }
}

/** A ciphertext did not authenticate (wrong key, or moved to another tenant, record or field). */
export class DecryptError extends Error {
  override name = 'DecryptError';
}

const dekAad = (tenant: string, masterKeyId: string) => JSON.stringify(['mp-dek', tenant, masterKeyId]);
const fieldAad = (tenant: string, record: string, field: string) => JSON.stringify(['mp-credential', tenant, record, field]);

/** A new random data key for a tenant. */
export function generateDataKey(): Buffer {
  return randomBytes(32);
}

/** Wraps a tenant's data key with a master key. */
export function wrapDataKey(master: MasterKey, tenant: string, dek: Buffer): string {
  return seal(master.key, dek, dekAad(tenant, master.id));
}

/** Unwraps a tenant's data key. */
export function unwrapDataKey(master: MasterKey, tenant: string, wrapped: string): Buffer {
  const dek = open(master.key, wrapped, dekAad(tenant, master.id));
  if (dek.length !== 32) throw new DecryptError('Data key has the wrong length.');
  return dek;
}

/** Encrypts one credential value, bound to tenant + settings record + field. */
export function encryptField(dek: Buffer, tenant: string, record: string, field: string, value: string): string {
  return seal(dek, Buffer.from(value, 'utf8'), fieldAad(tenant, record, field));
}

/** Decrypts one credential value; throws `DecryptError` when it was moved or tampered with. */
export function decryptField(dek: Buffer, tenant: string, record: string, field: string, sealed: string): string {
  return open(dek, sealed, fieldAad(tenant, record, field)).toString('utf8');
}

/**
 * What a response may show of a secret: its last four characters, only for secrets long enough that this
 * reveals little. Characters, not UTF-16 units, so an emoji is never cut in half.
 */
export function secretHint(value: string): string | null {
  const chars = Array.from(value);
  return chars.length >= 12 ? chars.slice(-4).join('') : null;
}

/**
 * A request's fingerprint for idempotency: an HMAC under a key derived from the master key, so the stored
 * fingerprint of a credential write cannot be tested against guessed secrets by someone who has only the
 * database. Prefixed with the master key's id, so a retry after a rotation is checked under the same key.
 */
export function requestFingerprint(master: MasterKey, request: string): string {
  return `${master.id}:${createHmac('sha256', fingerprintKey(master)).update(request).digest('hex')}`;
}

const fingerprintKeys = new WeakMap<MasterKey, Buffer>();

/** The fingerprint key derived from a master key, once per key rather than once per request. */
function fingerprintKey(master: MasterKey): Buffer {
  let key = fingerprintKeys.get(master);
  if (!key) fingerprintKeys.set(master, (key = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'mp-idempotency-fingerprint', 32))));
  return key;
}

/** Whether a stored fingerprint is this request's, under the master key it names (false when the keyring no longer has it). */
export function fingerprintMatches(keyring: Keyring, stored: string, request: string): boolean {
  const master = keyring.find(stored.slice(0, stored.indexOf(':')));
  return master !== undefined && requestFingerprint(master, request) === stored;
}
