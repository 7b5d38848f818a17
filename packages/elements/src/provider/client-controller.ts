import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IntegrationClient } from '@memberpulse/integrations-sdk';
import { integrationClientContext, integrationProviderGapContext, type ProviderGap } from './context.js';
import { errorT } from './error-text.js';

/** An element that talks to the API: its own `.client` wins over a provider's. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  client?: IntegrationClient | undefined;
}

/**
 * Resolves the SDK client of a widget: the element's own `client` property, else the nearest
 * `<mp-integration-provider>` (through @lit/context, so no globals). Calls `onChange` whenever the
 * effective client changes, e.g. when a provider's token or base URL changes.
 */
export class ClientController implements ReactiveController {
  readonly #host: ClientHost;
  readonly #consumer: ContextConsumer<typeof integrationClientContext, ClientHost>;
  readonly #gap: ContextConsumer<typeof integrationProviderGapContext, ClientHost>;
  readonly #onChange: (client: IntegrationClient | undefined) => void;
  #last: IntegrationClient | undefined;

  constructor(host: ClientHost, onChange: (client: IntegrationClient | undefined) => void) {
    this.#host = host;
    this.#onChange = onChange;
    this.#consumer = new ContextConsumer(host, { context: integrationClientContext, subscribe: true, callback: () => this.check() });
    this.#gap = new ContextConsumer(host, { context: integrationProviderGapContext, subscribe: true, callback: () => host.requestUpdate() });
    host.addController(this);
  }

  /** The client in effect, if any. */
  get client(): IntegrationClient | undefined {
    return this.#host.client ?? this.#consumer.value;
  }

  /** Why the widget has no client: its provider's gap (see `ProviderGap`), or no provider at all. */
  get #missing(): ProviderGap | 'no-provider' {
    if (this.client) return undefined;
    return this.#gap.value ?? 'no-provider';
  }

  /**
   * What the widget says without a client: `signIn` (its own sentence) while the provider awaits a token,
   * else the developer's hint, the same for every widget (`error.noProvider`, `error.providerIncomplete`,
   * `error.providerMisconfigured`).
   */
  notConnectedText(signIn: () => string): string {
    const missing = this.#missing;
    if (missing === 'signed-out') return signIn();
    return errorT(missing === 'incomplete' ? 'error.providerIncomplete' : missing === 'misconfigured' ? 'error.providerMisconfigured' : 'error.noProvider');
  }

  /** Re-evaluates the effective client (call from `willUpdate` when `client` changed). */
  check(): void {
    const next = this.client;
    if (next === this.#last) return;
    this.#last = next;
    this.#onChange(next);
  }

  hostConnected(): void {
    // The provider answers the context request synchronously during connect; look once it had the chance.
    queueMicrotask(() => this.check());
  }

  hostDisconnected(): void {
    this.#last = undefined;
  }
}
