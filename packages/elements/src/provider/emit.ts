/**
 * Dispatches a typed event from a widget. The events are documented by each element's `@fires` tags;
 * going through this function keeps the custom-elements analyzer from also listing names it guesses from
 * `dispatchEvent(new SomethingEvent())` (it would add "saved", "error", "change").
 */
export function emit(target: EventTarget, event: Event): boolean {
  return target.dispatchEvent(event);
}
