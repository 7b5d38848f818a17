/**
 * A Salesforce-compatible HTTP server on loopback, for tests and the demo: SOAP and OAuth 2.0 logins, the
 * REST API's describes, records, upserts, collections, SOQL queries with paging, limits, Salesforce-shaped
 * errors, and hooks that make the org misbehave on purpose.
 */
import { AuthService, DEFAULT_CREDENTIALS, type FakeCredentials, type Session } from './auth.js';
import { changeFieldType, removeField, renameField } from './drift.js';
import { ApiAllowance } from './limits.js';
import { createSampleOrg } from './org/index.js';
import { seedRecord } from './records.js';
import { objectNamed, RestApi } from './rest.js';
import { createFakeServer, listen, type CallRecord, type FaultSwitches } from './server.js';
import type { FakeOrg, FieldDescribe, SfFieldType, SfRecord } from './types.js';

export {
  FAKE_CONSUMER_KEY,
  FAKE_CONSUMER_SECRET,
  FAKE_PASSWORD,
  FAKE_SECURITY_TOKEN,
  FAKE_USERNAME,
  DEFAULT_API_VERSION,
  DEFAULT_DAILY_API_LIMIT,
} from './constants.js';
export { createEmptyOrg, createSampleOrg, type SampleOrgOptions } from './org/index.js';
export { GENERATED_CONTACT_FIELDS } from './org/contact-custom.js';
export type { FakeCredentials } from './auth.js';
export type { CallRecord } from './server.js';
export type * from './types.js';

/** Options of {@link startFakeSalesforce}. */
export interface FakeSalesforceOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The org to serve; default a fresh sample org (`createSampleOrg()`). */
  org?: FakeOrg;
  /** Credentials the fake accepts instead of the FAKE_* defaults. */
  credentials?: Partial<FakeCredentials>;
  /** DailyApiRequests Max (default 15,000). */
  dailyApiLimit?: number;
  /** Largest query page (Salesforce: 2,000); lower it to exercise `nextRecordsUrl` with few records. */
  maxQueryBatchSize?: number;
}

/** A running fake Salesforce and the hooks that drive it. */
export interface FakeSalesforce {
  /** Base URL: the login URL and the instance URL at once. */
  url: string;
  /** The served org (mutable: tests may inspect or change it). */
  org: FakeOrg;
  /** Every request received, in order. */
  readonly calls: readonly CallRecord[];
  /** How many requests matched: a path prefix (string), a RegExp on `METHOD path`, or a predicate. Default: REST API calls. */
  callCount(filter?: string | RegExp | ((c: CallRecord) => boolean)): number;
  /** Forgets the recorded calls. */
  resetCalls(): void;
  /** Invalidates every access token (refresh tokens stay valid), so the next REST call answers 401 INVALID_SESSION_ID. */
  expireSessions(): void;
  /** Invalidates access and refresh tokens. */
  revokeAll(): void;
  /** How many access tokens are valid now, of `kind` if given (a SOAP login's session, or an OAuth token). */
  liveSessions(kind?: Session['kind']): number;
  /** API calls used and the 24-hour maximum. */
  apiUsage(): { used: number; max: number };
  /** Sets the used count (and optionally the maximum) of DailyApiRequests. */
  setApiUsage(used: number, max?: number): void;
  /** Spends the whole 24-hour allowance: REST calls answer 403 REQUEST_LIMIT_EXCEEDED. */
  exhaustApiLimit(): void;
  /** Turns API access for the org off (API_DISABLED_FOR_ORG) or back on. */
  setApiDisabled(disabled: boolean): void;
  /** Blocks the OAuth username-password flow (the password grant answers `unsupported_grant_type`) or allows it again. */
  setPasswordFlowBlocked(blocked: boolean): void;
  /** Turns the org's SOAP API login() off (INVALID_OPERATION) or back on. */
  setSoapLoginDisabled(disabled: boolean): void;
  /** Renames a field of an object (values move with it). */
  renameField(objectName: string, from: string, to: string): void;
  /** Deletes a field of an object. */
  removeField(objectName: string, fieldName: string): void;
  /** Changes a field's type. */
  changeFieldType(objectName: string, fieldName: string, type: SfFieldType, extra?: Partial<FieldDescribe>): void;
  /** Live (not deleted) records of an object. */
  records(objectName: string): SfRecord[];
  /** Inserts a record without API validation or counting. */
  seed(objectName: string, values: SfRecord): SfRecord;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts a fake Salesforce on loopback.
 *
 * @example
 * const sf = await startFakeSalesforce();
 * const conn = new Connection({ loginUrl: sf.url, version: '62.0' });
 * await conn.login(FAKE_USERNAME, FAKE_PASSWORD + FAKE_SECURITY_TOKEN);
 * await sf.close();
 */
export async function startFakeSalesforce(options: FakeSalesforceOptions = {}): Promise<FakeSalesforce> {
  const org = options.org ?? createSampleOrg();
  let url = '';
  const auth = new AuthService(org, { ...DEFAULT_CREDENTIALS, ...options.credentials }, () => url);
  const allowance = new ApiAllowance(options.dailyApiLimit);
  const rest = new RestApi(org, allowance, options.maxQueryBatchSize);
  const faults: FaultSwitches = { apiDisabled: false };
  const calls: CallRecord[] = [];
  const server = createFakeServer({ org, auth, rest, allowance, faults, calls }, () => url);
  url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');

  const matcher = (filter: string | RegExp | ((c: CallRecord) => boolean)) =>
    typeof filter === 'function' ? filter : typeof filter === 'string' ? (c: CallRecord) => c.path.startsWith(filter) : (c: CallRecord) => filter.test(`${c.method} ${c.path}`);

  return {
    url,
    org,
    calls,
    callCount: (filter = /^\w+ \/services\/data\/v\d/) => calls.filter(matcher(filter)).length,
    resetCalls: () => {
      calls.length = 0;
    },
    expireSessions: () => auth.expireSessions(),
    revokeAll: () => auth.revokeAll(),
    liveSessions: (kind) => auth.liveSessions(kind),
    apiUsage: () => ({ used: allowance.used, max: allowance.max }),
    setApiUsage: (used, max) => {
      allowance.used = used;
      if (max !== undefined) allowance.max = max;
    },
    exhaustApiLimit: () => {
      allowance.used = allowance.max;
    },
    setApiDisabled: (disabled) => {
      faults.apiDisabled = disabled;
    },
    setPasswordFlowBlocked: (blocked) => {
      auth.passwordFlowBlocked = blocked;
    },
    setSoapLoginDisabled: (disabled) => {
      auth.soapLoginDisabled = disabled;
    },
    renameField: (o, from, to) => renameField(org, o, from, to),
    removeField: (o, f) => removeField(org, o, f),
    changeFieldType: (o, f, type, extra) => changeFieldType(org, o, f, type, extra),
    records: (name) => [...objectNamed(org, name).records.values()].filter((r) => r.IsDeleted !== true),
    seed: (name, values) => seedRecord(org, objectNamed(org, name), values),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
