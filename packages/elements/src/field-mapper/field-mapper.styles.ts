import { css } from 'lit';

/** Styles of `<mp-field-mapper>` (after the shared tokens and base). Narrow containers stack each row. */
export const styles = css`
  :host {
    display: block;
    container: mp-field-mapper / inline-size;
    min-inline-size: 0;
  }
  .icon {
    inline-size: 1rem;
    block-size: 1rem;
    flex: none;
    fill: currentColor;
  }
  .frame {
    border: var(--mp-field-mapper-border, 1px solid var(--_mp-color-border));
    border-radius: var(--_mp-radius-l);
    background: var(--_mp-color-surface);
  }

  /* Toolbar: search, filters, auto-map */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-s) var(--_mp-space-m);
    padding: var(--_mp-space-m);
    border-block-end: 1px solid var(--_mp-color-border);
  }
  .search {
    position: relative;
    flex: 1 1 16rem;
    min-inline-size: 0;
  }
  .search-icon {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: var(--_mp-space-s);
    translate: 0 -50%;
    color: var(--_mp-color-text-muted);
  }
  .search input {
    padding-inline-start: 2rem;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mp-space-xs) var(--_mp-space-m);
  }
  .filter {
    display: inline-flex;
    align-items: center;
    gap: var(--_mp-space-xs);
    min-block-size: 2rem;
    cursor: pointer;
    white-space: nowrap;
  }
  .filter input {
    inline-size: 1rem;
    block-size: 1rem;
    margin: 0;
    accent-color: var(--_mp-color-accent);
  }
  .filter-count {
    padding-inline: var(--_mp-space-xs);
    border-radius: var(--_mp-radius-pill);
    background: var(--_mp-color-surface-sunken);
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-xs);
  }
  .automap {
    margin-inline-start: auto;
  }

  /* Counts and suggestions */
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-xs) var(--_mp-space-l);
    padding-block: var(--_mp-space-s);
    padding-inline: var(--_mp-space-m);
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-s);
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mp-space-xs) var(--_mp-space-l);
  }
  .counts .needs {
    color: var(--_mp-color-danger);
    font-weight: var(--_mp-font-weight-strong);
  }
  .problems-link,
  .warnings-count {
    display: inline-flex;
    align-items: center;
    gap: var(--_mp-space-xs);
  }
  .problems-link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_mp-color-danger);
    font: inherit;
    font-weight: var(--_mp-font-weight-strong);
    text-decoration: underline;
    cursor: pointer;
  }
  .warnings-count {
    color: var(--_mp-color-warning);
  }
  .suggestion-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-s);
    margin-inline: var(--_mp-space-m);
    margin-block-end: var(--_mp-space-s);
    padding-block: var(--_mp-space-s);
    padding-inline: var(--_mp-space-m);
    border-radius: var(--_mp-radius-m);
    background: var(--_mp-color-accent-subtle);
    color: var(--_mp-color-text);
  }
  .suggestion-bar > .icon {
    color: var(--_mp-color-accent);
  }
  .bar-actions {
    display: flex;
    gap: var(--_mp-space-xs);
    margin-inline-start: auto;
  }

  /* Table */
  .table {
    border-block-start: 1px solid var(--_mp-color-border);
  }
  .row {
    display: grid;
    grid-template-columns: var(--mp-field-mapper-source-width, minmax(10rem, 1fr)) minmax(14rem, 2fr) minmax(9rem, var(--_mp-policy-width, 11rem)) 2.5rem;
    gap: var(--_mp-space-m);
    align-items: start;
    inline-size: 100%;
    min-block-size: var(--mp-field-mapper-row-min-height, 3.25rem);
    padding-block: var(--_mp-space-s);
    padding-inline: var(--_mp-space-m);
    border-block-end: 1px solid var(--_mp-color-border);
    background: var(--_mp-color-surface);
  }
  .row.header {
    min-block-size: 0;
    overflow-wrap: anywhere;
    align-items: end;
    background: var(--_mp-color-surface-sunken);
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-s);
    font-weight: var(--_mp-font-weight-strong);
  }
  .scroller {
    max-block-size: var(--mp-field-mapper-max-height, none);
    overflow: auto;
  }
  .body {
    inline-size: 100%;
  }
  mp-field-mapper-row:state(error) {
    box-shadow: inset 3px 0 0 var(--_mp-color-danger);
  }
  mp-field-mapper-row:state(warning) {
    box-shadow: inset 3px 0 0 var(--_mp-color-warning);
  }
  :host(:dir(rtl)) mp-field-mapper-row:state(error) {
    box-shadow: inset -3px 0 0 var(--_mp-color-danger);
  }
  :host(:dir(rtl)) mp-field-mapper-row:state(warning) {
    box-shadow: inset -3px 0 0 var(--_mp-color-warning);
  }
  .cell {
    min-inline-size: 0;
  }
  .source {
    display: flex;
    flex-direction: column;
    gap: var(--_mp-space-2xs);
    padding-block-start: var(--_mp-space-xs);
  }
  .source-label {
    font-weight: var(--_mp-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .source-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-xs);
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-xs);
  }
  .mp-badge.required {
    background: var(--_mp-color-danger-subtle);
    color: var(--_mp-color-danger);
    font-weight: var(--_mp-font-weight-strong);
  }
  .target {
    display: flex;
    flex-direction: column;
    gap: var(--_mp-space-xs);
  }
  .target-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-xs) var(--_mp-space-s);
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-xs);
  }
  .api-name {
    overflow-wrap: anywhere;
  }
  .values {
    overflow-wrap: anywhere;
  }
  .messages {
    display: flex;
    flex-direction: column;
    gap: var(--_mp-space-2xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .message {
    display: flex;
    align-items: flex-start;
    gap: var(--_mp-space-xs);
    font-size: var(--_mp-font-size-s);
    overflow-wrap: anywhere;
  }
  .message .icon {
    margin-block-start: 0.1em;
  }
  .message.error {
    color: var(--_mp-color-danger);
  }
  .message.warning {
    color: var(--_mp-color-warning);
  }

  /* Suggestion in a row */
  .suggestion {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-xs) var(--_mp-space-s);
    padding: var(--_mp-space-s);
    border: 1px dashed var(--_mp-color-accent);
    border-radius: var(--_mp-radius-m);
    background: var(--_mp-color-accent-subtle);
    font-size: var(--_mp-font-size-s);
  }
  .suggestion-text {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-xs);
    min-inline-size: 0;
  }
  .suggestion-text > .icon {
    color: var(--_mp-color-accent);
  }
  .suggestion-label {
    font-weight: var(--_mp-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .suggestion .api-name {
    color: var(--_mp-color-text-muted);
  }
  .confidence {
    display: inline-flex;
    align-items: center;
    gap: var(--_mp-space-xs);
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-xs);
  }
  /* A <meter>, not a width in a style attribute: a Content-Security-Policy without 'unsafe-inline' blocks those. */
  .meter {
    --_bar: var(--_mp-color-success);
    appearance: none;
    inline-size: 3rem;
    block-size: 0.375rem;
    border: 0;
    border-radius: var(--_mp-radius-pill);
    background: var(--_mp-color-border);
    overflow: hidden;
  }
  .confidence.medium .meter {
    --_bar: var(--_mp-color-accent);
  }
  .confidence.low .meter {
    --_bar: var(--_mp-color-warning);
  }
  .meter::-webkit-meter-bar {
    block-size: 100%;
    border: 0;
    background: transparent;
  }
  .meter::-webkit-meter-optimum-value {
    background: var(--_bar);
  }
  .meter::-moz-meter-bar {
    background: var(--_bar);
  }
  .suggestion-actions {
    display: inline-flex;
    gap: var(--_mp-space-xs);
    margin-inline-start: auto;
  }
  .suggestion-actions .icon {
    inline-size: 0.875rem;
    block-size: 0.875rem;
  }

  /* Empty states */
  .empty {
    margin: 0;
    padding: var(--_mp-space-xl) var(--_mp-space-m);
    color: var(--_mp-color-text-muted);
    text-align: center;
  }
  .empty p {
    margin: 0 0 var(--_mp-space-s);
  }
  .empty.notice {
    padding-block: var(--_mp-space-m);
    border-block-start: 1px solid var(--_mp-color-border);
    text-align: start;
    background: var(--_mp-color-warning-subtle);
    color: var(--_mp-color-text);
  }

  /* Narrow containers: each row stacks; column headers give way to the labels in each control. */
  @container mp-field-mapper (max-width: 40rem) {
    .row {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'source actions' 'target target' 'policy policy';
      gap: var(--_mp-space-s);
    }
    .row.header {
      display: none;
    }
    .source {
      grid-area: source;
    }
    .target {
      grid-area: target;
    }
    .policy {
      grid-area: policy;
    }
    .policy:empty {
      display: none;
    }
    .actions {
      grid-area: actions;
    }
    .automap {
      margin-inline-start: 0;
    }
  }

  @media (forced-colors: active) {
    mp-field-mapper-row:state(error),
    mp-field-mapper-row:state(warning) {
      border-inline-start: 3px solid CanvasText;
    }
  }
`;
