/** Builders for field describes with the defaults the real API uses for each type. */
import type { FieldDescribe, PicklistEntry, SfFieldType } from '../types.js';

const SOAP_TYPES: Record<SfFieldType, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  combobox: 'xsd:string',
  encryptedstring: 'xsd:string',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  time: 'xsd:time',
  address: 'urn:address',
  location: 'urn:location',
  base64: 'xsd:base64Binary',
  anyType: 'xsd:anyType',
};

const DEFAULT_LENGTH: Partial<Record<SfFieldType, number>> = {
  id: 18,
  reference: 18,
  string: 255,
  textarea: 255,
  email: 80,
  phone: 40,
  url: 255,
  picklist: 255,
  multipicklist: 4099,
  combobox: 255,
  encryptedstring: 175,
};

/** Options accepted by {@link field}: any describe key plus the required name and type. */
export type FieldSpec = Partial<FieldDescribe> & { name: string; type: SfFieldType };

/** Turns an API name into a label: `Member_Number__c` → `Member Number`. */
export function labelOf(name: string): string {
  return name
    .replace(/__c$|__r$/, '')
    .replace(/Id$/, ' ID')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds a complete field describe from a partial spec, filling per-type defaults. */
export function field(spec: FieldSpec): FieldDescribe {
  const t = spec.type;
  const custom = spec.custom ?? spec.name.endsWith('__c');
  const length = spec.length ?? DEFAULT_LENGTH[t] ?? 0;
  const system = ['id', 'address', 'location'].includes(t);
  const numeric = ['double', 'currency', 'percent'].includes(t);
  const longText = t === 'textarea' && length > 255;
  const calculated = spec.calculated ?? false;
  const createable = spec.createable ?? (!system && !calculated && !spec.autoNumber);
  const base: FieldDescribe = {
    aggregatable: !longText && t !== 'multipicklist' && t !== 'address' && t !== 'location',
    aiPredictionField: false,
    autoNumber: false,
    byteLength: length * 3,
    calculated,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: false,
    compoundFieldName: null,
    controllerName: null,
    createable,
    custom,
    defaultValue: t === 'boolean' ? false : null,
    defaultValueFormula: null,
    defaultedOnCreate: t === 'boolean' || t === 'id',
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: t === 'int' ? 9 : 0,
    displayLocationInDecimal: false,
    encrypted: t === 'encryptedstring',
    externalId: false,
    extraTypeInfo: null,
    filterable: !longText && t !== 'address' && t !== 'location',
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: !longText && !numeric && !['multipicklist', 'datetime', 'address', 'location', 'encryptedstring'].includes(t),
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: t === 'id',
    inlineHelpText: null,
    label: spec.label ?? labelOf(spec.name),
    length,
    mask: null,
    maskType: null,
    name: spec.name,
    nameField: false,
    namePointing: false,
    nillable: t !== 'boolean' && t !== 'id',
    permissionable: custom && t !== 'boolean' ? true : custom,
    picklistValues: [],
    polymorphicForeignKey: false,
    precision: numeric ? 18 : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: [],
    relationshipName: null,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: false,
    scale: t === 'currency' ? 2 : 0,
    searchPrefilterable: false,
    soapType: SOAP_TYPES[t],
    sortable: !longText && !['multipicklist', 'address', 'location'].includes(t),
    type: t,
    unique: false,
    updateable: spec.updateable ?? createable,
    writeRequiresMasterRead: false,
  };
  return { ...base, ...spec, custom, length, createable, updateable: spec.updateable ?? createable };
}

/** Builds picklist entries; the first value is the default when `withDefault` is true. */
export function picklistValues(values: readonly string[], withDefault = false): PicklistEntry[] {
  return values.map((value, i) => ({ active: true, defaultValue: withDefault && i === 0, label: value, validFor: null, value }));
}

/** The Id field. */
export function idField(label = 'Record ID'): FieldDescribe {
  return field({ name: 'Id', type: 'id', label, nillable: false, createable: false, updateable: false, filterable: true });
}

/** A text field. */
export function text(name: string, length: number, extra: Partial<FieldDescribe> = {}): FieldDescribe {
  return field({ name, type: 'string', length, ...extra });
}

/** A picklist (single select). */
export function picklist(name: string, values: readonly string[], extra: Partial<FieldDescribe> & { withDefault?: boolean } = {}): FieldDescribe {
  const { withDefault, ...rest } = extra;
  return field({ name, type: 'picklist', picklistValues: picklistValues(values, withDefault), defaultedOnCreate: !!withDefault, ...rest });
}

/** A multi-select picklist. */
export function multiPicklist(name: string, values: readonly string[], extra: Partial<FieldDescribe> = {}): FieldDescribe {
  return field({ name, type: 'multipicklist', picklistValues: picklistValues(values), ...extra });
}

/** A lookup (reference) field. */
export function reference(name: string, to: string[], relationshipName: string, extra: Partial<FieldDescribe> = {}): FieldDescribe {
  return field({
    name,
    type: 'reference',
    referenceTo: to,
    relationshipName,
    polymorphicForeignKey: to.length > 1,
    namePointing: to.length > 1,
    ...extra,
  });
}

/** A checkbox. */
export function bool(name: string, extra: Partial<FieldDescribe> = {}): FieldDescribe {
  return field({ name, type: 'boolean', ...extra });
}

/** A number (double) with precision and scale. */
export function number(name: string, precision = 18, scale = 0, extra: Partial<FieldDescribe> = {}): FieldDescribe {
  return field({ name, type: 'double', precision, scale, ...extra });
}

/** A currency amount. */
export function currency(name: string, extra: Partial<FieldDescribe> = {}): FieldDescribe {
  return field({ name, type: 'currency', precision: 18, scale: 2, ...extra });
}

/** A date. */
export function date(name: string, extra: Partial<FieldDescribe> = {}): FieldDescribe {
  return field({ name, type: 'date', ...extra });
}

/** A date/time. */
export function datetime(name: string, extra: Partial<FieldDescribe> = {}): FieldDescribe {
  return field({ name, type: 'datetime', ...extra });
}

/** A read-only system field (CreatedDate etc.). */
export function readOnly(f: FieldDescribe): FieldDescribe {
  return { ...f, createable: false, updateable: false, defaultedOnCreate: true, nillable: f.nillable && !['CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'CreatedById', 'LastModifiedById'].includes(f.name) };
}

/** Address compound field plus its components, e.g. `Mailing` → MailingStreet … MailingAddress. */
export function addressFields(prefix: string, labelPrefix: string): FieldDescribe[] {
  const compound = `${prefix}Address`;
  const part = (f: FieldDescribe): FieldDescribe => ({ ...f, compoundFieldName: compound });
  const p = prefix;
  return [
    part(field({ name: `${p}Street`, type: 'textarea', length: 255, label: `${labelPrefix} Street` })),
    part(text(`${p}City`, 40, { label: `${labelPrefix} City` })),
    part(text(`${p}State`, 80, { label: `${labelPrefix} State/Province` })),
    part(text(`${p}PostalCode`, 20, { label: `${labelPrefix} Zip/Postal Code` })),
    part(text(`${p}Country`, 80, { label: `${labelPrefix} Country` })),
    part(number(`${p}Latitude`, 18, 15, { label: `${labelPrefix} Latitude` })),
    part(number(`${p}Longitude`, 18, 15, { label: `${labelPrefix} Longitude` })),
    part(picklist(`${p}GeocodeAccuracy`, ['Address', 'NearAddress', 'Block', 'Street', 'ExtendedZip', 'Zip', 'Neighborhood', 'City', 'County', 'State', 'Unknown'], { label: `${labelPrefix} Geocode Accuracy`, restrictedPicklist: true })),
    field({ name: compound, type: 'address', label: `${labelPrefix} Address`, createable: false, updateable: false }),
  ];
}

/** The audit fields every object has. */
export function systemFields(opts: { owner?: boolean; ownerTo?: string[] } = {}): FieldDescribe[] {
  const out: FieldDescribe[] = [];
  if (opts.owner !== false) {
    out.push(reference('OwnerId', opts.ownerTo ?? ['User'], 'Owner', { label: 'Owner ID', nillable: false, defaultedOnCreate: true }));
  }
  out.push(
    readOnly(bool('IsDeleted', { label: 'Deleted' })),
    readOnly(datetime('CreatedDate', { label: 'Created Date' })),
    readOnly(reference('CreatedById', ['User'], 'CreatedBy', { label: 'Created By ID' })),
    readOnly(datetime('LastModifiedDate', { label: 'Last Modified Date' })),
    readOnly(reference('LastModifiedById', ['User'], 'LastModifiedBy', { label: 'Last Modified By ID' })),
    readOnly(datetime('SystemModstamp', { label: 'System Modstamp' })),
  );
  return out;
}
