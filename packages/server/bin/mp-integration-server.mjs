#!/usr/bin/env node
// Runs the server CLI: from TypeScript source (through tsx, with the workspace "source" condition) inside
// the monorepo, or from the built dist/ when installed as a package.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const dist = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
let tsx = null;
try {
  tsx = import.meta.resolve('tsx');
} catch {
  tsx = null;
}

if (existsSync(src) && tsx) {
  // MP_STOP_WITH_PARENT: the server stops gracefully if this wrapper dies without passing a signal on.
  const child = spawn(process.execPath, ['--conditions=source', '--import', tsx, src, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, MP_STOP_WITH_PARENT: String(process.pid) },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  // A child stopped by a signal before it could handle it (in its first moments): end the same way.
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 0);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
} else if (existsSync(dist)) {
  await import(new URL('../dist/cli.js', import.meta.url).href);
} else {
  process.stderr.write('mp-integration-server: neither src/cli.ts (with tsx) nor dist/cli.js was found.\n');
  process.exit(1);
}
