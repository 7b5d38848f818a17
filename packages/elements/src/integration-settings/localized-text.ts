import type { CrmFieldDescriptor, CrmMapping, DriftItem, FieldError, MemberPulseField, SettingDefinition } from '@memberpulse/integration-schema';
import { LIST_LIMITS, findPlatform, memberFields, orderFields, parsePointer } from '@memberpulse/integration-schema';
import { msg } from '../i18n/index.js';
import { problemText } from '../field-mapper/field-mapper-row.js';
import { problemParams } from '../field-mapper/model.js';
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

const sourceFields = { member: memberFields, order: orderFields };
const localizedSources = new Map<keyof typeof sourceFields, { labels: string[]; fields: readonly MemberPulseField[] }>();

/**
 * MemberPulse's member or order fields with their labels in the current locale (`field.member.<key>`,
 * `field.order.<key>`). The same array comes back until a label changes, so the field mapper does not
 * rebuild its rows on every render of the screen.
 */
export function localizedSourceFields(kind: keyof typeof sourceFields): readonly MemberPulseField[] {
  const fields = sourceFields[kind];
  const labels = fields.map((f) => msg(`field.${kind}.${f.key}`, undefined, f.label));
  const known = localizedSources.get(kind);
  if (known && known.labels.every((l, i) => l === labels[i])) return known.fields;
  const localized = fields.map((f, i) => (labels[i] === f.label ? f : { ...f, label: labels[i]! }));
  localizedSources.set(kind, { labels, fields: localized });
  return localized;
}

/** What an error's wording takes from the screen: the values typed, the mapping, the CRM fields loaded. */
export interface ErrorContext {
  config: Readonly<Record<string, unknown>>;
  crm: CrmMapping;
  targetsOf(object: string | null): readonly CrmFieldDescriptor[] | undefined;
}

/**
 * A field error in the current locale. A catalog setting's format rule is its `patternMessage`
 * (`catalog.<platform>.<key>.patternMessage`); another error on a control with a label is
 * `settings.error.<code>` with `{label}`, `{min}` and `{max}`; a mapping row's is `rule.<code>` with the
 * field mapper's placeholders (`{source}`, `{target}`…), filled from the row the pointer names.
 */
export function fieldErrorText(e: FieldError, platform: string | null, context?: ErrorContext): string {
  const [first, key, index] = parsePointer(e.pointer);
  if (index !== undefined) return mappingErrorText(e, first === 'crm' ? key : undefined, Number(index), context);
  const setting = (first === 'config' || first === 'credentials') && key ? findPlatform(platform)?.settings.find((s) => s.key === key) : undefined;
  if (setting) {
    const own = localizedSetting(platform, setting);
    const max = setting.type === 'list' ? (e.code === 'too_big' ? LIST_LIMITS.values : LIST_LIMITS.valueLength) : (setting.max ?? setting.maxLength);
    const text = setting.patternMessage && e.message === setting.patternMessage ? own.patternMessage! : msg(`settings.error.${e.code}`, { label: own.label, min: setting.min, max }, e.message);
    return withBadLine(text, e, setting, context?.config[setting.key]);
  }
  const labelKey = first === 'platform' ? 'settings.platform' : first === 'crm' && key && key in crmLabelKeys ? crmLabelKeys[key as keyof typeof crmLabelKeys] : undefined;
  return labelKey ? msg(`settings.error.${e.code}`, { label: t(labelKey) }, e.message) : e.message;
}

/** A list's format error names the first line that breaks the rule: among 200 club IDs, which one. */
function withBadLine(text: string, e: FieldError, setting: SettingDefinition, value: unknown): string {
  if (setting.type !== 'list' || e.code !== 'invalid_format' || !setting.pattern || !Array.isArray(value)) return text;
  const rule = new RegExp(setting.pattern);
  const bad = value.find((v) => typeof v === 'string' && !rule.test(v));
  return bad === undefined ? text : t('settings.badListValue', { value: bad, message: text });
}

/** An error on one mapping row, worded as the field mapper words it on that row. */
function mappingErrorText(e: FieldError, list: string | undefined, index: number, context: ErrorContext | undefined): string {
  const kind = list === 'memberMappings' ? 'member' : list === 'orderMappings' ? 'order' : undefined;
  const mapping = kind && context ? context.crm[`${kind}Mappings`][index] : undefined;
  if (!kind || !context || !mapping) {
    const text = msg(`rule.${e.code}`, undefined, e.message);
    return /\{\w+\}/.test(text) ? e.message : text;
  }
  const source = localizedSourceFields(kind).find((f) => f.key === mapping.source);
  const target = context.targetsOf(context.crm[`${kind}Object`])?.find((f) => f.name === mapping.target);
  return problemText({ level: 'error', code: e.code, message: e.message, params: problemParams(source, target, mapping.target) });
}

/** A drift line in the current locale: `settings.drift.<kind>` with `{field}`. */
export function driftText(item: DriftItem): string {
  return msg(`settings.drift.${item.kind}`, { field: item.field }, item.message);
}
