/** Validates a record body against the object's describe, the way the REST API does before a DML. */
import { SfApiError, SfApiErrors, jsonParserError } from './errors.js';
import { normalizeId } from './ids.js';
import { fieldIndex, fieldsOf, findRecord, formatDateTime, parseDateTime } from './store.js';
import type { FakeOrg, FieldDescribe, OrgObject, SfRecord } from './types.js';

/** The kind of write. */
export type WriteMode = 'create' | 'update';

const STRINGISH = new Set(['string', 'email', 'phone', 'url', 'textarea', 'picklist', 'multipicklist', 'combobox', 'encryptedstring']);
const NUMERIC = new Set(['int', 'double', 'currency', 'percent']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function deserializeError(f: FieldDescribe, value: unknown, target: string): SfApiError {
  const kind = typeof value === 'string' ? 'VALUE_STRING' : typeof value === 'number' ? 'VALUE_NUMBER_INT' : typeof value === 'boolean' ? `VALUE_${String(value).toUpperCase()}` : 'START_OBJECT';
  return jsonParserError(`Cannot deserialize instance of ${target} from ${kind} value ${JSON.stringify(value)} or request may be missing a required field at [line:1, column:1]`);
}

/** Coerces and checks one value; returns the stored form or pushes an error. */
function checkValue(org: FakeOrg, f: FieldDescribe, value: unknown, errors: SfApiError[]): unknown {
  if (value === null) return null;
  const t = f.type;
  if (STRINGISH.has(t)) {
    if (typeof value === 'object') throw deserializeError(f, value, 'string');
    let s = String(value);
    if (t === 'multipicklist') {
      const parts = [...new Set(s.split(';').map((p) => p.trim()).filter(Boolean))];
      if (f.restrictedPicklist) {
        const allowed = new Set(f.picklistValues.filter((p) => p.active).map((p) => p.value));
        const bad = parts.find((p) => !allowed.has(p));
        if (bad !== undefined) {
          errors.push(new SfApiError(400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${f.label}: bad value for restricted picklist field: ${bad}`, [f.name]));
          return undefined;
        }
      }
      s = parts.join(';');
    } else if (t === 'picklist' && f.restrictedPicklist && s !== '') {
      if (!f.picklistValues.some((p) => p.active && p.value === s)) {
        errors.push(new SfApiError(400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${f.label}: bad value for restricted picklist field: ${s}`, [f.name]));
        return undefined;
      }
    }
    if (s.length > f.length) {
      errors.push(new SfApiError(400, 'STRING_TOO_LONG', `${f.label}: data value too large: ${s.slice(0, 255)} (max length=${f.length})`, [f.name]));
      return undefined;
    }
    if (t === 'email' && s !== '' && !EMAIL.test(s)) {
      errors.push(new SfApiError(400, 'INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${s}`, [f.name]));
      return undefined;
    }
    return s === '' ? null : s;
  }
  if (t === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw deserializeError(f, value, 'boolean');
  }
  if (NUMERIC.has(t)) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n)) throw deserializeError(f, value, t === 'int' ? 'int' : 'double');
    const intDigits = (t === 'int' ? f.digits : f.precision - f.scale) || 18;
    if (Math.abs(Math.trunc(n)).toString().length > intDigits) {
      errors.push(new SfApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `${f.label}: value outside of valid range on numeric field: ${n}`, [f.name]));
      return undefined;
    }
    return t === 'int' ? Math.trunc(n) : f.scale > 0 ? Number(n.toFixed(f.scale)) : Math.round(n);
  }
  if (t === 'date') {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value.slice(0, 10)))) throw deserializeError(f, value, 'date');
    return value.slice(0, 10);
  }
  if (t === 'datetime') {
    const ms = typeof value === 'string' ? parseDateTime(value) : NaN;
    if (Number.isNaN(ms)) throw deserializeError(f, value, 'datetime');
    return formatDateTime(ms);
  }
  if (t === 'reference') {
    if (typeof value !== 'string') throw deserializeError(f, value, 'id');
    if (value === '') return null;
    const id = normalizeId(value);
    if (!id) {
      errors.push(new SfApiError(400, 'MALFORMED_ID', `${f.label}: id value of incorrect type: ${value}`, [f.name]));
      return undefined;
    }
    const found = findRecord(org, id);
    if (!found) {
      errors.push(new SfApiError(400, 'INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [f.name]));
      return undefined;
    }
    if (!f.referenceTo.some((n) => n.toLowerCase() === found.obj.summary.name.toLowerCase())) {
      errors.push(new SfApiError(400, 'FIELD_INTEGRITY_EXCEPTION', `${f.label}: id value of incorrect type: ${value}`, [f.name]));
      return undefined;
    }
    return id;
  }
  return value;
}

/** Fields that must have a value on create: createable, not nillable, not defaulted. */
export function requiredFields(obj: OrgObject): FieldDescribe[] {
  return fieldsOf(obj).filter((f) => f.createable && !f.nillable && !f.defaultedOnCreate && f.type !== 'boolean');
}

/**
 * Maps a request body to canonical field names and checked values.
 * Throws INVALID_FIELD / INVALID_FIELD_FOR_INSERT_UPDATE / JSON_PARSER_ERROR for the request, or an
 * SfApiErrors with every value error (restricted picklist, too long, required missing…).
 */
export function validateWrite(org: FakeOrg, obj: OrgObject, body: SfRecord, mode: WriteMode, existing?: SfRecord): SfRecord {
  const idx = fieldIndex(obj);
  const out: SfRecord = {};
  const notWritable: string[] = [];
  const errors: SfApiError[] = [];
  for (const [rawName, value] of Object.entries(body)) {
    if (rawName === 'attributes') continue;
    const f = idx.get(rawName.toLowerCase());
    if (!f) {
      throw new SfApiError(400, 'INVALID_FIELD', `No such column '${rawName}' on sobject of type ${obj.summary.name}`, [rawName]);
    }
    if (f.name === 'Id') {
      if (mode === 'update') continue;
      throw new SfApiError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'Unable to create/update fields: Id. Please check the security settings of this field and verify that it is read/write for your profile or permission set.', ['Id']);
    }
    if (mode === 'create' ? !f.createable : !f.updateable) {
      notWritable.push(f.name);
      continue;
    }
    const v = checkValue(org, f, value, errors);
    if (v !== undefined) out[f.name] = v;
  }
  if (notWritable.length) {
    throw new SfApiError(
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      notWritable,
    );
  }
  const missing = requiredFields(obj).filter((f) => {
    if (f.name in out) return out[f.name] === null;
    return mode === 'create' || existing?.[f.name] === undefined || existing[f.name] === null;
  });
  if (missing.length) errors.push(new SfApiError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`, missing.map((f) => f.name)));
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new SfApiErrors(400, errors);
  return out;
}
