import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Phrase } from '../provider/translate.js';
import type { Announcer } from './announcer.js';
import { icon, iconSvg } from './icons.js';

/** A success or failure sentence, with the request id to quote when there is one. */
export interface Outcome {
  tone: 'success' | 'error';
  text: Phrase;
  reference?: string;
}

interface RenderOptions {
  part?: string;
  /** A close button, named by its `label`, that calls `onClick`. */
  dismiss?: { label: string; onClick(e: Event): void };
}

/**
 * One outcome an element shows in place (a save's, a connection test's): `show` shows it and announces it
 * in the element's live region (null takes it away), `render` draws it as a notice of class `cls`.
 */
export class OutcomeNotice {
  readonly #host: ReactiveControllerHost;
  readonly #announcer: Announcer;
  #outcome: Outcome | null = null;

  constructor(host: ReactiveControllerHost, announcer: Announcer) {
    this.#host = host;
    this.#announcer = announcer;
  }

  show(outcome: Outcome | null): void {
    this.#outcome = outcome;
    if (outcome) this.#announcer.announce(outcome.text());
    this.#host.requestUpdate();
  }

  render(cls: string, { part, dismiss }: RenderOptions = {}): TemplateResult | typeof nothing {
    const o = this.#outcome;
    if (!o) return nothing;
    return html`<div part=${part ?? nothing} class="notice ${o.tone} ${cls}">${iconSvg(o.tone === 'success' ? icon.check : icon.error)}
    <div class="grow"><p dir="auto">${o.text()}</p>${o.reference ? html`<p class="muted small">${o.reference}</p>` : nothing}</div>
    ${dismiss ? html`<button class="mp-button quiet small icon" type="button" aria-label=${dismiss.label} @click=${dismiss.onClick}>${iconSvg(icon.clear)}</button>` : nothing}</div>`;
  }
}
