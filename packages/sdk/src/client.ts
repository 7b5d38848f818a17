import { auditResource, type AuditResource } from './resources/audit.js';
import { fieldsResource, platformsResource, type FieldsResource, type PlatformsResource } from './resources/catalog.js';
import { credentialsResource, type CredentialsResource } from './resources/credentials.js';
import { crmResource, type CrmResource } from './resources/crm.js';
import { endpointsResource, type EndpointsResource } from './resources/endpoints.js';
import { meResource } from './resources/me.js';
import { settingsResource, type SettingsResource } from './resources/settings.js';
import { createTransport, type ClientOptions, type Transport } from './transport.js';
import type { CallOptions, Me } from './types.js';

/** A client for the MemberPulse integration API; see {@link createIntegrationClient}. */
export interface IntegrationClient {
  /** Integration settings per category. */
  readonly settings: SettingsResource;
  /** Write-only secrets of a settings record. */
  readonly credentials: CredentialsResource;
  /** CRM discovery: objects, fields, connection test, API usage. */
  readonly crm: CrmResource;
  /** Integration endpoints, with paging. */
  readonly endpoints: EndpointsResource;
  /** The platform catalog. */
  readonly platforms: PlatformsResource;
  /** MemberPulse's mappable fields. */
  readonly fields: FieldsResource;
  /** The audit trail. */
  readonly audit: AuditResource;
  /** Who the token belongs to: tenant, subject, role, permissions. */
  me(options?: CallOptions): Promise<Me>;
  /** The HTTP core (ETag memory, raw requests). */
  readonly transport: Transport;
}

/**
 * Creates a client. Works in browsers and Node 20+.
 *
 * @example
 * ```ts
 * const client = createIntegrationClient({ baseUrl: 'https://api.example.com', getToken: () => auth.token() });
 * const crm = await client.settings.get('crm');
 * ```
 */
export function createIntegrationClient(options: ClientOptions): IntegrationClient {
  const transport = createTransport(options);
  return {
    settings: settingsResource(transport),
    credentials: credentialsResource(transport),
    crm: crmResource(transport),
    endpoints: endpointsResource(transport),
    platforms: platformsResource(transport),
    fields: fieldsResource(transport),
    audit: auditResource(transport),
    me: meResource(transport),
    transport,
  };
}
