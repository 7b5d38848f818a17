// <mp-combobox> on its own in a host page (its other tests run inside the field mapper and the settings
// element): it follows the page's dark theme, opening it from code gives the box focus, so leaving it
// closes the list, and typed text is kept or taken as a person expects (click then type, Tab, Escape).
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { MpCombobox } from './combobox.js';
import { announced, equal, inLocale, ok, readsLeftToRight, settle, until } from '../provider/browser-test-kit.js';
import { axNode } from '../provider/ax-node.test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => void) => void;

/** What a test put on the page, removed after it whether it passed or not. */
let placed: HTMLElement[] = [];
afterEach(() => {
  for (const node of placed) node.remove();
  placed = [];
  delete document.documentElement.dataset.mpTheme;
});

async function mount(
  options: MpCombobox['options'] = [
    { value: 'Email', label: 'Email' },
    { value: 'Phone', label: 'Business Phone' },
  ],
): Promise<MpCombobox> {
  const el = document.createElement('mp-combobox') as MpCombobox;
  el.label = 'Salesforce Contact field';
  el.options = options;
  document.body.append(el);
  placed.push(el);
  await settle(el);
  return el;
}

/** Focuses the box, types `text` into it and presses `key`, as a person would. */
async function typeThenPress(el: MpCombobox, text: string, key: string): Promise<void> {
  el.shadowRoot!.querySelector('input')!.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: key });
  await settle(el);
}

/** A real mouse click into the box, at its middle or `x` pixels from its start. */
async function clickInto(input: HTMLInputElement, x?: number): Promise<void> {
  const box = input.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + (x ?? box.width / 2)), Math.round(box.top + box.height / 2)] });
}

describe('<mp-combobox> standalone', () => {
  it('follows the page’s dark theme with no other mp element on the page', async () => {
    document.documentElement.dataset.mpTheme = 'dark';
    const el = await mount();
    const input = el.shadowRoot!.querySelector('input')!;
    equal(getComputedStyle(input).color, 'rgb(232, 235, 241)', 'the dark theme’s text colour');
  });

  it('a click into the box selects its text, so typing replaces the choice shown instead of adding to it', async () => {
    const el = await mount();
    el.value = 'Email';
    await settle(el);
    const input = el.shadowRoot!.querySelector('input')!;
    await clickInto(input);
    await sendKeys({ type: 'Busi' });
    await settle(el);
    equal(input.value, 'Busi', 'what was typed, alone');
  });

  it('Tab takes an option typed out exactly; Escape closes the list first, keeping the typing, and discards it second', async () => {
    const el = await mount();
    const changes: string[] = [];
    el.addEventListener('change', () => changes.push(el.value));
    const input = el.shadowRoot!.querySelector('input')!;
    await typeThenPress(el, 'business phone', 'Tab');
    equal(el.value, 'Phone', 'the option named exactly as typed is taken');
    equal(changes.join(), 'Phone', 'with a change event');

    input.focus();
    input.select();
    await sendKeys({ type: 'Ema' });
    await settle(el);
    ok(el.open, 'typing opened the list');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    ok(!el.open, 'the first Escape closes the list');
    equal(input.value, 'Ema', 'and keeps what was typed');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    equal(input.value, 'Business Phone', 'the second discards it');
    await sendKeys({ type: 'xyz' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    equal(el.value, 'Phone', 'text matching no option is not taken');

    input.focus();
    input.select();
    await sendKeys({ type: 'email' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    ok(!el.open, 'closed, the typing kept');
    await sendKeys({ press: 'Tab' });
    await settle(el);
    equal(el.value, 'Email', 'Tab takes the kept typing when it names an option exactly');
  });

  it('matches typing in the case rules of the kit’s locale, not the browser’s: Turkish “izmir” is İzmir and “ıspanak” Ispanak', async () => {
    await inLocale('tr', {}, async () => {
      const el = await mount([
        { value: 'izmir', label: 'İzmir' },
        { value: 'ispanak', label: 'Ispanak' },
        { value: 'memberId', label: 'Member ID' },
      ]);
      await typeThenPress(el, 'izmir', 'Tab');
      equal(el.value, 'izmir', 'the dotted capital İ is a capital i');
      const input = el.shadowRoot!.querySelector('input')!;
      input.focus();
      input.select();
      await typeThenPress(el, 'ıspanak', 'Tab');
      equal(el.value, 'ispanak', 'the capital I is a capital dotless ı');
      input.select();
      await typeThenPress(el, 'id', 'Enter');
      equal(el.value, 'memberId', 'yet a plain i finds it too, as in “ID” typed “id”');
    });
  });

  it('finds an option typed without its accents, as the field mapper’s search does: “societe” is Société', async () => {
    const el = await mount([
      { value: 'Partner', label: 'Partenaire' },
      { value: 'Company', label: 'Société' },
    ]);
    await typeThenPress(el, 'societe', 'Enter');
    equal(el.value, 'Company', 'the one option left is taken by Enter');
  });

  it('Tab takes no option when two share the typed label, and a click after Escape reopens the list on the kept typing', async () => {
    const el = await mount([
      { value: 'Email', label: 'Email' },
      { value: 'Email__c', label: 'Email' },
      { value: 'Phone', label: 'Business Phone' },
    ]);
    const input = el.shadowRoot!.querySelector('input')!;
    await typeThenPress(el, 'email', 'Tab');
    equal(el.value, '', 'two fields labelled Email: neither is guessed');
    await typeThenPress(el, 'busi', 'Escape');
    await clickInto(input);
    await settle(el);
    ok(el.open, 'the click opened the list');
    equal(input.value, 'busi', 'on the kept typing');
    await clickInto(input, 8);
    await settle(el);
    ok(el.open, 'a click into the typing only moves the caret');
    equal(input.value, 'busi', 'and keeps it');
  });

  it('says so when typing matches nothing (the empty list names no active option to read), once typing pauses, and not after a choice (WCAG 4.1.3)', async () => {
    const el = await mount();
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'zzz' });
    await settle(el);
    ok(el.open && el.shownOptions.length === 0, 'the list is open and empty');
    equal(input.getAttribute('aria-activedescendant'), null, 'no option for a screen reader to read');
    // Keys typed slowly (a loaded machine) are pauses too: what an earlier one said may still be there first.
    await until(() => announced(el).includes('“zzz”'), 'the announcement of all that was typed');
    equal(announced(el), 'Nothing matches “zzz”.', 'the empty result, in words');

    await sendKeys({ press: 'Escape' });
    await settle(el);
    equal(announced(el), '', 'closed, the live region no longer holds it for a screen reader to come across later');
    await sendKeys({ press: 'Escape' });
    input.select();
    await sendKeys({ type: 'qq' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'ema' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    equal(el.value, 'Email', 'chosen');
    await new Promise((r) => setTimeout(r, 900));
    ok(!announced(el).includes('qq'), `no stale “nothing matches” after the choice: “${announced(el)}”`);
  });

  it('says so when everything typing matches cannot be chosen (no option is active to read), as for one match and for more', async () => {
    const el = await mount([
      { value: 'Id', label: 'Contact ID', disabled: true, note: 'read-only in the CRM' },
      { value: 'Jigsaw', label: 'Jigsaw Contact ID', disabled: true, note: 'read-only in the CRM' },
      { value: 'Email', label: 'Email' },
    ]);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'contact id' });
    await settle(el);
    ok(el.open && el.shownOptions.length === 2, 'two matches listed');
    equal(input.getAttribute('aria-activedescendant'), null, 'neither active');
    await until(() => announced(el) !== '', 'an announcement');
    equal(announced(el), 'None of these 2 options can be chosen.', 'the result, in words');
    input.select();
    await sendKeys({ type: 'jigsaw' });
    await until(() => announced(el) === 'The one option here cannot be chosen.', 'one match, in words');
    input.select();
    await sendKeys({ type: 'ema' });
    await settle(el);
    ok(input.getAttribute('aria-activedescendant'), 'a choosable match is active');
    await new Promise((r) => setTimeout(r, 700));
    equal(announced(el), '', 'and read as itself, not announced');
  });

  it('names each option by its label (whether it is the current choice, and any note) and describes it by the rest, as shown', async () => {
    const el = await mount([
      { value: 'Email', label: 'Email', detail: 'Email', badge: 'Email' },
      { value: 'Accreditation__c', label: 'Accreditation', detail: 'Accreditation__c', badge: 'Custom', hint: 'Used by Tier', note: 'Holds 80 characters.', tone: 'warning' },
      { value: '', label: 'None' },
    ]);
    el.value = 'Email';
    el.show();
    await until(() => el.shadowRoot!.querySelectorAll('[role="option"]').length === 3, 'the options');
    const [email, accreditation, none] = [
      await axNode(el.shadowRoot!.querySelector('#option-0')!),
      await axNode(el.shadowRoot!.querySelector('#option-1')!),
      await axNode(el.shadowRoot!.querySelector('#option-2')!),
    ];
    equal(`${email!.name} | ${email!.description}`, 'Email (current choice) | Email Email', 'the label, then type and API name as the description');
    equal(`${accreditation!.name} | ${accreditation!.description}`, 'Accreditation Holds 80 characters. | Custom Accreditation__c Used by Tier', 'the note heard in the name, the hint described');
    equal(`${none!.name} | ${none!.description}`, 'None | ', 'an option of a label alone has no description');
  });

  it('show() focuses the box, so focus leaving it closes the list', async () => {
    const el = await mount();
    const outside = document.createElement('button');
    document.body.append(outside);
    placed.push(outside);
    el.show();
    await settle(el);
    equal(el.shadowRoot!.activeElement, el.shadowRoot!.querySelector('input'), 'the box has focus');
    ok(el.open, 'the list is open');
    outside.focus();
    await settle(el);
    ok(!el.open, 'leaving the box closed the list');
  });

  it('lays the list’s English count and key hints out left to right on a right-to-left page', async () => {
    const el = await mount();
    el.dir = 'rtl';
    el.show();
    await settle(el);
    const [count, hints] = [...el.shadowRoot!.querySelectorAll('[part="footer"] > span')];
    for (const line of [count!, hints!]) {
      const shown = readsLeftToRight(line);
      ok(shown.ltr, `“${shown.text}” in its own order`);
    }
  });

  it('read-only: Tab reaches the box, which reads out its name and choice, and no typing, click, Space, Enter or arrow opens or changes it', async () => {
    const before = document.createElement('button');
    document.body.append(before);
    placed.push(before);
    const el = await mount();
    el.value = 'Phone';
    el.readonly = true;
    await settle(el);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    const input = el.shadowRoot!.querySelector('input')!;
    before.focus();
    await sendKeys({ press: 'Tab' });
    equal(el.shadowRoot!.activeElement, input, 'Tab reaches the box');
    const ax = await axNode(input);
    equal(`${ax.role}: ${ax.name} = ${ax.value}`, 'combobox: Salesforce Contact field = Business Phone', 'its name and choice read out');
    equal(input.getAttribute('aria-readonly'), 'true', 'said to be read-only');
    for (const key of ['ArrowDown', 'ArrowUp', 'PageDown', 'Enter', 'Space']) {
      await sendKeys({ press: key });
      await settle(el);
      ok(!el.open, `${key} opens no list`);
    }
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await sendKeys({ type: 'Email' });
    await settle(el);
    ok(!el.open, 'Alt+↓ and typing open no list');
    equal(input.value, 'Business Phone', 'typing changed nothing');
    await clickInto(input);
    await settle(el);
    ok(!el.open, 'a click opens no list');
    el.show();
    await settle(el);
    ok(!el.open, 'nor does show()');
    await sendKeys({ press: 'Tab' });
    equal(`${el.value} ${changes}`, 'Phone 0', 'the choice stands, and no change was fired');
  });
});
