/** Read access to the in-memory org: objects, describes, field indexes and records. */
import { notFound } from './errors.js';
import { normalizeId } from './ids.js';
import type { FakeOrg, FieldDescribe, OrgObject, SfRecord, SObjectDescribe } from './types.js';

const fieldIndexes = new WeakMap<FieldDescribe[], Map<string, FieldDescribe>>();
const relIndexes = new WeakMap<FieldDescribe[], Map<string, FieldDescribe>>();
const prefixIndexes = new WeakMap<FakeOrg, Map<string, OrgObject>>();

/** Looks an object up by API name, case-insensitively. */
export function getObject(org: FakeOrg, name: string): OrgObject | undefined {
  return org.objects.get(name.toLowerCase());
}

/** Like {@link getObject} but answers 404 NOT_FOUND, as the REST API does for an unknown sObject. */
export function requireObject(org: FakeOrg, name: string): OrgObject {
  const obj = getObject(org, name);
  if (!obj) throw notFound();
  return obj;
}

/** The describe tail of an object, building it on first use. */
export function detailOf(obj: OrgObject): NonNullable<OrgObject['detail']> {
  if (!obj.detail) obj.detail = obj.build();
  return obj.detail;
}

/** The full describe of an object. */
export function describeOf(obj: OrgObject): SObjectDescribe {
  return { ...obj.summary, ...detailOf(obj) };
}

/** The fields of an object. */
export function fieldsOf(obj: OrgObject): FieldDescribe[] {
  return detailOf(obj).fields;
}

/** Fields by lower-cased name. */
export function fieldIndex(obj: OrgObject): Map<string, FieldDescribe> {
  const fields = fieldsOf(obj);
  let idx = fieldIndexes.get(fields);
  if (!idx) {
    idx = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
    fieldIndexes.set(fields, idx);
  }
  return idx;
}

/** Finds a field by name, case-insensitively. */
export function findField(obj: OrgObject, name: string): FieldDescribe | undefined {
  return fieldIndex(obj).get(name.toLowerCase());
}

/** Reference fields by lower-cased relationship name (`Account`, `Contact__r`). */
export function relationshipIndex(obj: OrgObject): Map<string, FieldDescribe> {
  const fields = fieldsOf(obj);
  let idx = relIndexes.get(fields);
  if (!idx) {
    idx = new Map();
    for (const f of fields) if (f.type === 'reference' && f.relationshipName) idx.set(f.relationshipName.toLowerCase(), f);
    relIndexes.set(fields, idx);
  }
  return idx;
}

/** Drops cached indexes after a describe changed (schema drift). */
export function invalidate(obj: OrgObject): void {
  if (obj.detail) obj.detail = { ...obj.detail, fields: [...obj.detail.fields] };
}

/** The object whose records carry this id's key prefix. */
export function objectForId(org: FakeOrg, id: string): OrgObject | undefined {
  let idx = prefixIndexes.get(org);
  if (!idx || idx.size === 0) {
    idx = new Map();
    for (const obj of org.objects.values()) {
      const p = obj.summary.keyPrefix;
      if (!p) continue;
      const existing = idx.get(p);
      // Several objects can list the same prefix (ActivityHistory shares Task's); the createable one owns it.
      if (!existing || (!existing.summary.createable && obj.summary.createable)) idx.set(p, obj);
    }
    prefixIndexes.set(org, idx);
  }
  return idx.get(id.slice(0, 3));
}

/** Finds a live (not deleted) record by id in any object. */
export function findRecord(org: FakeOrg, id: string): { obj: OrgObject; record: SfRecord } | undefined {
  const full = normalizeId(id);
  if (!full) return undefined;
  const obj = objectForId(org, full);
  const record = obj?.records.get(full);
  if (!obj || !record || record.IsDeleted === true) return undefined;
  return { obj, record };
}

/** Salesforce's datetime format: `2024-05-01T10:00:00.000+0000`. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses a Salesforce datetime (any ISO-8601 form) to epoch ms, or NaN. */
export function parseDateTime(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}
