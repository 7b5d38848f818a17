import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    /* The sticky save bar's height and a little air, until the element measures the bar: focused controls scroll clear of it. */
    --_mp-focus-clearance-end: 6rem;
  }
  .all {
    display: grid;
    gap: var(--_mp-space-xl);
  }
  .frame {
    display: grid;
    gap: var(--_mp-space-l);
    padding: var(--_mp-space-xl);
    border: var(--mp-integration-settings-border, 1px solid var(--_mp-color-border));
    border-radius: var(--_mp-radius-l);
    background: var(--_mp-color-surface);
  }
  .header {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_mp-space-xs) var(--_mp-space-m);
    align-items: center;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-s);
  }
  .intro {
    grid-column: 1;
    margin: 0;
  }
  .header-actions {
    grid-column: 2;
    grid-row: 1 / span 2;
  }
  #heading {
    margin: 0;
    font-size: 1.25rem;
    /* A translated category name can be one long word ("Kundenbeziehungsmanagement"). */
    overflow-wrap: anywhere;
  }
  #heading:focus,
  #crm-heading:focus {
    outline: none;
  }
  #crm-heading {
    margin: 0;
    font-size: var(--_mp-font-size-l);
  }
  .subheading {
    margin: var(--_mp-space-s) 0 0;
    font-size: var(--_mp-font-size-m);
    color: var(--_mp-color-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .tag-values summary {
    inline-size: fit-content;
    min-block-size: 24px;
    cursor: pointer;
    color: var(--_mp-color-accent);
  }
  .tag-values dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_mp-space-2xs) var(--_mp-space-s);
    margin: var(--_mp-space-2xs) 0 0;
    font-size: var(--_mp-font-size-s);
  }
  .tag-values dd {
    margin: 0;
    color: var(--_mp-color-text-muted);
  }
  .tag-values code {
    overflow-wrap: anywhere;
  }
  .status.enabled {
    background: var(--_mp-color-success-subtle);
    color: var(--_mp-color-success);
  }
  .status.draft {
    background: var(--_mp-color-accent-subtle);
    color: var(--_mp-color-accent);
  }
  .status.archived {
    background: var(--_mp-color-warning-subtle);
    color: var(--_mp-color-warning);
  }
  .empty-note {
    margin: 0;
    color: var(--_mp-color-text-muted);
    overflow-wrap: anywhere;
  }
  fieldset {
    margin: 0;
    min-inline-size: 0;
  }
  .platforms {
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-block-end: var(--_mp-space-s);
    font-weight: var(--_mp-font-weight-strong);
  }
  .platform-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
    gap: var(--_mp-space-s);
  }
  .platform {
    display: flex;
    gap: var(--_mp-space-s);
    align-items: flex-start;
    padding: var(--_mp-space-m);
    border: 1px solid var(--_mp-color-border);
    border-radius: var(--_mp-radius-m);
    cursor: pointer;
  }
  .platform.chosen {
    border-color: var(--_mp-color-accent);
    background: var(--_mp-color-accent-subtle);
  }
  .platform input {
    margin-block-start: 0.2rem;
    accent-color: var(--_mp-color-accent);
  }
  /* The whole card shows keyboard focus, not only its small radio. */
  .platform:has(input:focus-visible) {
    box-shadow: var(--_mp-focus-ring);
  }
  .platform input:focus-visible {
    box-shadow: none;
  }
  /* A name or translated description can be one long word: it wraps inside the card, not past it. */
  .platform-text {
    display: grid;
    gap: var(--_mp-space-2xs);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .card {
    display: grid;
    gap: var(--_mp-space-m);
    padding: var(--_mp-space-l);
    border: 1px solid var(--_mp-color-border);
    border-radius: var(--_mp-radius-m);
    background: var(--_mp-color-surface-raised);
  }
  .card > legend {
    float: left;
    inline-size: 100%;
    margin: 0;
    font-size: var(--_mp-font-size-l);
  }
  .field {
    display: grid;
    gap: var(--_mp-space-xs);
    max-inline-size: 40rem;
  }
  .mapper-field {
    max-inline-size: none;
  }
  /* Fields on their way are news, not the warning the mapper gives when it has none. */
  mp-field-mapper[aria-busy='true']::part(empty) {
    background: none;
    color: var(--_mp-color-text-muted);
  }
  /* The field's small gap would leave the button touching the mapper's frame below it. */
  .apply-defaults {
    margin-block-end: var(--_mp-space-xs);
  }
  .label {
    font-weight: var(--_mp-font-weight-strong);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_mp-space-s);
    font-weight: var(--_mp-font-weight-strong);
    cursor: pointer;
  }
  .toggle input {
    inline-size: 1.1rem;
    block-size: 1.1rem;
    accent-color: var(--_mp-color-accent);
  }
  /* Held (a viewer's, an archived record's): nothing to press, though it keeps focus and full contrast. */
  .platform:has(input[aria-disabled='true']),
  .toggle:has(input[aria-readonly='true']) {
    cursor: default;
  }
  .secret-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-s);
  }
  .secret-row .mp-input {
    flex: 1 1 14rem;
    inline-size: auto;
  }
  .secret-state {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-xs);
    /* Who wrote it is a token's subject, often an email address with no break in it. */
    overflow-wrap: anywhere;
  }
  .secret-state .icon {
    inline-size: 1rem;
    block-size: 1rem;
    fill: var(--_mp-color-success);
    /* In the line of its text, so a long one wraps beside it rather than leave it alone on a line. */
    vertical-align: -0.2em;
    margin-inline-end: var(--_mp-space-xs);
  }
  .warning-text {
    color: var(--_mp-color-warning);
  }
  .test {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-s);
  }
  .test .notice {
    flex-basis: 100%;
    scroll-margin-block-end: var(--_mp-focus-clearance-end, 0px);
  }
  .notice.inline {
    align-items: center;
  }
  .summary ul,
  .drift ul {
    margin: var(--_mp-space-xs) 0 0;
    padding-inline-start: var(--_mp-space-l);
  }
  .summary a {
    /* One link per line of the list: tall enough to be a 24 px target (WCAG 2.2, 2.5.8). */
    display: inline-block;
    /* Top, so the list's bullet stays on a wrapped link's first line (an inline block's baseline is its last). */
    vertical-align: top;
    min-block-size: 24px;
    padding-block: 2px;
    color: inherit;
    text-decoration: underline;
  }
  /* The transparent outline shows in forced colours, which drop the box shadow. */
  .summary:focus,
  .conflict:focus {
    outline: 2px solid transparent;
    box-shadow: var(--_mp-focus-ring);
  }
  .drift li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mp-space-s);
  }
  .table-wrap {
    overflow-x: auto;
  }
  /* Fixed columns: words wrap at spaces and break only when one alone is wider than its column. Below its
     minimum the table scrolls in its wrapper rather than break every word. */
  table.compare {
    inline-size: max(100%, 26rem);
    table-layout: fixed;
    margin-block-start: var(--_mp-space-s);
    border-collapse: collapse;
    font-size: var(--_mp-font-size-s);
  }
  .compare th:first-child {
    inline-size: 40%;
  }
  .compare th,
  .compare td {
    padding: var(--_mp-space-xs) var(--_mp-space-s);
    border-block-end: 1px solid var(--_mp-color-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .usage {
    display: grid;
    gap: var(--_mp-space-xs);
    max-inline-size: 40rem;
  }
  .usage-pending {
    display: grid;
    gap: inherit;
    block-size: auto;
  }
  .usage-pending > * {
    visibility: hidden;
  }
  .usage-head,
  .crm-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mp-space-s);
    align-items: center;
    justify-content: space-between;
  }
  .usage p {
    margin: 0;
  }
  .stack {
    display: grid;
  }
  .stack > * {
    grid-area: 1 / 1;
  }
  .covered {
    visibility: hidden;
  }
  /* A long label (longer still translated) wraps inside 320 px rather than pushing the page sideways. */
  .apply-defaults,
  .crm-head .mp-button {
    white-space: normal;
    text-align: start;
  }
  /* The usage meter in the theme's colours, light and dark, instead of the browser's green, yellow and red. */
  meter,
  .usage-bar {
    appearance: none;
    inline-size: 100%;
    block-size: 0.75rem;
    border: 1px solid var(--_mp-color-border-strong);
    border-radius: var(--_mp-radius-pill);
    background: var(--_mp-color-surface-sunken);
    overflow: hidden;
  }
  meter::-webkit-meter-bar {
    border: 0;
    background: transparent;
  }
  meter::-webkit-meter-optimum-value {
    background: var(--_mp-color-success);
  }
  meter::-webkit-meter-suboptimum-value {
    background: var(--_mp-color-warning);
  }
  meter::-webkit-meter-even-less-good-value {
    background: var(--_mp-color-danger);
  }
  meter:-moz-meter-optimum::-moz-meter-bar {
    background: var(--_mp-color-success);
  }
  meter:-moz-meter-sub-optimum::-moz-meter-bar {
    background: var(--_mp-color-warning);
  }
  meter:-moz-meter-sub-sub-optimum::-moz-meter-bar {
    background: var(--_mp-color-danger);
  }
  .loading {
    display: grid;
    gap: var(--_mp-space-m);
  }
  .loading .skeleton:nth-child(odd) {
    inline-size: 60%;
  }
  .footer {
    position: var(--mp-integration-settings-footer-position, sticky);
    inset-block-end: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_mp-space-s);
    margin-inline: calc(-1 * var(--_mp-space-xl));
    margin-block-end: calc(-1 * var(--_mp-space-xl));
    padding: var(--_mp-space-m) var(--_mp-space-xl);
    border-block-start: 1px solid var(--_mp-color-border);
    border-end-start-radius: var(--_mp-radius-l);
    border-end-end-radius: var(--_mp-radius-l);
    background: var(--_mp-color-surface);
  }
  /* In a short window (a phone on its side, 200% zoom) a bar that stays in view would cover much of it. */
  @media (max-height: 30em) {
    .footer {
      position: var(--mp-integration-settings-footer-position, static);
    }
  }
  /* Takes the room the buttons leave and wraps in it, so the buttons keep to one row. */
  .save-state {
    flex: 1 1 12rem;
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-s);
    overflow-wrap: anywhere;
  }
  .save-state.dirty {
    color: var(--_mp-color-warning);
    font-weight: var(--_mp-font-weight-strong);
  }

  @container (max-width: 560px) {
    .frame {
      padding: var(--_mp-space-m);
    }
    .footer {
      margin-inline: calc(-1 * var(--_mp-space-m));
      margin-block-end: calc(-1 * var(--_mp-space-m));
      padding: var(--_mp-space-s) var(--_mp-space-m);
    }
    .footer .mp-button {
      flex: 1 1 auto;
    }
    .save-state {
      flex-basis: 100%;
    }
    .card {
      padding: var(--_mp-space-m);
    }
    .header {
      grid-template-columns: 1fr;
    }
    .header-actions {
      grid-column: 1;
      grid-row: auto;
    }
    /* The comparison stacks: each setting, then the saved value and yours under their column's name. */
    table.compare,
    .compare tbody,
    .compare tr,
    .compare th:first-child,
    .compare td {
      display: block;
      inline-size: auto;
    }
    /* Out of sight, not display: none: screen readers keep each value's column head. */
    .compare thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .compare th:first-child {
      border: 0;
      padding-inline: 0;
    }
    .compare td {
      padding-inline: var(--_mp-space-s) 0;
      border: 0;
    }
    .compare tr {
      border-block-end: 1px solid var(--_mp-color-border);
      padding-block-end: var(--_mp-space-xs);
    }
    .compare td::before {
      content: attr(data-label) / '';
      display: block;
      color: var(--_mp-color-text-muted);
      font-weight: var(--_mp-font-weight-strong);
    }
  }
`;
