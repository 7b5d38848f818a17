import type { StorybookConfig } from '@storybook/web-components-vite';
import { testEnvPlugin } from './test-env-plugin.js';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // The workspace packages publish their TypeScript sources under the `source` export condition. In the dev
  // server, Storybook's renderer imports `lit/directive-helpers.js`, which is not pre-bundled with `lit`:
  // served apart, it would bring a second copy of Lit. Pre-bundled together, there is one.
  viteFinal: async (vite, { configType }) => ({
    ...vite,
    resolve: { ...vite.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] },
    optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit', 'lit/directive.js', 'lit/directive-helpers.js'] },
    plugins: [...(vite.plugins ?? []), ...(configType === 'DEVELOPMENT' ? [testEnvPlugin()] : [])],
  }),
};

export default config;
