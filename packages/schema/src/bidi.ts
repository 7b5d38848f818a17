/** A character that changes the direction of the text around it (U+202A–U+202E, U+2066–U+2069, marks). */
const BIDI_CONTROL = /\p{Bidi_Control}/u;
/** The embeddings, overrides and isolates among them: the ones that can reach past a value's end. */
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Confines a value's directional controls to the value itself: one with a control comes back without its
 * embeddings, overrides and isolates, between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. So a CRM
 * label ending in RIGHT-TO-LEFT OVERRIDE, or starting with a POP DIRECTIONAL ISOLATE to close the wrapping
 * early, cannot reverse the rest of the sentence it is put into. Others come back unchanged.
 */
export function isolateBidi(value: string): string {
  return BIDI_CONTROL.test(value) ? `\u2068${value.replace(BIDI_FORMATTING, '')}\u2069` : value;
}
