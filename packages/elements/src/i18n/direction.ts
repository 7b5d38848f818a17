export type Direction = 'ltr' | 'rtl';

/** The scripts written right to left (ISO 15924). */
const RIGHT_TO_LEFT_SCRIPTS = ['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg'];
// Strong characters: letters, and the marks LRM, RLM and ALM. Those of the scripts written right to left.
const STRONG = /[\p{L}\u200e\u200f\u061c]/u;
const RIGHT_TO_LEFT = new RegExp(`[${RIGHT_TO_LEFT_SCRIPTS.map((script) => `\\p{sc=${script}}`).join('')}\\u200f\\u061c]`, 'u');

/** The direction of a text's first strong character, as `dir="auto"` finds it; undefined for a text without one. */
export function firstStrong(text: string): Direction | undefined {
  const strong = STRONG.exec(text)?.[0];
  return strong === undefined ? undefined : RIGHT_TO_LEFT.test(strong) ? 'rtl' : 'ltr';
}

/** The direction of a locale's script (`ar` → rtl); throws for a tag Intl does not know. */
export function scriptDirection(locale: string): Direction {
  return RIGHT_TO_LEFT_SCRIPTS.includes(new Intl.Locale(locale).maximize().script ?? '') ? 'rtl' : 'ltr';
}
