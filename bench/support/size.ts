import { build, type BuildOptions, type Plugin } from 'esbuild';
import type { RollupOptions, OutputOptions } from 'rollup';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { dirname, relative, resolve } from 'node:path';
import { minifyLitEsbuild } from '../../scripts/minify-lit.mjs';
import { generateInMemory } from '../../rollup.config.mjs';

/** How every bench bundles for the browser, as a host's bundler would: ESM, minified, from the TypeScript sources. */
export const browserBuild = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['source'],
  tsconfig: 'tsconfig.json',
  write: false,
  legalComments: 'none',
} as const satisfies BuildOptions;

/**
 * Bundles `code` (an ES module importing from the workspace, or from `resolveDir`) for the browser:
 * minified (our Lit `css` and `html` templates compacted, as the elements package and the embed are), then gzip -9. `external` packages are
 * left out (e.g. React for React-only libraries). `inputs` gives each source file's minified bytes in the bundle.
 */
export async function browserSize(
  code: string,
  label: string,
  options: { resolveDir?: string; external?: string[]; plugins?: Plugin[] } = {},
): Promise<{ raw: number; gzip: number; inputs: Record<string, number> }> {
  const result = await build({
    stdin: { contents: code, resolveDir: options.resolveDir ?? process.cwd(), sourcefile: `${label}.ts`, loader: 'ts' },
    external: options.external ?? [],
    ...browserBuild,
    plugins: [minifyLitEsbuild(), ...(options.plugins ?? [])],
    // embed.ts imports some side-effect-free modules first for the rollup build's bundle order only;
    // esbuild drops those imports (harmlessly) and would warn about each.
    logOverride: { 'ignored-bare-import': 'silent' },
    metafile: true,
  });
  const bytes = result.outputFiles[0]!.contents;
  const inputs = Object.fromEntries(
    Object.entries(Object.values(result.metafile.outputs)[0]!.inputs).map(([path, input]) => [path, input.bytesInOutput]),
  );
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, inputs };
}

/**
 * Runs one rollup build (a config of rollup.config.mjs) in memory and measures the file it writes, byte for
 * byte (its source-map comment included): size, gzip -9, and the minified bytes each source file accounts for,
 * read from the build's source map (bytes no mapping claims, e.g. bundler glue, are left out of `inputs`).
 */
export async function shippedSize(config: RollupOptions): Promise<{ raw: number; gzip: number; inputs: Record<string, number> }> {
  const output = config.output as OutputOptions;
  const chunk = await generateInMemory(config);
  const bytes = Buffer.from(chunk.code);
  const inputs: Record<string, number> = {};
  if (chunk.map) {
    const dir = dirname(resolve(output.file ?? output.dir ?? '.'));
    const sources = chunk.map.sources.map((s) => relative(process.cwd(), resolve(dir, s)));
    for (const [source, n] of bytesPerSource(chunk.code, chunk.map.mappings)) inputs[sources[source]!] = (inputs[sources[source]!] ?? 0) + n;
  }
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, inputs };
}

/**
 * UTF-8 bytes of `code` per source index of its source map `mappings`: each segment runs to the next one,
 * across line ends too (a template literal's later lines belong to the segment that opened it).
 */
function bytesPerSource(code: string, mappings: string): Map<number, number> {
  const out = new Map<number, number>();
  const add = (src: number, text: string) => {
    if (src >= 0 && text) out.set(src, (out.get(src) ?? 0) + Buffer.byteLength(text));
  };
  const lines = code.split('\n');
  /** Source of the segment in effect (the last one seen), -1 for an unmapped one. */
  let current = -1;
  decode(mappings).forEach((segments, l) => {
    const text = lines[l] ?? '';
    const starts = segments.map(([column, source]) => [column, source ?? -1] as const);
    add(current, text.slice(0, starts[0]?.[0] ?? text.length) + (l > 0 ? '\n' : ''));
    starts.forEach(([start, src], i) => add(src, text.slice(start, starts[i + 1]?.[0] ?? text.length)));
    if (starts.length) current = starts.at(-1)![1];
  });
  return out;
}

/** One results row; `ok` compares to a budget where one is given. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}
