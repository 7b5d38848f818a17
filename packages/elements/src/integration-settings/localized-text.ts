import type { CrmMapping, DriftItem, FieldError, SettingDefinition } from '@memberpulse/integration-schema';
import { LIST_LIMITS, findPlatform, parsePointer } from '@memberpulse/integration-schema';
import { msg } from '../i18n/index.js';
import { translator } from '../provider/translate.js';
import { settingsMessages } from './messages.js';

// The schema, the catalog and the server word their texts in English. Each function here gives the
// host's words where it registered them and the English otherwise; docs/elements/integration-settings.md
// lists the keys.

const t = translator(settingsMessages);

/** The message key of each CRM mapping property's label. */
export const crmLabelKeys = {
  memberObject: 'settings.crm.memberObject',
  memberMappings: 'settings.crm.memberMappings',
  tagDestination: 'settings.crm.tagDestination',
  tagObject: 'settings.crm.tagObject',
  eventTagField: 'settings.crm.eventTag',
  courseTagField: 'settings.crm.courseTag',
  orderObject: 'settings.crm.orderObject',
  orderMappings: 'settings.crm.orderMappings',
  supportTicketNotes: 'settings.crm.supportTicketNotes',
} as const satisfies Partial<Record<keyof CrmMapping, keyof typeof settingsMessages>>;

/** A catalog setting with its texts in the current locale: `catalog.<platform>.<key>.label`, `.help`, `.placeholder`, `.option.<value>`. */
export function localizedSetting(platform: string | null, s: SettingDefinition): SettingDefinition {
  const key = `catalog.${platform}.${s.key}`;
  return {
    ...s,
    label: msg(`${key}.label`, undefined, s.label),
    help: s.help && msg(`${key}.help`, undefined, s.help),
    placeholder: s.placeholder && msg(`${key}.placeholder`, undefined, s.placeholder),
    patternMessage: s.patternMessage && msg(`${key}.patternMessage`, undefined, s.patternMessage),
    options: s.options?.map((o) => ({ ...o, label: msg(`${key}.option.${o.value}`, undefined, o.label) })),
  };
}

/**
 * A field error in the current locale. A catalog setting's format rule is its `patternMessage`
 * (`catalog.<platform>.<key>.patternMessage`); another error on a control with a label is
 * `settings.error.<code>` with `{label}`, `{min}` and `{max}`; a mapping row's is `rule.<code>`.
 */
export function fieldErrorText(e: FieldError, platform: string | null): string {
  const [first, key, ...deeper] = parsePointer(e.pointer);
  if (deeper.length) return msg(`rule.${e.code}`, undefined, e.message);
  const setting = (first === 'config' || first === 'credentials') && key ? findPlatform(platform)?.settings.find((s) => s.key === key) : undefined;
  if (setting) {
    const own = localizedSetting(platform, setting);
    if (setting.patternMessage && e.message === setting.patternMessage) return own.patternMessage!;
    const max = setting.type === 'list' ? (e.code === 'too_big' ? LIST_LIMITS.values : LIST_LIMITS.valueLength) : (setting.max ?? setting.maxLength);
    return msg(`settings.error.${e.code}`, { label: own.label, min: setting.min, max }, e.message);
  }
  const labelKey = first === 'platform' ? 'settings.platform' : first === 'crm' && key && key in crmLabelKeys ? crmLabelKeys[key as keyof typeof crmLabelKeys] : undefined;
  return labelKey ? msg(`settings.error.${e.code}`, { label: t(labelKey) }, e.message) : e.message;
}

/** A drift line in the current locale: `settings.drift.<kind>` with `{field}`. */
export function driftText(item: DriftItem): string {
  return msg(`settings.drift.${item.kind}`, { field: item.field }, item.message);
}
