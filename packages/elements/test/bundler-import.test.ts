// getting-started.md tells bundler users to `import '@memberpulse/integration-elements'` for its side effect:
// registering the elements. Bundlers honour the package's `sideEffects` list, so the entry must be on it or
// the bare import (and every element with it) is dropped without a word.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { build } from 'esbuild';

const tags = readdirSync(new URL('../src', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .flatMap((f) => [...readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8').matchAll(/customElements\.define\('([a-z-]+)'/g)].map((m) => m[1]!));

test('a bare import of the package registers every element in a bundle', async () => {
  assert.ok(tags.length >= 6, `found the elements: ${tags.join(', ')}`);
  const out = await build({
    stdin: { contents: "import '@memberpulse/integration-elements';", resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: 'esm',
    conditions: ['source'],
    logLevel: 'silent',
    external: ['lit', 'lit/*', '@lit/*', 'ky', 'zod', 'zod/*'],
  });
  const code = out.outputFiles[0]!.text;
  for (const tag of tags) assert.ok(code.includes(`"${tag}"`), `${tag} is registered by the bundle`);
});

test('the one-file embed exports the SDK client and every error class a page branches on', async () => {
  const out = await build({
    entryPoints: [new URL('../src/embed.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    conditions: ['source'],
    metafile: true,
    logLevel: 'silent',
    outdir: 'unused',
  });
  const exported = Object.values(out.metafile.outputs).flatMap((o) => o.exports);
  const sdk = await import('@memberpulse/integrations-sdk');
  const errorClasses = Object.keys(sdk).filter((name) => name.endsWith('Error'));
  for (const name of ['createIntegrationClient', ...errorClasses]) assert.ok(exported.includes(name), `${name} is exported`);
});

test('the built files keep the same side effects as their sources', () => {
  const { sideEffects } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { sideEffects: string[] };
  const sources = sideEffects.filter((f) => f.startsWith('./src/'));
  assert.deepEqual(
    sideEffects.filter((f) => f.startsWith('./dist/')).sort(),
    sources.map((f) => f.replace('./src/', './dist/').replace(/\.ts$/, '.js')).sort(),
  );
});

test('TypeScript finds the React wrappers under the old node10 resolution too, and the package asks for React only as an optional peer', async () => {
  const ts = (await import('typescript')).default;
  const from = new URL('../../../demo/any.ts', import.meta.url).pathname;
  for (const moduleResolution of [ts.ModuleResolutionKind.Node10, ts.ModuleResolutionKind.Bundler, ts.ModuleResolutionKind.NodeNext]) {
    const options = { moduleResolution, module: moduleResolution === ts.ModuleResolutionKind.NodeNext ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext };
    const { resolvedModule } = ts.resolveModuleName('@memberpulse/integration-elements/react', from, options, ts.sys);
    assert.match(resolvedModule?.resolvedFileName ?? 'unresolved', /elements\/(dist|src)\/react\.d?\.?ts$/, `resolved under ${ts.ModuleResolutionKind[moduleResolution]}`);
  }
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
  assert.ok(pkg.peerDependencies?.react && pkg.peerDependenciesMeta?.react?.optional, 'dist/react.js imports react: declared, and optional for hosts without React');
});
