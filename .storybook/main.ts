import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // The workspace packages publish their TypeScript sources under the `source` export condition.
  viteFinal: async (vite) => ({
    ...vite,
    resolve: { ...vite.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] },
  }),
};

export default config;
