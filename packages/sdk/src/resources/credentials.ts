import type { IntegrationSettings } from '@memberpulse/integration-schema';
import { categoryOf, settingsPath, type CategoryName } from '../category.js';
import type { Transport } from '../transport.js';
import type { UpdateOptions } from '../types.js';

/**
 * One secret at a time (`/v1/settings/{category}/credentials/{key}`). Answers the settings record,
 * whose `credentials` hold only `{ configured, hint, updatedAt, updatedBy }`, never the secret.
 */
export interface CredentialsResource {
  /** Sets (or replaces) one secret, e.g. `set('crm', 'consumerSecret', value)`. */
  set(category: CategoryName, key: string, value: string, options?: UpdateOptions): Promise<IntegrationSettings>;
  /** Same as {@link CredentialsResource.set}: replacing one secret never needs the others. */
  replace(category: CategoryName, key: string, value: string, options?: UpdateOptions): Promise<IntegrationSettings>;
  /** Clears one secret. */
  clear(category: CategoryName, key: string, options?: UpdateOptions): Promise<IntegrationSettings>;
}

/** Builds the credentials resource on a transport. */
export function credentialsResource(t: Transport): CredentialsResource {
  const call = async (method: 'PUT' | 'DELETE', c: CategoryName, key: string, value: string | undefined, options?: UpdateOptions) =>
    (
      await t.request<IntegrationSettings>({
        method,
        path: `${settingsPath(c)}/credentials/${encodeURIComponent(key)}`,
        body: value === undefined ? undefined : { value },
        record: 'settings/' + categoryOf(c),
        conditional: true,
        check: 'settings',
        secrets: typeof value === 'string' ? [value] : [],
        options,
      })
    ).data;
  const set = (c: CategoryName, key: string, value: string, options?: UpdateOptions) => call('PUT', c, key, value, options);
  return { set, replace: set, clear: (c, key, options) => call('DELETE', c, key, undefined, options) };
}
