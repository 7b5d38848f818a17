import type { FieldMapping, UpdatePolicy } from '@memberpulse/integration-schema';
import { ConnectorError, pointerError } from '../errors.js';
import type { SalesforceClient, SfField, SfRecord } from './client.js';
import { soqlName, soqlString } from './soql.js';
import { rethrowWrite, type FieldLocator } from './write-errors.js';

/** How to find the member's record. */
export type MemberMatch =
  /** Upsert by an external-id field (e.g. `Member_Number__c`) with this value. */
  | { externalIdField: string; value: string }
  /** Find by the email the mapping writes (the row whose source is `email`), then update it or create one. */
  | { byEmail: true };

/** What `upsertMember` writes. */
export interface MemberUpsertInput {
  /** Member object, e.g. `Contact`. */
  object: string;
  /** The member field mapping with its update policies. */
  mappings: readonly FieldMapping[];
  /** MemberPulse values by member field key (`email`, `firstName`, …). */
  member: Readonly<Record<string, unknown>>;
  match: MemberMatch;
  /**
   * The checkbox kept in step with the member's `emailOptOut` (seed 004; the settings' `emailOptOutField`,
   * `HasOptedOutOfEmail` by default), written unless a mapping row maps `emailOptOut` itself. An opt-out
   * already set there is never cleared from MemberPulse.
   */
  emailOptOutField?: string | null;
  /** Pointer of the mapping list in errors (default `/crm/memberMappings`). */
  pointerBase?: string;
}

/** A mapped value that was not written, and why. */
export interface SkippedValue {
  target: string;
  reason: 'blank' | 'targetHasValue';
}

/** The outcome of `upsertMember`. */
export interface MemberUpsertResult {
  id: string;
  created: boolean;
  /** Salesforce fields written. */
  written: string[];
  skipped: SkippedValue[];
  /** With `byEmail`: how many records had that email (the oldest is updated). */
  emailMatches?: number;
}

const OPT_OUT_POINTER = '/config/emailOptOutField';

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** What a policy decides for one value against the record's current value. */
function decide(policy: UpdatePolicy, value: unknown, current: unknown, exists: boolean): 'write' | SkippedValue['reason'] {
  if (policy === 'always') return 'write';
  if (isBlank(value)) return 'blank';
  if (policy === 'ifTargetEmpty' && exists && !isBlank(current)) return 'targetHasValue';
  return 'write';
}

function readPath(record: SfRecord | undefined, path: string): unknown {
  let v: unknown = record;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/**
 * Upserts one member through the field mapping: `always` overwrites (blank clears), `neverBlank` never
 * writes a blank, `ifTargetEmpty` fills only empty fields. `Account.Name` finds or creates the Account by
 * name and links it. A mapped field Salesforce no longer has answers `invalid` with the row's pointer.
 */
export async function upsertMember(client: SalesforceClient, input: MemberUpsertInput): Promise<MemberUpsertResult> {
  const object = soqlName(input.object);
  const optOut = input.emailOptOutField && !input.mappings.some((m) => m.source === 'emailOptOut') ? input.emailOptOutField : undefined;
  const where: FieldLocator = { mappings: input.mappings, base: input.pointerBase ?? '/crm/memberMappings', settings: optOut ? { [optOut]: OPT_OUT_POINTER } : {} };
  // The settings' opt-out checkbox (seed 004) is one more row, after the admin's, pointing at its setting.
  const rows: readonly FieldMapping[] = optOut ? [...input.mappings, { source: 'emailOptOut', target: optOut, policy: 'neverBlank' }] : input.mappings;
  const rowPointer = (i: number) => (i < input.mappings.length ? `${where.base}/${i}/target` : OPT_OUT_POINTER);
  const describe = await client.describe(object);
  const fields = new Map(describe.fields.map((f) => [f.name.toLowerCase(), f]));
  const relation = (target: string): SfField | undefined => {
    const [rel] = target.split('.');
    return describe.fields.find((f) => f.type === 'reference' && f.relationshipName?.toLowerCase() === rel!.toLowerCase());
  };
  const drift = rows.flatMap((m, i) => {
    const ok = m.target.includes('.') ? !!relation(m.target) : fields.has(m.target.toLowerCase());
    return ok ? [] : [pointerError(rowPointer(i), 'schema_drift', `Salesforce has no field ${m.target} on ${object} any more (renamed or removed); pick another field.`)];
  });
  if (drift.length) throw new ConnectorError('invalid', `The member mapping names fields ${object} no longer has.`, drift, 'INVALID_FIELD');

  // An opt-out already set in Salesforce is never cleared from here, by a false or an unknown flag (opting back
  // in is the member's own act, there): its fields are read only when a row could write something else.
  const flag = input.member.emailOptOut;
  const optOutTargets = flag === true ? [] : rows.filter((m) => m.source === 'emailOptOut' && (flag === false || m.policy === 'always')).map((m) => m.target);
  const readTargets = [...new Set([...rows.filter((m) => m.policy !== 'always' || m.target.includes('.')).map((m) => m.target), ...optOutTargets])];
  const selected = ['Id', ...readTargets.filter((t) => t.toLowerCase() !== 'id')].map(soqlName);
  let existing: SfRecord | undefined;
  const keepsOptOut = (target: string, value: unknown) =>
    value !== true && optOutTargets.includes(target) && readPath(existing, fields.get(target.toLowerCase())?.name ?? target) === true;
  let emailMatches: number | undefined;
  let matchPath: string | undefined;
  try {
    if ('externalIdField' in input.match) {
      // The value is a path segment: URL resolution would turn ".." into the object itself (GET its metadata, PATCH the collection).
      if (['', '.', '..'].includes(input.match.value)) {
        throw new ConnectorError('invalid', 'An external id cannot be empty, “.” or “..”.', [pointerError('/match/value', 'invalid', 'Give the member’s external id.')]);
      }
      matchPath = `/sobjects/${object}/${soqlName(input.match.externalIdField)}/${encodeURIComponent(input.match.value)}`;
      if (selected.length > 1) existing = await findByExternalId(client, object, input.match.externalIdField, input.match.value, selected);
    } else {
      const emailRow = input.mappings.find((m) => m.source === 'email');
      if (!emailRow) throw new ConnectorError('invalid', 'Map the member’s email to match records by email.', [pointerError(where.base, 'required', 'Map Email to a field to match members by email.')]);
      const email = input.member.email;
      if (isBlank(email)) throw new ConnectorError('invalid', 'The member has no email to match on.', [pointerError('/member/email', 'required', 'The member has no email.')]);
      const found = await client.query(`SELECT ${selected.join(', ')} FROM ${object} WHERE ${soqlName(emailRow.target)} = ${soqlString(String(email).trim())} ORDER BY CreatedDate ASC LIMIT 10`);
      existing = found.records[0];
      emailMatches = found.totalSize;
    }

    const body: Record<string, unknown> = {};
    const written: string[] = [];
    const skipped: SkippedValue[] = [];
    for (const m of rows) {
      const value = input.member[m.source];
      const verdict = keepsOptOut(m.target, value) ? 'targetHasValue' : decide(m.policy, value, readPath(existing, m.target), !!existing);
      if (verdict !== 'write') {
        skipped.push({ target: m.target, reason: verdict });
        continue;
      }
      if (m.target.includes('.')) {
        const lookup = relation(m.target)!;
        body[lookup.name] = isBlank(value) ? null : await findOrCreateParent(client, lookup, m.target, String(value).trim());
        written.push(lookup.name);
      } else {
        const f = fields.get(m.target.toLowerCase())!;
        body[f.name] = isBlank(value) ? null : value;
        written.push(f.name);
      }
    }

    if (matchPath) {
      const r = await client.request<{ id: string; created?: boolean } | string[]>('PATCH', matchPath, body);
      if (Array.isArray(r)) throw new ConnectorError('invalid', `Several ${object} records share this external id; fix the duplicates in Salesforce.`, [], 'MULTIPLE_CHOICES');
      return { id: r.id, created: r.created === true, written, skipped };
    }
    if (existing?.Id) {
      await client.request('PATCH', `/sobjects/${object}/${existing.Id}`, body);
      return { id: existing.Id, created: false, written, skipped, ...(emailMatches === undefined ? {} : { emailMatches }) };
    }
    const created = await client.request<{ id: string }>('POST', `/sobjects/${object}`, body);
    return { id: created.id, created: true, written, skipped, emailMatches: emailMatches ?? 0 };
  } catch (err) {
    rethrowWrite(err, where);
  }
}

async function findByExternalId(client: SalesforceClient, object: string, field: string, value: string, selected: string[]): Promise<SfRecord | undefined> {
  const plain = selected.filter((s) => !s.includes('.'));
  try {
    const record = await client.request<SfRecord>('GET', `/sobjects/${object}/${soqlName(field)}/${encodeURIComponent(value)}?fields=${plain.join(',')}`);
    if (plain.length === selected.length || !record.Id) return record;
    // Relationship values (Account.Name) come from a query on the record found.
    const full = await client.query(`SELECT ${selected.join(', ')} FROM ${object} WHERE Id = '${record.Id}'`);
    return full.records[0] ?? record;
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'not_found') return undefined;
    throw err;
  }
}

/** Finds the parent (e.g. Account) by its name field, or creates it; answers its id. */
async function findOrCreateParent(client: SalesforceClient, lookup: SfField, target: string, value: string): Promise<string> {
  const parent = soqlName(lookup.referenceTo?.[0] ?? '');
  const field = soqlName(target.split('.').slice(1).join('.'));
  const found = await client.query(`SELECT Id FROM ${parent} WHERE ${field} = ${soqlString(value)} ORDER BY CreatedDate ASC LIMIT 1`);
  if (found.records[0]?.Id) return found.records[0].Id;
  return (await client.request<{ id: string }>('POST', `/sobjects/${parent}`, { [field]: value })).id;
}
