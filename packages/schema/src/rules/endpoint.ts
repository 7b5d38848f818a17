/** Longest endpoint name. */
export const ENDPOINT_NAME_MAX = 80;
/** Longest endpoint description. */
export const ENDPOINT_DESCRIPTION_MAX = 1000;

/**
 * A name is one line of text a person can see and tell apart: no control characters (line breaks, tabs,
 * bell) nor Unicode's line and paragraph separators (U+2028, U+2029), no bidirectional controls (which make "\u202Eexe.txt" read as another name) and no invisible
 * characters (soft hyphens, zero-width spaces, fillers), but for the joiners and variation selectors that
 * emoji and some scripts are written with.
 */
export const ONE_LINE_TEXT = /^(?:(?![\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]|(?![\u200C\u200D\uFE00-\uFE0F])\p{Default_Ignorable_Code_Point})[\s\S])*$/u;

/** Text with something to see: a letter, digit, punctuation mark or symbol, not only spaces or combining marks. */
export const VISIBLE_TEXT = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** A name as stored: composed Unicode (NFC), no surrounding space, inner runs of space as one. */
export function normalizeEndpointName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}
