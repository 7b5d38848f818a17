import type { ReactiveElement } from 'lit';

/**
 * Makes a control marked `aria-disabled="true"` or `aria-readonly="true"` anywhere in `host` (its shadow root
 * included) take no press, as a disabled one would, while it keeps keyboard focus. The kit marks a button so while
 * its own call runs, and a checkbox, switch or select read-only (a radio `aria-disabled`: ARIA gives a radio no
 * read-only state) where its value is there to be read, not changed: a viewer's, an archived record's, one held
 * while a save runs. This one listener, ahead of the control's own, cancels the click that would press, check or
 * choose (Space, Enter, a radio's arrow keys and its label's click all send one), so nothing starts twice or
 * changes; and a read-only select's keys and mouse press, which open or change it without a click.
 *
 * A picker that opens without either (a touch browser's) can still choose; the choice is put back, and its
 * `change`, which does not leave the shadow root, is stopped there before the element's own listeners hear it.
 */
export function ignoreAriaHeldPresses(host: ReactiveElement): void {
  const held = (e: Event, selector: string) => {
    const pressed = e.composedPath()[0];
    return pressed instanceof Element ? pressed.closest<HTMLElement>(selector) : null;
  };
  const refuse = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const readonlySelect = 'select[aria-readonly="true"]';
  host.addEventListener(
    'click',
    (e) => {
      if (held(e, '[aria-disabled="true"], [aria-readonly="true"]')) refuse(e);
    },
    { capture: true },
  );
  host.addEventListener(
    'keydown',
    (e) => {
      // Tab moves on; with Ctrl or ⌘ a key is the browser's or a screen reader's, not the select's.
      if (e.key !== 'Tab' && !e.ctrlKey && !e.metaKey && held(e, readonlySelect)) refuse(e);
    },
    { capture: true },
  );
  host.addEventListener(
    'mousedown',
    (e) => {
      const select = held(e, readonlySelect);
      if (!select) return;
      refuse(e);
      // Refused, the press would not focus it either.
      select.focus();
    },
    { capture: true },
  );
  const putBack = (e: Event) => {
    const select = held(e, readonlySelect) as HTMLSelectElement | null;
    if (!select) return;
    // The options' `selected` attributes are what the element rendered.
    for (const option of select.options) option.selected = option.defaultSelected;
    e.stopImmediatePropagation();
  };
  // Adding the same listener again on a later connect does nothing.
  host.addController({ hostConnected: () => host.renderRoot.addEventListener('change', putBack, { capture: true }) });
}
