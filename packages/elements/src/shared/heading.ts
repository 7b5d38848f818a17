import { html, nothing, type TemplateResult } from 'lit';

/**
 * A native heading `below` levels under an element's `heading-level` (1 to 6; 2 when not a number), no deeper
 * than 6, so the element's headings fit the outline of the page that hosts it. With an `id` it can take focus
 * from script, where focus goes after an action.
 */
export function heading(level: number, below: number, content: unknown, id?: string, className?: string): TemplateResult {
  const n = Math.min(Math.max(Math.round(level) || 2, 1) + below, 6);
  const i = id ?? nothing;
  const c = className ?? nothing;
  const focusable = id ? '-1' : nothing;
  // A tag name must be in a template's literal text: six templates cost less than lit/static-html (0.2 kB gzip).
  switch (n) {
    case 1:
      return html`<h1 id=${i} class=${c} tabindex=${focusable}>${content}</h1>`;
    case 2:
      return html`<h2 id=${i} class=${c} tabindex=${focusable}>${content}</h2>`;
    case 3:
      return html`<h3 id=${i} class=${c} tabindex=${focusable}>${content}</h3>`;
    case 4:
      return html`<h4 id=${i} class=${c} tabindex=${focusable}>${content}</h4>`;
    case 5:
      return html`<h5 id=${i} class=${c} tabindex=${focusable}>${content}</h5>`;
    default:
      return html`<h6 id=${i} class=${c} tabindex=${focusable}>${content}</h6>`;
  }
}
