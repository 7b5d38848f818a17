// <mp-field-mapper> in real Chromium: keyboard use, auto-map, the schema's rules, form association, events,
// axe-core and hostile metadata. Data comes from the realistic Salesforce Contact fixture.
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { memberFields, type FieldMapping } from '@memberpulse/integration-schema';
import { MpFieldMapper } from './field-mapper.js';
import { buildOptions, prepareTargets } from './model.js';
import type { MpCombobox } from '../shared/combobox.js';
import { announced, equal, expectNoViolations, inGerman, inLocale, ok, settle, until } from '../provider/browser-test-kit.js';
import { tabStops, tryToChange } from '../provider/keyboard.test-kit.js';
import { deepActiveElement } from '../provider/focus-return.js';
import { axNode } from '../provider/ax-node.test-kit.js';
import {
  completeMemberMappings,
  contactFields,
  hostileContactFields,
  hostileSourceField,
  largeContactFields,
  partialMemberMappings,
  problemMemberMappings,
  sfField,
} from '../test-fixtures/index.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => void) => void;

let placed: HTMLElement[] = [];
afterEach(() => {
  for (const node of placed) node.remove();
  placed = [];
});

async function mount(init: Partial<Pick<MpFieldMapper, 'sourceFields' | 'targetFields' | 'value' | 'name' | 'readonly' | 'disabled' | 'busy'>>, parent?: HTMLElement) {
  const el = document.createElement('mp-field-mapper');
  Object.assign(el, { sourceFields: memberFields, targetFields: contactFields, ...init });
  const container = parent ?? document.body;
  container.append(el);
  if (!parent) placed.push(el);
  await settle(el);
  return el;
}

const root = (el: MpFieldMapper) => el.shadowRoot!;
const combo = (el: MpFieldMapper, source: string) => root(el).querySelector<MpCombobox>(`mp-combobox[data-source="${source}"]`);
const rowOf = (el: MpFieldMapper, source: string) => root(el).querySelector(`mp-field-mapper-row[data-source="${source}"]`);
const rowText = (el: MpFieldMapper, source: string) => rowOf(el, source)?.textContent?.replace(/\s+/g, ' ') ?? '';
const mapped = (el: MpFieldMapper) => Object.fromEntries(el.value.map((m) => [m.source, m.target]));

async function openList(el: MpFieldMapper, source: string, query?: string) {
  const box = combo(el, source)!;
  box.focus();
  if (query === undefined) box.show();
  else {
    const input = box.shadowRoot!.querySelector('input')!;
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await box.updateComplete;
  await settle(el);
  return box;
}

const optionEls = (box: MpCombobox) => [...box.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];

describe('<mp-field-mapper>', () => {
  it('offers the field named like the MemberPulse field first, and standard fields before custom ones of the same rank', async () => {
    const email = memberFields.find((f) => f.key === 'email')!;
    const targets = [
      sfField('Alumni_Email__c', 'email', 'Alumni Email', { custom: true }),
      sfField('Board_Email__c', 'email', 'Board Email', { custom: true }),
      sfField('Email', 'email', 'Email'),
      sfField('Assistant_Email__c', 'email', 'Assistant Email', { custom: true }),
      sfField('Secondary_Email', 'email', 'Secondary Email'),
    ];
    const names = (query: string) => buildOptions(email, prepareTargets(targets), new Map(), undefined, query).map((o) => o.target.name);
    equal(names('')[0], 'Email', 'opened empty');
    equal(names('mail')[0], 'Email', 'filtered by “mail”');
    equal(names('mail').join(), 'Email,Secondary_Email,Alumni_Email__c,Assistant_Email__c,Board_Email__c', 'then standard, then custom');
  });
  it('orders fields of equal rank as the locale’s alphabet does: Polish Ł after L, not after Z', async () => {
    const city = memberFields.find((f) => f.key === 'city')!;
    const targets = ['Zamość', 'Łódź', 'Lublin', 'Mazury'].map((label, i) => sfField(`Town_${i}__c`, 'string', label, { custom: true }));
    await inLocale('pl', {}, async () => {
      const labels = buildOptions(city, prepareTargets(targets), new Map(), undefined, '').map((o) => o.target.label);
      equal(labels.join(), 'Lublin,Łódź,Mazury,Zamość', 'Polish order');
    });
  });

  it('finds fields typed in the locale’s case and without accents: Turkish “ısı” is Isı, “societe” is Société', async () => {
    const company = memberFields.find((f) => f.key === 'company')!;
    const targets = ['Isı Tercihi', 'İl', 'Société', 'Member ID'].map((label, i) => sfField(`Pick_${i}__c`, 'string', label, { custom: true }));
    const labels = (query: string) => buildOptions(company, prepareTargets(targets), new Map(), undefined, query).map((o) => o.target.label);
    await inLocale('tr', {}, async () => {
      equal(labels('ısı').join(), 'Isı Tercihi', 'the capital I is a dotless ı in Turkish');
      equal(labels('il').join(), 'İl', 'and the dotted İ a dotted i');
      equal(labels('id').join(), 'Member ID', 'yet a plain i finds the capital I too: “id” is ID');
    });
    equal(labels('societe').join(), 'Société', 'accents are not needed to find a field');
  });

  it('maps a row with the keyboard alone: Tab to its combobox, type, arrows, Enter; Escape closes without change', async () => {
    const el = await mount({ value: partialMemberMappings });
    const changes: Event[] = [];
    el.addEventListener('change', (e) => changes.push(e));
    el.focus();
    const inCombobox = () => (deepActiveElement()?.getRootNode() as ShadowRoot | undefined)?.host?.localName === 'mp-combobox';
    for (let i = 0; i < 20 && !inCombobox(); i++) await sendKeys({ press: 'Tab' });
    // Tab reaches the first row's combobox (Member ID) after the toolbar.
    let input = deepActiveElement() as HTMLInputElement;
    equal(input.getAttribute('role'), 'combobox', 'focus is on a combobox');
    equal((input.getRootNode() as ShadowRoot).host.getAttribute('data-source'), 'memberId', 'the first row');

    await sendKeys({ type: 'member i' });
    await settle(el);
    const box = combo(el, 'memberId')!;
    equal(input.getAttribute('aria-expanded'), 'true', 'typing opens the list');
    const active = box.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!;
    ok(active.textContent!.includes('Member_ID__c'), `best match first, got ${active.textContent}`);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    equal(mapped(el).memberId, 'Member_ID__c', 'Enter maps the highlighted field');
    equal(changes.length, 1, 'one change event');
    equal(input.getAttribute('aria-expanded'), 'false', 'the list closes');

    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    equal(input.getAttribute('aria-expanded'), 'true', 'ArrowDown opens the list');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    equal(input.getAttribute('aria-expanded'), 'false', 'Escape closes');
    equal(mapped(el).memberId, 'Member_ID__c', 'Escape changes nothing');

    // Tab on to the policy select and the clear button, then clear with Enter.
    await sendKeys({ press: 'Tab' });
    equal((deepActiveElement() as HTMLElement).dataset.action, 'policy', 'Tab reaches the policy');
    await sendKeys({ press: 'Tab' });
    equal((deepActiveElement() as HTMLElement).dataset.action, 'clear', 'then the clear button');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    equal(mapped(el).memberId, undefined, 'cleared');
    input = deepActiveElement() as HTMLInputElement;
    equal(input.getAttribute('role'), 'combobox', 'focus returns to the row combobox');
  });

  it('reaches every row with Tab, rows beyond the rendered window included', async () => {
    const el = await mount({ value: completeMemberMappings });
    const last = memberFields[memberFields.length - 1]!.key;
    ok(!combo(el, last), 'the last row is not rendered at first');
    el.focus();
    const seen = new Set<string>();
    for (let i = 0; i < 80 && !seen.has(last); i++) {
      await sendKeys({ press: 'Tab' });
      await settle(el);
      const host = (deepActiveElement()?.getRootNode() as ShadowRoot | undefined)?.host;
      if (host?.localName === 'mp-combobox') seen.add(host.getAttribute('data-source')!);
    }
    equal([...seen].join(), memberFields.map((f) => f.key).join(), 'every row’s combobox, in order');
  });

  it('auto-maps the realistic Contact: Email→Email, First Name→FirstName, Company→Account.Name, with confidence; keeps the admin’s choices', async () => {
    const admin: FieldMapping[] = [{ source: 'phone', target: 'MobilePhone', policy: 'neverBlank' }];
    const el = await mount({ value: admin });
    equal(contactFields.length, 400, 'fixture size');
    const events: Event[] = [];
    el.addEventListener('mp-automap', (e) => events.push(e));
    root(el).querySelector<HTMLButtonElement>('[part=automap-button]')!.click();
    await settle(el);
    const s = Object.fromEntries(el.suggestions.map((x) => [x.source, x.target]));
    equal(s.email, 'Email', 'email');
    equal(s.firstName, 'FirstName', 'first name');
    equal(s.lastName, 'LastName', 'last name');
    equal(s.company, 'Account.Name', 'company');
    equal(s.membershipStatus, 'Membership_Status__c', 'membership status');
    equal(s.emailOptOut, 'HasOptedOutOfEmail', 'opt-out');
    equal(s.phone, undefined, 'no suggestion over the admin’s phone mapping');
    ok(!Object.values(s).includes('MobilePhone'), 'no suggestion onto a target the admin used');
    equal(events.length, 1, 'mp-automap fired');
    ok(/Auto-map found \d+ suggestions/.test(announced(el)), 'result announced');
    ok(/95% match/.test(rowText(el, 'email')), `confidence shown: ${rowText(el, 'email')}`);
    equal(el.value.length, 1, 'nothing applied before accepting');

    root(el).querySelector<HTMLButtonElement>(`[data-action=accept][data-source=company]`)!.click();
    await settle(el);
    equal(mapped(el).company, 'Account.Name', 'accepted one row');
    [...root(el).querySelectorAll<HTMLButtonElement>('[part=suggestion-bar] button')][0]!.click();
    await settle(el);
    equal(mapped(el).email, 'Email', 'accept all');
    equal(mapped(el).phone, 'MobilePhone', 'the admin’s choice stands');
    equal(el.suggestions.length, 0, 'no suggestions left');
    ok(el.checkValidity(), 'required fields now mapped');
  });

  it('counts a mapping onto a field the object lacks as unmapped, and auto-map replaces it', async () => {
    const stale: FieldMapping[] = [
      { source: 'email', target: 'Email__c', policy: 'always' },
      { source: 'phone', target: 'MobilePhone', policy: 'neverBlank' },
    ];
    const el = await mount({ value: stale });
    const counts = () => root(el).querySelector('.counts')!.textContent!.replace(/\s+/g, ' ');
    equal(el.counts.mapped, 1, 'only the mapping onto a field the object has counts');
    equal(el.counts.requiredMapped, 0, 'Email is required and maps nothing');
    ok(/0 of \d+ required/.test(counts()), `the counter says so: ${counts()}`);

    el.autoMap();
    await settle(el);
    equal(el.suggestions.find((s) => s.source === 'email')?.target, 'Email', 'a suggestion for the broken row');
    ok(rowOf(el, 'email')!.querySelector('[part="suggestion"]'), `shown in the row, to accept or dismiss there: ${rowText(el, 'email')}`);
    el.acceptSuggestions(['email']);
    await settle(el);
    equal(el.value.filter((m) => m.source === 'email').length, 1, 'the suggestion replaced the broken mapping, not added a second');
    equal(mapped(el).email, 'Email', 'now onto Email');
    equal((rowOf(el, 'email') as HTMLElement & { status: string }).status, 'mapped', 'the row is no longer an error');
    equal(el.counts.requiredMapped, 1, 'and counts');
  });

  it('applies the schema’s type rules: incompatible targets disabled with the reason, risky ones warned', async () => {
    const el = await mount({ value: [] });
    const box = await openList(el, 'joinDate', 'email opt');
    const option = optionEls(box).find((o) => o.textContent!.includes('HasOptedOutOfEmail'))!;
    ok(option, 'the boolean field is listed');
    equal(option.getAttribute('aria-disabled'), 'true', 'but disabled');
    ok(option.textContent!.includes('Join Date (Date) cannot be written into Email Opt Out (Checkbox).'), `with the reason: ${option.textContent}`);
    option.click();
    await settle(el);
    equal(el.value.length, 0, 'a disabled option cannot be chosen');
    const dateOption = optionEls(await openList(el, 'joinDate', 'member since'))[0]!;
    equal(dateOption.getAttribute('aria-disabled'), null, 'a date field is allowed');

    el.value = [
      { source: 'company', target: 'Short_Code__c', policy: 'always' },
      { source: 'membershipLevel', target: 'Chapter__c', policy: 'always' },
    ];
    await settle(el);
    ok(/holds 10 characters; Company can be up to 255/.test(rowText(el, 'company')), 'length risk warned');
    ok(/restricted picklist/.test(rowText(el, 'membershipLevel')), 'restricted picklist warned');
    ok(rowOf(el, 'company')!.matches(':state(warning)'), 'row :state(warning)');
    equal(el.counts.warnings, 2, 'two warnings counted');
    el.value = [...el.value, { source: 'city', target: 'Short_Code__c', policy: 'always' }];
    await settle(el);
    ok(rowOf(el, 'company')!.matches(':state(error)') && rowText(el, 'company').includes('holds 10 characters'), 'Company now shows an error beside its warning');
    const rowsWithWarnings = [...root(el).querySelectorAll('mp-field-mapper-row')].filter((r) => r.querySelector('.message.warning')).length;
    equal(el.counts.warnings, rowsWithWarnings, 'the warning count says how many rows show a warning, errors or not');
  });

  it('offers safe targets before risky ones, unless the admin typed a field’s exact name', async () => {
    const el = await mount({ value: [] });
    const names = async (typed: string) => optionEls(await openList(el, 'email', typed)).map((o) => o.querySelector('code')?.textContent?.trim());
    const forMail = await names('mail');
    equal(forMail[0], 'Email', `"mail" offers Email first, not ${forMail[0]}`);
    ok(forMail.includes('MailingCity'), 'the Mailing fields are still listed');
    const forCity = await names('mailingcity');
    equal(forCity[0], 'MailingCity', 'a name typed in full comes first even with a warning');
  });

  it('marks a target used elsewhere and reports duplicates as errors on both rows', async () => {
    const el = await mount({ value: completeMemberMappings });
    ok(el.checkValidity(), 'complete mapping is valid');
    const box = await openList(el, 'membershipLevel', 'first name');
    const used = optionEls(box).find((o) => o.textContent!.includes('FirstName'))!;
    ok(used.textContent!.includes('Used by First Name'), `marked as used: ${used.textContent}`);
    used.click();
    await settle(el);
    equal(mapped(el).membershipLevel, 'FirstName', 'chosen (a duplicate is allowed to be entered, then reported)');
    ok(/FirstName is already mapped from First Name/.test(rowText(el, 'membershipLevel')), 'error on the second row');
    ok(/FirstName is also mapped from Membership Level/.test(rowText(el, 'firstName')), 'and on the first');
    ok(rowOf(el, 'firstName')!.matches(':state(error)'), 'row :state(error)');
    ok(!el.checkValidity(), 'invalid');
    ok(el.validity.customError, 'custom error');
    ok(el.validationMessage.includes('FirstName is already mapped from First Name'), el.validationMessage);
    ok(el.matches(':state(invalid)'), 'element :state(invalid)');
  });

  it('searches both sides and filters unmapped-only and problems-only, with counts', async () => {
    const el = await mount({ value: [...partialMemberMappings, { source: 'company', target: 'Name', policy: 'always' }] });
    const summary = () => root(el).querySelector('[part=summary]')!.textContent!.replace(/\s+/g, ' ');
    ok(summary().includes('5 of 16 mapped'), summary());
    ok(summary().includes('3 of 3 required'), summary());
    const search = root(el).querySelector<HTMLInputElement>('#search')!;
    search.value = 'business phone';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    const rows = () => [...root(el).querySelectorAll('mp-field-mapper-row')].map((r) => r.querySelector('.source-label')!.textContent);
    equal(rows().join(), 'Phone', 'found by its CRM label');
    search.value = '';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const [unmapped, problems] = root(el).querySelectorAll<HTMLInputElement>('[part=filter] input');
    problems!.click();
    await settle(el);
    equal(rows().join(), 'Company', 'problems only');
    problems!.click();
    unmapped!.click();
    await settle(el);
    equal(rows().length, 11, 'unmapped only');
    ok(summary().includes('Showing 11 of 16'), summary());
  });

  it('says how many rows each change of the search or filters leaves: typing, Escape, either filter, the errors button (WCAG 4.1.3)', async () => {
    const el = await mount({ value: problemMemberMappings });
    el.checkValidity();
    await settle(el);
    const shownNow = async (what: string, change: () => unknown) => {
      // Awaited: sendKeys types through the test runner, and a count read mid-word is not the last one announced.
      await change();
      await settle(el);
      // As the summary counts them: only the rows near the view are rendered.
      const shown = /Showing (\d+) of/.exec(root(el).querySelector('[part=summary]')!.textContent!);
      const count = shown ? Number(shown[1]) : 16;
      await until(() => announced(el) === `${count} field${count === 1 ? '' : 's'} shown.`, `${what}: ${count} announced`);
      return count;
    };
    const search = root(el).querySelector<HTMLInputElement>('#search')!;
    search.focus();
    await shownNow('typing', () => sendKeys({ type: 'namezzz' }));
    equal(await shownNow('Escape', () => sendKeys({ press: 'Escape' })), 16, 'Escape brings every row back');
    const [unmapped, problems] = root(el).querySelectorAll<HTMLInputElement>('[part=filter] input');
    const onlyProblems = await shownNow('problems only', () => problems!.click());
    ok(onlyProblems < 16, 'fewer rows');
    await shownNow('problems only off', () => problems!.click());
    await shownNow('unmapped only', () => unmapped!.click());
    await shownNow('unmapped only off', () => unmapped!.click());
    equal(await shownNow('the errors button', () => root(el).querySelector<HTMLButtonElement>('#problems')!.click()), onlyProblems, 'as problems only');
  });

  it('counts each row the problems-only filter keeps once, also one with an error and a warning', async () => {
    const el = await mount({ value: problemMemberMappings });
    el.checkValidity();
    await settle(el);
    const [, problems] = root(el).querySelectorAll<HTMLInputElement>('[part=filter] input');
    const badge = Number(problems!.closest('label')!.querySelector('.filter-count')!.textContent!.replace(/\D/g, ''));
    problems!.click();
    await settle(el);
    const summary = root(el).querySelector('[part=summary]')!.textContent!.replace(/\s+/g, ' ');
    ok(summary.includes(`Showing ${badge} of 16`), `the badge (${badge}) says how many rows the filter shows: ${summary}`);
  });

  it('counts errors as errors beside the warnings, not as “problems”, the filter’s word for both', async () => {
    const el = await mount({ value: problemMemberMappings });
    el.checkValidity();
    await settle(el);
    ok(el.counts.errors > 0 && el.counts.warnings > 0, 'errors and warnings both');
    const summary = root(el).querySelector('[part=summary]')!.textContent!.replace(/\s+/g, ' ');
    ok(summary.includes(`${el.counts.errors} error`) && !/\d problem/.test(summary), `counted as the rows call them (“Error:”): ${summary}`);
  });

  it('lines an English field name up with the right-hand edge on a right-to-left page', async () => {
    const page = document.createElement('div');
    page.dir = 'rtl';
    document.body.append(page);
    placed.push(page);
    const el = await mount({ value: partialMemberMappings }, page);
    const label = root(el).querySelector('.source-label')!;
    const text = document.createRange();
    text.selectNodeContents(label);
    const cell = label.parentElement!.getBoundingClientRect();
    ok(cell.right - text.getBoundingClientRect().right < 4, `the name starts at the right of its cell (${Math.round(cell.right - text.getBoundingClientRect().right)} px away)`);
  });

  it('ends a policy cut by a narrow row with an ellipsis, at the end of its own words on a right-to-left page too', async () => {
    await inGerman({ 'policy.always': 'Immer überschreiben, auch wenn im CRM schon ein anderer Wert steht' }, async () => {
      const page = document.createElement('div');
      page.dir = 'rtl';
      page.style.inlineSize = '320px';
      document.body.append(page);
      placed.push(page);
      const el = await mount({ value: partialMemberMappings }, page);
      const select = root(el).querySelector<HTMLSelectElement>('select[part="policy"]')!;
      const chosen = select.selectedOptions[0]!;
      const label = document.createElement('span');
      label.style.cssText = `font: ${getComputedStyle(select).font}; white-space: nowrap`;
      label.textContent = chosen.text;
      root(el).append(label);
      ok(label.offsetWidth > select.clientWidth, `the label is wider than its select (${label.offsetWidth} ≤ ${select.clientWidth})`);
      label.remove();
      equal(getComputedStyle(select).textOverflow, 'ellipsis', 'the closed select shows where the label is cut');
      ok(chosen.matches(':dir(ltr)'), 'a left-to-right label keeps its direction in a right-to-left row, so it is cut at its end, not its start');
    });
  });

  it('reveal() renders a row the window is scrolled far from, so a host can focus it (Enable refused for an unmapped required field)', async () => {
    const el = await mount({ value: [] });
    const below = document.createElement('div');
    below.style.blockSize = '6000px';
    document.body.append(below);
    placed.push(below);
    try {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await settle(el);
      ok(!combo(el, 'email'), 'scrolled past the mapper, its first rows are not rendered');
      el.reveal('email');
      await el.updateComplete;
      ok(combo(el, 'email'), 'the Email row is rendered, ready to take focus');
    } finally {
      window.scrollTo(0, 0);
    }
  });

  it('offers no field box to open while there are no CRM fields, and says why', async () => {
    const el = await mount({ targetFields: [], value: [] });
    ok(root(el).querySelector('[part="empty"]')?.textContent?.includes('No CRM fields yet'), 'the notice says why');
    ok(combo(el, 'email')!.disabled, 'nothing to choose, so nothing to open');
    el.targetFields = contactFields;
    await settle(el);
    ok(!combo(el, 'email')!.disabled, 'open once the fields are there');
  });

  it('shows an undescribed target’s API name once, not again under it (a viewer whose role cannot read the CRM fields)', async () => {
    const el = await mount({ targetFields: [], value: [{ source: 'email', target: 'Email', policy: 'always' }], readonly: true });
    equal(rowText(el, 'email').match(/Email/g)?.length, 2, 'the source’s label and type');
    equal(combo(el, 'email')!.shadowRoot!.querySelector('input')!.value, 'Email', 'and the target’s name once, in its field box');
    el.readonly = false;
    el.targetFields = contactFields;
    await settle(el);
    ok(rowOf(el, 'email')!.querySelector('.target-meta code')?.textContent === 'Email', 'a described target still shows its API name under its label');
  });

  it('names a row’s Clear button once, by its tooltip, with no description repeating the name', async () => {
    await mount({ value: partialMemberMappings });
    type AxNode = { role: string; name?: string; description?: string; children?: AxNode[] };
    const all = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(all)];
    const clear = all((await a11ySnapshot({})) as unknown as AxNode).find((n) => n.role === 'button' && n.name === 'Clear mapping for Email');
    ok(clear, 'the Email row’s Clear button, named for its row');
    equal(clear!.description ?? '', '', 'no description saying the name again');
  });

  it('keeps focus in the list when Unmapped only hides the row just mapped from the keyboard', async () => {
    const el = await mount({ value: partialMemberMappings });
    root(el).querySelectorAll<HTMLInputElement>('[part=filter] input')[0]!.click();
    await settle(el);
    const shown = () => [...root(el).querySelectorAll<HTMLElement>('mp-field-mapper-row')].map((r) => r.dataset.source!);
    // A row inside the rendered range: focusing it asks the mapper for no update of its own.
    const [, second, third] = shown();
    combo(el, second!)!.focus();
    await settle(el);
    await sendKeys({ type: contactFields.find((f) => f.type === 'string' && !partialMemberMappings.some((m) => m.target === f.name))!.label });
    await settle(el);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    ok(!shown().includes(second!), 'the mapped row is hidden by the filter');
    const focusedBox = (deepActiveElement()?.getRootNode() as Partial<ShadowRoot> | undefined)?.host as HTMLElement | undefined;
    equal(focusedBox?.dataset.source, third, 'focus on the row that took its place, not the page');
  });

  it('says a required field must be mapped once the admin cleared it or the form was submitted, not on a fresh form', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    placed.push(form);
    const el = await mount({ name: 'memberMappings', value: [{ source: 'email', target: 'Email', policy: 'always' }] }, form);
    const says = (source: string) => rowText(el, source).includes('must be mapped');
    ok(!says('firstName') && !says('lastName'), `nothing red before the admin acts: ${rowText(el, 'firstName')}`);
    ok(rowText(el, 'firstName').includes('Required'), 'the row is still marked Required');
    equal(el.counts.errors, 0, 'no problems counted');
    ok(!root(el).querySelector('#problems'), 'nor offered');
    ok(el.validity.valueMissing, 'yet the form knows it is incomplete');
    ok(el.matches(':state(invalid)'), 'and so can the host’s styles');

    root(el).querySelector<HTMLButtonElement>('[data-action=clear][data-source=email]')!.click();
    await settle(el);
    ok(says('email'), `the row the admin cleared says so: ${rowText(el, 'email')}`);
    ok(!says('firstName'), 'the untouched rows do not');
    equal(el.counts.errors, 1, 'one problem');

    form.requestSubmit();
    await settle(el);
    ok(says('email') && says('firstName') && says('lastName'), 'a submit shows every required field left');
    equal(el.counts.errors, 3, 'three problems');
    ok(root(el).querySelector('[part=summary] .needs'), 'the required count turns to a warning');
    await expectNoViolations(el, 'required fields shown after submit');

    form.reset();
    await settle(el);
    ok(!says('email') && !says('firstName'), 'a reset starts afresh');
  });

  it('is form-associated: submits JSON under its name, reports validity, resets, restores, honours disabled and readonly', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    placed.push(form);
    const el = await mount({ name: 'memberMappings', value: partialMemberMappings }, form);
    equal(el.form, form, 'form');
    equal(new FormData(form).get('memberMappings'), JSON.stringify(partialMemberMappings), 'submitted as JSON');

    el.value = [{ source: 'email', target: 'Email', policy: 'always' }];
    await settle(el);
    ok(!form.checkValidity(), 'required fields missing');
    ok(el.validity.valueMissing, 'valueMissing');
    ok(el.validationMessage.includes('First Name and Last Name'), el.validationMessage);

    el.value = partialMemberMappings;
    await settle(el);
    const box = await openList(el, 'company', 'account name');
    optionEls(box)[0]!.click();
    await settle(el);
    equal(mapped(el).company, 'Account.Name', 'edited');
    ok(String(new FormData(form).get('memberMappings')).includes('Account.Name'), 'form value follows edits');
    el.value = el.value;
    await settle(el);
    equal(mapped(el).company, 'Account.Name', 'a controlled host handing back the value it got from change keeps the edit');
    let changes = 0;
    el.addEventListener('change', () => changes++);
    form.reset();
    await settle(el);
    equal(JSON.stringify(el.value), JSON.stringify(partialMemberMappings), 'reset returns to the value the host set, not to the one it handed back');
    equal(changes, 1, 'and says so, so a controlled host takes the reset value into its state');
    el.value = undefined;
    equal(JSON.stringify(el.value), JSON.stringify(partialMemberMappings), 'undefined (a host still loading) leaves the value alone');

    el.formStateRestoreCallback(JSON.stringify(completeMemberMappings));
    await settle(el);
    equal(el.value.length, completeMemberMappings.length, 'restored');
    el.formStateRestoreCallback('{"not":"mappings"}');
    equal(el.value.length, completeMemberMappings.length, 'a malformed state is ignored');

    const fieldset = document.createElement('fieldset');
    form.append(fieldset);
    fieldset.append(el);
    fieldset.disabled = true;
    await settle(el);
    equal(new FormData(form).get('memberMappings'), null, 'inside a disabled fieldset: not submitted');
    ok(combo(el, 'email')!.disabled, 'and its controls are disabled');
    fieldset.disabled = false;
    el.disabled = true;
    await settle(el);
    equal(new FormData(form).get('memberMappings'), null, 'disabled: not submitted');
    ok(combo(el, 'email')!.disabled, 'controls disabled');
    el.disabled = false;
    el.readonly = true;
    el.value = [];
    await settle(el);
    ok(combo(el, 'email')!.readonly && !combo(el, 'email')!.disabled, 'readonly: its field box read-only, not disabled');
    equal(combo(el, 'email')!.placeholder, 'Not mapped', 'an unmapped row says so');
    ok(el.checkValidity(), 'readonly is barred from validation');
    equal(el.autoMap().length, 0, 'readonly: no auto-map');
  });

  it('read-only: Tab reaches each row’s field box and policy, which read out their name and value, and no typing, click, Space, Enter, arrow or picker choice changes them', async () => {
    const sourceFields = memberFields.filter((f) => ['memberId', 'email', 'phone'].includes(f.key));
    const value = completeMemberMappings.filter((m) => m.source === 'email' || m.source === 'phone');
    const [before, after] = [document.createElement('button'), document.createElement('button')];
    document.body.append(before);
    placed.push(before);
    const el = await mount({ sourceFields, value, readonly: true });
    document.body.append(after);
    placed.push(after);
    const events: string[] = [];
    for (const type of ['input', 'change']) el.addEventListener(type, () => events.push(type));

    const stops = await tabStops(before, after);
    const read = async (control: HTMLElement) => {
      const ax = await axNode(control);
      return `${ax.role}: ${ax.name} = ${ax.value}${control.getAttribute('aria-readonly') === 'true' ? ' (read-only)' : ''}`;
    };
    const rows = stops.filter((s) => s.closest('mp-field-mapper-row') || (s.getRootNode() as ShadowRoot).host?.closest('mp-field-mapper-row'));
    const heard = [];
    for (const control of rows) heard.push(await read(control));
    equal(
      heard.join('\n'),
      [
        'combobox: CRM field for Member ID =  (read-only)',
        'combobox: CRM field for Email = Email (read-only)',
        'combobox: Update policy for Email = Always overwrite (read-only)',
        'combobox: CRM field for Phone = Business Phone (read-only)',
        'combobox: Update policy for Phone = Never blank out (read-only)',
      ].join('\n'),
      'each row’s field box and policy, in order, named and with their value',
    );
    const shown = () =>
      [JSON.stringify(el.value), ...rows.map((c) => (c instanceof HTMLSelectElement ? c.value : `${(c as HTMLInputElement).value} ${((c.getRootNode() as ShadowRoot).host as MpCombobox).open ? 'open' : 'closed'}`))].join(' ');
    const first = shown();
    for (const control of rows) await tryToChange(control, shown);
    await settle(el);
    equal(shown(), first, 'the mappings stand, as each box and policy shows them, with no list open');
    equal(events.join(), '', 'no input or change fired');
    const policy = root(el).querySelector<HTMLSelectElement>('select[data-source="email"]')!;
    const refused = (init: KeyboardEventInit) => !policy.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }));
    ok(refused({ key: 'n' }), 'a letter, which would choose the option it starts, is refused');
    ok(!refused({ key: 'f', ctrlKey: true }) && !refused({ key: 'f', metaKey: true }), 'Ctrl+F and ⌘F, the browser’s find, are left alone');
  });

  it('busy (its form saving): takes no change, yet keeps its look, its buttons and its validity, and still submits', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    placed.push(form);
    // Last Name, which is required, left unmapped.
    const el = await mount({ name: 'mappings', value: partialMemberMappings.filter((m) => m.source !== 'lastName') }, form);
    el.autoMap();
    await settle(el);
    const events: string[] = [];
    for (const type of ['input', 'change']) el.addEventListener(type, () => events.push(type));
    const look = (c: Element) => {
      const style = getComputedStyle(c);
      return `${style.appearance} on ${style.backgroundColor}`;
    };
    const email = combo(el, 'email')!;
    const policy = root(el).querySelector<HTMLSelectElement>('select[data-source="email"]')!;
    const state = () =>
      JSON.stringify({
        box: look(email.shadowRoot!.querySelector('input')!),
        arrow: getComputedStyle(email.shadowRoot!.querySelector('.chevron')!).visibility,
        policy: look(policy),
        buttons: [...root(el).querySelectorAll('button')].map((b) => b.textContent!.trim().replace(/\s+/g, ' ')),
        height: Math.round(root(el).querySelector('.frame')!.getBoundingClientRect().height),
        valid: el.validity.valid,
        submitted: new FormData(form).get('mappings'),
      });
    const before = state();
    const value = JSON.stringify(el.value);
    ok(el.suggestions.length > 0 && el.validity.valueMissing, 'suggestions wait, and a required field is left');

    el.busy = true;
    await settle(el);
    equal(state(), before, 'looks, is laid out, validates and submits as before');
    ok(email.readonly && policy.getAttribute('aria-readonly') === 'true', 'its field boxes and policies are read-only meanwhile');
    const valueButtons = [...root(el).querySelectorAll<HTMLButtonElement>('[data-action="clear"], [data-action="accept"], [part="automap-button"], .bar-actions .primary')];
    ok(valueButtons.length >= 4, `clear, accept, accept all and auto-map are there (${valueButtons.length})`);
    equal(valueButtons.filter((b) => b.getAttribute('aria-disabled') !== 'true').length, 0, 'each unavailable, not disabled');
    for (const button of valueButtons) button.click();
    el.acceptSuggestions();
    await tryToChange(policy, () => JSON.stringify(el.value));
    await settle(el);
    equal(JSON.stringify(el.value), value, 'no press nor call changed the mappings');
    equal(events.join(), '', 'and no input or change fired');

    el.busy = false;
    await settle(el);
    root(el).querySelector<HTMLButtonElement>('[data-action="clear"]')!.click();
    await settle(el);
    ok(JSON.stringify(el.value) !== value, 'once the save is done, a clear works again');
  });

  it('fires input then change, bubbling and composed, only for the admin’s edits', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    placed.push(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const outer = document.createElement('div');
    shadow.append(outer);
    const el = await mount({ value: partialMemberMappings }, outer);
    const seen: string[] = [];
    for (const type of ['input', 'change']) {
      host.addEventListener(type, (e) => {
        ok(e.bubbles && e.composed, `${type} bubbles and is composed`);
        seen.push(`${type}:${(e.composedPath()[0] as Element).localName}`);
      });
    }
    el.value = completeMemberMappings;
    const search = root(el).querySelector<HTMLInputElement>('#search')!;
    search.value = 'x';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    equal(seen.length, 0, 'setting value or searching fires nothing');
    search.value = '';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    const select = root(el).querySelector<HTMLSelectElement>('select[data-source=phone]')!;
    select.value = 'always';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    equal(seen.join(), 'input:mp-field-mapper,change:mp-field-mapper', 'one input and one change from the element itself');
    equal(el.value.find((m) => m.source === 'phone')!.policy, 'always', 'policy changed');
  });

  it('keeps focus in the mapper when a row is cleared while the CRM fields are still loading (its field box is disabled)', async () => {
    const el = await mount({ targetFields: [], value: [{ source: 'email', target: 'Email', policy: 'always' }] });
    const clear = root(el).querySelector<HTMLButtonElement>('[data-action=clear][data-source=email]')!;
    clear.focus();
    clear.click();
    await settle(el);
    equal(deepActiveElement()?.id, 'search', 'focus moved to the search box, not to the page');
  });

  it('takes every string from the message table, so a registered locale replaces them, rule messages included', async () => {
    const el = await mount({ value: [{ source: 'joinDate', target: 'HasOptedOutOfEmail', policy: 'always' }] });
    await inGerman({
      'fieldMapper.autoMap': 'Automatisch zuordnen',
      'fieldMapper.counts.mapped': '{mapped} von {total} zugeordnet',
      'rule.incompatible_type': '{sourceType} passt nicht in {targetType}.',
      'fieldMapper.validity.required': 'Noch zuzuordnen: {fields}.',
    }, async () => {
      await settle(el);
      ok(el.validationMessage.startsWith('Noch zuzuordnen: '), `the form's validity message translated: ${el.validationMessage}`);
      ok(root(el).querySelector('[part=automap-button]')!.textContent!.includes('Automatisch zuordnen'), 'button translated');
      ok(root(el).querySelector('[part=summary]')!.textContent!.includes('1 von 16 zugeordnet'), 'counts translated');
      ok(rowText(el, 'joinDate').includes('Date passt nicht in Checkbox.'), `rule translated: ${rowText(el, 'joinDate')}`);
      ok(root(el).querySelector('#search')!.getAttribute('placeholder') === 'Search fields on both sides', 'untranslated keys fall back to English');
    });
    await settle(el);
    ok(root(el).querySelector('[part=automap-button]')!.textContent!.includes('Auto-map'), 'back to English');
    ok(!el.validationMessage.startsWith('Noch'), `the validity message back in English: ${el.validationMessage}`);
  });

  it('punctuates a suggestion’s lead and a picklist cut short as the host’s language does', async () => {
    const sourceFields = memberFields.filter((f) => f.key === 'email' || f.key === 'membershipStatus');
    const el = await mount({ sourceFields, value: [{ source: 'membershipStatus', target: 'Salutation', policy: 'always' }] });
    el.autoMap();
    await settle(el);
    await inLocale('fr', { 'fieldMapper.suggested': 'Suggestion :', 'common.moreItems': '{items}, etc.' }, async () => {
      await settle(el);
      equal(rowOf(el, 'email')!.querySelector('.suggestion .visually-hidden')?.textContent, 'Suggestion :', 'the lead, its colon the translator’s');
      ok(rowText(el, 'membershipStatus').includes('Mr., Ms., Mrs., etc.'), `the first values, then the rest: ${rowText(el, 'membershipStatus')}`);
    });
  });

  it('names the required fields left as a list in the locale’s words, not with commas alone', async () => {
    const el = await mount({ value: [] });
    equal(el.validationMessage, 'Map the required fields: Email, First Name, and Last Name.', 'English');
    await inGerman({ 'fieldMapper.validity.required': 'Ordnen Sie die Pflichtfelder zu: {fields}.' }, async () => {
      await settle(el);
      equal(el.validationMessage, 'Ordnen Sie die Pflichtfelder zu: Email, First Name und Last Name.', 'German');
    });
  });

  it('has no axe-core violations: filled, with problems and suggestions, and with a list open', async () => {
    const el = await mount({ value: [...partialMemberMappings, { source: 'company', target: 'Short_Code__c', policy: 'always' }, { source: 'city', target: 'Email', policy: 'always' }] });
    el.autoMap();
    await settle(el);
    await expectNoViolations(el, 'filled');
    await openList(el, 'email', 'mail');
    await expectNoViolations(el, 'list open');
    el.readonly = true;
    await settle(el);
    await expectNoViolations(el, 'readonly');
  });

  it('stays virtual on a 900-field org: only visible options are in the DOM, all are reachable', async () => {
    const targets = largeContactFields();
    equal(targets.length, 900, 'fixture size');
    equal(targets.find((t) => t.name === 'Interests__c')!.picklistValues!.length, 1000, 'the 1,000-value picklist');
    const el = await mount({ targetFields: targets, value: [] });
    const box = await openList(el, 'email');
    equal(box.shownOptions.length, 900, 'every field is an option');
    const rendered = optionEls(box).length;
    ok(rendered > 5 && rendered < 80, `rendered ${rendered} options`);
    ok(box.shadowRoot!.querySelector('[part=footer]')!.textContent!.includes('900 options'), 'count shown');
    const input = box.shadowRoot!.querySelector('input')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await settle(el);
    const id = input.getAttribute('aria-activedescendant')!;
    ok(box.shadowRoot!.getElementById(id), `the last option is rendered when it becomes active (${id}; ${optionEls(box).map((o) => o.id).slice(-3)})`);
    equal(id, 'option-899', 'End goes to the last option');
    const last = box.shadowRoot!.getElementById(id)!;
    equal(`${last.getAttribute('aria-posinset')}/${last.getAttribute('aria-setsize')}`, '900/900', 'its position in the whole list, not the rendered part');
  });

  it('renders hostile labels, API names and picklist values as text', async () => {
    const g = globalThis as { __mpXss?: number };
    delete g.__mpXss;
    const el = await mount({
      sourceFields: [hostileSourceField, ...memberFields],
      targetFields: hostileContactFields,
      value: [
        { source: 'evil', target: 'Evil_Label__c', policy: 'always' },
        { source: 'membershipStatus', target: 'Evil_Picklist__c', policy: 'always' },
        { source: 'company', target: hostileContactFields[2]!.name, policy: 'always' },
      ],
    });
    await openList(el, 'firstName');
    el.autoMap();
    await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    equal(g.__mpXss, undefined, 'no script ran');
    const roots = [root(el), ...[...root(el).querySelectorAll('mp-combobox')].map((c) => c.shadowRoot!)];
    for (const r of roots) {
      equal(r.querySelectorAll('img, script, b').length, 0, 'no markup from metadata became elements');
      ok([...r.querySelectorAll('svg')].every((s) => !s.hasAttribute('onload')), 'no injected svg');
    }
    ok(rowText(el, 'evil').includes('<img src=x onerror='), 'the label is shown literally');
    ok(rowText(el, 'membershipStatus').includes('<script>globalThis.__mpXss=1</script>'), 'picklist values literally');
    ok(rowText(el, 'company').includes('Evil"><svg onload='), 'API names literally');
  });
});
