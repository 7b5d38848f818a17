/** A character that changes the direction of the text around it (U+202A–U+202E, U+2066–U+2069, marks). */
const BIDI_CONTROL = /\p{Bidi_Control}/u;

/**
 * Confines a value's directional controls to the value itself: one with a control comes back between
 * FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so a CRM label ending in RIGHT-TO-LEFT OVERRIDE cannot
 * reverse the rest of the sentence it is put into. Others come back unchanged.
 */
export function isolateBidi(value: string): string {
  return BIDI_CONTROL.test(value) ? `\u2068${value}\u2069` : value;
}
