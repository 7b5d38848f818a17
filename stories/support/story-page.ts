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
  const { theme, background, dir } = look(parameters, globals);
  document.documentElement.dataset.mpTheme = theme;
  document.documentElement.style.colorScheme = theme;
  document.body.style.background = background;
  document.documentElement.dir = dir;
  setLocale((parameters.strings ?? globals.strings) === 'long' ? LONG_LOCALE : 'en');
}

/** The theme, its page background and the direction a story asks for; its own parameters win over the toolbar. */
function look(parameters: StoryPage, globals: StoryPage) {
  const theme = (parameters.theme ?? globals.theme) === 'dark' ? 'dark' : 'light';
  return { theme, background: theme === 'dark' ? '#0f1419' : '#ffffff', dir: parameters.dir ?? globals.dir ?? 'ltr' };
}

/**
 * On a docs page, where several stories share one page, each story's theme and direction go on a frame
 * around it (the page takes the toolbar's). Strings stay the page's: a page has one locale.
 */
export function storyFrame(story: unknown, parameters: StoryPage, globals: StoryPage = {}): TemplateResult {
  applyStoryPage({}, globals);
  const { theme, background, dir } = look(parameters, globals);
  return html`<div data-mp-theme=${theme} dir=${dir} style="padding: 1rem; color-scheme: ${theme}; background: ${background}">${story}</div>`;
}
