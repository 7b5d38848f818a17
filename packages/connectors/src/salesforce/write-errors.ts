import type { FieldError, FieldErrorCode, FieldMapping } from '@memberpulse/integration-schema';
import { ConnectorError, pointerError } from '../errors.js';
import type { SalesforceErrorEntry } from './errors.js';

const CODES: Record<string, FieldErrorCode> = {
  INVALID_FIELD: 'schema_drift',
  STRING_TOO_LONG: 'too_long',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'restricted_picklist',
  REQUIRED_FIELD_MISSING: 'required',
  INVALID_FIELD_FOR_INSERT_UPDATE: 'not_writable',
  INVALID_EMAIL_ADDRESS: 'invalid_format',
  DUPLICATE_VALUE: 'duplicate',
};

/** Where a Salesforce field is configured: the mapping rows that target it, or a named setting. */
export interface FieldLocator {
  mappings: readonly FieldMapping[];
  /** Pointer of the mapping list, e.g. `/crm/memberMappings`. */
  base: string;
  /** Settings that name a field directly, e.g. `{ Event_Tags__c: '/crm/eventTagField' }`; one field may be named by several. */
  settings?: Readonly<Record<string, string | readonly string[]>>;
}

/** The pointers configuring a Salesforce field. */
export function pointersFor(field: string, where: FieldLocator): string[] {
  const lower = field.toLowerCase();
  const rows = where.mappings.flatMap((m, i) => (m.target.toLowerCase() === lower || m.target.toLowerCase().startsWith(`${lower}.`) ? [`${where.base}/${i}/target`] : []));
  const named = Object.entries(where.settings ?? {}).flatMap(([name, pointer]) => (name.toLowerCase() === lower ? [pointer].flat() : []));
  return [...rows, ...named];
}

/** The error entries behind a failed write (the REST array, or a collection result's errors). */
export function errorEntries(err: unknown): SalesforceErrorEntry[] {
  const cause = (err as { cause?: { data?: unknown; errorCode?: unknown; message?: unknown } }).cause;
  const data = cause?.data;
  if (Array.isArray(data)) return data as SalesforceErrorEntry[];
  if (data && typeof data === 'object') return [data as SalesforceErrorEntry];
  if (cause && typeof cause.errorCode === 'string') return [{ errorCode: cause.errorCode, message: String(cause.message ?? '') }];
  return [];
}

/** A field named by an INVALID_FIELD message ("No such column 'X' on sobject …"). */
function fieldFromMessage(message: string): string | undefined {
  return /No such column '([^']+)'/.exec(message)?.[1];
}

/**
 * Turns a failed record write into a ConnectorError whose errors point at the mapping rows (or settings) of
 * the fields Salesforce named. A renamed or removed field (INVALID_FIELD) becomes `schema_drift` on its row.
 */
export function writeError(entries: readonly SalesforceErrorEntry[], where: FieldLocator, fallback?: ConnectorError): ConnectorError {
  const errors: FieldError[] = [];
  let first: string | undefined;
  for (const e of entries) {
    const code = e.errorCode ?? e.statusCode ?? '';
    first ??= code;
    const fields = e.fields?.length ? e.fields : [fieldFromMessage(e.message)].filter((f): f is string => !!f);
    for (const f of fields) {
      const message = code === 'INVALID_FIELD' ? `Salesforce has no field ${f} any more (renamed or removed); pick another field.` : `Salesforce refused ${f}: ${e.message}`;
      for (const p of pointersFor(f, where)) errors.push(pointerError(p, CODES[code] ?? 'invalid', message));
    }
  }
  if (!errors.length && fallback) return fallback;
  const summary = entries.map((e) => e.message).join(' ') || 'Salesforce refused the record.';
  return new ConnectorError('invalid', summary, errors, first || undefined);
}

/** Re-throws a failed write with pointers where Salesforce named fields; other failures pass unchanged. */
export function rethrowWrite(err: unknown, where: FieldLocator): never {
  if (err instanceof ConnectorError && (err.kind === 'upstream' || err.kind === 'invalid')) {
    const entries = errorEntries(err);
    if (entries.length) throw writeError(entries, where, err);
  }
  throw err;
}
