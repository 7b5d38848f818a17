import { css } from 'lit';

/** Styles of `<mp-combobox>` (after the shared tokens and base). */
export const styles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  .icon {
    inline-size: 1rem;
    block-size: 1rem;
    flex: none;
    fill: currentColor;
  }
  .box {
    position: relative;
  }
  .box input {
    padding-inline-end: 2rem;
    text-overflow: ellipsis;
  }
  :host([invalid]) .box input {
    border-color: var(--_mp-color-danger);
  }
  .chevron {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-end: var(--_mp-space-s);
    translate: 0 -50%;
    color: var(--_mp-color-text-muted);
    pointer-events: none;
  }
  :host([readonly]) .chevron {
    visibility: var(--_mp-readonly-chevron, hidden);
  }
  .popup {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    min-inline-size: min(var(--mp-combobox-popup-min-width, 22rem), calc(100vw - 16px));
    border: 1px solid var(--_mp-color-border);
    border-radius: var(--_mp-radius-m);
    background: var(--_mp-color-surface-raised);
    color: var(--_mp-color-text);
    box-shadow: 0 8px 24px var(--_mp-color-shadow);
    overflow: hidden;
  }
  .popup:popover-open {
    display: flex;
    flex-direction: column;
  }
  .scroller {
    max-block-size: min(var(--mp-combobox-list-max-height, 20rem), calc(var(--_room, 20rem) - 2.5rem));
    overflow: auto;
    overscroll-behavior: contain;
  }
  .items {
    min-block-size: 1px;
  }
  .option {
    display: flex;
    flex-direction: column;
    gap: var(--_mp-space-2xs);
    inline-size: 100%;
    padding-block: var(--_mp-space-s);
    padding-inline: var(--_mp-space-m);
    border-block-end: 1px solid var(--_mp-color-border);
    cursor: pointer;
  }
  .option.active {
    background: var(--_mp-color-accent-subtle);
    box-shadow: inset 3px 0 0 var(--_mp-color-accent);
  }
  :host(:dir(rtl)) .option.active {
    box-shadow: inset -3px 0 0 var(--_mp-color-accent);
  }
  .option[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_mp-color-text-muted);
  }
  .main,
  .sub {
    display: flex;
    align-items: center;
    gap: var(--_mp-space-s);
    min-inline-size: 0;
  }
  .label {
    overflow-wrap: anywhere;
  }
  .option[aria-disabled='true'] .label {
    text-decoration: line-through;
  }
  .main .mp-badge {
    margin-inline-start: auto;
  }
  .check {
    color: var(--_mp-color-accent);
  }
  .sub {
    flex-wrap: wrap;
    font-size: var(--_mp-font-size-xs);
    color: var(--_mp-color-text-muted);
  }
  .sub code {
    overflow-wrap: anywhere;
  }
  .note {
    display: flex;
    align-items: flex-start;
    gap: var(--_mp-space-xs);
    font-size: var(--_mp-font-size-xs);
  }
  .note.error {
    color: var(--_mp-color-danger);
  }
  .note.warning {
    color: var(--_mp-color-warning);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_mp-space-s);
    padding-block: var(--_mp-space-xs);
    padding-inline: var(--_mp-space-m);
    border-block-start: 1px solid var(--_mp-color-border);
    background: var(--_mp-color-surface-sunken);
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-xs);
  }
  @media (pointer: coarse) {
    .footer .hint {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .option.active {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
  }
`;
