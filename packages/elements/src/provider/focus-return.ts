import type { ReactiveControllerHost } from 'lit';

interface FocusHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
}

/** The focused element, looking through open shadow roots; null when nothing is (the page's body). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * Puts focus back where it was when a dialog opened: on the control that opened it or, when that
 * control has gone (its row was deleted, say), on the first match of `fallback` in the widget.
 * A dialog removed from the page (rather than closed) does not do this itself.
 */
export class FocusReturn {
  readonly #host: FocusHost;
  readonly #fallback: string;
  #opener: HTMLElement | null = null;

  constructor(host: FocusHost, fallback: string) {
    this.#host = host;
    this.#fallback = fallback;
  }

  /** Call as the dialog opens; by default remembers whatever has focus now. */
  remember(opener: HTMLElement | null = deepActiveElement()): void {
    this.#opener = opener;
  }

  /** Call as the dialog closes; resolves once focus is back. */
  async restore(): Promise<void> {
    await this.#host.updateComplete;
    const opener = this.#opener;
    this.#opener = null;
    (opener?.isConnected ? opener : this.#host.renderRoot.querySelector<HTMLElement>(this.#fallback))?.focus();
  }
}

/**
 * A control that is about to go (a retry giving way to the loading state, a notice's dismiss) hands focus to
 * `heading` (a selector in the same shadow root) when it has focus, so focus is not dropped to the page.
 */
export function headingTakesFocusFrom(e: Event, heading = '#heading'): void {
  const root = (e.currentTarget as Element).getRootNode() as ShadowRoot;
  if (root.activeElement === e.currentTarget) root.querySelector<HTMLElement>(heading)?.focus();
}
