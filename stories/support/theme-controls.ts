import type { ArgTypes } from '@storybook/web-components-vite';
import { radiusTokens, type RadiusToken } from '../../packages/elements/src/styles/tokens.js';

type RadiusArgs = { [K in RadiusToken as `radius-${K}`]: string };

/** The global design tokens a brand usually sets first (docs/theming.md), as Storybook controls: every corner radius has its own. */
export interface ThemeArgs extends RadiusArgs {
  accent: string;
  accentText: string;
  fontFamily: string;
  fontSize: string;
}

const radii = Object.keys(radiusTokens) as RadiusToken[];
const radiusArgs = (value: string) => Object.fromEntries(radii.map((r) => [`radius-${r}`, value])) as RadiusArgs;

/** Empty values leave each token at its default. */
export const themeArgs: ThemeArgs = { accent: '', accentText: '', ...radiusArgs(''), fontFamily: '', fontSize: '' };

/**
 * A brand's purple as docs/theming.md advises: a `light-dark()` pair, since one dark colour would not read as
 * text on the dark scheme's surfaces, with the text on accent-filled buttons paired to it.
 */
export const brandAccent: Pick<ThemeArgs, 'accent' | 'accentText'> = { accent: 'light-dark(#7a1fa2, #d6a4f2)', accentText: 'light-dark(#ffffff, #2a0838)' };

/** Every radius token at 0: square corners on frames, cards, controls, badges and pills alike. */
export const squareCorners: RadiusArgs = radiusArgs('0');

export const themeArgTypes: ArgTypes<ThemeArgs> = {
  accent: { control: 'text', description: '`--mp-color-accent`, which the focus ring and the tints of chosen items follow: a colour, or `light-dark(light, dark)`', table: { category: 'theme tokens' } },
  accentText: { control: 'text', description: '`--mp-color-accent-text`, the text on accent-filled buttons', table: { category: 'theme tokens' } },
  ...(Object.fromEntries(
    radii.map((r) => [`radius-${r}`, { control: 'text', description: `\`--mp-radius-${r}\` (default ${radiusTokens[r]}), e.g. \`0\``, table: { category: 'theme tokens' } }]),
  ) as ArgTypes<RadiusArgs>),
  fontFamily: { control: 'text', description: '`--mp-font-family`', table: { category: 'theme tokens' } },
  fontSize: { control: 'text', description: '`--mp-font-size-m`, e.g. `18px`', table: { category: 'theme tokens' } },
};

/** Inline declarations for the tokens that are set. */
export function themeStyle(args: ThemeArgs): string {
  const tokens: Array<[string, string]> = [
    ['--mp-color-accent', args.accent],
    ['--mp-color-accent-text', args.accentText],
    ...radii.map((r): [string, string] => [`--mp-radius-${r}`, args[`radius-${r}`]]),
    ['--mp-font-family', args.fontFamily],
    ['--mp-font-size-m', args.fontSize],
  ];
  return tokens.filter(([, value]) => value).map(([name, value]) => `${name}: ${value};`).join(' ');
}
