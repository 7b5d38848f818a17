// `npm start`: the product on its embedded defaults: the API server on PGlite (.data/), the demo CRM
// (the repo's Salesforce-compatible server on loopback, clearly labelled as demo) and the demo portal page
// that embeds the widgets through the one-file bundle.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'demo/serve.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
