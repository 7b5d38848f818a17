/** Resolves field paths of a parsed query against the org's describes, with Salesforce's error messages. */
import { SfApiError } from '../errors.js';
import { normalizeId } from '../ids.js';
import { findField, getObject, relationshipIndex } from '../store.js';
import type { FakeOrg, FieldDescribe, OrgObject } from '../types.js';
import { positionMessage } from './lexer.js';
import type { Literal, PathRef } from './parser.js';

/** A path resolved to the reference fields it walks and the field it ends on. */
export interface ResolvedPath {
  /** Relationship steps, each a reference field on the previous object. */
  steps: FieldDescribe[];
  /** The final field (on the first target object that has it). */
  field: FieldDescribe;
  /** Lower-cased raw parts after the relationships, used to look fields up on polymorphic targets. */
  parts: string[];
}

/** INVALID_FIELD with the query position header. */
export function invalidField(soql: string, pos: number, detail: string): SfApiError {
  return new SfApiError(400, 'INVALID_FIELD', positionMessage(soql, pos, detail));
}

/** Resolves `Account.Name` style paths from a base object. */
export function resolvePath(org: FakeOrg, base: OrgObject, ref: PathRef, soql: string): ResolvedPath {
  let parts = ref.parts;
  if (parts.length > 1 && parts[0]!.toLowerCase() === base.summary.name.toLowerCase() && !relationshipIndex(base).has(parts[0]!.toLowerCase())) {
    parts = parts.slice(1);
  }
  let candidates: OrgObject[] = [base];
  const steps: FieldDescribe[] = [];
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    let rel: FieldDescribe | undefined;
    for (const c of candidates) {
      rel = relationshipIndex(c).get(part.toLowerCase());
      if (rel) break;
    }
    if (!rel) {
      throw invalidField(
        soql,
        ref.pos,
        `Didn't understand relationship '${part}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    steps.push(rel);
    candidates = rel.referenceTo.map((n) => getObject(org, n)).filter((o): o is OrgObject => !!o);
    if (!candidates.length) throw invalidField(soql, ref.pos, `Didn't understand relationship '${part}' in field path.`);
  }
  const last = parts[parts.length - 1]!;
  for (const c of candidates) {
    const f = findField(c, last);
    if (f) return { steps, field: f, parts: parts.map((p) => p.toLowerCase()) };
  }
  throw invalidField(
    soql,
    ref.pos,
    `No such column '${last}' on entity '${candidates[0]!.summary.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

const STRINGISH = new Set(['string', 'email', 'phone', 'url', 'textarea', 'picklist', 'multipicklist', 'combobox', 'encryptedstring']);
const NUMERIC = new Set(['int', 'double', 'currency', 'percent']);

function typeError(soql: string, lit: Literal, field: FieldDescribe, type: string, quoted: boolean): SfApiError {
  return invalidField(
    soql,
    lit.pos,
    `value of filter criterion for field '${field.name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
  );
}

/** Checks that a WHERE literal fits the field's type, as Salesforce does before running a query. */
export function checkLiteral(soql: string, field: FieldDescribe, lit: Literal): void {
  if (lit.kind === 'null') return;
  const t = field.type;
  if (t === 'id' || t === 'reference') {
    if (lit.kind !== 'string') throw typeError(soql, lit, field, 'id', true);
    if (lit.value !== '' && !normalizeId(lit.value)) throw new SfApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', positionMessage(soql, lit.pos, `invalid ID field: ${lit.value}`));
    return;
  }
  if (STRINGISH.has(t)) {
    if (lit.kind !== 'string') throw typeError(soql, lit, field, 'string', true);
    return;
  }
  if (t === 'boolean') {
    if (lit.kind !== 'boolean') throw typeError(soql, lit, field, 'boolean', false);
    return;
  }
  if (NUMERIC.has(t)) {
    if (lit.kind !== 'number') throw typeError(soql, lit, field, t === 'int' ? 'int' : 'double', false);
    return;
  }
  if (t === 'date') {
    if (lit.kind !== 'date' && lit.kind !== 'dateRange') throw typeError(soql, lit, field, 'date', false);
    return;
  }
  if (t === 'datetime') {
    if (lit.kind !== 'datetime' && lit.kind !== 'dateRange') throw typeError(soql, lit, field, 'dateTime', false);
  }
}
