import { html, type TemplateResult } from 'lit';
import { msg } from '../i18n/index.js';

/**
 * A row button's text: `action` shows, and screen readers hear what it acts on too, in the order
 * `common.actionFor` words it ("Edit Orders"; German `{name} {action}`: "Orders Bearbeiten").
 */
export function actionFor(action: string, name: string): TemplateResult {
  const text = msg('common.actionFor', { action, name });
  const at = text.indexOf(action);
  if (at < 0) return html`<span aria-hidden="true">${action}</span><span class="visually-hidden">${text}</span>`;
  return html`<span class="visually-hidden">${text.slice(0, at)}</span>${action}<span class="visually-hidden">${text.slice(at + action.length)}</span>`;
}
