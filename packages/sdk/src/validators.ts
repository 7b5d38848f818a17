// Response checks, loaded on demand (a dynamic import from transport.ts) so that a host with
// `validateResponses: false` never downloads zod. The schema package's zod/mini schemas do
// the work; the few responses it has no schema for yet get small structural checks here.
import { pointer, type FieldError } from '@memberpulse/integration-schema';
import {
  AuditEventSchema,
  CrmFieldDescriptorSchema,
  CrmObjectSummarySchema,
  FieldErrorSchema,
  IntegrationEndpointSchema,
  IntegrationSettingsSchema,
  RoleSchema,
  pageSchema,
} from '@memberpulse/integration-schema/validation';

/** Checks a value found at JSON Pointer `at`; answers what is wrong (empty when fine). */
type Check = (value: unknown, at: string) => FieldError[];

/** The part of a zod issue a response check reports. */
interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
}

interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

const bad = (at: string, message: string): FieldError[] => [{ pointer: at, code: 'invalid_type', message }];
const typed =
  (type: string, message: string): Check =>
  (v, at) =>
    typeof v === type ? [] : bad(at, message);
const str = typed('string', 'Must be text.');
const num = typed('number', 'Must be a number.');
const bool = typed('boolean', 'Must be true or false.');
const opt =
  (check: Check): Check =>
  (v, at) =>
    v === undefined ? [] : check(v, at);
const nullable =
  (check: Check): Check =>
  (v, at) =>
    v === null ? [] : check(v, at);
const list =
  (check: Check): Check =>
  (v, at) =>
    Array.isArray(v) ? v.flatMap((item, i) => check(item, `${at}/${i}`)) : bad(at, 'Must be a list.');
const obj =
  (shape: Record<string, Check>): Check =>
  (v, at) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.keys(shape).flatMap((k) => shape[k]!((v as Record<string, unknown>)[k], `${at}/${k}`))
      : bad(at, 'Must be an object.');
const zod =
  (schema: SafeParser): Check =>
  (v, at) => {
    const r = schema.safeParse(v);
    // A newer server may add properties anywhere, even where the shared schema is strict for input.
    // Terse on purpose: these messages are for the host's developers, and the schema package's
    // friendly issue mapper (written for form input) would double the lazily loaded chunk's code.
    return r.success
      ? []
      : r.error.issues
          .filter((i) => i.code !== 'unrecognized_keys')
          .map((i) => ({
            pointer: at + pointer(...i.path.map((p) => (typeof p === 'symbol' ? String(p.description) : p))),
            code: i.code === 'invalid_type' ? 'invalid_type' : 'invalid',
            message: i.expected ? `Must be ${i.expected}.` : `Is not valid (${i.code}).`,
          }));
  };
const items = (check: Check): Check => obj({ items: list(check) });

const settings = zod(IntegrationSettingsSchema as SafeParser);
const fieldError = zod(FieldErrorSchema as SafeParser);
const mpField = obj({ key: str, label: str, type: str, required: bool });

/** Every response shape the resources ask for, by name. */
export const checks = {
  settings,
  settingsList: items(settings),
  validation: obj({ errors: list(fieldError), warnings: list(fieldError) }),
  crmObjects: items(zod(CrmObjectSummarySchema as SafeParser)),
  crmFields: items(zod(CrmFieldDescriptorSchema as SafeParser)),
  testConnection: obj({ ok: bool, message: str }),
  apiUsage: obj({ used: num, limit: num, allotment: nullable(num) }),
  endpoint: zod(IntegrationEndpointSchema as SafeParser),
  endpointPage: zod(pageSchema(IntegrationEndpointSchema) as SafeParser),
  auditPage: zod(pageSchema(AuditEventSchema) as SafeParser),
  platforms: items(
    obj({
      id: str,
      name: str,
      category: str,
      description: opt(str),
      discovery: bool,
      testable: bool,
      settings: list(obj({ key: str, label: str, type: str, required: bool })),
    }),
  ),
  fields: obj({ member: list(mpField), order: list(mpField) }),
  me: obj({ tenantId: str, subject: str, role: zod(RoleSchema as SafeParser), permissions: list(str) }),
} satisfies Record<string, Check>;

/** Name of a response shape. */
export type CheckName = keyof typeof checks;
