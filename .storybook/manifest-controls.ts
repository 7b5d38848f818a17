import type { ArgTypesEnhancer } from 'storybook/internal/types';
import type { WebComponentsRenderer } from '@storybook/web-components-vite';

const fromManifest = new Set(['properties', 'attributes', 'css shadow parts', 'css custom properties', 'slots', 'events']);

/**
 * Keeps controls only where a story's render reads them: Storybook gives everything the custom-elements
 * manifest names (parts, events, slots) a JSON control that sets nothing; those keep their row without one.
 */
export const manifestControls: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes, initialArgs }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (!category || !fromManifest.has(category) || name in initialArgs) return [name, argType];
      return [name, { ...argType, control: false }];
    }),
  );
// After Storybook's own enhancers, which read the manifest.
manifestControls.secondPass = true;

interface Named {
  name: string;
}
interface Declaration {
  members?: Named[];
  attributes?: Array<Named & { fieldName?: string }>;
  events?: Named[];
  slots?: Named[];
  cssProperties?: Named[];
  cssParts?: Named[];
}

/**
 * Storybook lists an attribute under its own name and its property under the property's, so `display-value`
 * and `displayValue` would be two rows, one of them without a control: the stories' args (support/attribute-args)
 * are by property. An attribute named otherwise than its property is listed once, in the property's row, which
 * support/attribute-args names after the attribute.
 */
export function withAttributesByProperty<M extends { modules: Array<{ declarations?: Declaration[] }> }>(manifest: M): M {
  const copy = structuredClone(manifest);
  for (const declaration of copy.modules.flatMap((m) => m.declarations ?? [])) {
    const members = new Set((declaration.members ?? []).map((m) => m.name));
    if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !a.fieldName || a.fieldName === a.name || !members.has(a.fieldName));
  }
  return copy;
}

/**
 * Storybook keys an element's args table by name across members, attributes, events, slots, CSS properties
 * and parts, so a slot or part named like something before it (the grid's `sort` part and attribute, its
 * `empty` slot and part) would take that row. Such slots and parts are renamed here, for the table only:
 * `sort (part)`, `empty (slot)`. The default slot (no name) is listed as `default`.
 */
export function withDistinctNames<M extends { modules: Array<{ declarations?: Declaration[] }> }>(manifest: M): M {
  const copy = structuredClone(manifest);
  for (const declaration of copy.modules.flatMap((m) => m.declarations ?? [])) {
    const taken = new Set([...(declaration.members ?? []), ...(declaration.attributes ?? []), ...(declaration.events ?? [])].map((x) => x.name));
    for (const [list, kind] of [[declaration.slots, 'slot'], [declaration.cssProperties, 'property'], [declaration.cssParts, 'part']] as const) {
      for (const item of list ?? []) {
        // The default slot's name is empty, which no table row can be keyed by.
        if (item.name === '' && kind === 'slot') item.name = 'default';
        if (taken.has(item.name)) item.name = `${item.name} (${kind})`;
        taken.add(item.name);
      }
    }
  }
  return copy;
}
