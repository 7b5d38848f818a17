/**
 * Where stored secrets may be sent (and keys trusted from): https, or plain http only to this machine's
 * loopback (a test or demo org). The Salesforce My Domain URL setting's pattern; the server holds its own
 * login URL and JWKS URL to it too.
 */
export const HTTPS_OR_LOOPBACK_URL_PATTERN = '^(https://[^\\s/:@]+|http://(localhost|127\\.0\\.0\\.1|\\[::1\\]))(:\\d+)?/?$';

const httpsOrLoopbackOrigin = new RegExp(HTTPS_OR_LOOPBACK_URL_PATTERN);

/** Whether `url` is absolute and its origin is https, or http on loopback. */
export function isHttpsOrLoopback(url: string): boolean {
  try {
    return httpsOrLoopbackOrigin.test(new URL(url).origin);
  } catch {
    return false;
  }
}
