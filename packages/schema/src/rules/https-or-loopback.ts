/** The names by which a server reaches its own machine, as a pattern fragment. */
export const LOOPBACK_HOST_PATTERN = '(localhost|127\\.0\\.0\\.1|\\[::1\\])';

/**
 * Where the server's own secrets may be sent (and keys trusted from): https, or plain http only to this
 * machine's loopback (a test or demo org). The server holds its Salesforce login URL and JWKS URL to it.
 */
export const HTTPS_OR_LOOPBACK_URL_PATTERN = `^(https://[^\\s/:@]+|http://${LOOPBACK_HOST_PATTERN})(:\\d+)?/?$`;

const httpsOrLoopbackOrigin = new RegExp(HTTPS_OR_LOOPBACK_URL_PATTERN);

/** Whether `url` is absolute and its origin is https, or http on loopback. */
export function isHttpsOrLoopback(url: string): boolean {
  return originMatches(url, httpsOrLoopbackOrigin);
}

/** Whether `url` parses and its origin (host lowercased, default port dropped) matches `rule`. */
export function originMatches(url: string, rule: RegExp): boolean {
  try {
    return rule.test(new URL(url).origin);
  } catch {
    return false;
  }
}
