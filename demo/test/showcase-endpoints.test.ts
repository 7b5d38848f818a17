// The demo's showcase customer gets its endpoints once per data folder: a restart neither adds them again
// nor puts back what the demo user deleted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signDevToken, startServer } from '@memberpulse/integration-server';
import { createIntegrationClient } from '@memberpulse/integrations-sdk';
import { seedShowcaseEndpoints } from '../showcase-endpoints.js';

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: 'memory://', dev: true, log: () => {} });
});
after(() => server.close());

test('adds two pages of endpoints to a customer that never had one, and never again', async () => {
  const token = await signDevToken({ tenant: 'showcase', role: 'admin', sub: 'ada@demo.example' }, server.config);
  const client = createIntegrationClient({ baseUrl: server.url, token });
  await seedShowcaseEndpoints(server.url, token);
  const seeded = await client.endpoints.list({ limit: 100 });
  assert.ok(seeded.total > 10, `more than one page of the grid’s 10 (${seeded.total})`);
  assert.equal((await client.endpoints.list({ q: 'order' })).total, 1, 'Find by name has something to find');

  await client.endpoints.delete(seeded.items[0]!.id);
  await seedShowcaseEndpoints(server.url, token);
  assert.equal((await client.endpoints.list()).total, seeded.total - 1, 'a restart keeps the deletion and adds nothing');
});
