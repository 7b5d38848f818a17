/** The names by which a server reaches its own machine, as a pattern fragment. */
export const LOOPBACK_HOST_PATTERN = '(localhost|127\\.0\\.0\\.1|\\[::1\\])';

const httpsOrLoopbackOrigin = new RegExp(`^(https://[^\\s/:@]+|http://${LOOPBACK_HOST_PATTERN})(:\\d+)?/?$`);

/**
 * Where the server's own secrets may be sent (and keys trusted from): `url` is absolute and its origin is
 * https, or plain http only on this machine's loopback (a test or demo org). The server holds its
 * Salesforce login URL and JWKS URL to it.
 */
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
