import type { ConfigValue, CrmFieldDescriptor, CrmObjectSummary } from '@memberpulse/integration-schema';

/** Server-wide Salesforce defaults (seed 001's `SALESFORCE_CLIENT_ID`, `SALESFORCE_CLIENT_SECRET`, `SALESFORCE_LOGIN_URL`). */
export interface SalesforceDefaults {
  clientId: string | null;
  clientSecret: string | null;
  /** Used when a tenant gives no My Domain URL; `https://login.salesforce.com` in production. */
  loginUrl: string;
  /** Whether a tenant's My Domain URL may name this machine (a test or demo org): the server allows it outside production only. */
  allowLoopback?: boolean;
}

/** What a connector needs for one call: the platform, its non-secret settings and its decrypted secrets. */
export interface ConnectionInput {
  platform: string;
  config: Readonly<Record<string, ConfigValue>>;
  /** Decrypted secrets; they live only for the call. */
  secrets: Readonly<Record<string, string>>;
  defaults?: { salesforce?: SalesforceDefaults };
}

/** API consumption of the connected org. */
export interface ApiUsage {
  used: number;
  limit: number;
  /** The tenant's own allotment (`dailyApiAllotment`), when set. */
  allotment: number | null;
}

/** The answer of a successful connection test. */
export interface ConnectionTestResult {
  ok: true;
  message: string;
}

/** What every platform connector offers; discovery answers an `unsupported` error where a platform has none. */
export interface PlatformConnector {
  testConnection(input: ConnectionInput): Promise<ConnectionTestResult>;
  listObjects(input: ConnectionInput): Promise<CrmObjectSummary[]>;
  describeObject(input: ConnectionInput, objectName: string): Promise<CrmFieldDescriptor[]>;
  apiUsage(input: ConnectionInput): Promise<ApiUsage>;
}
