export type Direction = 'ltr' | 'rtl';

// Strong characters: letters, and the marks LRM, RLM and ALM. Those of the scripts written right to left.
const STRONG = /[\p{L}\u200e\u200f\u061c]/u;
const RIGHT_TO_LEFT = /[\p{sc=Arab}\p{sc=Hebr}\p{sc=Syrc}\p{sc=Thaa}\p{sc=Nkoo}\p{sc=Adlm}\p{sc=Rohg}\u200f\u061c]/u;
const RIGHT_TO_LEFT_SCRIPTS = /^(Arab|Hebr|Syrc|Thaa|Nkoo|Adlm|Rohg)$/;

/** The direction of a text's first strong character, as `dir="auto"` finds it; undefined for a text without one. */
export function firstStrong(text: string): Direction | undefined {
  const strong = STRONG.exec(text)?.[0];
  return strong === undefined ? undefined : RIGHT_TO_LEFT.test(strong) ? 'rtl' : 'ltr';
}

/** The direction of a locale's script (`ar` → rtl); throws for a tag Intl does not know. */
export function scriptDirection(locale: string): Direction {
  return RIGHT_TO_LEFT_SCRIPTS.test(new Intl.Locale(locale).maximize().script ?? '') ? 'rtl' : 'ltr';
}
