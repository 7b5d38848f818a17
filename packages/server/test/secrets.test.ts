// Credentials: encrypted at rest with envelope encryption bound to tenant + record + field, decrypted only
// for a platform call (audited with its purpose), and never visible in a response, a log line or the raw
// database files.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  DecryptError,
  Keyring,
  decryptField,
  encryptField,
  fingerprintMatches,
  generateDataKey,
  generateMasterKey,
  parseMasterKey,
  requestFingerprint,
  secretHint,
  unwrapDataKey,
  wrapDataKey,
} from '../src/crypto.js';
import { openDatabase } from '../src/db.js';
import { TenantKeys } from '../src/keys.js';
import { describeEachBackend, postgresCluster, salesforceDoc, send, startTestServer, type Reply, type RequestOptions } from './support/harness.js';
import { recordingGateway } from './support/recording-gateway.js';

test('a credential ciphertext only opens for its own tenant, record and field', () => {
  const dek = generateDataKey();
  const sealed = encryptField(dek, 'tenant-1', 'record-1', 'apiKey', 'the-value');
  assert.equal(decryptField(dek, 'tenant-1', 'record-1', 'apiKey', sealed), 'the-value');
  for (const [tenant, record, field] of [['tenant-2', 'record-1', 'apiKey'], ['tenant-1', 'record-2', 'apiKey'], ['tenant-1', 'record-1', 'password']]) {
    assert.throws(() => decryptField(dek, tenant!, record!, field!, sealed), DecryptError);
  }
  assert.throws(() => decryptField(generateDataKey(), 'tenant-1', 'record-1', 'apiKey', sealed), DecryptError);
  const raw = Buffer.from(sealed.slice(3), 'base64');
  raw[14]! ^= 1;
  const flipped = `v1.${raw.toString('base64')}`;
  assert.throws(() => decryptField(dek, 'tenant-1', 'record-1', 'apiKey', flipped), DecryptError);
  assert.notEqual(encryptField(dek, 't', 'r', 'f', 'same'), encryptField(dek, 't', 'r', 'f', 'same'), 'a fresh IV every time');
});

test('a wrapped data key only opens for its tenant under its master key', () => {
  const master = parseMasterKey(generateMasterKey());
  const other = parseMasterKey(randomBytes(32).toString('hex'));
  const dek = generateDataKey();
  const wrapped = wrapDataKey(master, 'tenant-1', dek);
  assert.deepEqual(unwrapDataKey(master, 'tenant-1', wrapped), dek);
  assert.throws(() => unwrapDataKey(master, 'tenant-2', wrapped), DecryptError);
  assert.throws(() => unwrapDataKey(other, 'tenant-1', wrapped), DecryptError);
});

test('an idempotency fingerprint needs the master key to compute, and still matches after a rotation', () => {
  const [first, second] = [parseMasterKey(generateMasterKey()), parseMasterKey(generateMasterKey())];
  const request = 'PUT /v1/settings/crm/credentials/password\n{"value":"Pulse-Demo-2024"}';
  const stored = requestFingerprint(first, request);
  assert.ok(!stored.includes(createHash('sha256').update(request).digest('hex')), 'not a plain hash anyone can recompute from a guess');
  assert.notEqual(requestFingerprint(second, request), stored, 'another master key, another fingerprint');
  const keyring = new Keyring(first);
  assert.equal(fingerprintMatches(keyring, stored, request), true);
  assert.equal(fingerprintMatches(keyring, stored, request.replace('2024', '2025')), false, 'another secret is another request');
  keyring.promote(second);
  assert.equal(fingerprintMatches(keyring, stored, request), true, 'a retry after a rotation replays');
  assert.equal(fingerprintMatches(new Keyring(second), stored, request), false, 'a retired master key matches nothing');
});

test('a data key made in a transaction that rolls back is never used after it: it was never stored', async () => {
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    const keys = new TenantKeys(Keyring.from(generateMasterKey()));
    let made: Buffer | null = null;
    await assert.rejects(
      db.transaction(async (tx) => {
        made = await keys.dataKey(tx, 'acme', true);
        throw new Error('a later statement of the same write failed');
      }),
    );
    assert.ok(made, 'a key was made inside the transaction');
    assert.equal(await keys.dataKey(db, 'acme', false), null, 'after the rollback there is no key to read, cached or stored');
    const kept = await db.transaction((tx) => keys.dataKey(tx, 'acme', true));
    assert.ok(kept && !kept.equals(made!), 'the next write makes and stores a key of its own');
    assert.ok((await keys.dataKey(db, 'acme', false))?.equals(kept), 'which is the one read from then on');
  } finally {
    await db.close();
  }
});

test('a secret’s hint is its last four characters, never half of one', () => {
  assert.equal(secretHint('a'.repeat(10) + '😀😀b'), 'a😀😀b');
  assert.equal(secretHint('short-1234'), null, 'too short to hint at');
});

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

describeEachBackend('secrets', (backend) => {
  test('leakage scan: after a full scenario no secret is in any response, log line or the raw database', async () => {
    const pgliteDir = backend.name === 'pglite' ? mkdtempSync(join(tmpdir(), 'mp-leak-')) : null;
    const gateway = recordingGateway();
    const srv = await startTestServer(backend, { gateway, ...(pgliteDir ? { databaseUrl: null, dataDir: pgliteDir } : {}) });
    const secrets: string[] = [];
    const secret = (label: string) => {
      const s = `${label}${randomUUID().replaceAll('-', '')}`;
      secrets.push(s);
      return s;
    };
    const replies: Reply[] = [];
    try {
      const t = await srv.tenant();
      const call = (role: 'admin' | 'editor' | 'viewer' | 'auditor') => async (method: string, path: string, opts?: RequestOptions) => {
        const r = await t.as(role)(method, path, opts);
        replies.push(r);
        return r;
      };
      const admin = call('admin');
      await admin('PUT', '/v1/settings/crm', { body: salesforceDoc(secret('sfcs')) });
      await admin('PATCH', '/v1/settings/crm', { body: { credentials: { consumerSecret: secret('sfcs2') } } });
      await admin('PUT', '/v1/settings/crm/credentials/consumerSecret', { body: { value: secret('sfcs3') } });
      await admin('POST', '/v1/settings/crm/test-connection');
      await admin('POST', '/v1/settings/crm/test-connection', { body: { credentials: { consumerSecret: secret('unsaved') } } });
      await admin('POST', '/v1/settings/crm/validate?mode=enable', { body: { ...salesforceDoc(secret('validate')) } });
      await admin('GET', '/v1/settings/crm/objects');
      await admin('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: 'c' }, credentials: { clientSecret: secret('xero') } } });
      await admin('PUT', '/v1/settings/payment-gateway', { body: { platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_test_abc' }, credentials: { secretKey: `sk_test_${secret('stripe')}`, webhookSecret: `whsec_${secret('hook')}` } } });
      await admin('PATCH', '/v1/settings/payment-gateway', { body: { status: 'enabled' } });
      // Bad writes that carry secrets: wrong pattern, too long, unknown key, wrong platform, stale If-Match, editor.
      await admin('PATCH', '/v1/settings/payment-gateway', { body: { credentials: { secretKey: secret('nopattern') } } });
      await admin('PATCH', '/v1/settings/payment-gateway', { body: { credentials: { webhookSecret: `whsec_${secret('long')}${'x'.repeat(5000)}` } } });
      await admin('PATCH', '/v1/settings/payment-gateway', { body: { credentials: { notAKey: secret('unknown') } } });
      await admin('PATCH', '/v1/settings/accounting', { body: { credentials: { clientSecret: secret('stale') } }, headers: { 'if-match': '"99"' } });
      await admin('PUT', '/v1/settings/accounting', { body: { platform: 'hubspot', credentials: { apiKey: secret('mismatch') } } });
      await call('editor')('PATCH', '/v1/settings/accounting', { body: { credentials: { clientSecret: secret('editor') } } });
      await admin('PATCH', '/v1/settings/accounting', { raw: `{"credentials":{"clientSecret":"${secret('brokenjson')}"` });
      await admin('PATCH', '/v1/settings/accounting', { body: { credentials: { clientSecret: secret('idem') } }, headers: { 'idempotency-key': 'k1' } });
      await admin('PATCH', '/v1/settings/accounting', { body: { credentials: { clientSecret: secret('idem2') } }, headers: { 'idempotency-key': 'k1' } });
      await admin('DELETE', '/v1/settings/accounting/credentials/clientSecret');
      for (const role of ['admin', 'editor', 'viewer', 'auditor'] as const) {
        for (const path of ['/v1/settings', '/v1/settings/crm', '/v1/settings/payment-gateway', '/v1/audit-events?limit=100', '/v1/me']) await call(role)('GET', path);
      }
      replies.push(await send(srv.url, null, 'GET', '/v1/openapi.json'));

      const decrypts = (await admin('GET', '/v1/audit-events?action=credential.decrypt&limit=100')).body.items;
      assert.deepEqual(decrypts.map((e: { purpose: string; target: string }) => [e.purpose, e.target]).sort(), [
        ['discovery', 'settings/crm/credentials/consumerSecret'],
        ['test-connection', 'settings/crm/credentials/consumerSecret'],
      ]);
      const seen = gateway.calls.map((c) => c.secrets.consumerSecret);
      assert.deepEqual(seen, [secrets[2], secrets[3], secrets[2]], 'the gateway got the stored (decrypted) or the unsaved secret');
      const stored = await srv.server.db.query<{ ciphertext: string }>('SELECT ciphertext FROM credentials');
      assert.ok(stored.rows.length >= 3);
      for (const row of stored.rows) assert.match(row.ciphertext, /^v1\.[A-Za-z0-9+/=]+$/);

      const dump: string[] = [];
      const tables = await srv.server.db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      for (const { table_name } of tables.rows) {
        const rows = await srv.server.db.query<{ r: string }>(`SELECT t::text AS r FROM "${table_name}" t`);
        dump.push(...rows.rows.map((x) => x.r));
      }
      const idempotentWrite = (value: string) => `PATCH /v1/settings/accounting\n${JSON.stringify({ credentials: { clientSecret: value } })}`;
      for (const value of secrets.filter((v) => v.startsWith('idem'))) {
        const guessable = createHash('sha256').update(idempotentWrite(value)).digest('hex');
        assert.ok(!dump.some((row) => row.includes(guessable)), 'no stored fingerprint can be checked against a guessed secret');
      }
      const haystacks: Array<[string, string]> = [
        ['responses', replies.map((r) => r.text + JSON.stringify([...r.headers])).join('\n')],
        ['log lines', srv.logs.map((l) => JSON.stringify(l)).join('\n')],
        ['database rows', dump.join('\n')],
      ];
      if (backend.name === 'postgres') {
        await srv.server.db.query('CHECKPOINT');
        haystacks.push(['postgres data files', filesUnder((await postgresCluster()).dataDir).map((f) => readFileSync(f).toString('latin1')).join('\n')]);
      }
      await srv.close();
      if (pgliteDir) haystacks.push(['pglite data files', filesUnder(pgliteDir).map((f) => readFileSync(f).toString('latin1')).join('\n')]);
      for (const [where, text] of haystacks) {
        const found = secrets.filter((s) => text.includes(s));
        assert.deepEqual(found, [], `secret found in ${where}`);
      }
      assert.ok(haystacks.find(([w]) => w === 'database rows')![1].includes('v1.'), 'the scan saw the ciphertexts');
    } finally {
      await srv.close();
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    }
  });

  test('a ciphertext copied to another tenant’s row does not decrypt there', async () => {
    const gateway = recordingGateway();
    const srv = await startTestServer(backend, { gateway });
    try {
      const a = await srv.tenant();
      const b = await srv.tenant();
      const doc = (s: string) => ({ body: { platform: 'xero', config: { clientId: 'c' }, credentials: { clientSecret: s } } });
      await a.as('admin')('PUT', '/v1/settings/accounting', doc('a-secret-value-0001'));
      await b.as('admin')('PUT', '/v1/settings/accounting', doc('b-secret-value-0002'));
      await srv.server.db.query(
        `UPDATE credentials SET ciphertext = (SELECT ciphertext FROM credentials WHERE tenant_id = $1) WHERE tenant_id = $2`,
        [a.id, b.id],
      );
      const r = await b.as('admin')('POST', '/v1/settings/accounting/test-connection');
      assert.equal(r.status, 422, r.text);
      assert.deepEqual(r.body.errors.map((e: { pointer: string }) => e.pointer), ['/credentials/clientSecret']);
      assert.equal(gateway.calls.length, 0, 'the platform was never called with anything');
      const ok = await a.as('admin')('POST', '/v1/settings/accounting/test-connection');
      assert.equal(ok.status, 200);
      assert.equal(gateway.calls[0]!.secrets.clientSecret, 'a-secret-value-0001');
    } finally {
      await srv.close();
    }
  });

  test('an archived record’s secrets are neither decrypted nor sent: test-connection, discovery and API usage answer 422 on /status until it is restored', async () => {
    const gateway = recordingGateway();
    const srv = await startTestServer(backend, { gateway });
    try {
      const admin = (await srv.tenant()).as('admin');
      assert.equal((await admin('PUT', '/v1/settings/crm', { body: salesforceDoc('crm-secret-value-0001') })).status, 201);
      const payment = { platform: 'stripe', status: 'enabled', config: { publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_abcdefghijkl', webhookSecret: 'whsec_abcdefghijk' } };
      assert.equal((await admin('PUT', '/v1/settings/payment-gateway', { body: payment })).status, 201);
      assert.equal((await admin('GET', '/v1/settings/crm/objects')).status, 200, 'described (and cached) while the record is live');
      assert.equal((await admin('POST', '/v1/settings/crm/archive')).status, 200);
      assert.equal((await admin('POST', '/v1/settings/payment-gateway/archive')).status, 200);
      const callsBefore = gateway.calls.length;
      const decrypts = async () => (await admin('GET', '/v1/audit-events?action=credential.decrypt&limit=100')).body.total;
      const decryptsBefore = await decrypts();

      const refusals: Array<[string, string, RequestOptions | undefined, string]> = [
        ['POST', '/v1/settings/payment-gateway/test-connection', undefined, 'testing the connection'],
        ['POST', '/v1/settings/crm/test-connection', { body: { credentials: { consumerSecret: 'an-unsaved-secret-0002' } } }, 'testing the connection'],
        ['GET', '/v1/settings/crm/objects', undefined, 'reading the CRM’s objects and fields'],
        ['GET', '/v1/settings/crm/objects?refresh=true', undefined, 'reading the CRM’s objects and fields'],
        ['GET', '/v1/settings/crm/objects/Contact/fields', undefined, 'reading the CRM’s objects and fields'],
        ['GET', '/v1/settings/crm/api-usage', undefined, 'reading the CRM’s API usage'],
      ];
      for (const [method, path, opts, doing] of refusals) {
        const r = await admin(method, path, opts);
        assert.equal(r.status, 422, `${method} ${path}: ${r.text}`);
        assert.deepEqual(r.body.errors, [{ pointer: '/status', code: 'invalid', message: `These settings are archived: restore them before ${doing}.` }], `${method} ${path}`);
      }
      assert.equal(gateway.calls.length, callsBefore, 'no platform call, not even with unsaved credentials');
      assert.equal(await decrypts(), decryptsBefore, 'no secret decrypted');

      assert.equal((await admin('POST', '/v1/settings/payment-gateway/restore')).status, 200);
      const tested = await admin('POST', '/v1/settings/payment-gateway/test-connection');
      assert.equal(tested.status, 200, `restored, it is tested again: ${tested.text}`);
      assert.equal(gateway.calls.at(-1)!.secrets.secretKey, 'sk_test_abcdefghijkl');
    } finally {
      await srv.close();
    }
  });
});
