import { deadUrl, json, stubServer } from './support.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConnectorError, StripeConnector, XeroConnector, createConnectorGateway, type ConnectionInput } from '../src/index.js';

const unsupported = (e: unknown) => e instanceof ConnectorError && e.kind === 'unsupported' && /not supported for this platform/.test(e.message);

describe('Xero connector against a loopback identity and API server', () => {
  let server: Awaited<ReturnType<typeof stubServer>>;
  const basic = `Basic ${Buffer.from('XERO-CLIENT:xero-secret').toString('base64')}`;
  const input = (clientSecret = 'xero-secret'): ConnectionInput => ({ platform: 'xero', config: { clientId: 'XERO-CLIENT' }, secrets: { clientSecret } });
  before(async () => {
    server = await stubServer((req, res) => {
      if (req.path === '/connect/token' && req.method === 'POST') {
        if (req.headers.authorization !== basic || !req.body.includes('grant_type=client_credentials')) return json(res, 400, { error: 'invalid_client' });
        return json(res, 200, { access_token: 'xero-access', expires_in: 1800, token_type: 'Bearer' });
      }
      if (req.path === '/connections' && req.headers.authorization === 'Bearer xero-access') return json(res, 200, [{ tenantId: 't-1', tenantType: 'ORGANISATION', tenantName: 'Demo Association Ltd' }]);
      json(res, 401, {});
    });
  });
  after(() => server.close());

  it('tests the connection through client credentials and names the organisation', async () => {
    const xero = new XeroConnector({ identity: server.url, api: server.url });
    assert.deepEqual(await xero.testConnection(input()), { ok: true, message: 'Connected to Xero organisation Demo Association Ltd.' });
  });

  it('a wrong secret points at the client id and secret', async () => {
    const xero = new XeroConnector({ identity: server.url, api: server.url });
    await assert.rejects(xero.testConnection(input('nope')), (e) => e instanceof ConnectorError && e.kind === 'auth' && e.errors.map((x) => x.pointer).join() === '/config/clientId,/credentials/clientSecret');
  });

  it('discovery answers “not supported for this platform”', async () => {
    const xero = new XeroConnector({ identity: server.url, api: server.url });
    await assert.rejects(xero.listObjects(), unsupported);
    await assert.rejects(xero.describeObject(), unsupported);
    await assert.rejects(xero.apiUsage(), unsupported);
  });

  it('an unreachable Xero answers `unreachable`', async () => {
    const url = await deadUrl();
    await assert.rejects(new XeroConnector({ identity: url, api: url }).testConnection(input()), (e) => e instanceof ConnectorError && e.kind === 'unreachable');
  });
});

describe('Stripe connector against a loopback API', () => {
  let server: Awaited<ReturnType<typeof stubServer>>;
  const input = (config: Record<string, string> = {}, secretKey = 'sk_test_abc123'): ConnectionInput => ({
    platform: 'stripe',
    config: { mode: 'test', publishableKey: 'pk_test_abc123', ...config },
    secrets: { secretKey, webhookSecret: 'whsec_abc' },
  });
  before(async () => {
    server = await stubServer((req, res) => {
      if (req.headers.authorization !== 'Bearer sk_test_abc123') return json(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      if (req.path === '/v1/account') return json(res, 200, { id: 'acct_1', settings: { dashboard: { display_name: 'Demo Association' } } });
      json(res, 404, {});
    });
  });
  after(() => server.close());

  it('tests the connection with the secret key', async () => {
    const stripe = new StripeConnector({ baseUrl: server.url });
    assert.deepEqual(await stripe.testConnection(input()), { ok: true, message: 'Connected to Stripe account Demo Association (test mode).' });
  });

  it('a refused key points at the secret key; keys of the other mode are caught before any call', async () => {
    const stripe = new StripeConnector({ baseUrl: server.url });
    await assert.rejects(stripe.testConnection(input({}, 'sk_test_wrong')), (e) => e instanceof ConnectorError && e.kind === 'auth' && e.errors[0]!.pointer === '/credentials/secretKey');
    const calls = server.requests.length;
    await assert.rejects(stripe.testConnection(input({ mode: 'live' })), (e) => e instanceof ConnectorError && e.errors.map((x) => x.pointer).join() === '/credentials/secretKey,/config/publishableKey');
    assert.equal(server.requests.length, calls);
  });

  it('discovery answers “not supported for this platform”, also through the gateway', async () => {
    const gateway = createConnectorGateway({ stripe: { baseUrl: server.url } });
    await assert.rejects(gateway.listObjects(input()), unsupported);
    await assert.rejects(gateway.describeObject(input(), 'Contact'), unsupported);
  });
});
