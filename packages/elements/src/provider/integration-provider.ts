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
   * sends: the widgets keep what the admin typed. A token for anyone else reloads the widgets; an empty one
   * (or `null`/`undefined`, signed out) stops every call and the widgets ask the admin to sign in.
   */
  token: string | null | undefined = '';

  /**
   * Asked for a token before each call, and with `{ refresh: true }` once after a 401. Replacing the function
   * does not reload the widgets (the latest one is asked); to switch to someone else, set `token` or use a new provider.
   */
  getToken?: (request: TokenRequest) => string | Promise<string>;

  /** A client built by the host (e.g. with custom `fetch` or retries); wins over `base-url`/`token`. */
  client?: IntegrationClient;

  readonly #provider = new ContextProvider(this, { context: integrationClientContext });
  #built?: IntegrationClient;
  /** Why no client could be built from the attributes (a `base-url` the SDK refuses), for the host's developer. */
  private _misconfigured = '';
  /** Where the built client's token comes from; a change of source builds a new client. */
  #mode: 'callback' | 'token' | 'none' = 'none';
  #token = '';

  /** Whether it has a `base-url` but no token nor `getToken` (signed out, or sign-in still loading): the widgets ask the admin to sign in. */
  get signedOut(): boolean {
    return !this.client && !!this.baseUrl && this.#mode === 'none';
  }

  /** The client given to the widgets, if the attributes or properties are complete. */
  get effectiveClient(): IntegrationClient | undefined {
    return this.client ?? this.#built;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // React passes undefined or null for a signed-out admin: that is no token, and no more calls with the old one.
    const token = this.token ?? '';
    const mode = this.getToken ? 'callback' : token ? 'token' : 'none';
    // The client reads the token (or the latest getToken) at each call, so a renewal needs no new client:
    // the widgets keep what the admin typed and the SDK keeps the ETags it read. Anyone else's token gets a
    // new client; a new getToken function does not (an inline arrow in a React render is a new one each time).
    const rebuild = changed.has('baseUrl') || mode !== this.#mode || (mode === 'token' && changed.has('token') && !isRenewal(changed.get('token'), token));
    this.#mode = mode;
    this.#token = token;
    if (rebuild) {
      this.#built = undefined;
      this._misconfigured = '';
      try {
        if (this.baseUrl && mode !== 'none') {
          this.#built = createIntegrationClient({ baseUrl: this.baseUrl, getToken: (request) => this.getToken?.(request) ?? this.#token, validateResponses: false });
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
