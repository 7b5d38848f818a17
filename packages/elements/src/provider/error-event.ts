/** A call to the API failed; the widget shows it too. `error` is the SDK's typed error. */
export class IntegrationErrorEvent extends Event {
  static readonly type = 'mp-error';
  constructor(
    readonly error: unknown,
    /** What the widget was doing, e.g. `load`, `create`, `save`. */
    readonly action: string,
  ) {
    super(IntegrationErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-error': IntegrationErrorEvent;
  }
}
