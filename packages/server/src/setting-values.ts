import {
  checkSettingValue,
  fieldError,
  parsePointer,
  pointer,
  validateConfig,
  validateCredentialInput,
  type FieldError,
  type PlatformDefinition,
} from '@memberpulse/integration-schema';
import { listValueErrors } from '@memberpulse/integration-schema/validation';

// How the server words a document's shape errors on settings and secrets, which the zod schemas name by key.

/** The shape errors a setting's own rule words better: a wrong type, or text past the document's outer limit. */
const reworded = new Set(['invalid_type', 'too_long']);

/**
 * A document's type and length errors on settings and secrets worded by each setting's own rule, with its label
 * and its own limit ("Allowed group values must be a list of text values.", "Consumer Key must be at most 255
 * characters."), as the rules word every other bad value, instead of by its key and the document's outer limit.
 */
export function withSettingLabels(errors: readonly FieldError[], platform: PlatformDefinition | undefined, doc: unknown): FieldError[] {
  const { config, credentials } = (doc ?? {}) as { config?: Record<string, unknown>; credentials?: Record<string, unknown> };
  const worded = errors.map((e) => {
    const [first, key, item, more] = parsePointer(e.pointer);
    // What the rules say of the key itself (no such setting, a secret under config, a setting under credentials), whatever its value's shape.
    if (platform && key !== undefined && (first === 'config' || first === 'credentials')) {
      const ofKey = first === 'config' ? validateConfig(platform, { [key]: null }, false) : validateCredentialInput(platform, { [key]: null }, {});
      const said = ofKey.find((k) => k.pointer === pointer(first, key));
      if (said) return said;
    }
    const setting = reworded.has(e.code) && more === undefined && platform?.settings.find((s) => s.key === key);
    if (!setting || !platform) return e;
    if (first === 'credentials' && item === undefined && setting.type === 'secret') {
      const found = checkSettingValue(setting, credentials?.[key!]);
      return found ? fieldError(e.pointer, found.code, found.message) : e;
    }
    if (first !== 'config' || setting.type === 'secret') return e;
    if (item === undefined) {
      const found = checkSettingValue(setting, config?.[key!]);
      return found ? fieldError(e.pointer, found.code, found.message) : e;
    }
    // A list's value: worded as the rules word each bad value of a list, on its own line.
    const values = config?.[key!];
    return (Array.isArray(values) && listValueErrors(platform, { [key!]: values as string[] }).find((v) => v.pointer === e.pointer)) || e;
  });
  return worded.filter((e, i) => worded.findIndex((o) => o.pointer === e.pointer && o.code === e.code) === i);
}
