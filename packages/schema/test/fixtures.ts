import type { CrmFieldDescriptor, FieldMapping } from '../src/index.js';

/** Contact's three required MemberPulse fields mapped onto its standard fields: the least a CRM record enables with. */
export const requiredContactMappings: FieldMapping[] = [
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'FirstName', policy: 'always' },
  { source: 'lastName', target: 'LastName', policy: 'always' },
];

/** A compact Salesforce-like Contact describe for rule tests. */
export function contactField(name: string, type: CrmFieldDescriptor['type'], extra: Partial<CrmFieldDescriptor> = {}): CrmFieldDescriptor {
  return {
    name,
    label: extra.label ?? name.replace(/__c$/, '').replace(/_/g, ' '),
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

export const contactFields: CrmFieldDescriptor[] = [
  contactField('Id', 'id', { createable: false, updateable: false, nillable: false }),
  contactField('Email', 'email', { length: 80 }),
  contactField('FirstName', 'string', { label: 'First Name', length: 40 }),
  contactField('LastName', 'string', { label: 'Last Name', length: 80, nillable: false, required: true }),
  contactField('Phone', 'phone', { length: 40 }),
  contactField('MobilePhone', 'phone', { label: 'Mobile Phone', length: 40 }),
  contactField('Account.Name', 'string', { label: 'Account Name', length: 255 }),
  contactField('Birthdate', 'date'),
  contactField('HasOptedOutOfEmail', 'boolean', { label: 'Email Opt Out', nillable: false }),
  contactField('MailingStreet', 'textarea', { label: 'Mailing Street', length: 255 }),
  contactField('MailingPostalCode', 'string', { label: 'Mailing Zip/Postal Code', length: 20 }),
  contactField('Description', 'textarea', { length: 32000 }),
  contactField('CreatedDate', 'datetime', { createable: false, updateable: false }),
  contactField('Membership_Status__c', 'picklist', {
    label: 'Membership Status',
    restrictedPicklist: true,
    picklistValues: ['Active', 'Expiring', 'Expired'].map((v) => ({ value: v, label: v, active: true })),
  }),
  contactField('Member_Tags__c', 'multipicklist', { label: 'Member Tags' }),
  contactField('Course_Tags__c', 'textarea', { label: 'Course Tags', length: 4000 }),
  contactField('Short_Code__c', 'string', { label: 'Short Code', length: 10 }),
  contactField('Is_Active__c', 'boolean', { label: 'Is Active' }),
];
