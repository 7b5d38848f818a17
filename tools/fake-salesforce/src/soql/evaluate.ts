/** Runs a parsed SOQL query over the in-memory org: filter, sort, offset/limit and projection. */
import { SfApiError, invalidType } from '../errors.js';
import { normalizeId } from '../ids.js';
import { findField, findRecord, getObject, parseDateTime } from '../store.js';
import type { FakeOrg, FieldDescribe, OrgObject, SfRecord } from '../types.js';
import { dateRange, isoDate } from './dates.js';
import { positionMessage } from './lexer.js';
import { parseSoql, type Condition, type Literal, type OrderItem, type SoqlQuery } from './parser.js';
import { checkLiteral, invalidField, resolvePath, type ResolvedPath } from './resolve.js';

/** Options for {@link runQuery}. */
export interface RunOptions {
  /** queryAll: include deleted records. */
  includeDeleted: boolean;
  apiVersion: string;
  now: number;
}

/** The result of a query before paging. */
export interface QueryOutcome {
  totalSize: number;
  records: SfRecord[];
}

type Resolved<T> = T extends { path: unknown } ? Omit<T, 'path'> & { path: ResolvedPath } : T;
type RCondition =
  | { kind: 'and' | 'or'; items: RCondition[] }
  | { kind: 'not'; item: RCondition }
  | Resolved<Extract<Condition, { kind: 'compare' | 'in' | 'includes' }>>;

/** Reads a field value of a record, following relationships. */
export function readPath(org: FakeOrg, obj: OrgObject, record: SfRecord, rp: ResolvedPath): unknown {
  let currentObj = obj;
  let current = record;
  for (const step of rp.steps) {
    const relField = findField(currentObj, step.name);
    const id = relField ? current[relField.name] : undefined;
    if (typeof id !== 'string') return null;
    const found = findRecord(org, id);
    if (!found) return null;
    currentObj = found.obj;
    current = found.record;
  }
  const f = findField(currentObj, rp.parts[rp.parts.length - 1]!);
  if (!f) return null;
  return fieldValue(current, f);
}

/** A field's value, computing compound address fields from their parts. */
export function fieldValue(record: SfRecord, f: FieldDescribe): unknown {
  if (f.type === 'address') {
    const prefix = f.name.replace(/Address$/, '');
    const part = (n: string): unknown => record[`${prefix}${n}`] ?? null;
    const out = {
      city: part('City'),
      country: part('Country'),
      geocodeAccuracy: part('GeocodeAccuracy'),
      latitude: part('Latitude'),
      longitude: part('Longitude'),
      postalCode: part('PostalCode'),
      state: part('State'),
      street: part('Street'),
    };
    return Object.values(out).every((v) => v === null) ? null : out;
  }
  return record[f.name] ?? null;
}

function likeToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) {
      re += pattern.charAt(i + 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    } else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

/** Comparable key of a value for the field's type; undefined for null. */
function key(field: FieldDescribe, value: unknown): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  switch (field.type) {
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return Number(value);
    case 'boolean':
      return Boolean(value);
    case 'datetime':
      return parseDateTime(String(value));
    case 'id':
    case 'reference':
      return normalizeId(String(value)) ?? String(value);
    case 'date':
      return String(value);
    default:
      return String(value).toLowerCase();
  }
}

function literalKey(field: FieldDescribe, lit: Literal, now: number): string | number | boolean | [number | string, number | string] | undefined {
  switch (lit.kind) {
    case 'null':
      return undefined;
    case 'dateRange': {
      const [a, b] = dateRange(lit.name, lit.n, now);
      return field.type === 'date' ? [isoDate(a), isoDate(b)] : [a, b];
    }
    case 'datetime':
      return lit.value;
    case 'string':
      return field.type === 'id' || field.type === 'reference' ? normalizeId(lit.value) ?? lit.value : lit.value.toLowerCase();
    default:
      return lit.value;
  }
}

function splitMulti(v: unknown): Set<string> {
  return new Set(String(v ?? '').split(';').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

function compare(field: FieldDescribe, value: unknown, op: string, lit: Literal, now: number): boolean {
  if (op === 'LIKE') {
    if (value === null || value === undefined || lit.kind !== 'string') return false;
    return likeToRegExp(lit.like).test(String(value));
  }
  if (field.type === 'multipicklist' && lit.kind === 'string') {
    const a = splitMulti(value);
    const b = splitMulti(lit.value);
    const equal = a.size === b.size && [...a].every((x) => b.has(x));
    return op === '=' ? equal : op === '!=' ? !equal : false;
  }
  const v = key(field, value);
  const l = literalKey(field, lit, now);
  if (l === undefined) return op === '=' ? v === undefined : op === '!=' ? v !== undefined : false;
  if (v === undefined) return op === '!=';
  if (Array.isArray(l)) {
    const [start, end] = l;
    switch (op) {
      case '=': return v >= start && v < end;
      case '!=': return !(v >= start && v < end);
      case '<': return v < start;
      case '<=': return v < end;
      case '>': return v >= end;
      case '>=': return v >= start;
      default: return false;
    }
  }
  switch (op) {
    case '=': return v === l;
    case '!=': return v !== l;
    case '<': return v < l;
    case '<=': return v <= l;
    case '>': return v > l;
    case '>=': return v >= l;
    default: return false;
  }
}

function evaluate(org: FakeOrg, obj: OrgObject, record: SfRecord, c: RCondition, now: number): boolean {
  switch (c.kind) {
    case 'and': return c.items.every((i) => evaluate(org, obj, record, i, now));
    case 'or': return c.items.some((i) => evaluate(org, obj, record, i, now));
    case 'not': return !evaluate(org, obj, record, c.item, now);
    case 'compare': return compare(c.path.field, readPath(org, obj, record, c.path), c.op, c.value, now);
    case 'in': {
      const v = readPath(org, obj, record, c.path);
      const hit = c.values.some((lit) => compare(c.path.field, v, '=', lit, now));
      return c.negate ? !hit && v !== null : hit;
    }
    case 'includes': {
      const have = splitMulti(readPath(org, obj, record, c.path));
      const hit = c.values.some((lit) => [...splitMulti(lit.kind === 'string' ? lit.value : '')].every((x) => have.has(x)));
      return c.negate ? !hit : hit;
    }
  }
}

function resolveCondition(org: FakeOrg, obj: OrgObject, c: Condition, soql: string): RCondition {
  switch (c.kind) {
    case 'and':
    case 'or':
      return { kind: c.kind, items: c.items.map((i) => resolveCondition(org, obj, i, soql)) };
    case 'not':
      return { kind: 'not', item: resolveCondition(org, obj, c.item, soql) };
    default: {
      const path = resolvePath(org, obj, c.path, soql);
      if (!path.field.filterable) throw invalidField(soql, c.path.pos, `field '${path.field.name}' can not be filtered in a query call`);
      const values = c.kind === 'compare' ? [c.value] : c.values;
      if (c.kind === 'includes' && path.field.type !== 'multipicklist') {
        throw new SfApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', positionMessage(soql, c.path.pos, 'includes or excludes operator only valid on multipicklist field'));
      }
      if (c.kind === 'compare' && c.op === 'LIKE' && !['string', 'email', 'phone', 'url', 'picklist', 'combobox', 'textarea', 'id', 'reference'].includes(path.field.type)) {
        throw new SfApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', positionMessage(soql, c.path.pos, `invalid operator on ${path.field.type} field: LIKE`));
      }
      for (const v of values) checkLiteral(soql, path.field, v);
      return { ...c, path } as RCondition;
    }
  }
}

function sortRecords(org: FakeOrg, obj: OrgObject, records: SfRecord[], order: Array<{ item: OrderItem; path: ResolvedPath }>): SfRecord[] {
  const keyed = records.map((r) => ({ r, keys: order.map((o) => key(o.path.field, readPath(org, obj, r, o.path))) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const { item } = order[i]!;
      const x = a.keys[i];
      const y = b.keys[i];
      if (x === y) continue;
      if (x === undefined) return item.nullsLast ? 1 : -1;
      if (y === undefined) return item.nullsLast ? -1 : 1;
      const cmp = x < y ? -1 : 1;
      return item.desc ? -cmp : cmp;
    }
    return 0;
  });
  return keyed.map((k) => k.r);
}

/** Builds the REST shape of a record: `attributes` plus the selected fields, nesting relationships. */
export function project(org: FakeOrg, obj: OrgObject, record: SfRecord, paths: ResolvedPath[], apiVersion: string): SfRecord {
  const out: SfRecord = {
    attributes: { type: obj.summary.name, url: `/services/data/v${apiVersion}/sobjects/${obj.summary.name}/${String(record.Id)}` },
  };
  for (const rp of paths) {
    let target = out;
    let currentObj = obj;
    let current: SfRecord | null = record;
    for (const step of rp.steps) {
      const from: SfRecord = current;
      const relField = findField(currentObj, step.name);
      const id: unknown = relField ? from[relField.name] : null;
      const found = typeof id === 'string' ? findRecord(org, id) : undefined;
      const relName = step.relationshipName!;
      if (!found) {
        if (!(relName in target)) target[relName] = null;
        current = null;
        break;
      }
      if (!target[relName]) {
        target[relName] = {
          attributes: { type: found.obj.summary.name, url: `/services/data/v${apiVersion}/sobjects/${found.obj.summary.name}/${String(found.record.Id)}` },
        };
      }
      target = target[relName] as SfRecord;
      currentObj = found.obj;
      current = found.record;
    }
    if (!current) continue;
    const f = findField(currentObj, rp.parts[rp.parts.length - 1]!);
    if (f) target[f.name] = fieldValue(current, f);
  }
  return out;
}

/** Parses, resolves and runs a SOQL query. Throws SfApiError for malformed or invalid queries. */
export function runQuery(org: FakeOrg, soql: string, opts: RunOptions): QueryOutcome {
  const q: SoqlQuery = parseSoql(soql);
  const obj = getObject(org, q.from.name);
  if (!obj || !obj.summary.queryable) {
    const err = invalidType(q.from.name);
    throw new SfApiError(400, err.errorCode, positionMessage(soql, q.from.pos, err.message));
  }
  const seen = new Set<string>();
  const fields: ResolvedPath[] = [];
  for (const ref of q.fields) {
    const rp = resolvePath(org, obj, ref, soql);
    const k = [...rp.steps.map((s) => s.relationshipName), rp.field.name].join('.').toLowerCase();
    if (seen.has(k)) throw invalidField(soql, ref.pos, `duplicate field selected: ${ref.parts.join('.')}`);
    seen.add(k);
    fields.push(rp);
  }
  const where = q.where ? resolveCondition(org, obj, q.where, soql) : undefined;
  const order = q.orderBy.map((item) => {
    const path = resolvePath(org, obj, item.path, soql);
    if (!path.field.sortable) throw invalidField(soql, item.path.pos, `field '${path.field.name}' can not be sorted in a query call`);
    return { item, path };
  });
  if ((q.offset ?? 0) > 2000) throw new SfApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  let rows = [...obj.records.values()].filter((r) => opts.includeDeleted || r.IsDeleted !== true);
  if (where) rows = rows.filter((r) => evaluate(org, obj, r, where, opts.now));
  if (order.length) rows = sortRecords(org, obj, rows, order);
  else rows.sort((a, b) => String(a.Id).localeCompare(String(b.Id)));
  if (q.offset) rows = rows.slice(q.offset);
  if (q.limit !== undefined) rows = rows.slice(0, q.limit);
  if (q.count) return { totalSize: rows.length, records: [] };
  return { totalSize: rows.length, records: rows.map((r) => project(org, obj, r, fields, opts.apiVersion)) };
}
