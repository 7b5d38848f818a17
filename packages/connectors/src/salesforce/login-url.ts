import { isHttpsOrLoopback, type SalesforceConfig } from '@memberpulse/integration-schema';
import type { SalesforceDefaults } from '../types.js';

/** Salesforce's production login host. */
export const PRODUCTION_LOGIN_URL = 'https://login.salesforce.com';
/** Salesforce's sandbox login host. */
export const SANDBOX_LOGIN_URL = 'https://test.salesforce.com';

/**
 * Whether the server's own Connected App secret may be sent to `loginUrl`: a Salesforce login host over
 * https (login, test, a My Domain), or exactly the server's configured login URL. A tenant's My Domain URL
 * pointing anywhere else must never receive it.
 */
export function isTrustedLoginHost(loginUrl: string, serverLoginUrl: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(loginUrl);
  } catch {
    return false;
  }
  if (serverLoginUrl && url.origin === new URL(serverLoginUrl).origin) return true;
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && (host === 'login.salesforce.com' || host === 'test.salesforce.com' || host.endsWith('.my.salesforce.com'));
}

/**
 * The URL to log in at: the tenant's My Domain when given; otherwise the server's login URL, except that a
 * sandbox goes to test.salesforce.com while the server default is the production host. A server default
 * pointing anywhere else (a test or demo org on loopback) is used for both environments.
 */
export function resolveLoginUrl(config: Partial<SalesforceConfig>, defaults: SalesforceDefaults | undefined): string {
  const own = typeof config.myDomainUrl === 'string' ? config.myDomainUrl.trim() : '';
  if (own) return own.replace(/\/+$/, '');
  const serverDefault = (defaults?.loginUrl || PRODUCTION_LOGIN_URL).replace(/\/+$/, '');
  if (!isHttpsOrLoopback(serverDefault)) throw new Error('SALESFORCE_LOGIN_URL must be an https URL (http only for localhost, 127.0.0.1 or [::1]).');
  if (config.environment === 'sandbox' && serverDefault === PRODUCTION_LOGIN_URL) return SANDBOX_LOGIN_URL;
  return serverDefault;
}
