import { ENDPOINT_NAME_MAX, categorySlugs, integrationCategories } from '@memberpulse/integration-schema';
import {
  AuditEventSchema,
  CredentialValueInputSchema,
  CrmFieldDescriptorSchema,
  CrmObjectSummarySchema,
  FieldErrorSchema,
  IntegrationEndpointCreateSchema,
  IntegrationEndpointSchema,
  IntegrationEndpointUpdateSchema,
  IntegrationSettingsInputSchema,
  IntegrationSettingsSchema,
  ProblemSchema,
  TestConnectionInputSchema,
  endpointSorts,
  pageSchema,
} from '@memberpulse/integration-schema/validation';
import { toJsonSchema } from '@memberpulse/integration-schema/json-schema';

type Json = Record<string, unknown>;
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/**
 * The OpenAPI 3.1 document served at `/v1/openapi.json`. Component schemas come from the schema package's
 * zod schemas (`toJsonSchema`: inputs strict, outputs open), so the document cannot drift from validation.
 */
export function buildOpenApi(): Json {
  const schemas: Record<string, Json> = {
    IntegrationSettings: toJsonSchema(IntegrationSettingsSchema, 'output'),
    IntegrationSettingsInput: toJsonSchema(IntegrationSettingsInputSchema, 'input'),
    CredentialValueInput: toJsonSchema(CredentialValueInputSchema, 'input'),
    TestConnectionInput: toJsonSchema(TestConnectionInputSchema, 'input'),
    IntegrationEndpoint: toJsonSchema(IntegrationEndpointSchema, 'output'),
    IntegrationEndpointCreate: toJsonSchema(IntegrationEndpointCreateSchema, 'input'),
    IntegrationEndpointUpdate: toJsonSchema(IntegrationEndpointUpdateSchema, 'input'),
    IntegrationEndpointPage: toJsonSchema(pageSchema(IntegrationEndpointSchema), 'output'),
    AuditEvent: toJsonSchema(AuditEventSchema, 'output'),
    AuditEventPage: toJsonSchema(pageSchema(AuditEventSchema), 'output'),
    CrmObjectSummary: toJsonSchema(CrmObjectSummarySchema, 'output'),
    CrmFieldDescriptor: toJsonSchema(CrmFieldDescriptorSchema, 'output'),
    FieldError: toJsonSchema(FieldErrorSchema, 'output'),
    Problem: toJsonSchema(ProblemSchema, 'output'),
    ValidationResult: {
      type: 'object',
      properties: { errors: { type: 'array', items: ref('FieldError') }, warnings: { type: 'array', items: ref('FieldError') } },
      required: ['errors', 'warnings'],
    },
    Me: {
      type: 'object',
      properties: {
        tenantId: { type: 'string' },
        subject: { type: 'string' },
        role: { type: 'string', enum: ['admin', 'editor', 'viewer', 'auditor'] },
        permissions: { type: 'array', items: { type: 'string' } },
      },
      required: ['tenantId', 'subject', 'role', 'permissions'],
    },
    PlatformDefinition: {
      type: 'object',
      description: 'A catalog platform and its settings form (`PlatformDefinition` in @memberpulse/integration-schema; docs/schema/PlatformDefinition.json).',
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        category: { type: 'string', enum: [...integrationCategories] },
        description: { type: 'string' },
        discovery: { type: 'boolean' },
        testable: { type: 'boolean' },
        settings: { type: 'array', items: { type: 'object' } },
      },
      required: ['id', 'name', 'category', 'description', 'discovery', 'testable', 'settings'],
    },
    MemberPulseField: {
      type: 'object',
      description: '`MemberPulseField` in @memberpulse/integration-schema.',
      properties: { key: { type: 'string' }, label: { type: 'string' }, type: { type: 'string' }, required: { type: 'boolean' } },
      required: ['key', 'label', 'type', 'required'],
    },
    ApiUsage: {
      type: 'object',
      properties: { used: { type: 'number' }, limit: { type: 'number' }, allotment: { type: ['number', 'null'] } },
      required: ['used', 'limit', 'allotment'],
    },
  };

  const header = (description: string) => ({ description, schema: { type: 'string' } });
  // Every answer carries its request id (the one sent, else a new one), which logs and problem documents name.
  const requestId = { 'X-Request-Id': header('This request’s id: the one the client sent, else a new one.') };
  const retryAfter = { 'Retry-After': header('Seconds to wait before trying again.') };
  const replayed = { 'Idempotent-Replayed': header('`true` when this is the stored answer to an earlier request with the same Idempotency-Key.') };
  const problem = (description: string, headers?: Json) => ({ description, headers: { ...requestId, ...headers }, content: { 'application/problem+json': { schema: ref('Problem') } } });
  const json = (schema: Json, description = 'OK', headers?: Json) => ({ description, headers: { ...requestId, ...headers }, content: { 'application/json': { schema } } });
  const etagHeader = { ETag: header('Version of the record, for If-Match: "<version>", or for a settings record reporting schema drift "<version>.<drift hash>" (If-Match compares the version).') };
  const written = { ...etagHeader, ...replayed };
  const errors = (...codes: number[]) => withErrors({}, ...codes);
  /** The error answers for `codes` (401, 403, 429 and 503 always), with `texts` in place of the usual descriptions. */
  const withErrors = (texts: Record<number, string>, ...codes: number[]) => {
    const text: Record<number, string> = {
      400: 'Body not JSON, too deep, not an object, or a bad query parameter; on a write, also a malformed Idempotency-Key',
      401: 'Missing or invalid token',
      403: 'The role may not do this',
      404: 'No such record',
      409: 'Idempotency-Key reused with a different request',
      412: 'If-Match does not match the current ETag, or If-None-Match: * met an existing record; nothing changed',
      413: 'Body larger than 256 KiB',
      415: 'Body is not application/json',
      422: 'Field-level validation errors',
      429: 'Rate limited (Retry-After)',
      501: 'No platform connectors configured on this server',
      502: 'The platform could not be reached or failed',
      503: 'The keys that verify tokens are out of reach for now (Retry-After)',
    };
    return Object.fromEntries([401, 403, 429, 503, ...codes].map((c) => [String(c), problem(texts[c] ?? text[c]!, c === 429 || c === 503 ? retryAfter : undefined)]));
  };
  const param = (name: string, where: 'path' | 'query' | 'header', schema: Json, required = where === 'path', description?: string) => ({
    name,
    in: where,
    required,
    schema,
    ...(description ? { description } : {}),
  });
  const category = param('category', 'path', { type: 'string', enum: integrationCategories.map((c) => categorySlugs[c]) });
  const ifMatch = param('If-Match', 'header', { type: 'string' }, false, 'ETag from a read; a stale one answers 412.');
  const ifNoneMatch = param('If-None-Match', 'header', { type: 'string', enum: ['*'] }, false, 'Only if the record does not exist yet (the client read it as missing): 412 if it does.');
  const ifNoneMatchEndpoint = param('If-None-Match', 'header', { type: 'string', enum: ['*'] }, false, 'Only if the endpoint does not exist: 412, as it does (a missing one is 404).');
  const ifNoneMatchRead = param('If-None-Match', 'header', { type: 'string' }, false, 'ETags the client holds (compared weakly), or *: 304 without a body when one names the current representation.');
  const idem = param('Idempotency-Key', 'header', { type: 'string', pattern: '^[!-~]{1,255}$' }, false, 'Retries with the same key replay the first response. 1–255 visible ASCII characters; any other is a 400.');
  const body = (name: string, required = true) => ({ required, content: { 'application/json': { schema: ref(name) } } });
  const writeErrors = errors(400, 404, 409, 412, 413, 415, 422);
  // Archive, restore and the DELETEs take no body: one sent is refused, not ignored.
  const noBody = { 400: 'A body was sent: this request takes none (pointer ""); or a malformed Idempotency-Key' };

  const settingsOne = json(ref('IntegrationSettings'), 'The settings record', etagHeader);
  const settingsWritten = json(ref('IntegrationSettings'), 'The settings record', written);
  const settingsWrite = [ifMatch, ifNoneMatch, idem];
  const paths: Json = {
    '/v1/me': { get: { operationId: 'getMe', summary: 'The caller: tenant, subject, role, permissions', responses: { '200': json(ref('Me')), ...errors() } } },
    '/v1/platforms': { get: { operationId: 'listPlatforms', responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('PlatformDefinition') } }, required: ['items'] }), ...errors() } } },
    '/v1/fields': {
      get: {
        operationId: 'listMemberPulseFields',
        responses: {
          '200': json({ type: 'object', properties: { member: { type: 'array', items: ref('MemberPulseField') }, order: { type: 'array', items: ref('MemberPulseField') } }, required: ['member', 'order'] }),
          ...errors(),
        },
      },
    },
    '/v1/settings': {
      get: { operationId: 'listSettings', responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('IntegrationSettings') } }, required: ['items'] }), ...errors() } },
    },
    '/v1/settings/{category}': {
      parameters: [category],
      get: { operationId: 'getSettings', parameters: [ifNoneMatchRead], responses: { '200': settingsOne, '304': { description: 'Not modified (If-None-Match)', headers: { ...requestId, ...etagHeader } }, ...errors(404) } },
      put: {
        operationId: 'putSettings',
        summary: 'Create or replace; credentials: string sets, null clears, absent keeps',
        parameters: settingsWrite,
        requestBody: body('IntegrationSettingsInput'),
        responses: { '200': settingsWritten, '201': { ...settingsWritten, description: 'Created' }, ...writeErrors },
      },
      patch: {
        operationId: 'patchSettings',
        summary: 'Merge: config key by key (null removes), crm property by property',
        parameters: settingsWrite,
        requestBody: body('IntegrationSettingsInput'),
        responses: { '200': settingsWritten, ...writeErrors },
      },
    },
    '/v1/settings/{category}/validate': {
      parameters: [category],
      post: {
        operationId: 'validateSettings',
        summary: 'Runs the draft or enable rules without saving',
        description:
          'Every error about what the document says is a field error of the 200 answer, those a write answers with 422 included: unknown fields (`__proto__` too), values, text that cannot be stored (a NUL character, a lone surrogate). ' +
          'Only a body that cannot be read as a JSON object (400, 413, 415) or a bad `mode` (400) is a problem.',
        parameters: [param('mode', 'query', { type: 'string', enum: ['draft', 'enable'], default: 'draft' })],
        requestBody: body('IntegrationSettingsInput'),
        responses: { '200': json(ref('ValidationResult'), 'The errors and warnings the rules find (empty lists: the document passes)'), ...errors(400, 404, 413, 415) },
      },
    },
    '/v1/settings/{category}/archive': {
      parameters: [category],
      post: {
        operationId: 'archiveSettings',
        summary: 'Archive: the integration is off, writes and platform calls answer 422 until restored; an archived record is answered unchanged',
        parameters: settingsWrite,
        responses: { '200': settingsWritten, ...withErrors(noBody, 400, 404, 409, 412, 413) },
      },
    },
    '/v1/settings/{category}/restore': {
      parameters: [category],
      post: {
        operationId: 'restoreSettings',
        summary: 'Restore an archived record as a draft; a record that is not archived is answered as it stands, unchanged',
        parameters: settingsWrite,
        responses: { '200': { ...settingsWritten, description: 'The record: status draft when it was archived, else unchanged (same version and status)' }, ...withErrors(noBody, 400, 404, 409, 412, 413) },
      },
    },
    '/v1/settings/{category}/credentials/{key}': {
      parameters: [category, param('key', 'path', { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' })],
      put: { operationId: 'putCredential', parameters: settingsWrite, requestBody: body('CredentialValueInput'), responses: { '200': settingsWritten, ...writeErrors } },
      delete: { operationId: 'deleteCredential', parameters: settingsWrite, responses: { '200': settingsWritten, ...withErrors(noBody, 400, 404, 409, 412, 413, 422) } },
    },
    '/v1/settings/{category}/test-connection': {
      parameters: [category],
      post: {
        operationId: 'testConnection',
        description: 'Unsaved values in the body over the stored ones. 422 on /status while the record is archived: nothing is decrypted or sent.',
        requestBody: body('TestConnectionInput', false),
        responses: {
          '200': json({ type: 'object', properties: { ok: { const: true }, message: { type: 'string' } }, required: ['ok', 'message'] }),
          ...errors(400, 404, 413, 415, 422, 501, 502),
        },
      },
    },
    '/v1/settings/crm/objects': {
      get: {
        operationId: 'listCrmObjects',
        parameters: [param('refresh', 'query', { type: 'boolean' })],
        responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('CrmObjectSummary') } }, required: ['items'] }), ...errors(404, 422, 501, 502) },
      },
    },
    '/v1/settings/crm/objects/{name}/fields': {
      get: {
        operationId: 'listCrmFields',
        parameters: [param('name', 'path', { type: 'string' }), param('refresh', 'query', { type: 'boolean' })],
        responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('CrmFieldDescriptor') } }, required: ['items'] }), ...errors(404, 422, 501, 502) },
      },
    },
    '/v1/settings/crm/api-usage': {
      get: {
        operationId: 'getCrmApiUsage',
        parameters: [param('refresh', 'query', { type: 'boolean' })],
        responses: { '200': json(ref('ApiUsage')), ...errors(404, 422, 501, 502) },
      },
    },
    '/v1/endpoints': {
      get: {
        operationId: 'listEndpoints',
        parameters: [
          param('limit', 'query', { type: 'integer', minimum: 1, maximum: 100, default: 25 }),
          param('cursor', 'query', { type: 'string' }),
          param('sort', 'query', { type: 'string', enum: [...endpointSorts], default: endpointSorts[0] }),
          param('q', 'query', { type: 'string', maxLength: ENDPOINT_NAME_MAX }, false, 'Only endpoints whose name contains this, compared without case or repeated space; `total` counts them.'),
        ],
        responses: { '200': json(ref('IntegrationEndpointPage')), ...errors(400) },
      },
      post: {
        operationId: 'createEndpoint',
        parameters: [idem],
        requestBody: body('IntegrationEndpointCreate'),
        responses: { '201': json(ref('IntegrationEndpoint'), 'Created', written), ...errors(400, 409, 413, 415, 422) },
      },
    },
    '/v1/endpoints/{id}': {
      parameters: [param('id', 'path', { type: 'string', format: 'uuid' })],
      get: { operationId: 'getEndpoint', responses: { '200': json(ref('IntegrationEndpoint'), 'OK', etagHeader), ...errors(404) } },
      patch: { operationId: 'updateEndpoint', parameters: [ifMatch, ifNoneMatchEndpoint, idem], requestBody: body('IntegrationEndpointUpdate'), responses: { '200': json(ref('IntegrationEndpoint'), 'OK', written), ...writeErrors } },
      delete: { operationId: 'deleteEndpoint', parameters: [ifMatch, ifNoneMatchEndpoint, idem], responses: { '204': { description: 'Deleted', headers: { ...requestId, ...replayed } }, ...withErrors(noBody, 400, 404, 409, 412, 413) } },
    },
    '/v1/audit-events': {
      get: {
        operationId: 'listAuditEvents',
        parameters: [
          param('action', 'query', { type: 'string' }),
          param('from', 'query', { type: 'string', format: 'date-time' }),
          param('to', 'query', { type: 'string', format: 'date-time' }),
          param('limit', 'query', { type: 'integer', minimum: 1, maximum: 100, default: 25 }),
          param('cursor', 'query', { type: 'string' }),
        ],
        responses: { '200': json(ref('AuditEventPage')), ...errors(400) },
      },
    },
    '/v1/openapi.json': { get: { operationId: 'getOpenApi', security: [], responses: { '200': json({ type: 'object' }, 'This document') } } },
    '/healthz': { get: { operationId: 'health', security: [], responses: { '200': json({ type: 'object' }, 'Process up') } } },
    '/readyz': { get: { operationId: 'ready', security: [], responses: { '200': json({ type: 'object' }, 'Database answers'), '503': json({ type: 'object' }, 'Draining or database down') } } },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'MemberPulse integration settings API',
      version: '1.0.0',
      description:
        'Integration settings, write-only credentials, endpoints, catalog and audit trail. See docs/api.md. ' +
        'A method a path does not declare answers 405 (#/components/responses/MethodNotAllowed), which OpenAPI cannot list under the methods a path lacks.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas,
      responses: {
        MethodNotAllowed: problem('The path exists but not with this method; OPTIONS answers 204 with the same Allow.', { Allow: header('The methods this path takes.') }),
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Claims: sub, tenant, role (admin, editor, viewer, auditor).' } },
    },
  };
}
