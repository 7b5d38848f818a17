// docs/server.md's environment table and loadConfig agree: every variable the table names is read, with
// the default the table gives, and a malformed value stops the start with the variable's name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ConfigError, checkConfig, loadConfig, type ServerConfig } from '../src/config.js';
import { generateMasterKey } from '../src/index.js';

const doc = readFileSync(new URL('../../../docs/server.md', import.meta.url), 'utf8');
/** [variable, default as written] for each row of the Environment table. */
const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|([^|]*)\|/gm)].map((m) => [m[1]!, m[2]!.trim()] as const);

const key = generateMasterKey();
/** A value to set for each variable and where loadConfig must show it. */
const probes: Record<string, [string, (c: ServerConfig) => unknown, unknown]> = {
  PORT: ['9999', (c) => c.port, 9999],
  HOST: ['0.0.0.0', (c) => c.host, '0.0.0.0'],
  DATABASE_URL: ['postgres://db.internal/kit', (c) => c.databaseUrl, 'postgres://db.internal/kit'],
  MP_DATA_DIR: ['/srv/kit-data', (c) => c.dataDir, '/srv/kit-data'],
  MP_MASTER_KEY: [key, (c) => c.masterKey, key],
  MP_MASTER_KEY_PREVIOUS: [`${key},${key}`, (c) => c.previousMasterKeys, [key, key]],
  MP_JWT_SECRET: ['x'.repeat(40), (c) => c.jwtSecret, 'x'.repeat(40)],
  MP_JWKS_URL: ['https://id.example.org/jwks.json', (c) => c.jwksUrl, 'https://id.example.org/jwks.json'],
  MP_JWT_ISSUER: ['https://id.example.org', (c) => c.jwtIssuer, 'https://id.example.org'],
  MP_JWT_AUDIENCE: ['kit', (c) => c.jwtAudience, 'kit'],
  MP_CORS_ORIGINS: ['https://a.example, https://b.example', (c) => c.corsOrigins, ['https://a.example', 'https://b.example']],
  SALESFORCE_CLIENT_ID: ['3MVG9app', (c) => c.salesforceClientId, '3MVG9app'],
  SALESFORCE_CLIENT_SECRET: ['app-secret', (c) => c.salesforceClientSecret, 'app-secret'],
  SALESFORCE_LOGIN_URL: ['https://test.salesforce.com', (c) => c.salesforceLoginUrl, 'https://test.salesforce.com'],
  MP_DEV: ['1', (c) => c.dev, true],
  MP_RATE_LIMIT: ['120', (c) => c.rateLimitPerMinute, 120],
  MP_DESCRIBE_TTL: ['30', (c) => c.describeCacheTtlSeconds, 30],
  MP_DRAIN_GRACE: ['3', (c) => c.drainGraceSeconds, 3],
  MP_LOG: ['silent', (c) => c.log === loadConfig({}).log, false],
};
// Read where the connectors are built (gatewayFromConnectors; operations.test.ts covers a bad value), or by
// rotate-key alone (cli.ts; rotate.test.ts covers it).
const readElsewhere = new Set(['SALESFORCE_API_VERSION', 'MP_NEW_MASTER_KEY']);

test('every variable in docs/server.md is read by loadConfig, and every one loadConfig reads is documented', () => {
  const names = documented.map(([name]) => name).filter((n) => !readElsewhere.has(n));
  assert.deepEqual([...names].sort(), Object.keys(probes).sort());
  for (const [name, [value, read, expected]] of Object.entries(probes)) {
    assert.deepEqual(read(loadConfig({ [name]: value })), expected, name);
  }
});

test('the defaults docs/server.md gives are the defaults', () => {
  const defaults = loadConfig({});
  const asRead: Record<string, unknown> = { PORT: defaults.port, HOST: defaults.host, MP_DATA_DIR: defaults.dataDir, MP_JWT_ISSUER: defaults.jwtIssuer, MP_JWT_AUDIENCE: defaults.jwtAudience, SALESFORCE_LOGIN_URL: defaults.salesforceLoginUrl, MP_RATE_LIMIT: defaults.rateLimitPerMinute, MP_DESCRIBE_TTL: defaults.describeCacheTtlSeconds };
  for (const [name, written] of documented) {
    const literal = /^`([^`]+)`$/.exec(written)?.[1];
    if (literal === undefined || !(name in asRead)) continue;
    const expected = name === 'MP_DATA_DIR' ? resolve(literal) : /^\d+$/.test(literal) ? Number(literal) : literal;
    assert.equal(asRead[name], expected, name);
  }
  for (const unset of ['DATABASE_URL', 'MP_MASTER_KEY', 'MP_JWT_SECRET', 'MP_JWKS_URL', 'SALESFORCE_CLIENT_ID']) {
    assert.equal(documented.find(([n]) => n === unset)?.[1], 'unset', unset);
  }
  assert.deepEqual([defaults.databaseUrl, defaults.masterKey, defaults.jwtSecret, defaults.jwksUrl, defaults.salesforceClientId], [null, null, null, null, null]);
});

test('a malformed number names its variable', () => {
  for (const name of ['PORT', 'MP_RATE_LIMIT', 'MP_DESCRIBE_TTL']) {
    assert.throws(() => loadConfig({ [name]: 'lots' }), (e) => e instanceof ConfigError && e.message.includes(name), name);
  }
});

test('SALESFORCE_LOGIN_URL must be an https URL, or http on loopback: a service user’s password is sent there', () => {
  for (const bad of ['http://192.0.2.2:9667', 'not-a-url', 'ftp://login.salesforce.com', 'http://login.salesforce.com', 'https://']) {
    assert.throws(() => checkConfig(loadConfig({ SALESFORCE_LOGIN_URL: bad })), (e) => e instanceof ConfigError && e.message.includes('SALESFORCE_LOGIN_URL'), bad);
  }
  for (const good of ['https://test.salesforce.com', 'https://acme.my.salesforce.com/', 'http://127.0.0.1:8788', 'http://localhost:9', 'http://[::1]:9']) {
    assert.doesNotThrow(() => checkConfig(loadConfig({ SALESFORCE_LOGIN_URL: good })), good);
  }
});
