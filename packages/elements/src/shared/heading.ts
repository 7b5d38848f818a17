import { nothing } from 'lit';
import { html, unsafeStatic, type StaticValue } from 'lit/static-html.js';

const tags: readonly StaticValue[] = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

/**
 * A native heading `below` levels under an element's `heading-level` (1 to 6; 2 when not a number), no deeper
 * than 6, so the element's headings fit the outline of the page that hosts it. With an `id` it can take focus
 * from script, where focus goes after an action.
 */
export function heading(level: number, below: number, content: unknown, id?: string, className?: string) {
  const own = Math.min(Math.max(Math.round(level) || 2, 1), 6);
  const tag = tags[Math.min(own + below, 6) - 1];
  return html`<${tag} id=${id ?? nothing} class=${className ?? nothing} tabindex=${id ? '-1' : nothing}>${content}</${tag}>`;
}
