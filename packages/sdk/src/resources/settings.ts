import {
  integrationCategories,
  type IntegrationSettings,
  type IntegrationSettingsInput,
  type ValidationResult,
} from '@memberpulse/integration-schema';
import { categoryOf, settingsPath, type CategoryName } from '../category.js';
import type { Transport } from '../transport.js';
import type { CallOptions, UpdateOptions } from '../types.js';

/** Integration settings, one record per category (`/v1/settings`). */
export interface SettingsResource {
  /** Every settings record of the tenant (only categories that exist). Remembers each record's ETag. */
  list(options?: CallOptions): Promise<IntegrationSettings[]>;
  /** One record; `NotFoundError` when the category was never saved. Remembers its ETag. */
  get(category: CategoryName, options?: CallOptions): Promise<IntegrationSettings>;
  /**
   * Saves the whole form as a draft (`PUT` with `status: 'draft'`): creates the record or replaces
   * platform, config and CRM mapping. Credentials: a string sets, `null` clears, absent keeps.
   */
  saveDraft(category: CategoryName, input: IntegrationSettingsInput, options?: UpdateOptions): Promise<IntegrationSettings>;
  /**
   * Enables the integration; every business rule must pass (else `ValidationError`). With `input`,
   * saves it at the same time (`PUT` with `status: 'enabled'`); without, flips the stored record
   * (`PATCH { status: 'enabled' }`).
   */
  enable(category: CategoryName, input?: IntegrationSettingsInput, options?: UpdateOptions): Promise<IntegrationSettings>;
  /** Merges a partial change (`PATCH`): config key by key (`null` removes), CRM property by property (arrays replace). */
  patch(category: CategoryName, input: IntegrationSettingsInput, options?: UpdateOptions): Promise<IntegrationSettings>;
  /** Replaces the record (`PUT`) with exactly `input`; `status` defaults to whatever the server defaults to. */
  replace(category: CategoryName, input: IntegrationSettingsInput, options?: UpdateOptions): Promise<IntegrationSettings>;
  /** Runs the draft or enable rules over `input` without saving anything. */
  validate(
    category: CategoryName,
    input: IntegrationSettingsInput,
    options?: CallOptions & { mode?: 'draft' | 'enable' },
  ): Promise<ValidationResult>;
  /** Archives the record (status `archived`); it rejects writes, test-connection and CRM discovery until restored. */
  archive(category: CategoryName, options?: UpdateOptions): Promise<IntegrationSettings>;
  /** Restores an archived record to `draft`; a record that is not archived comes back unchanged. */
  restore(category: CategoryName, options?: UpdateOptions): Promise<IntegrationSettings>;
  /** The ETag the client last saw for this category's record, if any. */
  etag(category: CategoryName): string | undefined;
}

/** Values of `input.credentials` (to keep them out of error texts). */
export function secretsOf(input: { credentials?: Record<string, string | null> } | undefined): string[] {
  return Object.values(input?.credentials ?? {}).filter((v): v is string => typeof v === 'string');
}

/**
 * The input with its status. What is not an object (a JavaScript caller's null) goes as it is, for the server to
 * refuse: with only a status, the PUT would replace the record with an empty one, its secrets gone.
 */
const withStatus = (input: IntegrationSettingsInput, status: 'draft' | 'enabled'): IntegrationSettingsInput =>
  input !== null && typeof input === 'object' && !Array.isArray(input) ? { ...input, status } : input;

/** Builds the settings resource on a transport. */
export function settingsResource(t: Transport): SettingsResource {
  const record = (c: CategoryName) => 'settings/' + categoryOf(c);
  // Async, so a category the SDK does not know rejects the call instead of throwing from it.
  const put = async (c: CategoryName, body: IntegrationSettingsInput, options?: UpdateOptions) =>
    (await t.request<IntegrationSettings>({ method: 'PUT', path: settingsPath(c), body, record: record(c), conditional: true, check: 'settings', secrets: secretsOf(body), options })).data;
  const patch = async (c: CategoryName, body: IntegrationSettingsInput, options?: UpdateOptions) =>
    (await t.request<IntegrationSettings>({ method: 'PATCH', path: settingsPath(c), body, record: record(c), conditional: true, check: 'settings', secrets: secretsOf(body), options })).data;
  const action = async (c: CategoryName, name: string, options?: UpdateOptions) =>
    (await t.request<IntegrationSettings>({ method: 'POST', path: `${settingsPath(c)}/${name}`, record: record(c), conditional: true, check: 'settings', options })).data;
  return {
    async list(options) {
      const { data, versions } = await t.request<{ items: IntegrationSettings[] }>({ method: 'GET', path: 'settings', check: 'settingsList', options });
      // A category the list lacks has no record yet: saving it creates one only if nobody else has meanwhile.
      for (const c of integrationCategories) {
        const s = data.items.find((item) => item.category === c);
        if (s) versions.rememberVersion(record(c), s.version);
        else versions.remember(record(c), null);
      }
      return data.items;
    },
    get: async (c, options) => (await t.request<IntegrationSettings>({ method: 'GET', path: settingsPath(c), record: record(c), check: 'settings', options })).data,
    saveDraft: (c, input, options) => put(c, withStatus(input, 'draft'), options),
    enable: (c, input, options) => (input ? put(c, withStatus(input, 'enabled'), options) : patch(c, { status: 'enabled' }, options)),
    patch,
    replace: put,
    validate: async (c, input, options) =>
      (
        await t.request<ValidationResult>({
          method: 'POST',
          path: `${settingsPath(c)}/validate`,
          query: { mode: options?.mode },
          body: input,
          safe: true,
          check: 'validation',
          secrets: secretsOf(input),
          options,
        })
      ).data,
    archive: (c, options) => action(c, 'archive', options),
    restore: (c, options) => action(c, 'restore', options),
    etag: (c) => t.versions.current.etag(record(c)),
  };
}
