import type { CrmFieldDescriptor, CrmFieldType, CrmObjectSummary } from '@memberpulse/integration-schema';
import { ConnectorError, pointerError } from './errors.js';
import { mapped, restClient, type HttpFailureMap } from './http.js';
import type { ApiUsage, ConnectionInput, ConnectionTestResult, PlatformConnector } from './types.js';

/** HubSpot's API host. */
export const HUBSPOT_API_URL = 'https://api.hubapi.com';

const FAILURES: HttpFailureMap = {
  platform: 'HubSpot',
  unauthorized: [pointerError('/credentials/apiKey', 'invalid_credentials', 'HubSpot did not accept this private app access token.')],
  forbidden: 'The HubSpot private app lacks a scope this needs (crm.objects.contacts.read, crm.schemas.contacts.read).',
};

const STANDARD_OBJECTS: CrmObjectSummary[] = [
  { name: 'companies', label: 'Company', custom: false, createable: true, updateable: true, queryable: true },
  { name: 'contacts', label: 'Contact', custom: false, createable: true, updateable: true, queryable: true },
  { name: 'deals', label: 'Deal', custom: false, createable: true, updateable: true, queryable: true },
  { name: 'tickets', label: 'Ticket', custom: false, createable: true, updateable: true, queryable: true },
];

interface HubSpotProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  hubspotDefined?: boolean;
  calculated?: boolean;
  hasUniqueValue?: boolean;
  hidden?: boolean;
  options?: Array<{ label: string; value: string; hidden?: boolean }>;
  modificationMetadata?: { readOnlyValue?: boolean };
}

/** HubSpot property type + field type → CRM field type. */
function fieldType(p: HubSpotProperty): CrmFieldType {
  if (p.name === 'email' || p.name.endsWith('_email')) return 'email';
  switch (p.type) {
    case 'bool':
      return 'boolean';
    case 'number':
      return 'double';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'phone_number':
      return 'phone';
    case 'enumeration':
      if (p.fieldType === 'booleancheckbox') return 'boolean';
      return p.fieldType === 'checkbox' ? 'multipicklist' : 'picklist';
    default:
      return p.fieldType === 'textarea' ? 'textarea' : p.fieldType === 'phonenumber' ? 'phone' : 'string';
  }
}

function toDescriptor(p: HubSpotProperty): CrmFieldDescriptor {
  const writable = !(p.modificationMetadata?.readOnlyValue ?? p.calculated ?? false);
  const out: CrmFieldDescriptor = {
    name: p.name,
    label: p.label,
    type: fieldType(p),
    nillable: true,
    required: false,
    createable: writable,
    updateable: writable,
    externalId: p.hasUniqueValue === true,
    unique: p.hasUniqueValue === true,
    custom: p.hubspotDefined !== true,
  };
  if (p.type === 'enumeration' && p.options?.length) {
    out.picklistValues = p.options.map((o) => ({ value: o.value, label: o.label, active: o.hidden !== true }));
    out.restrictedPicklist = true;
  }
  return out;
}

/** HubSpot through its REST API with a private app's access token (settings: `portalId`, secret `apiKey`). */
export class HubSpotConnector implements PlatformConnector {
  constructor(private readonly options: { baseUrl?: string; timeoutMs?: number } = {}) {}

  private api(input: ConnectionInput) {
    const token = input.secrets.apiKey;
    if (!token) throw new ConnectorError('invalid', 'Enter the private app access token.', [pointerError('/credentials/apiKey', 'required', 'Enter the private app access token.')]);
    return restClient(this.options.baseUrl ?? HUBSPOT_API_URL, token, this.options.timeoutMs);
  }

  async testConnection(input: ConnectionInput): Promise<ConnectionTestResult> {
    const api = this.api(input);
    const account = await mapped(FAILURES, () => api.get('account-info/v3/details').json<{ portalId: number; accountType?: string }>());
    const expected = String(input.config.portalId ?? '').trim();
    if (expected && String(account.portalId) !== expected) {
      throw new ConnectorError('invalid', `This token belongs to HubSpot portal ${account.portalId}, not ${expected}.`, [pointerError('/config/portalId', 'invalid', `The token belongs to portal ${account.portalId}.`)]);
    }
    return { ok: true, message: `Connected to HubSpot portal ${account.portalId}.` };
  }

  async listObjects(input: ConnectionInput): Promise<CrmObjectSummary[]> {
    const api = this.api(input);
    const custom = await mapped(FAILURES, () => api.get('crm/v3/schemas').json<{ results: Array<{ name: string; fullyQualifiedName?: string; objectTypeId: string; labels: { singular: string } }> }>()).catch((err: unknown) => {
      // Custom-object schemas need an extra scope; without it the standard objects are still listed.
      if (err instanceof ConnectorError && err.platformCode === 'HTTP_403') return { results: [] };
      throw err;
    });
    const customs = custom.results.map((s) => ({ name: s.objectTypeId, label: s.labels.singular, custom: true, createable: true, updateable: true, queryable: true }));
    return [...STANDARD_OBJECTS, ...customs].sort((a, b) => a.label.localeCompare(b.label));
  }

  async describeObject(input: ConnectionInput, objectName: string): Promise<CrmFieldDescriptor[]> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(objectName)) throw new ConnectorError('not_found', `HubSpot has no object “${objectName}”.`);
    const api = this.api(input);
    const body = await mapped(FAILURES, () => api.get(`crm/v3/properties/${encodeURIComponent(objectName)}`).json<{ results: HubSpotProperty[] }>());
    return body.results.filter((p) => !p.hidden).map(toDescriptor);
  }

  async apiUsage(input: ConnectionInput): Promise<ApiUsage> {
    const api = this.api(input);
    const rows = await mapped(FAILURES, () => api.get('account-info/v3/api-usage/daily/private-apps').json<Array<{ name: string; usageLimit: number; currentUsage: number }>>());
    const daily = rows.find((r) => r.name === 'api-calls-daily') ?? rows[0];
    return { used: daily?.currentUsage ?? 0, limit: daily?.usageLimit ?? 0, allotment: null };
  }
}
