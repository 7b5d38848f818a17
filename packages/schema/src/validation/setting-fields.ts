// Rules on the settings that name a member-object field (`crmFieldTypes`) beyond those of the main entry, which
// has no bytes to spare: the server judges them on a save against the fields it has described.
import type { CrmFieldDescriptor } from '../field-types.js';
import type { ConfigValue, PlatformDefinition } from '../platform-types.js';
import { fieldError, type FieldError } from '../problem.js';

/**
 * A field MemberPulse writes (`writes`: the email opt-out) that the CRM does not let it write (one of another
 * type is the main rules' `incompatible_type`), and two settings naming one field (an Active flag that is the
 * email opt-out would let the opt-out decide who syncs).
 */
export function settingFieldErrors(platform: PlatformDefinition, config: Readonly<Record<string, ConfigValue | null>>, memberFields: readonly CrmFieldDescriptor[] | undefined): FieldError[] {
  const named = platform.settings.flatMap((s) => {
    const value = config[s.key] ?? s.default;
    return s.crmFieldTypes && typeof value === 'string' && value ? [{ s, value }] : [];
  });
  const errors: FieldError[] = [];
  for (const { s, value } of named) {
    const other = named.find((o) => o.s !== s && o.value === value);
    const field = memberFields?.find((f) => f.name === value);
    if (other) errors.push(fieldError(`/config/${s.key}`, 'duplicate_target', `${s.label} names the same field as ${other.s.label} (${value}): choose a field of its own for each.`));
    else if (s.writes && field?.updateable === false && s.crmFieldTypes!.includes(field.type)) errors.push(fieldError(`/config/${s.key}`, 'not_writable', `${s.label}: ${value} is read-only in the CRM, and MemberPulse writes into it. Choose a field it can update.`));
  }
  return errors;
}
