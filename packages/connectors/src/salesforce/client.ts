import type { ConnectionInput } from '../types.js';
import { toConnectorError, type AuthMode } from './errors.js';
import { openSession, resolveLogin, type SalesforceSession, type SalesforceSessionOptions } from './session.js';
import { soqlName } from './soql.js';

/** A Salesforce record as the REST API answers it. */
export type SfRecord = Record<string, unknown> & { Id?: string; attributes?: { type: string; url: string } };

/** One field of a Salesforce describe (the keys the connectors read). */
export interface SfField {
  name: string;
  label: string;
  type: string;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  externalId: boolean;
  unique: boolean;
  custom: boolean;
  calculated?: boolean;
  idLookup?: boolean;
  picklistValues?: Array<{ value: string; label: string; active: boolean }>;
  restrictedPicklist?: boolean;
  referenceTo?: string[];
  relationshipName?: string | null;
}

/** An object's describe (the keys the connectors read). */
export interface SfDescribe {
  name: string;
  label: string;
  fields: SfField[];
}

/** One entry of describeGlobal. */
export interface SfObjectSummary {
  name: string;
  label: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  queryable: boolean;
  deprecatedAndHidden?: boolean;
  associateEntityType?: string | null;
  keyPrefix?: string | null;
}

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SfRecord[];
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * A logged-in Salesforce org. Every call goes through jsforce (session refresh, limit info) with bounded
 * retries and no redirect followed, and failures come out as ConnectorErrors. Describes are remembered for
 * the client's lifetime. The jsforce connection stays private: its own calls would follow a redirect anywhere
 * with the session's token.
 */
export class SalesforceClient {
  private readonly describes = new Map<string, Promise<SfDescribe>>();
  readonly #session: SalesforceSession;

  private constructor(session: SalesforceSession) {
    this.#session = session;
  }

  /** Logs in with the settings' credentials. */
  static async connect(input: ConnectionInput, options: SalesforceSessionOptions = {}): Promise<SalesforceClient> {
    return new SalesforceClient(await openSession(resolveLogin(input), options));
  }

  /** How this client logged in. */
  get authMode(): AuthMode {
    return this.#session.mode;
  }

  /** The API version in use. */
  get apiVersion(): string {
    return this.#session.apiVersion;
  }

  /** The last `Sforce-Limit-Info` seen, if any call has been made. */
  get lastApiUsage(): { used: number; limit: number } | undefined {
    return this.#session.conn.limitInfo?.apiUsage;
  }

  /** Sends one REST request; `path` is relative to `/services/data/vXX.X`, or absolute from the host. */
  async request<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const url = path.startsWith('/services/') ? path : `/services/data/v${this.#session.apiVersion}${path}`;
    try {
      return (await this.#session.conn.request<T>(
        {
          method,
          url,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        },
        { ...this.#session.requestOptions, noContentResponse: null },
      )) as T;
    } catch (err) {
      throw toConnectorError(err, this.#session.mode, { write: method !== 'GET' });
    }
  }

  /**
   * Runs a SOQL query and follows `nextRecordsUrl` until done or `maxRecords` are kept. `keep` drops records
   * client-side (they do not count towards `maxRecords`); `more` says records were left unread.
   */
  async query<T extends SfRecord = SfRecord>(
    soql: string,
    options: { maxRecords?: number; batchSize?: number; keep?: (r: T) => boolean } = {},
  ): Promise<{ totalSize: number; records: T[]; more: boolean }> {
    const headers: Record<string, string> = options.batchSize ? { 'Sforce-Query-Options': `batchSize=${options.batchSize}` } : {};
    const max = options.maxRecords ?? Number.POSITIVE_INFINITY;
    const keep = options.keep ?? (() => true);
    let page = await this.request<QueryPage>('GET', `/query?q=${encodeURIComponent(soql)}`, undefined, headers);
    const records = (page.records as T[]).filter(keep);
    while (!page.done && page.nextRecordsUrl && records.length <= max) {
      page = await this.request<QueryPage>('GET', page.nextRecordsUrl, undefined, headers);
      records.push(...(page.records as T[]).filter(keep));
    }
    return { totalSize: page.totalSize, records: records.slice(0, max), more: records.length > max || !page.done };
  }

  /** describeGlobal. */
  async describeGlobal(): Promise<SfObjectSummary[]> {
    return (await this.request<{ sobjects: SfObjectSummary[] }>('GET', '/sobjects')).sobjects;
  }

  /** An object's describe, fetched once per client. */
  describe(objectName: string): Promise<SfDescribe> {
    const key = soqlName(objectName).toLowerCase();
    let d = this.describes.get(key);
    if (!d) {
      d = this.request<SfDescribe>('GET', `/sobjects/${encodeURIComponent(objectName)}/describe`);
      d.catch(() => this.describes.delete(key));
      this.describes.set(key, d);
    }
    return d;
  }

  /** `GET /limits`. */
  async limits(): Promise<Record<string, { Max: number; Remaining: number }>> {
    return this.request('GET', '/limits');
  }

  /** Ends a service user's session (a SOAP logout, or revoking its OAuth token); a client-credentials token simply expires. */
  async close(): Promise<void> {
    if (this.#session.mode === 'serviceUser') await this.#session.conn.logout().catch(() => undefined);
  }
}
