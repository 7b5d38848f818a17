// Rules of the InTouch turn-up's lists beyond the main entry's exact-repeat check (which has no bytes to
// spare): the server judges them on a save, and the form hears of them from the save.
import type { ConfigValue, PlatformDefinition } from '../platform-types.js';
import { fieldError, pointer, type FieldError } from '../problem.js';

/**
 * One club given twice in other digits ("7" and "07": the same number in MemberPulse), and one custom option
 * given twice ("syncStaff=true" and "syncStaff=false": which one holds?). Each repeat is an error on its own
 * line, naming the line it repeats.
 */
export function intouchListErrors(platform: PlatformDefinition, config: Readonly<Record<string, ConfigValue>>): FieldError[] {
  if (platform.id !== 'intouch') return [];
  const lists = [
    { key: 'clubIds', same: (v: string) => v.replace(/^0+(?=\d)/, ''), says: (first: string) => `the same club as “${first}”` },
    { key: 'customOptions', same: (v: string) => v.split('=')[0]!, says: (first: string) => `the same option as “${first}”: give each option once` },
  ];
  return lists.flatMap(({ key, same, says }) => {
    const values = config[key];
    if (!Array.isArray(values)) return [];
    const label = platform.settings.find((s) => s.key === key)!.label;
    const seen = new Map<string, string>();
    return values.flatMap((value, i) => {
      const first = seen.get(same(value));
      if (first === undefined) seen.set(same(value), value);
      // An exact repeat is the main rules' `duplicate` already.
      return first === undefined || first === value ? [] : [fieldError(pointer('config', key, i), 'duplicate', `${label}: ${says(first)}.`)];
    });
  });
}
