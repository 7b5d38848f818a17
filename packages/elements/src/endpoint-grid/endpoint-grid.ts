import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EndpointSort, IntegrationEndpoint, IntegrationEndpointCreate } from '@memberpulse/integration-schema';
import { ENDPOINT_DESCRIPTION_MAX, ENDPOINT_NAME_MAX } from '@memberpulse/integration-schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type IntegrationClient } from '@memberpulse/integrations-sdk';
import { LocalizeController } from '../i18n/index.js';
import { tokens, installThemeRoot } from '../styles/tokens.js';
import { base } from '../styles/base.js';
import { Announcer } from '../shared/announcer.js';
import { icon, iconSvg } from '../shared/icons.js';
import { actionFor } from '../shared/action-for.js';
import { ClientController } from '../provider/client-controller.js';
import { LeaveGuard } from '../provider/leave-guard.js';
import { ignoreAriaHeldPresses } from '../shared/aria-held-presses.js';
import { heading } from '../shared/heading.js';
import { FocusReturn, headingTakesFocusFrom } from '../provider/focus-return.js';
import { withMe } from '../provider/permissions.js';
import { emit } from '../provider/emit.js';
import { errorReference, errorText } from '../provider/error-text.js';
import { RetryKey, type RetryWrite } from '../provider/retry-key.js';
import { panelStyles } from '../provider/panel.styles.js';
import { translator } from '../provider/translate.js';
import { OutcomeNotice } from '../shared/outcome.js';
import { FocusInView } from '../shared/focus-in-view.js';
import { loadFailedNotice, noReadRoleNotice, notConnectedNotice } from '../shared/load-notices.js';
import { renderErrors } from '../shared/field-errors.js';
import { endpointGridMessages } from './messages.js';
import { EndpointChangeEvent, SortChangeEvent, type EndpointChange } from './events.js';
import { IntegrationErrorEvent, type EndpointGridAction } from '../provider/error-event.js';
import { checkForm, editForm, hasTyped, newForm, serverErrors, type EndpointFormState } from './endpoint-form.js';
import { styles } from './endpoint-grid.styles.js';

export { EndpointChangeEvent, SortChangeEvent, type EndpointChange } from './events.js';
export { IntegrationErrorEvent } from '../provider/error-event.js';

declare global {
  interface HTMLElementTagNameMap {
    'mp-endpoint-grid': MpEndpointGrid;
  }
}

const t = translator(endpointGridMessages);
const sorts: readonly EndpointSort[] = ['-createdAt', 'createdAt', 'name', '-name'];

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The tenant's integration endpoints in a grid of Name, Description and Actions, with sorting, paging,
 * a search by name (once there are two) and an empty state. "+ New Integration Endpoint" opens a form (both
 * fields required, inline errors, the server's duplicate-name error on Name); Edit opens it pre-filled with
 * Name read-only; Delete asks first. Every outcome shows a message and is announced to screen readers. Roles
 * without `endpoints:write` see the grid only. Under 560px of its own width (a container query), rows stack
 * as cards.
 *
 * Gets its SDK client from its `client` property or the nearest `<mp-integration-provider>`.
 *
 * @summary Lists, adds, edits and deletes a tenant's integration endpoints.
 *
 * @slot heading - Replaces the default "Integration endpoints" heading.
 * @slot empty - Replaces the text of the empty state (the New button stays).
 *
 * @fires {EndpointChangeEvent} mp-endpoint-created - An endpoint was created; `endpoint` is the server's record.
 * @fires {EndpointChangeEvent} mp-endpoint-updated - An endpoint's description was updated.
 * @fires {EndpointChangeEvent} mp-endpoint-deleted - An endpoint was deleted.
 * @fires {SortChangeEvent} mp-sort-change - The admin sorted the grid, or a new endpoint switched it to newest first; `sort` is the new order (a host that sets `sort` keeps it in step from here).
 * @fires {IntegrationErrorEvent} mp-error - A call failed (`error` is the SDK's typed error, `action` what was tried: `load`, `create`, `update` or `delete`); the grid shows it as well.
 *
 * @csspart base - The frame around everything.
 * @csspart header - Heading, sort and the New button.
 * @csspart new-button - "+ New Integration Endpoint".
 * @csspart sort - The sort select.
 * @csspart search - The "Find by name" search field.
 * @csspart message - The success or error message after an action.
 * @csspart table - The grid.
 * @csspart row - Each endpoint row.
 * @csspart edit-button - A row's Edit button.
 * @csspart delete-button - A row's Delete button.
 * @csspart pager - Range and previous/next buttons.
 * @csspart empty - The empty state.
 * @csspart dialog - The add/edit form and the delete confirmation (native `<dialog>`).
 *
 * @cssproperty --mp-endpoint-grid-border - The frame's border (default `1px solid` the border colour).
 */
export class MpEndpointGrid extends LitElement {
  static override styles = [tokens, base, panelStyles, styles];
  static override properties = {
    client: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    sort: { reflect: true },
    _load: { state: true },
    _items: { state: true },
    _total: { state: true },
    _page: { state: true },
    _loadError: { state: true },
    _canWrite: { state: true },
    _form: { state: true },
    _confirm: { state: true },
    _deleting: { state: true },
    _highlight: { state: true },
    _query: { state: true },
  };

  /** SDK client; when unset, the nearest `<mp-integration-provider>`'s. */
  client?: IntegrationClient;

  /** Rows per page (1–100). */
  pageSize = 10;

  /** The level of the grid's heading (1–6, default 2), so it fits the host page's outline; the empty state's is one below. */
  headingLevel = 2;

  /** Sort order: `-createdAt` (newest first, the default, so a new endpoint shows on top), `createdAt`, `name`, `-name`. */
  sort: EndpointSort = '-createdAt';

  private _load: LoadState = 'idle';
  private _items: IntegrationEndpoint[] = [];
  private _total = 0;
  private _page = 0;
  private _loadError: unknown;
  private _canWrite = false;
  private _form: EndpointFormState | null = null;
  private _confirm: IntegrationEndpoint | null = null;
  private _deleting = false;
  /** Id of the row to highlight after it was created or updated. */
  private _highlight = '';
  /** What the search field holds. */
  private _query = '';

  private get _formDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog.form-dialog');
  }
  private get _confirmDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog.confirm-dialog');
  }

  readonly #announcer = new Announcer(this);
  /** The open form's own live region: a modal dialog hides the rest of the page, `#announcer` too, from screen readers. */
  readonly #formAnnouncer = new Announcer(this);
  /** The last action's outcome, above the grid. */
  readonly #message = new OutcomeNotice(this, this.#announcer);
  readonly #client = new ClientController(this, () => this.#switchClient());
  /** `#cursors[i]` fetches page i; page 0 needs none. */
  #cursors: (string | undefined)[] = [undefined];
  #loadToken = 0;
  /** The search the shown rows (and `#cursors`) are for: the field's text once its pause has passed. */
  #searched = '';
  /** The page the shown rows are: `_page` is the one asked for, and the pager counts what is shown until it comes. */
  #shownPage = 0;
  #searchTimer?: ReturnType<typeof setTimeout>;
  /** Set by the pager and the sort controls, which keep focus: the page they bring is announced instead. */
  #announcePage = false;
  readonly #dialogOpener = new FocusReturn(this, '.new-button, #heading');
  readonly #retryKey = new RetryKey();
  /**
   * Every create after one whose answer was lost sends that one's key, whatever its values: where the lost one
   * was stored, the server refuses the key for other values (409), so no second endpoint is made unasked.
   */
  readonly #createKey = new RetryKey();
  /** What that lost create sent, to replay it for its endpoint. */
  #lostCreate: IntegrationEndpointCreate | null = null;

  constructor() {
    super();
    new LocalizeController(this);
    new LeaveGuard(this, () => this.dirty);
    new FocusInView(this);
    ignoreAriaHeldPresses(this);
  }

  /** The endpoints on the current page. */
  get items(): readonly IntegrationEndpoint[] {
    return this._items;
  }

  /** Whether the open add or edit form holds typed text that is not saved; the page then asks before unloading. */
  get dirty(): boolean {
    return !!this._form && hasTyped(this._form);
  }

  /** Loads the first page again (e.g. after the host changed something). */
  async reload(): Promise<void> {
    this._page = 0;
    this.#cursors = [undefined];
    await this.#fetchPage();
  }

  /** Another client may be another tenant: nothing of the previous one stays on screen while the new one loads. */
  #switchClient(): Promise<void> {
    // An open form or confirmation belongs to the previous tenant: what it would send must not reach the new one.
    this._formDialog?.close();
    this._confirmDialog?.close();
    this._items = [];
    this._total = 0;
    this._canWrite = false;
    this.#message.show(null);
    // A search was for the previous tenant's endpoints.
    this.#forgetSearch();
    this.#searched = '';
    this.#shownPage = 0;
    return this.reload();
  }

  /** Opens the add form, as the New button does. */
  openCreate(): void {
    this.#dialogOpener.remember(this.renderRoot.querySelector<HTMLElement>('.new-button'));
    this._form = newForm();
  }

  /** Opens the edit form for one endpoint, as its Edit button does. */
  openEdit(endpoint: IntegrationEndpoint): void {
    this._form = editForm(endpoint);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installThemeRoot(this.ownerDocument);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#client.check();
    if ((changed.has('sort') || changed.has('pageSize')) && this.hasUpdated) void this.reload();
  }

  protected override updated(changed: PropertyValues): void {
    // Only a new form or confirmation opens its dialog: a closed one keeps its state until its `close` event,
    // and opening it again meanwhile would trap focus in it as it goes.
    const formDialog = this._formDialog;
    if (formDialog && this._form && changed.has('_form') && !formDialog.open) {
      formDialog.showModal();
      this.#focusFirstField();
    }
    const confirmDialog = this._confirmDialog;
    if (confirmDialog && this._confirm && changed.has('_confirm') && !confirmDialog.open) confirmDialog.showModal();
  }

  // ---- data ----------------------------------------------------------------------------------------

  async #fetchPage(): Promise<void> {
    const client = this.#client.client;
    const token = ++this.#loadToken;
    if (!client) {
      this._load = 'idle';
      return;
    }
    this._load = 'loading';
    try {
      // Page one needs no cursor, so it takes the search typed; a later page keeps the one its cursor is for.
      const q = this._page === 0 ? this._query.trim() : this.#searched;
      // A role not known is a failed load (Try again asks again), not a read-only grid told to an admin.
      const [page, me] = await withMe(client, client.endpoints.list({ limit: this.#perPage, sort: this.sort, cursor: this.#cursors[this._page], q: q || undefined }));
      if (token !== this.#loadToken) return;
      // A page emptied by a delete: step back to the last page that has rows.
      if (page.items.length === 0 && this._page > 0) {
        this._page--;
        await this.#fetchPage();
        return;
      }
      this.#searched = q;
      this.#shownPage = this._page;
      this._items = page.items;
      this._total = page.total;
      this.#cursors[this._page + 1] = page.nextCursor ?? undefined;
      this.#cursors.length = this._page + 2;
      this._canWrite = me.permissions.includes('endpoints:write');
      this._load = 'ready';
      if (this.#announcePage) this.#announcer.announce(this.#shown());
      this.#announcePage = false;
    } catch (error) {
      if (token !== this.#loadToken) return;
      this.#announcePage = false;
      this._loadError = error;
      this._load = 'error';
      this.#fail(error, 'load');
      // The error replaces the table and pager: focus on them (a pressed Next, say) moves to Try again, or to
      // the heading where there is nothing to retry.
      const had = this.shadowRoot?.activeElement;
      await this.updateComplete;
      if (had && !had.isConnected) (this.renderRoot.querySelector<HTMLElement>('.notice.error button') ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
    }
  }

  get #perPage(): number {
    return Math.min(100, Math.max(1, Math.floor(this.pageSize) || 10));
  }

  #range(): { from: number; to: number; total: number } {
    const from = this.#shownPage * this.#perPage + 1;
    return { from, to: from + this._items.length - 1, total: this._total };
  }

  /** What the rows shown are: their range, or how many names contain the search. */
  #shown(): string {
    const query = this.#searched;
    if (!query) return t('endpointGrid.pageShown', this.#range());
    return this._total ? t('endpointGrid.matches', { ...this.#range(), count: this._total, query }) : t('endpointGrid.noMatch', { query });
  }

  #fail(error: unknown, action: EndpointGridAction): void {
    emit(this, new IntegrationErrorEvent(error, action));
  }

  #done(change: EndpointChange, endpoint: IntegrationEndpoint): void {
    this.#message.show({ tone: 'success', text: () => t(`endpointGrid.success.${change}`, { name: endpoint.name }) });
    emit(this, new EndpointChangeEvent(change, endpoint));
  }

  /** The pager's buttons are aria-disabled, never disabled, so the one pressed keeps keyboard focus. */
  #goTo(page: number): void {
    if (this._load === 'loading' || page < 0 || (page > 0 && this.#cursors[page] === undefined)) return;
    this._page = page;
    this.#announcePage = true;
    void this.#fetchPage();
  }

  #sortBy(sort: EndpointSort): void {
    this.#announcePage = true;
    this.#changeSort(sort);
  }

  /** The grid's own sort changes are told to the host, which may hold `sort` in its state (React). */
  #changeSort(sort: EndpointSort): void {
    this.sort = sort;
    emit(this, new SortChangeEvent(sort));
  }

  /** Searches once typing pauses. */
  #onSearchInput(e: Event): void {
    this._query = (e.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#search(), 300);
  }

  /** Searches from page one (at once on Enter); what it finds is announced, as a page change is. */
  #search(): void {
    clearTimeout(this.#searchTimer);
    this.#announcePage = true;
    void this.reload();
  }

  /** Empties the search field and drops a search still waiting for its pause: the next load lists every endpoint. */
  #forgetSearch(): void {
    clearTimeout(this.#searchTimer);
    this._query = '';
  }

  #clearSearch(): void {
    this._query = '';
    this.#search();
    this.renderRoot.querySelector<HTMLElement>('[part=search]')?.focus();
  }

  #retry(): void {
    // The rows coming back are announced, as a page change is: the live region still says the last range.
    this.#announcePage = true;
    void this.#fetchPage();
  }

  // ---- form ----------------------------------------------------------------------------------------

  #onFormInput(e: Event): void {
    const target = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (!this._form || (target.name !== 'name' && target.name !== 'description')) return;
    const field = target.name;
    this.#formAnnouncer.cancel();
    // Typing clears that field's error (the rest stays until the next submit) and any question about discarding.
    this._form = { ...this._form, [field]: target.value, errors: { ...this._form.errors, [field]: [] }, discarding: false };
  }

  async #submit(e: Event): Promise<void> {
    e.preventDefault();
    const form = this._form;
    const client = this.#client.client;
    if (!form || form.busy || !client) return;
    const errors = checkForm(form);
    if (errors.name.length || errors.description.length) {
      this._form = { ...form, errors, general: null };
      await this.updateComplete;
      this.#focusFirstInvalid();
      return;
    }
    this._form = { ...form, busy: true, general: null };
    const sent = { name: form.name.trim(), description: form.description.trim() };
    const creating = form.mode === 'create';
    const write = creating ? this.#createKey.begin('', '') : this.#retryKey.begin(JSON.stringify([form.endpoint!.id, sent.description]), form.endpoint!.id);
    const { idempotencyKey } = write;
    const lost = this.#lostCreate;
    try {
      const saved = creating
        ? await client.endpoints.create(sent, { idempotencyKey })
        : await client.endpoints.updateDescription(form.endpoint!.id, sent.description, { idempotencyKey });
      write.settle();
      if (creating) this.#lostCreate = null;
      this.#closeForm();
      if (creating) await this.#showAdded(saved);
      else {
        this._highlight = saved.id;
        this.#done('updated', saved);
        await this.#fetchPage();
      }
    } catch (error) {
      const unsure = write.settle(error);
      if (creating) this.#lostCreate = unsure ? sent : null;
      const lostLanded = creating && lost && error instanceof ConflictError;
      // Not a failure to report: the admin's first create went through.
      if (!lostLanded) this.#fail(error, creating ? 'create' : 'update');
      const placed = lostLanded
        ? await this.#lostCreateLanded(client, form, lost, write)
        : error instanceof ConflictError && !creating
          ? await this.#theirsOver(client, form, write.afterLost)
          : error instanceof NotFoundError && form.mode === 'edit'
            ? this.#goneWhileEditing(form)
            : error instanceof ValidationError
            ? serverErrors(error, form)
            : { errors: { name: [], description: [] }, general: () => (unsure ? t('endpointGrid.form.unsure', { reason: errorText(error) }) : errorText(error)) };
      this._form = { ...form, busy: false, ...placed };
      await this.updateComplete;
      this.#focusFirstInvalid();
    }
  }

  /**
   * A new row goes where it shows: newest first, page one (cursor paging cannot jump to its page elsewhere),
   * the search cleared (it might not find the new name).
   */
  async #showAdded(endpoint: IntegrationEndpoint): Promise<void> {
    this._highlight = endpoint.id;
    this.#forgetSearch();
    this.#done('created', endpoint);
    if (this.sort !== '-createdAt') this.#changeSort('-createdAt');
    else await this.reload();
  }

  /**
   * A create met an earlier one whose answer was lost, stored after all: replaying that one (its key, its values)
   * brings its endpoint, which the grid shows. Under the same name the form now edits it with the description
   * typed; under another it keeps what was typed, and Submit again adds that too.
   */
  async #lostCreateLanded(client: IntegrationClient, form: EndpointFormState, lost: IntegrationEndpointCreate, write: RetryWrite): Promise<Partial<EndpointFormState>> {
    const none = { name: [], description: [] };
    try {
      const landed = await client.endpoints.create(lost, { idempotencyKey: write.idempotencyKey });
      void this.#showAdded(landed);
      const name = landed.name;
      if (lost.name === form.name.trim()) {
        return { ...editForm(landed), description: form.description, general: () => t('endpointGrid.form.addedByLostCreate', { name, description: landed.description }) };
      }
      return { errors: none, general: () => t('endpointGrid.form.addedUnderOldName', { name, typed: form.name.trim() }) };
    } catch (error) {
      // The replay's answer lost too: the next create meets the lost one again.
      if (write.settle(error)) this.#lostCreate = lost;
      return { errors: none, general: () => errorText(error) };
    }
  }

  /**
   * Someone else changed the endpoint after this grid listed it (or, `ownLost`, probably this form's own update
   * whose answer was lost): read theirs (the client then holds its ETag, so Update again replaces it knowingly)
   * and say what it reads now, keeping what was typed.
   */
  async #theirsOver(client: IntegrationClient, form: EndpointFormState, ownLost: boolean): Promise<Partial<EndpointFormState>> {
    const none = { name: [], description: [] };
    try {
      const theirs = await client.endpoints.get(form.endpoint!.id);
      // The row behind the form shows theirs too.
      this._items = this._items.map((e) => (e.id === theirs.id ? theirs : e));
      return { endpoint: theirs, errors: none, general: () => t(ownLost ? 'endpointGrid.form.changedByLostUpdate' : 'endpointGrid.form.changedMeanwhile', { description: theirs.description }) };
    } catch (error) {
      return { errors: none, general: () => errorText(error) };
    }
  }

  /**
   * Someone deleted the endpoint while it was being edited: the form becomes adding it again, with its name
   * and what was typed (Submit adds it, Cancel leaves it deleted), and the grid behind drops its row.
   */
  #goneWhileEditing(form: EndpointFormState): Partial<EndpointFormState> {
    const name = form.endpoint!.name;
    void this.#fetchPage();
    return { mode: 'create', endpoint: undefined, name, errors: { name: [], description: [] }, general: () => t('endpointGrid.form.deletedMeanwhile', { name }) };
  }

  #focusFirstInvalid(): void {
    const first = this._formDialog?.querySelector<HTMLElement>('[aria-invalid="true"]:not([readonly]), .form-general');
    const field = first?.getAttribute('name') as 'name' | 'description' | null;
    // Enter pressed in a wrong field leaves focus on it, so nothing would read its errors out.
    if (field && first === this.shadowRoot!.activeElement) this.#formAnnouncer.announce(this._form!.errors[field].map((p) => p()).join(' '));
    else first?.focus();
  }

  #closeForm(): void {
    this._formDialog?.close();
  }

  /**
   * Cancel, or the dialog's `cancel` event (Escape): closes at once when nothing was typed, else asks first.
   * Chromium lets a page hold Escape back only once per user action, so a second Escape discards.
   */
  #cancelForm(e?: Event): void {
    const form = this._form;
    if (!form || form.discarding || !hasTyped(form)) {
      if (!e) this.#closeForm();
      return;
    }
    e?.preventDefault();
    this._form = { ...form, discarding: true };
    void this.updateComplete.then(() => this._formDialog?.querySelector<HTMLElement>('.keep-editing')?.focus());
  }

  #keepEditing(): void {
    if (!this._form) return;
    this._form = { ...this._form, discarding: false };
    void this.updateComplete.then(() => this.#focusFirstField());
  }

  /** The form's first editable field: Name when adding, Description when editing (Name is read-only then). */
  #focusFirstField(): void {
    this._formDialog?.querySelector<HTMLElement>(this._form?.mode === 'edit' ? '#ep-description' : '#ep-name')?.focus();
  }

  #onFormClosed(): void {
    this._form = null;
    this.#formAnnouncer.cancel();
    void this.#dialogOpener.restore();
  }

  // ---- delete --------------------------------------------------------------------------------------

  async #confirmDelete(): Promise<void> {
    const endpoint = this._confirm;
    const client = this.#client.client;
    if (!endpoint || !client) return;
    this._deleting = true;
    try {
      // Already deleted by someone else is what was asked for: said so, but no error and no event.
      const gone = await client.endpoints.delete(endpoint.id).then(
        () => false,
        (error: unknown) => {
          if (error instanceof NotFoundError) return true;
          throw error;
        },
      );
      // The row and its Delete button go away: focus goes to New instead.
      this.#dialogOpener.remember(this.renderRoot.querySelector<HTMLElement>('.new-button'));
      this._confirmDialog?.close();
      if (gone) this.#message.show({ tone: 'success', text: () => t('endpointGrid.success.alreadyDeleted', { name: endpoint.name }) });
      else this.#done('deleted', endpoint);
      await this.#fetchPage();
    } catch (error) {
      this._confirmDialog?.close();
      this.#fail(error, 'delete');
      this.#message.show({ tone: 'error', text: () => t('endpointGrid.error.delete', { name: endpoint.name, reason: errorText(error) }), reference: errorReference(error) });
    } finally {
      this._deleting = false;
    }
  }

  #onConfirmClosed(): void {
    this._confirm = null;
    void this.#dialogOpener.restore();
  }

  // ---- rendering -----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`
      <section part="base" class="frame" aria-labelledby="heading" aria-busy=${this._load === 'loading' ? 'true' : 'false'}>
        <header part="header" class="header">
          ${heading(this.headingLevel, 0, html`<slot name="heading">${t('endpointGrid.title')}</slot>`, 'heading')}
          <div class="tools">
            ${this._total > 1 || this._query || this.#searched ? [this.#renderSearch(), this.#renderSort()] : nothing}
            ${this._canWrite
              ? html`<button part="new-button" class="mp-button primary new-button" type="button" @click=${this.openCreate}>
                  <bdi>${t('endpointGrid.new')}</bdi>
                </button>`
              : nothing}
          </div>
        </header>
        ${this.#renderMessage()} ${this.#renderBody()}
      </section>
      ${this.#renderFormDialog()} ${this.#renderConfirmDialog()} ${this.#announcer.render()}
    `;
  }

  /** Shown once there are two endpoints, and while a search is typed or shown: the field does not move as it finds fewer. */
  #renderSearch(): TemplateResult {
    return html`<label class="sort search">
      <span>${t('endpointGrid.search')}</span>
      <input part="search" class="mp-input" type="search" autocomplete="off" dir="auto" maxlength=${ENDPOINT_NAME_MAX} .value=${live(this._query)}
        @input=${this.#onSearchInput} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.#search()} />
    </label>`;
  }

  #renderSort(): TemplateResult {
    return html`<label class="sort">
      <span>${t('endpointGrid.sortBy')}</span>
      <select part="sort" class="mp-select" .value=${live(this.sort)} @change=${(e: Event) => this.#sortBy((e.target as HTMLSelectElement).value as EndpointSort)}>
        ${sorts.map((s) => html`<option value=${s} dir="auto" ?selected=${s === this.sort}>${t(`endpointGrid.sort.${s}`)}</option>`)}
      </select>
    </label>`;
  }

  #renderMessage(): TemplateResult | typeof nothing {
    const dismiss = (e: Event) => {
      headingTakesFocusFrom(e);
      this.#message.show(null);
    };
    return this.#message.render('message', { part: 'message', dismiss: { label: t('endpointGrid.dismiss'), onClick: dismiss } });
  }

  #renderBody(): TemplateResult {
    if (!this.#client.client) return notConnectedNotice(this.#client, () => t('endpointGrid.signIn'));
    if (this._load === 'error' && this._loadError instanceof ForbiddenError) return noReadRoleNotice(t('endpointGrid.noReadRole'));
    if (this._load === 'error') return loadFailedNotice(t('endpointGrid.error.load'), this._loadError, { label: t('endpointGrid.retry'), onClick: () => this.#retry() });
    if (this._load !== 'ready' && this._items.length === 0) return this.#renderSkeleton();
    if (this._total === 0 && this.#searched) {
      return html`<div part="empty" class="empty">
        <p><bdi>${this.#shown()}</bdi></p>
        <p><button class="mp-button small" type="button" @click=${this.#clearSearch}>${t('endpointGrid.clearSearch')}</button></p>
      </div>`;
    }
    if (this._total === 0) {
      return html`<div part="empty" class="empty">
        ${heading(this.headingLevel, 1, t('endpointGrid.empty.title'))}
        <p><slot name="empty"><bdi>${t('endpointGrid.empty.body')}</bdi></slot></p>
        ${this._canWrite ? nothing : html`<p><bdi>${t('endpointGrid.readOnly')}</bdi></p>`}
      </div>`;
    }
    return html`${this.#renderTable()} ${this.#renderPager()}`;
  }

  #renderSkeleton(): TemplateResult {
    return html`<div class="loading" role="status">
      <span class="visually-hidden">${t('endpointGrid.loading')}</span>
      ${[0, 1, 2].map(
        () => html`<div class="skeleton-row" aria-hidden="true"><span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span></div>`,
      )}
    </div>`;
  }

  #renderTable(): TemplateResult {
    const nameSort = this.sort === 'name' ? 'ascending' : this.sort === '-name' ? 'descending' : 'none';
    return html`<div class="table-wrap">
      <table part="table">
        <caption class="visually-hidden">${t('endpointGrid.title')}</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort=${nameSort}>
              <button class="sort-button" type="button" aria-describedby="sort-hint" @click=${() => this.#sortBy(this.sort === 'name' ? '-name' : 'name')}>
                ${t('endpointGrid.name')}
                <span class="sort-mark" aria-hidden="true">${nameSort === 'ascending' ? '▲' : nameSort === 'descending' ? '▼' : '↕'}</span>
              </button>
              <span id="sort-hint" hidden>${t('endpointGrid.sortByName')}</span>
            </th>
            <th scope="col">${t('endpointGrid.description')}</th>
            ${this._canWrite ? html`<th scope="col" class="actions-col">${t('endpointGrid.actions')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${this._items.map(
            (ep) => html`<tr part="row" class=${ep.id === this._highlight ? 'highlight' : ''} data-id=${ep.id}>
              <th scope="row" class="name" data-label=${t('endpointGrid.name')}><span dir="auto">${ep.name}</span></th>
              <td class="description" data-label=${t('endpointGrid.description')}><span dir="auto">${ep.description}</span></td>
              ${this._canWrite
                ? html`<td class="row-actions" data-label=${t('endpointGrid.actions')}><div class="row-buttons">
                    <button part="edit-button" class="mp-button small" type="button"
                      @click=${(e: Event) => {
                        this.#dialogOpener.remember(e.currentTarget as HTMLElement);
                        this.openEdit(ep);
                      }}>${actionFor(t('endpointGrid.edit'), ep.name)}</button>
                    <button part="delete-button" class="mp-button small" type="button"
                      @click=${(e: Event) => {
                        this.#dialogOpener.remember(e.currentTarget as HTMLElement);
                        this._confirm = ep;
                      }}>${actionFor(t('endpointGrid.delete'), ep.name)}</button>
                  </div></td>`
                : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderPager(): TemplateResult | typeof nothing {
    if (this._total <= this._items.length && this.#shownPage === 0) return nothing;
    const loading = this._load === 'loading';
    return html`<nav part="pager" class="pager" aria-label=${t('endpointGrid.paging')}>
      <span><bdi>${t('endpointGrid.range', this.#range())}</bdi></span>
      <button class="mp-button small" type="button" aria-disabled=${this._page === 0 || loading ? 'true' : 'false'} @click=${() => this.#goTo(this._page - 1)}>
        ${t('endpointGrid.previous')}
      </button>
      <button class="mp-button small" type="button" aria-disabled=${this.#cursors[this._page + 1] === undefined || loading ? 'true' : 'false'} @click=${() => this.#goTo(this._page + 1)}>
        ${t('endpointGrid.next')}
      </button>
    </nav>`;
  }

  #renderFormDialog(): TemplateResult | typeof nothing {
    const f = this._form;
    if (!f) return nothing;
    const edit = f.mode === 'edit';
    const nameErrors = f.errors.name.map((p) => p());
    const descriptionErrors = f.errors.description.map((p) => p());
    // Seen, not read: each input is `required`, which a screen reader already says.
    const required = html`<span class="muted small" aria-hidden="true">${t('endpointGrid.form.required')}</span>`;
    return html`<dialog part="dialog" class="form-dialog" aria-labelledby="form-title" @close=${this.#onFormClosed} @cancel=${(e: Event) => this.#cancelForm(e)}>
      <form class="dialog-body ${f.busy ? 'held' : ''}" novalidate @submit=${this.#submit} @input=${this.#onFormInput}>
        <h2 id="form-title">${t(edit ? 'endpointGrid.form.editTitle' : 'endpointGrid.form.newTitle')}</h2>
        ${f.general
          ? html`<div class="notice error form-general" tabindex="-1">${iconSvg(icon.error)}<p class="grow"><bdi>${f.general()}</bdi></p></div>`
          : nothing}
        <div class="field">
          <label for="ep-name">${t('endpointGrid.name')} ${edit ? nothing : required}</label>
          ${edit
            ? // Read-only, the whole name wraps (a one-line box would cut a long one off on a phone), still a labelled control.
              html`<textarea id="ep-name" class="mp-input name-readonly stays-readonly" rows="2" readonly dir="auto" .value=${f.name} aria-describedby="ep-name-help"></textarea>
                <p id="ep-name-help" class="help"><bdi>${t('endpointGrid.form.nameReadOnly')}</bdi></p>`
            : html`<input id="ep-name" name="name" class="mp-input" autocomplete="off" required dir="auto" ?readonly=${f.busy}
                .value=${live(f.name)} aria-invalid=${nameErrors.length ? 'true' : 'false'} aria-describedby=${nameErrors.length ? 'ep-name-error' : nothing} />`}
          ${renderErrors('ep-name', nameErrors)}
        </div>
        <div class="field">
          <label for="ep-description">${t('endpointGrid.description')} ${required}</label>
          <!-- Read-only while a save runs (focus stays): what is typed then would be neither sent nor kept. -->
          <textarea id="ep-description" name="description" class="mp-input" rows="4" required dir="auto" ?readonly=${f.busy}
            .value=${live(f.description)} aria-invalid=${descriptionErrors.length ? 'true' : 'false'}
            aria-describedby="ep-description-count${descriptionErrors.length ? ' ep-description-error' : ''}"></textarea>
          <p id="ep-description-count" class="help"><bdi>${t('endpointGrid.chars', { count: f.description.trim().length, max: ENDPOINT_DESCRIPTION_MAX })}</bdi></p>
          ${renderErrors('ep-description', descriptionErrors)}
        </div>
        ${f.discarding
          ? html`<div class="dialog-actions discard">
              <p role="alert"><bdi>${t('endpointGrid.form.discardQuestion')}</bdi></p>
              <button class="mp-button keep-editing" type="button" @click=${this.#keepEditing}>${t('endpointGrid.form.keepEditing')}</button>
              <button class="mp-button danger" type="button" @click=${this.#closeForm}>${t('endpointGrid.form.discard')}</button>
            </div>`
          : html`<div class="dialog-actions">
              <button class="mp-button" type="button" @click=${() => this.#cancelForm()}>${t('endpointGrid.form.cancel')}</button>
              <button class="mp-button primary" type="submit" aria-disabled=${f.busy ? 'true' : 'false'}>
                ${f.busy ? t('endpointGrid.form.saving') : t(edit ? 'endpointGrid.form.update' : 'endpointGrid.form.submit')}
              </button>
            </div>`}
        ${this.#formAnnouncer.render()}
      </form>
    </dialog>`;
  }

  #renderConfirmDialog(): TemplateResult | typeof nothing {
    const ep = this._confirm;
    if (!ep) return nothing;
    return html`<dialog part="dialog" class="confirm-dialog" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body"
      @close=${this.#onConfirmClosed}>
      <div class="dialog-body">
        <h2 id="confirm-title"><bdi>${t('endpointGrid.confirm.title', { name: ep.name })}</bdi></h2>
        <p id="confirm-body"><bdi>${t('endpointGrid.confirm.body')}</bdi></p>
        <div class="dialog-actions">
          <button class="mp-button" type="button" autofocus @click=${() => this._confirmDialog?.close()}>${t('endpointGrid.confirm.cancel')}</button>
          <button class="mp-button danger" type="button" aria-disabled=${this._deleting ? 'true' : 'false'} @click=${this.#confirmDelete}>${t('endpointGrid.confirm.delete')}</button>
        </div>
      </div>
    </dialog>`;
  }
}

customElements.define('mp-endpoint-grid', MpEndpointGrid);
