import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Global design tokens shared by every `mp-*` element.
 *
 * Hosts theme the kit by setting the public `--mp-*` custom properties anywhere above an element (`:root`,
 * a container, or the element itself). Each element reads them through private `--_mp-*` twins that fall
 * back to the defaults below, so an element works with no global CSS at all.
 *
 * Light and dark: every colour default is a `light-dark()` pair, resolved by the element's `color-scheme`.
 * By default that follows the operating system (`prefers-color-scheme`); a host forces one with the class
 * `mp-theme-dark` / `mp-theme-light` or the attribute `data-mp-theme="dark|light"` on the element or any
 * ancestor (see {@link installThemeRoot}), or by setting `--mp-color-scheme: dark` itself.
 *
 * A host colour given as a single value applies in both schemes; give `light-dark(#light, #dark)` to vary it.
 */

/** Colour tokens: name → [light, dark]. Text/background pairs meet WCAG AA (4.5:1) in both schemes. */
export const colorTokens = {
  surface: ['#ffffff', '#16191f'],
  'surface-raised': ['#ffffff', '#1f232b'],
  'surface-sunken': ['#f4f6f9', '#0f1217'],
  'surface-hover': ['#eef2f8', '#262b35'],
  text: ['#1b1f27', '#e8ebf1'],
  'text-muted': ['#596170', '#a7afbf'],
  border: ['#d5dae2', '#363c48'],
  'border-strong': ['#8a93a3', '#6b7485'],
  accent: ['#1f56d6', '#8db1ff'],
  'accent-text': ['#ffffff', '#0c1a38'],
  // The accent mixed into the surface, so a host's brand colour tints what is chosen too.
  'accent-subtle': ['color-mix(in srgb, var(--_mp-color-accent) 10%, var(--_mp-color-surface))', 'color-mix(in srgb, var(--_mp-color-accent) 18%, var(--_mp-color-surface))'],
  focus: ['#1f56d6', '#9cbcff'],
  danger: ['#b3261e', '#ff9a8f'],
  'danger-subtle': ['#fdecea', '#3a1d1c'],
  warning: ['#8a4b00', '#f4c26b'],
  'warning-subtle': ['#fff4e0', '#3a2c12'],
  success: ['#17693a', '#74d49c'],
  'success-subtle': ['#e5f5eb', '#15301f'],
  shadow: ['rgb(15 23 42 / 0.16)', 'rgb(0 0 0 / 0.5)'],
} as const satisfies Record<string, readonly [string, string]>;

/** Spacing scale. */
export const spaceTokens = {
  '2xs': '2px',
  xs: '4px',
  s: '8px',
  m: '12px',
  l: '16px',
  xl: '24px',
  '2xl': '32px',
} as const;

/** Typography. */
export const fontTokens = {
  family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  'family-mono': "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  // The other sizes follow the body size (14 px by default: 12, 13 and 16), so a host setting only
  // --mp-font-size-m scales headings, table heads and small buttons with it.
  'size-m': '0.875rem',
  'size-xs': 'calc(var(--_mp-font-size-m) * 6 / 7)',
  'size-s': 'calc(var(--_mp-font-size-m) * 13 / 14)',
  'size-l': 'calc(var(--_mp-font-size-m) * 8 / 7)',
  'weight-normal': '400',
  'weight-strong': '600',
  'line-height': '1.4',
} as const;

/** Corner radii. */
export const radiusTokens = {
  s: '4px',
  m: '6px',
  l: '10px',
  pill: '999px',
} as const;

export type ColorToken = keyof typeof colorTokens;
export type SpaceToken = keyof typeof spaceTokens;
export type FontToken = keyof typeof fontTokens;
export type RadiusToken = keyof typeof radiusTokens;

function declarations(): string {
  const out: string[] = [];
  for (const [name, [light, dark]] of Object.entries(colorTokens)) {
    const own = `light-dark(${light}, ${dark})`;
    // The focus ring follows a host's accent; without one it keeps its own colours.
    out.push(`--_mp-color-${name}: var(--mp-color-${name}, ${name === 'focus' ? `var(--mp-color-accent, ${own})` : own});`);
  }
  for (const [name, value] of Object.entries(spaceTokens)) out.push(`--_mp-space-${name}: var(--mp-space-${name}, ${value});`);
  for (const [name, value] of Object.entries(fontTokens)) out.push(`--_mp-font-${name}: var(--mp-font-${name}, ${value});`);
  for (const [name, value] of Object.entries(radiusTokens)) out.push(`--_mp-radius-${name}: var(--mp-radius-${name}, ${value});`);
  out.push('--_mp-focus-ring: 0 0 0 2px var(--_mp-color-surface), 0 0 0 4px var(--_mp-color-focus);');
  return out.join('\n');
}

/**
 * Attribute an mp element puts on mp elements it renders inside its own shadow root (e.g. the field
 * mapper on each row's `<mp-combobox>`): they then inherit the parent's private tokens instead of
 * declaring all of them again, which matters when a virtualized table creates dozens per keystroke.
 */
export const INHERIT_TOKENS_ATTRIBUTE = 'data-mp-inherit-tokens';

/**
 * Include first in every element's `static styles`. Declares the private `--_mp-*` twins on `:host`,
 * sets `color-scheme`, and honours the dark/light opt-ins placed on the element itself. Skipped on hosts
 * marked with {@link INHERIT_TOKENS_ATTRIBUTE}, which inherit them.
 * Use the tokens as `var(--_mp-color-text)`, `var(--_mp-space-m)` etc. inside the element's styles.
 */
export const tokens: CSSResult = css`
  :host(:not([${unsafeCSS(INHERIT_TOKENS_ATTRIBUTE)}])) {
    color-scheme: var(--mp-color-scheme, light dark);
    ${unsafeCSS(declarations())}
  }
  :host(.mp-theme-dark),
  :host([data-mp-theme='dark']) {
    --mp-color-scheme: dark;
  }
  :host(.mp-theme-light),
  :host([data-mp-theme='light']) {
    --mp-color-scheme: light;
  }
`;

/**
 * Document-level rules so the opt-in classes and attributes also work on an ancestor (`<html
 * data-mp-theme="dark">`, `<div class="mp-theme-dark">`). In a cascade layer, so any host rule wins.
 */
export const themeRootCss = `@layer mp-theme {
  .mp-theme-dark, [data-mp-theme='dark'] { --mp-color-scheme: dark; }
  .mp-theme-light, [data-mp-theme='light'] { --mp-color-scheme: light; }
}`;

const installed = new WeakSet<Document | ShadowRoot>();

/**
 * Adds {@link themeRootCss} once to a document (or a host's shadow root that contains mp elements).
 * Every mp element calls it for its own document when it connects; call it yourself only for elements
 * placed inside another component's shadow root.
 */
export function installThemeRoot(root: Document | ShadowRoot = document): void {
  if (installed.has(root) || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in root)) return;
  installed.add(root);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(themeRootCss);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Constructable stylesheets unsupported: the element-level opt-ins still work.
  }
}
