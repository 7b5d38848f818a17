import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .frame {
    display: grid;
    gap: var(--_mp-space-m);
    padding: var(--_mp-space-l);
    border: var(--mp-endpoint-grid-border, 1px solid var(--_mp-color-border));
    border-radius: var(--_mp-radius-l);
    background: var(--_mp-color-surface);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_mp-space-m);
  }
  #heading {
    margin: 0;
    font-size: var(--_mp-font-size-l);
  }
  /* A label longer than a narrow grid (a translation) wraps rather than spill out of it. */
  .new-button {
    max-inline-size: 100%;
    white-space: normal;
  }
  #heading:focus {
    outline: none;
  }
  .dialog-actions.discard {
    align-items: center;
  }
  .discard p {
    flex: 1 1 12rem;
    font-weight: 600;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-m);
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_mp-space-s);
    color: var(--_mp-color-text-muted);
  }
  .sort .mp-select {
    inline-size: auto;
  }
  /* Where the label and the field do not fit side by side, the field goes below rather than the label wrap. */
  .search {
    flex-wrap: wrap;
  }
  .search .mp-input {
    inline-size: 12rem;
    min-inline-size: 0;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--_mp-space-s) var(--_mp-space-m);
    border-block-end: 1px solid var(--_mp-color-border);
    text-align: start;
    vertical-align: middle;
  }
  thead th {
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-s);
    font-weight: var(--_mp-font-weight-strong);
    white-space: nowrap;
  }
  tbody th {
    font-weight: var(--_mp-font-weight-strong);
  }
  /* A name wraps between its words; a single word breaks only where it is longer than the cap. The cap keeps a
     name of one long word from widening the table past the grid (overflow-wrap: anywhere did that by letting
     the table squeeze the column until every name broke mid-word). */
  .name > span {
    display: block;
    max-inline-size: max(10rem, 30cqi);
    overflow-wrap: break-word;
    /* A block aligns by its own direction (dir=auto): a name in another script would leave the cell's start edge. */
    text-align: -webkit-match-parent;
    text-align: match-parent;
  }
  td.description {
    inline-size: 60%;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .actions-col,
  .row-actions {
    inline-size: 1%;
    white-space: nowrap;
  }
  .row-buttons {
    display: flex;
    gap: var(--_mp-space-s);
  }
  tr.highlight {
    background: var(--_mp-color-accent-subtle);
  }
  .sort-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_mp-space-xs);
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .sort-mark {
    font-size: 0.75em;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_mp-space-s);
    color: var(--_mp-color-text-muted);
  }
  .pager span {
    margin-inline-end: auto;
  }
  .loading {
    display: grid;
    gap: var(--_mp-space-m);
    padding-block: var(--_mp-space-s);
  }
  .skeleton-row {
    display: grid;
    grid-template-columns: 1fr 2fr 6rem;
    gap: var(--_mp-space-l);
  }
  .field {
    display: grid;
    gap: var(--_mp-space-xs);
  }
  .field label {
    font-weight: var(--_mp-font-weight-strong);
  }
  textarea.mp-input {
    resize: vertical;
  }
  /* As tall as the name it shows (its two rows are for a browser without field-sizing); muted, as it never changes. */
  textarea.name-readonly {
    color: var(--_mp-color-text-muted);
    field-sizing: content;
    resize: none;
  }

  /* Narrow containers: each row becomes a card with its labels. */
  @container (max-width: 560px) {
    .frame {
      padding: var(--_mp-space-m);
    }
    /* Out of sight, not display: none: screen readers keep each cell's column head. */
    thead th:not(:first-child) {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    thead tr {
      display: block;
    }
    thead th:first-child {
      display: block;
      border: 0;
      padding-inline: 0;
    }
    table,
    tbody,
    tr,
    tbody th,
    tbody td {
      display: block;
    }
    tbody tr {
      padding-block: var(--_mp-space-s);
      border-block-end: 1px solid var(--_mp-color-border);
    }
    tbody th,
    tbody td,
    tbody td.description {
      inline-size: auto;
      border: 0;
      padding: var(--_mp-space-2xs) 0;
    }
    .name > span {
      max-inline-size: none;
    }
    .row-actions {
      inline-size: auto;
      padding-block-start: var(--_mp-space-s);
    }
    /* Each cell shows its hidden column head's label; empty alternative text, since screen readers have the head. */
    tbody td::before {
      content: attr(data-label) / '';
      display: block;
      color: var(--_mp-color-text-muted);
      font-size: var(--_mp-font-size-s);
      font-weight: var(--_mp-font-weight-strong);
      white-space: normal;
    }
    .skeleton-row {
      grid-template-columns: 1fr;
      gap: var(--_mp-space-xs);
    }
  }

  /* Forced colours drop the highlight's background. */
  @media (forced-colors: active) {
    tr.highlight {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
  }
`;
