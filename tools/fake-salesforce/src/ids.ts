/** Salesforce record ids: 15-character case-sensitive ids and their 18-character checksum form. */

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Adds Salesforce's 3-character case checksum to a 15-character id. */
export function to18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') flags |= 1 << i;
    }
    suffix += SUFFIX_CHARS.charAt(flags);
  }
  return id15 + suffix;
}

/** True when the string has the shape of a 15- or 18-character Salesforce id. */
export function looksLikeId(value: string): boolean {
  return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
}

/** The canonical 18-character form of a 15- or 18-character id, or undefined when malformed. */
export function normalizeId(value: string): string | undefined {
  if (!looksLikeId(value)) return undefined;
  const id15 = value.slice(0, 15);
  const full = to18(id15);
  if (value.length === 18 && value.slice(15).toUpperCase() !== full.slice(15)) return undefined;
  return full;
}

/** Base-62 encoding padded to `width`. */
export function base62(n: number, width: number): string {
  let s = '';
  let v = Math.floor(n);
  do {
    s = BASE62.charAt(v % 62) + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  return s.padStart(width, '0');
}

/** Builds an 18-character id from a key prefix and a sequence number. */
export function makeId(keyPrefix: string, seq: number): string {
  return to18(`${keyPrefix}5g0${base62(seq, 9)}`);
}
