import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Keeps a focused control clear of the sticky save bar (WCAG 2.4.11): every control's
 * `scroll-margin-block-end` is the bar's measured height plus some air, so the browser scrolls a control
 * it focuses clear of the bar, also where the bar's buttons stack on a narrow screen or large text.
 * A text area is the exception the browser leaves, so it is scrolled here.
 */
export class BarClearance implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #size = new ResizeObserver(([entry]) => {
    const frame = this.#host.renderRoot.querySelector<HTMLElement>('.frame');
    if (entry && frame) frame.style.setProperty('--_mp-focus-clearance-end', `calc(${Math.ceil(entry.borderBoxSize[0]!.blockSize)}px + var(--_mp-space-m))`);
  });
  #bar: Element | null = null;

  readonly #onFocusin = (e: Event) => {
    // A text area shown half under the bar is not scrolled when it takes focus: the browser only makes
    // sure its caret shows. Once the browser is done, it is scrolled clear here.
    const control = e.target;
    if (control instanceof HTMLTextAreaElement) requestAnimationFrame(() => this.#clear(control));
  };

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // On the shadow root: focus moving between two controls inside it never reaches the host.
    this.#host.renderRoot.addEventListener('focusin', this.#onFocusin);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('focusin', this.#onFocusin);
  }

  #clear(control: HTMLElement): void {
    const bar = this.#bar;
    if (!bar || !control.matches(':focus') || control.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top) return;
    control.scrollIntoView({ block: 'nearest' });
  }

  hostUpdated(): void {
    const bar = this.#host.renderRoot.querySelector('[part="footer"]');
    if (bar === this.#bar) return;
    if (this.#bar) this.#size.unobserve(this.#bar);
    if (bar) this.#size.observe(bar);
    this.#bar = bar;
  }
}
