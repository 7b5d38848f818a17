// `npm run build`: JSON Schemas from the interfaces, declarations (tsc -b), ESM bundles (rollup),
// then the element manifest with its reference page, and the SDK and schema reference (typedoc).
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const step = (label, cmd, args) => {
  console.log(`\n› ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(r.status ?? 1);
  }
};
const bin = (name) => `${root}node_modules/.bin/${name}`;

step('JSON Schemas (docs/schema)', process.execPath, ['--import', 'tsx', '--conditions=source', 'scripts/json-schema.mjs']);
step('type declarations (tsc -b)', bin('tsc'), ['-b']);
step('ESM bundles (rollup)', bin('rollup'), ['-c', '--silent']);
step('custom-elements manifest', bin('cem'), ['analyze']);
step('element reference (docs/reference/elements.md)', process.execPath, ['scripts/elements-reference.mjs']);
step('SDK and schema reference (typedoc, docs/reference/api)', bin('typedoc'), ['--logLevel', 'Warn']);
console.log('\nbuild: done');
