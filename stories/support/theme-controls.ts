import type { ArgTypes } from '@storybook/web-components-vite';

/** The global design tokens a brand usually sets first (docs/theming.md), as Storybook controls. */
export interface ThemeArgs {
  accent: string;
  radius: string;
  fontFamily: string;
  fontSize: string;
}

/** Empty values leave each token at its default. */
export const themeArgs: ThemeArgs = { accent: '', radius: '', fontFamily: '', fontSize: '' };

export const themeArgTypes: ArgTypes<ThemeArgs> = {
  accent: { control: 'color', description: '`--mp-color-accent` (and `--mp-color-focus`)', table: { category: 'theme tokens' } },
  radius: { control: 'text', description: '`--mp-radius-m`, e.g. `0` or `12px`', table: { category: 'theme tokens' } },
  fontFamily: { control: 'text', description: '`--mp-font-family`', table: { category: 'theme tokens' } },
  fontSize: { control: 'text', description: '`--mp-font-size-m`, e.g. `18px`', table: { category: 'theme tokens' } },
};

/** Inline declarations for the tokens that are set. */
export function themeStyle(args: ThemeArgs): string {
  const tokens: Array<[string, string]> = [
    ['--mp-color-accent', args.accent],
    ['--mp-color-focus', args.accent],
    ['--mp-radius-m', args.radius],
    ['--mp-font-family', args.fontFamily],
    ['--mp-font-size-m', args.fontSize],
  ];
  return tokens.filter(([, value]) => value).map(([name, value]) => `${name}: ${value};`).join(' ');
}
