/** The Account object. */
import type { FieldDescribe } from '../types.js';
import { addressFields, currency, date, field, idField, number, picklist, readOnly, reference, systemFields, text } from './fields.js';
import { MEMBERSHIP_LEVELS } from './vocab.js';

/** Industries offered on Account and Lead. */
export const INDUSTRIES = ['Agriculture', 'Banking', 'Education', 'Energy', 'Engineering', 'Finance', 'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Manufacturing', 'Media', 'Not For Profit', 'Retail', 'Technology', 'Other'] as const;

/** All Account fields. */
export function accountFields(): FieldDescribe[] {
  const [owner, ...sys] = systemFields();
  return [
    idField('Account ID'),
    sys[0]!,
    readOnly(reference('MasterRecordId', ['Account'], 'MasterRecord', { label: 'Master Record ID' })),
    text('Name', 255, { label: 'Account Name', nillable: false, nameField: true }),
    picklist('Type', ['Member Organisation', 'Prospect', 'Partner', 'Sponsor', 'Supplier', 'Other'], { label: 'Account Type' }),
    reference('RecordTypeId', ['RecordType'], 'RecordType', { label: 'Record Type ID' }),
    reference('ParentId', ['Account'], 'Parent', { label: 'Parent Account ID' }),
    ...addressFields('Billing', 'Billing'),
    ...addressFields('Shipping', 'Shipping'),
    field({ name: 'Phone', type: 'phone', label: 'Account Phone' }),
    field({ name: 'Fax', type: 'phone', label: 'Account Fax' }),
    text('AccountNumber', 40, { label: 'Account Number' }),
    field({ name: 'Website', type: 'url', label: 'Website' }),
    readOnly(field({ name: 'PhotoUrl', type: 'url', label: 'Photo URL' })),
    text('Sic', 20, { label: 'SIC Code' }),
    picklist('Industry', INDUSTRIES, { label: 'Industry' }),
    currency('AnnualRevenue', { label: 'Annual Revenue' }),
    field({ name: 'NumberOfEmployees', type: 'int', digits: 8, label: 'Employees' }),
    picklist('Ownership', ['Public', 'Private', 'Subsidiary', 'Other'], { label: 'Ownership' }),
    text('TickerSymbol', 20, { label: 'Ticker Symbol' }),
    field({ name: 'Description', type: 'textarea', length: 32000, label: 'Account Description' }),
    picklist('Rating', ['Hot', 'Warm', 'Cold'], { label: 'Account Rating' }),
    text('Site', 80, { label: 'Account Site' }),
    owner!,
    ...sys.slice(1),
    readOnly(date('LastActivityDate', { label: 'Last Activity' })),
    readOnly(field({ name: 'LastViewedDate', type: 'datetime', label: 'Last Viewed Date' })),
    readOnly(field({ name: 'LastReferencedDate', type: 'datetime', label: 'Last Referenced Date' })),
    text('Jigsaw', 20, { label: 'Data.com Key' }),
    readOnly(text('JigsawCompanyId', 20, { label: 'Jigsaw Company ID' })),
    picklist('AccountSource', ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'], { label: 'Account Source' }),
    text('DunsNumber', 9, { label: 'D-U-N-S Number' }),
    text('Tradestyle', 255, { label: 'Tradestyle' }),
    text('NaicsCode', 8, { label: 'NAICS Code' }),
    text('NaicsDesc', 120, { label: 'NAICS Description' }),
    text('YearStarted', 4, { label: 'Year Started' }),
    text('SicDesc', 80, { label: 'SIC Description' }),
    text('Member_Organisation_Id__c', 40, { label: 'Member Organisation ID', externalId: true, unique: true }),
    picklist('Membership_Tier__c', MEMBERSHIP_LEVELS, { label: 'Membership Tier' }),
    picklist('Active__c', ['Yes', 'No'], { label: 'Active' }),
    number('Member_Count__c', 18, 0, { label: 'Member Count' }),
  ];
}
