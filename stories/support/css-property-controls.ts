import type { ArgTypes } from '@storybook/web-components-vite';

/** An element's CSS custom properties by name, each with the control that edits it (a list: a select of those values). */
export type CssProperties = Record<`--${string}`, 'text' | 'color' | readonly string[]>;

/**
 * Storybook controls for an element's CSS custom properties. They replace the manifest's entries of the
 * same names (which Storybook would show as JSON controls that set nothing); an empty value leaves the
 * property at its default.
 */
export function cssPropertyArgTypes(properties: CssProperties): ArgTypes {
  return Object.fromEntries(
    Object.entries(properties).map(([name, control]) => [
      name,
      typeof control === 'string'
        ? { control, table: { category: 'css custom properties' } }
        : { control: 'select', options: ['', ...control], table: { category: 'css custom properties' } },
    ]),
  );
}

/** Empty args for every property: each starts at the element's default. */
export function cssPropertyArgs(properties: CssProperties): Record<string, string> {
  return Object.fromEntries(Object.keys(properties).map((name) => [name, '']));
}

/** Inline declarations for the properties the args set, to put on the element. */
export function cssPropertyStyle(properties: CssProperties, args: object): string {
  const values = args as Record<string, unknown>;
  return Object.keys(properties)
    .filter((name) => typeof values[name] === 'string' && values[name])
    .map((name) => `${name}: ${values[name] as string};`)
    .join(' ');
}
