import { html, nothing, type TemplateResult } from 'lit';
import type { ClientController } from '../provider/client-controller.js';
import { errorReference, errorText } from '../provider/error-text.js';
import { headingTakesFocusFrom } from '../provider/focus-return.js';
import { icon, iconSvg } from './icons.js';

/** A calm note in place of a widget's content: nothing to retry, so a status rather than an alert. */
const statusNotice = (tone: 'warning' | 'info', text: string): TemplateResult => html`<div class="notice ${tone}" role="status"><p><bdi>${text}</bdi></p></div>`;

/** The widget has no client: `signIn` (its own sentence) while the provider awaits a token, else the developer's hint. */
export const notConnectedNotice = (client: ClientController, signIn: () => string): TemplateResult => statusNotice('warning', client.notConnectedText(signIn));

/** The server refused the role reading what the widget shows (an auditor). */
export const noReadRoleNotice = (text: string): TemplateResult => statusNotice('info', text);

/**
 * The widget's content could not be loaded: `lead` and the error's own words, its request id, and a retry.
 * The notice gives way to the loading state, so a retry pressed with focus on it moves focus to the widget's
 * `#heading` first.
 */
export function loadFailedNotice(lead: string, error: unknown, retry: { label: string; onClick(): void }): TemplateResult {
  const reference = errorReference(error);
  const onClick = (e: Event) => {
    headingTakesFocusFrom(e);
    retry.onClick();
  };
  return html`<div class="notice error" role="alert">${iconSvg(icon.error)}
    <div class="grow">
      <p><bdi>${lead}</bdi> <bdi>${errorText(error)}</bdi></p>
      ${reference ? html`<p class="muted small">${reference}</p>` : nothing}
      <div class="actions"><button class="mp-button" type="button" @click=${onClick}>${retry.label}</button></div>
    </div>
  </div>`;
}
