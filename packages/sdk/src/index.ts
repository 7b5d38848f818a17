/**
 * Typed client for the MemberPulse integration API: settings, credentials, CRM discovery,
 * endpoints, catalog and audit, with typed errors, safe retries and ETag concurrency.
 *
 * @packageDocumentation
 */
export { createIntegrationClient, type IntegrationClient } from './client.js';
export {
  createTransport,
  randomId,
  type ApiResult,
  type ClientOptions,
  type RequestSpec,
  type RetryPolicy,
  type TokenAnswer,
  type TokenRequest,
  type Transport,
} from './transport.js';
export {
  ConflictError,
  ForbiddenError,
  IntegrationError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  type ConflictErrorInit,
  type IntegrationErrorInit,
  type IntegrationErrorJSON,
  type InvalidResponseErrorInit,
  type MessagesForOptions,
  type RateLimitErrorInit,
  type TimeoutErrorInit,
} from './errors.js';
export type { RecordVersions, TenantVersions } from './record-versions.js';
export { readTokenClaims } from './token-claims.js';
export type { CategoryName } from './category.js';
export { paginate } from './paginate.js';
export { settingsResource, type SettingsResource } from './resources/settings.js';
export { credentialsResource, type CredentialsResource } from './resources/credentials.js';
export { crmResource, type CrmResource, type DiscoveryOptions } from './resources/crm.js';
export { endpointsResource, type EndpointsResource } from './resources/endpoints.js';
export { platformsResource, fieldsResource, type PlatformsResource, type FieldsResource } from './resources/catalog.js';
export { auditResource, type AuditResource } from './resources/audit.js';
export { meResource } from './resources/me.js';
export type {
  ApiUsage,
  AuditListParams,
  CallOptions,
  ConnectionValues,
  EndpointListParams,
  Me,
  MemberPulseFieldCatalog,
  TestConnectionResult,
  UpdateOptions,
  WriteOptions,
} from './types.js';
export type { CheckName } from './validators.js';
