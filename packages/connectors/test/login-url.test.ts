// The server's login URL receives a service user's password when a tenant gives no My Domain URL: it follows
// the My Domain rule (https, or http on loopback) however the defaults were built.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveLoginUrl } from '../src/salesforce/login-url.js';

const defaults = (loginUrl: string) => ({ clientId: null, clientSecret: null, loginUrl });

test('resolveLoginUrl refuses a server login URL that is not https or loopback http', () => {
  for (const bad of ['http://192.0.2.2:9667', 'not-a-url', 'ftp://login.salesforce.com']) {
    assert.throws(() => resolveLoginUrl({ environment: 'production' }, defaults(bad)), /SALESFORCE_LOGIN_URL/, bad);
  }
  assert.equal(resolveLoginUrl({ environment: 'production' }, defaults('http://127.0.0.1:8788/')), 'http://127.0.0.1:8788');
  assert.equal(resolveLoginUrl({ environment: 'production' }, defaults('https://test.salesforce.com')), 'https://test.salesforce.com');
});
