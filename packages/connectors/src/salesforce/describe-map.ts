import type { CrmFieldDescriptor, CrmFieldType, CrmObjectSummary } from '@memberpulse/integration-schema';
import type { SfDescribe, SfField, SfObjectSummary } from './client.js';

const KNOWN_TYPES = new Set<CrmFieldType>([
  'id', 'string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'combobox', 'boolean', 'date', 'datetime',
  'time', 'int', 'long', 'double', 'currency', 'percent', 'reference', 'address', 'location', 'base64', 'encryptedstring', 'anyType',
]);
const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'combobox', 'encryptedstring']);

/** Objects an admin can pick: queryable, not hidden, and not History/Share/Feed/ChangeEvent companions. */
export function isPickableObject(o: SfObjectSummary): boolean {
  return o.queryable && !o.deprecatedAndHidden && !o.associateEntityType;
}

/** describeGlobal entry → CrmObjectSummary. */
export function toObjectSummary(o: SfObjectSummary): CrmObjectSummary {
  return { name: o.name, label: o.label, custom: o.custom, createable: o.createable, updateable: o.updateable, queryable: o.queryable };
}

/** Salesforce describe field → CrmFieldDescriptor (unknown types become `anyType`). */
export function toFieldDescriptor(f: SfField): CrmFieldDescriptor {
  const type = (KNOWN_TYPES.has(f.type as CrmFieldType) ? f.type : 'anyType') as CrmFieldType;
  const out: CrmFieldDescriptor = {
    name: f.name,
    label: f.label,
    type,
    nillable: f.nillable,
    required: f.createable && !f.nillable && !f.defaultedOnCreate,
    createable: f.createable,
    updateable: f.updateable,
    externalId: f.externalId,
    unique: f.unique,
    custom: f.custom,
  };
  if (TEXT_TYPES.has(f.type) && f.length > 0) out.length = f.length;
  if (f.picklistValues?.length) {
    out.picklistValues = f.picklistValues.map((p) => ({ value: p.value, label: p.label, active: p.active }));
    out.restrictedPicklist = f.restrictedPicklist === true;
  }
  if (f.referenceTo?.length) out.referenceTo = [...f.referenceTo];
  if (f.relationshipName) out.relationshipName = f.relationshipName;
  return out;
}

/**
 * The fields of an object as the mappers offer them, plus `Account.Name` through the Account lookup where
 * there is one (seed 001 maps Company → Account.Name; the connector writes it by finding or creating the
 * Account by name and linking it).
 */
export function toFieldDescriptors(d: SfDescribe): CrmFieldDescriptor[] {
  const out = d.fields.map(toFieldDescriptor);
  const accountLookup = d.fields.find((f) => f.type === 'reference' && f.relationshipName === 'Account' && f.referenceTo?.length === 1 && f.referenceTo[0] === 'Account');
  if (accountLookup) {
    out.push({
      name: 'Account.Name',
      label: `Account Name (via ${accountLookup.label})`,
      type: 'string',
      length: 255,
      nillable: true,
      required: false,
      createable: accountLookup.createable,
      updateable: accountLookup.updateable,
      externalId: false,
      unique: false,
      custom: false,
      relationshipName: 'Account',
      referenceTo: ['Account'],
    });
  }
  return out;
}
