/** The Contact object: the ~70 standard fields of a real org plus the custom fields in contact-custom.ts. */
import type { FieldDescribe } from '../types.js';
import { addressFields, bool, date, datetime, field, idField, picklist, readOnly, reference, systemFields, text } from './fields.js';
import { contactCustomFields } from './contact-custom.js';

/** Salutations offered on Contact and Lead. */
export const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'] as const;
/** Lead sources offered on Contact and Lead. */
export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Event', 'Other'] as const;

/** The standard Contact fields, in the order the real describe lists them. */
export function contactStandardFields(): FieldDescribe[] {
  const sys = systemFields();
  const [owner, isDeleted, createdDate, createdBy, lastModDate, lastModBy, modstamp] = sys as [FieldDescribe, ...FieldDescribe[]];
  return [
    idField('Contact ID'),
    isDeleted!,
    readOnly(reference('MasterRecordId', ['Contact'], 'MasterRecord', { label: 'Master Record ID' })),
    reference('AccountId', ['Account'], 'Account', { label: 'Account ID' }),
    text('LastName', 80, { label: 'Last Name', nillable: false, nameField: false }),
    text('FirstName', 40, { label: 'First Name' }),
    picklist('Salutation', SALUTATIONS, { label: 'Salutation' }),
    text('MiddleName', 40, { label: 'Middle Name' }),
    text('Suffix', 40, { label: 'Suffix' }),
    text('Name', 121, { label: 'Full Name', createable: false, updateable: false, nameField: true }),
    ...addressFields('Other', 'Other'),
    ...addressFields('Mailing', 'Mailing'),
    field({ name: 'Phone', type: 'phone', label: 'Business Phone' }),
    field({ name: 'Fax', type: 'phone', label: 'Business Fax' }),
    field({ name: 'MobilePhone', type: 'phone', label: 'Mobile Phone' }),
    field({ name: 'HomePhone', type: 'phone', label: 'Home Phone' }),
    field({ name: 'OtherPhone', type: 'phone', label: 'Other Phone' }),
    field({ name: 'AssistantPhone', type: 'phone', label: 'Asst. Phone' }),
    reference('ReportsToId', ['Contact'], 'ReportsTo', { label: 'Reports To ID' }),
    field({ name: 'Email', type: 'email', label: 'Email', idLookup: true }),
    text('Title', 128, { label: 'Title' }),
    text('Department', 80, { label: 'Department' }),
    text('AssistantName', 40, { label: "Assistant's Name" }),
    picklist('LeadSource', LEAD_SOURCES, { label: 'Lead Source' }),
    date('Birthdate', { label: 'Birthdate' }),
    field({ name: 'Description', type: 'textarea', length: 32000, label: 'Contact Description' }),
    owner,
    bool('HasOptedOutOfEmail', { label: 'Email Opt Out' }),
    bool('HasOptedOutOfFax', { label: 'Fax Opt Out' }),
    bool('DoNotCall', { label: 'Do Not Call' }),
    createdDate!,
    createdBy!,
    lastModDate!,
    lastModBy!,
    modstamp!,
    readOnly(date('LastActivityDate', { label: 'Last Activity' })),
    readOnly(datetime('LastCURequestDate', { label: 'Last Stay-in-Touch Request Date' })),
    readOnly(datetime('LastCUUpdateDate', { label: 'Last Stay-in-Touch Save Date' })),
    readOnly(datetime('LastViewedDate', { label: 'Last Viewed Date' })),
    readOnly(datetime('LastReferencedDate', { label: 'Last Referenced Date' })),
    text('EmailBouncedReason', 255, { label: 'Email Bounced Reason' }),
    datetime('EmailBouncedDate', { label: 'Email Bounced Date' }),
    readOnly(bool('IsEmailBounced', { label: 'Is Email Bounced' })),
    readOnly(field({ name: 'PhotoUrl', type: 'url', label: 'Photo URL' })),
    text('Jigsaw', 20, { label: 'Data.com Key' }),
    readOnly(text('JigsawContactId', 20, { label: 'Jigsaw Contact ID' })),
    picklist('CleanStatus', ['Matched', 'Different', 'Acknowledged', 'NotFound', 'Inactive', 'Pending', 'SelectMatch', 'Skipped'], { label: 'Clean Status', restrictedPicklist: true }),
    reference('IndividualId', ['Individual'], 'Individual', { label: 'Individual ID' }),
    readOnly(bool('IsPriorityRecord', { label: 'Is Priority Record' })),
    picklist('ContactSource', ['Web', 'Phone', 'Event', 'Import'], { label: 'Contact Source' }),
    picklist('GenderIdentity', ['Male', 'Female', 'Nonbinary', 'Not Listed'], { label: 'Gender Identity' }),
    picklist('Pronouns', ['He/Him', 'She/Her', 'They/Them', 'He/They', 'She/They', 'Not Listed'], { label: 'Pronouns' }),
    reference('RecordTypeId', ['RecordType'], 'RecordType', { label: 'Record Type ID' }),
  ];
}

/** All Contact fields: standard then custom. */
export function contactFields(): FieldDescribe[] {
  return [...contactStandardFields(), ...contactCustomFields()];
}
