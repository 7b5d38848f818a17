import { LOOPBACK_HOST, LOOPBACK_ORIGIN, SALESFORCE_ORIGIN } from '../rules/salesforce-url.js';

// Where the server may send secrets and whose answers it may show: the server's and the connectors' checks,
// kept out of the main entry a page of widgets loads.

const httpsOrLoopbackOrigin = new RegExp(`^(https://[^\\s/:@]+|http://${LOOPBACK_HOST})(:\\d+)?/?$`);
const salesforceOrigin = new RegExp(`^${SALESFORCE_ORIGIN}$`);
const loopbackOrigin = new RegExp(`^${LOOPBACK_ORIGIN}$`);

/** Whether `url` parses and its origin (host lowercased, default port dropped) matches `rule`. */
function originMatches(url: string, rule: RegExp): boolean {
  try {
    return rule.test(new URL(url).origin);
  } catch {
    return false;
  }
}

/**
 * Where the server's own secrets may be sent (and keys trusted from): `url` is absolute and its origin is
 * https, or plain http only on this machine's loopback (a test or demo org). The server holds its
 * Salesforce login URL and JWKS URL to it.
 */
export function isHttpsOrLoopback(url: string): boolean {
  return originMatches(url, httpsOrLoopbackOrigin);
}

/** Whether `url` is https on Salesforce's login hosts or a My Domain (`*.my.salesforce.com`). */
export function isSalesforceUrl(url: string): boolean {
  return originMatches(url, salesforceOrigin);
}

/** Whether `url` is http or https on this machine (`localhost`, `127.0.0.1`, `[::1]`). */
export function isLoopbackUrl(url: string): boolean {
  return originMatches(url, loopbackOrigin);
}
