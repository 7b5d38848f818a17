import { html, nothing, type TemplateResult } from 'lit';
import type { CrmMapping, DriftItem, FieldError, IntegrationSettings } from '@memberpulse/integration-schema';
import { icon, iconSvg } from '../shared/icons.js';
import { actionFor } from '../shared/action-for.js';
import { translator } from '../provider/translate.js';
import { settingsMessages } from './messages.js';
import type { Difference } from './draft.js';
import { controlLabel, driftText, mappedSource, type MappingList } from './localized-text.js';

const t = translator(settingsMessages);

/**
 * The summary at the top of a failed save: the count, then each problem as a link that moves focus to its
 * control, then `general` (what the list leaves out); with no problem listed, `general` alone. `focusControl`
 * receives the error.
 */
export function renderErrorSummary(errors: readonly FieldError[], general: string, focusControl: (error: FieldError) => void, linkable: (pointer: string) => boolean): TemplateResult | typeof nothing {
  if (errors.length === 0 && !general) return nothing;
  return html`<div part="error-summary" class="notice error summary" tabindex="-1" aria-labelledby="summary-title">
    ${iconSvg(icon.error)}
    <div class="grow">
      <p id="summary-title"><strong><bdi>${errors.length ? t('settings.summary.title', { count: errors.length }) : general}</bdi></strong></p>
      ${errors.length
        ? html`<ul>
            ${errors.map((e) =>
              linkable(e.pointer)
                ? html`<li><a href="#" data-pointer=${e.pointer} @click=${(ev: Event) => {
                    ev.preventDefault();
                    focusControl(e);
                  }}><span dir="auto">${e.message}</span></a></li>`
                : html`<li dir="auto">${e.message}</li>`,
            )}
          </ul>`
        : nothing}
      ${errors.length && general ? html`<p><bdi>${general}</bdi></p>` : nothing}
    </div>
  </div>`;
}

/** Someone else saved first: the admin's edits stay; compare, load theirs, or save over. */
export function renderConflict(
  conflict: { theirs: IntegrationSettings | null; differences: (() => readonly Difference[]) | null; ownLost?: boolean },
  actions: { compare(): void; reload(): void; keepMine(): void },
  busy: boolean,
): TemplateResult {
  const { theirs } = conflict;
  const differences = conflict.differences?.() ?? null;
  const theirsHead = t('settings.conflict.theirs', { who: theirs?.updatedBy ?? '' });
  const mineHead = t('settings.conflict.mine');
  // aria-disabled while a call runs, not disabled: the button pressed keeps keyboard focus until the answer.
  const waiting = busy ? 'true' : 'false';
  // A region that takes focus (its name and description are read then), not an alert: an alert would be read
  // again, table and all, each time Compare fills it in.
  return html`<div part="conflict" class="notice warning conflict" role="region" aria-labelledby="conflict-title" aria-describedby="conflict-body" tabindex="-1">
    ${iconSvg(icon.warning)}
    <div class="grow">
      <p id="conflict-title"><strong><bdi>${t(conflict.ownLost ? 'settings.conflict.titleOwnLost' : 'settings.conflict.title')}</bdi></strong></p>
      <p id="conflict-body"><bdi>${t('settings.conflict.body')}</bdi></p>
      ${differences ? html`<p><bdi>${t('settings.conflict.merged')}</bdi></p>` : nothing}
      ${differences
        ? differences.length
          ? // Narrower than the table's minimum, the wrapper scrolls; it takes focus so a keyboard can scroll it. In a
            // narrow frame each row stacks, its values under their column's name (data-label).
            html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('settings.conflict.caption')}><table class="compare">
              <caption class="visually-hidden">${t('settings.conflict.caption')}</caption>
              <thead><tr><th scope="col">${t('settings.conflict.field')}</th><th scope="col">${theirsHead}</th><th scope="col">${mineHead}</th></tr></thead>
              <tbody>${differences.map((d) => html`<tr><th scope="row"><bdi>${d.label}</bdi></th><td data-label=${theirsHead}><bdi>${d.theirs}</bdi></td><td data-label=${mineHead}><bdi>${d.mine}</bdi></td></tr>`)}</tbody>
            </table></div>`
          : html`<p><bdi>${t('settings.conflict.same')}</bdi></p>`
        : nothing}
      <div class="actions">
        ${differences ? nothing : html`<button class="mp-button" type="button" aria-disabled=${waiting} @click=${actions.compare}>${t('settings.conflict.compare')}</button>`}
        <button class="mp-button primary" type="button" aria-disabled=${waiting} @click=${actions.keepMine}>${t('settings.conflict.keepMine')}</button>
        <button class="mp-button" type="button" aria-disabled=${waiting} @click=${actions.reload}>${t('settings.conflict.reload')}</button>
      </div>
    </div>
  </div>`;
}

/** What a drift line names: the MemberPulse field of a mapping row ("Email"), or the CRM choice ("Event tag field"). */
function rowLabel(item: DriftItem, crm: Pick<CrmMapping, MappingList>): string {
  return mappedSource(item.pointer, crm)?.label ?? controlLabel(item.pointer, null) ?? item.field;
}

/**
 * Mapped CRM fields that vanished or changed type, each with a button to its row; where they cannot be
 * changed here, `readOnly` says what to do instead (ask an admin or editor, restore the record).
 */
export function renderDrift(
  drift: readonly DriftItem[],
  crm: Pick<CrmMapping, MappingList>,
  fix: { show(item: DriftItem): void } | { readOnly: string },
): TemplateResult | typeof nothing {

  if (drift.length === 0) return nothing;
  return html`<div part="drift" class="notice warning drift">
    ${iconSvg(icon.warning)}
    <div class="grow">
      <p><strong><bdi>${t('settings.drift.title')}</bdi></strong></p>
      <p><bdi>${'show' in fix ? t('settings.drift.body') : fix.readOnly}</bdi></p>
      <ul>
        ${drift.map((item) => {
          const label = rowLabel(item, crm);
          return html`<li>
            <span dir="auto">${t('settings.drift.item', { label, change: driftText(item) })}</span>
            ${'show' in fix ? html`<button class="mp-button small quiet link" type="button" data-pointer=${item.pointer}
              @click=${() => fix.show(item)}>${actionFor(t('settings.drift.show'), label)}</button>` : nothing}
          </li>`;
        })}
      </ul>
    </div>
  </div>`;
}
