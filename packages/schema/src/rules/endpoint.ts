/** Longest endpoint name. */
export const ENDPOINT_NAME_MAX = 80;
/** Longest endpoint description. */
export const ENDPOINT_DESCRIPTION_MAX = 1000;

/**
 * A name is one line of visible text: no control characters (line breaks, tabs, bell), no bidirectional
 * overrides or isolates (which make "\u202Eexe.txt" read as another name) and no zero-width spaces
 * (which make two names look alike).
 */
export const ONE_LINE_TEXT = /^[^\u0000-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]*$/;

/** A name as stored: composed Unicode (NFC), no surrounding space, inner runs of space as one. */
export function normalizeEndpointName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Names compare without case, surrounding or repeated space, or Unicode's alternative spellings (NFKC),
 * so "Orders", " orders", "Order  feed" and "Order feed", "Café" typed either way, collide.
 */
export function endpointNameKey(name: string): string {
  return normalizeEndpointName(name.normalize('NFKC')).toLocaleLowerCase('en');
}
