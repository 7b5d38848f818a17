import type { ConfigValue, CrmFieldDescriptor, CrmObjectSummary, FieldError, IntegrationCategory } from '@memberpulse/integration-schema';

/** What a connector gets for one call: the platform, its settings and its decrypted secrets. */
export interface PlatformConnection {
  category: IntegrationCategory;
  platform: string;
  config: Record<string, ConfigValue>;
  /** Decrypted secrets; they live only for the call. */
  secrets: Record<string, string>;
  /**
   * Server-wide defaults (`SALESFORCE_CLIENT_ID`, `SALESFORCE_CLIENT_SECRET`, `SALESFORCE_LOGIN_URL`), and
   * whether a tenant may name an org on this machine (outside production only).
   */
  defaults: { salesforce: { clientId: string | null; clientSecret: string | null; loginUrl: string; allowLoopback: boolean } };
}

/** API usage of the connected CRM org. */
export interface ApiUsage {
  used: number;
  limit: number;
  /** The tenant's own allotment (`dailyApiAllotment`), when set. */
  allotment: number | null;
}

/**
 * The calls the discovery routes need from the connectors. `startServer` builds one from
 * `@memberpulse/integration-connectors`; tests and embedders can inject their own through `createApp`.
 * Implementations throw `PlatformError` (or anything with `status`/`code`) when the platform fails.
 */
export interface PlatformGateway {
  /** Whether discovery / test-connection exist for this platform. */
  supports(platform: string): boolean;
  listObjects(conn: PlatformConnection): Promise<CrmObjectSummary[]>;
  describeObject(conn: PlatformConnection, objectName: string): Promise<CrmFieldDescriptor[]>;
  testConnection(conn: PlatformConnection): Promise<{ ok: true; message: string }>;
  apiUsage(conn: PlatformConnection): Promise<ApiUsage>;
}

/**
 * A platform call failed. `kind` decides the answer: `unreachable`/`upstream` → 502, `auth` → 422 on the
 * credentials, `not_found` → 404, `invalid` → 422, `rate_limited` → 429.
 */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    public kind: 'unreachable' | 'upstream' | 'auth' | 'not_found' | 'invalid' | 'rate_limited' | 'unsupported',
    message: string,
    public errors: FieldError[] = [],
    /** For `rate_limited`: how long to wait, in seconds (the `Retry-After` answer). */
    public retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

interface Entry<T> {
  at: number;
  value: T;
  /** What the tenant's CRM record was (`describeStamp`) when the describe started. */
  stamp: string | undefined;
}

interface Flight {
  tenant: string;
  stale: boolean;
  answer: Promise<unknown>;
}

/** The longest an org's API usage is answered from the cache: the figure moves with every call the org takes. */
const USAGE_TTL_MS = 60_000;

/**
 * Describe results (and the org's API usage, for at most a minute) per tenant with a TTL. Dropped for a
 * tenant when its credentials or connection settings change; `refresh=true` bypasses it. Per process (each
 * server instance describes on its own). While the server cannot hear other servers' drops
 * (`hearing(false)`), an entry is answered only to a caller whose `stamp` of the tenant's CRM record is the
 * one the entry was described under: a change another server made meanwhile (an archive, another org) is
 * then seen in the record itself.
 */
export class DescribeCache {
  private tenants = new Map<
    string,
    { objects?: Entry<CrmObjectSummary[]>; fields: Map<string, Entry<CrmFieldDescriptor[]>>; usage?: Entry<ApiUsage> }
  >();
  /** Loads in flight by tenant and key; `stale` once a `drop` came after the load started. */
  private loading = new Map<string | symbol, Flight>();

  #heard = true;

  constructor(private ttlMs: number) {}

  /** Whether other servers' drops reach this one; the record's stamp decides only while they do not. */
  get heard(): boolean {
    return this.#heard;
  }

  /** Other servers' drops reach this one again (`true`), or may be missed (`false`); either way what is cached goes. */
  hearing(heard: boolean): void {
    this.#heard = heard;
    this.drop();
  }

  private fresh<T>(e: Entry<T> | undefined, stamp: string | undefined, maxAgeMs = this.ttlMs): T | undefined {
    if (!e || Date.now() - e.at >= Math.min(this.ttlMs, maxAgeMs)) return undefined;
    return this.#heard || (e.stamp !== undefined && e.stamp === stamp) ? e.value : undefined;
  }

  private slot(tenant: string) {
    let s = this.tenants.get(tenant);
    if (!s) {
      if (this.tenants.size > 10_000) this.tenants.clear();
      s = { fields: new Map() };
      this.tenants.set(tenant, s);
    }
    return s;
  }

  objects(tenant: string, stamp?: string): CrmObjectSummary[] | undefined {
    return this.fresh(this.tenants.get(tenant)?.objects, stamp);
  }

  setObjects(tenant: string, value: CrmObjectSummary[], stamp?: string): void {
    this.slot(tenant).objects = { at: Date.now(), value, stamp };
  }

  fields(tenant: string, objectName: string | null | undefined, stamp?: string): CrmFieldDescriptor[] | undefined {
    if (!objectName) return undefined;
    return this.fresh(this.tenants.get(tenant)?.fields.get(objectName), stamp);
  }

  setFields(tenant: string, objectName: string, value: CrmFieldDescriptor[], stamp?: string): void {
    const s = this.slot(tenant);
    if (s.fields.size > 500) s.fields.clear();
    s.fields.set(objectName, { at: Date.now(), value, stamp });
  }

  /**
   * The API usage read under `stamp`, the tenant's CRM record as it is now (`describeStamp`), whether or not
   * other servers' drops are heard: a saved allotment, new credentials or an archive make a new reading.
   */
  usage(tenant: string, stamp: string): ApiUsage | undefined {
    const e = this.tenants.get(tenant)?.usage;
    return e?.stamp === stamp ? this.fresh(e, stamp, USAGE_TTL_MS) : undefined;
  }

  setUsage(tenant: string, value: ApiUsage, stamp: string): void {
    this.slot(tenant).usage = { at: Date.now(), value, stamp };
  }

  /**
   * Runs `load` once per tenant and key at a time: requests that arrive while it runs share its answer, so
   * a screen opened in several tabs spends one call of the org's daily API allowance, not one per tab.
   * `keep` stores the answer, unless the tenant's cache was dropped meanwhile (new credentials): then the
   * answer goes only to the requests that were already waiting, and later ones start a fresh load.
   * `shared: false` makes the load the caller's alone (it calls with secrets the request brings): it joins
   * no load under way and none joins it, and a drop keeps its answer out of the cache all the same.
   */
  once<T>(tenant: string, key: string, load: () => Promise<T>, keep: (value: T) => void | Promise<void>, { shared = true } = {}): Promise<T> {
    const id = shared ? `${tenant}\n${key}` : Symbol(key);
    const running = shared ? this.loading.get(id) : undefined;
    if (running) return running.answer as Promise<T>;
    const flight = { tenant, stale: false } as Flight;
    const answer = load()
      .then(async (value) => {
        if (!flight.stale) await keep(value);
        return value;
      })
      .finally(() => {
        if (this.loading.get(id) === flight) this.loading.delete(id);
      });
    flight.answer = answer;
    this.loading.set(id, flight);
    return answer;
  }

  /** Forgets what is cached for `tenant` (every tenant without one), and keeps loads under way from storing theirs. */
  drop(tenant?: string): void {
    if (tenant === undefined) this.tenants.clear();
    else this.tenants.delete(tenant);
    for (const [id, flight] of this.loading) {
      if (tenant !== undefined && flight.tenant !== tenant) continue;
      flight.stale = true;
      this.loading.delete(id);
    }
  }
}
