import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { createIntegrationClient, type IntegrationClient, type TokenRequest } from '@memberpulse/integrations-sdk';
import { integrationClientContext } from './context.js';
import { isRenewal } from './token-identity.js';

declare global {
  interface HTMLElementTagNameMap {
    'mp-integration-provider': MpIntegrationProvider;
  }
}

/**
 * Gives every `mp-*` widget inside it an SDK client, through `@lit/context` (no globals: two providers on
 * one page, each with its own API and token, stay independent). Give it either `base-url` plus a `token`
 * (attribute or property) or a `getToken` callback, or a ready-made `client`. A widget's own `.client`
 * still wins over the provider's. The client it builds skips the SDK's response checks (`validateResponses:
 * false`): they are for developers, and skipping them spares every page zod and the schemas; give it a
 * `client` of your own to have them.
 *
 * @summary Provides the MemberPulse SDK client to the widgets inside it.
 *
 * @slot - The widgets (and anything else) that use this client.
 */
export class MpIntegrationProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    .misconfigured {
      color: CanvasText;
      border: 2px solid var(--mp-color-danger, #b3261e);
      padding: 0.5rem 0.75rem;
    }
  `;
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    token: {},
    getToken: { attribute: false },
    client: { attribute: false },
    _misconfigured: { state: true },
  };

  /** API origin (and path prefix); `/v1` is added by the SDK. */
  baseUrl = '';

  /**
   * A bearer token. Setting a renewed one (same tenant, subject and role) only changes what the next call
   * sends: the widgets keep what the admin typed. A token for anyone else reloads the widgets.
   */
  token = '';

  /** Asked for a token before each call, and with `{ refresh: true }` once after a 401. */
  getToken?: (request: TokenRequest) => string | Promise<string>;

  /** A client built by the host (e.g. with custom `fetch` or retries); wins over `base-url`/`token`. */
  client?: IntegrationClient;

  readonly #provider = new ContextProvider(this, { context: integrationClientContext });
  #built?: IntegrationClient;
  /** Why no client could be built from the attributes (a `base-url` the SDK refuses), for the host's developer. */
  private _misconfigured = '';
  #current = { token: '' };

  /** The client given to the widgets, if the attributes or properties are complete. */
  get effectiveClient(): IntegrationClient | undefined {
    return this.client ?? this.#built;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const renewed = this.#built && !this.getToken && !changed.has('baseUrl') && !changed.has('getToken') && isRenewal(changed.get('token'), this.token);
    if (renewed) this.#current.token = this.token;
    else if (changed.has('baseUrl') || changed.has('token') || changed.has('getToken')) {
      // The client reads the token at each call, so a renewal needs no new client: the widgets keep
      // what the admin typed and the SDK keeps the ETags it read. Anyone else's token gets a new client.
      const current = (this.#current = { token: this.token });
      this.#built = undefined;
      this._misconfigured = '';
      try {
        if (this.baseUrl && (this.getToken || this.token)) {
          this.#built = createIntegrationClient({ baseUrl: this.baseUrl, getToken: this.getToken ?? (() => current.token), validateResponses: false });
        }
      } catch (error) {
        // A base-url the SDK refuses: say so where the widgets would be, rather than leave them "not connected".
        this._misconfigured = `<mp-integration-provider>: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    if (this.#provider.value !== this.effectiveClient) this.#provider.setValue(this.effectiveClient);
  }

  protected override render() {
    return html`${this._misconfigured ? html`<p class="misconfigured" role="alert">${this._misconfigured}</p>` : nothing}<slot></slot>`;
  }
}

customElements.define('mp-integration-provider', MpIntegrationProvider);
