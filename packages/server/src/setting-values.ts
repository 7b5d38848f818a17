import {
  checkSettingValue,
  fieldError,
  parsePointer,
  type FieldError,
  type PlatformDefinition,
} from '@memberpulse/integration-schema';

// How the server words a document's type errors on settings, which the zod schemas name by key.

/**
 * A document's type errors on settings worded by each setting's own rule, with its label ("Allowed group
 * values must be a list of text values."), as the rules word every other bad value, instead of by its key.
 */
export function withSettingLabels(errors: readonly FieldError[], platform: PlatformDefinition | undefined, config: unknown): FieldError[] {
  return errors.map((e) => {
    const [first, key, more] = parsePointer(e.pointer);
    const setting = first === 'config' && more === undefined && e.code === 'invalid_type' ? platform?.settings.find((s) => s.key === key) : undefined;
    const found = setting && checkSettingValue(setting, (config as Record<string, unknown> | undefined)?.[key!]);
    return found ? fieldError(e.pointer, found.code, found.message) : e;
  });
}
