/**
 * What a client knows of each record's version (`settings/<category>`, `endpoints/<id>`): the last ETag
 * it saw, or that it read the record and found none. A conditional write sends `If-Match` with that ETag,
 * or `If-None-Match: *` for a record read as missing, so a record someone else created meanwhile is not
 * overwritten either; a record never read gets neither. What it knows is one tenant's: records are per tenant.
 */
export class RecordVersions {
  /** The last ETag per record; `null`: read, and there was none. */
  readonly #seen = new Map<string, string | null>();
  #tenant: string | undefined;

  /** Forgets every record when the calls now act for another tenant (a sign-in since): its versions say nothing of these. */
  actFor(tenant: string): void {
    if (this.#tenant !== undefined && this.#tenant !== tenant) this.#seen.clear();
    this.#tenant = tenant;
  }

  /** Remembers the record's ETag, or `null`: the record was read and does not exist. */
  remember(record: string, etag: string | null): void {
    this.#seen.set(record, etag);
  }

  /** Remembers a record read from a list, which gives its version but no ETag: the API's ETag is the version in quotes. */
  rememberVersion(record: string, version: number): void {
    this.remember(record, `"${version}"`);
  }

  /** Forgets all the client knew of the record (after deleting it). */
  forget(record: string): void {
    this.#seen.delete(record);
  }

  /** The last ETag seen for the record. */
  etag(record: string): string | undefined {
    return this.#seen.get(record) ?? undefined;
  }

  /** The precondition header a conditional write of the record sends, if any. */
  precondition(record: string): [name: 'if-match' | 'if-none-match', value: string] | undefined {
    const etag = this.#seen.get(record);
    if (etag) return ['if-match', etag];
    return etag === null ? ['if-none-match', '*'] : undefined;
  }
}
