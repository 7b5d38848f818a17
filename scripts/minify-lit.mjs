// Both Lit template minifiers (css and html) as one build step, for rollup (the embed and the elements
// package) and for esbuild (the size benches, bundling from source as a host's bundler would the package).
import { readFile } from 'node:fs/promises';
import { rewriteTaggedTemplates } from './lit-templates.mjs';
import { minifyCssParts } from './minify-lit-css.mjs';
import { minifyHtmlParts } from './minify-lit-html.mjs';

const rewriters = { css: minifyCssParts, html: minifyHtmlParts, svg: minifyHtmlParts };

/** Our own modules (TypeScript or JavaScript outside node_modules): the only ones minified. */
const isOwnModule = (id) => /\.[cm]?[jt]s$/.test(id) && !id.includes('/node_modules/');

/** `code` with every `css`, `html` and `svg` template compacted (one parse per module). */
const minifyLit = (code, id) => rewriteTaggedTemplates(code, id, rewriters);

/** Rollup plugin; put it before the TypeScript plugin. Lines are kept, so the existing source map stands. */
export function minifyLitRollup() {
  return {
    name: 'minify-lit',
    transform(code, id) {
      if (!isOwnModule(id)) return null;
      const out = minifyLit(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}

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
