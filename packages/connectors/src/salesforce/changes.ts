import { ConnectorError } from '../errors.js';
import type { SalesforceClient, SfRecord } from './client.js';
import { soqlDateTime, soqlId, soqlName } from './soql.js';

/** What `listChangedSince` reads (seed 004's periodic refresh). */
export interface ChangedSinceInput {
  object: string;
  /** Records modified strictly after this time. */
  since: Date;
  /** Fields to read besides Id and SystemModstamp. */
  fields: readonly string[];
  /** A checkbox that marks active records (seed 004's "is active" flag); only those are listed when given. */
  activeField?: string;
  /** Stop after this many records (default 10,000); `more` says whether the run was cut short. */
  maxRecords?: number;
}

/** The changed records, oldest change first, and where the next run starts. */
export interface ChangedSinceResult {
  records: SfRecord[];
  /** The latest SystemModstamp read (the `since` for the next run), or the given `since` when nothing changed. */
  nextSince: Date;
  /** More changes are waiting beyond `maxRecords`. */
  more: boolean;
}

function stampOf(r: SfRecord): number {
  return Date.parse(String(r.SystemModstamp).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

function selectList(fields: readonly string[]): string {
  return [...new Set(['Id', 'SystemModstamp', ...fields.map(soqlName)])].join(', ');
}

/** Lists records changed since a time, following query pages, ordered by SystemModstamp. */
export async function listChangedSince(client: SalesforceClient, input: ChangedSinceInput): Promise<ChangedSinceResult> {
  const object = soqlName(input.object);
  const max = input.maxRecords ?? 10_000;
  const active = input.activeField ? ` AND ${soqlName(input.activeField)} = true` : '';
  // SOQL datetime literals have whole seconds: ask from the start of `since`'s second, then drop what is not newer.
  const soql = `SELECT ${selectList(input.fields)} FROM ${object} WHERE SystemModstamp >= ${soqlDateTime(input.since)}${active} ORDER BY SystemModstamp ASC`;
  const { records, more } = await client.query(soql, { maxRecords: max, keep: (r) => stampOf(r) > input.since.getTime() });
  const last = records[records.length - 1];
  return { records, nextSince: last ? new Date(stampOf(last)) : input.since, more };
}

/** Reads one member's current values (seed 004's member refresh); `not_found` when it is gone. */
export async function refreshMember(client: SalesforceClient, input: { object: string; id: string; fields: readonly string[] }): Promise<SfRecord> {
  const object = soqlName(input.object);
  soqlId(input.id);
  const plain = input.fields.filter((f) => !f.includes('.'));
  if (plain.length === input.fields.length) {
    return client.request<SfRecord>('GET', `/sobjects/${object}/${input.id}?fields=${selectList(plain)}`);
  }
  const { records } = await client.query(`SELECT ${selectList(input.fields)} FROM ${object} WHERE Id = '${input.id}'`);
  if (!records[0]) throw new ConnectorError('not_found', `There is no ${object} ${input.id} (it may have been deleted or merged).`);
  return records[0];
}
