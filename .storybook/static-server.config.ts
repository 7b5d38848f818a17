// `npm run storybook:static`: Vite's preview server for the built Storybook (storybook-static/), with the
// API beside it at /__mp/test-env as `npm run storybook` has, so every story reaches the real server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { testEnvPlugin } from './test-env-plugin.js';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  build: { outDir: 'storybook-static' },
  // A taken port stops it, as `npm start` does; `npm run storybook:static -- --port N` moves it.
  preview: { port: 6007, strictPort: true, host: '127.0.0.1' },
  plugins: [testEnvPlugin()],
});
