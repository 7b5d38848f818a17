import { findPlatform, settingFormatMessage, settingPointer, type SalesforceConfig } from '@memberpulse/integration-schema';
import { isHttpsOrLoopback, isLoopbackUrl, isSalesforceUrl } from '@memberpulse/integration-schema/validation';
import { ConnectorError, pointerError } from '../errors.js';
import type { SalesforceDefaults } from '../types.js';

/** Salesforce's production login host. */
export const PRODUCTION_LOGIN_URL = 'https://login.salesforce.com';
/** Salesforce's sandbox login host. */
export const SANDBOX_LOGIN_URL = 'https://test.salesforce.com';

/** Whether `a` and `b` parse to the same origin. */
function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Whether `loginUrl` is a Salesforce host over https (login, test, a My Domain) or exactly the origin of
 * `serverLoginUrl`: where the server's own Connected App secret may go (a tenant's My Domain URL pointing
 * anywhere else must never receive it), and where a session's instance URL may be, given its login URL.
 */
export function isTrustedLoginHost(loginUrl: string, serverLoginUrl: string | undefined): boolean {
  return isSalesforceUrl(loginUrl) || sameOrigin(loginUrl, serverLoginUrl);
}

/**
 * The URL to log in at: the tenant's My Domain when given; otherwise the server's login URL, except that a
 * sandbox goes to test.salesforce.com while the server default is the production host. A server default
 * pointing anywhere else (a test or demo org on loopback) is used for both environments.
 *
 * A tenant's own URL must be Salesforce's, the server's login URL, or this machine where the server allows it
 * (outside production): the tenant's secrets go there and its answers are shown, so any other host would let a
 * tenant make the server call into its own network. Throws `invalid`, pointing at the setting, for any other.
 */
export function resolveLoginUrl(config: Partial<SalesforceConfig>, defaults: SalesforceDefaults | undefined): string {
  const own = typeof config.myDomainUrl === 'string' ? config.myDomainUrl.trim() : '';
  if (own) {
    if (!isTrustedLoginHost(own, defaults?.loginUrl) && !(defaults?.allowLoopback && isLoopbackUrl(own))) {
      // Worded and pointed as the catalog's setting, which the settings checks use for the same refusal.
      const setting = findPlatform('salesforce')!.settings.find((s) => s.key === 'myDomainUrl')!;
      throw new ConnectorError('invalid', `The My Domain URL is not a Salesforce address. ${setting.patternMessage}`, [
        pointerError(settingPointer(setting), 'invalid_format', settingFormatMessage(setting)),
      ]);
    }
    return new URL(own).origin;
  }
  const configured = defaults?.loginUrl || PRODUCTION_LOGIN_URL;
  if (!isHttpsOrLoopback(configured)) throw new Error('SALESFORCE_LOGIN_URL must be an https URL (http only for localhost, 127.0.0.1 or [::1]).');
  const serverDefault = new URL(configured).origin;
  if (config.environment === 'sandbox' && serverDefault === PRODUCTION_LOGIN_URL) return SANDBOX_LOGIN_URL;
  return serverDefault;
}
