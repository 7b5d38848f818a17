/**
 * Shapes of the Salesforce REST API that the fake server serves: describe results, records and the
 * in-memory org they come from.
 */

/** A Salesforce field `type` as it appears in a describe. */
export type SfFieldType =
  | 'id'
  | 'string'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'email'
  | 'phone'
  | 'url'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'reference'
  | 'address'
  | 'location'
  | 'encryptedstring'
  | 'base64'
  | 'anyType';

/** One entry of a field's `picklistValues`. */
export interface PicklistEntry {
  active: boolean;
  defaultValue: boolean;
  label: string;
  validFor: string | null;
  value: string;
}

/** One field of an sObject describe, with the keys the real API returns. */
export interface FieldDescribe {
  aggregatable: boolean;
  aiPredictionField: boolean;
  autoNumber: boolean;
  byteLength: number;
  calculated: boolean;
  calculatedFormula: string | null;
  cascadeDelete: boolean;
  caseSensitive: boolean;
  compoundFieldName: string | null;
  controllerName: string | null;
  createable: boolean;
  custom: boolean;
  defaultValue: unknown;
  defaultValueFormula: string | null;
  defaultedOnCreate: boolean;
  dependentPicklist: boolean;
  deprecatedAndHidden: boolean;
  digits: number;
  displayLocationInDecimal: boolean;
  encrypted: boolean;
  externalId: boolean;
  extraTypeInfo: string | null;
  filterable: boolean;
  filteredLookupInfo: unknown;
  formulaTreatNullNumberAsZero: boolean;
  groupable: boolean;
  highScaleNumber: boolean;
  htmlFormatted: boolean;
  idLookup: boolean;
  inlineHelpText: string | null;
  label: string;
  length: number;
  mask: string | null;
  maskType: string | null;
  name: string;
  nameField: boolean;
  namePointing: boolean;
  nillable: boolean;
  permissionable: boolean;
  picklistValues: PicklistEntry[];
  polymorphicForeignKey: boolean;
  precision: number;
  queryByDistance: boolean;
  referenceTargetField: string | null;
  referenceTo: string[];
  relationshipName: string | null;
  relationshipOrder: number | null;
  restrictedDelete: boolean;
  restrictedPicklist: boolean;
  scale: number;
  searchPrefilterable: boolean;
  soapType: string;
  sortable: boolean;
  type: SfFieldType;
  unique: boolean;
  updateable: boolean;
  writeRequiresMasterRead: boolean;
}

/** The `urls` block of an sObject summary. */
export interface SObjectUrls {
  [key: string]: string;
}

/** One entry of `GET /sobjects` (describeGlobal). */
export interface SObjectSummary {
  activateable: boolean;
  associateEntityType: string | null;
  associateParentEntity: string | null;
  createable: boolean;
  custom: boolean;
  customSetting: boolean;
  deepCloneable: boolean;
  deletable: boolean;
  deprecatedAndHidden: boolean;
  feedEnabled: boolean;
  hasSubtypes: boolean;
  isInterface: boolean;
  isSubtype: boolean;
  keyPrefix: string | null;
  label: string;
  labelPlural: string;
  layoutable: boolean;
  mergeable: boolean;
  mruEnabled: boolean;
  name: string;
  queryable: boolean;
  replicateable: boolean;
  retrieveable: boolean;
  searchable: boolean;
  triggerable: boolean;
  undeletable: boolean;
  updateable: boolean;
  urls: SObjectUrls;
}

/** A child relationship entry of a describe. */
export interface ChildRelationship {
  cascadeDelete: boolean;
  childSObject: string;
  deprecatedAndHidden: boolean;
  field: string;
  junctionIdListNames: string[];
  junctionReferenceTo: string[];
  relationshipName: string | null;
  restrictedDelete: boolean;
}

/** A record type entry of a describe. */
export interface RecordTypeInfo {
  active: boolean;
  available: boolean;
  defaultRecordTypeMapping: boolean;
  developerName: string;
  master: boolean;
  name: string;
  recordTypeId: string;
  urls: SObjectUrls;
}

/** `GET /sobjects/{name}/describe`. */
export interface SObjectDescribe extends SObjectSummary {
  actionOverrides: unknown[];
  childRelationships: ChildRelationship[];
  compactLayoutable: boolean;
  fields: FieldDescribe[];
  namedLayoutInfos: unknown[];
  networkScopeFieldName: string | null;
  recordTypeInfos: RecordTypeInfo[];
  searchLayoutable: boolean;
  sobjectDescribeOption: string;
  supportedScopes: { label: string; name: string }[];
}

/** A stored record: canonical field name → value. Absent fields read as null. */
export type SfRecord = Record<string, unknown>;

/** A user of the fake org. */
export interface FakeUser {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** One object of the fake org: its global-describe entry, its full describe (built lazily) and its records. */
export interface OrgObject {
  summary: SObjectSummary;
  /** Builds the full describe the first time it is needed. */
  build: () => Omit<SObjectDescribe, keyof SObjectSummary>;
  /** The materialised describe tail (fields etc.), once built; schema-drift controls mutate it. */
  detail?: Omit<SObjectDescribe, keyof SObjectSummary>;
  /** Records by 18-character id (deleted ones stay, with IsDeleted true, for queryAll). */
  records: Map<string, SfRecord>;
}

/** The in-memory org a fake server serves. Create one with `createSampleOrg()` or `createEmptyOrg()`. */
export interface FakeOrg {
  organizationId: string;
  organizationName: string;
  isSandbox: boolean;
  /** The user every session runs as (the integration user). */
  integrationUser: FakeUser;
  users: FakeUser[];
  /** Objects by lower-cased API name. */
  objects: Map<string, OrgObject>;
  /** Monotonic counter used for new record ids. */
  nextId: number;
}
