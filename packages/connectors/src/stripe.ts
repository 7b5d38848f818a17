import { ConnectorError, pointerError } from './errors.js';
import { mapped, restClient } from './http.js';
import { TestOnlyConnector } from './test-only.js';
import type { ConnectionInput, ConnectionTestResult } from './types.js';

/** Stripe's API host. */
export const STRIPE_API_URL = 'https://api.stripe.com';

/** Stripe: checks the key pair against the mode, then reads the account. */
export class StripeConnector extends TestOnlyConnector {
  protected readonly platformName = 'Stripe';

  constructor(private readonly options: { baseUrl?: string; timeoutMs?: number } = {}) {
    super();
  }

  async testConnection(input: ConnectionInput): Promise<ConnectionTestResult> {
    const mode = input.config.mode === 'live' ? 'live' : 'test';
    const secret = input.secrets.secretKey ?? '';
    if (!secret) throw new ConnectorError('invalid', 'Enter the secret key.', [pointerError('/credentials/secretKey', 'required', 'Enter the secret key.')]);
    const wrongMode = [
      ...(new RegExp(`^(sk|rk)_${mode}_`).test(secret) ? [] : [pointerError('/credentials/secretKey', 'invalid', `This is not a ${mode}-mode secret key.`)]),
      ...(typeof input.config.publishableKey === 'string' && !input.config.publishableKey.startsWith(`pk_${mode}_`) ? [pointerError('/config/publishableKey', 'invalid', `This is not a ${mode}-mode publishable key.`)] : []),
    ];
    if (wrongMode.length) throw new ConnectorError('invalid', `The keys do not match ${mode} mode.`, wrongMode);
    const api = restClient(this.options.baseUrl ?? STRIPE_API_URL, secret, this.options.timeoutMs);
    const account = await mapped(
      { platform: 'Stripe', unauthorized: [pointerError('/credentials/secretKey', 'invalid_credentials', 'Stripe did not accept this secret key.')] },
      () => api.get('v1/account').json<{ id: string; business_profile?: { name?: string | null }; settings?: { dashboard?: { display_name?: string | null } } }>(),
    );
    const name = account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? account.id;
    return { ok: true, message: `Connected to Stripe account ${name} (${mode} mode).` };
  }
}
