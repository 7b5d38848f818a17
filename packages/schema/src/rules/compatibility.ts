import { isolateBidi } from '../bidi.js';
import type { CrmFieldDescriptor, CrmFieldType, MemberPulseField, MemberPulseFieldType } from '../field-types.js';
import type { FieldErrorCode } from '../problem.js';

/** Outcome of checking one source field against one CRM target. */
export interface Compatibility {
  level: 'ok' | 'warning' | 'error';
  code?: FieldErrorCode;
  message?: string;
}

const OK: Compatibility = { level: 'ok' };

const TEXT_TARGETS: ReadonlySet<CrmFieldType> = new Set(['string', 'textarea', 'combobox', 'encryptedstring']);

/** Target types each source type writes into cleanly; `warn` ones work with a caveat. */
const rules: Record<MemberPulseFieldType, { ok: CrmFieldType[]; warn: Partial<Record<CrmFieldType, string>> }> = {
  id: { ok: ['string', 'textarea', 'combobox', 'encryptedstring'], warn: {} },
  string: {
    ok: ['string', 'textarea', 'combobox', 'encryptedstring'],
    warn: {
      email: 'Values that are not email addresses will be rejected.',
      phone: 'Values are written as-is into a phone field.',
      url: 'Values that are not URLs will be rejected.',
      picklist: 'Only values that match the picklist are accepted.',
      multipicklist: 'Only values that match the picklist are accepted.',
    },
  },
  text: {
    ok: ['textarea', 'string', 'combobox', 'encryptedstring'],
    warn: { picklist: 'Only values that match the picklist are accepted.' },
  },
  email: { ok: ['email', 'string', 'textarea', 'combobox', 'encryptedstring'], warn: {} },
  phone: { ok: ['phone', 'string', 'textarea', 'combobox', 'encryptedstring'], warn: {} },
  url: { ok: ['url', 'string', 'textarea', 'combobox'], warn: {} },
  picklist: { ok: ['picklist', 'multipicklist', 'string', 'textarea', 'combobox'], warn: {} },
  boolean: { ok: ['boolean'], warn: { string: 'Written as the text "true" or "false".' } },
  date: { ok: ['date', 'datetime'], warn: { string: 'Written as text (YYYY-MM-DD).' } },
  datetime: {
    ok: ['datetime'],
    warn: { date: 'The time of day is dropped.', string: 'Written as ISO 8601 text.' },
  },
  integer: { ok: ['int', 'long', 'double', 'currency', 'percent', 'string'], warn: {} },
  number: { ok: ['double', 'currency', 'percent', 'string'], warn: { int: 'Decimals are rounded.', long: 'Decimals are rounded.' } },
  currency: { ok: ['currency', 'double', 'string'], warn: { int: 'Cents are rounded.', long: 'Cents are rounded.' } },
};

const typeNames: Partial<Record<CrmFieldType, string>> = {
  string: 'text',
  multipicklist: 'multi-select picklist',
  textarea: 'long text',
  datetime: 'date/time',
  int: 'integer',
  double: 'number',
  reference: 'lookup',
};

/** A readable name for a CRM field type. */
export function crmTypeLabel(type: CrmFieldType): string {
  return typeNames[type] ?? type;
}

/** Whether the target's type is the one the source's values are made for: an email into an email field, a date into a date. */
export function isNaturalTarget(source: MemberPulseField, target: CrmFieldDescriptor): boolean {
  return rules[source.type].ok[0] === target.type;
}

/**
 * Whether a MemberPulse field can be written into a CRM field, and with what caveat.
 * Errors make a mapping invalid; warnings are shown beside it.
 */
export function checkCompatibility(source: MemberPulseField, target: CrmFieldDescriptor): Compatibility {
  // Labels come from a CRM or a host page: their directional controls must not reverse the sentence.
  const targetLabel = isolateBidi(target.label);
  const sourceLabel = isolateBidi(source.label);
  if (!target.createable && !target.updateable) {
    return { level: 'error', code: 'not_writable', message: `${targetLabel} is read-only in the CRM.` };
  }
  const rule = rules[source.type];
  const caveat = rule.warn[target.type];
  if (!rule.ok.includes(target.type) && caveat === undefined) {
    return {
      level: 'error',
      code: 'incompatible_type',
      message: `${sourceLabel} (${source.type}) cannot be written into ${targetLabel} (${crmTypeLabel(target.type)}).`,
    };
  }
  if (target.restrictedPicklist && (target.type === 'picklist' || target.type === 'multipicklist')) {
    const allowed = activePicklistValues(target);
    const missing = (source.values ?? []).filter((v) => !allowed.has(v));
    if (source.type !== 'picklist' || missing.length > 0) {
      const detail = missing.length > 0 ? ` Not in it: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}.` : '';
      return {
        level: 'warning',
        code: 'restricted_picklist',
        message: `${targetLabel} is a restricted picklist; other values are rejected.${detail}`,
      };
    }
  }
  if (TEXT_TARGETS.has(target.type) && target.length && source.maxLength && source.maxLength > target.length) {
    return {
      level: 'warning',
      code: 'length_risk',
      message: `${targetLabel} holds ${target.length} characters; ${sourceLabel} can be up to ${source.maxLength}.`,
    };
  }
  if (caveat !== undefined) return { level: 'warning', code: 'incompatible_type', message: caveat };
  return OK;
}

/** The values a picklist field accepts now (its active ones). */
export function activePicklistValues(field: CrmFieldDescriptor): Set<string> {
  return new Set((field.picklistValues ?? []).filter((v) => v.active).map((v) => v.value));
}

/** Field types that can hold MemberPulse's tags: a multi-select picklist or long text. */
export const tagFieldTypes: readonly CrmFieldType[] = ['multipicklist', 'textarea'];

/** Salesforce's plain text area holds 255 characters (an address street is one); a long text area holds more. */
const PLAIN_TEXT_AREA_LENGTH = 255;

/** Whether a CRM field can receive tags: a writable multi-select picklist or long text area. */
export function isTagField(field: CrmFieldDescriptor): boolean {
  const long = field.type !== 'textarea' || (field.length ?? Infinity) > PLAIN_TEXT_AREA_LENGTH;
  return tagFieldTypes.includes(field.type) && long && (field.createable || field.updateable);
}
