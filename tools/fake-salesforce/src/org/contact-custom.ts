/** Contact's custom fields: the named ones MemberPulse and the HL_ integration rely on, plus ~300 generated ones. */
import type { FieldDescribe, SfFieldType } from '../types.js';
import { bool, currency, date, datetime, field, multiPicklist, number, picklist, reference, text } from './fields.js';
import { Rng } from './random.js';
import {
  CHAPTERS,
  FIELD_PREFIXES,
  FIELD_SUFFIXES,
  interestValues,
  MEMBERPULSE_TAG_VALUES,
  MEMBERSHIP_LEVELS,
  MEMBERSHIP_STATUSES,
  PICKLIST_SETS,
  SECURITY_GROUPS,
} from './vocab.js';

/** How many generated custom fields Contact carries besides the named ones. */
export const GENERATED_CONTACT_FIELDS = 320;

/** The named custom fields on Contact. */
export function namedContactCustomFields(): FieldDescribe[] {
  return [
    picklist('Membership_Status__c', MEMBERSHIP_STATUSES, { label: 'Membership Status', restrictedPicklist: true }),
    picklist('Membership_Level__c', MEMBERSHIP_LEVELS, { label: 'Membership Level' }),
    text('Member_Number__c', 20, { label: 'Member Number', externalId: true, unique: true, idLookup: true }),
    date('Member_Since__c', { label: 'Member Since' }),
    date('Membership_Expiry__c', { label: 'Membership Expiry' }),
    bool('Is_Active__c', { label: 'Is Active' }),
    multiPicklist('Member_Tags__c', MEMBERPULSE_TAG_VALUES, { label: 'Member Tags', restrictedPicklist: true }),
    multiPicklist('Event_Tags__c', MEMBERPULSE_TAG_VALUES.filter((t) => t.startsWith('MP:Event')), { label: 'Event Tags' }),
    multiPicklist('Course_Tags__c', MEMBERPULSE_TAG_VALUES.filter((t) => t.startsWith('MP:Course')), { label: 'Course Tags' }),
    multiPicklist('Areas_of_Interest__c', interestValues(), { label: 'Areas of Interest', restrictedPicklist: true }),
    text('Company_Name__c', 255, { label: 'Company Name' }),
    currency('Lifetime_Value__c', { label: 'Lifetime Value' }),
    datetime('Last_Event_Attended__c', { label: 'Last Event Attended' }),
    number('Open_Support_Tickets__c', 18, 0, { label: 'Open Support Tickets' }),
    field({ name: 'LinkedIn_Profile__c', type: 'url', label: 'LinkedIn Profile' }),
    reference('Employer__c', ['Account'], 'Employer__r', { label: 'Employer' }),
    reference('Primary_Member__c', ['Member__c'], 'Primary_Member__r', { label: 'Primary Member Record' }),
    text('MemberPulse_Id__c', 36, { label: 'MemberPulse ID', externalId: true, unique: true, caseSensitive: true }),
    picklist('HL_Security_Group__c', SECURITY_GROUPS, { label: 'HL Security Group' }),
    picklist('HL_Chapter__c', CHAPTERS, { label: 'HL Chapter' }),
    multiPicklist('HL_Committees__c', ['Awards', 'Education', 'Finance', 'Governance', 'Membership', 'Events', 'Publications', 'Advocacy'], { label: 'HL Committees' }),
    picklist('HL_Member_Type__c', ['Individual', 'Organisational', 'Student', 'Retired', 'Honorary'], { label: 'HL Member Type' }),
    bool('HL_Board_Member__c', { label: 'HL Board Member' }),
    field({ name: 'Full_Mailing_Address__c', type: 'string', length: 1300, label: 'Full Mailing Address', calculated: true, calculatedFormula: 'MailingStreet & BR() & MailingCity' }),
    number('Days_Until_Expiry__c', 18, 0, { label: 'Days Until Expiry', calculated: true, calculatedFormula: 'Membership_Expiry__c - TODAY()' }),
  ];
}

/** Builds one generated field for a prefix/suffix pair. */
function generated(prefix: string, suffix: string, type: SfFieldType, rng: Rng): FieldDescribe {
  const name = `${prefix}_${suffix}__c`;
  const label = `${prefix.replace(/_/g, ' ')} ${suffix.replace(/_/g, ' ')}`;
  const help = rng.chance(0.2) ? `${label} as recorded by the membership team.` : null;
  switch (type) {
    case 'picklist':
      return picklist(name, PICKLIST_SETS[suffix] ?? PICKLIST_SETS.Category!, { label, restrictedPicklist: rng.chance(0.5), inlineHelpText: help });
    case 'multipicklist':
      return multiPicklist(name, PICKLIST_SETS[suffix] ?? PICKLIST_SETS.Interests!, { label, inlineHelpText: help });
    case 'string':
      return text(name, rng.pick([20, 40, 50, 80, 100, 255]), { label, inlineHelpText: help });
    case 'textarea':
      return field({ name, type, length: rng.pick([255, 1000, 32768, 131072]), label, inlineHelpText: help });
    case 'double':
      return number(name, 18, rng.pick([0, 0, 2]), { label, inlineHelpText: help });
    case 'percent':
      return field({ name, type, precision: 5, scale: 2, label, inlineHelpText: help });
    case 'currency':
      return currency(name, { label, inlineHelpText: help });
    case 'date':
      return date(name, { label, inlineHelpText: help });
    case 'datetime':
      return datetime(name, { label, inlineHelpText: help });
    case 'boolean':
      return bool(name, { label, inlineHelpText: help, defaultValue: false });
    case 'reference':
      return reference(name, ['Contact'], name.replace(/__c$/, '__r'), { label, inlineHelpText: help });
    default:
      return field({ name, type, label, inlineHelpText: help });
  }
}

/** All Contact custom fields: the named ones followed by the generated ones, deterministic. */
export function contactCustomFields(count = GENERATED_CONTACT_FIELDS): FieldDescribe[] {
  const named = namedContactCustomFields();
  return [...named, ...generatedCustomFields('Contact custom fields', count, named)];
}

/**
 * `count` generated custom fields (of up to 950 prefix and suffix pairs, types mixed), none named like one of
 * `beside`, sorted by name; `seed` makes each object's choice its own, the same on every run.
 */
export function generatedCustomFields(seed: string, count: number, beside: readonly FieldDescribe[]): FieldDescribe[] {
  const taken = new Set(beside.map((f) => f.name.toLowerCase()));
  const rng = new Rng(seed);
  const out: FieldDescribe[] = [];
  for (const prefix of FIELD_PREFIXES) {
    for (const [suffix, type] of FIELD_SUFFIXES) {
      const name = `${prefix}_${suffix}__c`.toLowerCase();
      if (taken.has(name)) continue;
      taken.add(name);
      out.push(generated(prefix, suffix, type, new Rng(name)));
    }
  }
  // Shuffle deterministically so types are mixed, then keep `count`.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.slice(0, count).sort((a, b) => a.name.localeCompare(b.name));
}
