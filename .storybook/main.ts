import type { StorybookConfig } from '@storybook/web-components-vite';
import { testEnvPlugin } from './test-env-plugin.js';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // The workspace packages publish their TypeScript sources under the `source` export condition.
  viteFinal: async (vite, { configType }) => ({
    ...vite,
    resolve: { ...vite.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] },
    plugins: [...(vite.plugins ?? []), ...(configType === 'DEVELOPMENT' ? [testEnvPlugin()] : [])],
  }),
};

export default config;
