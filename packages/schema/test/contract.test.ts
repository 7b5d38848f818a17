// One fixture set through both contracts: the zod/mini schemas (run time) and the JSON Schemas generated
// from the TypeScript interfaces (docs/schema, for other languages). They must agree on every fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { renderJsonSchemas } from '../../../scripts/json-schema.mjs';
import {
  AuditEventSchema,
  CrmFieldDescriptorSchema,
  FieldMappingSchema,
  IntegrationEndpointCreateSchema,
  IntegrationEndpointSchema,
  IntegrationEndpointUpdateSchema,
  IntegrationSettingsInputSchema,
  IntegrationSettingsSchema,
  ProblemSchema,
  parseWithPointers,
} from '../src/validation.js';

const schemas: Record<string, object> = renderJsonSchemas();
const ajv = new Ajv({ allErrors: true, strict: false });

const now = '2026-11-22T10:00:00.000Z';
const settings = {
  id: 'set_1', category: 'crm', platform: 'salesforce', status: 'draft',
  config: { environment: 'production', autoSync: true, periodicRefreshMinutes: 60, allowedGroupValues: ['Gold'] },
  credentials: { consumerSecret: { configured: true, hint: '1234', updatedAt: now } },
  crm: {
    memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always', targetType: 'email' }],
    eventTagField: null, courseTagField: null, orderObject: null, orderMappings: [], tagDestination: 'multiPicklist',
    tagObject: null, supportTicketNotes: false,
  },
  version: 3, createdAt: now, updatedAt: now, updatedBy: 'user-1', drift: [],
};

const cases: Array<[type: string, zod: { safeParse(v: unknown): { success: boolean } }, valid: unknown[], invalid: unknown[]]> = [
  [
    'IntegrationSettingsInput',
    IntegrationSettingsInputSchema,
    [
      {},
      { platform: 'salesforce', status: 'enabled', config: { environment: 'sandbox', autoSync: false, allowedGroupValues: [] }, credentials: { consumerSecret: 'abc', password: null } },
      { platform: null, crm: { memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'neverBlank' }], tagDestination: 'campaignMembership' } },
      { config: { consumerKey: null } },
    ],
    [
      { platform: 5 },
      { status: 'archived' },
      { extra: true },
      { config: { __proto__x: 'a' } },
      { config: { ['constructor']: 'a', _x: 1 } },
      { config: { k: { nested: true } } },
      { config: { k: 'x'.repeat(2001) } },
      { config: { k: Array(1001).fill('a') } },
      { config: { k: ['x'.repeat(2001)] } },
      { credentials: { consumerSecret: 5 } },
      { credentials: { s: 'x'.repeat(4097) } },
      { crm: { memberMappings: [{ source: 'email', target: 'Email' }] } },
      { crm: { memberMappings: [{ source: 'email', target: 'Email', policy: 'sometimes' }] } },
      { crm: { memberMappings: [{ source: '', target: 'Email', policy: 'always' }] } },
      { crm: { tagDestination: 'email' } },
      { crm: { memberObject: 'x'.repeat(256) } },
      { crm: { unknown: 1 } },
      [],
      'text',
      null,
    ],
  ],
  ['IntegrationSettings', IntegrationSettingsSchema, [settings, { ...settings, crm: null, futureField: 1 }], [{ ...settings, status: 'deleted' }, { ...settings, version: '3' }, { ...settings, credentials: { s: { configured: true } } }]],
  [
    'IntegrationEndpointCreate',
    IntegrationEndpointCreateSchema,
    [{ name: 'Orders', description: 'Order feed' }, { name: 'x'.repeat(80), description: 'd' }, { name: ' Café 😀 Family 👨‍👩‍👧 ❤️ ', description: 'd' }, { name: 'می‌خواهم', description: 'd' }],
    [
      { name: '', description: 'd' },
      { name: '   ', description: 'd' },
      { name: 'x'.repeat(81), description: 'd' },
      { name: 'a' },
      { name: 'a', description: 'd', id: 'x' },
      ...['line\nbreak', 'line\u2028separator', 'paragraph\u2029separator', 'tab\there', 'bell\u0007', '\u202Etxt.exe', '\u200B', 'a\u2066b', 'Or\u00ADders', 'abc\u061Cdef', '\u3164', '\u0301', 'a\u2062b'].map((name) => ({ name, description: 'd' })),
    ],
  ],
  ['IntegrationEndpointUpdate', IntegrationEndpointUpdateSchema, [{ description: 'New text' }], [{ description: '' }, { description: 'd', name: 'renamed' }, {}]],
  ['IntegrationEndpoint', IntegrationEndpointSchema, [{ id: 'e1', name: 'A', description: 'B', version: 1, createdAt: now, updatedAt: now }], [{ id: 'e1', name: 'A' }, { id: 'e1', name: 'A', description: 'B', createdAt: now, updatedAt: now }]],
  ['FieldMapping', FieldMappingSchema, [{ source: 'email', target: 'Account.Name', policy: 'ifTargetEmpty' }], [{ source: 'email', target: 'X', policy: 'always', targetType: 'blob' }, { source: 'email', target: 'X', policy: 'always', extra: 1 }]],
  [
    'AuditEvent',
    AuditEventSchema,
    [
      { id: 'a', tenantId: 't', actor: 'u', action: 'credential.decrypt', target: 'settings/crm', targetName: null, purpose: 'discovery', at: now, requestId: null },
      { id: 'b', tenantId: 't', actor: 'u', action: 'endpoint.delete', target: 'endpoint/e1', targetName: 'Member sync', purpose: null, at: now, requestId: 'r' },
    ],
    [
      { id: 'a', tenantId: 't', actor: 'u', action: 'x', target: 't', at: now, requestId: null },
      { id: 'b', tenantId: 't', actor: 'u', action: 'endpoint.delete', target: 'endpoint/e1', purpose: null, at: now, requestId: 'r' },
    ],
  ],
  [
    'Problem',
    ProblemSchema,
    [{ type: 'about:blank', title: 'Bad', status: 422, errors: [{ pointer: '/name', code: 'required', message: 'Required.' }] }],
    [{ title: 'Bad', status: 422 }, { type: 't', title: 'Bad', status: '422' }],
  ],
  [
    'CrmFieldDescriptor',
    CrmFieldDescriptorSchema,
    [{ name: 'Email', label: 'Email', type: 'email', length: 80, nillable: true, required: false, createable: true, updateable: true, externalId: false, unique: false, custom: false }],
    [{ name: 'Email', label: 'Email', type: 'blob', nillable: true, required: false, createable: true, updateable: true, externalId: false, unique: false, custom: false }],
  ],
];

for (const [type, zod, valid, invalid] of cases) {
  test(`${type}: zod and JSON Schema agree on every fixture`, () => {
    const validate = ajv.compile(schemas[type]!);
    for (const doc of valid) {
      assert.equal(zod.safeParse(doc).success, true, `zod rejects valid ${JSON.stringify(doc).slice(0, 120)}`);
      assert.equal(validate(doc), true, `JSON Schema rejects valid ${JSON.stringify(doc).slice(0, 120)}: ${ajv.errorsText(validate.errors)}`);
    }
    for (const doc of invalid) {
      assert.equal(zod.safeParse(doc).success, false, `zod accepts invalid ${JSON.stringify(doc).slice(0, 120)}`);
      assert.equal(validate(doc), false, `JSON Schema accepts invalid ${JSON.stringify(doc).slice(0, 120)}`);
    }
  });
}

test('docs/schema holds what the interfaces generate (run `npm run build` after changing a type)', () => {
  for (const [type, schema] of Object.entries(schemas)) {
    const committed = JSON.parse(readFileSync(new URL(`../../../docs/schema/${type}.json`, import.meta.url), 'utf8'));
    assert.deepEqual(committed, schema, `docs/schema/${type}.json is stale`);
  }
});

test('an endpoint description is parsed as it is stored, trimmed, and its limit holds for it so', () => {
  const long = 'd'.repeat(1000);
  for (const schema of [IntegrationEndpointCreateSchema, IntegrationEndpointUpdateSchema]) {
    const name = schema === IntegrationEndpointCreateSchema ? { name: 'Orders' } : {};
    const padded = parseWithPointers(schema, { ...name, description: ` ${long}\n` });
    assert.deepEqual(padded.ok && padded.value.description, long);
    const over = parseWithPointers(schema, { ...name, description: ` ${long}d ` });
    assert.deepEqual(!over.ok && over.errors.map((e) => `${e.pointer} ${e.code}`), ['/description too_long']);
  }
});

test('parse errors carry JSON Pointers and plain messages', () => {
  const r = parseWithPointers(IntegrationSettingsInputSchema, {
    platform: 7,
    surprise: true,
    crm: { memberMappings: [{ source: 'email', target: '', policy: 'always' }, { source: 'a/b', target: 'X' }] },
  });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.errors.map((e) => `${e.pointer} ${e.code} ${e.message}`).sort(),
    [
      '/crm/memberMappings/0/target required “target” is required.',
      '/crm/memberMappings/1/policy required “policy” is required.',
      '/platform invalid_type “platform” must be text.',
      '/surprise unknown_field Unknown field “surprise”.',
    ].sort(),
  );
  const blank = parseWithPointers(IntegrationEndpointCreateSchema, { name: '  ', description: 'x'.repeat(1001) });
  assert.ok(!blank.ok);
  if (!blank.ok) {
    assert.deepEqual(
      blank.errors.map((e) => `${e.pointer} ${e.code} ${e.message}`),
      ['/name required “name” is required.', '/description too_long “description” must be at most 1000 characters.'],
    );
  }
  const hidden = parseWithPointers(IntegrationEndpointCreateSchema, { name: '\u202Etxt.exe', description: 'd' });
  assert.ok(!hidden.ok);
  if (!hidden.ok) {
    assert.deepEqual(
      hidden.errors.map((e) => `${e.pointer} ${e.code} ${e.message}`),
      ['/name invalid_format “name” must be one line of visible text: no line breaks, tabs, or invisible direction or spacing characters.'],
    );
  }
  const list = parseWithPointers(IntegrationSettingsInputSchema, { crm: { memberMappings: ['Email'] } });
  assert.ok(!list.ok);
  if (!list.ok) assert.deepEqual(list.errors.map((e) => `${e.pointer} ${e.message}`), ['/crm/memberMappings/0 Item 1 of “memberMappings” must be an object.']);
});
