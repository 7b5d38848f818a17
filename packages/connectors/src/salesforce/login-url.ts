import type { SalesforceConfig } from '@memberpulse/integration-schema';
import type { SalesforceDefaults } from '../types.js';

/** Salesforce's production login host. */
export const PRODUCTION_LOGIN_URL = 'https://login.salesforce.com';
/** Salesforce's sandbox login host. */
export const SANDBOX_LOGIN_URL = 'https://test.salesforce.com';

/**
 * The URL to log in at: the tenant's My Domain when given; otherwise the server's login URL, except that a
 * sandbox goes to test.salesforce.com while the server default is the production host. A server default
 * pointing anywhere else (a test or demo org on loopback) is used for both environments.
 */
export function resolveLoginUrl(config: Partial<SalesforceConfig>, defaults: SalesforceDefaults | undefined): string {
  const own = typeof config.myDomainUrl === 'string' ? config.myDomainUrl.trim() : '';
  if (own) return own.replace(/\/+$/, '');
  const serverDefault = (defaults?.loginUrl || PRODUCTION_LOGIN_URL).replace(/\/+$/, '');
  if (config.environment === 'sandbox' && serverDefault === PRODUCTION_LOGIN_URL) return SANDBOX_LOGIN_URL;
  return serverDefault;
}
