import { context, type BuildContext } from 'esbuild';
// @ts-expect-error plain ESM config without types
import { embedBuilds, generateInMemory } from '../rollup.config.mjs';

const root = new URL('..', import.meta.url).pathname;

/**
 * The one-file embed, bundled from source on demand so `npm start` needs no prior build and a reload
 * of the demo page picks up edits to the elements. Production hosts use the rollup build
 * (`packages/elements/dist/mp-integration-kit.js`), which is the same entry minified.
 */
export async function embedBundler(): Promise<{ build(): Promise<string>; dispose(): Promise<void> }> {
  const ctx: BuildContext<{ write: false }> = await context({
    absWorkingDir: root,
    entryPoints: ['packages/elements/src/embed.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source', 'browser'],
    tsconfig: 'tsconfig.json',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  return {
    async build() {
      const result = await ctx.rebuild();
      return result.outputFiles[0]!.text;
    },
    dispose: () => ctx.dispose(),
  };
}

/**
 * The embed exactly as `npm run build` ships it (rollup, minified, templates and styles compacted), built
 * once in memory. The end-to-end test runs one pass on it, so what hosts load is what was clicked through.
 */
export async function shippedEmbed(): Promise<{ build(): Promise<string>; dispose(): Promise<void> }> {
  const { code } = await generateInMemory(embedBuilds()[0]);
  return { build: async () => code, dispose: async () => {} };
}
