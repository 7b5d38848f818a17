import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { applyStoryPage, storyFrame } from '../stories/support/story-page.js';
import { manifestControls, withAttributesByProperty, withDistinctNames } from './manifest-controls.js';

setCustomElementsManifest(withDistinctNames(withAttributesByProperty(manifest)));

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [manifestControls],
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
      if (context.viewMode === 'docs') return storyFrame(story(), context.parameters, context.globals);
      applyStoryPage(context.parameters, context.globals);
      return story();
    },
  ],
};

export default preview;
