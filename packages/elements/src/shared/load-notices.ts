import { html, type TemplateResult } from 'lit';
import type { ClientController } from '../provider/client-controller.js';

/** A calm note in place of a widget's content: nothing to retry, so a status rather than an alert. */
const statusNotice = (tone: 'warning' | 'info', text: string): TemplateResult => html`<div class="notice ${tone}" role="status"><p>${text}</p></div>`;

/** The widget has no client: `signIn` (its own sentence) while the provider awaits a token, else the developer's hint. */
export const notConnectedNotice = (client: ClientController, signIn: () => string): TemplateResult => statusNotice('warning', client.notConnectedText(signIn));

/** The server refused the role reading what the widget shows (an auditor). */
export const noReadRoleNotice = (text: string): TemplateResult => statusNotice('info', text);
