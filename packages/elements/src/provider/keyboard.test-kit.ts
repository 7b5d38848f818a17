// For browser tests only (web-test-runner's keyboard and mouse): stories import browser-test-kit.ts, and
// Storybook's build cannot resolve @web/test-runner-commands, so these helpers live apart.
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { equal, ok } from './browser-test-kit.js';
import { deepActiveElement } from './focus-return.js';

/** Presses Tab from `start` until focus reaches `end` (at most `limit` times), and answers where focus rested in between. */
export async function tabStops(start: HTMLElement, end: HTMLElement, limit = 200): Promise<HTMLElement[]> {
  start.focus();
  const stops: HTMLElement[] = [];
  for (let i = 0; i < limit; i++) {
    await sendKeys({ press: 'Tab' });
    const now = deepActiveElement();
    if (!now || now === end) return stops;
    stops.push(now);
  }
  throw new Error(`Tab did not reach the end in ${limit} presses`);
}

/**
 * Tries to change `control` as a person would: a real click at its middle, then Space, Enter, the arrow keys, Home,
 * End, Page Down and typing, each with focus back on it (a radio's arrow key moves focus on); for a select, also a
 * choice made in a picker that opens without a press (a touch browser's), which the browser reports as `input` and
 * `change` only. After each, what `shown` reads (the values on screen) must be as before, and no select's list
 * open, where a choice would change it.
 */
export async function tryToChange(control: HTMLElement, shown: () => string): Promise<void> {
  const name = control.id || control.getAttribute('aria-label') || control.outerHTML.slice(0, 80);
  const before = shown();
  const unchanged = (how: string) => {
    ok(!control.matches(':open'), `${how} opened the list of ${name}`);
    equal(shown(), before, `what shows after ${how} on ${name}`);
  };
  control.scrollIntoView({ block: 'center' });
  const box = control.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
  unchanged('a click');
  for (const key of ['Space', 'Enter', 'ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageDown']) {
    control.focus();
    await sendKeys({ press: key });
    unchanged(key);
  }
  control.focus();
  await sendKeys({ type: 'x' });
  unchanged('typing');
  if (control instanceof HTMLSelectElement) {
    control.selectedIndex = (control.selectedIndex + 1) % control.options.length;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
    // A change let through re-renders the form only on its next update.
    await new Promise(requestAnimationFrame);
    unchanged('a choice in its picker');
  }
}
