// Builds every package to ESM (dist/*.js; tsc -b writes the .d.ts beside them) and the one-file
// embed bundle with every element and the SDK for a single <script type="module"> (plus its lazily loaded
// response checks).
import { readFileSync, existsSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyLitRollup } from './scripts/minify-lit.mjs';

const tsconfig = new URL('./tsconfig.json', import.meta.url).pathname;
const packages = ['schema', 'sdk', 'elements', 'connectors', 'server'];

function packageBuild(dir) {
  const pkg = JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const isExternal = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const input = { index: `packages/${dir}/src/index.ts` };
  for (const extra of ['cli', 'react', 'validation', 'json-schema']) {
    if (existsSync(`packages/${dir}/src/${extra}.ts`)) input[extra] = `packages/${dir}/src/${extra}.ts`;
  }
  return {
    input,
    external: isExternal,
    output: { dir: `packages/${dir}/dist`, format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: `packages/${dir}/src` },
    // The elements ship their templates compacted too, so a host bundling the package gets what the embed has.
    plugins: [...(dir === 'elements' ? [minifyLitRollup()] : []), esbuild({ tsconfig, target: 'es2022' })],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
      warn(warning);
    },
  };
}

/** The SDK's response checks, built beside the embed (see `embedBuilds`). */
const EMBED_CHECKS_FILE = 'mp-integration-kit-checks.js';

/** The SDK's dynamic import of its response checks, which the embed leaves to a file of their own. */
export const isChecksImport = (specifier, importer) => specifier === './validators.js' && /\/sdk\/src\/transport\.ts$/.test(importer);

/**
 * The one-file embed (every element and the SDK, for one `<script type="module">`) and, beside it, the SDK's
 * response checks (zod/mini and the schema's schemas). The embed's SDK imports the checks on demand, relative
 * to itself: a client that checks responses (`createIntegrationClient`'s default) loads them with its first
 * answer; the clients `<mp-integration-provider>` builds do not check, so a page of widgets loads one file.
 * The two files share no modules, so the checks file never loads a second copy of the embed.
 * `external` leaves packages out (the size bench uses it to show each library's share).
 * bench/embed.bench.ts measures exactly these builds.
 * @param {{ external?: (id: string) => boolean }} [options]
 * @returns {import('rollup').RollupOptions[]}
 */
export function embedBuilds({ external = () => false } = {}) {
  const plugins = [
    nodeResolve({ exportConditions: ['source', 'browser', 'import', 'default'], extensions: ['.ts', '.js', '.mjs'] }),
    // Before TypeScript is stripped: compacts `css` templates and drops the indentation in `html` ones.
    minifyLitRollup(),
    esbuild({ tsconfig, target: 'es2022' }),
    // A second compress pass finds a little more (about 0.2 kB gzip).
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ];
  const checksBeside = {
    name: 'checks-beside-the-embed',
    resolveDynamicImport(specifier, importer) {
      return isChecksImport(specifier, importer) ? { id: `./${EMBED_CHECKS_FILE}`, external: 'absolute' } : null;
    },
  };
  return [
    {
      input: 'packages/elements/src/embed.ts',
      external,
      output: { file: 'packages/elements/dist/mp-integration-kit.js', format: 'es', sourcemap: true },
      plugins: [checksBeside, ...plugins],
    },
    {
      input: 'packages/sdk/src/validators.ts',
      external,
      output: { file: `packages/elements/dist/${EMBED_CHECKS_FILE}`, format: 'es', sourcemap: true },
      plugins,
    },
  ];
}

/**
 * Runs one of these builds in memory and answers the file it would write (code and source map): the demo's
 * pass on the shipped embed and the size bench measure exactly what `npm run build` writes.
 * @param {import('rollup').RollupOptions} config
 * @returns {Promise<import('rollup').OutputChunk>}
 */
export async function generateInMemory(config) {
  const { rollup } = await import('rollup');
  const bundle = await rollup({ ...config, onwarn: () => {} });
  try {
    return (await bundle.generate(/** @type {import('rollup').OutputOptions} */ (config.output))).output[0];
  } finally {
    await bundle.close();
  }
}

export default [
  ...packages.filter((d) => existsSync(`packages/${d}/src/index.ts`)).map(packageBuild),
  ...(existsSync('packages/elements/src/embed.ts') ? embedBuilds() : []),
];
