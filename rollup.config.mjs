// Builds every package to ESM (dist/*.js; tsc -b writes the .d.ts beside them) and the one-file
// embed bundle with every element and the SDK for a single <script type="module">.
import { readFileSync, existsSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyLitCssRollup } from './scripts/minify-lit-css.mjs';

const tsconfig = new URL('./tsconfig.json', import.meta.url).pathname;
const packages = ['schema', 'sdk', 'elements', 'connectors', 'server'];

function packageBuild(dir) {
  const pkg = JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const isExternal = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const input = { index: `packages/${dir}/src/index.ts` };
  for (const extra of ['cli', 'react']) {
    if (existsSync(`packages/${dir}/src/${extra}.ts`)) input[extra] = `packages/${dir}/src/${extra}.ts`;
  }
  return {
    input,
    external: isExternal,
    output: { dir: `packages/${dir}/dist`, format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: `packages/${dir}/src` },
    plugins: [esbuild({ tsconfig, target: 'es2022' })],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
      warn(warning);
    },
  };
}

const embed = {
  input: 'packages/elements/src/embed.ts',
  // One file: the SDK's lazily imported validators are inlined rather than split into a second chunk.
  output: { file: 'packages/elements/dist/mp-integration-kit.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
  plugins: [
    nodeResolve({ exportConditions: ['source', 'browser', 'import', 'default'], extensions: ['.ts', '.js', '.mjs'] }),
    // Before TypeScript is stripped: finds `css` templates by syntax. bench/support/size.ts measures with the same.
    minifyLitCssRollup(),
    esbuild({ tsconfig, target: 'es2022' }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};

export default [
  ...packages.filter((d) => existsSync(`packages/${d}/src/index.ts`)).map(packageBuild),
  ...(existsSync(embed.input) ? [embed] : []),
];
