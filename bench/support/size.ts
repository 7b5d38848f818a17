import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { minifyLitCssEsbuild } from '../../scripts/minify-lit-css.mjs';

/**
 * Bundles `code` (an ES module importing from the workspace, or from `resolveDir`) for the browser:
 * minified (our Lit `css` templates too, as the embed build does), then gzip -9. `external` packages are
 * left out (e.g. React for React-only libraries). `inputs` gives each source file's minified bytes in the bundle.
 */
export async function browserSize(
  code: string,
  label: string,
  options: { resolveDir?: string; external?: string[] } = {},
): Promise<{ raw: number; gzip: number; inputs: Record<string, number> }> {
  const result = await build({
    stdin: { contents: code, resolveDir: options.resolveDir ?? process.cwd(), sourcefile: `${label}.ts`, loader: 'ts' },
    external: options.external ?? [],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: 'tsconfig.json',
    write: false,
    legalComments: 'none',
    plugins: [minifyLitCssEsbuild()],
    metafile: true,
  });
  const bytes = result.outputFiles[0]!.contents;
  const inputs = Object.fromEntries(
    Object.entries(Object.values(result.metafile.outputs)[0]!.inputs).map(([path, input]) => [path, input.bytesInOutput]),
  );
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, inputs };
}

/** One results row; `ok` compares to a budget where one is given. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}
