import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Makes the browser ask before the page unloads while the host element holds unsaved work.
 * `holds` is asked at unload time, so it may also fire the element's own cancelable event.
 */
export class LeaveGuard implements ReactiveController {
  readonly #holds: () => boolean;
  readonly #onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this.#holds()) e.preventDefault();
  };

  constructor(host: ReactiveControllerHost, holds: () => boolean) {
    this.#holds = holds;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.#onBeforeUnload);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }
}
