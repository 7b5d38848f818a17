import { css, type CSSResult } from 'lit';

/**
 * Pieces the API widgets share after `tokens` and `base`: notices (success, error, warning, info),
 * native `<dialog>` confirmations, skeleton rows for loading, empty states and field messages.
 */
export const panelStyles: CSSResult = css`
  .notice {
    display: flex;
    align-items: flex-start;
    gap: var(--_mp-space-s);
    padding: var(--_mp-space-s) var(--_mp-space-m);
    border: 1px solid var(--_mp-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--_mp-radius-m);
    background: var(--_mp-color-surface-sunken);
    /* Notices and dialogs quote what people typed and API names (an endpoint, a CRM field): a long unbroken one wraps. */
    overflow-wrap: anywhere;
  }
  .notice > .grow {
    flex: 1;
    min-inline-size: 0;
  }
  .notice p {
    margin: 0;
  }
  .notice p + p,
  .notice ul {
    margin-block-start: var(--_mp-space-xs);
  }
  .notice.success {
    border-color: var(--_mp-color-success);
    background: var(--_mp-color-success-subtle);
  }
  .notice.error {
    border-color: var(--_mp-color-danger);
    background: var(--_mp-color-danger-subtle);
  }
  .notice.warning {
    border-color: var(--_mp-color-warning);
    background: var(--_mp-color-warning-subtle);
  }
  .notice.info {
    border-color: var(--_mp-color-accent);
    background: var(--_mp-color-accent-subtle);
  }
  .notice .icon {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: currentColor;
  }
  .notice.success .icon {
    color: var(--_mp-color-success);
  }
  .notice.error .icon {
    color: var(--_mp-color-danger);
  }
  .notice.warning .icon {
    color: var(--_mp-color-warning);
  }
  .notice .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mp-space-s);
    margin-block-start: var(--_mp-space-s);
  }
  /* A long label ("Save my changes over theirs", longer translated) wraps inside 320 px rather than widen the notice past its card (WCAG 1.4.10). */
  .notice .actions .mp-button {
    max-inline-size: 100%;
    white-space: normal;
  }
  .muted {
    color: var(--_mp-color-text-muted);
  }
  .small {
    font-size: var(--_mp-font-size-s);
  }
  .field-error {
    display: flex;
    gap: var(--_mp-space-xs);
    margin: var(--_mp-space-xs) 0 0;
    color: var(--_mp-color-danger);
    font-size: var(--_mp-font-size-s);
    overflow-wrap: anywhere;
  }
  .field-error .icon {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
    fill: currentColor;
    margin-block-start: 1px;
  }
  .help {
    margin: var(--_mp-space-2xs) 0 0;
    color: var(--_mp-color-text-muted);
    font-size: var(--_mp-font-size-s);
  }
  [aria-invalid='true'] {
    border-color: var(--_mp-color-danger) !important;
  }

  dialog {
    inline-size: min(32rem, calc(100vw - 2 * var(--_mp-space-l)));
    padding: 0;
    border: 1px solid var(--_mp-color-border);
    border-radius: var(--_mp-radius-l);
    background: var(--_mp-color-surface-raised);
    color: var(--_mp-color-text);
    box-shadow: 0 12px 32px var(--_mp-color-shadow);
    overflow-wrap: anywhere;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-body {
    display: grid;
    gap: var(--_mp-space-m);
    padding: var(--_mp-space-xl);
  }
  .dialog-body h2 {
    margin: 0;
    font-size: var(--_mp-font-size-l);
  }
  .dialog-body p {
    margin: 0;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_mp-space-s);
  }
  .mp-button.danger {
    background: var(--_mp-color-danger);
    border-color: var(--_mp-color-danger);
    color: var(--_mp-color-surface);
  }
  .mp-button.danger:hover:not(:disabled, [aria-disabled='true']) {
    background: color-mix(in srgb, var(--_mp-color-danger) 88%, var(--_mp-color-text));
  }

  .skeleton {
    display: block;
    block-size: 0.9rem;
    border-radius: var(--_mp-radius-s);
    background: linear-gradient(90deg, var(--_mp-color-surface-sunken), var(--_mp-color-surface-hover), var(--_mp-color-surface-sunken));
    background-size: 200% 100%;
    animation: mp-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes mp-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  /* Forced colours drop the shimmer's gradient, which left a loading panel blank: the bars keep a system colour. */
  @media (forced-colors: active) {
    .skeleton {
      forced-color-adjust: none;
      background: GrayText;
    }
  }

  .empty {
    display: grid;
    justify-items: center;
    gap: var(--_mp-space-s);
    padding: var(--_mp-space-2xl) var(--_mp-space-l);
    text-align: center;
  }
  .empty :is(h2, h3, h4, h5, h6) {
    margin: 0;
    font-size: var(--_mp-font-size-l);
  }
  .empty p {
    margin: 0;
    max-inline-size: 36rem;
    color: var(--_mp-color-text-muted);
  }
`;
