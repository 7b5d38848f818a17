/** The Lead object. */
import type { FieldDescribe } from '../types.js';
import { addressFields, bool, currency, date, datetime, field, idField, multiPicklist, picklist, readOnly, reference, systemFields, text } from './fields.js';
import { INDUSTRIES } from './account.js';
import { LEAD_SOURCES, SALUTATIONS } from './contact.js';
import { MEMBERPULSE_TAG_VALUES } from './vocab.js';

/** Lead statuses. */
export const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'] as const;

/** All Lead fields. */
export function leadFields(): FieldDescribe[] {
  const [, ...sys] = systemFields();
  const address = addressFields('', '').map((f) => ({ ...f, label: f.label.trim(), compoundFieldName: f.compoundFieldName ? 'Address' : null }));
  return [
    idField('Lead ID'),
    sys[0]!,
    readOnly(reference('MasterRecordId', ['Lead'], 'MasterRecord', { label: 'Master Record ID' })),
    text('LastName', 80, { label: 'Last Name', nillable: false }),
    text('FirstName', 40, { label: 'First Name' }),
    picklist('Salutation', SALUTATIONS, { label: 'Salutation' }),
    text('MiddleName', 40, { label: 'Middle Name' }),
    text('Suffix', 40, { label: 'Suffix' }),
    text('Name', 121, { label: 'Full Name', createable: false, updateable: false, nameField: true }),
    text('Title', 128, { label: 'Title' }),
    text('Company', 255, { label: 'Company', nillable: false }),
    ...address,
    field({ name: 'Phone', type: 'phone', label: 'Phone' }),
    field({ name: 'MobilePhone', type: 'phone', label: 'Mobile Phone' }),
    field({ name: 'Fax', type: 'phone', label: 'Fax' }),
    field({ name: 'Email', type: 'email', label: 'Email', idLookup: true }),
    field({ name: 'Website', type: 'url', label: 'Website' }),
    readOnly(field({ name: 'PhotoUrl', type: 'url', label: 'Photo URL' })),
    field({ name: 'Description', type: 'textarea', length: 32000, label: 'Description' }),
    picklist('LeadSource', LEAD_SOURCES, { label: 'Lead Source' }),
    picklist('Status', LEAD_STATUSES, { label: 'Status', nillable: false, withDefault: true, restrictedPicklist: true }),
    picklist('Industry', INDUSTRIES, { label: 'Industry' }),
    picklist('Rating', ['Hot', 'Warm', 'Cold'], { label: 'Rating' }),
    currency('AnnualRevenue', { label: 'Annual Revenue' }),
    field({ name: 'NumberOfEmployees', type: 'int', digits: 8, label: 'Employees' }),
    reference('OwnerId', ['Group', 'User'], 'Owner', { label: 'Owner ID', nillable: false, defaultedOnCreate: true }),
    bool('HasOptedOutOfEmail', { label: 'Email Opt Out' }),
    readOnly(bool('IsConverted', { label: 'Converted' })),
    readOnly(date('ConvertedDate', { label: 'Converted Date' })),
    readOnly(reference('ConvertedAccountId', ['Account'], 'ConvertedAccount', { label: 'Converted Account ID' })),
    readOnly(reference('ConvertedContactId', ['Contact'], 'ConvertedContact', { label: 'Converted Contact ID' })),
    readOnly(reference('ConvertedOpportunityId', ['Opportunity'], 'ConvertedOpportunity', { label: 'Converted Opportunity ID' })),
    bool('IsUnreadByOwner', { label: 'Unread By Owner' }),
    ...sys.slice(1),
    readOnly(date('LastActivityDate', { label: 'Last Activity' })),
    bool('DoNotCall', { label: 'Do Not Call' }),
    bool('HasOptedOutOfFax', { label: 'Fax Opt Out' }),
    readOnly(datetime('LastViewedDate', { label: 'Last Viewed Date' })),
    readOnly(datetime('LastReferencedDate', { label: 'Last Referenced Date' })),
    text('Jigsaw', 20, { label: 'Data.com Key' }),
    text('EmailBouncedReason', 255, { label: 'Email Bounced Reason' }),
    datetime('EmailBouncedDate', { label: 'Email Bounced Date' }),
    reference('IndividualId', ['Individual'], 'Individual', { label: 'Individual ID' }),
    picklist('Membership_Interest__c', ['Individual', 'Corporate', 'Student', 'Not Sure'], { label: 'Membership Interest' }),
    text('Member_Number__c', 20, { label: 'Member Number', externalId: true, unique: true }),
    multiPicklist('Lead_Tags__c', MEMBERPULSE_TAG_VALUES, { label: 'Lead Tags' }),
  ];
}
