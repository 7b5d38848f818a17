import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  CONNECTION_GROUP,
  categoryFromName,
  categorySlugs,
  detectDrift,
  findPlatform,
  integrationCategories,
  isConnectionSetting,
  isPlatformRequired,
  parsePointer,
  pointer,
  type CrmMapping,
  type DriftItem,
  type FieldError,
  type IntegrationCategory,
  type IntegrationSettings,
  type PlatformDefinition,
  type SettingDefinition,
} from '@memberpulse/integration-schema';
import { ConflictError, ForbiddenError, ValidationError, type IntegrationClient, type Me } from '@memberpulse/integrations-sdk';
import { LocalizeController, formatList, formatNumber, msg } from '../i18n/index.js';
import { tokens, installThemeRoot } from '../styles/tokens.js';
import { base } from '../styles/base.js';
import { Announcer } from '../shared/announcer.js';
import { icon, iconSvg } from '../shared/icons.js';
import { MpCombobox } from '../shared/combobox.js';
import { MpFieldMapper } from '../field-mapper/field-mapper.js';
import { ClientController } from '../provider/client-controller.js';
import { LeaveGuard } from '../provider/leave-guard.js';
import { ignoreAriaHeldPresses } from '../shared/aria-held-presses.js';
import { heading } from '../shared/heading.js';
import { FocusReturn, deepActiveElement } from '../provider/focus-return.js';
import { BarClearance } from './bar-clearance.js';
import { whoAmI, withMe } from '../provider/permissions.js';
import { savedSettings } from '../provider/saved-settings.js';
import { emit } from '../provider/emit.js';
import { errorReference, errorText } from '../provider/error-text.js';
import { RetryKey } from '../provider/retry-key.js';
import { panelStyles } from '../provider/panel.styles.js';
import { translator, type Phrase } from '../provider/translate.js';
import { IntegrationErrorEvent, type SettingsAction } from '../provider/error-event.js';
import { settingsMessages } from './messages.js';
import { BeforeLeaveEvent, SettingsSavedEvent } from './events.js';
import { checkDraft, compare, connectionChanged, controlIdFor, describedFieldErrors, draftFrom, holdsInputBeyondConnection, inputFrom, isConnected, isDirty, missingConnection, rebase, sameJson, shownErrors, visibleGroups, withPlatform, type Difference, type Draft } from './draft.js';
import { DiscoveryController } from './discovery-controller.js';
import { renderSetting } from './platform-fields.js';
import { besideErrorText, crmLabelKeys, driftText, localizedSetting, localizedSourceFields, mappedSourceKey, requiredToContinue, summaryErrorText, type ErrorContext } from './localized-text.js';
import { renderApiUsage, renderCrmSection, type CrmView } from './crm-section.js';
import { renderConflict, renderDrift, renderErrorSummary } from './notices.js';
import { renderConfirm, renderPlatformPicker, renderSaveBar, type ConfirmKind } from './chrome.js';
import { OutcomeNotice } from '../shared/outcome.js';
import { loadFailedNotice, noReadRoleNotice, notConnectedNotice } from '../shared/load-notices.js';
import { styles } from './integration-settings.styles.js';

export { SettingsSavedEvent, BeforeLeaveEvent, type SettingsSaveAction } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'mp-integration-settings': MpIntegrationSettings;
  }
}

const t = translator(settingsMessages);

/** What the admin typed, with the record it was typed over, to be replayed over a newer one. */
type HeldEdits = { draft: Draft; base: IntegrationSettings | null; replacing: Set<string> };
type Load = { state: 'idle' | 'loading' | 'ready' } | { state: 'error'; error: unknown };

/**
 * A tenant's integration settings for a CRM, an accounting system, a payment gateway and an inbound partner connector, wired to the SDK.
 * A platform is chosen from the catalog and its form is rendered from catalog data; secrets are
 * write-only; the connection can be tested before and after saving. The sign-in method is part of the
 * connection; the groups after it (sync, member records, security groups) appear once every connection
 * input holds a value. For a CRM, once the saved credentials are complete, the member object (live list),
 * the member field mapping, tag fields, an optional order object and its mapping, and the settings that
 * pick a CRM field (such as the email opt-out field) appear.
 *
 * Save draft and Enable send the whole form; the server's field errors show beside their controls and in
 * a linked summary, and focus moves to the first. Nothing typed is lost on a failed save or a conflict.
 * Viewers see everything read-only. Without `category`, every category is shown one after another.
 *
 * Gets its SDK client from its `client` property or the nearest `<mp-integration-provider>`.
 *
 * @summary Connects a CRM, accounting system and payment gateway: platform, credentials, mapping, enable.
 *
 * @slot heading - Replaces the category heading (single-category mode).
 *
 * @fires {SettingsSavedEvent} mp-saved - The server accepted a save draft, enable, archive or restore (`settings`, `action`).
 * @fires {IntegrationErrorEvent} mp-error - A call failed (`error` is the SDK's typed error, `action` what was tried: a `SettingsAction`); the form shows it too.
 * @fires {BeforeLeaveEvent} mp-before-leave - Cancelable: the admin is leaving with unsaved changes (unload, or `requestLeave()`).
 *
 * @csspart base - The frame of one category.
 * @csspart header - Heading, status and archive/restore.
 * @csspart status - The status badge.
 * @csspart platforms - The platform choice.
 * @csspart platform - One platform card.
 * @csspart group - One group of settings (Connection, Sync…).
 * @csspart test-button - "Test connection".
 * @csspart error-summary - The linked list of problems after a failed save.
 * @csspart conflict - The conflict notice with compare, reload and save-over.
 * @csspart drift - The schema-drift notice.
 * @csspart crm-refresh - "Refresh from …": reads the CRM's objects and fields again, past the server's cache.
 * @csspart usage-meter - The CRM's API usage bar (a `<meter>`, in the theme's success, warning and danger colours).
 * @csspart footer - The save bar.
 * @csspart save-button - Save draft (or Switch to draft when enabled).
 * @csspart enable-button - Enable (or Save changes when enabled).
 * @csspart dialog - Confirmations (archive, restore, leave, replacing a stored platform).
 *
 * @cssproperty --mp-integration-settings-border - The frame's border (default `1px solid` the border colour).
 * @cssproperty --mp-integration-settings-footer-position - `sticky` keeps the save bar in view (the default, but in a window under 30em tall); `static` leaves it at the end.
 */
export class MpIntegrationSettings extends LitElement {
  static override styles = [tokens, base, panelStyles, styles];
  static override properties = {
    client: { attribute: false },
    category: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    _load: { state: true },
    _saved: { state: true },
    _draft: { state: true },
    _me: { state: true },
    _replacing: { state: true },
    _errors: { state: true },
    _fromSave: { state: true },
    _general: { state: true },
    _busy: { state: true },
    _conflict: { state: true },
    _confirm: { state: true },
  };
  /** Elements rendered inside. Referenced here so bundlers that trust `sideEffects` keep their registration. */
  static readonly dependencies = { 'mp-combobox': MpCombobox, 'mp-field-mapper': MpFieldMapper };

  /** SDK client; when unset, the nearest `<mp-integration-provider>`'s. */
  client?: IntegrationClient;

  /** `crm`, `accounting`, `payment-gateway` (also `paymentGateway`) or `inbound` shows one section; absent shows them all. */
  category?: string;

  /**
   * The level of the category heading (1–6, default 2), so it fits the host page's outline; the headings
   * inside follow one and two levels below (the CRM's mapping, its tags and orders).
   */
  headingLevel = 2;

  private _load: Load = { state: 'idle' };
  private _saved: IntegrationSettings | null = null;
  private _draft: Draft = draftFrom(null);
  /** The signed-in role; null when unknown (no client, or the question failed), undefined while it is asked. */
  private _me: Me | null | undefined;
  /** What drifted in the saved CRM mapping, as last worked out before rendering. */
  #driftShown: readonly DriftItem[] = [];
  /**
   * The connection's secrets still missing where this role may not enter them (an editor starting a platform),
   * as last worked out before rendering: the connection cannot be tested, continued or enabled until an admin gives them.
   */
  #secretsAwaitingAdmin: readonly SettingDefinition[] = [];
  /** Whether "Save and continue" is offered (`#offersSaveAndContinue`), as last worked out before rendering. */
  #continueOffered = false;
  /** What the summary at the top lists (`#summary`), as last worked out before rendering. */
  #summaryShown: { errors: FieldError[]; note: string } = { errors: [], note: '' };
  private _replacing = new Set<string>();
  private _errors: FieldError[] = [];
  /** `_errors` and `#describedErrors` by the control they belong to, as last worked out before rendering. */
  #errorsByControl = new Map<string, FieldError[]>();
  /** `describedFieldErrors` as last worked out, and what from (`#describedErrors`). */
  #described?: { from: readonly unknown[]; errors: FieldError[] };
  /** The errors came from a save (summary at the top) rather than a connection test (inline only). */
  private _fromSave = false;
  /** The failed save was of unsaved changes (not of the saved record as it stands, an Enable say). */
  #failedOnChanges = false;
  /** A save's or comparison's failure that belongs to no field. */
  private _general: Phrase | null = null;
  private _busy = '';
  /** Someone else saved first; `differences`, once compared, is worded at render (it follows `setLocale`). */
  private _conflict: {
    theirs: IntegrationSettings | null;
    differences: (() => Difference[]) | null;
    retry: 'draft' | 'enabled';
    /** The other save may be this form's own, whose answer was lost. */
    ownLost?: boolean;
  } | null = null;
  private _confirm: ConfirmKind | null = null;
  /** The save a platform-switch confirmation holds back. */
  #pendingSave: { status: 'draft' | 'enabled'; continueToCrm: boolean } = { status: 'draft', continueToCrm: false };

  readonly #announcer = new Announcer(this);
  /** The last save's, archive's or restore's outcome, at the top of the form. */
  readonly #outcome = new OutcomeNotice(this, this.#announcer);
  /** The last connection test's outcome, beside its button. */
  readonly #test = new OutcomeNotice(this, this.#announcer);
  readonly #client = new ClientController(this, () => void this.reload());
  readonly #discovery = new DiscoveryController(this);
  #leaveAnswer: ((leave: boolean) => void) | null = null;
  readonly #dialogOpener = new FocusReturn(this, '#heading');
  /** The draft of each platform the admin chose away from, so choosing it again brings their typing back; a new baseline drops them. */
  #setAside = new Map<string, Draft>();
  /** What the admin had typed when the record was archived: kept aside (the form shows the record) until Restore replays it. */
  #heldEdits: HeldEdits | null = null;
  /** The platform whose settings after Connection were shown in this form (they then stay). */
  #restShownFor: string | null = null;
  /** Answers to an older load (client or category changed meanwhile) are dropped. */
  #loadToken = 0;
  /** The client and category whose record is on screen once loaded. */
  #loadedFrom: { client: IntegrationClient; category: IntegrationCategory } | null = null;
  readonly #retryKey = new RetryKey();

  constructor() {
    super();
    new LocalizeController(this);
    new BarClearance(this);
    ignoreAriaHeldPresses(this);
    // In all-categories mode each inner element guards its own category. A host that cancels
    // mp-before-leave asks in its own way, so the browser's question is not shown too.
    new LeaveGuard(this, () => !!this.resolvedCategory && this.dirty && emit(this, new BeforeLeaveEvent(this.#dirtyCategories())));
  }

  /** The category this element edits, or undefined when it shows them all. */
  get resolvedCategory(): IntegrationCategory | undefined {
    return this.category ? categoryFromName(this.category) : undefined;
  }

  /** Whether anything on screen is not saved yet (in any category shown). */
  get dirty(): boolean {
    if (!this.resolvedCategory) return this.#children().some((c) => c.dirty);
    return this._load.state === 'ready' && (!!this.#heldEdits || isDirty(this._draft, this._saved, this.resolvedCategory));
  }

  /** The record as the server last answered it (no secrets), or null before the first save. */
  get settings(): IntegrationSettings | null {
    return this._saved;
  }

  /**
   * For host routers: resolves `true` when the admin may leave (nothing unsaved, or they confirmed).
   * Fires `mp-before-leave` first; if a listener cancels it, resolves `false` and shows nothing (the host
   * asks in its own way).
   */
  async requestLeave(): Promise<boolean> {
    if (!this.dirty) return true;
    if (!emit(this, new BeforeLeaveEvent(this.#dirtyCategories()))) return false;
    const target = this.resolvedCategory ? this : this.#children().find((c) => c.dirty);
    if (!target || target !== this) return target ? target.#askLeave() : true;
    return this.#askLeave();
  }

  /**
   * Loads the saved settings again; unsaved edits are discarded. The record on screen, loaded again, stays
   * (locked, so no edit is lost to the answer) until the answer replaces it; another client's or category's,
   * or one asked for while another call (a save) runs, shows the loading state.
   */
  async reload(): Promise<void> {
    const category = this.resolvedCategory;
    const client = this.#client.client;
    if (this._busy === 'reload') this._busy = '';
    // Another call running (a save) unlocks the form when it answers, before this load does: the loading state then.
    const again = !!client && !this._busy && this._load.state === 'ready' && this.#loadedFrom?.client === client && this.#loadedFrom.category === category;
    // The CRM's lists stay with the record; `#setSaved` drops them if its connection changed.
    if (!again) this.#discovery.reset(client);
    // A save whose answer was lost is in what loads now (if it was made): a later conflict is not with it.
    this.#retryKey.forget();
    // A confirmation, outcome or test result speaks of the record as it was; the reloaded one may be another tenant's.
    if (this._confirm !== 'leave') this._confirm = null;
    this.#outcome.show(null);
    this.#test.show(null);
    if (!category || !client) {
      const token = ++this.#loadToken;
      this._load = { state: 'idle' };
      // Every category: a role that may read none is told once here, instead of once per category; the
      // categories wait for the answer (they need it too), and load anyway if it fails, to say why themselves.
      this._me = client ? undefined : null;
      if (client) {
        const known = (me: Me | null) => {
          if (token === this.#loadToken) this._me = me;
        };
        void whoAmI(client).then(known, () => known(null));
      }
      return;
    }
    const restoreFocus = again ? this.#holdFocus() : null;
    if (again) this._busy = 'reload';
    else this._load = { state: 'loading' };
    const token = ++this.#loadToken;
    try {
      const [saved, me] = await withMe(client, savedSettings(client, category));
      if (token !== this.#loadToken) return;
      this._me = me;
      this.#adopt(saved);
      this._load = { state: 'ready' };
      this.#loadedFrom = { client, category };
    } catch (error) {
      if (token !== this.#loadToken) return;
      this._load = { state: 'error', error };
      this.#fail(error, 'load');
    } finally {
      if (token === this.#loadToken && this._busy === 'reload') this._busy = '';
    }
    await restoreFocus?.();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installThemeRoot(this.ownerDocument);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client')) this.#client.check();
    if (changed.has('category') && this.hasUpdated) void this.reload();
    this.#latchRest();
    const saved = this._saved;
    this.#driftShown = this.resolvedCategory === 'crm' && saved?.platform === this._draft.platform ? this.#drift(saved) : [];
    this.#errorsByControl = byControl([...this._errors, ...this.#describedErrors()]);
    this.#secretsAwaitingAdmin = this.#canWrite && !this.#canWriteCredentials ? missingConnection(this._draft, saved).filter((s) => s.type === 'secret') : [];
    // Once per update, after what they read above: the form and the summary each ask for them.
    this.#continueOffered = this.#offersSaveAndContinue();
    this.#summaryShown = this.#summary();
  }

  #children(): MpIntegrationSettings[] {
    return [...this.renderRoot.querySelectorAll('mp-integration-settings')];
  }

  #dirtyCategories(): IntegrationCategory[] {
    const own = this.resolvedCategory;
    if (own) return this.dirty ? [own] : [];
    return this.#children().filter((c) => c.dirty).map((c) => c.resolvedCategory!);
  }

  #openHeaderConfirm(e: Event, kind: 'archive' | 'restore'): void {
    this.#dialogOpener.remember(e.currentTarget as HTMLElement);
    this._confirm = kind;
  }

  #askLeave(): Promise<boolean> {
    this.#dialogOpener.remember();
    this._confirm = 'leave';
    return new Promise((resolve) => (this.#leaveAnswer = resolve));
  }

  // ---- state ----------------------------------------------------------------------------------------

  /**
   * Takes the server's record as the new baseline; the draft follows it and pending secrets go. `held`, what the
   * admin typed, is replayed over it, or kept aside while it is archived (it takes no save) until Restore.
   */
  #adopt(saved: IntegrationSettings | null, held: HeldEdits | null = null): void {
    this.#setSaved(saved);
    this._draft = draftFrom(saved);
    this.#heldEdits = null;
    this.#setAside.clear();
    this.#restShownFor = null;
    this._replacing = new Set();
    this._errors = [];
    this._general = null;
    this._conflict = null;
    if (held && saved?.status === 'archived') this.#heldEdits = held;
    else if (held && saved) {
      this._draft = rebase(held.draft, held.base, saved);
      this._replacing = held.replacing;
    }
  }

  /** What the admin typed and has not saved: kept aside already, or in the form. */
  #typedEdits(): HeldEdits | null {
    const category = this.resolvedCategory;
    return this.#heldEdits ?? (category && isDirty(this._draft, this._saved, category) ? { draft: this._draft, base: this._saved, replacing: this._replacing } : null);
  }

  /** The record as the server holds it; discovery starts over when its platform or credentials changed. */
  #setSaved(saved: IntegrationSettings | null): void {
    const credentialsChanged = !sameJson(saved?.credentials, this._saved?.credentials) || saved?.platform !== this._saved?.platform;
    this._saved = saved;
    if (credentialsChanged) this.#discovery.reset(this.#client.client);
  }

  get #canWrite(): boolean {
    return !!this._me?.permissions.includes('settings:write');
  }

  /** Saving now replaces a stored platform with another, deleting its settings, credentials and mappings. */
  get #switchDeletes(): boolean {
    const before = this._saved?.platform;
    return !!before && before !== this._draft.platform;
  }

  /**
   * "Save and continue" is offered: the platform's CRM part waits for its connection to be saved, or the
   * groups after *Connection* for its inputs to be filled in.
   */
  #offersSaveAndContinue(): boolean {
    const platform = findPlatform(this._draft.platform);
    if (!platform || isConnected(this._draft, this._saved) || !this.#canWrite || this._saved?.status === 'archived' || this.#secretsAwaitingAdmin.length) return false;
    return !!platform.discovery || (this.#restShownFor !== platform.id && platform.settings.some((s) => !isConnectionSetting(s)));
  }

  /**
   * What the summary at the top lists: a save's errors, but for those on a control that shows only once the
   * connection is saved (the CRM part, a setting naming a CRM field). Listed, they would ask the admin to
   * fix what is not on screen yet; one sentence (`note`) says what to do next instead: Save and continue.
   */
  #summary(): { errors: FieldError[]; note: string } {
    const platform = findPlatform(this._draft.platform);
    const listed = this._fromSave ? this._errors : [];
    const errors = platform?.discovery && this.#continueOffered ? listed.filter((e) => !this.#namesMemberField(e.pointer)) : listed;
    const waiting = errors.length < listed.length;
    const note = [this._general?.(), waiting ? t('settings.summary.afterConnection', { platform: platform?.name ?? '', action: t('settings.saveAndContinue') }) : ''];
    return { errors, note: note.filter(Boolean).join(' ') };
  }

  get #canWriteCredentials(): boolean {
    return !!this._me?.permissions.includes('credentials:write');
  }

  /** The server refuses a connection change of a record holding secrets from a role that may not write them. */
  get #connectionLocked(): boolean {
    const saved = this._saved;
    return !this.#canWriteCredentials && !!saved && saved.platform === this._draft.platform && Object.values(saved.credentials).some((c) => c.configured);
  }

  /** What is shown to be read, not changed: a role that may not write, or an archived record. */
  get #readOnly(): boolean {
    return !this.#canWrite || this._saved?.status === 'archived';
  }

  /** Read-only, or held while a call (a save) runs. */
  get #locked(): boolean {
    return this.#readOnly || this._busy !== '';
  }

  /** A field error beside its control, in the current locale, for the platform being edited (`besideErrorText`). */
  #besideText = (e: FieldError): string => besideErrorText(e, this._draft.platform, this.#errorContext());

  #errorContext(): ErrorContext {
    return { config: this._draft.config, crm: this._draft.crm, targetsOf: (object) => this.#discovery.fieldsOf(object) };
  }

  /**
   * A control's errors: those of the last save or test, those the rules find against the described fields, and
   * the drift of a CRM choice outside the mappers; the mapper rows show their own.
   */
  #errorsFor = (controlId: string): string[] => [
    ...(this.#errorsByControl.get(controlId) ?? []).map(this.#besideText),
    ...this.#choiceDrift().filter((d) => controlIdFor(d.pointer) === controlId).map(driftText),
  ];

  /** The drift of a CRM choice itself (a vanished tag field, not a mapping row) while the choice still names it. */
  #choiceDrift(): DriftItem[] {
    return this.#driftShown.filter((d) => {
      const [first, key, rest] = parsePointer(d.pointer);
      return first === 'crm' && rest === undefined && this._draft.crm[key as keyof CrmMapping] === d.field;
    });
  }

  /** Whether a pointer is a CRM choice or a setting naming a member-object field: what a member object decides. */
  #namesMemberField(at: string): boolean {
    const [first, key] = parsePointer(at);
    return !!key && (first === 'crm' || (first === 'config' && !!findPlatform(this._draft.platform)?.settings.find((s) => s.key === key)?.crmFieldTypes));
  }

  /**
   * What the rules find in the CRM fields named outside the mappers, against the fields this screen has
   * described (`describedFieldErrors`), but for what a save's errors or the drift already say there.
   */
  #describedErrors(): FieldError[] {
    const { crm } = this._draft;
    const memberFields = this.resolvedCategory === 'crm' ? this.#discovery.fieldsOf(crm.memberObject) : undefined;
    if (!memberFields) return [];
    const orderFields = this.#discovery.fieldsOf(crm.orderObject);
    // Worked out again only when the form, the saved record or a described object changed, not on every update.
    const from = [this._draft, this._saved, memberFields, orderFields];
    if (!this.#described || from.some((input, i) => input !== this.#described!.from[i])) {
      this.#described = { from, errors: describedFieldErrors(this._draft, this._saved, { memberFields, orderFields }) };
    }
    const drift = this.#choiceDrift();
    const said = (e: FieldError) => this._errors.some((s) => s.pointer === e.pointer && s.code === e.code) || drift.some((d) => d.pointer === e.pointer);
    return this.#described.errors.filter((e) => !said(e));
  }

  /** An edit of the controls at `edited` (pointers). */
  #update(draft: Draft, ...edited: string[]): void {
    const before = this._draft;
    this._draft = draft;
    this.#outcome.show(null);
    this.#answered(edited, before);
  }

  /**
   * The controls at `edited` (pointers) were edited: the errors on them and under them (a mapping's rows) go, as
   * the admin answers them, and so do those on other controls that the rules found in the form `before` and no
   * longer find (a Stripe key of the other mode, once Mode is changed to match it). Once nothing is unsaved, the
   * errors of a failed save of changes all go: they spoke of a form that is no longer on screen (drift is the
   * stored record's own, and stays). Those of a failed save of the saved record itself (Enable pressed on it)
   * speak of the form on screen again, and stay.
   */
  #answered(edited: readonly string[], before?: Draft): void {
    // A new member object: what a save found wrong with the CRM choices and the settings naming its fields was
    // judged against the object left behind. The mappers and the described fields judge them again at once.
    const objectChanged = edited.includes('/crm/memberObject');
    const own = (e: FieldError) => edited.some((p) => e.pointer === p || e.pointer.startsWith(`${p}/`)) || (objectChanged && this.#namesMemberField(e.pointer));
    // The rules run (twice) only while errors stand on controls other than those edited: after a failed save.
    const found = (draft: Draft) => new Set(checkDraft(draft, this._saved, this.resolvedCategory!, 'enable').map((e) => e.pointer));
    const judged = before && this._errors.some((e) => !own(e)) ? { was: found(before), is: found(this._draft) } : null;
    const stale = (e: FieldError) => own(e) || (!!judged && judged.was.has(e.pointer) && !judged.is.has(e.pointer));
    if (this._fromSave && this.#failedOnChanges && !this.dirty) {
      this._errors = [];
      this._general = null;
    } else if (this._errors.some(stale)) {
      this._errors = this._errors.filter((e) => !stale(e));
    }
  }

  #choosePlatform(id: string): void {
    if (this._draft.platform) this.#setAside.set(this._draft.platform, this._draft);
    this.#update(this.#setAside.get(id) ?? withPlatform(this._saved, id));
    // Errors and a test outcome speak of the inputs of the platform left behind.
    this._errors = [];
    this.#test.show(null);
  }

  #view(): CrmView {
    const draft = this._draft;
    return {
      draft,
      saved: this._saved,
      locked: this.#locked,
      readOnly: this.#readOnly,
      headingLevel: this.headingLevel,
      canWriteCredentials: this.#canWriteCredentials,
      connectionLocked: this.#connectionLocked,
      replacing: this._replacing,
      memberFields: this.#discovery.fieldsOf(draft.crm.memberObject),
      errorsFor: this.#errorsFor,
      discovery: this.#discovery,
      // An archived record is off: the server reads nothing from its CRM until it is restored.
      canDiscover: !!this._me?.permissions.includes('crm:discover') && isConnected(draft, this._saved) && this._saved?.status !== 'archived',
      announce: (text) => this.#announcer.announce(text),
      drifted: () => this.#driftShown.length,
      setConfig: (key, value) => {
        // From the current draft, not the one this render saw: autofill fills several inputs in one task.
        const config = { ...this._draft.config };
        if (value === undefined) delete config[key];
        else config[key] = value;
        this.#update({ ...this._draft, config }, pointer('config', key));
      },
      setSecret: (key, value) => {
        // Clear (null) and Undo (from null) replace the button pressed with the other; typing does not.
        const swapsButton = value === null || this._draft.secrets[key] === null;
        const secrets = { ...this._draft.secrets };
        if (value === undefined) delete secrets[key];
        else secrets[key] = value;
        this.#update({ ...this._draft, secrets }, pointer('credentials', key));
        if (swapsButton) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#secret-${key}`)?.focus());
      },
      setReplacing: (key, open) => {
        const next = new Set(this._replacing);
        if (open) next.add(key);
        else {
          next.delete(key);
          const secrets = { ...this._draft.secrets };
          delete secrets[key];
          this._draft = { ...this._draft, secrets };
          this.#answered([pointer('credentials', key)]);
        }
        this._replacing = next;
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#secret-${key}`)?.focus());
      },
      setCrm: (patch: Partial<CrmMapping>) => this.#update({ ...this._draft, crm: { ...this._draft.crm, ...patch } }, ...Object.keys(patch).map((key) => pointer('crm', key))),
    };
  }

  // ---- actions --------------------------------------------------------------------------------------

  #fail(error: unknown, action: SettingsAction): void {
    emit(this, new IntegrationErrorEvent(error, action));
  }

  /** Saves the form; with `continueToCrm` ("Save and continue"), focus then goes on to the CRM section the save opened. */
  async #save(status: 'draft' | 'enabled', confirmed = false, continueToCrm = false): Promise<void> {
    const client = this.#client.client;
    const category = this.resolvedCategory;
    if (!client || !category || this._busy) return;
    // One click must neither delete a working setup (another platform's card chosen) nor stop a live
    // integration (Switch to draft): ask first, naming what happens.
    const question = this.#switchDeletes ? 'switch' : status === 'draft' && this._saved?.status === 'enabled' ? 'draft' : null;
    if (!confirmed && question) {
      // Asked only about a save the schema's rules let through: what they find in the form shows first,
      // without a question whose answer could not take effect.
      const problems = checkDraft(this._draft, this._saved, category, status === 'enabled' ? 'enable' : 'draft');
      if (problems.length) {
        this.#outcome.show(null);
        this.#setErrors(problems, true);
        return this.#reportProblems();
      }
      this.#pendingSave = { status, continueToCrm };
      // Focus goes back to the button pressed (Save and continue, say), else to the save's own.
      const pressed = deepActiveElement();
      this.#dialogOpener.remember(
        pressed instanceof HTMLButtonElement && this.renderRoot.contains(pressed)
          ? pressed
          : this.renderRoot.querySelector<HTMLElement>(`[part="${status === 'enabled' ? 'enable-button' : 'save-button'}"]`),
      );
      this._confirm = question;
      return;
    }
    const restoreFocus = this.#holdFocus();
    this._busy = status;
    this.#outcome.show(null);
    this.#test.show(null);
    const input = inputFrom(this._draft, category);
    // Save changes on a record already enabled saves it; only a record enabled now is said to be enabled.
    const savedKey = status === 'draft' ? 'settings.savedDraft' : this._saved?.status === 'enabled' ? 'settings.savedChanges' : 'settings.savedEnabled';
    let saved: IntegrationSettings | null = null;
    const write = this.#retryKey.begin(JSON.stringify([category, status, input]), category);
    const { idempotencyKey } = write;
    try {
      saved = status === 'enabled' ? await client.settings.enable(category, input, { idempotencyKey }) : await client.settings.saveDraft(category, input, { idempotencyKey });
      write.settle();
      this.#adopt(saved);
      this.#outcome.show({ tone: 'success', text: () => t(savedKey, { category: t(`settings.category.${category}`) }) });
      emit(this, new SettingsSavedEvent(saved, status));
    } catch (error) {
      this.#fail(error, status === 'enabled' ? 'enable' : 'save');
      const unsure = write.settle(error);
      // A form the server would not read for its size (a huge paste): the schema's rules name the value that made it so.
      const tooLarge = error instanceof ValidationError && error.status === 413 ? checkDraft(this._draft, this._saved, category, status === 'enabled' ? 'enable' : 'draft') : [];
      const fieldErrors = tooLarge.length ? tooLarge : error instanceof ValidationError ? error.errors : [];
      if (error instanceof ConflictError) {
        // An earlier failure's "Nothing was saved: …" no longer holds beside the conflict notice.
        this._general = null;
        this._conflict = { theirs: null, differences: null, retry: status, ownLost: write.afterLost };
      } else if (fieldErrors.length) {
        this.#setErrors(fieldErrors, true);
      } else {
        this.#setErrors([], true);
        this._general = () => t(unsure ? 'settings.summary.unsure' : 'settings.summary.failed', { reason: errorText(error) });
      }
      this._busy = '';
      await this.#reportProblems();
    } finally {
      this._busy = '';
    }
    await restoreFocus();
    // Unless the admin went somewhere else meanwhile: then focus stays there.
    const active = this.shadowRoot?.activeElement;
    if (saved && continueToCrm && (!active || active === this.#heading)) this.renderRoot.querySelector<HTMLElement>('#crm-heading')?.focus();
  }

  /**
   * "Save and continue": the rest of the form shows once the connection is saved complete, so a missing
   * input is named beside it (as a failed save names its errors) instead of saving a draft that cannot continue.
   * Whatever else the schema's rules find in the draft is named with it, in one pass, not after the server's answer.
   */
  async #saveAndContinue(): Promise<void> {
    const category = this.resolvedCategory;
    if (!category) return;
    const missing = missingConnection(this._draft, this._saved).map(requiredToContinue);
    if (missing.length === 0) return this.#save('draft', false, true);
    const named = new Set(missing.map((e) => e.pointer));
    this.#setErrors([...missing, ...checkDraft(this._draft, this._saved, category, 'draft').filter((e) => !named.has(e.pointer))], true);
    await this.#reportProblems();
  }

  /**
   * Field errors beside their controls (the failing inputs are on screen); those of a save (or of its own check
   * first) are listed in the summary too. Kept in the order the controls stand in the form.
   */
  #setErrors(errors: readonly FieldError[], fromSave: boolean): void {
    this._errors = this.#inFormOrder(shownErrors(errors));
    this._fromSave = fromSave;
    this.#failedOnChanges = this.dirty;
    // A save's problems replace what an earlier save left standing: its failure, or its conflict notice.
    if (fromSave) {
      this._general = null;
      this._conflict = null;
    }
  }

  /** Says what stopped the save (conflict, field errors or a general failure) and focuses the first problem. */
  async #reportProblems(): Promise<void> {
    await this.updateComplete;
    // What the summary shows, as rendered. The conflict notice takes focus, which reads it; announcing it as
    // well would say it twice.
    const { errors, note } = this.#summaryShown;
    if (!this._conflict) this.#announcer.announce(errors.length ? t('settings.summary.title', { count: errors.length }) : note);
    // A mapper an error names shows its unmapped required fields too, as a form's submit makes it.
    for (const e of this._errors) {
      const control = this.#control(e.pointer);
      if (control instanceof MpFieldMapper) control.checkValidity();
    }
    this.#focusFirstProblem();
  }

  /**
   * The button pressed keeps focus while its call runs (aria-disabled), but the answer may remove it or disable
   * it (Save draft with nothing left to save). The returned function then puts focus on the heading, just
   * above the outcome, and back on a control that lost it meanwhile. It leaves focus alone when something else
   * has it by then (the first problem, the conflict notice, wherever the admin went).
   */
  #holdFocus(): () => Promise<void> {
    const had = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return async () => {
      await this.updateComplete;
      const now = document.activeElement;
      // A focused control that has just been disabled still holds focus until Chromium's next frame.
      if (!had || (now && now !== document.body && this.shadowRoot?.activeElement !== had)) return;
      const target = had.isConnected && !had.matches(':disabled') ? had : this.#heading;
      target?.focus();
    };
  }

  /**
   * Errors as their controls stand in the form (the server lists credentials after config, say), so the summary
   * reads top to bottom and "the first" is the first on screen; errors without a control go last.
   */
  #inFormOrder(errors: readonly FieldError[]): FieldError[] {
    const at = (e: FieldError) => this.#control(e.pointer);
    // Within a mapper, as its rows stand: in the order of the MemberPulse fields, the list's own errors first.
    const row = (e: FieldError) => {
      const [, list, index] = parsePointer(e.pointer);
      const key = index === undefined ? undefined : mappedSourceKey(e.pointer, this._draft.crm);
      return key === undefined ? -1 : localizedSourceFields(list as 'memberMappings' | 'orderMappings').findIndex((f) => f.key === key);
    };
    return errors
      .map((e) => [e, at(e)] as const)
      .sort(([x, a], [y, b]) => (!a || !b ? Number(!a) - Number(!b) : a === b ? row(x) - row(y) : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .map(([e]) => e);
  }

  #focusFirstProblem(): void {
    // A conflict is this save's answer: errors still standing from an earlier save wait behind it.
    const first = this._conflict ? undefined : this._errors.find((e) => this.#control(e.pointer));
    if (first) this.#focusControl(first);
    else this.renderRoot.querySelector<HTMLElement>(this._conflict ? '.conflict' : '.summary')?.focus();
  }

  #control(pointer: string): HTMLElement | null {
    const id = controlIdFor(pointer);
    if (!id) return null;
    if (id === 'platform') return this.renderRoot.querySelector<HTMLElement>('input[name="platform"]:checked, input[name="platform"]');
    return this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  }

  /** Focuses the control an error is about: its pointer's, or within a mapping list the row of its `source`. */
  #focusControl = ({ pointer, source }: Pick<FieldError, 'pointer' | 'source'>): void => {
    const control = this.#control(pointer);
    if (!control) return;
    const [, list, index] = parsePointer(pointer);
    if (control instanceof MpFieldMapper && (list === 'memberMappings' || list === 'orderMappings')) {
      // An error on the whole list names its MemberPulse field in `source`.
      void this.#focusMapping(control, index === undefined ? source : mappedSourceKey(pointer, this._draft.crm));
      return;
    }
    control.scrollIntoView({ block: 'center' });
    control.focus();
  };

  /** Focuses the row of one MemberPulse field in a mapper, or the mapper itself. */
  async #focusMapping(mapper: MpFieldMapper, source: string | undefined): Promise<void> {
    mapper.scrollIntoView({ block: 'start' });
    if (source) {
      mapper.reveal(source);
      await mapper.updateComplete;
      const row = mapper.shadowRoot?.querySelector<HTMLElement>(`mp-combobox[data-source="${CSS.escape(source)}"]`);
      if (row) {
        row.scrollIntoView({ block: 'center' });
        row.focus();
        // A row's picker is disabled until the CRM's fields load.
        if (mapper.shadowRoot?.activeElement === row) return;
      }
    }
    mapper.focus();
  }

  /**
   * What broke in the saved mapping: worked out here with the schema's own rule once this screen has
   * described the member object (the server records the same a moment later), else as the server last saw it.
   */
  #drift(saved: IntegrationSettings | null): readonly DriftItem[] {
    const crm = saved?.crm;
    const memberFields = crm ? this.#discovery.fieldsOf(crm.memberObject) : undefined;
    if (!crm || !memberFields) return saved?.drift ?? [];
    const orderFields = this.#discovery.fieldsOf(crm.orderObject);
    const local = detectDrift(crm, memberFields, orderFields);
    // Order mappings are checked here only once the order object is described too; until then, the server's word.
    if (orderFields || !crm.orderObject) return local;
    return [...local, ...saved.drift.filter((item) => item.pointer.startsWith('/crm/orderMappings'))];
  }

  #showDrift = (item: DriftItem): void => {
    const mapper = this.#control(item.pointer);
    if (mapper instanceof MpFieldMapper) mapper.showProblems();
    this.#focusControl(item);
  };

  async #testConnection(): Promise<void> {
    const client = this.#client.client;
    const category = this.resolvedCategory;
    if (!client || !category || this._busy) return;
    const restoreFocus = this.#holdFocus();
    this._busy = 'test';
    this.#test.show(null);
    const unsaved = connectionChanged(this._draft, this._saved);
    try {
      const input = inputFrom(this._draft, category);
      const result = await client.crm.testConnection(unsaved ? { platform: input.platform, config: input.config, credentials: input.credentials } : undefined, { category });
      // The server's sentence carries the API usage in English; a host that registers the key words it its own way.
      const platform = findPlatform(this._draft.platform)?.name ?? '';
      this.#test.show({ tone: 'success', text: () => msg('settings.test.succeeded', { platform }, result.message) });
      this._errors = this._errors.filter((e) => !/^\/(credentials|config)\//.test(e.pointer));
    } catch (error) {
      this.#fail(error, 'test-connection');
      if (error instanceof ValidationError) this.#setErrors(error.errors, false);
      const errors = error instanceof ValidationError ? this._errors : [];
      // Worded from the inputs as they were tested, not as the admin edits them afterwards.
      const { platform } = this._draft;
      const context = this.#errorContext();
      // Away from the inputs, each reason is led by its input's label, as in the summary a save brings.
      const reason = () => (errors.length ? errors.map((e) => summaryErrorText(e, platform, context)).join(' ') : errorText(error));
      this.#test.show({ tone: 'error', text: () => t('settings.test.failed', { reason: reason() }), reference: errorReference(error) });
    } finally {
      this._busy = '';
    }
    await restoreFocus();
    // The outcome opens below the button, often under the save bar; it is scrolled clear unless the admin went on elsewhere.
    if (this.shadowRoot?.activeElement?.matches('[part="test-button"]')) this.renderRoot.querySelector('.test-result')?.scrollIntoView({ block: 'nearest' });
  }

  async #compare(): Promise<void> {
    const client = this.#client.client;
    const category = this.resolvedCategory;
    if (!client || !category || !this._conflict) return;
    this._busy = 'compare';
    try {
      // Reading the record also gives the SDK its current ETag, so "save mine" afterwards overwrites knowingly.
      const theirs = await client.settings.get(category);
      if (!(await this.#rebaseOnto(theirs))) return;
      const mine = this._draft;
      const platform = mine.platform ?? theirs.platform;
      const differences = () =>
        compare(theirs, mine, shownValue, {
          platform: t('settings.platform'),
          setting: (s) => localizedSetting(platform, s).label,
          option: (s, value) => localizedSetting(platform, s).options?.find((o) => o.value === value)?.label ?? value,
          crm: (key) => t(crmLabelKeys[key]),
          policy: (target, policy) => t('settings.conflict.withPolicy', { target, policy: msg(`policy.${policy}`) }),
          secret: (pending) => t(pending === null ? 'settings.value.cleared' : 'settings.value.newSecret'),
        });
      this._conflict = { ...this._conflict, theirs, differences };
    } catch (error) {
      this.#fail(error, 'compare');
      this._general = () => errorText(error);
    } finally {
      this._busy = '';
    }
    // The Compare button is gone: the notice, now holding the comparison, takes focus.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.conflict')?.focus();
  }

  /**
   * Takes someone else's record, read after a conflict, as the one on screen, with the admin's own edits replayed
   * over it: what the admin did not touch shows theirs, and saving overwrites only what the admin changed. False
   * when they archived it: it takes no save, so the form shows it archived with the edits kept aside for Restore
   * (as its own Archive keeps them), says why nothing was saved, and the notice whose button was pressed goes.
   */
  async #rebaseOnto(theirs: IntegrationSettings): Promise<boolean> {
    const category = this.resolvedCategory;
    if (theirs.status !== 'archived' || !category) {
      this._draft = rebase(this._draft, this._saved, theirs);
      this.#setSaved(theirs);
      return true;
    }
    this.#adopt(theirs, this.#typedEdits());
    this.#outcome.show({ tone: 'error', text: () => t('settings.archivedElsewhere', { category: t(`settings.category.${category}`) }) });
    await this.updateComplete;
    this.#heading?.focus();
    return false;
  }

  async #keepMine(): Promise<void> {
    const client = this.#client.client;
    const category = this.resolvedCategory;
    const conflict = this._conflict;
    if (!client || !category || !conflict) return;
    if (!conflict.theirs) {
      this._busy = conflict.retry;
      let theirs: IntegrationSettings | null = null;
      try {
        theirs = await client.settings.get(category);
      } catch (error) {
        this.#fail(error, 'compare');
      }
      this._busy = '';
      if (theirs && !(await this.#rebaseOnto(theirs))) return;
    }
    // The notice, and the button pressed in it, stay until the save's answer replaces them.
    await this.#save(conflict.retry);
  }

  async #reloadTheirs(): Promise<void> {
    await this.reload();
    this.#heading?.focus();
  }

  async #archiveOrRestore(action: 'archive' | 'restore'): Promise<void> {
    const client = this.#client.client;
    const category = this.resolvedCategory;
    if (!client || !category) return;
    this._busy = action;
    try {
      const saved = action === 'archive' ? await client.settings.archive(category) : await client.settings.restore(category);
      // Neither saves the form: what the admin typed waits aside while archived, then comes back over the restored record.
      this.#adopt(saved, this.#typedEdits());
      this.#outcome.show({ tone: 'success', text: () => t(action === 'archive' ? 'settings.archived' : 'settings.restored', { category: t(`settings.category.${category}`) }) });
      emit(this, new SettingsSavedEvent(saved, action === 'archive' ? 'archived' : 'restored'));
    } catch (error) {
      this.#fail(error, action);
      if (error instanceof ConflictError) {
        this._conflict = null;
        // Saved elsewhere meanwhile: the record as it is now, with what the admin typed over it, so the next press
        // acts on it (not on the version this form read, refused again and again).
        await client.settings.get(category).then((theirs) => this.#adopt(theirs, this.#typedEdits()), () => undefined);
      }
      this.#outcome.show({ tone: 'error', text: () => errorText(error), reference: errorReference(error) });
    } finally {
      this._busy = '';
      // Unless the dialog was closed meanwhile (Escape): focus went back to Archive then, and stays.
      if (this._confirm === action) {
        this._confirm = null;
        void this.#dialogOpener.restore();
      }
    }
  }

  #closeConfirm(answer: boolean): void {
    const kind = this._confirm;
    this._confirm = null;
    // Focus goes back first, so a confirmed save's own focus keeping starts on the save button.
    const refocused = this.#dialogOpener.restore();
    if (kind === 'leave') {
      this.#leaveAnswer?.(answer);
      this.#leaveAnswer = null;
    } else if ((kind === 'switch' || kind === 'draft') && answer) {
      void refocused.then(() => this.#save(this.#pendingSave.status, true, this.#pendingSave.continueToCrm));
    }
  }

  /** The section's heading (focusable), where focus lands when the control that had it is gone. */
  get #heading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#heading');
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
    if (dialog && !dialog.open) dialog.showModal();
  }

  // ---- rendering ------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const category = this.resolvedCategory;
    if (this.category && !category) {
      const categories = integrationCategories.map((c) => categorySlugs[c]).join(msg('common.listSeparator'));
      return html`<div class="notice warning" role="alert"><p><bdi>${t('settings.unknownCategory', { category: this.category, categories })}</bdi></p></div>`;
    }
    if (!category) {
      if (!this.#client.client) return notConnectedNotice(this.#client, () => t('settings.signIn'));
      if (this._me === undefined) return this.#renderLoading();
      if (this._me && !this._me.permissions.includes('settings:read')) return noReadRoleNotice(t('settings.noReadRole'));
      return html`<div class="all">
        ${integrationCategories.map((c) => html`<mp-integration-settings category=${categorySlugs[c]} heading-level=${this.headingLevel} .client=${this.#client.client}></mp-integration-settings>`)}
      </div>`;
    }
    return html`<section part="base" class="frame ${this._busy && !this.#readOnly ? 'held' : ''}" aria-labelledby="heading" aria-busy=${this._load.state === 'loading' || this._busy !== '' ? 'true' : 'false'}>
        ${this.#renderHeader(category)} ${this.#renderBody(category)}
      </section>
      ${this.#renderDialog(category)} ${this.#announcer.render()}`;
  }

  #renderHeader(category: IntegrationCategory): TemplateResult {
    const saved = this._saved;
    const status = saved?.status ?? 'none';
    const canArchive = this.#canWrite && saved && saved.status !== 'archived' && this._load.state === 'ready';
    const canRestore = this.#canWrite && saved?.status === 'archived';
    return html`<header part="header" class="header">
      <div class="title">
        ${heading(this.headingLevel, 0, html`<slot name="heading">${t(`settings.category.${category}`)}</slot>`, 'heading')}
        ${this._load.state === 'ready' ? html`<span part="status" class="mp-badge status ${status}">${t(`settings.status.${status}`)}</span>` : nothing}
      </div>
      <p class="muted intro"><bdi>${t(`settings.intro.${category}`)}</bdi></p>
      ${canArchive || canRestore
        ? html`<div class="header-actions">
            <button class="mp-button small" type="button" aria-disabled=${this._busy !== '' ? 'true' : 'false'} @click=${(e: Event) => this.#openHeaderConfirm(e, canRestore ? 'restore' : 'archive')}>
              ${t(canRestore ? 'settings.restore' : 'settings.archive')}
            </button>
          </div>`
        : nothing}
    </header>`;
  }

  #renderBody(category: IntegrationCategory): TemplateResult {
    if (!this.#client.client) return notConnectedNotice(this.#client, () => t('settings.signIn'));
    const load = this._load;
    if (load.state === 'error' && load.error instanceof ForbiddenError) return noReadRoleNotice(t('settings.noReadRole'));
    if (load.state === 'error') {
      return loadFailedNotice(t('settings.loadFailed'), load.error, {
        label: t('settings.retry'),
        onClick: () => void this.reload(),
      });
    }
    if (load.state !== 'ready') return this.#renderLoading();
    const view = this.#view();
    const saved = this._saved;
    const connected = isConnected(this._draft, saved);
    const platform = findPlatform(this._draft.platform);
    const showRest = !!platform && this.#restShownFor === platform.id;
    const summary = this.#summaryShown;
    return html`
      ${this.#outcome.render('outcome')}
      ${renderErrorSummary(summary.errors.map((e) => ({ ...e, message: summaryErrorText(e, this._draft.platform, this.#errorContext()) })), summary.note, this.#focusControl, (p) => !!this.#control(p))}
      ${this._conflict
        ? renderConflict(this._conflict, { compare: () => this.#compare(), reload: () => this.#reloadTheirs(), keepMine: () => this.#keepMine() }, this._busy !== '')
        : nothing}
      ${!this.#canWrite ? html`<div class="notice info"><p><bdi>${t('settings.readOnly')}</bdi></p></div>` : nothing}
      ${saved?.status === 'archived'
        ? html`<div class="notice warning"><p><bdi>${t('settings.archivedBanner')}</bdi>${this.#heldEdits ? html` <bdi>${t('settings.archivedKeepsEdits')}</bdi>` : nothing}</p></div>`
        : nothing}
      ${!saved && !this._draft.platform && this.#canWrite ? html`<p class="empty-note"><bdi>${t(isPlatformRequired(category) ? 'settings.notSetUpRequired' : 'settings.notSetUp')}</bdi></p>` : nothing}
      ${category === 'crm' && saved?.platform === this._draft.platform
        ? renderDrift(
            this.#driftShown,
            this._draft.crm,
            !this.#canWrite
              ? { readOnly: t('settings.drift.bodyReadOnly') }
              : saved?.status === 'archived'
                ? { readOnly: t('settings.drift.bodyArchived') }
                : { show: this.#showDrift },
          )
        : nothing}
      ${renderPlatformPicker({
        category,
        chosen: this._draft.platform,
        saved,
        locked: this.#locked || this.#connectionLocked,
        ...(this.#connectionLocked && !this.#readOnly ? { lockedBecause: t('settings.platformAdminOnly') } : {}),
        errors: this.#errorsFor('platform'),
        choose: (id) => this.#choosePlatform(id),
      })}
      ${this.#renderGroups(view, true)}
      ${platform && this.#continueOffered
        ? html`<div class="notice info">${iconSvg(icon.sparkle)}<div class="grow"><p><bdi>${t(platform.discovery ? 'settings.saveFirst' : 'settings.saveFirstOther')}</bdi></p>
            <div class="actions"><button class="mp-button" type="button" aria-disabled=${this._busy !== '' ? 'true' : 'false'} @click=${() => this.#saveAndContinue()}>${t('settings.saveAndContinue')}</button></div></div></div>`
        : nothing}
      ${platform?.discovery && category === 'crm' && connected ? renderCrmSection(view) : nothing}
      ${connected || showRest ? this.#renderGroups(view, false, connected) : nothing}
      ${this.#renderFooter()}
    `;
  }

  /**
   * Seed 000: once the connection inputs are filled, the settings below show, and stay for this platform
   * (emptying an input again must not pull a group from under the admin's focus, or hide what they typed).
   * Those that list the CRM's fields need the saved credentials, so they wait for a save.
   */
  #latchRest(): void {
    const id = this._draft.platform;
    if (id && this.#restShownFor !== id && (missingConnection(this._draft, this._saved).length === 0 || holdsInputBeyondConnection(this._draft))) {
      this.#restShownFor = id;
    }
  }

  /**
   * The platform's setting groups from the catalog: the connection group, or every other group; without
   * `withCrmFields`, leaving out the settings that choose one of the CRM's fields.
   */
  #renderGroups(view: CrmView, connection: boolean, withCrmFields = true): TemplateResult[] {
    const platform = findPlatform(this._draft.platform);
    if (!platform) return [];
    return visibleGroups(this._draft)
      .filter(({ group }) => (group === CONNECTION_GROUP) === connection)
      .map(({ group, settings }) => ({ group, settings: withCrmFields ? settings : settings.filter((s) => !s.crmFieldTypes) }))
      .filter(({ settings }) => settings.length > 0)
      .map(
        ({ group, settings }) => html`<fieldset part="group" class="card group" data-group=${group}>
          <legend>${group === CONNECTION_GROUP ? t('settings.group.Connection') : msg(`settings.group.${group}`, undefined, group)}</legend>
          ${view.connectionLocked && !this.#readOnly && settings.some((s) => s.type === 'secret') ? html`<p class="help"><bdi>${t('settings.connectionAdminOnly')}</bdi></p>` : nothing}
          ${connection ? this.#renderAwaitingAdmin(platform) : nothing}
          ${settings.map((s) => renderSetting(view, s))}
          ${connection ? this.#renderTest() : nothing}
          ${group === 'Sync' && platform.discovery ? renderApiUsage(view) : nothing}
        </fieldset>`,
      );
  }

  #renderLoading(): TemplateResult {
    // The page of every category said it was loading as it asked for the role: its categories, loading next, say nothing more.
    const said = (this.getRootNode() as Partial<ShadowRoot>).host instanceof MpIntegrationSettings;
    return html`<div class="loading" role=${said ? nothing : 'status'}><span class="visually-hidden">${t('settings.loading')}</span>
      ${[0, 1, 2, 3].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}</div>`;
  }

  #renderAwaitingAdmin(platform: PlatformDefinition): TemplateResult | typeof nothing {
    const awaiting = this.#secretsAwaitingAdmin;
    if (awaiting.length === 0) return nothing;
    const secrets = formatList(awaiting.map((s) => localizedSetting(platform.id, s).label));
    return html`<div class="notice info"><p id="awaiting-admin"><bdi>${t('settings.awaitingAdmin', { secrets, platform: platform.name })}</bdi></p></div>`;
  }

  #renderTest(): TemplateResult | typeof nothing {
    if (!findPlatform(this._draft.platform)?.testable || this.#secretsAwaitingAdmin.length) return nothing;
    if (!this._me?.permissions.includes('crm:discover') || this._saved?.status === 'archived') return nothing;
    const unsaved = connectionChanged(this._draft, this._saved);
    return html`<div class="test">
      <button part="test-button" class="mp-button" type="button" aria-disabled=${this._busy !== '' ? 'true' : 'false'} aria-describedby=${unsaved ? 'test-help' : nothing} @click=${() => this.#testConnection()}>
        ${this._busy === 'test' ? t('settings.testing') : t('settings.test')}
      </button>
      ${unsaved ? html`<span id="test-help" class="help"><bdi>${t('settings.test.unsaved')}</bdi></span>` : nothing}
      ${this.#test.render('test-result')}
    </div>`;
  }

  #renderFooter(): TemplateResult | typeof nothing {
    if (!this.#canWrite || this._saved?.status === 'archived') return nothing;
    return renderSaveBar({
      saved: this._saved,
      dirty: this.dirty,
      hasPlatform: !!this._draft.platform,
      canEnable: this.#secretsAwaitingAdmin.length === 0,
      busy: this._busy,
      save: (status) => void this.#save(status),
    });
  }

  #renderDialog(category: IntegrationCategory): TemplateResult | typeof nothing {
    const kind = this._confirm;
    if (!kind) return nothing;
    const subject = {
      category: t(`settings.category.${category}`),
      previous: findPlatform(this._saved?.platform)?.name,
      platform: findPlatform(this._draft.platform)?.name,
      mappings: (this._saved?.crm?.memberMappings.length ?? 0) + (this._saved?.crm?.orderMappings.length ?? 0),
    };
    return renderConfirm(kind, subject, this._busy !== '', (yes) => {
      if (this._confirm !== kind) return;
      if (yes && (kind === 'archive' || kind === 'restore')) void this.#archiveOrRestore(kind);
      else this.#closeConfirm(yes);
    });
  }
}

/** Field errors by the control their pointer belongs to. */
function byControl(errors: readonly FieldError[]): Map<string, FieldError[]> {
  const map = new Map<string, FieldError[]>();
  for (const e of errors) {
    const id = controlIdFor(e.pointer);
    const list = map.get(id);
    if (list) list.push(e);
    else map.set(id, [e]);
  }
  return map;
}

/** A setting's value as the conflict comparison shows it, in the current locale. */
function shownValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return t('settings.value.empty');
  if (typeof v === 'boolean') return t(v ? 'settings.value.on' : 'settings.value.off');
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return v.join(msg('common.listSeparator'));
  return String(v);
}

customElements.define('mp-integration-settings', MpIntegrationSettings);
