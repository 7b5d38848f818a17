/** User, RecordType and a generic describe for every object without a hand-written one. */
import type { FieldDescribe } from '../types.js';
import { bool, date, datetime, field, idField, number, picklist, readOnly, reference, systemFields, text } from './fields.js';
import { Rng } from './random.js';
import { FIELD_PREFIXES, FIELD_SUFFIXES, PICKLIST_SETS } from './vocab.js';

/** All User fields (a realistic subset). */
export function userFields(): FieldDescribe[] {
  const [, ...sys] = systemFields({ owner: false });
  return [
    idField('User ID'),
    text('Username', 80, { label: 'Username', nillable: false, unique: true, idLookup: true }),
    text('LastName', 80, { label: 'Last Name', nillable: false }),
    text('FirstName', 40, { label: 'First Name' }),
    text('Name', 121, { label: 'Full Name', createable: false, updateable: false, nameField: true }),
    text('CompanyName', 80, { label: 'Company Name' }),
    text('Title', 80, { label: 'Title' }),
    field({ name: 'Email', type: 'email', label: 'Email', nillable: false }),
    text('Alias', 8, { label: 'Alias', nillable: false }),
    bool('IsActive', { label: 'Active', defaultValue: true }),
    picklist('UserType', ['Standard', 'PowerPartner', 'CspLitePortal', 'CustomerSuccess', 'Guest'], { label: 'User Type', createable: false, updateable: false }),
    picklist('TimeZoneSidKey', ['Australia/Sydney', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'GMT'], { label: 'Time Zone', nillable: false }),
    reference('ProfileId', ['Profile'], 'Profile', { label: 'Profile ID', nillable: false }),
    ...sys.slice(0, 1),
    ...sys.slice(1),
  ].filter((f) => f.name !== 'IsDeleted');
}

/** All RecordType fields. */
export function recordTypeFields(): FieldDescribe[] {
  const [, ...sys] = systemFields({ owner: false });
  return [
    idField('Record Type ID'),
    text('Name', 80, { label: 'Name', nillable: false, nameField: true }),
    text('DeveloperName', 80, { label: 'Record Type Name', nillable: false }),
    text('NamespacePrefix', 15, { label: 'Namespace Prefix', createable: false, updateable: false }),
    text('Description', 255, { label: 'Description' }),
    reference('BusinessProcessId', ['BusinessProcess'], 'BusinessProcess', { label: 'Business Process ID' }),
    picklist('SobjectType', ['Account', 'Campaign', 'CampaignMember', 'Contact', 'Lead', 'Opportunity', 'Order', 'Member__c'], { label: 'SObject Type Name', nillable: false, restrictedPicklist: true }),
    bool('IsActive', { label: 'Active' }),
    ...sys.slice(1),
  ].map((f) => ({ ...f, createable: false, updateable: false }));
}

/** Describe fields for an object that has no hand-written describe, decided by its kind. */
export function genericFields(name: string, kind: string): FieldDescribe[] {
  if (kind === 'history') {
    return [
      idField('History ID'),
      readOnly(bool('IsDeleted', { label: 'Deleted' })),
      readOnly(reference('ParentId', [name.replace(/History$|__History$/, '') || 'Account'], 'Parent', { label: 'Parent ID' })),
      readOnly(reference('CreatedById', ['User'], 'CreatedBy', { label: 'Created By ID' })),
      readOnly(datetime('CreatedDate', { label: 'Created Date' })),
      readOnly(picklist('Field', ['created', 'Name', 'Owner'], { label: 'Changed Field' })),
      readOnly(text('DataType', 40, { label: 'Data Type' })),
      readOnly(field({ name: 'OldValue', type: 'anyType', label: 'Old Value' })),
      readOnly(field({ name: 'NewValue', type: 'anyType', label: 'New Value' })),
    ];
  }
  if (kind === 'share') {
    return [
      idField('Share ID'),
      reference('ParentId', [name.replace(/__Share$/, '__c').replace(/Share$/, '')], 'Parent', { label: 'Parent ID', nillable: false, updateable: false }),
      reference('UserOrGroupId', ['Group', 'User'], 'UserOrGroup', { label: 'User or Group ID', nillable: false, updateable: false }),
      picklist('AccessLevel', ['Read', 'Edit', 'All'], { label: 'Access Level', nillable: false, restrictedPicklist: true }),
      picklist('RowCause', ['Owner', 'Manual', 'Rule'], { label: 'Row Cause', updateable: false }),
      readOnly(datetime('LastModifiedDate', { label: 'Last Modified Date' })),
      readOnly(reference('LastModifiedById', ['User'], 'LastModifiedBy', { label: 'Last Modified By ID' })),
      readOnly(bool('IsDeleted', { label: 'Deleted' })),
    ];
  }
  if (kind === 'feed') {
    return [
      idField('Feed Item ID'),
      readOnly(reference('ParentId', [name.replace(/__Feed$/, '__c').replace(/Feed$/, '')], 'Parent', { label: 'Parent ID' })),
      readOnly(picklist('Type', ['TextPost', 'LinkPost', 'TrackedChange'], { label: 'Feed Item Type' })),
      ...systemFields({ owner: false }).map(readOnly),
      readOnly(number('CommentCount', 9, 0, { label: 'Comment Count' })),
      readOnly(number('LikeCount', 9, 0, { label: 'Like Count' })),
      readOnly(text('Title', 255, { label: 'Title' })),
      readOnly(field({ name: 'Body', type: 'textarea', length: 10000, label: 'Body' })),
      readOnly(field({ name: 'LinkUrl', type: 'url', length: 1000, label: 'Link URL' })),
    ];
  }
  const fields: FieldDescribe[] = [idField('Record ID'), ...systemFields({ owner: kind === 'entity' || kind === 'custom' })];
  fields.splice(1, 0, text('Name', 80, { label: `${name.replace(/__c$/, '').replace(/_/g, ' ')} Name`, nameField: true }));
  if (kind === 'custom') {
    const rng = new Rng(name);
    const count = rng.int(4, 24);
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      const prefix = rng.pick(FIELD_PREFIXES);
      const [suffix, type] = rng.pick(FIELD_SUFFIXES);
      const fname = `${prefix}_${suffix}__c`;
      if (used.has(fname)) continue;
      used.add(fname);
      const label = `${prefix} ${suffix.replace(/_/g, ' ')}`;
      if (type === 'picklist' || type === 'multipicklist') {
        fields.push(field({ name: fname, type, label, picklistValues: (PICKLIST_SETS[suffix] ?? PICKLIST_SETS.Category!).map((v) => ({ active: true, defaultValue: false, label: v, validFor: null, value: v })) }));
      } else if (type === 'reference') {
        fields.push(reference(fname, ['Contact'], fname.replace(/__c$/, '__r'), { label }));
      } else if (type === 'date') {
        fields.push(date(fname, { label }));
      } else {
        fields.push(field({ name: fname, type, label, length: type === 'string' ? 80 : type === 'textarea' ? 1000 : undefined }));
      }
    }
  }
  return fields;
}
