// Both Lit template minifiers (css, then html) as one build step, for rollup (the embed and the elements
// package) and for esbuild (the size benches, bundling from source as a host's bundler would the package).
import { readFile } from 'node:fs/promises';
import { isOwnModule, rollupMinifier } from './lit-templates.mjs';
import { minifyLitCss } from './minify-lit-css.mjs';
import { minifyLitHtml } from './minify-lit-html.mjs';

const minifyLit = (code, id) => minifyLitHtml(minifyLitCss(code, id), id);

/** Rollup plugin; put it before the TypeScript plugin. Lines are kept, so the existing source map stands. */
export const minifyLitRollup = () => rollupMinifier('minify-lit', minifyLit);

/** esbuild plugin doing the same for our own TypeScript sources. */
export function minifyLitEsbuild() {
  return {
    name: 'minify-lit',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!isOwnModule(args.path)) return undefined;
        const code = await readFile(args.path, 'utf8');
        const out = minifyLit(code, args.path);
        return out === code ? undefined : { contents: out, loader: 'ts' };
      });
    },
  };
}
