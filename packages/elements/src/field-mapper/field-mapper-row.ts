import { html, nothing, type TemplateResult } from 'lit';
import {
  crmTypeLabel,
  updatePolicies,
  type CrmFieldDescriptor,
  type CrmFieldType,
  type FieldMapping,
  type MappingSuggestion,
} from '@memberpulse/integration-schema';
import { formatNumber, msg } from '../i18n/index.js';
import type { ComboboxSearch } from '../shared/combobox.js';
import { icon, iconSvg } from '../shared/icons.js';
import type { MapperRow, RowProblem, RowStatus } from './model.js';

/** `HTMLElement`, or a stand-in where there is none: an SSR framework imports the package in Node, where Lit's own elements load. */
const ElementBase: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as typeof HTMLElement);

/**
 * One row of `<mp-field-mapper>`: a light custom element (no shadow root, no rendering of its own) so the
 * row's status can be a custom state. Style rows from outside with
 * `mp-field-mapper::part(row):state(error)` (or `::part(row-error)`).
 *
 * @summary One row of `<mp-field-mapper>`; rendered only by it.
 */
export class MpFieldMapperRow extends ElementBase {
  readonly #internals: ElementInternals;
  #status: RowStatus | '' = '';

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  /** The row's status, mirrored to `:state(mapped|unmapped|error|warning)`. */
  get status(): RowStatus | '' {
    return this.#status;
  }

  set status(next: RowStatus | '') {
    if (next === this.#status) return;
    const states = this.#internals.states;
    if (this.#status) states.delete(this.#status);
    if (next) states.add(next);
    this.#status = next;
  }
}

if (!customElements.get('mp-field-mapper-row')) customElements.define('mp-field-mapper-row', MpFieldMapperRow);

declare global {
  interface HTMLElementTagNameMap {
    'mp-field-mapper-row': MpFieldMapperRow;
  }
}

/** What a row needs from its mapper. Buttons and controls carry `data-action` and `data-source`; the mapper listens once for all rows. */
export interface RowView {
  row: MapperRow;
  /** Position among the rows shown (for `aria-rowindex`). */
  index: number;
  /** Shown as it is: each row's field box and policy keep focus and read out their value, but take no change. */
  readonly: boolean;
  /** Held while the form around it saves (`busy`): read-only as well, but looking and laid out as editable. */
  held: boolean;
  disabled: boolean;
  /** No CRM fields to choose from (none loaded yet): the row's field box has nothing to offer. */
  noTargets: boolean;
  /** The pending auto-map suggestion for this row, with its target's metadata when known. */
  suggestion?: { suggestion: MappingSuggestion; target: CrmFieldDescriptor | undefined };
  /** Options for the row's target combobox. */
  search: ComboboxSearch;
}

/** A row problem in the current locale: the schema's English message unless a translation is registered. */
export function problemText(p: RowProblem): string {
  const key = p.level === 'warning' ? `rule.${p.code}.warning` : `rule.${p.code}`;
  const { sourceType, targetType } = p.params;
  const params = {
    ...p.params,
    sourceType: sourceType ? msg(`type.mp.${sourceType}`, {}, String(sourceType)) : '',
    targetType: targetType ? msg(`type.crm.${targetType}`, {}, crmTypeLabel(targetType as CrmFieldType)) : '',
  };
  return msg(key, params, p.code === 'duplicate_target_partner' ? undefined : p.message);
}

/** Renders one row: source, target combobox with its metadata, suggestion and problems, policy, clear. */
export function renderRow(view: RowView): TemplateResult {
  const { row, readonly, held, disabled } = view;
  const { source, mapping, target, status } = row;
  const key = source.key;
  const shown = target?.label ?? mapping?.target ?? '';
  const problems = row.problems.map(problemText);
  // Names sit in <bdi>, not under dir="auto" on their block: a name keeps its own direction while its line
  // keeps the page's start (an English name on a right-to-left page lines up on the right).
  return html`
    <mp-field-mapper-row role="row" aria-rowindex=${view.index + 2} data-source=${key} class="row ${status}" part="row row-${status}" .status=${status}>
      <div role="rowheader" class="cell source" part="source">
        <span class="source-label"><bdi>${source.label}</bdi></span>
        <span class="source-meta">
          ${source.required ? html`<span class="mp-badge required" part="required-badge">${msg('fieldMapper.required')}</span>` : nothing}
          <span class="source-type">${msg(`type.mp.${source.type}`, {}, source.type)}</span>
        </span>
      </div>
      <div role="cell" class="cell target">
        <mp-combobox
          part="combobox"
          exportparts="input: combobox-input, option, listbox"
          data-source=${key}
          data-mp-inherit-tokens
          .value=${mapping?.target ?? ''}
          .displayValue=${shown}
          .options=${view.search}
          .label=${msg('fieldMapper.targetFor', { source: source.label })}
          .listLabel=${msg('fieldMapper.listLabel', { source: source.label })}
          .description=${problems.join(' ')}
          .placeholder=${msg(readonly ? 'fieldMapper.notMapped' : 'fieldMapper.chooseTarget')}
          ?disabled=${disabled || (view.noTargets && !readonly)}
          ?readonly=${readonly || held}
          ?required=${source.required}
          ?invalid=${status === 'error'}
        ></mp-combobox>
        ${mapping && target ? renderTargetMeta(mapping, target) : nothing}
        ${view.suggestion && !target ? renderSuggestion(view, view.suggestion.suggestion, view.suggestion.target) : nothing}
        ${row.problems.length > 0
          ? html`<ul class="messages">
              ${row.problems.map(
                (p, i) => html`<li class="message ${p.level}" part="message">
                  ${iconSvg(p.level === 'error' ? icon.error : icon.warning)}
                  <span dir="auto"
                    ><span class="visually-hidden">${msg(p.level === 'error' ? 'fieldMapper.error' : 'fieldMapper.warning')} </span>${problems[i]}</span
                  >
                </li>`,
              )}
            </ul>`
          : nothing}
      </div>
      <div role="cell" class="cell policy">
        ${mapping
          ? html`<select
              class="mp-select"
              part="policy"
              data-action="policy"
              data-source=${key}
              aria-label=${msg('fieldMapper.policyFor', { source: source.label })}
              ?disabled=${disabled}
              aria-readonly=${readonly || held ? 'true' : nothing}
            >
              ${updatePolicies.map((p) => html`<option value=${p} dir="auto" ?selected=${p === mapping.policy}>${msg(`policy.${p}`)}</option>`)}
            </select>`
          : nothing}
      </div>
      <div role="cell" class="cell actions">
        ${mapping && !readonly
          ? html`<button
              class="mp-button quiet icon"
              part="clear-button"
              type="button"
              data-action="clear"
              data-source=${key}
              title=${msg('fieldMapper.clearFor', { source: source.label })}
              ?disabled=${disabled}
              aria-disabled=${held ? 'true' : nothing}
            >
              ${iconSvg(icon.clear)}
            </button>`
          : nothing}
      </div>
    </mp-field-mapper-row>
  `;
}

/** Under a described target's label: its API name, type and picklist. An undescribed one already shows its API name. */
function renderTargetMeta(mapping: FieldMapping, target: CrmFieldDescriptor): TemplateResult {
  const values = target.picklistValues;
  return html`<span class="target-meta">
    <code class="api-name">${mapping.target}</code>
    <span class="mp-badge">${msg(`type.crm.${target.type}`, {}, crmTypeLabel(target.type))}</span>
    ${values && values.length > 0
      ? html`<span class="values"
          >${msg('fieldMapper.picklistValues', {
            count: values.length,
            values: previewValues(values.map((v) => v.label)),
          })}</span
        >`
      : nothing}
  </span>`;
}

/** A picklist's first three values, and `common.moreItems` when it has more. */
function previewValues(labels: readonly string[]): string {
  const first = labels.slice(0, 3).join(msg('common.listSeparator'));
  return labels.length > 3 ? msg('common.moreItems', { items: first }) : first;
}

function renderSuggestion(view: RowView, s: MappingSuggestion, target: CrmFieldDescriptor | undefined): TemplateResult {
  const label = target?.label ?? s.target;
  const source = view.row.source;
  const percent = formatNumber(s.confidence, { style: 'percent', maximumFractionDigits: 0 });
  const level = s.confidence >= 0.85 ? 'high' : s.confidence >= 0.65 ? 'medium' : 'low';
  return html`<div class="suggestion" part="suggestion">
    <span class="suggestion-text">
      ${iconSvg(icon.sparkle)}
      <span class="visually-hidden">${msg('fieldMapper.suggested')}</span>
      <span class="suggestion-label"><bdi>${label}</bdi></span>
      <code class="api-name">${s.target}</code>
    </span>
    <span class="confidence ${level}" part="confidence">
      <meter class="meter" aria-hidden="true" min="0" max="1" .value=${s.confidence}></meter>
      <span>${msg('fieldMapper.suggestionNote', { confidence: msg('fieldMapper.confidence', { percent }), reason: msg(`fieldMapper.reason.${s.reason}`) })}</span>
    </span>
    <span class="suggestion-actions">
      <button
        class="mp-button small primary"
        type="button"
        data-action="accept"
        data-source=${source.key}
        aria-disabled=${view.held ? 'true' : nothing}
        aria-label=${msg('fieldMapper.acceptFor', { target: label, source: source.label })}
      >
        ${iconSvg(icon.check)}${msg('fieldMapper.accept')}
      </button>
      <button
        class="mp-button small quiet"
        type="button"
        data-action="dismiss"
        data-source=${source.key}
        aria-label=${msg('fieldMapper.dismissFor', { source: source.label })}
      >
        ${msg('fieldMapper.dismiss')}
      </button>
    </span>
  </div>`;
}
