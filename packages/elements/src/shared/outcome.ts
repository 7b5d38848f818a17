import { html, nothing, type TemplateResult } from 'lit';
import type { Phrase } from '../provider/translate.js';
import { icon, iconSvg } from './icons.js';

/** A success or failure sentence, with the request id to quote when there is one. */
export interface Outcome {
  tone: 'success' | 'error';
  text: Phrase;
  reference?: string;
}

/** An outcome as a notice of class `cls`; with `dismiss`, a close button (named by its `label`) that calls it. */
export function renderOutcome(o: Outcome, cls: string, options: { part?: string; dismiss?: { label: string; onClick(e: Event): void } } = {}): TemplateResult {
  const { part, dismiss } = options;
  return html`<div part=${part ?? nothing} class="notice ${o.tone} ${cls}">${iconSvg(o.tone === 'success' ? icon.check : icon.error)}
    <div class="grow"><p dir="auto">${o.text()}</p>${o.reference ? html`<p class="muted small">${o.reference}</p>` : nothing}</div>
    ${dismiss ? html`<button class="mp-button quiet small icon" type="button" aria-label=${dismiss.label} @click=${dismiss.onClick}>${iconSvg(icon.clear)}</button>` : nothing}</div>`;
}
