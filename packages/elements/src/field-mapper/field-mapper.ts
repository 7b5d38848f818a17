import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  crmTypeLabel,
  suggestMappings,
  updatePolicies,
  type CrmFieldDescriptor,
  type FieldMapping,
  type MappingSuggestion,
  type MemberPulseField,
  type UpdatePolicy,
} from '@memberpulse/integration-schema';
import { LocalizeController, formatList, formatNumber, msg } from '../i18n/index.js';
import { tokens, installThemeRoot } from '../styles/tokens.js';
import { base } from '../styles/base.js';
import { Announcer } from '../shared/announcer.js';
import { ignoreAriaHeldPresses } from '../shared/aria-held-presses.js';
import { icon, iconSvg } from '../shared/icons.js';
// Registers <mp-combobox> (listed in package.json "sideEffects", so bundlers keep it).
import '../shared/combobox.js';
import type { MpCombobox, ComboboxOption, ComboboxSearch } from '../shared/combobox.js';
import { VirtualList } from '../shared/virtual-list.js';
import { styles } from './field-mapper.styles.js';
import { problemText, renderRow } from './field-mapper-row.js';
import {
  buildModel,
  buildOptions,
  filterRows,
  isProblemRow,
  prepareTargets,
  problemParams,
  pruneSuggestions,
  standingMappings,
  type MapperModel,
  type MapperRow,
  type PreparedTarget,
} from './model.js';

export type { RowStatus } from './model.js';

/** Fired after {@link MpFieldMapper.autoMap} with what it proposed; nothing is applied until accepted. */
export class FieldMapperAutoMapEvent extends Event {
  static readonly type = 'mp-automap';
  constructor(readonly suggestions: readonly MappingSuggestion[]) {
    super(FieldMapperAutoMapEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mp-field-mapper': MpFieldMapper;
  }
  interface HTMLElementEventMap {
    'mp-automap': FieldMapperAutoMapEvent;
  }
}

/** Parses a submitted/restored form value; anything that is not a list of mappings is ignored. */
function parseMappings(text: unknown): FieldMapping[] | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return undefined;
    const ok = data.every(
      (m) =>
        m && typeof m === 'object' && typeof m.source === 'string' && typeof m.target === 'string' &&
        (updatePolicies as readonly unknown[]).includes(m.policy),
    );
    return ok ? (data as FieldMapping[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps MemberPulse fields onto the fields of a CRM object: one row per MemberPulse field, a searchable
 * list of CRM fields with type checks, update policies, and auto-map suggestions with their confidence.
 * Works standalone (data in through properties, no network) and inside a `<form>`, where it submits its
 * mappings as JSON under its `name`. Rows and target lists are virtualized, so a 900-field CRM object
 * against 150 MemberPulse fields stays fast. The rules (compatibility, duplicates, required, suggestions)
 * are `@memberpulse/integration-schema`'s. An unmapped required field says so once the admin cleared it or
 * validity was checked (a form's submit, `checkValidity()`), as `:user-invalid` does. Besides its own
 * properties it takes the global tokens `--mp-color-*`, `--mp-space-*`, `--mp-font-*`, `--mp-radius-*`.
 *
 * @summary Maps MemberPulse fields onto CRM fields, with type checks and auto-map, fast on large orgs.
 *
 * @slot no-targets - Shown instead of the default notice while `targetFields` is empty, e.g. a link to connect the CRM.
 * @slot toolbar - Extra controls at the end of the toolbar (e.g. a "Reload fields" button).
 *
 * @fires input - The mappings changed by the admin (a target chosen or cleared, a policy changed, a suggestion accepted). Bubbles, composed.
 * @fires change - Same moments as `input`: each of those edits is committed at once; also when a form reset changes the value. Read `value`. Bubbles, composed.
 * @fires {FieldMapperAutoMapEvent} mp-automap - Auto-map proposed `suggestions` (nothing is applied until accepted).
 *
 * @csspart base - The frame around everything.
 * @csspart toolbar - Search, filters and the auto-map button.
 * @csspart search-input - The search box (matches both MemberPulse and CRM fields).
 * @csspart filter - Each filter toggle.
 * @csspart automap-button - The auto-map button.
 * @csspart summary - The counts line.
 * @csspart suggestion-bar - Shown while suggestions wait: count, accept all, dismiss all.
 * @csspart table - The table of rows (ARIA table).
 * @csspart header - The column header row.
 * @csspart row - Each row; also one of the four below, and `:state()` of the same names (`mapped`, `unmapped`, `error`, `warning`).
 * @csspart row-mapped - A row whose field is mapped without problems.
 * @csspart row-unmapped - A row with no CRM field.
 * @csspart row-error - A row with an error.
 * @csspart row-warning - A row with a warning.
 * @csspart source - The MemberPulse field cell.
 * @csspart required-badge - The "Required" marker.
 * @csspart combobox - The CRM field chooser (`<mp-combobox>`) in a row.
 * @csspart combobox-input - Its text box.
 * @csspart listbox - The popup list of CRM fields.
 * @csspart option - One CRM field in that list.
 * @csspart policy - The update-policy select.
 * @csspart clear-button - A row's clear button.
 * @csspart suggestion - A row's pending suggestion.
 * @csspart confidence - The confidence meter of a suggestion.
 * @csspart message - An error or warning under a row.
 * @csspart empty - The empty-state message.
 *
 * @cssproperty --mp-field-mapper-max-height - Height limit of the rows area before it scrolls on its own (default `none`: the page scrolls).
 * @cssproperty --mp-field-mapper-row-min-height - Minimum height of a row (default `3.25rem`).
 * @cssproperty --mp-field-mapper-border - The frame's border (default `1px solid` the border colour).
 * @cssproperty --mp-field-mapper-source-width - Width of the MemberPulse column on wide layouts (default `minmax(10rem, 1fr)`).
 * @cssproperty --mp-combobox-list-max-height - Height limit of a row's list of CRM fields (default `20rem`).
 *
 * @cssstate invalid - Some required field is unmapped or a mapping has an error (as `validity` says), shown or not yet.
 * @cssstate complete - Every required field is mapped, nothing is wrong, and at least one mapping exists.
 * @cssstate suggesting - Auto-map suggestions wait to be accepted or dismissed.
 * @cssstate readonly - The `readonly` attribute is set.
 * @cssstate disabled - Disabled by its attribute or by a disabled fieldset or form.
 */
export class MpFieldMapper extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, base, styles];
  static override properties = {
    sourceFields: { attribute: false },
    targetFields: { attribute: false },
    name: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
    busy: { type: Boolean, reflect: true },
    label: {},
    sourceHeading: { attribute: 'source-heading' },
    targetHeading: { attribute: 'target-heading' },
    defaultPolicy: { attribute: 'default-policy' },
    _query: { state: true },
    _unmappedOnly: { state: true },
    _problemsOnly: { state: true },
    _suggestions: { state: true },
    _formDisabled: { state: true },
    value: { attribute: false },
  };

  /** MemberPulse fields to map (one row each), e.g. the schema's `memberFields`. */
  sourceFields: readonly MemberPulseField[] = [];

  /** The CRM object's fields as discovery describes them; may include lookup paths such as `Account.Name`. */
  targetFields: readonly CrmFieldDescriptor[] = [];

  /** Name under which the form submits the mappings (as JSON). */
  name = '';

  /** Disables every control; the value is not submitted. */
  disabled = false;

  /**
   * Shows the mappings without letting them change: each row's field box and policy keep focus and read out their
   * value, as read-only controls; search and filters still work; no clear, auto-map or suggestions.
   */
  readonly = false;

  /**
   * The form around it is saving: the mappings take no change meanwhile, as with `readonly`, but everything
   * stays as it looks and where it is (the clear, auto-map and suggestion buttons are there, `aria-disabled`),
   * so a save does not make the table flicker. Still validated and submitted.
   */
  busy = false;

  /** Accessible name of the table; defaults to "Field mapping". */
  label = '';

  /** Heading of the MemberPulse column; defaults to "MemberPulse field". */
  sourceHeading = '';

  /** Heading of the CRM column, e.g. "Salesforce Contact field"; defaults to "CRM field". */
  targetHeading = '';

  /** Update policy given to new mappings. */
  defaultPolicy: UpdatePolicy = 'always';

  private _query = '';
  private _unmappedOnly = false;
  private _problemsOnly = false;
  private _suggestions = new Map<string, MappingSuggestion>();
  private _formDisabled = false;

  readonly #internals: ElementInternals;
  readonly #announcer = new Announcer(this);
  #value: readonly FieldMapping[] = [];
  /** What form reset returns to: the last value the host set. */
  #baseline: readonly FieldMapping[] = [];
  /**
   * The required fields whose "must be mapped" shows, as `:user-invalid` would: those the admin cleared,
   * or all once validity was checked (a form's submit, `checkValidity()`, `reportValidity()`).
   * Replaced, never mutated, so the model cache sees the change.
   */
  #missingShown: ReadonlySet<string> | 'all' = new Set();
  #model?: MapperModel;
  #modelKey: unknown[] = [];
  /** The policy labels the column was last fitted to. */
  #policyLabels = '';
  #prepared: PreparedTarget[] = [];
  #preparedFor: readonly CrmFieldDescriptor[] | undefined;
  #rows: MapperRow[] = [];
  #rowsKey: unknown[] = [];
  /** One option search per row, rebuilt with the model so an open list sees current usage. */
  #searches = new Map<string, ComboboxSearch>();
  /** Only the rows in view (and 400 px either side) are rendered: rows are heavy (each holds a combobox), and every filter keystroke replaces them. */
  readonly #list = new VirtualList<MapperRow>(this, {
    container: () => this.renderRoot?.querySelector<HTMLElement>('.body'),
    key: (r) => r.source.key,
    estimate: 72,
    overscan: 400,
  });

  constructor() {
    super();
    this.#internals = this.attachInternals();
    new LocalizeController(this, () => this.#syncForm());
    this.addEventListener('invalid', () => this.#showMissing('all'));
    ignoreAriaHeldPresses(this);
  }

  /**
   * The mappings, in the order they were made. Setting it also sets what a form reset returns to; setting
   * the array it already holds changes nothing (a controlled host, such as React, hands back what `change`
   * gave it), nor does `undefined` (a host whose mappings have not loaded yet); `null` or `[]` empties it.
   */
  get value(): readonly FieldMapping[] {
    return this.#value;
  }
  set value(next: readonly FieldMapping[] | null | undefined) {
    const old = this.#value;
    if (next === old || next === undefined) return;
    this.#value = Array.isArray(next) ? next : [];
    this.#baseline = this.#value;
    this.#afterValueChange();
    this.requestUpdate('value', old);
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  /** As a form control's: `valueMissing` while a required MemberPulse field is unmapped, `customError` for other errors. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  /** The first problem in the current locale's words, and how many more there are; empty when valid. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  /** Whether a form's submit checks this element (not while it is disabled). */
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  /** Whether the mapping is valid; an invalid one fires `invalid`, and the required fields' messages show. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  /** As `checkValidity()`, and the browser shows the validation message at the problems list. */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Current counts: fields, mapped, required, required mapped, rows with errors, rows with warnings. */
  get counts(): MapperModel['counts'] {
    return { ...this.#getModel().counts };
  }

  /** Pending auto-map suggestions, in source order. */
  get suggestions(): readonly MappingSuggestion[] {
    return [...this._suggestions.values()];
  }

  /**
   * Proposes mappings for unmapped fields, and for fields mapped onto one the CRM object lacks, onto unused
   * CRM fields (the schema's `suggestMappings`), shows
   * each in its row with its confidence and announces the result. Nothing changes until accepted.
   */
  autoMap(): MappingSuggestion[] {
    if (this.#locked) return [];
    const found = suggestMappings(this.sourceFields, this.targetFields, standingMappings(this.#value, this.#getModel().targetByName));
    this._suggestions = new Map(found.map((s) => [s.source, s]));
    this.#announcer.announce(
      found.length ? msg('fieldMapper.announce.suggestions', { count: found.length }) : msg('fieldMapper.announce.noSuggestions'),
    );
    const event = new FieldMapperAutoMapEvent(found);
    this.dispatchEvent(event);
    return found;
  }

  /** Accepts pending suggestions (all, or those for the given source keys), each replacing its field's mapping, and fires `input` and `change`. */
  acceptSuggestions(sources?: readonly string[]): void {
    if (this.#locked) return;
    const picked = [...this._suggestions.values()].filter((s) => !sources || sources.includes(s.source));
    if (picked.length === 0) return;
    const replaced = new Set(picked.map((s) => s.source));
    const next = [
      ...this.#value.filter((m) => !replaced.has(m.source)),
      ...picked.map((s): FieldMapping => ({ source: s.source, target: s.target, policy: this.defaultPolicy })),
    ];
    this.#commit(next);
    this.#announcer.announce(msg('fieldMapper.announce.accepted', { count: picked.length }));
  }

  /** Drops pending suggestions (all, or those for the given source keys). */
  dismissSuggestions(sources?: readonly string[]): void {
    this._suggestions = sources ? new Map([...this._suggestions].filter(([k]) => !sources.includes(k))) : new Map();
  }

  /** Turns on the "problems only" filter: only rows with errors or warnings stay. */
  showProblems(): void {
    this._problemsOnly = true;
  }

  /**
   * Makes the row of one MemberPulse field show: the filters that hide it (a search, "unmapped only", "problems
   * only" for a row without problems, such as a CRM field whose type changed but still fits) are cleared, and
   * the next update renders it even where the page is scrolled far from it (only rows near the view are).
   */
  reveal(source: string): void {
    const model = this.#getModel();
    const row = model.rowBySource.get(source);
    if (!row) return;
    if (!filterRows([row], { query: this._query, unmappedOnly: this._unmappedOnly, problemsOnly: this._problemsOnly }).length) {
      this._query = '';
      this._unmappedOnly = false;
      this._problemsOnly &&= isProblemRow(row);
    }
    const index = this.#getRows(model).findIndex((r) => r.source.key === source);
    if (index >= 0) this.#list.reveal(index);
  }

  // ---- form association -------------------------------------------------------------------------

  /** @internal The browser's form-reset hook: back to the value last set from outside. */
  formResetCallback(): void {
    const changed = this.#value !== this.#baseline;
    this.#value = this.#baseline;
    this.#missingShown = new Set();
    this._suggestions = new Map();
    this.#afterValueChange();
    this.requestUpdate('value');
    // A host holding the value in its state (React) must hear of the reset, or its next render undoes it.
    if (changed) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** @internal The browser's hook for restoring the value after back/forward navigation. */
  formStateRestoreCallback(stateValue: unknown): void {
    const restored = parseMappings(stateValue);
    if (!restored) return;
    this.#value = restored;
    this.#afterValueChange();
    this.requestUpdate('value');
  }

  /** @internal The browser's hook for a disabled fieldset or form around this element. */
  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  // ---- lifecycle ----------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    installThemeRoot(this.ownerDocument);
    this.#syncForm();
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    // The inner controls' composed `input` events stay inside; the element fires its own.
    root.addEventListener('input', (e) => {
      if (e.target !== this) e.stopPropagation();
    });
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sourceFields') || changed.has('targetFields')) {
      const sources = new Set(this.sourceFields.map((f) => f.key));
      const targets = new Set(this.targetFields.map((t) => t.name));
      const kept = [...this._suggestions].filter(([k, s]) => sources.has(k) && targets.has(s.target));
      if (kept.length !== this._suggestions.size) this._suggestions = new Map(kept);
      this.#syncForm();
    }
    if (changed.has('disabled') || changed.has('readonly')) this.#syncForm();
    this.#setState('suggesting', this._suggestions.size > 0);
    this.#setState('readonly', this.readonly);
    this.#setState('disabled', this.#disabled);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Again after rendering, so the validity message anchors on the "problems" button once it exists.
    if (['value', 'sourceFields', 'targetFields', 'disabled', 'readonly', '_formDisabled'].some((k) => changed.has(k as keyof MpFieldMapper))) {
      this.#syncForm();
    }
    this.#fitPolicyColumn();
  }

  /**
   * Widens the update-policy column to its longest label in the current language: every row is its own
   * grid, so the column cannot size to its content, and "Niemals mit leerem Wert überschreiben" needs
   * half as much again as the English. Measured once per set of labels, on the first policy select shown.
   */
  #fitPolicyColumn(): void {
    const labels = updatePolicies.map((p) => msg(`policy.${p}`));
    const key = labels.join('\n');
    if (key === this.#policyLabels) return;
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[part="policy"]');
    if (!select) return;
    this.#policyLabels = key;
    // A select left to its own width is as wide as its longest option, with its arrow, padding and border.
    const natural = select.cloneNode(true) as HTMLSelectElement;
    natural.style.cssText = 'position: absolute; visibility: hidden; inline-size: auto';
    this.renderRoot.append(natural);
    const width = natural.offsetWidth;
    natural.remove();
    this.renderRoot.querySelector<HTMLElement>('.frame')!.style.setProperty('--_mp-policy-width', `${Math.ceil(width)}px`);
  }

  // ---- model --------------------------------------------------------------------------------------

  get #disabled(): boolean {
    return this.disabled || this._formDisabled;
  }

  /** Shown as it is, nothing to change: no suggestions, no validation. */
  get #fixed(): boolean {
    return this.#disabled || this.readonly;
  }

  /** Busy, and otherwise open to changes: held as it looks, its value-changing buttons `aria-disabled`. */
  get #held(): boolean {
    return this.busy && !this.#fixed;
  }

  /** Nothing may change now: fixed, or busy. */
  get #locked(): boolean {
    return this.#fixed || this.busy;
  }

  #getModel(): MapperModel {
    const shown = this.#missingShown;
    const key = [this.sourceFields, this.targetFields, this.#value, shown];
    if (!this.#model || key.some((k, i) => k !== this.#modelKey[i])) {
      this.#model = buildModel(this.sourceFields, this.targetFields, this.#value, (source) => shown === 'all' || shown.has(source));
      this.#modelKey = key;
      this.#searches = new Map();
    }
    return this.#model;
  }

  #getPrepared(): PreparedTarget[] {
    if (this.#preparedFor !== this.targetFields) {
      this.#prepared = prepareTargets(this.targetFields);
      this.#preparedFor = this.targetFields;
    }
    return this.#prepared;
  }

  #getRows(model: MapperModel): MapperRow[] {
    const key = [model, this._query, this._unmappedOnly, this._problemsOnly];
    if (key.some((k, i) => k !== this.#rowsKey[i])) {
      this.#rows = filterRows(model.rows, { query: this._query, unmappedOnly: this._unmappedOnly, problemsOnly: this._problemsOnly });
      this.#rowsKey = key;
    }
    return this.#rows;
  }

  /** The target list of one row as combobox options: ranked by the typed text, annotated with the schema's verdict. */
  #searchFor(row: MapperRow, model: MapperModel): ComboboxSearch {
    let search = this.#searches.get(row.source.key);
    if (search) return search;
    search = (query: string): ComboboxOption[] =>
      buildOptions(row.source, this.#getPrepared(), model.usedBy, row.mapping?.target, query).map((o): ComboboxOption => {
        const level = o.compat.level;
        const users = o.usedBy.map((k) => model.rowBySource.get(k)?.source.label ?? k);
        return {
          value: o.target.name,
          label: o.target.label,
          detail: o.target.name,
          badge: msg(`type.crm.${o.target.type}`, {}, crmTypeLabel(o.target.type)),
          hint: users.length > 0 ? msg('fieldMapper.usedBy', { sources: formatList(users) }) : undefined,
          note:
            level === 'ok'
              ? undefined
              : problemText({ level, code: o.compat.code!, message: o.compat.message!, params: problemParams(row.source, o.target, o.target.name) }),
          tone: level === 'ok' ? undefined : level,
          disabled: level === 'error',
        };
      });
    this.#searches.set(row.source.key, search);
    return search;
  }

  #afterValueChange(): void {
    const pruned = pruneSuggestions(this._suggestions, standingMappings(this.#value, this.#getModel().targetByName));
    if (pruned.size !== this._suggestions.size) this._suggestions = pruned;
    this.#syncForm();
  }

  #commit(next: FieldMapping[]): void {
    this.#value = next;
    this.#afterValueChange();
    this.requestUpdate('value');
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #setMapping(source: string, target: string | null, policy?: UpdatePolicy): void {
    const index = this.#value.findIndex((m) => m.source === source);
    const next = [...this.#value];
    if (target === null) {
      if (index < 0) return;
      next.splice(index, 1);
      this.#showMissing(source);
    } else if (index < 0) {
      next.push({ source, target, policy: policy ?? this.defaultPolicy });
    } else {
      const old = next[index]!;
      if (old.target === target && (policy === undefined || old.policy === policy)) return;
      // A new target invalidates the type recorded for the old one.
      const { targetType: _recorded, ...rest } = old;
      next[index] = old.target === target ? { ...old, policy: policy ?? old.policy } : { ...rest, target, policy: policy ?? old.policy };
    }
    this.#commit(next);
  }

  #showMissing(source: string | 'all'): void {
    const shown = this.#missingShown;
    if (shown === 'all' || (source !== 'all' && shown.has(source))) return;
    this.#missingShown = source === 'all' ? 'all' : new Set([...shown, source]);
    // Validity is unchanged; its message anchors on the "problems" button this render adds.
    this.requestUpdate();
    void this.updateComplete.then(() => this.#syncForm());
  }

  #setState(name: string, on: boolean): void {
    if (on) this.#internals.states.add(name);
    else this.#internals.states.delete(name);
  }

  #syncForm(): void {
    const model = this.#getModel();
    const json = JSON.stringify(this.#value);
    this.#internals.setFormValue(json, json);
    const invalid = model.counts.errors > 0 || model.missing.length > 0;
    this.#setState('invalid', invalid);
    this.#setState('complete', !invalid && model.counts.requiredMapped === model.counts.required && model.counts.mapped > 0);
    if (this.#fixed || !invalid) {
      this.#internals.setValidity({});
      return;
    }
    const missing = model.missing;
    const rowErrors = model.rows.flatMap((r) =>
      r.problems.filter((p) => p.level === 'error' && p.code !== 'required' && p.code !== 'duplicate_target_partner'),
    );
    const messages: string[] = [];
    if (missing.length) {
      messages.push(msg('fieldMapper.validity.required', { fields: formatList(missing.map((s) => s.label)) }));
    }
    for (const p of rowErrors) messages.push(problemText(p));
    for (const e of model.orphanErrors) messages.push(msg(`rule.${e.code}`, {}, e.message));
    const first = messages[0] ?? '';
    const message = messages.length > 1 ? msg('fieldMapper.validity.more', { message: first, count: messages.length - 1 }) : first;
    const anchor = this.renderRoot?.querySelector<HTMLElement>('#problems') ?? undefined;
    this.#internals.setValidity({ valueMissing: missing.length > 0, customError: missing.length === 0 }, message, anchor);
  }

  /** The combobox of a row, when the row is rendered. */
  #comboFor(key: string): MpCombobox | null {
    return this.renderRoot.querySelector<MpCombobox>(`mp-combobox[data-source="${CSS.escape(key)}"]`);
  }

  // ---- row events (delegated: one listener for every row) -----------------------------------------

  #onRowsChange = (e: Event): void => {
    const el = e.target as HTMLElement;
    const key = el.dataset.source;
    if (!key) return;
    e.stopPropagation();
    if (el.localName === 'mp-combobox') {
      this.#keepFocusNear(key);
      const target = (el as MpCombobox).value;
      this.#setMapping(key, target || null);
      const row = this.#getModel().rowBySource.get(key);
      if (row?.target) this.#announcer.announce(msg('fieldMapper.announce.mapped', { source: row.source.label, target: row.target.label }));
    } else if (el.dataset.action === 'policy') {
      const mapping = this.#value.find((m) => m.source === key);
      if (mapping) this.#setMapping(key, mapping.target, (el as HTMLSelectElement).value as UpdatePolicy);
    }
  };

  #onRowsClick = (e: Event): void => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const key = button?.dataset.source;
    if (!button || !key) return;
    const label = this.#getModel().rowBySource.get(key)?.source.label ?? key;
    // The pressed button goes away with the change; keep focus in the row.
    this.#keepFocusNear(key);
    switch (button.dataset.action) {
      case 'clear':
        this.#setMapping(key, null);
        this.#announcer.announce(msg('fieldMapper.announce.cleared', { source: label }));
        break;
      case 'accept':
        this.acceptSuggestions([key]);
        break;
      case 'dismiss':
        this.dismissSuggestions([key]);
        break;
    }
  };

  /**
   * Call before a change to a row: afterwards focus goes to the row's field box, or, when a filter
   * (Unmapped only, Problems only, a search) now hides the row, to the row that took its place; where that
   * box cannot take focus (no CRM fields yet), to the search box. It never drops to the page.
   */
  #keepFocusNear(key: string): void {
    const index = this.#getRows(this.#getModel()).findIndex((r) => r.source.key === key);
    // The change this precedes has not asked for its update yet; without one pending, `updateComplete` is the last
    // update's, already settled, and focus would move before the row leaves.
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const rows = this.#getRows(this.#getModel());
      const near = this.#comboFor(key) ? key : rows[Math.min(index, rows.length - 1)]?.source.key;
      const box = near ? this.#comboFor(near) : null;
      box?.focus();
      // Whether the box took focus (a disabled one does not); `:focus-within` would not match while the page itself is unfocused.
      if (!box || this.shadowRoot!.activeElement !== box) this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
    });
  }

  /** Runs a suggestion-bar action; the bar goes away with it, so focus moves to Auto-map instead of the page. */
  #fromBar(action: () => void): void {
    action();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="automap-button"]')?.focus());
  }

  /** Applies a person's change of the search or filters, then says how many rows it leaves (once typing pauses). */
  #filter(change: () => void): void {
    change();
    this.#announcer.announce(msg('fieldMapper.announce.shown', { count: this.#getRows(this.#getModel()).length }), 600);
  }

  #onSearch = (e: Event): void => this.#filter(() => (this._query = (e.target as HTMLInputElement).value));

  #onSearchKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this._query) {
      e.preventDefault();
      e.stopPropagation();
      this.#filter(() => (this._query = ''));
    }
  };

  #clearFilters = (): void => {
    this.#filter(() => {
      this._query = '';
      this._unmappedOnly = false;
      this._problemsOnly = false;
    });
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  };

  // ---- rendering ----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const model = this.#getModel();
    const rows = this.#getRows(model);
    const c = model.counts;
    const disabled = this.#disabled;
    const noTargets = this.targetFields.length === 0;
    const suggestions = this._suggestions.size;
    const held = this.#held;
    const heldMark = held ? 'true' : nothing;

    return html`
      <div class="frame ${held ? 'held' : ''}" part="base">
        <div class="toolbar" part="toolbar">
          <div class="search">
            <label class="visually-hidden" for="search">${msg('fieldMapper.search')}</label>
            ${iconSvg(icon.search, 'icon search-icon')}
            <input
              id="search"
              class="mp-input"
              part="search-input"
              type="search"
              autocomplete="off"
              spellcheck="false"
              placeholder=${msg('fieldMapper.searchPlaceholder')}
              .value=${live(this._query)}
              ?disabled=${disabled}
              @input=${this.#onSearch}
              @keydown=${this.#onSearchKeydown}
            />
          </div>
          <div class="filters" role="group" aria-label=${msg('fieldMapper.filters')}>
            <label class="filter" part="filter">
              <input
                type="checkbox"
                .checked=${this._unmappedOnly}
                ?disabled=${disabled}
                @change=${(e: Event) => this.#filter(() => (this._unmappedOnly = (e.target as HTMLInputElement).checked))}
              />
              <span>${msg('fieldMapper.unmappedOnly')}</span>
              <span class="filter-count">${formatNumber(c.total - c.mapped)}</span>
            </label>
            <label class="filter" part="filter">
              <input
                type="checkbox"
                .checked=${this._problemsOnly}
                ?disabled=${disabled}
                @change=${(e: Event) => this.#filter(() => (this._problemsOnly = (e.target as HTMLInputElement).checked))}
              />
              <span>${msg('fieldMapper.problemsOnly')}</span>
              <span class="filter-count">${formatNumber(c.problemRows)}</span>
            </label>
          </div>
          ${this.readonly
            ? nothing
            : html`<button
                class="mp-button automap"
                part="automap-button"
                type="button"
                ?disabled=${disabled || this.sourceFields.length === 0 || noTargets}
                aria-disabled=${heldMark}
                @click=${() => this.autoMap()}
              >
                ${iconSvg(icon.sparkle)}<span>${msg('fieldMapper.autoMap')}</span>
              </button>`}
          <slot name="toolbar"></slot>
        </div>
        <div class="summary" part="summary">
          <span class="counts">
            <span dir="auto">${msg('fieldMapper.counts.mapped', { mapped: c.mapped, total: c.total })}</span>
            ${c.required > 0
              ? html`<span dir="auto" class=${model.missingShown ? 'needs' : ''}
                  >${msg('fieldMapper.counts.required', { mapped: c.requiredMapped, total: c.required })}</span
                >`
              : nothing}
            ${rows.length !== model.rows.length ? html`<span dir="auto">${msg('fieldMapper.counts.shown', { shown: rows.length, total: c.total })}</span>` : nothing}
          </span>
          ${c.errors > 0
            ? html`<button id="problems" type="button" class="problems-link" ?disabled=${disabled} @click=${() => this.#filter(() => this.showProblems())}>
                ${iconSvg(icon.error)}<span dir="auto">${msg('fieldMapper.counts.problems', { count: c.errors })}</span>
              </button>`
            : nothing}
          ${c.warnings > 0
            ? html`<span class="warnings-count">${iconSvg(icon.warning)}<span dir="auto">${msg('fieldMapper.counts.warnings', { count: c.warnings })}</span></span>`
            : nothing}
        </div>
        ${suggestions > 0 && !this.#fixed
          ? html`<div class="suggestion-bar" part="suggestion-bar">
              ${iconSvg(icon.sparkle)}
              <span class="suggestion-count">${msg('fieldMapper.suggestions', { count: suggestions })}</span>
              <span class="bar-actions">
                <button class="mp-button small primary" type="button" aria-disabled=${heldMark} @click=${() => this.#fromBar(() => this.acceptSuggestions())}>${msg('fieldMapper.acceptAll')}</button>
                <button class="mp-button small quiet" type="button" @click=${() => this.#fromBar(() => this.dismissSuggestions())}>${msg('fieldMapper.dismissAll')}</button>
              </span>
            </div>`
          : nothing}
        ${model.rows.length > 0 && noTargets
          ? html`<div class="empty notice" part="empty"><slot name="no-targets"><bdi>${msg('fieldMapper.empty.targets')}</bdi></slot></div>`
          : nothing}
        ${this.#renderTable(model, rows)} ${this.#renderEmpty(model, rows)} ${this.#announcer.render()}
      </div>
    `;
  }

  #renderTable(model: MapperModel, rows: MapperRow[]): TemplateResult | typeof nothing {
    if (model.rows.length === 0) return nothing;
    const fixed = this.#fixed;
    const noTargets = this.targetFields.length === 0;
    return html`
      <div class="table" role="table" aria-label=${this.label || msg('fieldMapper.label')} aria-rowcount=${rows.length + 1} part="table">
        <div role="rowgroup" class="head">
          <div role="row" aria-rowindex="1" class="row header" part="header">
            <span role="columnheader" class="cell">${this.sourceHeading || msg('fieldMapper.sourceHeading')}</span>
            <span role="columnheader" class="cell">${this.targetHeading || msg('fieldMapper.targetHeading')}</span>
            <span role="columnheader" class="cell">${msg('fieldMapper.policyHeading')}</span>
            <span role="columnheader" class="cell"><span class="visually-hidden">${msg('fieldMapper.actionsHeading')}</span></span>
          </div>
        </div>
        <div class="scroller">
          <div role="rowgroup" class="body" @change=${this.#onRowsChange} @click=${this.#onRowsClick}>
            ${this.#list.render(rows, (row, index) => {
              const s = fixed ? undefined : this._suggestions.get(row.source.key);
              return renderRow({
                row,
                index,
                readonly: this.readonly,
                held: this.#held,
                disabled: this.#disabled,
                noTargets,
                suggestion: s && { suggestion: s, target: model.targetByName.get(s.target) },
                search: this.#searchFor(row, model),
              });
            })}
          </div>
        </div>
      </div>
    `;
  }

  #renderEmpty(model: MapperModel, rows: MapperRow[]): TemplateResult | typeof nothing {
    if (model.rows.length === 0) return html`<p class="empty" part="empty"><bdi>${msg('fieldMapper.empty.sources')}</bdi></p>`;
    if (rows.length === 0) {
      return html`<div class="empty" part="empty">
        <p><bdi>${msg('fieldMapper.empty.filtered')}</bdi></p>
        <button class="mp-button small" type="button" @click=${this.#clearFilters}>${msg('fieldMapper.clearFilters')}</button>
      </div>`;
    }
    return nothing;
  }
}

customElements.define('mp-field-mapper', MpFieldMapper);
