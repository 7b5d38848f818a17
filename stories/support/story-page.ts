import { html, type TemplateResult } from 'lit';
import { setLocale } from '../../packages/elements/src/index.js';
import { LONG_LOCALE } from './long-strings.js';

/** What a story asks of the page around it (`parameters`), or the toolbar chose (`globals`). */
export interface StoryPage {
  theme?: string;
  dir?: string;
  strings?: string;
}

/**
 * Sets the page up as a story asks: light or dark theme, text direction, English or pseudo-translated
 * strings. A story's own parameters win over the toolbar. Storybook's preview and the stories' test
 * both use it, so the test sees each story as a designer does.
 */
export function applyStoryPage(parameters: StoryPage, globals: StoryPage = {}): void {
  const dark = isDark(parameters, globals);
  document.documentElement.dataset.mpTheme = dark ? 'dark' : 'light';
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  document.body.style.background = dark ? '#0f1419' : '#ffffff';
  document.documentElement.dir = parameters.dir ?? globals.dir ?? 'ltr';
  setLocale((parameters.strings ?? globals.strings) === 'long' ? LONG_LOCALE : 'en');
}

const isDark = (parameters: StoryPage, globals: StoryPage) => (parameters.theme ?? globals.theme) === 'dark';

/**
 * On a docs page, where several stories share one page, each story's theme and direction go on a frame
 * around it (the page takes the toolbar's). Strings stay the page's: a page has one locale.
 */
export function storyFrame(story: unknown, parameters: StoryPage, globals: StoryPage = {}): TemplateResult {
  applyStoryPage({}, globals);
  const dark = isDark(parameters, globals);
  const style = `padding: 1rem; color-scheme: ${dark ? 'dark' : 'light'}; background: ${dark ? '#0f1419' : '#ffffff'}`;
  return html`<div data-mp-theme=${dark ? 'dark' : 'light'} dir=${parameters.dir ?? globals.dir ?? 'ltr'} style=${style}>${story}</div>`;
}
