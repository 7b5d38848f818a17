import type { ConfigValue, PlatformDefinition } from '../platform-types.js';
import { fieldError, type FieldError } from '../problem.js';
import { settingPointer } from './config.js';
import { LOOPBACK_HOST_PATTERN, originMatches } from './https-or-loopback.js';

// A tenant's Salesforce address is where the server sends the tenant's secrets and whose answers it shows, so
// it must be Salesforce's: any other host would let a tenant point the server at its own network (SSRF).
// Every org's My Domain is under my.salesforce.com (enhanced domains, enforced since Winter '24), sandboxes
// and Developer Editions included.
const SALESFORCE_ORIGIN = 'https://((login|test)\\.salesforce\\.com|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.my\\.salesforce\\.com)';
const LOOPBACK_ORIGIN = `https?://${LOOPBACK_HOST_PATTERN}(:\\d+)?`;

/**
 * The My Domain URL setting: a My Domain or Salesforce's login host over https, or this machine (a test or
 * demo org, which the server accepts only outside production).
 */
export const SALESFORCE_URL_PATTERN = `^(${SALESFORCE_ORIGIN}|${LOOPBACK_ORIGIN})/?$`;

const salesforceOrigin = new RegExp(`^${SALESFORCE_ORIGIN}$`);
const loopbackOrigin = new RegExp(`^${LOOPBACK_ORIGIN}$`);

/** Whether `url` is https on Salesforce's login hosts or a My Domain (`*.my.salesforce.com`). */
export function isSalesforceUrl(url: string): boolean {
  return originMatches(url, salesforceOrigin);
}

/** Whether `url` is http or https on this machine (`localhost`, `127.0.0.1`, `[::1]`). */
export function isLoopbackUrl(url: string): boolean {
  return originMatches(url, loopbackOrigin);
}

/**
 * For a server that takes no org on its own machine (in production): each setting naming one, such as a My
 * Domain URL of `http://127.0.0.1:8080`, which would let a tenant probe the server's own ports.
 */
export function loopbackOrgErrors(platform: PlatformDefinition, config: Readonly<Record<string, ConfigValue>>): FieldError[] {
  return platform.settings
    .filter((s) => s.pattern === SALESFORCE_URL_PATTERN && typeof config[s.key] === 'string' && isLoopbackUrl(config[s.key] as string))
    .map((s) => fieldError(settingPointer(s), 'invalid_format', `${s.label}: this server reaches Salesforce only, not its own machine. Enter your org’s My Domain, such as https://yourorg.my.salesforce.com.`));
}
