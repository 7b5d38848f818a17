// <mp-combobox> on its own in a host page (its other tests run inside the field mapper and the settings
// element): it follows the page's dark theme, and opening it from code gives the box focus, so leaving
// it closes the list.
import { MpCombobox } from './combobox.js';
import { equal, ok, settle } from '../provider/browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

async function mount(): Promise<MpCombobox> {
  const el = document.createElement('mp-combobox') as MpCombobox;
  el.label = 'Salesforce Contact field';
  el.options = [
    { value: 'Email', label: 'Email' },
    { value: 'Phone', label: 'Business Phone' },
  ];
  document.body.append(el);
  await settle(el);
  return el;
}

describe('<mp-combobox> standalone', () => {
  it('follows the page’s dark theme with no other mp element on the page', async () => {
    document.documentElement.dataset.mpTheme = 'dark';
    const el = await mount();
    try {
      const input = el.shadowRoot!.querySelector('input')!;
      equal(getComputedStyle(input).color, 'rgb(232, 235, 241)', 'the dark theme’s text colour');
    } finally {
      el.remove();
      delete document.documentElement.dataset.mpTheme;
    }
  });

  it('show() focuses the box, so focus leaving it closes the list', async () => {
    const el = await mount();
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      el.show();
      await settle(el);
      equal(el.shadowRoot!.activeElement, el.shadowRoot!.querySelector('input'), 'the box has focus');
      ok(el.open, 'the list is open');
      outside.focus();
      await settle(el);
      ok(!el.open, 'leaving the box closed the list');
    } finally {
      el.remove();
      outside.remove();
    }
  });
});
