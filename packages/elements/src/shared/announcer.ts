import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region for screen-reader announcements (results of an action, counts after a search).
 * Create one per element (`#announcer = new Announcer(this)`), place `this.#announcer.render()` once in the
 * template (it needs `.visually-hidden` from the base styles), then call `announce(text)`.
 */
export class Announcer implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #text = '';
  #tick = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Announces `text` now, or after `delayMs` of quiet (later calls replace earlier pending ones, e.g. while typing). */
  announce(text: string, delayMs = 0): void {
    clearTimeout(this.#timer);
    const say = () => {
      // Alternate an invisible character so the same words twice are still announced.
      this.#tick++;
      this.#text = text + (this.#tick % 2 ? '\u200b' : '');
      this.#host.requestUpdate();
    };
    if (delayMs > 0) this.#timer = setTimeout(say, delayMs);
    else say();
  }

  /**
   * Drops an announcement still waiting for its quiet, and empties the region (what it said has stopped being
   * true, and a screen reader reading the page would still come across it there).
   */
  cancel(): void {
    clearTimeout(this.#timer);
    if (!this.#text) return;
    this.#text = '';
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#text}</div>`;
  }
}
