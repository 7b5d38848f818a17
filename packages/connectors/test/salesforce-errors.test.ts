import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectorError, toConnectorError } from '../src/index.js';

/** An error shaped like the ones jsforce throws. */
function jsforceError(fields: { name?: string; errorCode?: string; message: string; code?: string }): Error {
  return Object.assign(new Error(fields.message), fields);
}

const summary = (e: ConnectorError) => [e.kind, e.platformCode, e.errors.map((x) => x.pointer)];

describe('Salesforce error mapping', () => {
  it('client credentials on a host without My Domain point at the My Domain URL', () => {
    const e = toConnectorError(jsforceError({ name: 'invalid_grant', message: 'request not supported on this domain' }), 'connectedApp');
    assert.deepEqual(summary(e), ['auth', 'invalid_grant', ['/config/myDomainUrl']]);
  });

  it('SOAP faults carry their code only in the message', () => {
    const e = toConnectorError(jsforceError({ message: 'INVALID_LOGIN: Invalid username, password, security token; or user locked out.' }), 'serviceUser');
    assert.deepEqual(summary(e), ['auth', 'INVALID_LOGIN', ['/config/username', '/credentials/password', '/credentials/securityToken']]);
  });

  it('a daily limit is rate_limited with a long wait; a 5xx is upstream; silence is unreachable', () => {
    const limit = toConnectorError(jsforceError({ name: 'REQUEST_LIMIT_EXCEEDED', errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }), 'connectedApp');
    assert.deepEqual([limit.kind, limit.retryAfterSeconds], ['rate_limited', 3600]);
    assert.equal(toConnectorError(jsforceError({ name: 'ERROR_HTTP_503', errorCode: 'ERROR_HTTP_503', message: 'Service Unavailable' }), 'connectedApp').kind, 'upstream');
    const refused = Object.assign(new Error('request to https://acme.my.salesforce.com failed, reason: connect ECONNREFUSED'), { name: 'FetchError', code: 'ECONNREFUSED' });
    assert.equal(toConnectorError(refused, 'connectedApp').kind, 'unreachable');
  });

  it('record errors of a write are `invalid` and keep Salesforce’s message; of a read, the upstream failed', () => {
    const e = toConnectorError(jsforceError({ name: 'STRING_TOO_LONG', errorCode: 'STRING_TOO_LONG', message: 'Last Name: data value too large' }), 'connectedApp');
    assert.deepEqual([e.kind, e.message], ['invalid', 'Last Name: data value too large']);
    const read = toConnectorError(jsforceError({ name: 'INVALID_FIELD', errorCode: 'INVALID_FIELD', message: '<img src=x onerror=alert(5)> anything' }), 'connectedApp', { write: false });
    assert.deepEqual([read.kind, read.message], ['upstream', 'Salesforce refused the request (INVALID_FIELD).']);
  });

  it('quotes an error code only when it looks like one, never arbitrary text from the server', () => {
    const e = toConnectorError(jsforceError({ name: '<img src=x onerror=alert(5)>', errorCode: '<img src=x onerror=alert(5)>', message: 'x' }), 'connectedApp');
    assert.deepEqual([e.kind, e.message, e.platformCode], ['upstream', 'Salesforce refused the request.', undefined]);
  });
});
