import { json, stubServer } from './support.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CrmFieldDescriptorSchema } from '@memberpulse/integration-schema/validation';
import { ConnectorError, HubSpotConnector, createConnectorGateway, type ConnectionInput } from '../src/index.js';

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

describe('HubSpot connector against a loopback API', () => {
  let api: Awaited<ReturnType<typeof stubServer>>;
  let hubspot: HubSpotConnector;
  let schemasForbidden = false;
  const input = (config: Record<string, string> = {}, token = TOKEN): ConnectionInput => ({ platform: 'hubspot', config: { portalId: '62515', ...config }, secrets: { apiKey: token } });

  before(async () => {
    api = await stubServer((req, res) => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(res, 401, { status: 'error', category: 'INVALID_AUTHENTICATION', message: 'Authentication credentials not found.' });
      if (req.path === '/account-info/v3/details') return json(res, 200, { portalId: 62515, accountType: 'STANDARD' });
      if (req.path === '/account-info/v3/api-usage/daily/private-apps') return json(res, 200, [{ name: 'api-calls-daily', usageLimit: 500000, currentUsage: 1234, collectedAt: '2025-01-01T00:00:00Z' }]);
      if (req.path === '/crm/v3/schemas') {
        if (schemasForbidden) return json(res, 403, { status: 'error', category: 'MISSING_SCOPES', message: 'missing scopes' });
        return json(res, 200, { results: [{ name: 'membership', objectTypeId: '2-1234567', fullyQualifiedName: 'p62515_membership', labels: { singular: 'Membership', plural: 'Memberships' } }] });
      }
      if (req.path === '/crm/v3/properties/contacts') {
        return json(res, 200, {
          results: [
            { name: 'email', label: 'Email', type: 'string', fieldType: 'text', hubspotDefined: true, hasUniqueValue: false, modificationMetadata: { readOnlyValue: false } },
            { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', hubspotDefined: true, hasUniqueValue: true, modificationMetadata: { readOnlyValue: true } },
            { name: 'membership_status', label: 'Membership status', type: 'enumeration', fieldType: 'select', options: [{ label: 'Active', value: 'active' }, { label: 'Old', value: 'old', hidden: true }], modificationMetadata: { readOnlyValue: false } },
            { name: 'mp_tags', label: 'MemberPulse tags', type: 'enumeration', fieldType: 'checkbox', options: [{ label: 'Attended', value: 'MP:Event:Attended' }] },
            { name: 'secret_hidden', label: 'Hidden', type: 'string', fieldType: 'text', hidden: true },
            { name: 'owner_note', label: 'Owner\u202E', type: 'string', fieldType: 'text', options: [] },
          ],
        });
      }
      if (req.path === '/crm/v3/properties/quotes') return json(res, 429, { status: 'error', message: 'You have reached your secondly limit.' });
      json(res, 404, { status: 'error', message: 'not found' });
    });
    hubspot = new HubSpotConnector({ baseUrl: api.url });
  });
  after(() => api.close());

  it('tests the connection with the private-app token and checks the portal id', async () => {
    assert.deepEqual(await hubspot.testConnection(input()), { ok: true, message: 'Connected to HubSpot portal 62515.' });
    await assert.rejects(hubspot.testConnection(input({ portalId: '999' })), (e) => e instanceof ConnectorError && e.errors[0]!.pointer === '/config/portalId');
  });

  it('a wrong token points at the token setting', async () => {
    await assert.rejects(hubspot.testConnection(input({}, 'pat-wrong')), (e) => e instanceof ConnectorError && e.kind === 'auth' && e.errors[0]!.pointer === '/credentials/apiKey');
  });

  it('lists standard and custom objects; without the schema scope the standard ones', async () => {
    assert.deepEqual((await hubspot.listObjects(input())).map((o) => o.name), ['companies', 'contacts', 'deals', '2-1234567', 'tickets']);
    schemasForbidden = true;
    try {
      assert.deepEqual((await hubspot.listObjects(input())).map((o) => o.name), ['companies', 'contacts', 'deals', 'tickets']);
    } finally {
      schemasForbidden = false;
    }
  });

  it('describes properties as CRM fields', async () => {
    const fields = await hubspot.describeObject(input(), 'contacts');
    for (const f of fields) CrmFieldDescriptorSchema.parse(f);
    const by = new Map(fields.map((f) => [f.name, f]));
    assert.ok(!by.has('secret_hidden'));
    assert.equal(by.get('email')!.type, 'email');
    assert.deepEqual([by.get('hs_object_id')!.updateable, by.get('hs_object_id')!.unique], [false, true]);
    assert.equal(by.get('membership_status')!.type, 'picklist');
    assert.deepEqual(by.get('membership_status')!.picklistValues, [{ value: 'active', label: 'Active', active: true }, { value: 'old', label: 'Old', active: false }]);
    assert.equal(by.get('mp_tags')!.type, 'multipicklist');
  });

  it('reports daily API usage, a rate limit and unknown objects', async () => {
    assert.deepEqual(await hubspot.apiUsage(input()), { used: 1234, limit: 500000, allotment: null });
    await assert.rejects(hubspot.describeObject(input(), 'quotes'), (e) => e instanceof ConnectorError && e.kind === 'rate_limited');
    await assert.rejects(hubspot.describeObject(input(), 'nothing'), (e) => e instanceof ConnectorError && e.kind === 'not_found');
    await assert.rejects(hubspot.describeObject(input(), '../account-info'), (e) => e instanceof ConnectorError && e.kind === 'not_found');
  });

  it('is reached through the gateway by platform id', async () => {
    const gateway = createConnectorGateway({ hubspot: { baseUrl: api.url } });
    assert.equal(gateway.supports('hubspot'), true);
    assert.equal(gateway.supports('nope'), false);
    assert.equal((await gateway.testConnection(input())).ok, true);
  });

  it('keeps the directional controls of a CRM label inside it, through the gateway', async () => {
    const gateway = createConnectorGateway({ hubspot: { baseUrl: api.url } });
    const fields = await gateway.describeObject(input(), 'contacts');
    assert.equal(fields.find((f) => f.name === 'owner_note')?.label, '\u2068Owner\u2069', 'a label with RIGHT-TO-LEFT OVERRIDE is isolated, without it');
    assert.equal(fields.find((f) => f.name === 'email')?.label, 'Email', 'others unchanged');
  });
});
