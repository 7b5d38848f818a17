// For browser tests only (web-test-runner's server command; see forced-colors.test-kit.ts for why apart).
import { executeServerCommand } from '@web/test-runner-commands';

/** What Chromium's accessibility tree says of one element. */
export interface AxNode {
  role: string;
  name: string;
  description: string;
  /** A control's value as read out: a text box's text, a select's or combobox's choice ('' for none). */
  value: string;
  /** A checkbox's, switch's or radio's state (false for other roles). */
  checked: boolean | 'mixed';
}

/**
 * The role, accessible name, description, value and checked state Chromium gives `element` (web-test-runner.config.mjs's plugin), for
 * nodes a11ySnapshot leaves out, such as a listbox's options or a fieldset's group. One at a time: the element is
 * found by a marker attribute.
 */
export async function axNode(element: Element): Promise<AxNode> {
  element.setAttribute('data-mp-ax-node', '');
  try {
    const node = await executeServerCommand<AxNode | null, { selector: string }>('ax-node', { selector: 'pierce/[data-mp-ax-node]' });
    if (!node) throw new Error('no accessibility node for the element');
    return node;
  } finally {
    element.removeAttribute('data-mp-ax-node');
  }
}
