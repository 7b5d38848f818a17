// A tenant's Salesforce address is where the server sends the tenant's secrets and whose answers it shows, so
// it must be Salesforce's: any other host would let a tenant point the server at its own network (SSRF).
// Every org's My Domain is under my.salesforce.com (enhanced domains, enforced since Winter '24), sandboxes
// and Developer Editions included.

// A scheme and host are the same in any case, and a pattern string carries no `i` flag (JSON Schema has none),
// so each letter of these fragments matches either case.
const anyCase = (fragment: string) => fragment.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/** The names by which a server reaches its own machine, as a pattern fragment. */
export const LOOPBACK_HOST = anyCase('(localhost|127\\.0\\.0\\.1|\\[::1\\])');
/** Salesforce's login hosts and every My Domain, over https, as a pattern fragment. */
export const SALESFORCE_ORIGIN = anyCase('https://((login|test)\\.salesforce\\.com|') + '[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*' + anyCase('\\.my\\.salesforce\\.com)');
/** This machine over http or https, any port, as a pattern fragment. */
export const LOOPBACK_ORIGIN = `${anyCase('http')}[sS]?://${LOOPBACK_HOST}(:\\d+)?`;

/**
 * The My Domain URL setting: a My Domain or Salesforce's login host over https, or this machine (a test or
 * demo org, which the server accepts only outside production).
 */
export const SALESFORCE_URL_PATTERN = `^(${SALESFORCE_ORIGIN}|${LOOPBACK_ORIGIN})/?$`;
