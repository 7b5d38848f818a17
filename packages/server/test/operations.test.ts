// Operations: health and readiness, graceful shutdown, master-key rotation while serving (in-process and
// through the CLI), dev-mode key generation and the production refusal.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { generateMasterKey, parseMasterKey, signDevToken, type StartOptions } from '../src/index.js';
import { ConfigError } from '../src/config.js';
import { createKeyFile } from '../src/keys.js';
import { binPath, runCli, spawnServer, waitForOutput } from './support/child.js';
import { migratedDataDir } from './support/migrated-data-dir.js';
import { backends, describeEachBackend, enableReadyCrm, errorsOf, postgresSkipReason, send, startTestServer, type TestServer, type TestTenant } from './support/harness.js';
import { listenGate } from './support/listen-gate.js';
import { recordingGateway } from './support/recording-gateway.js';

const tempDir = (label: string) => mkdtempSync(join(tmpdir(), `mp-${label}-`));

/** A path in a fresh temporary folder, for a test that expects nothing to be made there; the folder goes when the test ends. */
function untouchedPath(t: TestContext, label: string, name: string): string {
  const parent = tempDir(label);
  t.after(() => rmSync(parent, { recursive: true, force: true }));
  return join(parent, name);
}
const xero = (secret: string) => ({ body: { platform: 'xero', config: { clientId: 'c' }, credentials: { clientSecret: secret } } });

/** Where a backend keeps data that outlives one server: a PGlite folder or a Postgres database. */
async function durableStore(backend: { name: string; databaseUrl(): Promise<string> }) {
  if (backend.name === 'postgres') {
    const url = await backend.databaseUrl();
    return { options: { databaseUrl: url }, cliEnv: { DATABASE_URL: url }, cleanup: () => {} };
  }
  const dir = await migratedDataDir(tempDir('ops'));
  return { options: { databaseUrl: null, dataDir: dir }, cliEnv: { MP_DATA_DIR: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Asks the server to decrypt each tenant's stored secret (test-connection) and answers what the platform got. */
async function decryptedSecrets(srv: TestServer, gateway: ReturnType<typeof recordingGateway>, tenants: TestTenant[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of tenants) {
    const before = gateway.calls.length;
    const r = await t.as('admin')('POST', '/v1/settings/accounting/test-connection');
    assert.equal(r.status, 200, r.text);
    out.push(gateway.calls[before]!.secrets.clientSecret!);
  }
  return out;
}

/** How many servers on `srv`'s database listen for each other's writes. */
const listenersOn = async (srv: TestServer) =>
  (
    await srv.server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'mp-integration-server-listen' AND query ILIKE 'LISTEN%'`,
    )
  ).rows[0]!.n;

/** Ends the LISTEN connections of the servers on `srv`'s database. */
const endListeners = (srv: TestServer) =>
  srv.server.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'mp-integration-server-listen'`);

/** Waits until `check` holds, looking every 10 ms for at most 20 s. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (const end = Date.now() + 20_000; !(await check()); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() > end) assert.fail(`gave up waiting: ${what}`);
  }
}

/**
 * Two servers on one Postgres database with the same master key and token secret, as a rolling deployment runs
 * them, each through its own `listenGate`: `stopListening()` ends both LISTEN connections and keeps them down,
 * however long what follows takes, until `listenAgain()`.
 */
async function twoServersOnOnePostgres(options: StartOptions = {}) {
  const postgres = backends.find((b) => b.name === 'postgres')!;
  const url = await postgres.databaseUrl();
  const gates = [await listenGate(url), await listenGate(url)] as const;
  const started: TestServer[] = [];
  const close = async () => {
    for (const srv of started) await srv.close();
    await Promise.all(gates.map((g) => g.close()));
  };
  try {
    started.push(await startTestServer(postgres, { ...options, databaseUrl: gates[0].url }));
    const [one] = started as [TestServer];
    started.push(await startTestServer(postgres, { ...options, databaseUrl: gates[1].url, masterKey: one.server.config.masterKey!, jwtSecret: one.server.config.jwtSecret! }));
  } catch (err) {
    await close();
    throw err;
  }
  const [one, two] = started as [TestServer, TestServer];
  return {
    one,
    two,
    close,
    /** Answers once each server noticed: it tried to listen again, and was refused. */
    async stopListening() {
      const tried = gates.map((g) => g.refused);
      for (const g of gates) g.shut();
      await endListeners(one);
      await until(() => gates.every((g, i) => g.refused > tried[i]!), 'both servers noticed and tried to listen again');
    },
    async listenAgain() {
      for (const g of gates) g.open();
      await until(async () => (await listenersOn(one)) === 2, 'both servers listen again');
    },
  };
}

/** A gateway whose org is named by the connection's consumer key: its one object is `<key>_Object__c`. */
const orgPerKeyGateway = () =>
  recordingGateway({
    listObjects: async (conn) => [{ name: `${String(conn.config.consumerKey)}_Object__c`, label: 'Org object', custom: true, createable: true, updateable: true, queryable: true }],
  });

/** The settings of `t` pointing at the org named `key`. */
const crmOrg = (key: string) => ({ body: { platform: 'salesforce', config: { authMode: 'connectedApp', consumerKey: key }, credentials: { consumerSecret: `secret-of-${key}` } } });

/** Asks `t`'s server for the CRM objects until it names `key`'s org (a NOTIFY arrives after the commit); answers the last name seen. */
async function objectsSettleOn(t: TestTenant, key: string): Promise<string> {
  let seen = '';
  for (let tries = 0; tries < 200 && seen !== `${key}_Object__c`; tries++) {
    seen = (await t.as('editor')('GET', '/v1/settings/crm/objects')).body.items[0].name;
    if (seen !== `${key}_Object__c`) await new Promise((r) => setTimeout(r, 10));
  }
  return seen;
}

describeEachBackend('operations', (backend) => {
  test('/healthz and /readyz; readiness fails while draining or without a database', async () => {
    const srv = await startTestServer(backend);
    try {
      assert.deepEqual((await send(srv.url, null, 'GET', '/healthz')).body, { status: 'ok' });
      assert.deepEqual((await send(srv.url, null, 'GET', '/readyz')).body, { status: 'ready', database: backend.name });
      await srv.server.db.close();
      const down = await send(srv.url, null, 'GET', '/readyz');
      assert.equal(down.status, 503);
      assert.equal((await send(srv.url, null, 'GET', '/healthz')).status, 200, 'the process is still up');
    } finally {
      await srv.close();
    }
  });

  test('graceful shutdown: an in-flight write finishes and is stored; new connections are refused', async () => {
    const store = await durableStore(backend);
    const first = await startTestServer(backend, store.options);
    const t = await first.tenant();
    try {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const body = JSON.stringify({ platform: 'xero', config: { clientId: 'written-during-shutdown' } });
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(body.slice(0, 10)));
          await released;
          controller.enqueue(new TextEncoder().encode(body.slice(10)));
          controller.close();
        },
      });
      const inFlight = fetch(`${first.url}/v1/settings/accounting`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      for (let i = 0; i < 500 && first.server.inFlight === 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(first.server.inFlight, 1, 'the write is being handled');
      const closing = first.close();
      const ready = await first.server.app.request('/readyz');
      assert.equal(ready.status, 503, 'draining servers are not ready');
      await assert.rejects(fetch(`${first.url}/healthz`, { headers: { connection: 'close' } }), 'no new connections');
      release();
      const res = await inFlight;
      assert.equal(res.status, 201, await res.clone().text());
      await closing;

      const second = await startTestServer(backend, { ...store.options, masterKey: first.server.config.masterKey!, jwtSecret: first.server.config.jwtSecret! });
      try {
        const t2 = await second.tenant(t.id);
        assert.equal((await t2.as('admin')('GET', '/v1/settings/accounting')).body.config.clientId, 'written-during-shutdown');
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
      store.cleanup();
    }
  });

  test('master-key rotation while serving: every data key re-wrapped, every secret still opens, old key no longer needed', async () => {
    const store = await durableStore(backend);
    const gateway = recordingGateway();
    const oldKey = generateMasterKey();
    const srv = await startTestServer(backend, { ...store.options, masterKey: oldKey, gateway });
    const tenants: TestTenant[] = [];
    const expected: string[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const t = await srv.tenant();
        assert.equal((await t.as('admin')('PUT', '/v1/settings/accounting', xero(`before-rotation-${i}-secret`))).status, 201);
        tenants.push(t);
        expected.push(`before-rotation-${i}-secret`);
      }
      // Writers keep creating tenants (new data keys) and replacing secrets while the rotation runs.
      const writes = Array.from({ length: 6 }, async (_, i) => {
        const t = await srv.tenant();
        const r = await t.as('admin')('PUT', '/v1/settings/accounting', xero(`during-rotation-${i}-secret`));
        assert.equal(r.status, 201, r.text);
        const again = await tenants[i]!.as('admin')('PATCH', '/v1/settings/accounting', { body: { credentials: { clientSecret: `replaced-${i}-secret` } } });
        assert.equal(again.status, 200, again.text);
        return t;
      });
      const rotation = srv.server.rotateMasterKey();
      const added = await Promise.all(writes);
      const result = await rotation;
      assert.ok(result.rewrapped >= 6, `re-wrapped ${result.rewrapped}`);
      assert.equal(result.keyId, parseMasterKey(result.masterKey).id);
      const ids = await srv.server.db.query<{ master_key_id: string }>('SELECT DISTINCT master_key_id FROM tenant_keys');
      assert.deepEqual(ids.rows.map((r) => r.master_key_id), [result.keyId]);
      const rotated = (await srv.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'key.rotate'`)).rows[0]!.n;
      assert.equal(rotated, result.rewrapped);

      const all = [...tenants, ...added];
      const want = [...tenants.map((_, i) => `replaced-${i}-secret`), ...added.map((_, i) => `during-rotation-${i}-secret`)];
      assert.deepEqual(await decryptedSecrets(srv, gateway, all), want);
      await srv.close();

      await assert.rejects(
        startTestServer(backend, { ...store.options, masterKey: oldKey, previousMasterKeys: [], jwtSecret: srv.server.config.jwtSecret!, gateway: recordingGateway() }),
        (e: Error) => e instanceof ConfigError && e.message.includes(result.keyId) && !e.message.includes(oldKey),
        'the old key alone would answer ready, then 500 on every credential: it does not start',
      );
      const fresh = recordingGateway();
      const next = await startTestServer(backend, { ...store.options, masterKey: result.masterKey, previousMasterKeys: [], jwtSecret: srv.server.config.jwtSecret!, gateway: fresh });
      try {
        const again = await Promise.all(all.map((t) => next.tenant(t.id)));
        assert.deepEqual(await decryptedSecrets(next, fresh, again), want, 'the new key alone opens everything');
      } finally {
        await next.close();
      }
    } finally {
      await srv.close();
      store.cleanup();
    }
  });
});

test('rotate-key CLI on Postgres while a server serves (the rolling procedure of docs/server.md)', { skip: postgresSkipReason ?? false }, async () => {
  const postgres = backends.find((b) => b.name === 'postgres')!;
  const url = await postgres.databaseUrl();
  const k1 = generateMasterKey();
  const k2 = generateMasterKey();
  const gateway = recordingGateway();
  const old = await startTestServer(postgres, { databaseUrl: url, masterKey: k1, gateway });
  const tenants: TestTenant[] = [];
  for (let i = 0; i < 4; i++) {
    const t = await old.tenant();
    await t.as('admin')('PUT', '/v1/settings/accounting', xero(`cli-rotation-${i}-secret`));
    tenants.push(t);
  }
  await old.close();
  // Step 1: servers restart with the new key current and the old one previous.
  const serving = await startTestServer(postgres, { databaseUrl: url, masterKey: k2, previousMasterKeys: [k1], jwtSecret: old.server.config.jwtSecret!, gateway });
  try {
    const ts = await Promise.all(tenants.map((t) => serving.tenant(t.id)));
    // Step 2: rotate-key re-wraps while they serve.
    const [cli, during] = await Promise.all([
      runCli(['rotate-key'], { DATABASE_URL: url, MP_MASTER_KEY: k2, MP_MASTER_KEY_PREVIOUS: k1 }),
      decryptedSecrets(serving, gateway, ts),
    ]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /Re-wrapped 4 tenant data key\(s\)/);
    assert.deepEqual(during, tenants.map((_, i) => `cli-rotation-${i}-secret`));
  } finally {
    await serving.close();
  }
  // Step 3: the old key can go.
  const fresh = recordingGateway();
  const after = await startTestServer(postgres, { databaseUrl: url, masterKey: k2, jwtSecret: old.server.config.jwtSecret!, gateway: fresh });
  try {
    const ts = await Promise.all(tenants.map((t) => after.tenant(t.id)));
    assert.deepEqual(await decryptedSecrets(after, fresh, ts), tenants.map((_, i) => `cli-rotation-${i}-secret`));
  } finally {
    await after.close();
  }
});

test('dev key file: rotate-key refuses while a server holds the folder, then re-wraps every data key; the new key alone opens every secret', async () => {
  const pglite = backends.find((b) => b.name === 'pglite')!;
  const dir = await migratedDataDir(tempDir('dev-rotate'));
  const keyFile = join(dir, 'master-key.json');
  const devServer = (gateway = recordingGateway(), jwtSecret?: string) =>
    startTestServer(pglite, { databaseUrl: null, dataDir: dir, masterKey: null, ...(jwtSecret ? { jwtSecret } : {}), gateway });
  const secrets = (i: number) => `dev-rotation-${i}-secret`;
  try {
    const first = await devServer();
    const tenants: TestTenant[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await first.tenant();
      assert.equal((await t.as('admin')('PUT', '/v1/settings/accounting', xero(secrets(i)))).status, 201);
      tenants.push(t);
    }
    const oldFile = readFileSync(keyFile, 'utf8');
    const busy = await runCli(['rotate-key'], { MP_DATA_DIR: dir });
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /in use by process/);
    assert.equal(readFileSync(keyFile, 'utf8'), oldFile, 'a refused rotation leaves the key file alone');
    const jwtSecret = first.server.config.jwtSecret!;
    await first.close();

    const cli = await runCli(['rotate-key'], { MP_DATA_DIR: dir });
    assert.equal(cli.code, 0, cli.stderr);
    const [, keyId] = /Re-wrapped 3 tenant data key\(s\) under master key (\S+)\./.exec(cli.stdout) ?? [];
    assert.ok(keyId, cli.stdout);
    assert.doesNotMatch(cli.stdout, /Set MP_MASTER_KEY/, 'nothing to change in the environment for a key file');
    const file = JSON.parse(readFileSync(keyFile, 'utf8')) as { current: string; previous: string[] };
    const old = JSON.parse(oldFile) as { current: string };
    assert.equal(parseMasterKey(file.current).id, keyId, 'the file holds the new key');
    assert.deepEqual(file.previous, [old.current], 'and keeps the old one as previous');

    // Without the old key in the file, only re-wrapped data keys can open.
    writeFileSync(keyFile, JSON.stringify({ current: file.current, previous: [] }));
    const gateway = recordingGateway();
    const after = await devServer(gateway, jwtSecret);
    try {
      const again = await Promise.all(tenants.map((t) => after.tenant(t.id)));
      assert.deepEqual(await decryptedSecrets(after, gateway, again), tenants.map((_, i) => secrets(i)));
    } finally {
      await after.close();
    }

    // A data key under a master key the file no longer has is reported, not skipped in silence, and the
    // refused rotation leaves the file as it was.
    const stranger = JSON.stringify({ current: generateMasterKey(), previous: [] });
    writeFileSync(keyFile, stranger);
    const lost = await runCli(['rotate-key'], { MP_DATA_DIR: dir });
    assert.equal(lost.code, 1);
    assert.match(lost.stderr, /cannot open the data keys of 3 tenant\(s\).*MP_MASTER_KEY_PREVIOUS/);
    assert.equal(readFileSync(keyFile, 'utf8'), stranger, 'a refused rotation writes no key');
    // Given in MP_MASTER_KEY_PREVIOUS, as the message says, the key that wraps them lets the rotation through.
    const found = await runCli(['rotate-key'], { MP_DATA_DIR: dir, MP_MASTER_KEY_PREVIOUS: file.current });
    assert.equal(found.code, 0, found.stderr);
    assert.match(found.stdout, /Re-wrapped 3 tenant data key/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dev key file lost or damaged: the start refuses naming the file, and writes no key in its place', async () => {
  const pglite = backends.find((b) => b.name === 'pglite')!;
  const dir = await migratedDataDir(tempDir('dev-lost'));
  const keyFile = join(dir, 'master-key.json');
  const devServer = () => startTestServer(pglite, { databaseUrl: null, dataDir: dir, masterKey: null, gateway: recordingGateway() });
  try {
    const first = await devServer();
    const t = await first.tenant();
    assert.equal((await t.as('admin')('PUT', '/v1/settings/accounting', xero('kept-under-the-lost-key'))).status, 201);
    await first.close();
    const kept = readFileSync(keyFile, 'utf8');

    rmSync(keyFile);
    await assert.rejects(devServer(), (e: Error) => e instanceof ConfigError && e.message.includes(keyFile) && /missing/.test(e.message));
    assert.equal(existsSync(keyFile), false, 'no new key is written over the lost one');

    const key = (JSON.parse(kept) as { current: string }).current;
    // A hand edit that dropped the key's quotes: JSON.parse's own message would quote the key's first characters.
    const unquoted = kept.replace(`"${key}"`, key);
    for (const damaged of ['{"current": "garbage"', '{"current":"short"}', unquoted, '{}']) {
      writeFileSync(keyFile, damaged);
      await assert.rejects(devServer(), (e: Error) => e instanceof ConfigError && e.message.includes(keyFile) && !e.message.includes(key.slice(0, 8)), `${damaged}: the error names the file and no part of the key`);
      assert.equal(readFileSync(keyFile, 'utf8'), damaged, 'a damaged file is left for the operator');
    }

    rmSync(keyFile);
    mkdirSync(keyFile);
    await assert.rejects(devServer(), (e: Error) => e instanceof ConfigError && e.message.includes(`${keyFile} cannot be read (EISDIR)`), 'a file that cannot be read says why, not that it is not JSON');
    rmSync(keyFile, { recursive: true });

    writeFileSync(keyFile, kept);
    const restored = await devServer();
    await restored.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('createKeyFile makes the key file only where there is none, and leaves no temporary file', () => {
  const dir = tempDir('create-key');
  try {
    const [first, second] = [generateMasterKey(), generateMasterKey()];
    assert.equal(createKeyFile(dir, first, []), true);
    assert.equal(createKeyFile(dir, second, []), false, 'a second maker is refused');
    assert.equal((JSON.parse(readFileSync(join(dir, 'master-key.json'), 'utf8')) as { current: string }).current, first, 'the first key stays');
    assert.deepEqual(readdirSync(dir), ['master-key.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dev key file: two servers starting at once on one Postgres and data folder share the one key they make', { skip: postgresSkipReason ?? false }, async () => {
  const postgres = backends.find((b) => b.name === 'postgres')!;
  const dir = tempDir('dev-race');
  try {
    const options = { databaseUrl: await postgres.databaseUrl(), dataDir: dir, masterKey: null, jwtSecret: `race-${'j'.repeat(32)}` };
    const servers = await Promise.all([startTestServer(postgres, options), startTestServer(postgres, options)]);
    // Each wraps a tenant's data key with the key it started with.
    const tenants = await Promise.all(servers.map(async (srv, i) => {
      const t = await srv.tenant();
      assert.equal((await t.as('admin')('PUT', '/v1/settings/accounting', xero(`race-secret-${i}`))).status, 201);
      return t;
    }));
    await Promise.all(servers.map((srv) => srv.close()));
    const gateway = recordingGateway();
    const after = await startTestServer(postgres, { ...options, gateway });
    try {
      const again = await Promise.all(tenants.map((t) => after.tenant(t.id)));
      assert.deepEqual(await decryptedSecrets(after, gateway, again), ['race-secret-0', 'race-secret-1'], 'the key file opens what both servers wrapped');
    } finally {
      await after.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A TCP proxy to `target` that holds each connection opened before `until()` says go, then passes it on. */
async function holdingProxy(target: URL, held: () => Promise<void>): Promise<{ url: string; close(): void }> {
  const proxy = createNetServer((socket) => {
    socket.pause();
    void held().then(() => {
      const upstream = connect(Number(target.port), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.resume();
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.port = String((proxy.address() as AddressInfo).port);
  return { url: url.toString(), close: () => proxy.close() };
}

test('dev key file: a server whose database opens slowly uses the key file another server made meanwhile', { skip: postgresSkipReason ?? false }, async () => {
  const postgres = backends.find((b) => b.name === 'postgres')!;
  const dir = tempDir('dev-slow');
  const databaseUrl = await postgres.databaseUrl();
  let go!: () => void;
  const gate = new Promise<void>((resolve) => (go = resolve));
  const proxy = await holdingProxy(new URL(databaseUrl), () => gate);
  const options = { dataDir: dir, masterKey: null, jwtSecret: `slow-${'j'.repeat(32)}` };
  try {
    // The slow one finds no key file and waits on its database; the quick one makes the file and stores a secret.
    const gateway = recordingGateway();
    const slow = startTestServer(postgres, { ...options, databaseUrl: proxy.url, gateway });
    const quick = await startTestServer(postgres, { ...options, databaseUrl });
    const t = await quick.tenant();
    assert.equal((await t.as('admin')('PUT', '/v1/settings/accounting', xero('made-while-the-other-waited'))).status, 201);
    await quick.close();
    go();
    const late = await slow;
    try {
      assert.deepEqual(await decryptedSecrets(late, gateway, [await late.tenant(t.id)]), ['made-while-the-other-waited']);
    } finally {
      await late.close();
    }
  } finally {
    go();
    proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dev mode: a master key is generated into the data folder, loudly, once; the demo token works; SIGTERM stops cleanly', async () => {
  const dir = await migratedDataDir(tempDir('dev'));
  try {
    const env = { MP_DEV: '1', MP_DATA_DIR: dir };
    const first = await spawnServer(env, binPath);
    try {
      assert.match(first.stderr(), /GENERATED A DEVELOPMENT MASTER KEY INTO .*master-key\.json/);
      const keyFile = join(dir, 'master-key.json');
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      const token = (await waitForOutput(first, /Demo admin token[^\n]*\n(\S+)/))[1]!;
      const me = await send(first.url, token, 'GET', '/v1/me');
      assert.equal(me.body.tenantId, 'demo');
      assert.equal(me.body.role, 'admin');
      assert.equal((await send(first.url, token, 'PUT', '/v1/settings/accounting', xero('dev-mode-secret-0001'))).status, 201);
      const key = readFileSync(keyFile, 'utf8');
      first.proc.kill('SIGTERM');
      assert.equal(await first.exited, 0);

      const second = await spawnServer(env, binPath);
      try {
        assert.doesNotMatch(second.stderr(), /GENERATED A DEVELOPMENT MASTER KEY/);
        assert.equal(readFileSync(keyFile, 'utf8'), key, 'the key is kept, not replaced');
        const token2 = (await waitForOutput(second, /Demo admin token[^\n]*\n(\S+)/))[1]!;
        assert.equal((await send(second.url, token2, 'GET', '/v1/settings/accounting')).body.credentials.clientSecret.configured, true);
      } finally {
        second.proc.kill('SIGTERM');
        assert.equal(await second.exited, 0);
      }
    } finally {
      first.proc.kill('SIGTERM');
      await first.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('production refuses to start without a master key or a token verifier, in dev mode, or with a malformed setting', async (t) => {
  const dir = untouchedPath(t, 'prod', 'data');
  const base = { NODE_ENV: 'production', MP_DATA_DIR: dir };
  const noKey = await runCli(['serve'], { ...base, MP_JWT_SECRET: 'x'.repeat(40) });
  assert.equal(noKey.code, 1);
  assert.match(noKey.stderr, /MP_MASTER_KEY is required in production/);
  const noVerifier = await runCli(['serve'], { ...base, MP_MASTER_KEY: generateMasterKey() });
  assert.equal(noVerifier.code, 1);
  assert.match(noVerifier.stderr, /MP_JWT_SECRET or MP_JWKS_URL is required in production/);
  const dev = await runCli(['serve'], { ...base, MP_DEV: '1', MP_MASTER_KEY: generateMasterKey(), MP_JWT_SECRET: 'x'.repeat(40) });
  assert.equal(dev.code, 1);
  assert.match(dev.stderr, /MP_DEV cannot be used with NODE_ENV=production/);
  const badKey = await runCli(['serve'], { ...base, MP_MASTER_KEY: 'too-short', MP_JWT_SECRET: 'x'.repeat(40) });
  assert.equal(badKey.code, 1);
  assert.match(badKey.stderr, /master key must be 32 random bytes/i);
  const badApiVersion = await runCli(['serve'], { ...base, MP_MASTER_KEY: generateMasterKey(), MP_JWT_SECRET: 'x'.repeat(40), SALESFORCE_API_VERSION: 'latest' });
  assert.equal(badApiVersion.code, 1);
  assert.match(badApiVersion.stderr, /^Configuration error: SALESFORCE_API_VERSION must look like 62\.0/m);
  assert.equal(existsSync(dir), false, 'nothing was created');
});

test('a server on Postgres listens for other servers’ writes before it takes a request', { skip: postgresSkipReason ?? false }, async () => {
  const srv = await startTestServer(backends.find((b) => b.name === 'postgres')!);
  try {
    assert.equal(await listenersOn(srv), 1, 'no request is answered while the connection comes up: that drops every cached describe and read');
  } finally {
    await srv.close();
  }
});

test('a server on Postgres that cannot listen again keeps the describes it makes meanwhile across its tries (each costs the org’s API allowance)', { skip: postgresSkipReason ?? false }, async () => {
  const postgres = backends.find((b) => b.name === 'postgres')!;
  const gate = await listenGate(await postgres.databaseUrl());
  const gateway = orgPerKeyGateway();
  const srv = await startTestServer(postgres, { databaseUrl: gate.url, gateway });
  try {
    const t = await srv.tenant();
    const objects = async () => (await t.as('editor')('GET', '/v1/settings/crm/objects')).body.items[0].name as string;
    assert.equal((await t.as('admin')('PUT', '/v1/settings/crm', crmOrg('orgA'))).status, 201);
    gate.shut();
    await endListeners(srv);
    await until(() => gate.refused >= 1, 'the server noticed and tried to listen again');
    assert.equal(await objects(), 'orgA_Object__c');
    const described = gateway.calls.length;
    const tries = gate.refused;
    // A try is made a second after the one before failed: once the second comes, the first's failure was handled.
    await until(() => gate.refused >= tries + 2, 'two more tries to listen');
    assert.equal(await objects(), 'orgA_Object__c');
    assert.equal(gateway.calls.length, described, 'answered from the cache: the record is as it was, and a failed try changes nothing');
  } finally {
    await srv.close();
    await gate.close();
  }
});

test('two servers on one Postgres: a write on one is what the other reads next (cached reads are invalidated by NOTIFY)', { skip: postgresSkipReason ?? false }, async () => {
  const servers = await twoServersOnOnePostgres();
  const { one, two } = servers;
  try {
    const t1 = await one.tenant();
    const t2 = await two.tenant(t1.id);
    assert.equal((await t1.as('admin')('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: 'v1' } } })).status, 201);
    for (let i = 2; i <= 6; i++) {
      await t2.as('viewer')('GET', '/v1/settings/accounting');
      await t2.as('viewer')('GET', '/v1/settings');
      const w = await t1.as('admin')('PATCH', '/v1/settings/accounting', { body: { config: { clientId: `v${i}` } } });
      assert.equal(w.status, 200);
      // NOTIFY arrives after the commit: poll (bounded) until the other server has dropped its cached copy.
      let seen = '';
      for (let tries = 0; tries < 200 && seen !== `v${i}`; tries++) {
        seen = (await t2.as('viewer')('GET', '/v1/settings/accounting')).body.config.clientId;
        if (seen !== `v${i}`) await new Promise((r) => setTimeout(r, 10));
      }
      assert.equal(seen, `v${i}`);
      assert.equal((await t2.as('viewer')('GET', '/v1/settings')).body.items[0].config.clientId, `v${i}`);
    }
  } finally {
    await servers.close();
  }
});

test('two servers on one Postgres: while a server’s NOTIFY connection is down it reads through, and it listens again after', { skip: postgresSkipReason ?? false }, async () => {
  const servers = await twoServersOnOnePostgres();
  const { one, two } = servers;
  const listeners = () => listenersOn(one);
  const clientIdOnTwo = async (t: TestTenant) => (await t.as('viewer')('GET', '/v1/settings/accounting')).body.config.clientId as string;
  try {
    const t1 = await one.tenant();
    const t2 = await two.tenant(t1.id);
    assert.equal((await t1.as('admin')('PUT', '/v1/settings/accounting', { body: { platform: 'xero', config: { clientId: 'before' } } })).status, 201);
    assert.equal(await clientIdOnTwo(t2), 'before', 'two has it cached now');

    // Both servers lose their LISTEN connection and cannot listen again: write inside that gap.
    await servers.stopListening();
    assert.equal(await clientIdOnTwo(t2), 'before', 'a read in the gap');
    assert.equal((await t1.as('admin')('PATCH', '/v1/settings/accounting', { body: { config: { clientId: 'during' } } })).status, 200);
    assert.equal(await clientIdOnTwo(t2), 'during', 'no notification can arrive, so two reads the database');

    await servers.listenAgain();
    assert.equal(await listeners(), 2, 'both listen again');
    await clientIdOnTwo(t2);
    assert.equal((await t1.as('admin')('PATCH', '/v1/settings/accounting', { body: { config: { clientId: 'after' } } })).status, 200);
    let seen = '';
    for (let tries = 0; tries < 200 && seen !== 'after'; tries++) {
      seen = await clientIdOnTwo(t2);
      if (seen !== 'after') await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(seen, 'after', 'notifications reach two again');
  } finally {
    await servers.close();
  }
});

test('two servers on one Postgres: a connection change on one drops the describes the other cached for the old org', { skip: postgresSkipReason ?? false }, async () => {
  const servers = await twoServersOnOnePostgres({ gateway: orgPerKeyGateway() });
  const { one, two } = servers;
  try {
    const t1 = await one.tenant();
    const t2 = await two.tenant(t1.id);
    assert.equal((await t1.as('admin')('PUT', '/v1/settings/crm', crmOrg('orgA'))).status, 201);
    assert.equal(await objectsSettleOn(t2, 'orgA'), 'orgA_Object__c', 'two has org A’s objects cached now');
    assert.equal((await t1.as('admin')('PATCH', '/v1/settings/crm', { body: { config: { consumerKey: 'orgB' }, credentials: { consumerSecret: 'secret-of-orgB' } } })).status, 200);
    assert.equal(await objectsSettleOn(t2, 'orgB'), 'orgB_Object__c');
  } finally {
    await servers.close();
  }
});

test('two servers on one Postgres: while a server’s NOTIFY connection is down it answers a describe it cached only while the CRM record is as it was', { skip: postgresSkipReason ?? false }, async () => {
  const gateway = orgPerKeyGateway();
  const servers = await twoServersOnOnePostgres({ gateway });
  const { one, two } = servers;
  const listeners = () => listenersOn(one);
  try {
    const t1 = await one.tenant();
    const t2 = await two.tenant(t1.id);
    const objectsOnTwo = () => t2.as('editor')('GET', '/v1/settings/crm/objects');
    assert.equal((await t1.as('admin')('PUT', '/v1/settings/crm', crmOrg('orgA'))).status, 201);
    const drafted = await two.tenant();
    assert.equal((await drafted.as('admin')('PUT', '/v1/settings/crm', { body: { ...crmOrg('orgC').body, crm: enableReadyCrm } })).status, 201);
    // Ends both servers' LISTEN connections and keeps them from listening again: all below happens in that gap.
    await servers.stopListening();
    assert.equal((await objectsOnTwo()).body.items[0].name, 'orgA_Object__c');
    const described = gateway.calls.length;
    assert.equal((await objectsOnTwo()).body.items[0].name, 'orgA_Object__c');
    assert.equal(gateway.calls.length, described, 'answered from the cache: the record is unchanged');
    const enabling = await drafted.as('admin')('PATCH', '/v1/settings/crm', { body: { status: 'enabled' } });
    assert.equal(enabling.status, 422, 'enabling is still judged against the describes it made first (orgC’s Contact has no fields)');
    assert.ok(errorsOf(enabling).some((e: string) => e.endsWith('unknown_target')), enabling.text);

    assert.equal((await t1.as('admin')('POST', '/v1/settings/crm/archive')).status, 200);
    const afterArchive = await objectsOnTwo();
    assert.equal(afterArchive.status, 422, 'refused as archived, not the list described before');
    assert.match(afterArchive.body.errors[0].message, /archived/);
    assert.equal(await listeners(), 0, 'all of it while neither server listened');
  } finally {
    await servers.close();
  }
});

test('two servers on one Postgres: describes cached before a NOTIFY connection was lost are dropped, so a change made meanwhile shows', { skip: postgresSkipReason ?? false }, async () => {
  const servers = await twoServersOnOnePostgres({ gateway: orgPerKeyGateway() });
  const { one, two } = servers;
  const listeners = () => listenersOn(one);
  try {
    const t1 = await one.tenant();
    const t2 = await two.tenant(t1.id);
    assert.equal((await t1.as('admin')('PUT', '/v1/settings/crm', crmOrg('orgA'))).status, 201);
    assert.equal(await objectsSettleOn(t2, 'orgA'), 'orgA_Object__c');
    // Ends both servers' LISTEN connections until the change below is made: one's NOTIFY of it reaches nobody.
    await servers.stopListening();
    assert.equal((await t1.as('admin')('PATCH', '/v1/settings/crm', crmOrg('orgB'))).status, 200);
    await servers.listenAgain();
    assert.equal(await listeners(), 2, 'both listen again');
    assert.equal((await t2.as('editor')('GET', '/v1/settings/crm/objects')).body.items[0].name, 'orgB_Object__c');
  } finally {
    await servers.close();
  }
});

test('CLI: gen-key, token, migrate (makes a missing data folder 0700, refused on a folder in use), unknown commands', async (t) => {
  const gen = await runCli(['gen-key'], {});
  assert.equal(gen.code, 0);
  assert.equal(parseMasterKey(gen.stdout.trim()).key.length, 32);

  const dir = tempDir('cli');
  try {
    const dataDir = join(dir, 'data');
    const env = { MP_DATA_DIR: dataDir, MP_MASTER_KEY: gen.stdout.trim(), MP_JWT_SECRET: 'cli-test-secret-cli-test-secret-0000' };
    const migrated = await runCli(['migrate'], env);
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.equal((statSync(dataDir).mode & 0o777).toString(8), '700');
    const server = await spawnServer(env);
    try {
      const busy = await runCli(['migrate'], env);
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, /in use by process/);
      const minted = await runCli(['token', '--tenant', 'cli-tenant', '--role', 'viewer'], env);
      assert.equal(minted.code, 0, minted.stderr);
      const me = await send(server.url, minted.stdout.trim(), 'GET', '/v1/me');
      assert.deepEqual([me.body.tenantId, me.body.role], ['cli-tenant', 'viewer']);
      assert.equal((await runCli(['token', '--tenant', 'x', '--role', 'root'], env)).code, 2);
      for (const [args, claim] of [[['--tenant', 'bad tenant!'], 'tenant'], [['--tenant', 't'.repeat(200)], 'tenant'], [['--tenant', 'ok', '--sub', 's'.repeat(300)], 'sub']] as const) {
        const refused = await runCli(['token', ...args, '--role', 'admin'], env);
        assert.deepEqual([refused.code, refused.stdout], [2, ''], `no token the server would refuse: ${args.join(' ')}`);
        assert.match(refused.stderr, new RegExp(`${claim} claim`));
      }
    } finally {
      server.proc.kill('SIGTERM');
      assert.equal(await server.exited, 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const unknown = await runCli(['frobnicate'], {});
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command/);
  const fresh = untouchedPath(t, 'token-refused', 'data');
  const refusedFresh = await runCli(['token', '--tenant', 'bad tenant!', '--role', 'admin'], { MP_DATA_DIR: fresh });
  assert.equal(refusedFresh.code, 2);
  assert.equal(existsSync(fresh), false, 'a refused token makes no data folder and no token secret');
  const typo = untouchedPath(t, 'typo', 'no-such-folder');
  const rotateTypo = await runCli(['rotate-key'], { MP_DATA_DIR: typo });
  assert.equal(rotateTypo.code, 1);
  assert.match(rotateTypo.stderr, /^Configuration error: MP_DATA_DIR .*no-such-folder does not exist/m);
  assert.equal(existsSync(typo), false, 'a mistyped folder is not made');
  for (const command of ['serve', 'gen-key', 'migrate', 'openapi']) {
    const extra = await runCli([command, '--port', '9407'], { DATABASE_URL: 'memory://', PORT: '0' });
    assert.deepEqual([extra.code, extra.stdout], [2, ''], `${command} refuses arguments it would ignore`);
    assert.match(extra.stderr, /takes no arguments.*environment/s);
  }
});
