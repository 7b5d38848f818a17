import type { ArgTypesEnhancer } from 'storybook/internal/types';
import type { WebComponentsRenderer } from '@storybook/web-components-vite';

const fromManifest = new Set(['properties', 'attributes', 'css shadow parts', 'css custom properties', 'slots', 'events']);

/**
 * Keeps controls only where a story's render reads them. Storybook lists everything the custom-elements
 * manifest names (private state, parts, events, slots) with a JSON control that sets nothing: private members
 * (`_x`, `#x`) leave the table, and the other entries the story has no arg for keep their row without a control.
 */
export const manifestControls: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes, initialArgs }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (!category || !fromManifest.has(category) || name in initialArgs) return [name, argType];
      if (/^[_#]/.test(name)) return [name, { ...argType, table: { ...argType.table, disable: true } }];
      return [name, { ...argType, control: false }];
    }),
  );
// After Storybook's own enhancers, which read the manifest.
manifestControls.secondPass = true;
