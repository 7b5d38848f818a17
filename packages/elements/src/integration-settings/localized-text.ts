import type { CrmFieldDescriptor, CrmMapping, DriftItem, FieldError, MemberPulseField, SettingDefinition } from '@memberpulse/integration-schema';
import { LIST_LIMITS, fieldError, findPlatform, firstBadListValue, settingFormatMessage, settingPointer, memberFields, orderFields, parsePointer } from '@memberpulse/integration-schema';
import { lowerCase, msg, shorten } from '../i18n/index.js';
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

/** The two mapping lists of a CRM record, with the MemberPulse fields each maps and their message-key prefix. */
const mappingSources = {
  memberMappings: { fields: memberFields, keys: 'field.member' },
  orderMappings: { fields: orderFields, keys: 'field.order' },
} as const;
export type MappingList = keyof typeof mappingSources;
const localizedSources = new Map<MappingList, { labels: string[]; fields: readonly MemberPulseField[] }>();

/**
 * The MemberPulse fields a mapping list maps, with their labels in the current locale (`field.member.<key>`,
 * `field.order.<key>`). The same array comes back until a label changes, so the field mapper does not
 * rebuild its rows on every render of the screen.
 */
export function localizedSourceFields(list: MappingList): readonly MemberPulseField[] {
  const { fields, keys } = mappingSources[list];
  const labels = fields.map((f) => msg(`${keys}.${f.key}`, undefined, f.label));
  const known = localizedSources.get(list);
  if (known && known.labels.every((l, i) => l === labels[i])) return known.fields;
  const localized = fields.map((f, i) => (labels[i] === f.label ? f : { ...f, label: labels[i]! }));
  localizedSources.set(list, { labels, fields: localized });
  return localized;
}

/** The key of the MemberPulse field a pointer into a mapping list (`/crm/memberMappings/2/…`) maps from, in `crm`. */
export function mappedSourceKey(pointer: string, crm: Pick<CrmMapping, MappingList>): string | undefined {
  const [, list, index] = parsePointer(pointer);
  return list === 'memberMappings' || list === 'orderMappings' ? crm[list][Number(index)]?.source : undefined;
}

/** The MemberPulse field a pointer into a mapping list maps from, in `crm`, localized. */
export function mappedSource(pointer: string, crm: Pick<CrmMapping, MappingList>): MemberPulseField | undefined {
  const key = mappedSourceKey(pointer, crm);
  const list = parsePointer(pointer)[1] as MappingList;
  return key === undefined ? undefined : localizedSourceFields(list).find((f) => f.key === key);
}

// The errors "Save and continue" makes for the connection inputs left blank, worded when shown.
const missingToContinue = new WeakSet<FieldError>();

/** The error naming a blank connection input that "Save and continue" needs: `settings.requiredToContinue` with `{label}`. */
export function requiredToContinue(s: SettingDefinition): FieldError {
  const e = fieldError(settingPointer(s), 'required', settingsMessages['settings.requiredToContinue'].replace('{label}', s.label));
  missingToContinue.add(e);
  return e;
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
  if (first === 'config' && key && index !== undefined) return listValueErrorText(e, platform, key, Number(index), context);
  if (index !== undefined) return mappingErrorText(e, context);
  const setting = settingAt(e.pointer, platform);
  if (setting) return withBadLine(settingErrorText(e, setting, platform, context), e, setting, context?.config[setting.key]);
  const label = first === 'platform' || first === 'crm' ? controlLabel(e.pointer, platform) : undefined;
  return label ? msg(`settings.error.${e.code}`, { label }, e.message) : e.message;
}

/** An error on a setting (or on one of a list's values) in the current locale, without the value it is about. */
function settingErrorText(e: FieldError, setting: SettingDefinition, platform: string | null, context?: ErrorContext): string {
  const own = localizedSetting(platform, setting);
  const max = setting.type === 'list' ? (e.code === 'too_big' ? LIST_LIMITS.values : LIST_LIMITS.valueLength) : (setting.max ?? setting.maxLength);
  // A list's `duplicate` names the value given twice (`{value}`), as the server's English does.
  const listed = context?.config[setting.key];
  const value = setting.type === 'list' && e.code === 'duplicate' && Array.isArray(listed) ? listed.find((v, i) => listed.indexOf(v) !== i) : undefined;
  if (missingToContinue.has(e)) return t('settings.requiredToContinue', { label: own.label });
  if (setting.patternMessage && e.message === settingFormatMessage(setting)) return own.patternMessage!;
  return msg(`settings.error.${e.code}`, { label: own.label, min: setting.min, max, value, count: e.code === 'too_small' ? setting.min : max }, e.message);
}

/** The catalog setting a `/config/<key>` or `/credentials/<key>` pointer names. */
function settingAt(pointer: string, platform: string | null): SettingDefinition | undefined {
  const [first, key, more] = parsePointer(pointer);
  if ((first !== 'config' && first !== 'credentials') || !key || more !== undefined) return undefined;
  return findPlatform(platform)?.settings.find((s) => s.key === key);
}

/** The label, in the current locale, of the control a pointer names: a setting, the platform or a CRM choice. */
export function controlLabel(pointer: string, platform: string | null): string | undefined {
  const setting = settingAt(pointer, platform);
  if (setting) return localizedSetting(platform, setting).label;
  const [first, key, more] = parsePointer(pointer);
  if (more !== undefined) return undefined;
  if (first === 'platform') return t('settings.platform');
  return first === 'crm' && key && key in crmLabelKeys ? t(crmLabelKeys[key as keyof typeof crmLabelKeys]) : undefined;
}

/**
 * A field error as the summary at the top lists it, away from its control: led by the control's label
 * (`settings.summary.item`) unless its words name it already, in any case ("Choose a platform." for Platform).
 */
export function summaryErrorText(e: FieldError, platform: string | null, context?: ErrorContext): string {
  const text = fieldErrorText(e, platform, context);
  const label = controlLabel(e.pointer, platform) ?? rowLabel(e.pointer, context);
  return label && !lowerCase(text).includes(lowerCase(label)) ? t('settings.summary.item', { label, message: text }) : text;
}

/** A field error as its control shows it; a mapping row's, listed under its mapper, led by the row's MemberPulse field. */
export function besideErrorText(e: FieldError, platform: string | null, context?: ErrorContext): string {
  const text = fieldErrorText(e, platform, context);
  const source = context && mappedSource(e.pointer, context.crm);
  return source ? t('settings.summary.item', { label: source.label, message: text }) : text;
}

/** A mapping row as the summary names it, away from its mapper: the list, then the row's MemberPulse field. */
function rowLabel(pointer: string, context: ErrorContext | undefined): string | undefined {
  const [, list] = parsePointer(pointer);
  const source = context && mappedSource(pointer, context.crm);
  return source && t('settings.summary.row', { list: t(list === 'memberMappings' ? 'settings.crm.memberMappings' : 'settings.crm.orderMappings'), field: source.label });
}

/** An error on one value of a list setting (`/config/clubIds/4`): that value, then what is wrong with it. */
function listValueErrorText(e: FieldError, platform: string | null, key: string, index: number, context?: ErrorContext): string {
  const setting = settingAt(`/config/${key}`, platform);
  if (!setting) return e.message;
  const max = LIST_LIMITS.valueLength;
  // `count` picks the plural form of the limit's noun, as for settings.error.too_long.
  const text = e.code === 'too_long' ? t('settings.listValueTooLong', { label: localizedSetting(platform, setting).label, max, count: max }) : settingErrorText(e, setting, platform, context);
  const values = context?.config[key];
  const value = Array.isArray(values) ? values[index] : undefined;
  if (typeof value !== 'string') return text;
  return t('settings.badListValue', { value: shorten(value, 24), message: text });
}

/** A list's format error names the first value that breaks the rule: among 200 club IDs, which one (a blank one has no name). */
function withBadLine(text: string, e: FieldError, setting: SettingDefinition, value: unknown): string {
  const bad = setting.type === 'list' && e.code === 'invalid_format' && Array.isArray(value) ? firstBadListValue(setting, value) : undefined;
  return !bad?.trim() ? text : t('settings.badListValue', { value: bad, message: text });
}

/** An error on one mapping row, worded as the field mapper words it on that row. */
function mappingErrorText(e: FieldError, context: ErrorContext | undefined): string {
  const [first, list, index] = parsePointer(e.pointer);
  const mapping = first === 'crm' && (list === 'memberMappings' || list === 'orderMappings') && context ? context.crm[list][Number(index)] : undefined;
  if (!mapping || !context) {
    const text = msg(`rule.${e.code}`, undefined, e.message);
    return /\{\w+\}/.test(text) ? e.message : text;
  }
  const object = list === 'memberMappings' ? context.crm.memberObject : context.crm.orderObject;
  const target = context.targetsOf(object)?.find((f) => f.name === mapping.target);
  return problemText({ level: 'error', code: e.code, message: e.message, params: problemParams(mappedSource(e.pointer, context.crm), target, mapping.target) });
}

/** A drift line in the current locale: `settings.drift.<kind>` with `{field}`. */
export function driftText(item: DriftItem): string {
  return msg(`settings.drift.${item.kind}`, { field: item.field }, item.message);
}
