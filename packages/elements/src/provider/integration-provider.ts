import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { createIntegrationClient, type ClientOptions, type IntegrationClient, type TokenRequest } from '@memberpulse/integrations-sdk';
import { integrationClientContext, integrationProviderGapContext, type ProviderGap } from './context.js';
import { sameIdentity, speaksForSomeoneElse } from './token-identity.js';
import { tokens } from '../styles/tokens.js';

type GetToken = NonNullable<ClientOptions['getToken']>;

/** What one built client asks for its token, and the last token it sent. */
interface TokenSource {
  token: string;
  getToken?: GetToken;
  sent?: string;
  /** Built because getToken began answering for someone else, and no call of it has succeeded yet: the token the client it replaced last sent. */
  replaced?: string;
  /** Taken over, then answered for someone else again: that person's token, the only person it sends for (see `#build`). */
  waitsFor?: string;
}

/** The attribute a token must never travel in. */
const REFUSED_ATTRIBUTE = 'token';
const TOKEN_ATTRIBUTE_REFUSED =
  '<mp-integration-provider>: a token attribute stays in the page for any script or page recorder to read, so it was removed, not used. Set the token property or getToken instead.';

/** How long a replaced getToken that has not answered yet may take before its successor gets a client of its own. */
const OLD_TOKEN_WAIT_MS = 3000;

/** Why a client that took over sends nothing (see `#build`). */
const TWO_PEOPLE = '<mp-integration-provider>: getToken answers for two people; does the host keep the token it renewed?';

declare global {
  interface HTMLElementTagNameMap {
    'mp-integration-provider': MpIntegrationProvider;
  }
}

/**
 * Gives every `mp-*` widget inside it an SDK client, through `@lit/context` (no globals: two providers on
 * one page, each with its own API and token, stay independent). Give it either `base-url` plus a `token`
 * property or a `getToken` callback, or a ready-made `client`. A `token` attribute is refused (and taken out
 * of the page, with a message saying so): an attribute stays in the DOM, where any script, extension or
 * page recorder reads it. A widget's own `.client`
 * still wins over the provider's. The client it builds skips the SDK's response checks
 * (`validateResponses: false`): they are for developers, and skipping them spares every page zod and the schemas; give it a
 * `client` of your own to have them.
 *
 * @summary Provides the MemberPulse SDK client to the widgets inside it.
 *
 * @slot - The widgets (and anything else) that use this client.
 */
export class MpIntegrationProvider extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: contents;
      }
      .misconfigured {
        margin: 0 0 var(--_mp-space-m);
        padding: var(--_mp-space-s) var(--_mp-space-m);
        border: 1px solid var(--_mp-color-danger);
        border-radius: var(--_mp-radius-m);
        background: var(--_mp-color-danger-subtle);
        color: var(--_mp-color-text);
        font: var(--_mp-font-size-m) / 1.5 var(--_mp-font-family);
      }
    `,
  ];
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    token: { attribute: false },
    getToken: { attribute: false },
    client: { attribute: false },
    _misconfigured: { state: true },
    _tokenAttribute: { state: true },
  };

  /** Observes the refused `token` attribute too (named by a constant, so the manifest lists no such attribute). */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, REFUSED_ATTRIBUTE];
  }

  /** API origin (and path prefix); `/v1` is added by the SDK. */
  baseUrl = '';

  /**
   * A bearer token. Setting a renewed one (same tenant, subject and role) only changes what the next call
   * sends: the widgets keep what the admin typed. A token for anyone else reloads the widgets; an empty one
   * (or `null`/`undefined`, signed out) stops every call and the widgets ask the admin to sign in. A property
   * only: a `token` attribute is refused.
   */
  token: string | null | undefined = '';

  /**
   * Asked for a token before each call, and with `{ refresh: true }` once after a 401; wins over `token`.
   * A new function is asked once: one for the same tenant, subject and role is used from the next call
   * without reloading the widgets (a React render's inline arrow); any other answer reloads them with it
   * (a function that answers no token sends nothing: the widgets say the session ended).
   */
  getToken?: GetToken;

  /** A client built by the host (e.g. with custom `fetch` or retries); wins over `base-url`/`token`. */
  client?: IntegrationClient;

  readonly #provider = new ContextProvider(this, { context: integrationClientContext });
  readonly #gapProvider = new ContextProvider(this, { context: integrationProviderGapContext, initialValue: 'incomplete' });
  #built?: IntegrationClient;
  /** Why no client could be built from the attributes (a `base-url` the SDK refuses), for the host's developer. */
  private _misconfigured = '';
  /** A `token` attribute was refused, until the host sets the property or `getToken`. */
  private _tokenAttribute = false;
  /** Where the built client's token comes from; a change of source builds a new client. */
  #mode: 'callback' | 'token' | 'none' = 'none';
  /**
   * What the built client asks for its token. A renewal updates it in place; someone else's token gets a new
   * source and client, and the old client keeps its own, so a call still in flight never retries as them.
   */
  #source: TokenSource = { token: '' };

  /** Whether it has a usable `base-url` but no token nor `getToken` (signed out, or sign-in still loading): the widgets ask the admin to sign in. */
  get signedOut(): boolean {
    return this.#gap === 'signed-out';
  }

  /** Why it gives the widgets no client, if it gives none. */
  get #gap(): ProviderGap {
    if (this.effectiveClient) return undefined;
    if (this._misconfigured || this._tokenAttribute) return 'misconfigured';
    return this.baseUrl ? 'signed-out' : 'incomplete';
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== REFUSED_ATTRIBUTE) return super.attributeChangedCallback(name, old, value);
    if (value === null) return;
    this.removeAttribute(REFUSED_ATTRIBUTE);
    this._tokenAttribute = true;
  }

  /** The client given to the widgets, if the attributes or properties are complete. */
  get effectiveClient(): IntegrationClient | undefined {
    return this.client ?? this.#built;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('token') && this.token) || (changed.has('getToken') && this.getToken) || (changed.has('client') && this.client)) this._tokenAttribute = false;
    // React passes undefined or null for a signed-out admin: that is no token, and no more calls with the old one.
    const token = this.token ?? '';
    const mode = this.getToken ? 'callback' : token ? 'token' : 'none';
    const source = this.#source;
    // The client reads its source at each call, so a renewal needs no new client: the widgets keep what the
    // admin typed and the SDK keeps the ETags it read. Anyone else's token gets a new client.
    let rebuild = changed.has('baseUrl') || mode !== this.#mode;
    if (!rebuild && mode === 'token' && changed.has('token')) {
      if (sameIdentity(source.token, token)) source.token = token;
      else rebuild = true;
    }
    // A new getToken (an inline arrow in a React render is a new one each time) is adopted once its token
    // is known to speak for the same person; for anyone else it builds a new client.
    if (!rebuild && mode === 'callback' && changed.has('getToken')) void this.#adoptGetToken(source, this.getToken!);
    this.#mode = mode;
    if (rebuild) this.#build({ token, getToken: this.getToken });
    this.#publish();
  }

  #build(source: TokenSource): void {
    this.#source = source;
    this.#built = undefined;
    this._misconfigured = '';
    try {
      // Built whenever there is a base-url, so a refused one is named before any token arrives; given to
      // the widgets only once there is something to send.
      if (this.baseUrl) {
        const getToken = async (request: TokenRequest) => {
          const answer: unknown = await (source.getToken ? source.getToken(request) : source.token);
          const token = answer instanceof String ? answer.valueOf() : answer;
          if (typeof token !== 'string' || !token) return token as string;
          // A getToken that starts answering for someone else (the host's session switched under it): this
          // client, whose widgets hold the first person's data, sends nothing more, and a new one takes over.
          // A client that took over, before any call of it succeeded, does not take over in turn for a renewal
          // answering someone else, nor for the person it replaced: a host answering for two people (its stale
          // token, and another's on refresh) would rebuild, reload and ask again without end. It waits instead,
          // sending nothing until a call's first token is for that last person again (a refresh for a call sent
          // before does not count). A third person is a switch like the first.
          const known = source.waitsFor ?? source.sent;
          if ((known !== undefined && speaksForSomeoneElse(known, token)) || (source.waitsFor && request.refresh)) {
            const back = source.replaced !== undefined && (request.refresh || !speaksForSomeoneElse(source.replaced, token));
            if (!back) {
              this.#personChanged(source);
              throw new Error('getToken now answers for someone else: the widgets reload for them.');
            }
            source.waitsFor ??= token;
            throw new Error(TWO_PEOPLE);
          }
          source.waitsFor = undefined;
          source.sent = token;
          return token;
        };
        const answered = (response: Response) => {
          if (response.ok) source.replaced = source.waitsFor = undefined;
          return response;
        };
        const client = createIntegrationClient({ baseUrl: this.baseUrl, getToken, validateResponses: false, fetch: (input, init) => fetch(input, init).then(answered) });
        if (source.getToken || source.token) this.#built = client;
      }
    } catch (error) {
      // A base-url the SDK refuses: say so where the widgets would be, rather than leave them "not connected".
      this._misconfigured = `<mp-integration-provider>: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /**
   * Asks a new getToken once and compares its token with the last one the client sent, or before any was sent
   * with the old function's (given a few seconds: a sign-in that never finishes must not block its successor).
   * The same person keeps the client. Anything else (someone else, no token, a failure, no answer) builds a
   * new client for the new function, so the widgets never go on as the old person.
   */
  async #adoptGetToken(source: TokenSource, next: GetToken): Promise<void> {
    const ask = (getToken: GetToken): Promise<unknown> =>
      Promise.resolve()
        .then(() => getToken({ refresh: false }))
        .catch(() => undefined);
    const previous = source.getToken!;
    const before = source.sent ?? Promise.race([ask(previous), new Promise((resolve) => setTimeout(resolve, OLD_TOKEN_WAIT_MS))]);
    const [answered, now] = await Promise.all([before, ask(next)]);
    if (this.#source !== source || this.getToken !== next) return; // something newer decided already
    // A first token the client sent meanwhile is who its widgets loaded as: that is what to compare with.
    const sent = source.sent ?? answered;
    if (typeof sent === 'string' && sent !== '' && sameIdentity(sent, now)) {
      source.getToken = next;
      // A client waiting for the person of another answer (see `#build`) gives the new function's own a try,
      // at the next call: a reload here would loop with a host that renders a new function on every mp-error.
      source.waitsFor = undefined;
    } else this.#takeOver(next);
  }

  #personChanged(source: TokenSource): void {
    // The host's current function, even if a check of it is still under way: that check then has nothing left to do.
    if (this.#source === source) this.#takeOver(this.getToken ?? source.getToken!, source.sent);
  }

  /** A new client for `getToken`, outside an update (after an await, or from a call in flight). */
  #takeOver(getToken: GetToken, replaced?: string): void {
    this.#build({ token: '', getToken, replaced });
    this.#publish();
    this.requestUpdate();
  }

  #publish(): void {
    if (this.#provider.value !== this.effectiveClient) this.#provider.setValue(this.effectiveClient);
    this.#gapProvider.setValue(this.#gap);
  }

  protected override render() {
    const problem = this._misconfigured || (this._tokenAttribute ? TOKEN_ATTRIBUTE_REFUSED : '');
    return html`${problem ? html`<p class="misconfigured" role="alert">${problem}</p>` : nothing}<slot></slot>`;
  }
}

customElements.define('mp-integration-provider', MpIntegrationProvider);
