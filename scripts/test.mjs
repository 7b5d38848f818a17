// Makes the custom-elements manifest, type-checks everything (as `npm run typecheck` does), runs the Node suites
// (node:test through tsx), builds Storybook and runs the browser suites (@web/test-runner in Chromium), then prints one plain closing
// line "N passed, N failed" over both.
import { spawn } from 'node:child_process';
import { readFile, rm, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const runNode = !args.has('--browser-only');
const runBrowser = !args.has('--node-only');

async function walk(dir, out = []) {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out;
}

function run(cmd, argv, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    // A command that cannot start at all counts as failed, so the closing line still prints.
    child.on('error', () => resolve(1));
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let exit = 0;

// The stories and their tests read the custom-elements manifest, which is generated, not kept in git:
// made afresh here, so a fresh clone has one and no run reads one older than the elements.
const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
if ((await run(process.execPath, [cem, 'analyze'])) !== 0) {
  console.error('the custom-elements manifest could not be generated (cem analyze)');
  failed += 1;
}

if (runNode) {
  // tsx and esbuild strip types without checking them, so only tsc notices a test, story or bench
  // calling an API that changed (tsconfig.check.json covers what the packages do not). A type error counts as one failure.
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const typed = (await run(process.execPath, [tsc, '-b'])) === 0 && (await run(process.execPath, [tsc, '-p', 'tsconfig.check.json'])) === 0;
  if (!typed) {
    console.error('typecheck failed (tsc -b, tsc -p tsconfig.check.json)');
    failed += 1;
  }
  const files = (await walk(join(root, 'packages')))
    .concat(await walk(join(root, 'tools')))
    .concat(await walk(join(root, 'demo')))
    .concat(await walk(join(root, 'scripts')))
    .filter((f) => /\/test\/.*\.test\.ts$/.test(f) && !f.endsWith('.browser.test.ts'))
    .map((f) => relative(root, f))
    .sort();
  const tap = join(tmpdir(), `mp-node-tests-${process.pid}.tap`);
  const code = await run(process.execPath, [
    '--import', 'tsx', '--conditions=source',
    '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = await readFile(tap, 'utf8').catch(() => '');
  await rm(tap, { force: true });
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
  if (code !== 0) {
    exit = 1;
    if (count('fail') === 0) failed += 1; // the runner itself failed (e.g. a file did not load)
  }
}

if (runBrowser) {
  // The stories' tests run them through web-test-runner's esbuild; Storybook builds them with Vite, which
  // refuses what esbuild lets by (a story importing a test-only module), so its build is a check of its own.
  const storybookOut = join(tmpdir(), `mp-storybook-${process.pid}`);
  const built = (await run(process.execPath, [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-o', storybookOut, '--quiet'])) === 0;
  await rm(storybookOut, { recursive: true, force: true });
  if (!built) {
    console.error('the Storybook build failed (storybook build)');
    failed += 1;
  }
  const summary = join(tmpdir(), `mp-browser-tests-${process.pid}.json`);
  // tsx + the source condition let the test-env middleware load the server straight from TypeScript.
  const code = await run(process.execPath, ['--import', 'tsx', '--conditions=source', join(root, 'node_modules/@web/test-runner/dist/bin.js')], {
    MP_WTR_SUMMARY: summary,
  });
  const result = JSON.parse(await readFile(summary, 'utf8').catch(() => '{"passed":0,"failed":1,"skipped":0}'));
  await rm(summary, { force: true });
  passed += result.passed;
  failed += result.failed;
  skipped += result.skipped;
  if (code !== 0) {
    exit = 1;
    if (result.failed === 0) failed += 1;
  }
}

if (failed > 0) exit = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exit);
