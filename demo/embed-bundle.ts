import { basename } from 'node:path';
// @ts-expect-error plain ESM config without types
import { embedBuilds, generateInMemory } from '../rollup.config.mjs';

/**
 * The one-file embed and its response-checks file exactly as `npm run build` ships them (rollup, minified,
 * templates and styles compacted), with their source maps, built once in memory, by URL path: what the demo
 * page loads is what hosts load.
 */
export function shippedEmbed(): Promise<Record<string, string>> {
  // Built once per process: the end-to-end test starts the demo twice.
  return (built ??= buildEmbed());
}

let built: Promise<Record<string, string>> | undefined;

async function buildEmbed(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const config of embedBuilds() as Array<{ output: { file: string } }>) {
    const { code, map } = (await generateInMemory(config)) as { code: string; map: { toString(): string } | null };
    const path = `/${basename(config.output.file)}`;
    files[path] = code;
    if (map) files[`${path}.map`] = map.toString();
  }
  return files;
}
