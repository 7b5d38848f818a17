import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { setLocale } from '../packages/elements/src/index.js';
import { LONG_LOCALE } from '../stories/support/long-strings.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    backgrounds: { disable: true },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', items: ['light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    strings: {
      description: 'Strings: English, or pseudo-translated about 60 % longer',
      toolbar: { title: 'Strings', items: [{ value: 'en', title: 'English' }, { value: 'long', title: 'Long (pseudo-translated)' }], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', strings: 'en' },
  decorators: [
    (story, context) => {
      const dark = context.globals.theme === 'dark' || context.parameters.theme === 'dark';
      document.documentElement.dataset.mpTheme = dark ? 'dark' : 'light';
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
      document.body.style.background = dark ? '#0f1419' : '#ffffff';
      document.documentElement.dir = context.parameters.dir ?? context.globals.dir ?? 'ltr';
      setLocale((context.parameters.strings ?? context.globals.strings) === 'long' ? LONG_LOCALE : 'en');
      return story();
    },
  ],
};

export default preview;
