// Writes docs/schema/<Type>.json from the schema package's TypeScript interfaces (the public contract)
// with typescript-json-schema. `renderJsonSchemas()` is also used by the contract test. Run from the
// sources (`node --import tsx --conditions=source scripts/json-schema.mjs`, as scripts/build.mjs does).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as TJS from 'typescript-json-schema';
import { toJsonSchema } from '@memberpulse/integration-schema/json-schema';
import { IntegrationSettingsInputSchema, IntegrationSettingsSchema } from '@memberpulse/integration-schema/validation';

const root = new URL('..', import.meta.url).pathname;

/** The interfaces published for hosts in other languages. */
export const publishedTypes = [
  'IntegrationSettingsInput',
  'IntegrationSettings',
  'IntegrationEndpointCreate',
  'IntegrationEndpointUpdate',
  'IntegrationEndpoint',
  'FieldMapping',
  'CrmMapping',
  'CrmObjectSummary',
  'CrmFieldDescriptor',
  'Problem',
  'AuditEvent',
  'PlatformDefinition',
  'MemberPulseField',
];

// What TypeScript cannot say about the config and credentials maps: keys are identifiers, and the values
// have length limits. Taken from the zod schemas that enforce them; maps whose values may be null are the input's.
const inputMaps = toJsonSchema(IntegrationSettingsInputSchema, 'input').properties;
const responseMaps = toJsonSchema(IntegrationSettingsSchema).properties;

function addMapConstraints(schema) {
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    const { config, credentials } = node.properties ?? {};
    const nullable = (p) => JSON.stringify(p.additionalProperties).includes('"null"');
    if (config?.additionalProperties) {
      const { propertyNames, additionalProperties } = (nullable(config) ? inputMaps : responseMaps).config;
      Object.assign(config, { propertyNames, additionalProperties });
    }
    if (credentials?.additionalProperties) {
      credentials.propertyNames = inputMaps.credentials.propertyNames;
      if (nullable(credentials)) credentials.additionalProperties = inputMaps.credentials.additionalProperties;
    }
    for (const v of Object.values(node)) visit(v);
  };
  visit(schema);
  return schema;
}

export function renderJsonSchemas() {
  const program = TJS.getProgramFromFiles([join(root, 'packages/schema/src/index.ts')], {
    strictNullChecks: true,
    skipLibCheck: true,
    moduleResolution: 'bundler',
    module: 'esnext',
    target: 'es2022',
  });
  const settings = { required: true, noExtraProps: true, strictNullChecks: true, ref: true, aliasRef: false, titles: false };
  const generator = TJS.buildGenerator(program, settings);
  if (!generator) throw new Error('typescript-json-schema could not read packages/schema/src');
  return Object.fromEntries(
    publishedTypes.map((name) => {
      const schema = addMapConstraints(generator.getSchemaForSymbol(name));
      schema.$id = `https://memberpulse.dev/schema/${name}.json`;
      return [name, schema];
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = join(root, 'docs/schema');
  mkdirSync(out, { recursive: true });
  for (const [name, schema] of Object.entries(renderJsonSchemas())) {
    writeFileSync(join(out, `${name}.json`), JSON.stringify(schema, null, 2) + '\n');
  }
  console.log(`json-schema: wrote ${publishedTypes.length} schemas to docs/schema/`);
}
