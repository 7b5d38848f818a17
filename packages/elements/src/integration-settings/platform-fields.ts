import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { findPlatform, guardsSecrets, type CrmFieldDescriptor, type IntegrationSettings, type SettingDefinition } from '@memberpulse/integration-schema';
import { icon, iconSvg } from '../shared/icons.js';
import { actionFor } from '../shared/action-for.js';
import { renderErrors } from '../shared/field-errors.js';
import type { ComboboxOption } from '../shared/combobox.js';
import { listText, numberText, parseLines, parseNumber } from '../shared/kept-text.js';
import { translator } from '../provider/translate.js';
import { formatDateTime, msg } from '../i18n/index.js';
import { settingsMessages } from './messages.js';
import type { Draft } from './draft.js';
import { localizedSetting } from './localized-text.js';

const t = translator(settingsMessages);

/** What the platform-settings renderers read and call; the element implements it. */
export interface FieldsView {
  draft: Draft;
  saved: IntegrationSettings | null;
  /** Nothing can change (viewer, archived, saving): the controls are read-only, their values still there to read. */
  locked: boolean;
  /** Locked for what it is (viewer, archived), not only while a call runs: shown read-only, without what only a writer can use. */
  readOnly: boolean;
  canWriteCredentials: boolean;
  /** The saved record holds secrets and this role may not write credentials: the settings that guard them stay as they are. */
  connectionLocked: boolean;
  /** Secret keys whose input is open for a new value. */
  replacing: ReadonlySet<string>;
  /** Fields of the member object, once loaded: pickers for settings that name a CRM field. */
  memberFields: readonly CrmFieldDescriptor[] | undefined;
  errorsFor(controlId: string): readonly string[];
  setConfig(key: string, value: Draft['config'][string] | undefined): void;
  /** A string sets the pending secret, `null` marks it for clearing, `undefined` drops the pending change. */
  setSecret(key: string, value: string | null | undefined): void;
  setReplacing(key: string, open: boolean): void;
}

/** `aria-describedby` for a control with optional help and errors. */
export function describedBy(controlId: string, help: boolean, errors: readonly string[]): string | typeof nothing {
  const ids = [help ? `${controlId}-help` : '', errors.length ? `${controlId}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

// Catalog texts and messages a host left untranslated are English, whatever the page's direction: each is
// isolated (<bdi>, dir="auto") so a right-to-left page keeps a sentence's full stop at its end and a leading
// number ("24-hour …") at its start.

/**
 * A label with a muted `mark` after it ("(Optional)", "(Required)"), if one. The space between them sits between
 * the two elements: next to a part's marker comment, Chromium leaves it out of the accessible name.
 */
export function markedLabel(label: string, mark?: string): TemplateResult {
  return mark ? html`<bdi>${label}</bdi> <span class="muted small">${mark}</span>` : html`<bdi>${label}</bdi>`;
}

/** A control's label, and "(Optional)" after it unless it is required. */
export function labelText(label: string, required: boolean): TemplateResult {
  return markedLabel(label, required ? undefined : t('settings.optional'));
}

function labelFor(s: SettingDefinition, id: string): TemplateResult {
  return html`<label class="label" for=${id}>${labelText(s.label, !!s.required)}</label>`;
}

function help(s: SettingDefinition, id: string): TemplateResult | typeof nothing {
  return s.help ? html`<p id="${id}-help" class="help"><bdi>${s.help}</bdi></p>` : nothing;
}

/** Options for a setting that names a field of the member object (e.g. the active flag). */
export function fieldOptions(fields: readonly CrmFieldDescriptor[], setting: SettingDefinition): ComboboxOption[] {
  const options: ComboboxOption[] = fields
    .filter((f) => setting.crmFieldTypes!.includes(f.type))
    .map((f) => ({
      value: f.name,
      label: f.label,
      detail: f.name,
      badge: msg(`type.crm.${f.type}`),
      // A field MemberPulse writes into must take the writes (the email opt-out, kept in step both ways).
      ...(setting.writes && !f.updateable ? { disabled: true, note: t('settings.crm.readOnlyField'), tone: 'error' as const } : {}),
    }));
  return setting.required ? options : [{ value: '', label: t('settings.crm.none') }, ...options];
}

/** One setting, rendered from its catalog definition. */
export function renderSetting(view: FieldsView, definition: SettingDefinition): TemplateResult {
  const s = localizedSetting(view.draft.platform, definition);
  if (s.type === 'secret') return renderSecret(view, s);
  const lockedForRole = view.connectionLocked && guardsSecrets(findPlatform(view.draft.platform)!, s);
  const locked = view.locked || lockedForRole;
  const field = lockedForRole ? 'field stays-readonly' : 'field';
  const id = `cfg-${s.key}`;
  const errors = view.errorsFor(id);
  const value = view.draft.config[s.key];
  const invalid = errors.length ? 'true' : 'false';
  const described = describedBy(id, !!s.help, errors);
  let control: TemplateResult;
  switch (s.type) {
    case 'toggle':
      return html`<div class="${field} toggle-field" data-key=${s.key}>
        <label class="toggle">
          <input id=${id} type="checkbox" role="switch" .checked=${live(value === true)} aria-readonly=${locked ? 'true' : nothing}
            aria-describedby=${described} aria-invalid=${invalid}
            @change=${(e: Event) => view.setConfig(s.key, (e.target as HTMLInputElement).checked)} />
          <span><bdi>${s.label}</bdi></span>
        </label>
        ${help(s, id)} ${renderErrors(id, errors)}
      </div>`;
    case 'select':
      control = html`<select id=${id} class="mp-select" aria-readonly=${locked ? 'true' : nothing} ?required=${s.required} aria-describedby=${described} aria-invalid=${invalid}
        @change=${(e: Event) => view.setConfig(s.key, (e.target as HTMLSelectElement).value)}>
        ${s.required ? nothing : html`<option value="" dir="auto" ?selected=${!value}>${t('settings.crm.none')}</option>`}
        ${s.options?.map((o) => html`<option value=${o.value} dir="auto" ?selected=${o.value === value}>${o.label}</option>`)}
      </select>`;
      break;
    case 'number':
      control = html`<input id=${id} class="mp-input" type="number" inputmode=${s.integer ? 'numeric' : 'decimal'} step=${s.integer ? '1' : 'any'}
        min=${s.min ?? nothing} max=${s.max ?? nothing}
        .value=${numberText(typeof value === 'number' ? value : '')} ?readonly=${locked} ?required=${s.required}
        aria-describedby=${described} aria-invalid=${invalid}
        @input=${(e: Event) => view.setConfig(s.key, parseNumber((e.target as HTMLInputElement).value))} />`;
      break;
    case 'list':
      control = html`<textarea id=${id} class="mp-input" rows="3" .value=${listText(Array.isArray(value) ? value : [])} ?readonly=${locked} ?required=${s.required}
        aria-describedby="${id}-list-help${errors.length ? ` ${id}-error` : ''}${s.help ? ` ${id}-help` : ''}" aria-invalid=${invalid}
        @input=${(e: Event) => view.setConfig(s.key, parseLines((e.target as HTMLTextAreaElement).value))}></textarea>
        <p id="${id}-list-help" class="help"><bdi>${t('settings.listHelp')}</bdi></p>`;
      break;
    default:
      if (s.crmFieldTypes && view.memberFields) {
        const text = typeof value === 'string' ? value : '';
        return html`<div class=${field} data-key=${s.key}>
          <span class="label" id="${id}-label">${labelText(s.label, !!s.required)}</span>
          <mp-combobox id=${id} .options=${fieldOptions(view.memberFields, s)} .value=${text} label=${s.label}
            placeholder=${t('settings.crm.pickField')} ?readonly=${locked} ?required=${!!s.required} ?invalid=${errors.length > 0}
            description=${[s.help ?? '', ...errors].filter(Boolean).join(' ')}
            @change=${(e: Event) => view.setConfig(s.key, (e.target as HTMLInputElement).value)}></mp-combobox>
          ${help(s, id)} ${renderErrors(id, errors)}
        </div>`;
      }
      control = html`<input id=${id} class="mp-input" type="text" autocomplete="off" spellcheck="false" dir="auto"
        placeholder=${s.placeholder ?? nothing} .value=${live(typeof value === 'string' ? value : '')}
        ?readonly=${locked} ?required=${s.required} aria-describedby=${described} aria-invalid=${invalid}
        @input=${(e: Event) => view.setConfig(s.key, (e.target as HTMLInputElement).value)} />`;
  }
  return html`<div class=${field} data-key=${s.key}>${labelFor(s, id)} ${control} ${help(s, id)} ${renderErrors(id, errors)}</div>`;
}

/**
 * A write-only secret: never prefilled, never shown back. Configured secrets show their hint and when they
 * were set, with Replace and Clear for a role that may write credentials; a new value is typed into an empty
 * password box.
 */
function renderSecret(view: FieldsView, s: SettingDefinition): TemplateResult {
  const id = `secret-${s.key}`;
  const errors = view.errorsFor(id);
  const state = view.saved?.platform === view.draft.platform ? view.saved?.credentials[s.key] : undefined;
  const configured = !!state?.configured;
  const pending = view.draft.secrets[s.key];
  const open = !configured || view.replacing.has(s.key);
  const locked = view.locked || !view.canWriteCredentials;
  // With the record's secrets stored, the secret's group says it once for all its inputs.
  const noRights = !view.canWriteCredentials && !view.readOnly && !view.connectionLocked
    ? html`<p class="help"><bdi>${t('settings.noCredentialRights')}</bdi></p>`
    : nothing;
  const status = configured
    ? html`<span class="secret-state" id="${id}-state">
        <span>${iconSvg(icon.check)}${state?.hint ? t('settings.secret.configured', { hint: state.hint }) : t('settings.secret.configuredNoHint')}</span>
        ${state?.updatedAt ? html`<span class="muted">${t(state.updatedBy ? 'settings.secret.updatedBy' : 'settings.secret.updated', { date: formatDateTime(state.updatedAt), who: state.updatedBy ?? '' })}</span>` : nothing}
      </span>`
    : nothing;

  if (configured && pending === null) {
    return html`<div class="field secret" data-key=${s.key}>
      <span class="label"><bdi>${s.label}</bdi></span>
      <div class="secret-row">
        <bdi class="secret-state warning-text" id="${id}-state">${t('settings.secret.willClear')}</bdi>
        <button id=${id} class="mp-button small" type="button" aria-disabled=${locked ? 'true' : nothing} aria-describedby="${id}-state"
          @click=${() => view.setSecret(s.key, undefined)}>${actionFor(t('settings.secret.undo'), s.label)}</button>
      </div>
      ${renderErrors(id, errors)}
    </div>`;
  }
  if (!open) {
    // A role that may not write credentials (viewer, editor), or an archived record, shows the state alone,
    // without buttons that cannot be used.
    return html`<div class="field secret" data-key=${s.key}>
      <span class="label"><bdi>${s.label}</bdi></span>
      <div class="secret-row">
        ${status}
        ${view.canWriteCredentials && view.saved?.status !== 'archived'
          ? html`<button id=${id} class="mp-button small" type="button" aria-disabled=${locked ? 'true' : nothing}
                @click=${() => view.setReplacing(s.key, true)}>${actionFor(t('settings.secret.replace'), s.label)}</button>
              <button class="mp-button small quiet" type="button" aria-disabled=${locked ? 'true' : nothing}
                @click=${() => view.setSecret(s.key, null)}>${actionFor(t('settings.secret.clear'), s.label)}</button>`
          : nothing}
      </div>
      ${noRights}
      ${renderErrors(id, errors)}
    </div>`;
  }
  const helpId = `${id}-help`;
  return html`<div class="field secret ${view.canWriteCredentials ? '' : 'stays-readonly'}" data-key=${s.key}>
    ${labelFor(s, id)}
    ${status}
    <div class="secret-row">
      <input id=${id} class="mp-input" type="password" autocomplete="off" data-1p-ignore data-lpignore="true" data-bwignore data-form-type="other"
        spellcheck="false"
        .value=${live(typeof pending === 'string' ? pending : '')} ?readonly=${locked} ?required=${s.required && !configured}
        aria-describedby="${helpId}${errors.length ? ` ${id}-error` : ''}" aria-invalid=${errors.length ? 'true' : 'false'}
        @input=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          view.setSecret(s.key, v === '' ? undefined : v);
        }} />
      ${configured
        ? html`<button class="mp-button small" type="button" aria-disabled=${locked ? 'true' : nothing} @click=${() => view.setReplacing(s.key, false)}>${actionFor(t('settings.secret.cancel'), s.label)}</button>`
        : nothing}
    </div>
    <p id=${helpId} class="help">${s.help ? html`<bdi>${s.help}</bdi> ` : nothing}<bdi>${t('settings.secret.writeOnly')}</bdi></p>
    ${noRights}
    ${renderErrors(id, errors)}
  </div>`;
}
