// Every entry the package exports must bring its types to a TypeScript consumer, whatever module resolution the
// consumer's tsconfig uses: node10 (`"moduleResolution": "node"`, still common with `"module": "commonjs"`) reads
// no `exports`, so subpaths need `typesVersions`. Reads the declarations `tsc -b` writes into dist/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import ts from 'typescript';

const packageDir = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8')) as { name: string; exports: Record<string, { types: string }> };
const importer = new URL('../../../demo/any.ts', import.meta.url).pathname;

const resolutions = {
  node10: { moduleResolution: ts.ModuleResolutionKind.Node10, module: ts.ModuleKind.CommonJS },
  bundler: { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext },
  nodenext: { moduleResolution: ts.ModuleResolutionKind.NodeNext, module: ts.ModuleKind.NodeNext },
};

for (const [entry, { types }] of Object.entries(pkg.exports)) {
  const specifier = pkg.name + entry.slice(1);
  test(`TypeScript finds the types of ${specifier} under node10, bundler and nodenext resolution`, () => {
    const expected = new URL(types, packageDir).pathname;
    for (const [name, options] of Object.entries(resolutions)) {
      const { resolvedModule } = ts.resolveModuleName(specifier, importer, options, ts.sys);
      assert.equal(resolvedModule?.resolvedFileName, expected, `under ${name}`);
    }
  });
}
