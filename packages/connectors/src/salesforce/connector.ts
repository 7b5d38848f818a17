import type { CrmFieldDescriptor, CrmObjectSummary, SalesforceConfig } from '@memberpulse/integration-schema';
import type { ApiUsage, ConnectionInput, ConnectionTestResult, PlatformConnector } from '../types.js';
import { SalesforceClient } from './client.js';
import { apiUsage, describeObject, listObjects, testConnection } from './discovery.js';
import type { SalesforceSessionOptions } from './session.js';
import { SharedSessions } from './shared-sessions.js';

/**
 * Salesforce through jsforce: each call logs in with the settings' credentials (OAuth client credentials
 * against My Domain / the login URL, or the service user's SOAP login), does its work and ends the session.
 * Discovery calls that overlap with the same login share one session; a connection test always signs in
 * itself. For the writes the settings configure, `connect()` answers a client to pass to `upsertMember`,
 * `applyTags`, `logSupportTicket`, `listChangedSince` and `refreshMember`.
 */
export class SalesforceConnector implements PlatformConnector {
  readonly #shared = new SharedSessions((input) => this.connect(input));

  constructor(private readonly options: SalesforceSessionOptions = {}) {}

  /** A logged-in client; call `close()` when done. */
  connect(input: ConnectionInput): Promise<SalesforceClient> {
    return SalesforceClient.connect(input, this.options);
  }

  private async withClient<T>(input: ConnectionInput, fn: (client: SalesforceClient) => Promise<T>): Promise<T> {
    const client = await this.connect(input);
    try {
      return await fn(client);
    } finally {
      await client.close();
    }
  }

  testConnection(input: ConnectionInput): Promise<ConnectionTestResult> {
    return this.withClient(input, (c) => testConnection(c, String((input.config as Partial<SalesforceConfig>).environment ?? 'production')));
  }

  listObjects(input: ConnectionInput): Promise<CrmObjectSummary[]> {
    return this.#shared.use(input, listObjects);
  }

  describeObject(input: ConnectionInput, objectName: string): Promise<CrmFieldDescriptor[]> {
    return this.#shared.use(input, (c) => describeObject(c, objectName));
  }

  apiUsage(input: ConnectionInput): Promise<ApiUsage> {
    const allotment = (input.config as Partial<SalesforceConfig>).dailyApiAllotment;
    return this.#shared.use(input, (c) => apiUsage(c, typeof allotment === 'number' ? allotment : null));
  }
}
