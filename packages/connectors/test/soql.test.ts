import { connectedApp } from './support.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createEmptyOrg, startFakeSalesforce, type FakeSalesforce } from '@memberpulse/fake-salesforce';
import { ConnectorError, SalesforceClient, escapeSoqlString, soqlDateTime, soqlName, soqlString } from '../src/index.js';

describe('SOQL escaping', () => {
  it('escapes backslash before quote, so a value can never close its literal', () => {
    assert.equal(escapeSoqlString("O'Brien"), "O\\'Brien");
    assert.equal(escapeSoqlString('a\\b'), 'a\\\\b');
    assert.equal(escapeSoqlString("\\'"), "\\\\\\'");
    assert.equal(soqlString('line\nbreak\t"q"'), "'line\\nbreak\\t\\\"q\\\"'");
  });

  it('refuses names that are not API names instead of escaping them', () => {
    assert.equal(soqlName('Account.Name'), 'Account.Name');
    for (const bad of ['Name FROM User', "Email'", 'a b', '', '1abc']) assert.throws(() => soqlName(bad), ConnectorError);
  });

  it('datetime literals are UTC with whole seconds', () => {
    assert.equal(soqlDateTime(new Date('2025-03-04T05:06:07.890Z')), '2025-03-04T05:06:07Z');
    assert.throws(() => soqlDateTime(new Date('nope')), ConnectorError);
  });
});

describe('SOQL escaping against the loopback org', () => {
  let sf: FakeSalesforce;
  let client: SalesforceClient;
  before(async () => {
    sf = await startFakeSalesforce({ org: createEmptyOrg() });
    client = await SalesforceClient.connect(connectedApp(sf), { apiVersion: '62.0' });
  });
  after(() => sf.close());

  it('any stored text, quotes and backslashes included, is found by an equality on its escaped literal and by nothing else', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom("'", '\\', '"', '%', '_', '\n', 'a', 'B', ' ', 'ü', ')', 'O', 'R') }), async (text) => {
        const value = `${++n}|${text}`;
        const id = sf.seed('Contact', { LastName: value }).Id;
        const { records } = await client.query(`SELECT Id, LastName FROM Contact WHERE LastName = ${soqlString(value)}`);
        assert.deepEqual(records.map((r) => [r.Id, r.LastName]), [[id, value]]);
      }),
      { numRuns: 60 },
    );
  });
});
