// `memory://` databases: each server's own, migrated and empty, however many one process starts. After the
// second, they start from a copy of it as migrated (db.ts), so nothing stored before may be in that copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backends, startTestServer, type TestServer } from './support/harness.js';

const memory = backends.find((b) => b.name === 'pglite')!;

async function endpointNames(server: TestServer): Promise<string[]> {
  const reply = await (await server.tenant('tenant-a')).as('admin')('GET', '/v1/endpoints');
  assert.equal(reply.status, 200);
  return reply.body.items.map((e: { name: string }) => e.name);
}

async function addEndpoint(server: TestServer, name: string): Promise<void> {
  const reply = await (await server.tenant('tenant-a')).as('admin')('POST', '/v1/endpoints', { body: { name, description: 'Orders from the shop' } });
  assert.equal(reply.status, 201, reply.text);
}

test('every memory:// server starts empty, beside the first and after it, whatever the first stored', async () => {
  const first = await startTestServer(memory);
  try {
    await addEndpoint(first, 'kept-by-the-first');
    const second = await startTestServer(memory);
    try {
      assert.deepEqual(await endpointNames(second), [], 'a second server beside the first');
      await addEndpoint(second, 'kept-by-the-second');
      assert.deepEqual(await endpointNames(first), ['kept-by-the-first'], 'each keeps its own');
    } finally {
      await second.close();
    }
  } finally {
    await first.close();
  }
  const third = await startTestServer(memory);
  try {
    assert.deepEqual(await endpointNames(third), [], 'a third, once both are closed');
    await addEndpoint(third, 'kept-by-the-third');
    assert.deepEqual(await endpointNames(third), ['kept-by-the-third']);
  } finally {
    await third.close();
  }
});
