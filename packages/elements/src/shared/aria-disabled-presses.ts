/**
 * Makes a control marked `aria-disabled="true"` anywhere in `host` (its shadow root included) take no press, as a
 * disabled one would. The kit marks a button so, not `disabled`, while its own call runs, so it keeps keyboard
 * focus; this one listener, ahead of the button's own, keeps a second press (or Enter submitting its form) from
 * starting the call again.
 */
export function ignoreAriaDisabledPresses(host: HTMLElement): void {
  host.addEventListener(
    'click',
    (e) => {
      const pressed = e.composedPath()[0];
      if (!(pressed instanceof Element) || !pressed.closest('[aria-disabled="true"]')) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    },
    { capture: true },
  );
}
