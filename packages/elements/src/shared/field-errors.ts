import { html, nothing, type TemplateResult } from 'lit';
import { icon, iconSvg } from './icons.js';

/**
 * The errors under a control, each on its own line (two problems with one value read as two, not one run-on
 * sentence); together they are `<controlId>-error` for `aria-describedby`.
 */
export function renderErrors(controlId: string, messages: readonly string[]): TemplateResult | typeof nothing {
  if (messages.length === 0) return nothing;
  return html`<div id="${controlId}-error">${messages.map((m) => html`<p class="field-error">${iconSvg(icon.error)}<span dir="auto">${m}</span></p>`)}</div>`;
}
