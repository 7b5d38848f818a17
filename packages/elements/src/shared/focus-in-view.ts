import type { ReactiveController, ReactiveElement } from 'lit';

const inView = (el: Element | null | undefined): boolean => {
  const r = el?.getBoundingClientRect();
  return !!r && r.top >= 0 && r.bottom <= innerHeight;
};

/**
 * Keeps keyboard focus in sight when a render moves it: a notice shown above a focused row, or a full page of
 * rows pushing down the pager button just pressed, can carry the focused control out of the viewport, and the
 * page does not follow it. Scrolls only when the control was in view before the render, so someone who has
 * scrolled away from it is left where they are, and only for focus a keyboard put there (`:focus-visible`):
 * a click's target is where the pointer is.
 */
export class FocusInView implements ReactiveController {
  readonly #host: ReactiveElement;
  #wasInView = false;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdate(): void {
    this.#wasInView = inView(this.#focused());
  }

  hostUpdated(): void {
    const focused = this.#focused();
    if (this.#wasInView && focused && !inView(focused)) focused.scrollIntoView({ block: 'nearest' });
  }

  #focused(): Element | null | undefined {
    const focused = this.#host.shadowRoot?.activeElement;
    return focused?.matches(':focus-visible') ? focused : null;
  }
}
