/**
 * What a client knows of each record's version (`settings/<category>`, `endpoints/<id>`): the last ETag
 * it saw, or that it read the record and found none. A conditional write sends `If-Match` with that ETag,
 * or `If-None-Match: *` for a record read as missing, so a record someone else created meanwhile is not
 * overwritten either; a record never read gets neither.
 */
export class RecordVersions {
  readonly #etags = new Map<string, string>();
  readonly #missing = new Set<string>();

  /** Remembers the record's ETag, or `null`: the record was read and does not exist. */
  remember(record: string, etag: string | null): void {
    if (etag === null) {
      this.#etags.delete(record);
      this.#missing.add(record);
    } else {
      this.#missing.delete(record);
      this.#etags.set(record, etag);
    }
  }

  /** Forgets all the client knew of the record (after deleting it). */
  forget(record: string): void {
    this.#etags.delete(record);
    this.#missing.delete(record);
  }

  /** The last ETag seen for the record. */
  etag(record: string): string | undefined {
    return this.#etags.get(record);
  }

  /** The precondition header a conditional write of the record sends, if any. */
  precondition(record: string): [name: 'if-match' | 'if-none-match', value: string] | undefined {
    const etag = this.#etags.get(record);
    if (etag) return ['if-match', etag];
    return this.#missing.has(record) ? ['if-none-match', '*'] : undefined;
  }
}
