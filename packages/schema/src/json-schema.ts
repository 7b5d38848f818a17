// A separate entry (`@memberpulse/integration-schema/json-schema`): zod's JSON Schema generator is large and
// only servers and tooling need it, so browser bundles of the main entry never carry it.
import * as z from 'zod/mini';

/**
 * JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of one of this package's zod schemas, without `$schema`.
 * `io: 'input'` describes what a request may send (strict objects), `'output'` what a response carries.
 */
export function toJsonSchema(schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}
