import type { Plugin } from 'vite';
import { stopTestEnv, testEnvConnectMiddleware } from '../scripts/test-env.mjs';

/**
 * Serves POST /__mp/test-env beside Storybook, from the module web-test-runner uses: the real API server
 * (in-memory PGlite) and the loopback Salesforce, started on the first request, and stopped with the server.
 * Storybook's dev server runs it (`configureServer`); `npm run storybook:static` serves a built Storybook with
 * it through Vite's preview server (`configurePreviewServer`).
 */
export function testEnvPlugin(): Plugin {
  return {
    name: 'mp-test-env',
    configureServer(server) {
      server.middlewares.use(testEnvConnectMiddleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(testEnvConnectMiddleware);
      server.httpServer.once('close', () => void stopTestEnv());
    },
    // Vite calls it when its dev server closes, which Storybook does when it stops.
    async buildEnd() {
      await stopTestEnv();
    },
  };
}
