import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LocalizeController, lowerCase, msg, searchKey } from '../i18n/index.js';
import { installThemeRoot, tokens } from '../styles/tokens.js';
import { base } from '../styles/base.js';
import { icon, iconSvg } from './icons.js';
import { styles } from './combobox.styles.js';
import { VirtualList } from './virtual-list.js';
import { Announcer } from './announcer.js';

/** One choice in an `<mp-combobox>` list. Everything is rendered as text. */
export interface ComboboxOption {
  /** What `value` becomes when chosen; unique within the list. */
  value: string;
  label: string;
  /** Secondary text in monospace, e.g. an API name. */
  detail?: string;
  /** A short tag beside the label, e.g. a type. */
  badge?: string;
  /** One more muted line, e.g. "Used by Email". */
  hint?: string;
  /** A note under the option: why it is disabled (`error`) or what to watch for (`warning`). */
  note?: string;
  tone?: 'warning' | 'error';
  /** Shown but not choosable; say why in `note`. */
  disabled?: boolean;
}

/** Returns the options matching what the user typed ('' when nothing is typed), best first. */
export type ComboboxSearch = (query: string) => readonly ComboboxOption[];

/**
 * Default matching for a plain option array: every typed word in the label or detail, in either case as the
 * kit's locale writes it (set by `setLocale`, not the browser's: Turkish "izmir" finds "İzmir", "id" finds "ID") and
 * with or without accents ("societe" finds "Société"), as the field mapper's search matches. Whole-name matches
 * come first, then names that start with the text, so typing "Contact" and Enter picks Contact, not
 * "Account Contact Relation".
 */
function filterOptions(options: readonly ComboboxOption[], query: string): readonly ComboboxOption[] {
  const typed = searchKey(query.trim());
  const words = typed.split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  const tiers: ComboboxOption[][] = [[], [], []];
  for (const o of options) {
    const label = searchKey(o.label);
    const detail = searchKey(o.detail ?? '');
    const text = `${label}\n${detail}`;
    if (!words.every((w) => text.includes(w))) continue;
    tiers[label === typed || detail === typed ? 0 : label.startsWith(typed) || detail.startsWith(typed) ? 1 : 2]!.push(o);
  }
  return tiers.flat();
}

const PAGE = 10;
const NONE: readonly ComboboxOption[] = [];

/**
 * An editable combobox with a virtualized popup list, for choosing one of thousands of options by typing
 * and arrow keys (the WAI-ARIA combobox pattern with `aria-activedescendant`). Options come from
 * `options`: an array (filtered by label and detail) or a {@link ComboboxSearch} function called with
 * the typed text, so a host can rank and annotate options lazily, only while the list is open.
 *
 * Keys: ↓/↑ open the list and move (Alt+↓ opens on the current choice, Alt+↑ closes), Page ↓/↑ move by
 * ten, Home/End jump to the first/last option while the list is open and nothing is typed, Enter chooses, Escape closes
 * keeping the typed text (and, when closed, discards it), typing filters; Tab takes the one option whose
 * label was typed out exactly (none when two share it). A click into the box selects its text, so typing
 * replaces the choice shown; after Escape it reopens the list on the kept text.
 *
 * With `readonly` the choice shows as it is (a viewer's), on a sunken ground with no arrow: the box takes focus,
 * its text can be selected and copied, and the list never opens, so nothing changes it.
 *
 * Not form-associated on its own: hosts read `value` on `change`.
 *
 * @summary A searchable, keyboard-first, virtualized single-choice combobox.
 *
 * @fires change - An option was chosen; read `value`. Bubbles, does not cross the host's shadow root (like native `change`).
 *
 * @csspart input - The text box.
 * @csspart popup - The popup (in the top layer).
 * @csspart listbox - The list of options.
 * @csspart option - Each option.
 * @csspart footer - The count and key hints under the list.
 *
 * @cssproperty --mp-combobox-list-max-height - Height limit of the list (default `20rem`).
 * @cssproperty --mp-combobox-popup-min-width - Narrowest the popup gets (default `22rem`, never wider than the viewport).
 */
export class MpCombobox extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, base, styles];
  static override properties = {
    value: {},
    displayValue: { attribute: 'display-value' },
    options: { attribute: false },
    label: {},
    listLabel: { attribute: 'list-label' },
    description: {},
    placeholder: {},
    disabled: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    invalid: { type: Boolean, reflect: true },
    _open: { state: true },
    _query: { state: true },
    _active: { state: true },
  };

  /** The chosen option's value; '' for none. */
  value = '';

  /** Text shown while the list is closed; defaults to the chosen option's label when `options` is an array. */
  displayValue?: string;

  /** The options, or a function that returns them for the typed text. */
  options: readonly ComboboxOption[] | ComboboxSearch = NONE;

  /** Accessible name of the text box. */
  label = '';

  /** Accessible name of the list; defaults to `label`. */
  listLabel = '';

  /** Extra accessible description of the text box, e.g. the errors shown beside it. */
  description = '';

  /** Hint shown in the empty text box. */
  placeholder = '';
  /** Neither typed in nor opened. */
  disabled = false;
  /** Shows the choice without letting it change: focusable and selectable, never typed in or opened. */
  readonly = false;
  /** Marks the text box as required for assistive technology (`aria-required`). */
  required = false;
  /** Marks the text box as invalid (`aria-invalid`), e.g. while an error shows beside it. */
  invalid = false;

  private _open = false;
  /** Typed text; null while the box shows the current choice. */
  private _query: string | null = null;
  private _active = -1;

  /** The text box, once rendered. */
  private get _input(): HTMLInputElement | null {
    return this.shadowRoot?.querySelector('input') ?? null;
  }
  private get _popup(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.popup')!;
  }

  #options: readonly ComboboxOption[] = NONE;
  readonly #list = new VirtualList<ComboboxOption>(this, {
    container: () => this.renderRoot?.querySelector<HTMLElement>('.items'),
    key: (o) => o.value,
    estimate: 56,
    overscan: 240,
  });
  readonly #reposition = () => this.#position();
  /** Says when the list is empty: with no option active, a screen reader has nothing else to read (WCAG 4.1.3). */
  readonly #announcer = new Announcer(this);

  constructor() {
    super();
    new LocalizeController(this);
  }

  /** Whether the list is open. */
  get open(): boolean {
    return this._open;
  }

  /** The options currently listed (after filtering), while the list is open. */
  get shownOptions(): readonly ComboboxOption[] {
    return this.#options;
  }

  /** Focuses the text box and opens the list, highlighting the current choice (leaving the box closes it again). */
  show(): void {
    this._input?.focus();
    this.#openList(null, 'selected');
  }

  /** Closes the list and discards typed text. */
  hide(): void {
    if (!this._open && this._query === null) return;
    this.#close();
    this._query = null;
  }

  /** Closes the list; typed text stays in the box until Escape, leaving the box, or a choice. */
  #close(): void {
    this.#announcer.cancel();
    this._open = false;
    this._active = -1;
    this.#options = NONE;
    this.#listen(false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Standalone too, the box follows the page's dark theme like the other elements.
    installThemeRoot(this.ownerDocument);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.hide();
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    // Typing filters the list; it is not a value change, so the text box's `input` stays inside.
    root.addEventListener('input', (e) => e.stopPropagation());
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.disabled || this.readonly) this.hide();
    // New options while open (the host's data changed): search again, keeping the highlight if possible.
    if (changed.has('options') && this._open) this.#refresh('keep');
  }

  protected override updated(): void {
    // The popup is only in the DOM while open (rows of a big table each hold a closed combobox).
    const popup = this._popup;
    if (!this._open || !popup) return;
    if (!popup.matches(':popover-open')) popup.showPopover();
    this.#position();
  }

  #search(query: string): readonly ComboboxOption[] {
    return typeof this.options === 'function' ? this.options(query) : filterOptions(this.options, query);
  }

  #openList(query: string | null, active: 'selected' | 'first' | 'last'): void {
    if (this.disabled || this.readonly) return;
    this._open = true;
    this._query = query;
    this.#refresh(active);
    this.#listen(true);
  }

  #refresh(active: 'selected' | 'first' | 'last' | 'keep'): void {
    const previous = this.#options[this._active]?.value;
    this.#options = this.#search(this._query ?? '');
    const enabled = (o: ComboboxOption) => !o.disabled;
    let index = -1;
    if (active === 'keep' && previous !== undefined) index = this.#options.findIndex((o) => o.value === previous);
    if (active === 'selected') index = this.#options.findIndex((o) => o.value === this.value);
    if (active === 'last') index = this.#options.length - 1;
    if (index < 0) index = this.#options.findIndex(enabled);
    this._active = index;
    this.#list.reveal(index);
    // Once typing pauses; the active option's position ("1 of 5") already says how many match otherwise. With
    // none active (nothing matches, or nothing that matches may be chosen) there is nothing else to read. Only
    // for what the person did: new options from the host while open ('keep') would say it again.
    const count = this.#options.length;
    if (index >= 0) this.#announcer.cancel();
    else if (active !== 'keep') this.#announcer.announce(count ? msg('combobox.noneEnabled', { count }) : this._query ? msg('combobox.noMatches', { query: this._query }) : msg('combobox.noOptions'), 500);
  }

  #listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('scroll', this.#reposition, { capture: true, passive: true });
    window[method]('resize', this.#reposition, { passive: true });
  }

  /** Places the popup under the text box (or above, when there is more room), inside the viewport. */
  #position(): void {
    const popup = this._popup;
    const input = this._input;
    if (!popup || !input) return;
    const anchor = input.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    const gap = 4;
    const margin = 8;
    const minWidth = parseFloat(getComputedStyle(popup).minInlineSize) || 0;
    const width = Math.min(Math.max(anchor.width, minWidth), vw - 2 * margin);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const start = rtl ? anchor.right - width : anchor.left;
    const left = Math.max(margin, Math.min(start, vw - width - margin));
    const below = vh - anchor.bottom - gap - margin;
    const above = anchor.top - gap - margin;
    const style = popup.style;
    style.inlineSize = `${width}px`;
    style.left = `${left}px`;
    const down = below >= 200 || below >= above;
    style.top = down ? `${anchor.bottom + gap}px` : 'auto';
    style.bottom = down ? 'auto' : `${vh - anchor.top + gap}px`;
    style.setProperty('--_room', `${Math.max(down ? below : above, 120)}px`);
  }

  #move(delta: number, to?: number): void {
    const n = this.#options.length;
    if (n === 0) return;
    const from = this._active < 0 ? (delta > 0 ? -1 : n) : this._active;
    this._active = Math.max(0, Math.min(n - 1, to ?? from + delta));
    this.#list.reveal(this._active);
  }

  #choose(option: ComboboxOption | undefined): void {
    if (!option || option.disabled) return;
    this.hide();
    const changed = option.value !== this.value;
    this.value = option.value;
    if (changed) this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onKeydown = (e: KeyboardEvent): void => {
    const open = this._open;
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    switch (e.key) {
      case 'ArrowDown':
        handled();
        if (!open) this.#openList(this._query, this._query ? 'first' : 'selected');
        else if (!e.altKey) this.#move(1);
        break;
      case 'ArrowUp':
        handled();
        if (!open) this.#openList(this._query, e.altKey && !this._query ? 'selected' : 'last');
        else if (e.altKey) this.hide();
        else this.#move(-1);
        break;
      case 'PageDown':
      case 'PageUp':
        if (!open) return;
        handled();
        this.#move(e.key === 'PageDown' ? PAGE : -PAGE);
        break;
      case 'Home':
      case 'End':
        if (!open || this._query) return;
        handled();
        this.#move(0, e.key === 'Home' ? 0 : this.#options.length - 1);
        break;
      case 'Enter':
        if (!open) return;
        handled();
        this.#choose(this.#options[this._active]);
        break;
      case 'Escape':
        if (!open && this._query === null) return;
        handled();
        if (open) this.#close();
        else this.hide();
        break;
      case 'Tab':
        this.#chooseTypedOut();
        this.hide();
        break;
    }
  };

  #onInput = (e: Event): void => {
    const text = (e.target as HTMLInputElement).value;
    if (!this._open) this.#openList(text, 'first');
    else {
      this._query = text;
      this.#refresh('first');
    }
  };

  #onClick = (e: Event): void => {
    // A click into text being typed only moves the caret; otherwise it toggles the list.
    if (this._open) return this._query === null ? this.hide() : undefined;
    // Text kept by Escape opens the list again filtered by it; otherwise the choice shown is selected, so typing replaces it.
    if (this._query !== null) return this.#openList(this._query, 'first');
    this.show();
    (e.currentTarget as HTMLInputElement).select();
  };

  /** Takes the one option whose label is exactly the typed text (ignoring case and surrounding space), if there is one. */
  #chooseTypedOut(): void {
    const typed = lowerCase(this._query?.trim() ?? '');
    if (!typed) return;
    const matches = (this._open ? this.#options : this.#search(this._query!)).filter((o) => !o.disabled && lowerCase(o.label) === typed);
    if (matches.length === 1) this.#choose(matches[0]);
  }

  #onFocusout = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    if (to && this.renderRoot.contains(to)) return;
    this.hide();
  };

  #shownText(): string {
    if (this._query !== null) return this._query;
    if (this.displayValue !== undefined) return this.displayValue;
    if (!this.value || typeof this.options === 'function') return this.value;
    return this.options.find((o) => o.value === this.value)?.label ?? this.value;
  }

  protected override render(): TemplateResult {
    const active = this._open ? this.#options[this._active] : undefined;
    return html`
      <div class="box">
        <input
          part="input"
          class="mp-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-haspopup="listbox"
          aria-expanded=${this._open ? 'true' : 'false'}
          aria-controls=${this._open ? "listbox" : nothing}
          aria-activedescendant=${active ? `option-${this._active}` : nothing}
          aria-label=${this.label || nothing}
          aria-describedby=${this.description ? 'description' : nothing}
          aria-invalid=${this.invalid ? 'true' : nothing}
          aria-required=${this.required ? 'true' : nothing}
          aria-readonly=${this.readonly ? 'true' : nothing}
          placeholder=${this.placeholder || nothing}
          .value=${live(this.#shownText())}
          ?disabled=${this.disabled}
          ?readonly=${this.readonly}
          @keydown=${this.#onKeydown}
          @input=${this.#onInput}
          @click=${this.#onClick}
          @focusout=${this.#onFocusout}
        />
        ${iconSvg(icon.chevron, 'icon chevron')}
      </div>
      ${this.description ? html`<span id="description" hidden>${this.description}</span>` : nothing}
      ${this.#announcer.render()}
      ${this._open ? this.#renderPopup() : nothing}
    `;
  }

  #renderPopup(): TemplateResult {
    return html`
      <div class="popup" part="popup" popover="manual" @mousedown=${(e: Event) => e.preventDefault()}>
        <div id="listbox" class="scroller" role="listbox" part="listbox" aria-label=${this.listLabel || this.label || nothing}>
          <div class="items">${this.#list.render(this.#options, (o, i) => this.#renderOption(o, i))}</div>
        </div>
        <div class="footer" part="footer" aria-hidden="true">
          <span><bdi>${this.#options.length === 0
            ? this._query
              ? msg('combobox.noMatches', { query: this._query })
              : msg('combobox.noOptions')
            : msg('combobox.count', { count: this.#options.length })}</bdi></span>
          <span class="hint"><bdi>${msg('combobox.hint')}</bdi></span>
        </div>
      </div>
    `;
  }

  #renderOption(o: ComboboxOption, index: number): TemplateResult {
    const current = o.value === this.value;
    const id = `option-${index}`;
    // Named by its label (and a note: a warning, or why it cannot be chosen, is heard even where descriptions
    // are not), described by the rest (hidden from the name, still read as the description): otherwise a
    // field's type and API name, often its label again, run into its name ("Email Email Email").
    const more = [o.badge && `${id}-badge`, (o.detail || o.hint) && `${id}-sub`].filter(Boolean).join(' ');
    return html`<div
      role="option"
      id=${id}
      part="option"
      class="option ${o.tone ?? ''} ${index === this._active ? 'active' : ''} ${current ? 'current' : ''}"
      aria-selected=${index === this._active ? 'true' : 'false'}
      aria-setsize=${this.#options.length}
      aria-posinset=${index + 1}
      aria-disabled=${o.disabled ? 'true' : nothing}
      aria-describedby=${more || nothing}
      @click=${() => this.#choose(o)}
      @pointermove=${() => {
        if (this._active !== index) this._active = index;
      }}
    >
      <span class="main">
        <span class="label"><bdi>${o.label}</bdi></span>
        ${current ? html`${iconSvg(icon.check, 'icon check')}<span class="visually-hidden">${msg('combobox.current')}</span>` : nothing}
        ${o.badge ? html`<span class="mp-badge" id="${id}-badge" aria-hidden="true">${o.badge}</span>` : nothing}
      </span>
      ${o.detail || o.hint
        ? html`<span class="sub" id="${id}-sub" aria-hidden="true">${o.detail ? html`<code>${o.detail}</code>` : nothing}${o.hint ? html`<span class="hint">${o.hint}</span>` : nothing}</span>`
        : nothing}
      ${o.note
        ? html`<span class="note ${o.tone ?? ''}">${iconSvg(o.tone === 'error' ? icon.error : icon.warning)}<span dir="auto">${o.note}</span></span>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mp-combobox': MpCombobox;
  }
}

customElements.define('mp-combobox', MpCombobox);
