// Crash mid-write: the server runs as a child process on a PGlite data folder or a Postgres database and is
// killed (SIGKILL) while writers are busy. On restart every record is the old or the new version, never a
// mix, and every acknowledged write is there.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateMasterKey, signDevToken } from '../src/index.js';
import { spawnServer } from './support/child.js';
import { describeEachBackend, send } from './support/harness.js';

const pad = (n: number) => String(n).padStart(4, '0');
const doc = (gen: number) => ({
  config: { clientId: `gen-${gen}`, defaultTaxRate: `gen-${gen}`, eventRevenueAccount: pad(gen) },
  credentials: { clientSecret: `crash-secret-${pad(gen)}` },
});

describeEachBackend('crash mid-write', (backend) => {
  test('SIGKILL during writes: after restart every record is old or new, never a mix', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mp-crash-'));
    const env: Record<string, string> = {
      MP_MASTER_KEY: generateMasterKey(),
      MP_JWT_SECRET: 'crash-test-secret-crash-test-secret-0123',
      MP_DATA_DIR: dataDir,
      MP_LOG: 'silent',
    };
    if (backend.name === 'postgres') env.DATABASE_URL = await backend.databaseUrl();
    const tokenConfig = { jwtSecret: env.MP_JWT_SECRET!, jwtIssuer: 'memberpulse-dev', jwtAudience: 'memberpulse-integrations' };
    const tenants = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const id = `crash-${i}`;
        return { id, token: await signDevToken({ tenant: id, role: 'admin', sub: `admin@${id}` }, tokenConfig), acked: 0 };
      }),
    );
    let child = await spawnServer({ ...env, MP_LOG: '' });
    try {
      for (const t of tenants) {
        const r = await send(child.url, t.token, 'PUT', '/v1/settings/accounting', { body: { platform: 'xero', ...doc(0) } });
        assert.equal(r.status, 201, r.text);
      }
      let total = 0;
      const writers = tenants.map(async (t) => {
        for (let gen = 1; ; gen++) {
          try {
            const r = await send(child.url, t.token, 'PATCH', '/v1/settings/accounting', { body: doc(gen) });
            if (r.status !== 200) throw new Error(`write answered ${r.status}: ${r.text}`);
            t.acked = gen;
            total++;
          } catch (err) {
            if (err instanceof TypeError) return; // the connection died with the server
            throw err;
          }
        }
      });
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (total >= 120) {
            clearInterval(poll);
            resolve();
          }
        }, 5);
      });
      child.proc.kill('SIGKILL');
      await Promise.all(writers);
      assert.equal(await child.exited, 'SIGKILL');

      child = await spawnServer(env);
      for (const t of tenants) {
        const r = await send(child.url, t.token, 'GET', '/v1/settings/accounting');
        assert.equal(r.status, 200, r.text);
        const gen = Number(r.body.config.eventRevenueAccount);
        assert.deepEqual(r.body.config, doc(gen).config, `${t.id}: config is one whole version`);
        assert.equal(r.body.credentials.clientSecret.hint, pad(gen), `${t.id}: the secret belongs to the same version`);
        assert.ok(gen === t.acked || gen === t.acked + 1, `${t.id}: stored ${gen}, last acknowledged ${t.acked}`);
        assert.equal(r.body.version, gen + 1);
        const audit = (action: string) => send(child.url, t.token, 'GET', `/v1/audit-events?action=${action}&limit=1`).then((a) => a.body.total as number);
        assert.equal((await audit('settings.create')) + (await audit('settings.update')), r.body.version, `${t.id}: one audit event per committed write`);
        assert.equal(await audit('credential.write'), r.body.version);
        const next = await send(child.url, t.token, 'PATCH', '/v1/settings/accounting', { body: doc(gen + 1), headers: { 'if-match': r.headers.get('etag')! } });
        assert.equal(next.status, 200, 'writes go on after recovery');
      }
    } finally {
      child.proc.kill('SIGKILL');
      await child.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
