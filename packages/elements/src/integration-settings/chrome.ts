import { html, nothing, type TemplateResult } from 'lit';
import { findPlatform, isPlatformRequired, platformCatalog, type IntegrationCategory, type IntegrationSettings } from '@memberpulse/integration-schema';
import { translator } from '../provider/translate.js';
import { formatDateTime, msg } from '../i18n/index.js';
import { settingsMessages } from './messages.js';
import { renderErrors } from '../shared/field-errors.js';
import { markedLabel } from './platform-fields.js';

// The frame around a settings form: platform choice, outcome notices, the save bar and confirmations.
// Plain render functions; the element owns the state and passes what they need.

const t = translator(settingsMessages);

/**
 * The catalog's platforms of a category as a radio group; warns when saving would replace the stored platform.
 * Locked, each radio is `aria-disabled` (ARIA gives a radio no read-only state): it keeps focus and reads out
 * whether it is the one chosen, and takes no press.
 */
export function renderPlatformPicker(options: {
  category: IntegrationCategory;
  chosen: string | null;
  saved: IntegrationSettings | null;
  locked: boolean;
  /** Why the choice is locked, when the admin can do something about it (another role may change it). */
  lockedBecause?: string;
  errors: readonly string[];
  choose(platform: string): void;
}): TemplateResult {
  const { chosen, errors } = options;
  const previous = findPlatform(options.saved?.platform);
  const next = findPlatform(chosen);
  const switching = previous && next && previous.id !== next.id;
  const describedBy = [options.lockedBecause ? 'platform-locked' : '', errors.length ? 'platform-error' : ''].filter(Boolean).join(' ');
  return html`<fieldset part="platforms" class="platforms" aria-describedby=${describedBy || nothing}>
    <legend>${markedLabel(t('settings.platform'), isPlatformRequired(options.category) ? t('settings.required') : undefined)}</legend>
    ${options.lockedBecause ? html`<p id="platform-locked" class="help"><bdi>${options.lockedBecause}</bdi></p>` : nothing}
    <div class="platform-list">
      ${platformCatalog
        .filter((p) => p.category === options.category)
        .map(
          (p) => html`<label part="platform" class="platform ${p.id === chosen ? 'chosen' : ''}">
            <input type="radio" name="platform" value=${p.id} .checked=${p.id === chosen} aria-disabled=${options.locked ? 'true' : nothing}
              aria-invalid=${errors.length ? 'true' : 'false'} aria-labelledby="platform-${p.id}"
              aria-describedby="platform-${p.id}-about${options.lockedBecause ? ' platform-locked' : ''}" @change=${() => options.choose(p.id)} />
            <span class="platform-text"><strong id="platform-${p.id}">${p.name}</strong><span class="muted small" id="platform-${p.id}-about"><bdi>${msg(`catalog.${p.id}.description`, undefined, p.description)}</bdi></span></span>
          </label>`,
        )}
    </div>
    ${switching ? html`<p class="help warning-text"><bdi>${t('settings.platformSwitch', { platform: next.name, previous: previous.name })}</bdi></p>` : nothing}
    ${renderErrors('platform', errors)}
  </fieldset>`;
}

/**
 * The save bar: unsaved or last-saved state, then Save draft and Enable (Switch to draft and Save changes once enabled).
 * The buttons are described by the category heading: a page showing every category has four of each.
 */
export function renderSaveBar(options: {
  saved: IntegrationSettings | null;
  dirty: boolean;
  hasPlatform: boolean;
  /** False while the connection waits for secrets this role may not enter. */
  canEnable: boolean;
  busy: string;
  save(status: 'draft' | 'enabled'): void;
}): TemplateResult {
  const { saved, dirty, busy } = options;
  const enabled = saved?.status === 'enabled';
  const when = formatDateTime(saved?.updatedAt);
  // aria-disabled while a call runs, not disabled: the button pressed keeps keyboard focus until the answer.
  const waiting = busy !== '' ? 'true' : 'false';
  return html`<footer part="footer" class="footer">
    <span class="save-state ${dirty ? 'dirty' : ''}">
      ${dirty ? t('settings.unsaved') : saved ? t('settings.lastSaved', { date: when, who: saved.updatedBy }) : nothing}
    </span>
    <button part="save-button" class="mp-button save" type="button" aria-describedby="heading" aria-disabled=${waiting} ?disabled=${!options.hasPlatform || (!dirty && !enabled && !!saved)}
      @click=${() => options.save('draft')}>${busy === 'draft' ? t('settings.saving') : t(enabled ? 'settings.toDraft' : 'settings.saveDraft')}</button>
    <button part="enable-button" class="mp-button primary enable" type="button" aria-describedby=${options.canEnable ? 'heading' : 'heading awaiting-admin'} aria-disabled=${waiting}
      ?disabled=${!options.hasPlatform || !options.canEnable || (enabled && !dirty)}
      @click=${() => options.save('enabled')}>${busy === 'enabled' ? t('settings.saving') : t(enabled ? 'settings.saveEnabled' : 'settings.enable')}</button>
  </footer>`;
}

/** What a confirmation asks about. */
export type ConfirmKind = 'archive' | 'restore' | 'leave' | 'switch' | 'draft';

/** What a confirmation names: the category, and for a platform switch the platforms and what is deleted. */
export interface ConfirmSubject {
  category: string;
  previous?: string;
  platform?: string;
  /** Field mappings stored for the previous platform. */
  mappings?: number;
}

function confirmText(kind: ConfirmKind, s: ConfirmSubject): { title: string; body: string; ok: string; cancel: string } {
  switch (kind) {
    case 'leave':
      return { title: t('settings.leave.title'), body: t('settings.leave.body'), ok: t('settings.leave.leave'), cancel: t('settings.leave.stay') };
    case 'archive':
      return { title: t('settings.archive.title', { category: s.category }), body: t('settings.archive.body'), ok: t('settings.archive.confirm'), cancel: t('settings.cancel') };
    case 'restore':
      return { title: t('settings.restore.title', { category: s.category }), body: t('settings.restore.body'), ok: t('settings.restore.confirm'), cancel: t('settings.cancel') };
    case 'draft':
      return { title: t('settings.toDraft.title', { category: s.category }), body: t('settings.toDraft.body'), ok: t('settings.toDraft'), cancel: t('settings.cancel') };
    case 'switch': {
      const names = { previous: s.previous ?? '', platform: s.platform ?? '' };
      const body = s.mappings ? t('settings.switch.bodyMappings', { ...names, count: s.mappings }) : t('settings.switch.body', names);
      return { title: t('settings.switch.title', names), body, ok: t('settings.switch.confirm', names), cancel: t('settings.cancel') };
    }
  }
}

/** A modal confirmation (native `<dialog>`, opened by the element after rendering). The safe choice has focus. */
export function renderConfirm(kind: ConfirmKind, subject: ConfirmSubject, busy: boolean, answer: (yes: boolean) => void): TemplateResult {
  const text = confirmText(kind, subject);
  return html`<dialog part="dialog" class="confirm ${kind}" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body"
    @close=${() => answer(false)}>
    <div class="dialog-body">
      <h2 id="confirm-title"><bdi>${text.title}</bdi></h2>
      <p id="confirm-body"><bdi>${text.body}</bdi></p>
      <div class="dialog-actions">
        <button class="mp-button" type="button" autofocus @click=${() => answer(false)}>${text.cancel}</button>
        <button class="mp-button ${kind === 'restore' ? 'primary' : 'danger'}" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => answer(true)}>${text.ok}</button>
      </div>
    </div>
  </dialog>`;
}
