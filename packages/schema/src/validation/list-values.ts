// A rule on list settings beyond the main entry's, which has no bytes to spare: the server judges it on a
// save, and a form hears of it from the save.
import type { ConfigValue, PlatformDefinition } from '../platform-types.js';
import { fieldError, pointer, type FieldError } from '../problem.js';
import { checkSettingValue } from '../rules/config.js';

/**
 * Every value of a list setting that breaks its rule, or repeats one before it, each on its own pointer
 * (`/config/clubIds/3`) with what is wrong with it: the main rules name one value per list, so among five bad
 * club IDs a form would hear of one per save.
 */
export function listValueErrors(platform: PlatformDefinition, config: Readonly<Record<string, ConfigValue>>): FieldError[] {
  return platform.settings.flatMap((setting) => {
    const values = config[setting.key];
    if (setting.type !== 'list' || !Array.isArray(values)) return [];
    return values.flatMap((value, i) => {
      if (typeof value !== 'string') return [];
      // The value alone, as a list of one: its own rule; then the same value before it, as the main rule words a repeat.
      const found = checkSettingValue(setting, [value]) ?? (values.indexOf(value) < i ? checkSettingValue(setting, [value, value]) : null);
      return found ? [fieldError(pointer('config', setting.key, i), found.code, found.message)] : [];
    });
  });
}
