/** Campaign and CampaignMember. */
import type { FieldDescribe } from '../types.js';
import { bool, currency, date, datetime, field, idField, number, picklist, readOnly, reference, systemFields, text } from './fields.js';
import { LEAD_SOURCES, SALUTATIONS } from './contact.js';

/** All Campaign fields. */
export function campaignFields(): FieldDescribe[] {
  const [owner, ...sys] = systemFields();
  const counter = (name: string, label: string): FieldDescribe => readOnly(field({ name, type: 'int', digits: 9, label }));
  return [
    idField('Campaign ID'),
    sys[0]!,
    text('Name', 80, { label: 'Name', nillable: false, nameField: true }),
    reference('ParentId', ['Campaign'], 'Parent', { label: 'Parent Campaign ID' }),
    picklist('Type', ['Conference', 'Webinar', 'Trade Show', 'Public Relations', 'Partners', 'Referral Program', 'Advertisement', 'Banner Ads', 'Direct Mail', 'Email', 'Telemarketing', 'Other'], { label: 'Type' }),
    reference('RecordTypeId', ['RecordType'], 'RecordType', { label: 'Record Type ID' }),
    picklist('Status', ['Planned', 'In Progress', 'Completed', 'Aborted'], { label: 'Status', withDefault: true }),
    date('StartDate', { label: 'Start Date' }),
    date('EndDate', { label: 'End Date' }),
    currency('ExpectedRevenue', { label: 'Expected Revenue in Campaign' }),
    currency('BudgetedCost', { label: 'Budgeted Cost in Campaign' }),
    currency('ActualCost', { label: 'Actual Cost in Campaign' }),
    field({ name: 'ExpectedResponse', type: 'percent', precision: 8, scale: 2, label: 'Expected Response (%)' }),
    number('NumberSent', 18, 0, { label: 'Num Sent in Campaign' }),
    bool('IsActive', { label: 'Active' }),
    field({ name: 'Description', type: 'textarea', length: 32000, label: 'Description' }),
    counter('NumberOfLeads', 'Leads in Campaign'),
    counter('NumberOfConvertedLeads', 'Converted Leads in Campaign'),
    counter('NumberOfContacts', 'Contacts in Campaign'),
    counter('NumberOfResponses', 'Responses in Campaign'),
    counter('NumberOfOpportunities', 'Opportunities in Campaign'),
    counter('NumberOfWonOpportunities', 'Won Opportunities in Campaign'),
    readOnly(currency('AmountAllOpportunities', { label: 'Value Opportunities in Campaign' })),
    readOnly(currency('AmountWonOpportunities', { label: 'Value Won Opportunities in Campaign' })),
    owner!,
    ...sys.slice(1),
    readOnly(date('LastActivityDate', { label: 'Last Activity' })),
    readOnly(datetime('LastViewedDate', { label: 'Last Viewed Date' })),
    readOnly(datetime('LastReferencedDate', { label: 'Last Referenced Date' })),
    reference('CampaignMemberRecordTypeId', ['RecordType'], 'CampaignMemberRecordType', { label: 'Record Type ID' }),
    text('MP_Tag__c', 80, { label: 'MemberPulse Tag', externalId: true, unique: true }),
  ];
}

/** All CampaignMember fields. */
export function campaignMemberFields(): FieldDescribe[] {
  const [, ...sys] = systemFields();
  const copied = (f: FieldDescribe): FieldDescribe => readOnly(f);
  return [
    idField('Campaign Member ID'),
    sys[0]!,
    reference('CampaignId', ['Campaign'], 'Campaign', { label: 'Campaign ID', nillable: false, updateable: false }),
    reference('LeadId', ['Lead'], 'Lead', { label: 'Lead ID', updateable: false }),
    reference('ContactId', ['Contact'], 'Contact', { label: 'Contact ID', updateable: false }),
    picklist('Status', ['Planned', 'Sent', 'Received', 'Responded', 'Registered', 'Attended', 'No Show'], { label: 'Status', withDefault: true }),
    readOnly(bool('HasResponded', { label: 'Responded' })),
    ...sys.slice(1),
    readOnly(date('FirstRespondedDate', { label: 'First Responded Date' })),
    copied(picklist('Salutation', SALUTATIONS, { label: 'Salutation' })),
    copied(text('Name', 121, { label: 'Name', nameField: true })),
    copied(text('FirstName', 40, { label: 'First Name' })),
    copied(text('LastName', 80, { label: 'Last Name' })),
    copied(text('Title', 128, { label: 'Title' })),
    copied(field({ name: 'Email', type: 'email', label: 'Email' })),
    copied(field({ name: 'Phone', type: 'phone', label: 'Phone' })),
    copied(text('CompanyOrAccount', 255, { label: 'Company (Account)' })),
    copied(picklist('LeadSource', LEAD_SOURCES, { label: 'Lead Source' })),
    copied(text('Type', 40, { label: 'Type' })),
    copied(reference('LeadOrContactId', ['Contact', 'Lead'], 'LeadOrContact', { label: 'Contact or Lead ID' })),
    copied(reference('LeadOrContactOwnerId', ['Group', 'User'], 'LeadOrContactOwner', { label: 'Lead or Contact Owner ID' })),
    datetime('MP_Applied_At__c', { label: 'MemberPulse Applied At' }),
  ];
}
