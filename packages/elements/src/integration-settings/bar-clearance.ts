import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Keeps a focused control clear of the sticky save bar (WCAG 2.4.11): every control's
 * `scroll-margin-block-end` is the bar's measured height plus some air, so the browser scrolls a control
 * it focuses clear of the bar, also where the bar's buttons stack on a narrow screen or large text.
 */
export class BarClearance implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #size = new ResizeObserver(([entry]) => {
    const frame = this.#host.renderRoot.querySelector<HTMLElement>('.frame');
    if (entry && frame) frame.style.setProperty('--_mp-focus-clearance-end', `calc(${Math.ceil(entry.borderBoxSize[0]!.blockSize)}px + var(--_mp-space-m))`);
  });
  #bar: Element | null = null;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    const bar = this.#host.renderRoot.querySelector('[part="footer"]');
    if (bar === this.#bar) return;
    if (this.#bar) this.#size.unobserve(this.#bar);
    if (bar) this.#size.observe(bar);
    this.#bar = bar;
  }
}
