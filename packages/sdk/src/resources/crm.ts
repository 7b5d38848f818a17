import type { CrmFieldDescriptor, CrmObjectSummary } from '@memberpulse/integration-schema';
import { settingsPath, type CategoryName } from '../category.js';
import type { Transport } from '../transport.js';
import type { ApiUsage, CallOptions, ConnectionValues, TestConnectionResult } from '../types.js';
import { secretsOf } from './settings.js';

/** Options of discovery reads. */
export interface DiscoveryOptions extends CallOptions {
  /** Bypass the server's cache (describes for a few minutes, API usage for a minute). */
  refresh?: boolean;
}

/** CRM discovery through the server (which holds the credentials). */
export interface CrmResource {
  /** Objects of the connected CRM. */
  objects(options?: DiscoveryOptions): Promise<CrmObjectSummary[]>;
  /** Fields of one object, e.g. `fields('Contact')`. Describing the member or order object refreshes `drift`. */
  fields(objectName: string, options?: DiscoveryOptions): Promise<CrmFieldDescriptor[]>;
  /**
   * Tests the connection with the saved settings, or with unsaved `values` over them (nothing
   * is stored). A failure throws (`ValidationError` for rejected credentials, 502 `IntegrationError`
   * when the platform is unreachable).
   */
  testConnection(values?: ConnectionValues, options?: CallOptions & { category?: CategoryName }): Promise<TestConnectionResult>;
  /** API calls used and allowed in the CRM's current window, as read within the last minute unless `refresh`. */
  apiUsage(options?: DiscoveryOptions): Promise<ApiUsage>;
}

/**
 * What a call to the platform through the server retries on: a 502 is the platform's answer (unreachable, or
 * failing), not a passing glitch, and each try would decrypt (and audit) the stored secret again.
 */
const PLATFORM_RETRY_STATUSES = [408, 429, 500, 503, 504];

/** Builds the CRM discovery resource on a transport. */
export function crmResource(t: Transport): CrmResource {
  const read = <T>(path: string, check: 'crmObjects' | 'crmFields' | 'apiUsage', options?: DiscoveryOptions) =>
    t
      .request<T>({ method: 'GET', path, query: { refresh: options?.refresh || undefined }, retryStatuses: PLATFORM_RETRY_STATUSES, check, options })
      .then((r) => r.data);
  const list = <T>(path: string, check: 'crmObjects' | 'crmFields', options?: DiscoveryOptions) =>
    read<{ items: T[] }>(path, check, options).then((data) => data.items);
  return {
    objects: (options) => list<CrmObjectSummary>('settings/crm/objects', 'crmObjects', options),
    fields: (name, options) => list<CrmFieldDescriptor>(`settings/crm/objects/${encodeURIComponent(name)}/fields`, 'crmFields', options),
    testConnection: async (values, options) =>
      t
        .request<TestConnectionResult>({
          method: 'POST',
          path: `${settingsPath(options?.category ?? 'crm')}/test-connection`,
          body: values ?? {},
          safe: true,
          retryStatuses: PLATFORM_RETRY_STATUSES,
          check: 'testConnection',
          secrets: secretsOf(values),
          options,
        })
        .then((r) => r.data),
    apiUsage: (options) => read<ApiUsage>('settings/crm/api-usage', 'apiUsage', options),
  };
}
