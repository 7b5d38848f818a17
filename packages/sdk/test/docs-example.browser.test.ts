// docs/sdk.md's browser example, run in real Chromium against the real API server that web-test-runner starts,
// so the snippet a reader pastes into a page keeps working as the SDK changes (docs-example.test.ts does the
// same for the Node example). The example's module script runs as written, with three stand-ins for what the
// reader's page has: the import resolves to the SDK, `myAuth` is the host's sign-in, and the example's
// placeholder origin is the test server.
import * as sdk from '@memberpulse/integrations-sdk';

declare const it: (name: string, fn: () => Promise<void>) => void;

interface TestEnv {
  apiUrl: string;
  tokens: Record<'admin' | 'editor' | 'viewer' | 'auditor', string>;
}

function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

/** The module script of the first `html` block under "### Browser" in docs/sdk.md, and what it imports. */
async function browserExample(): Promise<{ names: string[]; specifier: string; code: string }> {
  const res = await fetch('/docs/sdk.md');
  ok(res.ok, `/docs/sdk.md answered ${res.status}`);
  const doc = await res.text();
  const block = /```html\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('### Browser')))?.[1];
  ok(block, 'docs/sdk.md has a browser example');
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(block)?.[1];
  ok(script, 'the browser example is a module script');
  const imported = /^\s*import \{([^}]*)\} from '([^']+)';\s*$/m.exec(script);
  ok(imported, 'the example imports the SDK by name');
  return {
    names: imported[1]!.split(',').map((n) => n.trim()).filter(Boolean),
    specifier: imported[2]!,
    code: script.replace(imported[0], ''),
  };
}

it('docs/sdk.md’s browser example runs: it prints the role and that the CRM is not set up yet', async () => {
  const env: TestEnv = await (await fetch('/__mp/test-env', { method: 'POST' })).json();
  const { names, specifier, code } = await browserExample();
  ok(specifier === '@memberpulse/integrations-sdk', `the example imports ${specifier}`);
  const exports = sdk as unknown as Record<string, unknown>;
  for (const name of names) ok(name in exports, `the SDK exports ${name}`);
  const placeholder = /baseUrl: '(https:\/\/[^']+)'/.exec(code)?.[1];
  ok(placeholder, 'the example names a base URL');

  let refreshed = 0;
  const myAuth = { current: () => env.tokens.admin, renew: async () => (refreshed++, env.tokens.admin) };
  const printed: string[] = [];
  const log = { log: (...args: unknown[]) => printed.push(args.join(' ')) };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  const run = new AsyncFunction(...names, 'myAuth', 'console', code.replace(placeholder, env.apiUrl));
  await run(...names.map((n) => exports[n]), myAuth, log);

  ok(printed.join('\n') === 'admin not set up', `the example printed ${JSON.stringify(printed)}`);
  ok(refreshed === 0, 'a valid token needs no refresh');
});
