// What a host installs is what `npm pack` writes: the built code, its sources (the `source` export condition,
// source maps) and types, without the suites, their kits and fixtures, which are the repository's business.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

const root = new URL('../../../', import.meta.url);
const testOnly = /\.test(-kit)?\.|browser-test-kit|test-fixtures/;

for (const workspace of ['packages/schema', 'packages/sdk', 'packages/elements', 'packages/connectors', 'packages/server']) {
  test(`${workspace} packs no tests, test kits or fixtures`, () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '-w', workspace], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as { files: { path: string }[] }[];
    assert.ok(packed!.files.some((f) => f.path.startsWith('dist/')), 'it packs its build');
    assert.deepEqual(packed!.files.map((f) => f.path).filter((path) => testOnly.test(path)), []);
  });
}
