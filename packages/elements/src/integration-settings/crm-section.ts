import { html, nothing, type TemplateResult } from 'lit';
import {
  findPlatform,
  isTagField,
  memberPulseTags,
  standardMemberMapping,
  tagDestinationLabels,
  tagDestinations,
  type CrmFieldDescriptor,
  type CrmMapping,
  type CrmObjectSummary,
  type FieldMapping,
  type SalesforceConfig,
  type TagDestination,
} from '@memberpulse/integration-schema';
import type { ApiUsage } from '@memberpulse/integrations-sdk';
import type { ComboboxOption } from '../shared/combobox.js';
import type { MpFieldMapper } from '../field-mapper/field-mapper.js';
import { icon, iconSvg } from '../shared/icons.js';
import { formatList, msg } from '../i18n/index.js';
import { translator } from '../provider/translate.js';
import { errorText } from '../provider/error-text.js';
import { localizedSourceFields } from './localized-text.js';
import { settingsMessages } from './messages.js';
import { describedBy, labelText, type FieldsView } from './platform-fields.js';
import { renderErrors } from '../shared/field-errors.js';
import { heading } from '../shared/heading.js';
import { headingTakesFocusFrom } from '../provider/focus-return.js';
import { valueOf, type DiscoveryController, type Remote } from './discovery-controller.js';

const t = translator(settingsMessages);

/** What the CRM part reads and calls, beyond the platform fields. */
export interface CrmView extends FieldsView {
  /** The element's `heading-level`: the CRM section's heading is one below it. */
  headingLevel: number;
  discovery: DiscoveryController;
  /** The token may list objects and fields (`crm:discover`), the credentials are saved, and the record is not archived. */
  canDiscover: boolean;
  setCrm(patch: Partial<CrmMapping>): void;
  /** Says something to screen readers through the element's live region. */
  announce(text: string): void;
  /** How many mapped fields the drift notice names now (vanished from the CRM or retyped). */
  drifted(): number;
}

function objectOptions(objects: readonly CrmObjectSummary[], withNone: boolean, filter: (o: CrmObjectSummary) => boolean = () => true): ComboboxOption[] {
  const options = objects
    .filter((o) => o.queryable && filter(o))
    .map((o) => ({ value: o.name, label: o.label, detail: o.name, ...(o.custom ? { badge: t('settings.crm.custom') } : {}) }));
  return withNone ? [{ value: '', label: t('settings.crm.none') }, ...options] : options;
}

/** Options for a name the token cannot look up (viewer): just the saved choice. */
function savedOnly(name: string | null): ComboboxOption[] {
  return name ? [{ value: name, label: name, detail: name }] : [];
}

/** Fields that can hold tags, multi-select picklists (made for tags) before text areas, so the first offered is the likely one. */
function tagOptions(fields: readonly CrmFieldDescriptor[] | undefined, withNone: boolean): ComboboxOption[] {
  const tagFields = (fields ?? []).filter(isTagField);
  const options = [...tagFields.filter((f) => f.type === 'multipicklist'), ...tagFields.filter((f) => f.type !== 'multipicklist')].map((f) => ({ value: f.name, label: f.label, detail: f.name, badge: msg(`type.crm.${f.type}`) }));
  return withNone ? [{ value: '', label: t('settings.crm.none') }, ...options] : options;
}

/** MemberPulse's fixed tags, so an admin can add them to a restricted picklist or build automation on them. */
function renderTagValues(): TemplateResult {
  return html`<details class="tag-values">
    <summary>${t('settings.crm.tagValues')}</summary>
    <p class="help"><bdi>${t('settings.crm.tagValuesHelp')}</bdi></p>
    <dl>
      ${memberPulseTags.map((tag) => html`<dt><code>${tag.value}</code></dt><dd><bdi>${msg(`settings.tag.${tag.value}`, undefined, tag.label)}</bdi></dd>`)}
    </dl>
  </details>`;
}

/** Whether a remote list is loading for the first time: a refresh keeps the lists loaded before on screen. */
const firstLoad = (remote: Remote<unknown>) => remote.state === 'loading' && remote.value === undefined;

/**
 * A failure's alert with a reload. A refresh says nothing while it reads: the lists loaded before stay as they
 * are, and the button that started it says it is busy.
 */
function failureNote(remote: Remote<unknown>, failed: (reason: string) => string, reload: () => void): TemplateResult | typeof nothing {
  if (remote.state !== 'error') return nothing;
  return html`<div class="notice error inline" role="alert">${iconSvg(icon.error)}
    <p class="grow"><bdi>${failed(errorText(remote.error))}</bdi></p>
    <button class="mp-button small" type="button" @click=${(e: Event) => {
      // The note gives way to the loading state: focus waits on the card's heading just above.
      headingTakesFocusFrom(e, '#crm-heading');
      reload();
    }}>${t('settings.crm.reload')}</button>
  </div>`;
}

/** A combobox field for a CRM name (object or field), with its label, help, a warning `note` if any, and errors. */
function picker(view: CrmView, key: keyof CrmMapping, label: string, helpText: string, options: ComboboxOption[], value: string | null, required: boolean, note = ''): TemplateResult {
  const id = `crm-${key}`;
  const errors = view.errorsFor(id);
  return html`<div class="field" data-key=${key}>
    <span class="label" id="${id}-label">${labelText(label, required)}</span>
    <mp-combobox id=${id} .options=${options} .value=${value ?? ''} display-value=${options.find((o) => o.value === (value ?? ''))?.label ?? value ?? ''}
      label=${label} placeholder=${t(view.readOnly ? 'settings.crm.noneChosen' : key.endsWith('Object') ? 'settings.crm.pickObject' : 'settings.crm.pickField')}
      ?readonly=${view.locked} ?required=${required} ?invalid=${errors.length > 0} description=${[helpText, note, ...errors].filter(Boolean).join(' ')}
      @change=${(e: Event) => view.setCrm({ [key]: (e.target as HTMLInputElement).value || null })}></mp-combobox>
    <p id="${id}-help" class="help"><bdi>${helpText}</bdi></p>
    ${note ? html`<p class="help warning-text"><bdi>${note}</bdi></p>` : nothing}
    ${renderErrors(id, errors)}
  </div>`;
}

function mapper(view: CrmView, key: 'memberMappings' | 'orderMappings', objectName: string, fields: Remote<CrmFieldDescriptor[]>): TemplateResult {
  const id = `crm-${key}`;
  const errors = view.errorsFor(id);
  const objects = view.discovery.objects;
  const objectLabel = valueOf(objects)?.find((o) => o.name === objectName)?.label ?? objectName;
  const value = view.draft.crm[key];
  const targets = valueOf(fields) ?? [];
  const offersDefaults = key === 'memberMappings' && view.draft.platform === 'salesforce' && targets.length > 0 && !view.readOnly;
  // A row onto a field this object lacks (left from another member object) maps nothing: a standard row replaces it.
  const live = value.filter((m) => targets.some((f) => f.name === m.target));
  const { add: applicable, absent } = offersDefaults ? standardMemberMapping(live, targets) : { add: [], absent: [] };
  const sourceLabel = (source: string) => localizedSourceFields(key).find((f) => f.key === source)?.label ?? source;
  // A first load says so where the mapper would say it has no fields: it has none yet, but the CRM is connected.
  const loading = firstLoad(fields);
  return html`<div class="field mapper-field" data-key=${key}>
    <span class="label" id="${id}-label">${t(key === 'memberMappings' ? 'settings.crm.memberMappings' : 'settings.crm.orderMappings')}</span>
    ${failureNote(fields, (reason) => t('settings.crm.fieldsFailed', { object: objectLabel, reason }), () => view.discovery.loadFields(objectName, true))}
    ${applicable.length
      ? html`<div><button class="mp-button small apply-defaults" type="button" aria-disabled=${view.locked ? 'true' : nothing} @click=${(e: Event) => {
          // The button goes with what it applied: focus moves on to the mapper, and the count is announced.
          ((e.currentTarget as Element).getRootNode() as ShadowRoot).getElementById(id)?.focus();
          view.setCrm({ [key]: [...value.filter((m) => !applicable.some((a) => a.source === m.source)), ...applicable] });
          view.announce(t('settings.crm.defaultsApplied', { count: applicable.length }));
        }}>${t('settings.crm.applyDefaults')}</button></div>`
      : nothing}
    ${absent.length
      ? html`<p class="help"><bdi>${t('settings.crm.defaultsAbsent', { object: objectLabel, fields: formatList(absent.map((m) => t('settings.crm.defaultsAbsentField', { field: sourceLabel(m.source), apiName: m.target }))) })}</bdi></p>`
      : nothing}
    <mp-field-mapper id=${id} aria-labelledby="${id}-label" aria-describedby=${describedBy(id, false, errors)}
      label=${t(key === 'memberMappings' ? 'settings.crm.memberMappings' : 'settings.crm.orderMappings')}
      target-heading=${t('settings.crm.fieldOf', { object: objectLabel })}
      .sourceFields=${localizedSourceFields(key)} .targetFields=${targets} .value=${value}
      ?readonly=${view.readOnly} ?busy=${view.locked && !view.readOnly} aria-busy=${loading ? 'true' : nothing}
      @change=${(e: Event) => view.setCrm({ [key]: [...(e.target as MpFieldMapper).value] as FieldMapping[] })}>
      ${view.canDiscover
        ? loading
          ? html`<span slot="no-targets" role="status"><bdi>${t('settings.crm.loadingFields', { object: objectLabel })}</bdi></span>`
          : nothing
        : html`<span slot="no-targets"><bdi>${t(view.saved?.status === 'archived' ? 'settings.crm.archivedNoDiscovery' : 'settings.crm.noDiscoverRole', { object: objectLabel })}</bdi></span>`}
    </mp-field-mapper>
    ${renderErrors(id, errors)}
  </div>`;
}

/** The objects whose fields the section shows. */
function shownObjects({ crm }: CrmView['draft']): (string | null)[] {
  return [crm.memberObject, crm.orderObject, crm.tagDestination === 'relatedObject' ? crm.tagObject : null];
}

/** Loads the CRM's objects and the fields of every object the section shows, once. */
function loadDiscovery(view: CrmView): void {
  void view.discovery.loadObjects();
  for (const name of shownObjects(view.draft)) void view.discovery.loadFields(name);
}

/** What the last refresh brought: how many mapped fields the drift notice names now. */
function refreshedText(view: CrmView, platform: string): string {
  const count = view.drifted();
  return count ? t('settings.crm.refreshed', { platform, count }) : t('settings.crm.refreshedNoDrift', { platform });
}

/**
 * "Refresh from …": reads the objects and fields again past the server's cache, so a field created, removed or
 * retyped in the CRM shows (and its drift with it) at once. The button stays focused and says it is busy
 * meanwhile; then the live region says what came back, since the drift notice it may change is far above,
 * and a line under the button shows it. A failure is said by the section's own alert, as a first load's is.
 */
async function refresh(view: CrmView, platform: string): Promise<void> {
  if (await view.discovery.refresh(shownObjects(view.draft))) view.announce(refreshedText(view, platform));
}

/**
 * The refresh button's help; on a first load of the objects, the note that they are loading stands over it,
 * in the same grid cell, so nothing below moves when they arrive and the note goes.
 */
function refreshHelp(loading: boolean): TemplateResult {
  return html`<div class="stack">
    <p id="crm-refresh-help" class="help ${loading ? 'covered' : ''}"><bdi>${t('settings.crm.refreshHelp')}</bdi></p>
    ${loading ? html`<p class="help" role="status"><bdi>${t('settings.crm.loadingObjects')}</bdi></p>` : nothing}
  </div>`;
}

/**
 * The CRM part of seed 000, shown once the saved credentials are complete: member object, member field
 * mapping, tag destination and tag fields (only fields that can hold tags), the optional order object and
 * its mapping, and support-ticket notes.
 */
export function renderCrmSection(view: CrmView): TemplateResult {
  const crm = view.draft.crm;
  const d = view.discovery;
  const platform = findPlatform(view.draft.platform)?.name ?? '';
  if (view.canDiscover) loadDiscovery(view);
  const objects = valueOf(d.objects);
  const memberFieldList = d.fields(crm.memberObject);
  const tagFields = d.fieldsOf(crm.memberObject);
  const memberObjectLabel = objects?.find((o) => o.name === crm.memberObject)?.label ?? crm.memberObject ?? '';
  const objectChoices = (withNone: boolean, value: string | null, filter?: (o: CrmObjectSummary) => boolean) =>
    objects ? objectOptions(objects, withNone, filter) : savedOnly(value);
  const tagChoices = (withNone: boolean, value: string | null) => (tagFields ? tagOptions(tagFields, withNone) : savedOnly(value));

  return html`<section class="card crm" aria-labelledby="crm-heading">
    <div class="crm-head">
      ${heading(view.headingLevel, 1, t('settings.crm.heading'), 'crm-heading')}
      ${view.canDiscover
        ? // aria-disabled, not disabled, while it reads: a disabled button would drop focus to the page.
          html`<button part="crm-refresh" class="mp-button small quiet" type="button" aria-describedby="crm-refresh-help" aria-disabled=${d.refreshing ? 'true' : 'false'}
            @click=${() => void refresh(view, platform)}>${t(d.refreshing ? 'settings.crm.refreshing' : 'settings.crm.refresh', { platform })}</button>`
        : nothing}
    </div>
    ${view.canDiscover ? refreshHelp(firstLoad(d.objects)) : nothing}
    ${view.canDiscover && d.refreshed ? html`<p id="crm-refreshed" class="help"><bdi>${refreshedText(view, platform)}</bdi></p>` : nothing}
    ${view.canDiscover ? failureNote(d.objects, (reason) => t('settings.crm.objectsFailed', { reason }), () => d.loadObjects(true)) : nothing}
    ${picker(view, 'memberObject', t('settings.crm.memberObject'), t('settings.crm.memberObjectHelp'), objectChoices(false, crm.memberObject), crm.memberObject, true)}
    ${crm.memberObject
      ? mapper(view, 'memberMappings', crm.memberObject, memberFieldList)
      : html`<p class="help"><bdi>${t(view.readOnly ? 'settings.crm.noObjectYet' : 'settings.crm.chooseObjectFirst')}</bdi></p>${renderErrors('crm-memberMappings', view.errorsFor('crm-memberMappings'))}`}

    ${heading(view.headingLevel, 2, t('settings.crm.tags'), undefined, 'subheading')}
    <div class="field" data-key="tagDestination">
      <label class="label" for="crm-tagDestination">${t('settings.crm.tagDestination')}</label>
      <select id="crm-tagDestination" class="mp-select" aria-readonly=${view.locked ? 'true' : nothing} aria-invalid=${view.errorsFor('crm-tagDestination').length ? 'true' : 'false'}
        aria-describedby=${describedBy('crm-tagDestination', false, view.errorsFor('crm-tagDestination'))}
        @change=${(e: Event) => {
          const next = (e.target as HTMLSelectElement).value as TagDestination;
          view.setCrm({ tagDestination: next });
        }}>
        ${tagDestinations.map((dest) => html`<option value=${dest} dir="auto" ?selected=${dest === crm.tagDestination}>${msg(`settings.tagDestination.${dest}`, undefined, tagDestinationLabels[dest])}</option>`)}
      </select>
      ${renderErrors('crm-tagDestination', view.errorsFor('crm-tagDestination'))}
    </div>
    ${crm.tagDestination === 'relatedObject'
      ? picker(view, 'tagObject', t('settings.crm.tagObject'), t('settings.crm.tagObjectHelp'), objectChoices(false, crm.tagObject, (o) => o.custom), crm.tagObject, true)
      : nothing}
    ${crm.tagDestination === 'campaignMembership'
      ? html`<p class="help"><bdi>${t('settings.crm.campaignTags')}</bdi></p>`
      : crm.tagDestination === 'relatedObject'
        ? nothing
        : html`
          ${tagFields && tagOptions(tagFields, false).length === 0 ? html`<p class="help warning-text"><bdi>${t('settings.crm.noTagFields', { object: memberObjectLabel })}</bdi></p>` : nothing}
          ${picker(view, 'eventTagField', t('settings.crm.eventTag'), t('settings.crm.eventTagHelp'), tagChoices(false, crm.eventTagField), crm.eventTagField, true)}
          ${picker(view, 'courseTagField', t('settings.crm.courseTag'), t('settings.crm.courseTagHelp'), tagChoices(true, crm.courseTagField), crm.courseTagField, false)}
        `}
    ${renderTagValues()}

    ${heading(view.headingLevel, 2, t('settings.crm.orders'), undefined, 'subheading')}
    ${picker(view, 'orderObject', t('settings.crm.orderObject'), t('settings.crm.orderObjectHelp'), objectChoices(true, crm.orderObject), crm.orderObject, false,
      !crm.orderObject && crm.orderMappings.length && !view.readOnly ? t('settings.crm.orderMappingsDropped', { count: crm.orderMappings.length }) : '')}
    ${crm.orderObject ? mapper(view, 'orderMappings', crm.orderObject, d.fields(crm.orderObject)) : nothing}

    <div class="field toggle-field" data-key="supportTicketNotes">
      <label class="toggle">
        <input id="crm-supportTicketNotes" type="checkbox" role="switch" .checked=${crm.supportTicketNotes} aria-readonly=${view.locked ? 'true' : nothing}
          aria-describedby="crm-supportTicketNotes-help" @change=${(e: Event) => view.setCrm({ supportTicketNotes: (e.target as HTMLInputElement).checked })} />
        <span>${t('settings.crm.supportTicketNotes')}</span>
      </label>
      <p id="crm-supportTicketNotes-help" class="help"><bdi>${t('settings.crm.supportTicketNotesHelp')}</bdi></p>
    </div>
  </section>`;
}

/** The line under the usage meter: the calls used of the org's limit, then how many MemberPulse may use. */
function usageSentences({ used, limit, allotment }: ApiUsage): [string, string] {
  const over = allotment !== null && allotment > limit;
  return [t('settings.usage.text', { used, limit, count: limit }), allotment === null ? t('settings.usage.noAllotment') : t(over ? 'settings.usage.allotmentOverLimit' : 'settings.usage.allotment', { allotment })];
}

/** "Refresh usage": what comes back changes beside the button, which keeps focus, so it is said too. */
async function refreshUsage(view: CrmView): Promise<void> {
  await view.discovery.loadUsage(true);
  const usage = view.discovery.usage;
  if (usage.state === 'error') view.announce(t('settings.usage.failed', { reason: errorText(usage.error) }));
  else if (usage.state === 'ready') view.announce(usageSentences(usage.value).join(' '));
}

/** The org's API consumption against the allotment (seed 004), with a refresh. */
export function renderApiUsage(view: CrmView): TemplateResult | typeof nothing {
  if (!view.canDiscover) return nothing;
  void view.discovery.loadUsage();
  const usage = view.discovery.usage;
  const reading = valueOf(usage);
  // The allotment as saved now: a reading taken before a save that changed it would show the old one.
  const saved = view.saved?.config as Partial<SalesforceConfig> | undefined;
  const shown = reading && { ...reading, allotment: saved?.dailyApiAllotment ?? null };
  let figures: TemplateResult | typeof nothing = nothing;
  if (shown) {
    const { used, limit, allotment } = shown;
    // An allotment over the org's own limit (set before the org's edition changed, say) is no cap at all.
    const cap = Math.min(allotment ?? limit, limit);
    const [text, allowed] = usageSentences(shown);
    figures = html`<meter part="usage-meter" min="0" max=${cap || 1} .value=${used} low=${cap * 0.7} high=${cap * 0.9} optimum="0" aria-labelledby="usage-heading" aria-describedby="usage-text"></meter>
      <p id="usage-text"><bdi>${text}</bdi>
        <bdi>${allowed}</bdi></p>`;
  } else if (usage.state !== 'error') {
    // A bar and a line of like words, unseen under the shimmer: the settings below stay put when the figures come.
    figures = html`<div class="skeleton usage-pending" aria-hidden="true"><span class="usage-bar"></span><p>${usageSentences({ used: 0, limit: 15000, allotment: null }).join(' ')}</p></div>`;
  }
  const body = html`${figures}${usage.state === 'error' ? html`<p class="warning-text"><bdi>${t('settings.usage.failed', { reason: errorText(usage.error) })}</bdi></p>` : nothing}`;
  return html`<div class="usage" aria-busy=${usage.state === 'loading' ? 'true' : 'false'}>
    <div class="usage-head">
      <span id="usage-heading" class="label">${t('settings.usage.heading')}</span>
      <button class="mp-button small quiet" type="button" @click=${() => void refreshUsage(view)}>${t('settings.usage.refresh')}</button>
    </div>
    ${body}
  </div>`;
}
