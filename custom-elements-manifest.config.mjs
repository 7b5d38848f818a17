// custom-elements.json for the elements package: feeds Storybook's docs, IDEs and docs/elements.md.
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/test-fixtures/**', '**/*.styles.ts'],
  outdir: 'packages/elements',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
