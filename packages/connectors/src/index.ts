/**
 * CRM, accounting and payment connectors: Salesforce through jsforce (discovery and the writes the settings
 * configure), HubSpot discovery, Xero and Stripe connection tests. Server-side only (Node).
 */
export type { ApiUsage, ConnectionInput, ConnectionTestResult, PlatformConnector, SalesforceDefaults } from './types.js';
export { ConnectorError, type ConnectorErrorKind } from './errors.js';
export { createConnectorGateway, type ConnectorGateway, type ConnectorGatewayOptions } from './gateway.js';
export { HubSpotConnector, HUBSPOT_API_URL } from './hubspot.js';
export { XeroConnector, XERO_URLS } from './xero.js';
export { StripeConnector, STRIPE_API_URL } from './stripe.js';
export { discoveryUnsupported } from './test-only.js';
export { SalesforceConnector } from './salesforce/connector.js';
export { SalesforceClient, type SfRecord, type SfDescribe, type SfField, type SfObjectSummary } from './salesforce/client.js';
export { DEFAULT_SALESFORCE_API_VERSION, type SalesforceSessionOptions } from './salesforce/session.js';
export { PRODUCTION_LOGIN_URL, SANDBOX_LOGIN_URL, resolveLoginUrl } from './salesforce/login-url.js';
export { toConnectorError } from './salesforce/errors.js';
export { escapeSoqlString, soqlString, soqlDateTime, soqlName } from './salesforce/soql.js';
export { toFieldDescriptor, toFieldDescriptors, toObjectSummary } from './salesforce/describe-map.js';
export { upsertMember, type MemberMatch, type MemberUpsertInput, type MemberUpsertResult, type SkippedValue } from './salesforce/members.js';
export { applyTags, tagTargetFromSettings, type ApplyTagsInput, type ApplyTagsResult, type TagTarget } from './salesforce/tags.js';
export { logSupportTicket, type SupportTicketNote } from './salesforce/tickets.js';
export { listChangedSince, refreshMember, type ChangedSinceInput, type ChangedSinceResult } from './salesforce/changes.js';
