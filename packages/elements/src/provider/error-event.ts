import type { IntegrationError } from '@memberpulse/integrations-sdk';

/** What `<mp-endpoint-grid>` was doing when a call failed. */
export type EndpointGridAction = 'load' | 'create' | 'update' | 'delete';
/** What `<mp-integration-settings>` was doing when a call failed. */
export type SettingsAction = 'load' | 'save' | 'enable' | 'test-connection' | 'compare' | 'archive' | 'restore';

/**
 * A call to the API failed; the widget shows it too. `error` is the SDK's typed error (branch with
 * `instanceof ValidationError` and the like); any other `Error` is a fault outside the API's answers, such as
 * a host's own `fetch` throwing.
 */
export class IntegrationErrorEvent<Action extends string = EndpointGridAction | SettingsAction> extends Event {
  static readonly type = 'mp-error';
  readonly error: IntegrationError | Error;

  constructor(
    error: unknown,
    /** What the widget was doing. */
    readonly action: Action,
  ) {
    super(IntegrationErrorEvent.type, { bubbles: true, composed: true });
    this.error = error instanceof Error ? error : new Error(String(error), { cause: error });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-error': IntegrationErrorEvent;
  }
}
