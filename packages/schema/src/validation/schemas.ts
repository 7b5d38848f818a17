import * as z from 'zod/mini';
import { integrationCategories } from '../categories.js';
import { ENDPOINT_DESCRIPTION_MAX, ENDPOINT_NAME_MAX, ONE_LINE_TEXT, VISIBLE_TEXT, normalizeEndpointName } from '../rules/endpoint.js';
import { updatePolicies } from '../settings.js';
import { tagDestinations } from '../tags.js';
import { roles } from '../audit.js';

// Run-time twins of the TypeScript interfaces. Inputs are strict (unknown keys are errors); responses are
// open (`@additionalProperties true` in the interfaces) so an older SDK keeps working against a newer server.
// test/contract.test.ts runs one fixture set through these and through the generated JSON Schemas.

const crmFieldTypes = [
  'id', 'string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'combobox', 'boolean', 'date',
  'datetime', 'time', 'int', 'long', 'double', 'currency', 'percent', 'reference', 'address', 'location', 'base64',
  'encryptedstring', 'anyType',
] as const;

/** Keys of `config` and `credentials`: identifiers only, which also keeps `__proto__` and friends out. */
const settingKey = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/));
const fieldName = z.string().check(z.minLength(1), z.maxLength(255));
const nullableName = z.nullable(fieldName);
/** Text with at least one non-space character; the same pattern as `@pattern \\S` in endpoint.ts. */
export const NOT_BLANK = /\S/;
const isoDate = z.string().check(z.maxLength(40));

export const CrmFieldTypeSchema = z.enum(crmFieldTypes);
export const UpdatePolicySchema = z.enum(updatePolicies as [string, ...string[]]);
export const TagDestinationSchema = z.enum(tagDestinations as [string, ...string[]]);
export const CategorySchema = z.enum(integrationCategories as [string, ...string[]]);

export const FieldMappingSchema = z.strictObject({
  source: z.string().check(z.minLength(1), z.maxLength(80)),
  target: fieldName,
  policy: UpdatePolicySchema,
  targetType: z.optional(CrmFieldTypeSchema),
});

const mappings = z.array(FieldMappingSchema).check(z.maxLength(500));

export const CrmMappingSchema = z.strictObject({
  memberObject: nullableName,
  memberMappings: mappings,
  eventTagField: nullableName,
  courseTagField: nullableName,
  orderObject: nullableName,
  orderMappings: mappings,
  tagDestination: TagDestinationSchema,
  tagObject: nullableName,
  supportTicketNotes: z.boolean(),
});

export const CrmMappingInputSchema = z.strictObject({
  memberObject: z.optional(nullableName),
  memberMappings: z.optional(mappings),
  eventTagField: z.optional(nullableName),
  courseTagField: z.optional(nullableName),
  orderObject: z.optional(nullableName),
  orderMappings: z.optional(mappings),
  tagDestination: z.optional(TagDestinationSchema),
  tagObject: z.optional(nullableName),
  supportTicketNotes: z.optional(z.boolean()),
});

/**
 * A setting's value as a document may carry it. The bounds only keep a body small: each setting's own limits
 * (`maxLength`, `LIST_LIMITS`, min and max) are the rules' (`checkSettingValue`), which run over the whole
 * document, so one save names every bad value at once, each worded with its setting's label.
 */
export const ConfigValueSchema = z.union([
  z.string().check(z.maxLength(2000)),
  z.number(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(1000)),
]);

export const IntegrationSettingsInputSchema = z.strictObject({
  platform: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(64)))),
  status: z.optional(z.enum(['draft', 'enabled'])),
  config: z.optional(z.record(settingKey, z.nullable(ConfigValueSchema))),
  credentials: z.optional(z.record(settingKey, z.nullable(z.string().check(z.maxLength(4096))))),
  crm: z.optional(CrmMappingInputSchema),
});

export const CredentialStateSchema = z.object({
  configured: z.boolean(),
  hint: z.nullable(z.string()),
  updatedAt: z.nullable(isoDate),
  updatedBy: z.optional(z.nullable(z.string())),
});

export const DriftItemSchema = z.object({
  pointer: z.string(),
  field: z.string(),
  kind: z.enum(['missing', 'type_changed']),
  message: z.string(),
});

export const IntegrationSettingsSchema = z.object({
  id: z.string(),
  category: CategorySchema,
  platform: z.nullable(z.string()),
  status: z.enum(['draft', 'enabled', 'archived']),
  config: z.record(settingKey, ConfigValueSchema),
  credentials: z.record(settingKey, CredentialStateSchema),
  crm: z.nullable(CrmMappingSchema),
  version: z.number(),
  createdAt: isoDate,
  updatedAt: isoDate,
  updatedBy: z.string(),
  drift: z.array(DriftItemSchema),
});

// Stored trimmed, so the length limit holds for the trimmed text.
const endpointDescription = z.string().check(z.minLength(1), z.regex(NOT_BLANK), z.trim(), z.maxLength(ENDPOINT_DESCRIPTION_MAX));

export const IntegrationEndpointCreateSchema = z.strictObject({
  // Parsed as it is stored (normalizeEndpointName), so the length limit holds for the stored name: composing can lengthen one.
  name: z.string().check(z.minLength(1), z.regex(VISIBLE_TEXT), z.regex(ONE_LINE_TEXT), z.overwrite(normalizeEndpointName), z.maxLength(ENDPOINT_NAME_MAX)),
  description: endpointDescription,
});

export const IntegrationEndpointUpdateSchema = z.strictObject({ description: endpointDescription });

export const IntegrationEndpointSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const FieldErrorSchema = z.object({ pointer: z.string(), code: z.string(), message: z.string(), source: z.optional(z.string()) });

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldErrorSchema)),
  warnings: z.optional(z.array(FieldErrorSchema)),
  requestId: z.optional(z.string()),
});

export const AuditEventSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  targetName: z.nullable(z.string()),
  purpose: z.nullable(z.string()),
  at: isoDate,
  requestId: z.nullable(z.string()),
});

export const CrmObjectSummarySchema = z.object({
  name: z.string(),
  label: z.string(),
  custom: z.boolean(),
  createable: z.boolean(),
  updateable: z.boolean(),
  queryable: z.boolean(),
});

export const CrmFieldDescriptorSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: CrmFieldTypeSchema,
  length: z.optional(z.number()),
  nillable: z.boolean(),
  required: z.boolean(),
  createable: z.boolean(),
  updateable: z.boolean(),
  externalId: z.boolean(),
  unique: z.boolean(),
  custom: z.boolean(),
  picklistValues: z.optional(z.array(z.object({ value: z.string(), label: z.string(), active: z.boolean() }))),
  restrictedPicklist: z.optional(z.boolean()),
  referenceTo: z.optional(z.array(z.string())),
  relationshipName: z.optional(z.string()),
});

export const RoleSchema = z.enum(roles as [string, ...string[]]);

/** A page of items validated by `item`. */
export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()), total: z.number() });
}
