// The lazily loaded response checks failing to load (a 404 for mp-integration-kit-checks.js beside the
// embed, say): the call fails as an IntegrationError, and a later call loads them again. A module hook
// makes the SDK's import of its checks fail while the shared flag is set; in its own file, as hooks and
// the module cache are per process.
import { register } from 'node:module';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { endpointRecord, fakeFetch, json, settingsRecord } from './support/fixtures.ts';
import { rejects } from './support/rejects.ts';

const failing = new Int32Array(new SharedArrayBuffer(4));
const hooks = `
let failing;
export function initialize(data) { failing = data.failing; }
export async function resolve(specifier, context, next) {
  if (specifier === './validators.js' && Atomics.load(failing, 0)) throw new TypeError('Failed to fetch dynamically imported module');
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { failing } });
const { InvalidResponseError, createIntegrationClient } = await import('@memberpulse/integrations-sdk');

it('reports checks that failed to load as InvalidResponseError, and loads them again on a later call', async () => {
  Atomics.store(failing, 0, 1);
  const { fetch, seen } = fakeFetch((req) => (req.method === 'POST' ? json(endpointRecord(), 201) : json(settingsRecord(), 200, { 'x-request-id': 'req-1' })));
  const client = createIntegrationClient({ baseUrl: 'http://api.test', token: 'tok-123456', fetch });
  const read = await rejects(client.settings.get('crm'), InvalidResponseError);
  assert.equal(read.status, 200);
  assert.equal(read.requestId, 'req-1');
  assert.match(read.message, /could not be loaded/);
  assert.equal(read.reason, 'checks', 'a host can tell a deployment fault from a server answering wrong');
  assert.match(String((read.cause as Error).message), /dynamically imported module/);
  const write = await rejects(client.endpoints.create({ name: 'orders', description: 'x' }), InvalidResponseError);
  assert.equal(write.status, 201, 'the server applied the write');
  Atomics.store(failing, 0, 0);
  assert.equal((await client.settings.get('crm')).id, 'set_1');
  assert.equal(seen.length, 3);
});
