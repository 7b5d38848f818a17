// docs/sdk.md's Node example, run the way the docs say (node --import tsx) against the real server, so the
// example a reader copies keeps working as the SDK changes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIntegrationClient } from '@memberpulse/integrations-sdk';
import { startTestServer, type TestServer } from './support/env.ts';

/** The first `ts` block under "### Node" in docs/sdk.md. */
function nodeExample(): string {
  const doc = readFileSync(new URL('../../../docs/sdk.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('### Node')))?.[1];
  assert.ok(block, 'docs/sdk.md has a Node example');
  return block;
}

/** Runs the example with the API URL and token in the environment; answers what it printed. */
async function runExample(dir: string, env: { MP_API_URL: string; MP_TOKEN: string }): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', join(dir, 'example.ts')], { env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, err);
  return out.trim();
}

let server: TestServer;
let dir: string;
before(async () => {
  server = await startTestServer();
  // Inside the package, so the example's import resolves as it would in a reader's project.
  dir = mkdtempSync(new URL('./.docs-example-', import.meta.url).pathname);
  writeFileSync(join(dir, 'example.ts'), nodeExample());
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server?.close();
});

it('docs/sdk.md’s Node example runs: no settings yet, then the saved platform, status and masked credentials, and every endpoint by name', async () => {
  const { tokens } = await server.tenant();
  const env = { MP_API_URL: server.apiUrl, MP_TOKEN: tokens.admin };
  assert.equal(await runExample(dir, env), 'No CRM settings yet');

  const client = createIntegrationClient({ baseUrl: server.apiUrl, token: tokens.admin });
  await client.settings.saveDraft('crm', {
    platform: 'salesforce',
    config: { environment: 'production', authMode: 'connectedApp', consumerKey: 'ck-docs-example' },
    credentials: { consumerSecret: 'docs-example-secret-7788' },
  });
  for (const name of ['Zeta roster', 'Alpha sync']) await client.endpoints.create({ name, description: `${name} for the docs example` });
  const printed = await runExample(dir, env);
  assert.match(printed, /^salesforce draft \{\s+consumerSecret: \{\s+configured: true,\s+hint: '7788',/);
  assert.doesNotMatch(printed, /docs-example-secret/, 'the secret never comes back');
  assert.match(printed, /\}\nAlpha sync\nZeta roster$/, 'the endpoints, by name');
});
