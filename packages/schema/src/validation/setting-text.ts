// A rule on setting values beyond those of the main entry, which has no bytes to spare: the server judges it
// on a save, and a form hears of it from the save.
import type { ConfigValue, PlatformDefinition } from '../platform-types.js';
import { fieldError, pointer, type FieldError } from '../problem.js';

/**
 * Direction controls, and the invisible characters but for the joiners and variation selectors that some
 * scripts and emoji need: nobody types them into a setting, but a paste from a chat or a page carries them.
 */
const INVISIBLE = /\p{Bidi_Control}|(?![\u200C\u200D\uFE00-\uFE0F])\p{Default_Ignorable_Code_Point}/u;

/**
 * In a secret (a key, a password) a joiner or variation selector only inside an emoji (a password such as
 * "Love❤️2024", as a phone's keyboard types it; 👨‍👩‍👧): no key holds one, and a secret is masked, so one
 * pasted along elsewhere would never be seen. No line or paragraph separator either.
 */
const INVISIBLE_IN_SECRET =
  /\p{Bidi_Control}|[\u2028\u2029]|(?<!\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]?)[\u200D\uFE0E\uFE0F]|(?![\u200D\uFE0E\uFE0F])\p{Default_Ignorable_Code_Point}/u;

/**
 * A text, list or secret setting with an invisible character in it (a zero-width space, a direction mark):
 * stored, a key or password would fail only when the platform is called, and a group value would never match
 * the CRM's. Like a space around a value, one stored before this check is named on the next save of the record;
 * a secret, sent in `credentials`, only as it is sent.
 */
export function invisibleCharacterErrors(
  platform: PlatformDefinition,
  config: Record<string, ConfigValue>,
  credentials: Record<string, string | null> = {},
): FieldError[] {
  const errors: FieldError[] = [];
  for (const s of platform.settings) {
    const secret = s.type === 'secret';
    const value = secret ? credentials[s.key] : config[s.key];
    const message = `${s.label}: remove the invisible character in it (a zero-width space or a direction mark, often pasted along).`;
    if (Array.isArray(value)) value.forEach((v, i) => INVISIBLE.test(v) && errors.push(fieldError(pointer('config', s.key, i), 'invalid_format', message)));
    else if (typeof value === 'string' && (secret ? INVISIBLE_IN_SECRET : s.type === 'text' ? INVISIBLE : undefined)?.test(value)) {
      errors.push(fieldError(pointer(secret ? 'credentials' : 'config', s.key), 'invalid_format', message));
    }
  }
  return errors;
}
