/** Data types of MemberPulse's own fields. */
export type MemberPulseFieldType =
  | 'id'
  | 'string'
  | 'text'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'number'
  | 'currency';

/** A MemberPulse field that can be mapped onto a CRM field. */
export interface MemberPulseField {
  /** Stable key, e.g. `email`, `firstName`. */
  key: string;
  /** Display label, e.g. `First Name`. */
  label: string;
  type: MemberPulseFieldType;
  /** Whether a complete mapping must map this field. */
  required: boolean;
  /** The longest value MemberPulse stores, where bounded. */
  maxLength?: number;
  /** Allowed values for picklist fields. */
  values?: string[];
}

/**
 * CRM field data types. Salesforce's describe types; other CRMs' connectors translate to these.
 */
export type CrmFieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'time'
  | 'int'
  | 'long'
  | 'double'
  | 'currency'
  | 'percent'
  | 'reference'
  | 'address'
  | 'location'
  | 'base64'
  | 'encryptedstring'
  | 'anyType';

/**
 * One picklist value as a CRM describes it.
 * @additionalProperties true
 */
export interface CrmPicklistValue {
  value: string;
  label: string;
  active: boolean;
}

/**
 * A CRM object as discovery lists it (Salesforce describeGlobal, HubSpot schemas).
 * @additionalProperties true
 */
export interface CrmObjectSummary {
  /** API name, e.g. `Contact`, `Member__c`. */
  name: string;
  label: string;
  /** Custom (tenant-defined) object. */
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  queryable: boolean;
}

/**
 * One field of a CRM object as discovery describes it.
 * @additionalProperties true
 */
export interface CrmFieldDescriptor {
  /** API name; a relationship path such as `Account.Name` for a field reached through a lookup. */
  name: string;
  label: string;
  type: CrmFieldType;
  /** Maximum length for text types. */
  length?: number;
  nillable: boolean;
  /** Must be given on create (not nillable, not defaulted on create). */
  required: boolean;
  createable: boolean;
  updateable: boolean;
  externalId: boolean;
  unique: boolean;
  custom: boolean;
  picklistValues?: CrmPicklistValue[];
  /** Only the listed picklist values are accepted. */
  restrictedPicklist?: boolean;
  /** Objects a reference field points to. */
  referenceTo?: string[];
  relationshipName?: string;
}
