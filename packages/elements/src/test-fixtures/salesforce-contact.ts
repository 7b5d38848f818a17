import type { CrmFieldDescriptor, CrmFieldType, CrmPicklistValue, FieldMapping, MemberPulseField } from '@memberpulse/integration-schema';
import { memberFields } from '@memberpulse/integration-schema';

/**
 * Realistic Salesforce metadata for tests, stories and benches (no network). Shapes follow a
 * `describe('Contact')` as the connectors translate it into `CrmFieldDescriptor`s.
 */

/** One Contact field with Salesforce's usual defaults (writable, nillable, not custom unless `__c`). */
export function sfField(name: string, type: CrmFieldType, label: string, extra: Partial<CrmFieldDescriptor> = {}): CrmFieldDescriptor {
  return {
    name,
    label,
    type,
    nillable: true,
    required: false,
    createable: true,
    updateable: true,
    externalId: false,
    unique: false,
    custom: name.endsWith('__c'),
    ...extra,
  };
}

const readOnly = { createable: false, updateable: false } as const;
const picklist = (...values: string[]): CrmPicklistValue[] => values.map((value) => ({ value, label: value, active: true }));

/** The standard fields of a Salesforce Contact (API v62), plus the lookup paths a mapping may write through. */
export const contactStandardFields: readonly CrmFieldDescriptor[] = [
  sfField('Id', 'id', 'Contact ID', { ...readOnly, nillable: false, length: 18 }),
  sfField('IsDeleted', 'boolean', 'Deleted', { ...readOnly, nillable: false }),
  sfField('MasterRecordId', 'reference', 'Master Record ID', { ...readOnly, referenceTo: ['Contact'], relationshipName: 'MasterRecord' }),
  sfField('AccountId', 'reference', 'Account ID', { referenceTo: ['Account'], relationshipName: 'Account' }),
  sfField('LastName', 'string', 'Last Name', { length: 80, nillable: false, required: true }),
  sfField('FirstName', 'string', 'First Name', { length: 40 }),
  sfField('Salutation', 'picklist', 'Salutation', { picklistValues: picklist('Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.') }),
  sfField('MiddleName', 'string', 'Middle Name', { length: 40 }),
  sfField('Suffix', 'string', 'Suffix', { length: 40 }),
  sfField('Name', 'string', 'Full Name', { ...readOnly, length: 121, nillable: false }),
  sfField('OtherStreet', 'textarea', 'Other Street', { length: 255 }),
  sfField('OtherCity', 'string', 'Other City', { length: 40 }),
  sfField('OtherState', 'string', 'Other State/Province', { length: 80 }),
  sfField('OtherPostalCode', 'string', 'Other Zip/Postal Code', { length: 20 }),
  sfField('OtherCountry', 'string', 'Other Country', { length: 80 }),
  sfField('OtherLatitude', 'double', 'Other Latitude'),
  sfField('OtherLongitude', 'double', 'Other Longitude'),
  sfField('OtherGeocodeAccuracy', 'picklist', 'Other Geocode Accuracy', { picklistValues: picklist('Address', 'NearAddress', 'Block', 'Street', 'City', 'Zip', 'Unknown') }),
  sfField('OtherAddress', 'address', 'Other Address', readOnly),
  sfField('MailingStreet', 'textarea', 'Mailing Street', { length: 255 }),
  sfField('MailingCity', 'string', 'Mailing City', { length: 40 }),
  sfField('MailingState', 'string', 'Mailing State/Province', { length: 80 }),
  sfField('MailingPostalCode', 'string', 'Mailing Zip/Postal Code', { length: 20 }),
  sfField('MailingCountry', 'string', 'Mailing Country', { length: 80 }),
  sfField('MailingLatitude', 'double', 'Mailing Latitude'),
  sfField('MailingLongitude', 'double', 'Mailing Longitude'),
  sfField('MailingGeocodeAccuracy', 'picklist', 'Mailing Geocode Accuracy', { picklistValues: picklist('Address', 'NearAddress', 'Block', 'Street', 'City', 'Zip', 'Unknown') }),
  sfField('MailingAddress', 'address', 'Mailing Address', readOnly),
  sfField('Phone', 'phone', 'Business Phone', { length: 40 }),
  sfField('Fax', 'phone', 'Business Fax', { length: 40 }),
  sfField('MobilePhone', 'phone', 'Mobile Phone', { length: 40 }),
  sfField('HomePhone', 'phone', 'Home Phone', { length: 40 }),
  sfField('OtherPhone', 'phone', 'Other Phone', { length: 40 }),
  sfField('AssistantPhone', 'phone', 'Asst. Phone', { length: 40 }),
  sfField('ReportsToId', 'reference', 'Reports To ID', { referenceTo: ['Contact'], relationshipName: 'ReportsTo' }),
  sfField('Email', 'email', 'Email', { length: 80 }),
  sfField('Title', 'string', 'Title', { length: 128 }),
  sfField('Department', 'string', 'Department', { length: 80 }),
  sfField('AssistantName', 'string', "Assistant's Name", { length: 40 }),
  sfField('LeadSource', 'picklist', 'Lead Source', { picklistValues: picklist('Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other') }),
  sfField('Birthdate', 'date', 'Birthdate'),
  sfField('Description', 'textarea', 'Contact Description', { length: 32000 }),
  sfField('OwnerId', 'reference', 'Owner ID', { nillable: false, referenceTo: ['User'], relationshipName: 'Owner' }),
  sfField('HasOptedOutOfEmail', 'boolean', 'Email Opt Out', { nillable: false }),
  sfField('HasOptedOutOfFax', 'boolean', 'Fax Opt Out', { nillable: false }),
  sfField('DoNotCall', 'boolean', 'Do Not Call', { nillable: false }),
  sfField('CreatedDate', 'datetime', 'Created Date', { ...readOnly, nillable: false }),
  sfField('CreatedById', 'reference', 'Created By ID', { ...readOnly, referenceTo: ['User'], relationshipName: 'CreatedBy' }),
  sfField('LastModifiedDate', 'datetime', 'Last Modified Date', { ...readOnly, nillable: false }),
  sfField('LastModifiedById', 'reference', 'Last Modified By ID', { ...readOnly, referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
  sfField('SystemModstamp', 'datetime', 'System Modstamp', { ...readOnly, nillable: false }),
  sfField('LastActivityDate', 'date', 'Last Activity', readOnly),
  sfField('LastCURequestDate', 'datetime', 'Last Stay-in-Touch Request Date', readOnly),
  sfField('LastCUUpdateDate', 'datetime', 'Last Stay-in-Touch Save Date', readOnly),
  sfField('LastViewedDate', 'datetime', 'Last Viewed Date', readOnly),
  sfField('LastReferencedDate', 'datetime', 'Last Referenced Date', readOnly),
  sfField('EmailBouncedReason', 'string', 'Email Bounced Reason', { length: 255 }),
  sfField('EmailBouncedDate', 'datetime', 'Email Bounced Date'),
  sfField('IsEmailBounced', 'boolean', 'Is Email Bounced', { ...readOnly, nillable: false }),
  sfField('PhotoUrl', 'url', 'Photo URL', { ...readOnly, length: 255 }),
  sfField('Jigsaw', 'string', 'Data.com Key', { length: 20 }),
  sfField('JigsawContactId', 'string', 'Jigsaw Contact ID', { ...readOnly, length: 20 }),
  sfField('IndividualId', 'reference', 'Individual ID', { referenceTo: ['Individual'], relationshipName: 'Individual' }),
  sfField('Pronouns', 'picklist', 'Pronouns', { picklistValues: picklist('He/Him', 'She/Her', 'They/Them', 'He/They', 'She/They', 'Not Listed') }),
  sfField('GenderIdentity', 'picklist', 'Gender Identity', { picklistValues: picklist('Male', 'Female', 'Nonbinary', 'Not Listed') }),
  // Fields reached through a lookup: written by the connector on the related record.
  sfField('Account.Name', 'string', 'Account Name', { length: 255, nillable: false }),
  sfField('Account.Website', 'url', 'Account Website', { length: 255 }),
  sfField('ReportsTo.Email', 'email', 'Reports To Email', { ...readOnly, length: 80 }),
];

/** Custom fields a typical association org adds to Contact. */
export const contactCustomFields: readonly CrmFieldDescriptor[] = [
  sfField('Member_ID__c', 'string', 'Member ID', { length: 36, externalId: true, unique: true }),
  sfField('Membership_Status__c', 'picklist', 'Membership Status', {
    restrictedPicklist: true,
    picklistValues: picklist('Active', 'Expiring', 'Expired', 'Pending', 'Cancelled'),
  }),
  sfField('Membership_Level__c', 'picklist', 'Membership Level', { picklistValues: picklist('Student', 'Associate', 'Full', 'Fellow', 'Honorary') }),
  sfField('Member_Since__c', 'date', 'Member Since'),
  sfField('Membership_Expiry__c', 'date', 'Membership Expiry'),
  sfField('Event_Tags__c', 'multipicklist', 'Event Tags', { picklistValues: picklist('registered', 'attended', 'no-show') }),
  sfField('Course_Tags__c', 'textarea', 'Course Tags', { length: 4000 }),
  sfField('HL_Security_Group__c', 'string', 'HL Security Group', { length: 80 }),
  sfField('Is_Active__c', 'boolean', 'Is Active'),
  sfField('Short_Code__c', 'string', 'Short Code', { length: 10 }),
  sfField('Company_Size__c', 'int', 'Company Size'),
  sfField('Annual_Dues__c', 'currency', 'Annual Dues'),
  sfField('Chapter__c', 'picklist', 'Chapter', { restrictedPicklist: true, picklistValues: picklist('North', 'South', 'East', 'West') }),
  sfField('Legacy_Score__c', 'double', 'Legacy Score', readOnly),
];


/** The MemberPulse member fields (re-exported from the schema catalog for convenience). */
export const memberSourceFields: readonly MemberPulseField[] = memberFields;

/** A part-way mapping of member fields onto {@link contactFields}: the required fields and phone. */
export const partialMemberMappings: readonly FieldMapping[] = [
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'FirstName', policy: 'always' },
  { source: 'lastName', target: 'LastName', policy: 'always' },
  { source: 'phone', target: 'Phone', policy: 'neverBlank' },
];

/** Every member field mapped onto {@link contactFields}: no errors and no warnings. */
export const completeMemberMappings: readonly FieldMapping[] = [
  { source: 'memberId', target: 'Member_ID__c', policy: 'always' },
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'FirstName', policy: 'always' },
  { source: 'lastName', target: 'LastName', policy: 'always' },
  { source: 'phone', target: 'Phone', policy: 'neverBlank' },
  { source: 'company', target: 'Account.Name', policy: 'ifTargetEmpty' },
  { source: 'membershipStatus', target: 'Membership_Status__c', policy: 'always' },
  { source: 'membershipLevel', target: 'HL_Security_Group__c', policy: 'always' },
  { source: 'joinDate', target: 'Member_Since__c', policy: 'ifTargetEmpty' },
  { source: 'expiryDate', target: 'Membership_Expiry__c', policy: 'always' },
  { source: 'street', target: 'MailingStreet', policy: 'always' },
  { source: 'city', target: 'MailingCity', policy: 'always' },
  { source: 'state', target: 'MailingState', policy: 'always' },
  { source: 'postalCode', target: 'MailingPostalCode', policy: 'always' },
  { source: 'country', target: 'MailingCountry', policy: 'always' },
  { source: 'emailOptOut', target: 'HasOptedOutOfEmail', policy: 'always' },
];

/**
 * Mappings with one of each problem: a duplicate target, an incompatible type, a read-only target,
 * a target missing from the CRM, and a risky one (length); Last Name (required) is left unmapped.
 */
export const problemMemberMappings: readonly FieldMapping[] = [
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'FirstName', policy: 'always' },
  { source: 'membershipLevel', target: 'FirstName', policy: 'always' },
  { source: 'joinDate', target: 'HasOptedOutOfEmail', policy: 'always' },
  { source: 'memberId', target: 'Name', policy: 'always' },
  { source: 'country', target: 'Old_Country__c', policy: 'always' },
  { source: 'company', target: 'Short_Code__c', policy: 'always' },
];

/** Metadata written by someone hostile: markup and script in labels, API names and picklist values. */
export const hostileContactFields: readonly CrmFieldDescriptor[] = [
  sfField('Email', 'email', 'Email', { length: 80 }),
  sfField('Evil_Label__c', 'string', '<img src=x onerror="globalThis.__mpXss=(globalThis.__mpXss||0)+1">', { length: 255 }),
  sfField('Evil"><svg onload="globalThis.__mpXss=1">__c', 'string', 'Name <b>bold</b> & "quoted"', { length: 255 }),
  sfField('Evil_Picklist__c', 'picklist', 'Evil Picklist', {
    picklistValues: picklist('<script>globalThis.__mpXss=1</script>', '<img src=x onerror="globalThis.__mpXss=1">'),
  }),
];

/** A member field whose label is markup, for the same purpose. */
export const hostileSourceField: MemberPulseField = {
  key: 'evil',
  label: '<img src=x onerror="globalThis.__mpXss=(globalThis.__mpXss||0)+1">',
  type: 'string',
  required: false,
};

// ---- generated custom fields: what years of admins leave on a Contact ------------------------------

/** A small deterministic pseudo-random sequence (mulberry32), so every run builds the same org. */
function sequence(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = [
  'Chapter', 'Committee', 'Conference', 'CPD', 'Donor', 'Journal', 'Mentoring', 'Newsletter', 'Volunteer', 'Award',
  'Board', 'Certification', 'Grant', 'Sponsorship', 'Webinar', 'Survey', 'Scholarship', 'Advocacy', 'Fundraising',
  'Practice Area', 'Career', 'Education', 'Publication', 'Partner', 'Alumni', 'Research', 'Policy', 'Youth Program',
  'Annual Meeting', 'Special Interest Group',
];

/** Facets a topic gets a field for, with the Salesforce type admins usually pick. */
const facets: [string, CrmFieldType][] = [
  ['Role', 'picklist'], ['Status', 'picklist'], ['Start Date', 'date'], ['End Date', 'date'], ['Count', 'double'],
  ['Amount', 'currency'], ['Notes', 'textarea'], ['Opt In', 'boolean'], ['Score', 'double'], ['Preference', 'picklist'],
  ['Code', 'string'], ['Contact Email', 'email'], ['Phone', 'phone'], ['Website', 'url'], ['Completion', 'percent'],
  ['Last Updated', 'datetime'], ['Topics', 'multipicklist'], ['Reference', 'string'],
];

const facetValues: Partial<Record<string, string[]>> = {
  Role: ['Chair', 'Deputy Chair', 'Secretary', 'Treasurer', 'Member', 'Observer'],
  Status: ['Active', 'Lapsed', 'Pending', 'Withdrawn'],
  Preference: ['Email', 'Post', 'Phone', 'No Contact'],
  Topics: ['Governance', 'Ethics', 'Technology', 'Leadership', 'Finance', 'Law', 'Health', 'Sustainability'],
};

const apiName = (label: string) => `${label.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}__c`;

/** One generated custom field: picklists carry values, some text fields are short, some fields are formulas (read-only). */
function customField(label: string, type: CrmFieldType, random: () => number, name = apiName(label)): CrmFieldDescriptor {
  const extra: Partial<CrmFieldDescriptor> = {};
  if (type === 'string') extra.length = random() < 0.3 ? 40 : 255;
  if (type === 'textarea') extra.length = random() < 0.5 ? 255 : 32768;
  if (type === 'email' || type === 'phone') extra.length = 80;
  if (type === 'url') extra.length = 255;
  if (type === 'picklist' || type === 'multipicklist') {
    const facet = facets.find(([f]) => label.endsWith(f))?.[0] ?? '';
    extra.picklistValues = picklist(...(facetValues[facet] ?? ['Yes', 'No', 'Unknown']));
    if (random() < 0.25) extra.restrictedPicklist = true;
  }
  if (random() < 0.06) Object.assign(extra, readOnly);
  return sfField(name, type, label, extra);
}

/**
 * Custom Contact fields in a realistic spread: every topic × facet (`Chapter Role`, `CPD Count`, …), then
 * `HL_` security-group fields (seed 004), then yearly attendance flags, until there are `count`.
 */
export function generatedCustomFields(count: number, seed = 6): CrmFieldDescriptor[] {
  const random = sequence(seed);
  const out: CrmFieldDescriptor[] = [];
  for (const [facet, type] of facets) {
    for (const topic of topics) {
      if (out.length >= count) return out;
      out.push(customField(`${topic} ${facet}`, type, random));
    }
  }
  for (const topic of topics) {
    if (out.length >= count) return out;
    out.push(customField(`HL ${topic} Group`, 'string', random, `HL_${apiName(topic).replace(/__c$/, '')}_Group__c`));
  }
  for (let year = 2025; out.length < count; year--) {
    for (const topic of topics) {
      if (out.length >= count) return out;
      out.push(customField(`${topic} ${year} Attended`, 'boolean', random));
    }
  }
  return out;
}

/** `Interests__c`: a multi-select picklist with `size` values (every 50th inactive), as big orgs grow them. */
export function interestsField(size = 1000): CrmFieldDescriptor {
  return sfField('Interests__c', 'multipicklist', 'Interests', {
    picklistValues: Array.from({ length: size }, (_, i) => ({
      value: `${topics[i % topics.length]} ${Math.floor(i / topics.length) + 1}`,
      label: `${topics[i % topics.length]} ${Math.floor(i / topics.length) + 1}`,
      active: i % 50 !== 49,
    })),
  });
}

/**
 * A realistic Salesforce Contact of `count` fields (default 400): ~70 standard fields and lookup paths, an
 * association's hand-made custom fields, `Interests__c` (1,000 values), and generated custom fields.
 */
export function salesforceContactFields(count = 400, picklistSize = 1000): CrmFieldDescriptor[] {
  const fixed = [...contactStandardFields, ...contactCustomFields, interestsField(picklistSize)];
  return [...fixed, ...generatedCustomFields(Math.max(0, count - fixed.length))];
}

/** The realistic Contact with 400 fields, in describe order. */
export const contactFields: readonly CrmFieldDescriptor[] = salesforceContactFields();

/** A large org's Contact: 900 fields, one of them a 1,000-value multi-select picklist. */
export function largeContactFields(count = 900, picklistSize = 1000): CrmFieldDescriptor[] {
  return salesforceContactFields(count, picklistSize);
}

const sourceTypeFor: Partial<Record<CrmFieldType, MemberPulseField['type']>> = {
  string: 'string', textarea: 'text', picklist: 'picklist', multipicklist: 'picklist', date: 'date', datetime: 'datetime',
  boolean: 'boolean', double: 'number', percent: 'number', currency: 'currency', email: 'email', phone: 'phone', url: 'url',
};

const camel = (label: string) => label.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toLowerCase());

/**
 * MemberPulse fields for a large tenant: the member catalog plus custom member fields up to `count`
 * (default 150). Four in five share a label with a custom field of {@link largeContactFields} (so auto-map
 * has real work); the rest exist only in MemberPulse. Every 40th is required.
 */
export function largeSourceFields(count = 150): MemberPulseField[] {
  const out: MemberPulseField[] = [...memberFields];
  const crm = generatedCustomFields(800);
  for (let i = 1; out.length < count; i++) {
    const match = i % 5 !== 0 ? crm[(i * 7) % crm.length] : undefined;
    const label = match ? match.label : `Portal Setting ${i}`;
    const type = (match && sourceTypeFor[match.type]) ?? 'string';
    const field: MemberPulseField = { key: camel(label), label, type, required: i % 40 === 0 };
    if (type === 'string' || type === 'text') field.maxLength = 255;
    if (type === 'picklist') field.values = match?.picklistValues?.slice(0, 3).map((v) => v.value) ?? ['Yes', 'No'];
    if (!out.some((f) => f.key === field.key)) out.push(field);
  }
  return out;
}
