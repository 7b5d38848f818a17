/**
 * What a client knows of one tenant's records' versions (`settings/<category>`, `endpoints/<id>`): the last
 * ETag it saw, or that it read the record and found none. A conditional write sends `If-Match` with that ETag,
 * or `If-None-Match: *` for a record read as missing, so a record someone else created meanwhile is not
 * overwritten either; a record never read gets neither.
 */
export class TenantVersions {
  /** The last ETag per record; `null`: read, and there was none. */
  readonly #seen = new Map<string, string | null>();

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

/**
 * What a client knows of records' versions, per tenant: records are a tenant's, so a version read in one is
 * never sent as a precondition in another (a token for another tenant: someone else signed in). Each call
 * reads and writes the memory of the tenant its token acts for, also when its answer lands after the token
 * changed.
 */
export class RecordVersions {
  readonly #byTenant = new Map<string, TenantVersions>();
  #current = '';

  /** The memory of `tenant` (`''`: tokens that name none), which becomes the current one. */
  actFor(tenant: string): TenantVersions {
    this.#current = tenant;
    let versions = this.#byTenant.get(tenant);
    if (!versions) this.#byTenant.set(tenant, (versions = new TenantVersions()));
    return versions;
  }

  /** The memory of the tenant the last call was sent for (until a call sends a token for another). */
  get current(): TenantVersions {
    return this.#byTenant.get(this.#current) ?? new TenantVersions();
  }
}
