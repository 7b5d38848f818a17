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
  const dark = (parameters.theme ?? globals.theme) === 'dark';
  document.documentElement.dataset.mpTheme = dark ? 'dark' : 'light';
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  document.body.style.background = dark ? '#0f1419' : '#ffffff';
  document.documentElement.dir = parameters.dir ?? globals.dir ?? 'ltr';
  setLocale((parameters.strings ?? globals.strings) === 'long' ? LONG_LOCALE : 'en');
}
