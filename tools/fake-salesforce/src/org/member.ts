/** The custom Member__c and Member_Tag__c objects (both related to Contact), and a large org's 900-field member object. */
import type { FieldDescribe } from '../types.js';
import { bool, date, datetime, field, idField, multiPicklist, picklist, readOnly, reference, systemFields, text } from './fields.js';
import { MEMBERPULSE_TAG_VALUES, MEMBERSHIP_LEVELS, MEMBERSHIP_STATUSES } from './vocab.js';
import { generatedCustomFields } from './contact-custom.js';

/** All Member__c fields. */
export function memberFields(): FieldDescribe[] {
  const [owner, ...sys] = systemFields();
  return [
    idField('Record ID'),
    owner!,
    sys[0]!,
    text('Name', 80, { label: 'Member Name', nameField: true }),
    ...sys.slice(1),
    readOnly(date('LastActivityDate', { label: 'Last Activity Date' })),
    readOnly(datetime('LastViewedDate', { label: 'Last Viewed Date' })),
    readOnly(datetime('LastReferencedDate', { label: 'Last Referenced Date' })),
    reference('Contact__c', ['Contact'], 'Contact__r', { label: 'Contact' }),
    text('Member_Number__c', 20, { label: 'Member Number', externalId: true, unique: true }),
    field({ name: 'Email__c', type: 'email', label: 'Email' }),
    text('First_Name__c', 40, { label: 'First Name' }),
    text('Last_Name__c', 80, { label: 'Last Name' }),
    field({ name: 'Phone__c', type: 'phone', label: 'Phone' }),
    text('Company__c', 255, { label: 'Company' }),
    picklist('Membership_Status__c', MEMBERSHIP_STATUSES, { label: 'Membership Status', restrictedPicklist: true }),
    picklist('Membership_Level__c', MEMBERSHIP_LEVELS, { label: 'Membership Level' }),
    date('Join_Date__c', { label: 'Join Date' }),
    date('Expiry_Date__c', { label: 'Expiry Date' }),
    multiPicklist('Member_Tags__c', MEMBERPULSE_TAG_VALUES, { label: 'Member Tags', restrictedPicklist: true }),
    bool('Is_Active__c', { label: 'Is Active' }),
    bool('Email_Opt_Out__c', { label: 'Email Opt Out' }),
  ];
}

/** All Member_Tag__c fields: one record per tag applied to a Contact. */
export function memberTagFields(): FieldDescribe[] {
  const [owner, ...sys] = systemFields();
  return [
    idField('Record ID'),
    owner!,
    sys[0]!,
    readOnly(text('Name', 80, { label: 'Member Tag Number', autoNumber: true, nameField: true, nillable: false })),
    ...sys.slice(1),
    reference('Contact__c', ['Contact'], 'Contact__r', { label: 'Contact', nillable: false, cascadeDelete: true }),
    picklist('Tag__c', MEMBERPULSE_TAG_VALUES, { label: 'Tag', restrictedPicklist: true, nillable: false }),
    picklist('Tag_Group__c', ['Membership', 'Event', 'Course'], { label: 'Tag Group' }),
    datetime('Applied_At__c', { label: 'Applied At' }),
    text('Source__c', 80, { label: 'Source' }),
    text('Tag_Key__c', 120, { label: 'Tag Key', externalId: true, unique: true, inlineHelpText: 'Contact id and tag value; makes re-applying a tag idempotent.' }),
  ];
}

/** How many fields Association_Member__c has: a large org's member object, for the widgets' large-org stories. */
const LARGE_MEMBER_FIELDS = 900;

/** Association_Member__c: Member__c's fields and generated ones, {@link LARGE_MEMBER_FIELDS} in all. */
export function largeMemberFields(): FieldDescribe[] {
  const base = memberFields().map((f) => (f.name === 'Name' ? { ...f, label: 'Association Member Name' } : f));
  return [...base, ...generatedCustomFields('Association_Member__c', LARGE_MEMBER_FIELDS - base.length, base)];
}
