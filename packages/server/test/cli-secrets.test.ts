// The CLI's token and rotate-key commands ask only for the secrets they use, and `token` says on stderr which
// key file it signed with (or created), so a token the running server rejects is not a mystery.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generateMasterKey, parseMasterKey } from '../src/index.js';
import { runCli } from './support/child.js';

const root = mkdtempSync(join(tmpdir(), 'mp-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));
const tokenArgs = ['token', '--tenant', 't1', '--role', 'admin'];

test('token in dev names the token secret file it created, then the one it used, and creates no master key', async () => {
  const dir = join(root, 'dev');
  const first = await runCli(tokenArgs, { MP_DATA_DIR: dir });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^\S+\.\S+\.\S+\n$/);
  assert.ok(first.stderr.includes(join(dir, 'jwt-secret')), first.stderr);
  assert.equal(existsSync(join(dir, 'master-key.json')), false);
  const second = await runCli(tokenArgs, { MP_DATA_DIR: dir });
  assert.ok(second.stderr.includes(join(dir, 'jwt-secret')), second.stderr);
});

test('token in production needs MP_JWT_SECRET, not MP_MASTER_KEY', async () => {
  const r = await runCli(tokenArgs, { NODE_ENV: 'production', MP_JWT_SECRET: 'p'.repeat(40), MP_DATA_DIR: join(root, 'unused') });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(join(root, 'unused')), false);
});

test('rotate-key in production needs MP_MASTER_KEY, not a token secret', async () => {
  mkdirSync(join(root, 'prod'), { mode: 0o700 });
  const r = await runCli(['rotate-key'], { NODE_ENV: 'production', MP_MASTER_KEY: generateMasterKey(), MP_DATA_DIR: join(root, 'prod') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Re-wrapped 0 tenant data key/);
});

test('rotate-key takes the key to rotate to from MP_NEW_MASTER_KEY, as from --new-key', async () => {
  mkdirSync(join(root, 'new-key'), { mode: 0o700 });
  const next = generateMasterKey();
  const r = await runCli(['rotate-key'], { NODE_ENV: 'production', MP_MASTER_KEY: generateMasterKey(), MP_NEW_MASTER_KEY: next, MP_DATA_DIR: join(root, 'new-key') });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(`under master key ${parseMasterKey(next).id}.`), r.stdout);
  assert.match(r.stdout, /Set MP_MASTER_KEY to the new key/);
});

test('token checks what the server would: a token secret too short, an --expires it cannot read', async () => {
  const short = await runCli(tokenArgs, { MP_JWT_SECRET: 'short', MP_DATA_DIR: join(root, 'short') });
  assert.equal(short.code, 1);
  assert.match(short.stderr, /Configuration error: MP_JWT_SECRET must be at least 32 characters/);
  assert.equal(short.stdout, '', 'no token is printed');
  const expires = await runCli([...tokenArgs, '--expires', 'banana'], { MP_JWT_SECRET: 'j'.repeat(40), MP_DATA_DIR: join(root, 'expires') });
  assert.equal(expires.code, 2);
  assert.match(expires.stderr, /--expires/);
  const fresh = join(root, 'expires-fresh');
  const early = await runCli([...tokenArgs, '--expires', 'banana'], { MP_DATA_DIR: fresh });
  assert.equal(early.code, 2);
  assert.equal(existsSync(fresh), false, 'refused before a token secret is made in the data folder');
});

test('token refuses to sign where the server verifies tokens with MP_JWKS_URL, instead of signing with no secret', async () => {
  const r = await runCli(tokenArgs, { MP_JWKS_URL: 'http://127.0.0.1:9/jwks.json', MP_DATA_DIR: join(root, 'jwks') });
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '', 'no token is printed');
  assert.match(r.stderr, /MP_JWKS_URL/);
  assert.equal(existsSync(join(root, 'jwks')), false, 'and no token secret is made');
});

test('token refusing a claim names that claim, not --expires', async () => {
  const role = await runCli(['token', '--tenant', 't1', '--role', 'root'], { MP_JWT_SECRET: 'j'.repeat(40), MP_DATA_DIR: join(root, 'claims') });
  assert.equal(role.code, 2);
  assert.match(role.stderr, /role claim/);
  assert.doesNotMatch(role.stderr, /--expires|span/, 'the expiry is fine: the hint about it misleads');
  const tenant = await runCli(['token', '--tenant', 'a b', '--role', 'admin'], { MP_JWT_SECRET: 'j'.repeat(40), MP_DATA_DIR: join(root, 'claims') });
  assert.equal(tenant.code, 2);
  assert.match(tenant.stderr, /tenant claim/);
  assert.doesNotMatch(tenant.stderr, /--expires|span/);
});

test('an option token or rotate-key does not take, or a value that looks like an option, is a usage error (exit code 2)', async () => {
  const env = { MP_JWT_SECRET: 'j'.repeat(40), MP_DATA_DIR: join(root, 'usage') };
  const unknown = await runCli([...tokenArgs, '--tennant', 't2'], env);
  assert.equal(unknown.code, 2, unknown.stderr);
  assert.match(unknown.stderr, /--tennant/);
  assert.equal(unknown.stdout, '', 'no token is printed');
  const dashed = await runCli(['token', '--tenant', '-t1', '--role', 'admin'], env);
  assert.equal(dashed.code, 2, dashed.stderr);
  const rotate = await runCli(['rotate-key', '--new'], env);
  assert.equal(rotate.code, 2, rotate.stderr);
  assert.match(rotate.stderr, /--new/);
  assert.equal(existsSync(join(root, 'usage')), false, 'refused before anything is made');
});
