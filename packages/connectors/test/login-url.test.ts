// The login URL receives a service user's password, and every answer after it is shown to the tenant. The
// server's own follows its rule (https, or http on loopback) however the defaults were built; a tenant's My
// Domain URL must be Salesforce's, so no tenant can point the server at its own network.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRODUCTION_LOGIN_URL, resolveLoginUrl } from '../src/salesforce/login-url.js';
import { findPlatform, settingFormatMessage } from '@memberpulse/integration-schema';
import { ConnectorError } from '../src/errors.js';
import type { SalesforceDefaults } from '../src/types.js';

const defaults = (loginUrl: string) => ({ clientId: null, clientSecret: null, loginUrl });

test('resolveLoginUrl refuses a server login URL that is not https or loopback http', () => {
  for (const bad of ['http://192.0.2.2:9667', 'not-a-url', 'ftp://login.salesforce.com']) {
    assert.throws(() => resolveLoginUrl({ environment: 'production' }, defaults(bad)), /SALESFORCE_LOGIN_URL/, bad);
  }
  assert.equal(resolveLoginUrl({ environment: 'production' }, defaults('http://127.0.0.1:8788/')), 'http://127.0.0.1:8788');
  assert.equal(resolveLoginUrl({ environment: 'production' }, defaults('https://test.salesforce.com')), 'https://test.salesforce.com');
  assert.equal(resolveLoginUrl({ environment: 'sandbox' }, defaults('HTTPS://Login.Salesforce.com/')), 'https://test.salesforce.com', 'a sandbox goes to test.salesforce.com however the production host is written');
});

test('takes a tenant’s My Domain URL only on Salesforce, the server’s own login URL, or this machine where the server allows it', () => {
  const prod: SalesforceDefaults = { clientId: null, clientSecret: null, loginUrl: PRODUCTION_LOGIN_URL };
  const refusal = (myDomainUrl: string, defaults = prod) => {
    try {
      resolveLoginUrl({ myDomainUrl }, defaults);
      return null;
    } catch (e) {
      return `${(e as ConnectorError).kind} ${(e as ConnectorError).errors.map((x) => x.pointer).join()}`;
    }
  };
  for (const url of ['https://intranet.example.com', 'http://10.0.0.5:8080', 'http://169.254.169.254', 'https://acme.my.salesforce.com.evil.example', 'http://127.0.0.1:9']) {
    assert.equal(refusal(url), 'invalid /config/myDomainUrl', url);
  }
  assert.equal(refusal('https://acme--uat.sandbox.my.salesforce.com'), null);
  const setting = findPlatform('salesforce')!.settings.find((s) => s.key === 'myDomainUrl')!;
  assert.throws(
    () => resolveLoginUrl({ myDomainUrl: 'https://intranet.example.com' }, prod),
    (e: ConnectorError) => e.errors[0]!.message === settingFormatMessage(setting),
    'worded as the settings checks word the format rule, so a widget translates it the same way',
  );
  assert.equal(resolveLoginUrl({ myDomainUrl: 'HTTPS://Acme.My.Salesforce.com/' }, prod), 'https://acme.my.salesforce.com', 'a host’s case is not part of it');
  assert.equal(refusal('http://127.0.0.1:9', { ...prod, allowLoopback: true }), null, 'a test or demo org on this machine, outside production');
  assert.equal(refusal('http://127.0.0.1:4000/', { ...prod, loginUrl: 'http://127.0.0.1:4000' }), null, 'the operator’s own login URL');
});
