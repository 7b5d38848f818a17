import { css, type CSSResult } from 'lit';

/**
 * Shared building blocks for every mp element, after {@link tokens}: host typography, a visible
 * focus ring, `.visually-hidden`, and the `.mp-button` / `.mp-input` / `.mp-select` / `.mp-badge` controls.
 * All spacing uses logical properties so right-to-left layouts need nothing extra.
 */
export const base: CSSResult = css`
  :host {
    font-family: var(--_mp-font-family);
    font-size: var(--_mp-font-size-m);
    line-height: var(--_mp-font-line-height);
    color: var(--_mp-color-text);
    -webkit-text-size-adjust: 100%;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    margin: -1px;
    padding: 0;
    border: 0;
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--_mp-focus-ring);
  }
  /* An element with a sticky bar sets the clearance (inherited into nested elements), so the browser scrolls a
     focused control clear of the bar instead of under it (WCAG 2.4.11); else the focus ring's room is kept. */
  :is(input, select, textarea, button, summary, a[href], [tabindex]) {
    scroll-margin-block: 0.5rem var(--_mp-focus-clearance-end, 0.5rem);
  }
  code,
  .mono {
    font-family: var(--_mp-font-family-mono);
    font-size: 0.92em;
  }

  .mp-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_mp-space-xs);
    min-block-size: 2rem;
    padding-block: var(--_mp-space-xs);
    padding-inline: var(--_mp-space-m);
    border: 1px solid var(--_mp-color-border-strong);
    border-radius: var(--_mp-radius-m);
    background: var(--_mp-color-surface-raised);
    color: var(--_mp-color-text);
    font: inherit;
    font-weight: var(--_mp-font-weight-strong);
    white-space: nowrap;
    cursor: pointer;
  }
  .mp-button:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_mp-color-surface-hover);
  }
  /* aria-disabled where a disabled button would drop keyboard focus to the page (a form's submit while it saves). */
  .mp-button:disabled,
  .mp-button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .mp-button.primary {
    background: var(--_mp-color-accent);
    border-color: var(--_mp-color-accent);
    color: var(--_mp-color-accent-text);
  }
  .mp-button.primary:hover:not(:disabled, [aria-disabled='true']) {
    background: color-mix(in srgb, var(--_mp-color-accent) 88%, var(--_mp-color-text));
  }
  .mp-button.quiet {
    border-color: transparent;
    background: transparent;
  }
  .mp-button.quiet:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_mp-color-surface-hover);
  }
  .mp-button.small {
    min-block-size: 1.625rem;
    padding-inline: var(--_mp-space-s);
    font-size: var(--_mp-font-size-s);
  }
  .mp-button.icon {
    inline-size: 2rem;
    padding: 0;
  }

  .mp-input,
  .mp-select {
    min-block-size: 2rem;
    inline-size: 100%;
    padding-block: var(--_mp-space-xs);
    padding-inline: var(--_mp-space-s);
    border: 1px solid var(--_mp-color-border-strong);
    border-radius: var(--_mp-radius-m);
    background: var(--_mp-color-surface);
    color: var(--_mp-color-text);
    font: inherit;
  }
  /* A closed select narrower than its choice shows where it is cut; the open list shows the choices whole. */
  .mp-select {
    text-overflow: ellipsis;
  }
  .mp-input::placeholder {
    color: var(--_mp-color-text-muted);
    opacity: 1;
  }
  .mp-input:disabled,
  .mp-select:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /*
   * Read-only (a viewer's, an archived record's) keeps full contrast and focus, on a sunken ground, with no arrow
   * to suggest a list. A form held only while its call runs is marked .held, whose --_mp-readonly-* properties
   * (they reach the elements inside it too) keep its controls' look, so a save does not make them flicker; what
   * stays read-only whatever runs (what the role may not change) is marked .stays-readonly inside it.
   */
  .held {
    --_mp-readonly-ground: var(--_mp-color-surface);
    --_mp-readonly-appearance: auto;
    --_mp-readonly-chevron: visible;
  }
  .stays-readonly {
    --_mp-readonly-ground: initial;
    --_mp-readonly-appearance: initial;
    --_mp-readonly-chevron: initial;
  }
  .mp-input[readonly],
  .mp-select[aria-readonly='true'] {
    background: var(--_mp-readonly-ground, var(--_mp-color-surface-sunken));
  }
  .mp-select[aria-readonly='true'] {
    cursor: default;
    appearance: var(--_mp-readonly-appearance, none);
  }
  .mp-input:focus-visible,
  .mp-select:focus-visible {
    border-color: var(--_mp-color-focus);
  }

  .mp-badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_mp-space-2xs);
    padding-block: 0;
    padding-inline: var(--_mp-space-xs);
    border-radius: var(--_mp-radius-s);
    background: var(--_mp-color-surface-sunken);
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-xs);
    font-weight: var(--_mp-font-weight-normal);
    line-height: 1.5;
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline: 2px solid CanvasText;
    }
  }
`;
