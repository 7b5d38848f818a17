/** Record writes with Salesforce's rules: validation, system fields, uniqueness, upsert matching, deletes. */
import { SfApiError, notFound } from './errors.js';
import { looksLikeId, makeId, normalizeId } from './ids.js';
import { applyDerived } from './derived.js';
import { fieldIndex, fieldsOf, findField, formatDateTime, getObject } from './store.js';
import type { FakeOrg, FieldDescribe, OrgObject, SfRecord } from './types.js';
import { validateWrite } from './validate.js';

const lastTick = new WeakMap<FakeOrg, number>();

/** A strictly increasing timestamp per org, so "changed since" queries never miss a write. */
export function tick(org: FakeOrg): number {
  const now = Math.max(Date.now(), (lastTick.get(org) ?? 0) + 1);
  lastTick.set(org, now);
  return now;
}

function unsupported(obj: OrgObject, op: string): SfApiError {
  return new SfApiError(400, 'INVALID_TYPE_FOR_OPERATION', `entity type ${obj.summary.name} does not support ${op}`);
}

function setIfField(obj: OrgObject, r: SfRecord, name: string, value: unknown): void {
  if (fieldIndex(obj).has(name.toLowerCase())) r[name] = value;
}

/** Fills defaults (booleans, default picklist values, owner) on a new record. */
function applyDefaults(obj: OrgObject, r: SfRecord, userId: string): void {
  for (const f of fieldsOf(obj)) {
    if (f.name in r) continue;
    if (f.type === 'boolean') r[f.name] = f.defaultValue === true;
    else if ((f.type === 'picklist' || f.type === 'multipicklist') && f.defaultedOnCreate) {
      const def = f.picklistValues.find((p) => p.defaultValue) ?? f.picklistValues[0];
      if (def) r[f.name] = def.value;
    }
  }
  if (!('OwnerId' in r) || r.OwnerId == null) setIfField(obj, r, 'OwnerId', userId);
}

function sameValue(f: FieldDescribe, a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return f.caseSensitive ? String(a) === String(b) : String(a).toLowerCase() === String(b).toLowerCase();
}

/** DUPLICATE_VALUE checks for unique fields and the one-membership-per-campaign rule. */
function checkUnique(obj: OrgObject, r: SfRecord): void {
  for (const f of fieldsOf(obj)) {
    if (!f.unique || r[f.name] == null) continue;
    for (const other of obj.records.values()) {
      if (other.Id === r.Id || other.IsDeleted === true) continue;
      if (sameValue(f, other[f.name], r[f.name])) {
        throw new SfApiError(400, 'DUPLICATE_VALUE', `duplicate value found: ${f.name} duplicates value on record with id: ${String(other.Id)}`, []);
      }
    }
  }
  if (obj.summary.name === 'CampaignMember') {
    if (!r.ContactId && !r.LeadId) throw new SfApiError(400, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [ContactId, LeadId]', ['ContactId', 'LeadId']);
    for (const other of obj.records.values()) {
      if (other.Id === r.Id || other.IsDeleted === true || other.CampaignId !== r.CampaignId) continue;
      if ((r.ContactId && other.ContactId === r.ContactId) || (r.LeadId && other.LeadId === r.LeadId)) {
        throw new SfApiError(400, 'DUPLICATE_VALUE', 'Already a campaign member.', []);
      }
    }
  }
}

/** Inserts a record without API validation (sample data, test seeding). Sets system fields. */
export function seedRecord(org: FakeOrg, obj: OrgObject, values: SfRecord, opts: { createdAt?: number; modifiedAt?: number; userId?: string } = {}): SfRecord {
  const keyPrefix = obj.summary.keyPrefix;
  if (!keyPrefix) throw new Error(`${obj.summary.name} has no key prefix; records cannot be stored`);
  const userId = opts.userId ?? org.integrationUser.id;
  const created = opts.createdAt ?? tick(org);
  const modified = opts.modifiedAt ?? created;
  const r: SfRecord = { Id: typeof values.Id === 'string' ? values.Id : makeId(keyPrefix, org.nextId++) };
  for (const [k, v] of Object.entries(values)) {
    if (k === 'Id') continue;
    const f = findField(obj, k);
    r[f ? f.name : k] = v;
  }
  applyDefaults(obj, r, userId);
  setIfField(obj, r, 'IsDeleted', false);
  setIfField(obj, r, 'CreatedDate', formatDateTime(created));
  setIfField(obj, r, 'CreatedById', userId);
  setIfField(obj, r, 'LastModifiedDate', formatDateTime(modified));
  setIfField(obj, r, 'LastModifiedById', userId);
  setIfField(obj, r, 'SystemModstamp', formatDateTime(modified));
  applyDerived(org, obj, r, true);
  obj.records.set(String(r.Id), r);
  return r;
}

/** Creates a record from an API body; returns the new id. */
export function createRecord(org: FakeOrg, obj: OrgObject, body: SfRecord, userId: string): string {
  if (!obj.summary.createable) throw unsupported(obj, 'insert');
  const values = validateWrite(org, obj, body, 'create');
  const keyPrefix = obj.summary.keyPrefix!;
  const now = tick(org);
  const r: SfRecord = { Id: makeId(keyPrefix, org.nextId++), ...values };
  applyDefaults(obj, r, userId);
  setIfField(obj, r, 'IsDeleted', false);
  for (const n of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp']) setIfField(obj, r, n, formatDateTime(now));
  for (const n of ['CreatedById', 'LastModifiedById']) setIfField(obj, r, n, userId);
  applyDerived(org, obj, r, true);
  checkUnique(obj, r);
  obj.records.set(String(r.Id), r);
  return String(r.Id);
}

/** Finds a live record of this object by a 15/18-character id, with the REST API's 404s. */
export function requireRecord(obj: OrgObject, rawId: string): SfRecord {
  const id = normalizeId(rawId);
  if (!id) throw notFound(`Provided external ID field does not exist or is not accessible: ${rawId}`);
  if (obj.summary.keyPrefix && id.slice(0, 3) !== obj.summary.keyPrefix) {
    throw new SfApiError(400, 'MALFORMED_ID', `${obj.summary.label} ID: id value of incorrect type: ${rawId}`, ['Id']);
  }
  const r = obj.records.get(id);
  if (!r) throw notFound();
  if (r.IsDeleted === true) throw new SfApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted', []);
  return r;
}

/** Updates a record from an API body. */
export function updateRecord(org: FakeOrg, obj: OrgObject, rawId: string, body: SfRecord, userId: string): string {
  if (!obj.summary.updateable) throw unsupported(obj, 'update');
  const existing = requireRecord(obj, rawId);
  const values = validateWrite(org, obj, body, 'update', existing);
  const next: SfRecord = { ...existing, ...values };
  const now = tick(org);
  setIfField(obj, next, 'LastModifiedDate', formatDateTime(now));
  setIfField(obj, next, 'SystemModstamp', formatDateTime(now));
  setIfField(obj, next, 'LastModifiedById', userId);
  applyDerived(org, obj, next, false);
  checkUnique(obj, next);
  obj.records.set(String(existing.Id), next);
  return String(existing.Id);
}

/** Deletes a record (it stays in the recycle bin for queryAll), cascading to master-detail children. */
export function deleteRecord(org: FakeOrg, obj: OrgObject, rawId: string): void {
  if (!obj.summary.deletable) throw unsupported(obj, 'delete');
  const r = requireRecord(obj, rawId);
  const now = tick(org);
  const mark = (o: OrgObject, rec: SfRecord): void => {
    o.records.set(String(rec.Id), { ...rec, IsDeleted: true, SystemModstamp: formatDateTime(now), $deletedAt: now });
  };
  mark(obj, r);
  for (const other of org.objects.values()) {
    if (!other.records.size || !other.detail) continue;
    const cascades = other.detail.fields.filter((f) => f.type === 'reference' && f.cascadeDelete && f.referenceTo.includes(obj.summary.name));
    if (!cascades.length) continue;
    for (const child of other.records.values()) {
      if (child.IsDeleted !== true && cascades.some((f) => child[f.name] === r.Id)) mark(other, child);
    }
  }
}

/** The outcome of an upsert. */
export interface UpsertOutcome {
  id: string;
  created: boolean;
}

/** Resolves the field an upsert matches on: `Id`, an external-id field or an idLookup field. */
export function upsertField(obj: OrgObject, name: string): FieldDescribe {
  const f = findField(obj, name);
  if (!f || !(f.externalId || f.idLookup)) throw notFound(`Provided external ID field does not exist or is not accessible: ${name}`);
  return f;
}

/** Upserts by external id: creates when nothing matches, updates one match, answers 300 for several. */
export function upsertRecord(org: FakeOrg, obj: OrgObject, fieldName: string, value: string, body: SfRecord, userId: string): UpsertOutcome {
  const f = upsertField(obj, fieldName);
  const bodyCopy: SfRecord = { ...body };
  for (const k of Object.keys(bodyCopy)) {
    if (k.toLowerCase() === f.name.toLowerCase()) {
      if (bodyCopy[k] !== null && String(bodyCopy[k]) !== value) {
        throw new SfApiError(400, 'INVALID_FIELD', `The value of the external ID field in the request body (${String(bodyCopy[k])}) doesn't match the value in the URL (${value})`, [f.name]);
      }
      delete bodyCopy[k];
    }
  }
  if (f.name === 'Id') {
    if (!looksLikeId(value)) throw notFound(`Provided external ID field does not exist or is not accessible: ${value}`);
    return { id: updateRecord(org, obj, value, bodyCopy, userId), created: false };
  }
  const matches = [...obj.records.values()].filter((r) => r.IsDeleted !== true && sameValue(f, r[f.name], value));
  if (matches.length > 1) {
    throw Object.assign(new SfApiError(300, 'MULTIPLE_CHOICES', 'Multiple records found'), { ids: matches.map((m) => String(m.Id)) });
  }
  if (matches.length === 1) return { id: updateRecord(org, obj, String(matches[0]!.Id), bodyCopy, userId), created: false };
  return { id: createRecord(org, obj, { ...bodyCopy, [f.name]: value }, userId), created: true };
}

/** Looks an object up for a write, answering 404 NOT_FOUND for unknown names. */
export function objectForWrite(org: FakeOrg, name: string): OrgObject {
  const obj = getObject(org, name);
  if (!obj) throw notFound();
  return obj;
}
