// docs/getting-started.md and docs/sdk.md install the packages from tarballs packed in a clone until they are on
// the npm registry. npm fetches a @memberpulse dependency not installed beside a tarball from the registry, which
// answers 404, so each guide must pack and install every @memberpulse package its examples import, and the
// ones those depend on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Each workspace package's name → the @memberpulse packages it depends on. */
const dependsOn = new Map(
  (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces.map((dir) => {
    const pkg = JSON.parse(read(`${dir}/package.json`)) as { name: string; dependencies?: Record<string, string> };
    return [pkg.name, Object.keys(pkg.dependencies ?? {}).filter((name) => name.startsWith('@memberpulse/'))];
  }),
);

/** The packages named and everything they depend on within the repository. */
function withDependencies(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const visit = (name: string): void => {
    if (out.has(name)) return;
    out.add(name);
    for (const dependency of dependsOn.get(name) ?? []) visit(dependency);
  };
  for (const name of names) visit(name);
  return out;
}

for (const doc of ['docs/getting-started.md', 'docs/sdk.md']) {
  test(`${doc} packs and installs every @memberpulse package its examples import, with their dependencies`, () => {
    const text = read(doc);
    const code = [...text.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
    const imported = [...code.matchAll(/(?:from|import)\s+'(@memberpulse\/[\w-]+)/g)].map((m) => m[1]!);
    assert.ok(imported.length > 0, 'its examples import a package');

    const pack = /`npm pack((?: -w [\w/-]+)+)`/.exec(text);
    assert.ok(pack, 'it says which packages to pack');
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', ...pack[1]!.trim().split(/\s+/)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as { name: string; filename: string }[];

    const install = /`npm install((?: <clone>\/[\w.-]+\.tgz)+)`/.exec(text);
    assert.ok(install, 'it says which tarballs to install');
    const installed = install[1]!.trim().split(/\s+/).map((path) => path.replace('<clone>/', ''));
    assert.deepEqual(installed.sort(), packed.map((p) => p.filename).sort(), 'it installs the tarballs npm pack writes');

    const missing = [...withDependencies(imported)].filter((name) => !packed.some((p) => p.name === name));
    assert.deepEqual(missing, [], 'every package imported, and each one it depends on, is packed');
  });
}
