// An in-memory stand-in for the SDK client, for Storybook only: designers see every state of the
// widgets without a server. It applies the schema's own rules (validateSettings, endpoint names), so
// the errors shown are the real messages. Tests never use it: they run against the real server.
import {
  emptyCrmMapping,
  endpointNameKey,
  fieldError,
  findPlatform,
  validateSettings,
  type CrmFieldDescriptor,
  type CrmObjectSummary,
  type FieldError,
  type IntegrationCategory,
  type IntegrationEndpoint,
  type IntegrationSettings,
  type IntegrationSettingsInput,
} from '@memberpulse/integration-schema';
import { ConflictError, NetworkError, NotFoundError, ValidationError, type IntegrationClient, type Me } from '@memberpulse/integrations-sdk';
import { contactFields } from '../../packages/elements/src/test-fixtures/index.js';

export interface StoryClientOptions {
  role?: Me['role'];
  settings?: IntegrationSettings[];
  endpoints?: number | IntegrationEndpoint[];
  /** Milliseconds every call takes (a huge number shows the loading state). */
  delay?: number;
  /** Every call fails as if the server were unreachable. */
  offline?: boolean;
  /** The next settings save answers a conflict. */
  conflictOnSave?: boolean;
  /** Fields of the member object; the realistic 400-field Contact by default. */
  contact?: readonly CrmFieldDescriptor[];
}

const permissions: Record<Me['role'], string[]> = {
  admin: ['settings:read', 'settings:write', 'credentials:write', 'crm:discover', 'endpoints:read', 'endpoints:write', 'audit:read', 'catalog:read'],
  editor: ['settings:read', 'settings:write', 'crm:discover', 'endpoints:read', 'endpoints:write', 'catalog:read'],
  viewer: ['settings:read', 'endpoints:read', 'catalog:read'],
  auditor: ['settings:read', 'endpoints:read', 'audit:read', 'catalog:read'],
};

export const storyObjects: CrmObjectSummary[] = [
  { name: 'Account', label: 'Account', custom: false, createable: true, updateable: true, queryable: true },
  { name: 'Campaign', label: 'Campaign', custom: false, createable: true, updateable: true, queryable: true },
  { name: 'Contact', label: 'Contact', custom: false, createable: true, updateable: true, queryable: true },
  { name: 'Lead', label: 'Lead', custom: false, createable: true, updateable: true, queryable: true },
  { name: 'Member__c', label: 'Member', custom: true, createable: true, updateable: true, queryable: true },
  { name: 'Member_Tag__c', label: 'Member Tag', custom: true, createable: true, updateable: true, queryable: true },
  { name: 'Order', label: 'Order', custom: false, createable: true, updateable: true, queryable: true },
];

const orderFieldsOfOrder: CrmFieldDescriptor[] = [
  ['OrderNumber', 'string', 'Order Number'],
  ['EffectiveDate', 'date', 'Order Start Date'],
  ['TotalAmount', 'currency', 'Order Amount'],
  ['CurrencyIsoCode', 'picklist', 'Order Currency'],
  ['Status', 'picklist', 'Status'],
  ['Description', 'textarea', 'Description'],
].map(([name, type, label]) => ({ name: name!, type: type as CrmFieldDescriptor['type'], label: label!, nillable: true, required: false, createable: true, updateable: true, externalId: false, unique: false, custom: false }));

const invalid = (errors: FieldError[]) =>
  new ValidationError('Validation failed', { status: 422, problem: { type: 'https://memberpulse.dev/problems/validation', title: 'Validation failed', status: 422, errors } });

/** Builds the stand-in client. */
export function storyClient(options: StoryClientOptions = {}): IntegrationClient {
  const role = options.role ?? 'admin';
  const settings = new Map<IntegrationCategory, IntegrationSettings>((options.settings ?? []).map((s) => [s.category, structuredClone(s)]));
  let endpoints: IntegrationEndpoint[] =
    typeof options.endpoints === 'number'
      ? Array.from({ length: options.endpoints }, (_, i) => ({
          id: `ep_${i + 1}`,
          name: ['Member sync', 'Event registrations', 'Course completions', 'Orders', 'Invoices', 'Support tickets', 'Prospects', 'Lead sources', 'Staff directory', 'Club roster', 'Payments', 'Refunds'][i % 12]! + (i >= 12 ? ` ${Math.floor(i / 12) + 1}` : ''),
          description: 'Pushes changes to the partner system every 15 minutes.',
          version: 1,
          createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
          updatedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        }))
      : [...(options.endpoints ?? [])];
  let conflict = !!options.conflictOnSave;
  const wait = async <T>(value: () => T): Promise<T> => {
    await new Promise((r) => setTimeout(r, options.delay ?? 150));
    if (options.offline) throw new NetworkError('The server could not be reached', { requestId: 'req_story_0001' });
    return value();
  };
  const write = (category: IntegrationCategory, input: IntegrationSettingsInput, status: 'draft' | 'enabled'): IntegrationSettings => {
    if (conflict) {
      conflict = false;
      const current = settings.get(category);
      if (current) settings.set(category, { ...current, version: current.version + 1, updatedBy: 'alex@club.example', config: { ...current.config, clientId: 'changed-by-alex' } });
      throw new ConflictError('Precondition failed', { status: 412, currentEtag: '"99"' });
    }
    const before = settings.get(category);
    const credentials = { ...(before?.platform === input.platform ? before?.credentials : {}) };
    for (const [key, value] of Object.entries(input.credentials ?? {})) {
      credentials[key] = value === null ? { configured: false, hint: null, updatedAt: null } : { configured: true, hint: value.slice(-4), updatedAt: new Date().toISOString() };
    }
    const configured = new Set(Object.entries(credentials).filter(([, c]) => c.configured).map(([k]) => k));
    const crm = category === 'crm' ? { ...emptyCrmMapping(), ...input.crm } : null;
    const verdict = validateSettings(
      { category, platform: input.platform ?? null, config: (input.config ?? {}) as Record<string, never>, configuredSecrets: configured, crm },
      status === 'enabled' ? 'enable' : 'draft',
      { memberFields: options.contact ?? contactFields, orderFields: orderFieldsOfOrder },
    );
    for (const [key, value] of Object.entries(input.credentials ?? {})) {
      const def = findPlatform(input.platform)?.settings.find((s) => s.key === key);
      if (value && def?.pattern && !new RegExp(def.pattern).test(value)) verdict.errors.push(fieldError(`/credentials/${key}`, 'invalid_format', def.patternMessage ?? 'Invalid format.'));
    }
    if (verdict.errors.length) throw invalid(verdict.errors);
    const now = new Date().toISOString();
    const next: IntegrationSettings = {
      id: before?.id ?? `set_${category}`,
      category,
      platform: input.platform ?? null,
      status,
      config: Object.fromEntries(Object.entries(input.config ?? {}).filter(([, v]) => v !== null)) as IntegrationSettings['config'],
      credentials,
      crm,
      version: (before?.version ?? 0) + 1,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      updatedBy: 'you@club.example',
      drift: [],
    };
    settings.set(category, next);
    return structuredClone(next);
  };
  const get = (category: IntegrationCategory) => {
    const s = settings.get(category);
    if (!s) throw new NotFoundError('Not found', { status: 404 });
    return structuredClone(s);
  };
  const setStatus = (category: IntegrationCategory, status: IntegrationSettings['status']) => {
    const s = get(category);
    settings.set(category, { ...s, status, version: s.version + 1, updatedAt: new Date().toISOString() });
    return get(category);
  };
  const client = {
    me: () => wait(() => ({ tenantId: 'club-42', subject: `${role}@club.example`, role, permissions: permissions[role] })),
    settings: {
      list: () => wait(() => [...settings.values()].map((s) => structuredClone(s))),
      get: (c: IntegrationCategory) => wait(() => get(c)),
      saveDraft: (c: IntegrationCategory, input: IntegrationSettingsInput) => wait(() => write(c, input, 'draft')),
      enable: (c: IntegrationCategory, input: IntegrationSettingsInput) => wait(() => write(c, input, 'enabled')),
      archive: (c: IntegrationCategory) => wait(() => setStatus(c, 'archived')),
      restore: (c: IntegrationCategory) => wait(() => setStatus(c, 'draft')),
    },
    crm: {
      objects: () => wait(() => storyObjects),
      fields: (name: string) => wait(() => (name === 'Order' ? orderFieldsOfOrder : [...(options.contact ?? contactFields)])),
      testConnection: () => wait(() => ({ ok: true as const, message: 'Connected to Riverside Sports Club (Enterprise Edition) as integration@club.example.' })),
      apiUsage: () => wait(() => ({ used: 18250, limit: 100000, allotment: 25000 })),
    },
    endpoints: {
      list: (params: { limit?: number; cursor?: string; sort?: string } = {}) =>
        wait(() => {
          const sorted = [...endpoints].sort((a, b) => {
            const key = (params.sort ?? '-createdAt').replace('-', '') as 'name' | 'createdAt';
            const order = a[key].localeCompare(b[key]);
            return params.sort?.startsWith('-') ? -order : order;
          });
          const start = Number(params.cursor ?? 0);
          const limit = params.limit ?? 25;
          const items = sorted.slice(start, start + limit);
          return { items, total: sorted.length, nextCursor: start + limit < sorted.length ? String(start + limit) : null };
        }),
      create: (input: { name: string; description: string }) =>
        wait(() => {
          if (endpoints.some((e) => endpointNameKey(e.name) === endpointNameKey(input.name))) throw invalid([fieldError('/name', 'duplicate', 'An endpoint with this name already exists.')]);
          const now = new Date().toISOString();
          const created = { id: `ep_${Date.now()}`, ...input, version: 1, createdAt: now, updatedAt: now };
          endpoints.push(created);
          return created;
        }),
      updateDescription: (id: string, description: string) =>
        wait(() => {
          const found = endpoints.find((e) => e.id === id);
          if (!found) throw new NotFoundError('Not found', { status: 404 });
          found.description = description;
          found.version++;
          return { ...found };
        }),
      delete: (id: string) =>
        wait(() => {
          endpoints = endpoints.filter((e) => e.id !== id);
        }),
    },
  };
  return client as unknown as IntegrationClient;
}

/** A saved Salesforce record with complete credentials and a typical mapping. */
export function salesforceSettings(overrides: Partial<IntegrationSettings> = {}): IntegrationSettings {
  return {
    id: 'set_crm',
    category: 'crm',
    platform: 'salesforce',
    status: 'draft',
    config: { environment: 'production', authMode: 'connectedApp', consumerKey: '3MVG9riverside.sports.club', autoSync: true, dailyApiAllotment: 25000, emailOptOutField: 'HasOptedOutOfEmail', securityGroupPrefix: 'HL_' },
    credentials: { consumerSecret: { configured: true, hint: '7Q2k', updatedAt: '2026-11-02T09:30:00.000Z' } },
    crm: {
      ...emptyCrmMapping(),
      memberObject: 'Contact',
      memberMappings: [
        { source: 'email', target: 'Email', policy: 'always' },
        { source: 'firstName', target: 'FirstName', policy: 'always' },
        { source: 'lastName', target: 'LastName', policy: 'always' },
        { source: 'phone', target: 'Phone', policy: 'neverBlank' },
      ],
      eventTagField: 'Event_Tags__c',
    },
    version: 3,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-02T09:30:00.000Z',
    updatedBy: 'sam@club.example',
    drift: [],
    ...overrides,
  };
}
