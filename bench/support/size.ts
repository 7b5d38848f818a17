import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** Bundles `code` (an ES module importing from the workspace) for the browser: minified, then gzip -9. */
export async function browserSize(code: string, label: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), sourcefile: `${label}.ts`, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: 'tsconfig.json',
    write: false,
    legalComments: 'none',
  });
  const bytes = result.outputFiles[0]!.contents;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** One results row; `ok` compares to a budget where one is given. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}
