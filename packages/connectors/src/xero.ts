import { ConnectorError, pointerError } from './errors.js';
import { mapped, restClient, type HttpFailureMap } from './http.js';
import { TestOnlyConnector } from './test-only.js';
import type { ConnectionInput, ConnectionTestResult } from './types.js';

/** Xero's identity and API hosts. */
export const XERO_URLS = { identity: 'https://identity.xero.com', api: 'https://api.xero.com' } as const;

const XERO_FAILURES: HttpFailureMap = {
  platform: 'Xero',
  unauthorized: [
    pointerError('/config/clientId', 'invalid_credentials', 'Xero did not accept this client id with the secret.'),
    pointerError('/credentials/clientSecret', 'invalid_credentials', 'Xero did not accept this client secret.'),
  ],
};

/** Xero through a Custom Connection: client credentials token, then the connected organisation. */
export class XeroConnector extends TestOnlyConnector {
  protected readonly platformName = 'Xero';

  constructor(private readonly urls: { identity?: string; api?: string; timeoutMs?: number } = {}) {
    super();
  }

  async testConnection(input: ConnectionInput): Promise<ConnectionTestResult> {
    const clientId = String(input.config.clientId ?? '').trim();
    const secret = input.secrets.clientSecret ?? '';
    const missing = [
      ...(clientId ? [] : [pointerError('/config/clientId', 'required', 'Enter the client id.')]),
      ...(secret ? [] : [pointerError('/credentials/clientSecret', 'required', 'Enter the client secret.')]),
    ];
    if (missing.length) throw new ConnectorError('invalid', 'The Xero credentials are incomplete.', missing);
    const identity = restClient(this.urls.identity ?? XERO_URLS.identity, undefined, this.urls.timeoutMs);
    const token = await mapped(XERO_FAILURES, async () => {
      const res = await identity.post('connect/token', {
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
        throwHttpErrors: false,
      });
      if (res.status === 400 || res.status === 401) {
        // Xero answers a wrong id or secret with 400 invalid_client.
        throw new ConnectorError('auth', 'Xero did not accept the client id and secret.', XERO_FAILURES.unauthorized, 'invalid_client');
      }
      if (!res.ok) throw new ConnectorError('upstream', `Xero answered with an error (HTTP ${res.status}).`, [], `HTTP_${res.status}`);
      return res.json<{ access_token: string }>();
    });
    const api = restClient(this.urls.api ?? XERO_URLS.api, token.access_token, this.urls.timeoutMs);
    const connections = await mapped(XERO_FAILURES, () => api.get('connections').json<Array<{ tenantName?: string; tenantType?: string }>>());
    const org = connections.find((c) => c.tenantType === 'ORGANISATION') ?? connections[0];
    if (!org) throw new ConnectorError('auth', 'The Xero app is not connected to an organisation yet; connect it in the Xero developer portal.', XERO_FAILURES.unauthorized, 'NO_TENANT');
    return { ok: true, message: `Connected to Xero organisation ${org.tenantName ?? ''}`.trim() + '.' };
  }
}
