// <mp-integration-settings> in Chromium against the real API server and the loopback Salesforce
// (POST /__mp/test-env): seed 000's whole flow, server errors on their inputs, write-only secrets,
// conflicts, archive/restore, viewer read-only, leaving with unsaved changes, axe-core.
import { a11ySnapshot, sendKeys, setViewport } from '@web/test-runner-commands';
import { createIntegrationClient, type IntegrationClient } from '@memberpulse/integrations-sdk';
import { memberPulseTags, type CrmMapping } from '@memberpulse/integration-schema';
import { MpCombobox } from '../shared/combobox.js';
import type { MpFieldMapper } from '../field-mapper/field-mapper.js';
import { MpIntegrationSettings, type BeforeLeaveEvent, type SettingsSavedEvent } from './integration-settings.js';
import { announced, answersLostClient, clientFor, meAnsweredLastClient, meFailsOnceClient, deepText, endsOnTheRight, equal, expectNoViolations, freshEnv, inGerman, inLocale, ok, pressKeepsFocus, settle, typeInto, until, type Role, type TestEnv } from '../provider/browser-test-kit.js';
import { tabStops, tryToChange } from '../provider/keyboard.test-kit.js';
import { inForcedColors } from '../provider/forced-colors.test-kit.js';
import { axNode } from '../provider/ax-node.test-kit.js';
import { requiredContactMappings } from '../../../schema/test/fixtures.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const before: (fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => void) => void;

window.addEventListener('error', (e) => {
  if (e.message?.startsWith('ResizeObserver loop')) e.stopImmediatePropagation();
});

let placed: HTMLElement[] = [];
afterEach(() => {
  for (const node of placed) node.remove();
  placed = [];
});

async function mount(client: IntegrationClient, category = 'crm'): Promise<MpIntegrationSettings> {
  const el = document.createElement('mp-integration-settings');
  el.category = category;
  el.client = client;
  document.body.append(el);
  placed.push(el);
  await until(() => el.shadowRoot?.querySelector('.platforms, .notice.error'), 'the settings to load');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: MpIntegrationSettings, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const errorOf = (el: MpIntegrationSettings, id: string) => $(el, `#${id}-error`)?.textContent?.trim() ?? '';

async function choosePlatform(el: MpIntegrationSettings, id: string): Promise<void> {
  const radio = $<HTMLInputElement>(el, `input[name="platform"][value="${id}"]`);
  ok(radio, `platform ${id} offered`);
  radio.click();
  await el.updateComplete;
}

async function press(el: MpIntegrationSettings, part: string): Promise<void> {
  const button = $<HTMLButtonElement>(el, `[part~="${part}"]`);
  ok(button && !button.disabled, `${part} can be pressed`);
  button.click();
  await el.updateComplete;
}

/** Presses `part` (Save draft, Enable) for a save that fails, once what was typed is rendered; answers the error summary it brings. */
async function pressIntoSummary(el: MpIntegrationSettings, part: 'save-button' | 'enable-button'): Promise<HTMLElement> {
  await el.updateComplete;
  await press(el, part);
  await until(() => $(el, '[part="error-summary"]'), 'the error summary');
  return $(el, '[part="error-summary"]')!;
}

/** Chooses `value` in the native select `#id`, as a person's choice does (a change event). */
async function choose(el: MpIntegrationSettings, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function pick(el: MpIntegrationSettings, id: string, value: string): Promise<void> {
  await until(() => $<MpCombobox>(el, `#${id}`), `#${id}`);
  const combo = $<MpCombobox>(el, `#${id}`)!;
  const options = combo.options as readonly { value: string }[];
  ok(Array.isArray(options) && options.some((o) => o.value === value), `${id} offers ${value} (has ${Array.isArray(options) ? options.length : 0})`);
  combo.value = value;
  combo.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A fresh tenant whose CRM draft reaches the loopback Salesforce through its Connected App, with this mapping. */
async function connectedCrm(crm: Partial<CrmMapping>, own?: TestEnv): Promise<IntegrationClient> {
  own ??= await freshEnv();
  const client = clientFor(own);
  await client.settings.saveDraft('crm', {
    platform: 'salesforce',
    config: { environment: 'production', authMode: 'connectedApp', consumerKey: own.salesforce.consumerKey },
    credentials: { consumerSecret: own.salesforce.consumerSecret },
    crm,
  });
  return client;
}

/** Contact with its three required fields mapped and an event tag field: what enabling a CRM record asks for. */
const requiredOnContact = {
  memberObject: 'Contact',
  memberMappings: requiredContactMappings,
  eventTagField: 'Event_Tags__c',
} satisfies Partial<CrmMapping>;

/**
 * A fresh tenant whose CRM is enabled with Salesforce: Contact, its three required fields mapped (and `more`),
 * an event tag field. Created enabled in one write, so nothing checks `more` against the CRM's Contact.
 */
async function enabledCrm(own: TestEnv, more: CrmMapping['memberMappings'] = []): Promise<IntegrationClient> {
  const client = clientFor(own);
  await client.settings.enable('crm', {
    platform: 'salesforce',
    config: { environment: 'production', authMode: 'connectedApp', consumerKey: own.salesforce.consumerKey },
    credentials: { consumerSecret: own.salesforce.consumerSecret },
    crm: { ...requiredOnContact, memberMappings: [...requiredOnContact.memberMappings, ...more] },
  });
  return client;
}

/**
 * Xero settings on screen, someone else saves `clientId: 'theirs'`, this screen types `mine` and saves:
 * answers the element once its conflict notice shows the comparison.
 */
async function conflictCompared(): Promise<{ el: MpIntegrationSettings; client: IntegrationClient }> {
  const own = await freshEnv();
  const client = clientFor(own);
  await client.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'first' } });
  const el = await mount(client, 'accounting');
  // Another client: this one's ETag memory must keep the version the screen loaded.
  await clientFor(own).settings.patch('accounting', { config: { clientId: 'theirs' } }, { ifMatch: false });
  typeInto($(el, '#cfg-clientId'), 'mine');
  await el.updateComplete;
  await saveIntoComparison(el);
  return { el, client };
}

/** Accounting settings archived by another client while this form, mounted before, has 'mine' typed in Client ID. */
async function archivedElsewhereWhileTyping(): Promise<{ el: MpIntegrationSettings; client: IntegrationClient }> {
  const own = await freshEnv();
  const client = clientFor(own);
  await client.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'first' } });
  const el = await mount(client, 'accounting');
  await clientFor(own).settings.archive('accounting');
  typeInto($(el, '#cfg-clientId'), 'mine');
  await el.updateComplete;
  return { el, client };
}

/** Presses Restore and confirms it, until the record is a draft again. */
async function restoreConfirmed(el: MpIntegrationSettings): Promise<void> {
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.header button')].find((b) => b.textContent!.includes('Restore'))!.click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'dialog.confirm .primary')!.click();
  await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Draft', 'restored');
}

/** Presses Save into a conflict and opens its comparison; answers its rows as "label | theirs | mine". */
async function saveIntoComparison(el: MpIntegrationSettings): Promise<string[]> {
  await press(el, 'save-button');
  await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
  [...$(el, '[part="conflict"]')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Compare'))!.click();
  await until(() => $(el, 'table.compare'), 'the comparison');
  return [...el.shadowRoot!.querySelectorAll('table.compare tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()).join(' | '));
}

/** Presses Save draft or Enable and answers the `mp-saved` event that follows. */
async function saveWith(el: MpIntegrationSettings, part: 'save-button' | 'enable-button'): Promise<SettingsSavedEvent> {
  const event = new Promise<SettingsSavedEvent>((resolve) => el.addEventListener('mp-saved', resolve, { once: true }));
  await press(el, part);
  return event;
}

/** A fresh tenant's CRM screen with Salesforce chosen and the loopback org's consumer key and secret typed, not saved. */
async function salesforceTyped(): Promise<MpIntegrationSettings> {
  const own = await freshEnv();
  const el = await mount(clientFor(own));
  await choosePlatform(el, 'salesforce');
  typeInto($(el, '#cfg-consumerKey'), own.salesforce.consumerKey);
  typeInto($(el, '#secret-consumerSecret'), own.salesforce.consumerSecret);
  await el.updateComplete;
  return el;
}

/** A client whose calls named in `hold` ("PUT /settings/accounting") wait until `waiting.get(call)` is called; `sent` lists every call. */
function holdingClient(own: TestEnv, role: Role = 'admin'): { client: IntegrationClient; hold: Set<string>; waiting: Map<string, () => void>; sent: string[] } {
  const hold = new Set<string>();
  const waiting = new Map<string, () => void>();
  const sent: string[] = [];
  const client = createIntegrationClient({
    baseUrl: own.apiUrl,
    token: own.tokens[role],
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const call = `${request.method} ${new URL(request.url).pathname.replace(/^.*\/v1/, '')}`;
      sent.push(call);
      if (hold.has(call)) await new Promise<void>((resolve) => waiting.set(call, () => (waiting.delete(call), resolve())));
      return fetch(request);
    },
  });
  return { client, hold, waiting, sent };
}

/** A connected CRM's settings (Contact, with Email mapped) mounted with the call `call` held until `release()`. */
async function mountHolding(call: string): Promise<{ el: MpIntegrationSettings; held: () => boolean; release: () => void }> {
  const own = await freshEnv();
  await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] }, own);
  const { client, hold, waiting } = holdingClient(own);
  hold.add(call);
  const el = await mount(client);
  return { el, held: () => waiting.has(call), release: () => waiting.get(call)!() };
}

/**
 * Xero settings on screen, `mine` typed and saved through a client whose answers to PUT are lost while
 * `lost.on` holds: the server took the save, the screen does not know.
 */
async function savedWithAnswerLost(): Promise<{ own: TestEnv; el: MpIntegrationSettings; lost: { on: boolean } }> {
  const own = await freshEnv();
  await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'first' } });
  const { client, lost } = answersLostClient(own, 'PUT');
  const el = await mount(client, 'accounting');
  typeInto($(el, '#cfg-clientId'), 'mine');
  await el.updateComplete;
  await press(el, 'save-button');
  await until(() => $(el, '[part="error-summary"]'), 'the failure');
  return { own, el, lost };
}

describe('<mp-integration-settings> against the real server', () => {
  it('says a save whose answer was lost may have gone through, and saves again without making it twice or meeting its own conflict', async () => {
    const { own, el, lost } = await savedWithAnswerLost();
    const said = $(el, '[part="error-summary"]')!.textContent!.replace(/\s+/g, ' ');
    ok(!said.includes('Nothing was saved') && said.includes('may or may not have been saved'), `it does not claim nothing was saved: ${said}`);
    const stored = await clientFor(own).settings.get('accounting');
    equal(`${stored.config.clientId} ${stored.version}`, 'mine 2', 'the server did take it');

    lost.on = false;
    const saved = await saveWith(el, 'save-button');
    equal(saved.settings.version, 2, 'the same save, answered again: not a second write');
    equal($(el, '[part="conflict"]'), null, 'and no conflict with itself');
    equal((await clientFor(own).settings.get('accounting')).version, 2, 'stored once');
  });

  it('after a save whose answer was lost, an edited save meets that save as the conflict, and says it may be the admin’s own', async () => {
    const { el, lost } = await savedWithAnswerLost();
    lost.on = false;
    typeInto($(el, '#cfg-clientId'), 'mine, edited');
    await el.updateComplete;
    await press(el, 'save-button');
    await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
    const said = $(el, '[part="conflict"]')!.textContent!.replace(/\s+/g, ' ');
    ok(said.includes('your own earlier save whose answer was lost'), `it names the likely other save: ${said}`);
    ok(!said.includes('by someone else, or by you in another tab'), `not someone else: ${said}`);
  });

  it('a save whose answer was lost, then a reload, is not named as the other save of a later conflict', async () => {
    const { own, el, lost } = await savedWithAnswerLost();
    lost.on = false;
    // The form shows what the server holds now, the lost save's outcome included; then someone else saves.
    await el.reload();
    await el.updateComplete;
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'theirs' } });
    typeInto($(el, '#cfg-clientId'), 'mine again');
    await el.updateComplete;
    await press(el, 'save-button');
    await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
    const said = $(el, '[part="conflict"]')!.textContent!.replace(/\s+/g, ' ');
    ok(said.includes('by someone else, or by you in another tab'), `someone else's save, not the lost one the reload showed: ${said}`);
  });

  let env: TestEnv;
  before(async () => {
    env = await freshEnv();
  });


  it('lets its save bar scroll with the page where the window is short (a phone on its side, 200% zoom), so it never covers half of it', async () => {
    const el = await mount(clientFor(await freshEnv()), 'accounting');
    await choosePlatform(el, 'xero');
    const position = () => getComputedStyle($(el, '.footer')!).position;
    try {
      await setViewport({ width: 800, height: 900 });
      equal(position(), 'sticky', 'in a tall window the bar stays in view');
      await setViewport({ width: 800, height: 420 });
      equal(position(), 'static', 'in a short one it scrolls with the form');
      el.style.setProperty('--mp-integration-settings-footer-position', 'sticky');
      equal(position(), 'sticky', 'unless the host asks for it to stay');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('leaves a number as typed while it means the value held ("05000", a long run of nines), and says what is wrong with it', async () => {
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] });
    const el = await mount(client);
    await until(() => $(el, '#cfg-dailyApiAllotment'), 'the allotment');
    const box = $<HTMLInputElement>(el, '#cfg-dailyApiAllotment')!;
    box.focus();
    box.select();
    await sendKeys({ type: '05000' });
    await settle(el);
    equal(box.value, '05000', 'not rewritten to 5000 under the cursor');
    box.select();
    await sendKeys({ type: '99999999999999999999' });
    await press(el, 'save-button');
    await until(() => errorOf(el, 'cfg-dailyApiAllotment'), 'the field’s error');
    equal(box.value, '99999999999999999999', 'what was typed stays after the refused save');
    ok(errorOf(el, 'cfg-dailyApiAllotment').includes('at most 100,000,000'), errorOf(el, 'cfg-dailyApiAllotment'));
  });

  it('takes whole numbers in the settings that count: their boxes step by 1, and 5.5 minutes is refused at the field', async () => {
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] });
    const el = await mount(client);
    await until(() => $(el, '#cfg-periodicRefreshMinutes'), 'the refresh interval');
    for (const id of ['cfg-periodicRefreshMinutes', 'cfg-dailyApiAllotment']) {
      const box = $<HTMLInputElement>(el, `#${id}`)!;
      equal([box.getAttribute('step'), box.getAttribute('inputmode')].join(' '), '1 numeric', `${id}: whole numbers, a keypad without a decimal point`);
    }
    const box = $<HTMLInputElement>(el, '#cfg-periodicRefreshMinutes')!;
    box.focus();
    box.select();
    await sendKeys({ type: '5.5' });
    await press(el, 'save-button');
    await until(() => errorOf(el, 'cfg-periodicRefreshMinutes'), 'the field’s error');
    equal(errorOf(el, 'cfg-periodicRefreshMinutes'), 'Periodic refresh (minutes) must be a whole number.', 'the rule’s words at the field');
  });

  it('keeps what was typed aside over Archive, showing the record, and brings it back on Restore to be saved; the boxes show the record when a reload discards it', async () => {
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] });
    await client.settings.patch('crm', { config: { dailyApiAllotment: 5000, allowedGroupValues: ['Gold'] } });
    const el = await mount(client);
    await until(() => $(el, '#cfg-dailyApiAllotment'), 'the allotment');
    const number = $<HTMLInputElement>(el, '#cfg-dailyApiAllotment')!;
    const list = $<HTMLTextAreaElement>(el, '#cfg-allowedGroupValues')!;
    equal(number.value, '5000', 'the saved number');
    typeInto(number, '7000');
    typeInto(list, 'Silver');
    await settle(el);
    const confirmed = async (button: string, status: string) => {
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.header button')].find((b) => b.textContent!.includes(button))!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'dialog[open] .danger, dialog[open] .mp-button.primary')!.click();
      await until(() => $(el, '[part="status"]')?.textContent?.trim() === status, status);
      await settle(el);
    };
    const shown = () => [$<HTMLInputElement>(el, '#cfg-dailyApiAllotment')!.value, $<HTMLTextAreaElement>(el, '#cfg-allowedGroupValues')!.value];
    await confirmed('Archive', 'Archived');
    equal(shown().join(), '5000,Gold', 'the archived view shows the record, not what was typed');
    ok($(el, '.notice.warning')!.textContent!.includes('What you typed is kept aside'), 'and says the typing is kept');
    ok(el.dirty, 'unsaved, so leaving asks first');
    await confirmed('Restore', 'Draft');
    equal(shown().join(), '7000,Silver', 'restoring too');
    await press(el, 'save-button');
    await until(() => !el.dirty, 'saved');
    const stored = (await client.settings.get('crm')).config;
    equal([stored.dailyApiAllotment, stored.allowedGroupValues].join(), '7000,Silver', 'saved once restored');

    typeInto($<HTMLInputElement>(el, '#cfg-dailyApiAllotment'), '9000');
    typeInto($<HTMLTextAreaElement>(el, '#cfg-allowedGroupValues'), 'Bronze');
    await settle(el);
    await el.reload();
    await settle(el);
    equal(shown().join(), '7000,Silver', 'the boxes show the record again, not the discarded 9000 and Bronze');
  });

  it('names the value at its field when a huge paste makes the form too large for the server to read, and keeps it as typed', async () => {
    const el = await mount(clientFor(await freshEnv()), 'accounting');
    await choosePlatform(el, 'xero');
    typeInto($(el, '#cfg-clientId'), 'xero-client');
    typeInto($(el, '#secret-clientSecret'), 'xero-secret-5678');
    await until(() => $(el, '#cfg-defaultTaxRate'), 'the Accounts settings, once the connection is filled in');
    const pasted = 'GST '.repeat(75_000);
    typeInto($(el, '#cfg-defaultTaxRate'), pasted);
    await el.updateComplete;
    await press(el, 'save-button');
    await until(() => errorOf(el, 'cfg-defaultTaxRate'), 'the field’s error');
    ok(errorOf(el, 'cfg-defaultTaxRate').includes('at most 40 characters'), errorOf(el, 'cfg-defaultTaxRate'));
    ok($(el, '[part="error-summary"] a'), 'the summary links it');
    equal($<HTMLInputElement>(el, '#cfg-defaultTaxRate')!.value.length, pasted.length, 'the paste stays as it was');
  });

  it('keeps text longer than a setting allows, as typed, and says so at the field instead of cutting it off', async () => {
    const el = await mount(clientFor(await freshEnv()), 'accounting');
    await choosePlatform(el, 'xero');
    typeInto($(el, '#cfg-clientId'), 'xero-client');
    typeInto($(el, '#secret-clientSecret'), 'xero-secret-5678');
    await until(() => $(el, '#cfg-defaultTaxRate'), 'the Accounts settings, once the connection is filled in');
    const typed = 'GST on income, 15 per cent, for member subscriptions';
    $<HTMLInputElement>(el, '#cfg-defaultTaxRate')!.focus();
    await sendKeys({ type: typed });
    equal($<HTMLInputElement>(el, '#cfg-defaultTaxRate')!.value, typed, `all ${typed.length} characters stay in the box`);
    await press(el, 'save-button');
    await until(() => errorOf(el, 'cfg-defaultTaxRate'), 'the field’s error');
    ok(errorOf(el, 'cfg-defaultTaxRate').includes('at most 40 characters'), errorOf(el, 'cfg-defaultTaxRate'));
  });
  it('runs seed 000 against the loopback Salesforce: platform, credentials, member object, mapping, event tag, enable', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    const el = await mount(client);
    ok($(el, '.empty-note'), 'a first-time tenant sees the not-set-up state');
    await choosePlatform(el, 'salesforce');
    ok(!$(el, '.empty-note'), 'which stops asking for a platform once one is chosen');
    ok(!$(el, '.crm'), 'no CRM fields before the credentials are set');
    typeInto($(el, '#cfg-consumerKey'), own.salesforce.consumerKey);
    typeInto($(el, '#secret-consumerSecret'), own.salesforce.consumerSecret);
    await el.updateComplete;

    await press(el, 'test-button');
    await until(() => $(el, '.test-result'), 'the test outcome');
    ok($(el, '.test-result.success'), `test with unsaved values succeeds: ${$(el, '.test-result')?.textContent?.trim()}`);
    equal(announced(el), $(el, '.test-result p')!.textContent, 'and the outcome announced');

    equal((await saveWith(el, 'save-button')).action, 'draft', 'saved as a draft');
    await el.updateComplete;
    equal(announced(el), 'CRM settings saved as a draft.', 'the save’s outcome announced');
    await until(() => $(el, '#crm-memberObject'), 'the CRM fields once credentials are saved');
    ok(!deepText(el).includes(own.salesforce.consumerSecret), 'the secret is nowhere in the DOM after saving');
    ok($(el, '[data-key="consumerSecret"]')!.textContent!.includes('••••' + own.salesforce.consumerSecret.slice(-4)), 'configured with its hint');

    await until(() => Array.isArray($<MpCombobox>(el, '#crm-memberObject')!.options) && ($<MpCombobox>(el, '#crm-memberObject')!.options as unknown[]).length > 0, 'objects from the CRM', 1200);
    const objects = $<MpCombobox>(el, '#crm-memberObject')!.options as readonly { value: string; badge?: string }[];
    ok(objects.some((o) => o.value === 'Member__c' && o.badge === 'Custom') || objects.some((o) => o.badge === 'Custom'), 'custom objects are marked');
    await pick(el, 'crm-memberObject', 'Contact');
    await until(() => ($<MpFieldMapper>(el, '#crm-memberMappings')?.targetFields.length ?? 0) > 0, 'Contact fields in the mapper', 1200);
    await until(() => $(el, '.mapper-field button'), 'the standard-mapping button');
    $<HTMLButtonElement>(el, '.mapper-field button')!.focus();
    $<HTMLButtonElement>(el, '.mapper-field button')!.click();
    await el.updateComplete;
    const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
    ok(mapper.value.some((m) => m.source === 'email' && m.target === 'Email'), 'Email mapped to Email');
    ok(mapper.value.some((m) => m.source === 'membershipStatus' && m.target === 'Membership_Status__c'), 'every standard row this org has a field for');
    ok(!$(el, '.apply-defaults'), 'nothing left to apply');
    equal(el.shadowRoot!.activeElement?.id, 'crm-memberMappings', 'focus moved on to the mapper with the button gone');
    ok(announced(el).includes(`The standard mapping filled ${mapper.value.length} fields.`), 'and the count announced');
    await pick(el, 'crm-eventTagField', 'Event_Tags__c');
    const eventOptions = $<MpCombobox>(el, '#crm-eventTagField')!.options as readonly { value: string }[];
    ok(!eventOptions.some((o) => o.value === 'Email' || o.value === 'FirstName'), 'tag pickers offer only fields that can hold tags');
    ok(!eventOptions.some((o) => o.value === 'MailingStreet'), 'nor a plain text area such as an address street');
    const kinds = (eventOptions as readonly { badge?: string }[]).map((o) => o.badge);
    equal(kinds.includes('Multi-select picklist') && kinds.includes('Long text') && kinds.lastIndexOf('Multi-select picklist') < kinds.indexOf('Long text'), true, `multi-select picklists, made for tags, come before text areas: ${kinds.join()}`);
    const listedTags = [...el.shadowRoot!.querySelectorAll('.tag-values dt')].map((dt) => `${dt.textContent!.trim()} = ${dt.nextElementSibling?.matches('dd') ? dt.nextElementSibling.textContent!.trim() : '?'}`);
    equal(listedTags.join(' | '), memberPulseTags.map((tag) => `${tag.value} = ${tag.label}`).join(' | '), 'the fixed tag values shown, each with its meaning, for a restricted picklist');
    await until(() => $(el, '.usage meter, .usage .warning-text'), 'API usage');
    ok($(el, '.usage meter'), `live API usage shown: ${$(el, '.usage')?.textContent?.trim()}`);
    const meter = $(el, '[part="usage-meter"]')!;
    equal(getComputedStyle(meter).appearance, 'none', 'the meter is drawn in the theme’s colours, not the browser’s');
    el.style.setProperty('--mp-color-surface-sunken', 'rgb(1, 2, 3)');
    equal(getComputedStyle(meter).backgroundColor, 'rgb(1, 2, 3)', 'and follows the host’s tokens');
    el.style.removeProperty('--mp-color-surface-sunken');
    await expectNoViolations(el, 'CRM mapping');

    const result = await saveWith(el, 'enable-button');
    equal(result.action, 'enabled', 'enabled');
    const stored = await client.settings.get('crm');
    equal(stored.status, 'enabled', 'the server has it enabled');
    equal(stored.crm?.memberObject, 'Contact', 'member object stored');
    equal(stored.crm?.eventTagField, 'Event_Tags__c', 'event tag stored');
    ok(stored.crm!.memberMappings.length >= 3, 'mappings stored');
    equal($(el, '[part="status"]')!.textContent!.trim(), 'Enabled', 'the badge says Enabled');
    equal(announced(el), 'CRM integration enabled.', 'the enabling announced');
    ok(!deepText(el).includes(own.salesforce.consumerSecret), 'still no secret in the DOM');

    $<HTMLInputElement>(el, '#crm-supportTicketNotes')!.click();
    await el.updateComplete;
    equal($(el, '[part="enable-button"]')!.textContent!.trim(), 'Save changes', 'once enabled, the button saves changes');
    equal((await saveWith(el, 'enable-button')).action, 'enabled', 'saved, still enabled');
    await el.updateComplete;
    equal(announced(el), 'CRM settings saved.', 'what was already enabled is said to be saved, not enabled again');
    equal($(el, '.outcome')!.textContent!.trim(), 'CRM settings saved.', 'and shown so');

    typeInto($(el, '#cfg-dailyApiAllotment'), '7000');
    await el.updateComplete;
    await saveWith(el, 'enable-button');
    await until(() => $(el, '#usage-text')?.textContent?.includes('MemberPulse may use 7,000 of them.'), 'the usage follows the allotment just saved');
  });

  it('sends and stores only the secrets of the sign-in method chosen, not those typed for the other one', async () => {
    const own = await freshEnv();
    const bodies: string[] = [];
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        if (request.method !== 'GET') bodies.push(await request.clone().text());
        return fetch(request);
      },
    });
    const el = await mount(client);
    await choosePlatform(el, 'salesforce');
    await choose(el, 'cfg-authMode', 'serviceUser');
    typeInto($(el, '#cfg-username'), 'someone@example.org');
    typeInto($(el, '#secret-password'), 'service-pass-1234');
    typeInto($(el, '#secret-securityToken'), 'SERVICETOKEN');
    await choose(el, 'cfg-authMode', 'connectedApp');
    typeInto($(el, '#cfg-consumerKey'), own.salesforce.consumerKey);
    typeInto($(el, '#secret-consumerSecret'), own.salesforce.consumerSecret);
    await el.updateComplete;
    await press(el, 'test-button');
    await until(() => $(el, '.test-result'), 'the test outcome');
    ok($(el, '.test-result.success'), `the Connected App connects: ${$(el, '.test-result')?.textContent?.trim()}`);
    await saveWith(el, 'save-button');
    ok(bodies.length >= 2 && bodies.every((b) => b.includes(own.salesforce.consumerSecret)), 'the test and the save each carried the consumer secret');
    ok(!bodies.some((b) => b.includes('service-pass-1234') || b.includes('SERVICETOKEN')), `neither carried the service user’s secrets: ${bodies.join(' | ')}`);
    const stored = await client.settings.get('crm');
    equal(Object.keys(stored.credentials).filter((k) => stored.credentials[k]!.configured).join(), 'consumerSecret', 'only the consumer secret is stored');
  });

  it('signs in a Salesforce service user, routes tags to a related object or fields, and maps an order object (seeds 001 and 004)', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    const el = await mount(client);
    await choosePlatform(el, 'salesforce');
    await choose(el, 'cfg-authMode', 'serviceUser');
    ok(!$(el, '#cfg-consumerKey') && !$(el, '#secret-consumerSecret'), 'no Connected App fields for a service user');
    typeInto($(el, '#cfg-username'), own.salesforce.username);
    typeInto($(el, '#secret-password'), own.salesforce.password);
    typeInto($(el, '#secret-securityToken'), own.salesforce.securityToken);
    await el.updateComplete;
    await press(el, 'test-button');
    await until(() => $(el, '.test-result'), 'the test outcome');
    ok($(el, '.test-result.success'), `the service user signs in: ${$(el, '.test-result')?.textContent?.trim()}`);
    await press(el, 'save-button');
    await until(() => $(el, '#crm-memberObject'), 'the CRM fields once the service user is saved');
    await until(() => Array.isArray($<MpCombobox>(el, '#crm-memberObject')!.options) && ($<MpCombobox>(el, '#crm-memberObject')!.options as unknown[]).length > 0, 'objects', 1200);
    await pick(el, 'crm-memberObject', 'Contact');
    await until(() => $(el, '.mapper-field button'), 'the standard-mapping button', 1200);
    $<HTMLButtonElement>(el, '.mapper-field button')!.click();
    await el.updateComplete;

    await choose(el, 'crm-tagDestination', 'relatedObject');
    await pick(el, 'crm-tagObject', 'Member_Tag__c');
    await choose(el, 'crm-tagDestination', 'multiPicklist');
    ok(!$(el, '#crm-tagObject'), 'the related object picker goes with its destination');
    await pick(el, 'crm-eventTagField', 'Event_Tags__c');
    await pick(el, 'crm-courseTagField', 'Course_Tags__c');

    await pick(el, 'crm-orderObject', 'Order');
    await until(() => ($<MpFieldMapper>(el, '#crm-orderMappings')?.targetFields.length ?? 0) > 0, 'Order fields in the order mapper', 1200);
    await press(el, 'enable-button');
    await until(() => errorOf(el, 'crm-orderMappings'), 'the order mapping must be complete to enable');
    equal((await client.settings.get('crm')).status, 'draft', 'not enabled with an incomplete order mapping');
    const orders = $<MpFieldMapper>(el, '#crm-orderMappings')!;
    orders.value = [
      { source: 'orderNumber', target: 'OrderReferenceNumber', policy: 'always' },
      { source: 'orderDate', target: 'EffectiveDate', policy: 'always' },
      { source: 'total', target: 'Description', policy: 'always' },
    ];
    orders.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await press(el, 'enable-button');
    await until(() => $(el, '.summary')?.textContent?.includes('Total (Currency) cannot be written into Description (Long text).'), 'the type check on the order mapping');
    orders.value = orders.value.map((m) => (m.source === 'total' ? { ...m, target: 'PoNumber' } : m));
    orders.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await press(el, 'enable-button');
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Enabled', 'enabled once the order mapping is complete', 300).catch((e: Error) => {
      throw new Error(`${e.message} (${$(el, '.summary')?.textContent?.trim() ?? ''})`);
    });
    const stored = await client.settings.get('crm');
    equal(stored.config.authMode, 'serviceUser', 'service-user sign-in stored');
    ok(stored.credentials.password?.configured && stored.credentials.securityToken?.configured, 'both service-user secrets configured');
    equal(stored.crm?.tagDestination, 'multiPicklist', 'tag destination stored');
    equal(stored.crm?.tagObject, null, 'no related object once the destination changed back');
    equal(stored.crm?.courseTagField, 'Course_Tags__c', 'course tag field stored');
    equal(stored.crm?.orderObject, 'Order', 'order object stored');
    equal(stored.crm?.orderMappings.length, 3, 'order mappings stored');
  });

  it('saves no order object as chosen, its hidden order mappings dropped only by the save, and says so first', async () => {
    const orderMappings = [{ source: 'orderNumber', target: 'OrderReferenceNumber', policy: 'always' as const }, { source: 'orderDate', target: 'EffectiveDate', policy: 'always' as const }];
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: requiredContactMappings, orderObject: 'Order', orderMappings });
    const el = await mount(client);
    await until(() => ($<MpCombobox>(el, '#crm-orderObject')?.options as unknown[] | undefined)?.length! > 1 && $(el, '#crm-orderMappings'), 'the CRM’s objects and the order mapper', 1200);
    await pick(el, 'crm-orderObject', '');
    ok(!$(el, '#crm-orderMappings'), 'no mapper without an order object');
    equal([...el.shadowRoot!.querySelectorAll('.crm .warning-text')].map((p) => p.textContent!.trim()).find((text) => text.includes('order')), 'With no order object, saving removes its 2 order mappings. Choose the object again to keep them.', 'says what a save drops');
    ok($(el, '#crm-orderObject')!.getAttribute('description')!.includes('saving removes its 2 order mappings'), 'in the picker’s description too, heard where the choice was made');
    await pick(el, 'crm-orderObject', 'Order');
    await until(() => $<MpFieldMapper>(el, '#crm-orderMappings')?.value.length === 2, 'choosing it again brings the rows back');
    await pick(el, 'crm-orderObject', '');
    await press(el, 'save-button');
    await until(() => !el.dirty, `saved: ${$(el, '.summary')?.textContent?.trim() ?? ''}`);
    const stored = (await client.settings.get('crm')).crm!;
    equal(JSON.stringify([stored.orderObject, stored.orderMappings]), '[null,[]]', 'stored without an order object or its mappings');
    ok(!deepText(el).includes('saving removes'), 'nothing left to drop');
  });

  it('turns up an inbound connector (seed 003): client and club IDs checked line by line, no connection test, the optional password write-only', async () => {
    const client = clientFor(await freshEnv());
    const el = await mount(client, 'inbound');
    await choosePlatform(el, 'intouch');
    ok(!$(el, '[part="test-button"]'), 'nothing to test: the partner calls MemberPulse');
    typeInto($(el, '#cfg-clubIds'), '12\n');
    await el.updateComplete;
    equal($<HTMLTextAreaElement>(el, '#cfg-clubIds')!.value, '12\n', 'Enter starts a new line instead of being undone');
    // Both in one task, as browser autofill does: neither may be lost.
    ok(!$(el, '#cfg-customOptions'), 'the options wait for the turn-up details');
    typeInto($(el, '#cfg-clientId'), '4711');
    typeInto($(el, '#cfg-clubIds'), '12\nclub 13');
    await el.updateComplete;
    ok($(el, '#cfg-customOptions'), 'and show once they are filled in, before any save (seed 000: “if not empty the below fields show up”)');
    typeInto($(el, '#cfg-customOptions'), 'keep=me');
    typeInto($(el, '#cfg-clientId'), '');
    await el.updateComplete;
    ok($(el, '#cfg-customOptions'), 'a group holding input stays on screen when a connection input is emptied: nothing saved out of sight');
    typeInto($(el, '#cfg-customOptions'), '');
    await el.updateComplete;
    ok($(el, '#cfg-customOptions'), 'and once shown, it is not pulled from under the admin’s focus');
    typeInto($(el, '#cfg-clientId'), '4711');
    await el.updateComplete;
    await press(el, 'save-button');
    await until(() => errorOf(el, 'cfg-clubIds'), 'the club IDs error');
    equal(errorOf(el, 'cfg-clubIds'), '“club 13”: Digits only, one club ID per line.', 'the error names the line and the rule');
    equal($<HTMLTextAreaElement>(el, '#cfg-clubIds')!.value, '12\nclub 13', 'what was typed stays');
    typeInto($(el, '#cfg-clubIds'), '12\n13');
    await el.updateComplete;
    await press(el, 'save-button');
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Draft', 'saved as a draft');
    typeInto($(el, '#cfg-customOptions'), 'leadSourceSync=true');
    typeInto($(el, '#secret-password'), 'partner-pass-9876');
    await el.updateComplete;
    await press(el, 'enable-button');
    // A password alone is a self-hosted connection in part: the Connector needs the rest of it too.
    await until(() => errorOf(el, 'cfg-host'), 'the host asked for with the password');
    equal(errorOf(el, 'cfg-host'), 'Host or IP is required: a self-hosted connection needs Scheme, Host or IP, Username and Password together.', 'beside the host');
    await choose(el, 'cfg-scheme', 'https');
    typeInto($(el, '#cfg-host'), 'members.riverside.example');
    typeInto($(el, '#cfg-username'), 'intouch');
    await el.updateComplete;
    await press(el, 'enable-button');
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Enabled', 'enabled');
    const stored = await client.settings.get('inbound');
    equal(stored.platform, 'intouch', 'the platform');
    equal(JSON.stringify(stored.config.clubIds), '["12","13"]', 'club IDs as a list');
    equal(stored.config.clientId, '4711', 'client ID');
    equal(JSON.stringify(stored.config.customOptions), '["leadSourceSync=true"]', 'custom options');
    equal(stored.credentials.password?.hint, '9876', 'the password only as its hint');
    ok(!deepText(el).includes('partner-pass-9876'), 'the password is nowhere in the DOM');
  });

  it('shows a saved draft’s settings beyond an incomplete connection, so nothing stored is out of sight', async () => {
    const client = clientFor(await freshEnv());
    await client.settings.saveDraft('inbound', { platform: 'intouch', config: { clientId: '4711', customOptions: ['leadSourceSync=true'] } });
    const el = await mount(client, 'inbound');
    await until(() => $(el, '#cfg-clientId'), 'the draft');
    ok($(el, '#cfg-customOptions'), 'the custom options show although Club IDs is still empty');
  });

  it('starts over with another tenant: the settings beyond the connection wait for its inputs again', async () => {
    const el = await mount(clientFor(await freshEnv()), 'inbound');
    await choosePlatform(el, 'intouch');
    typeInto($(el, '#cfg-clientId'), '4711');
    typeInto($(el, '#cfg-clubIds'), '12');
    await el.updateComplete;
    ok($(el, '#cfg-customOptions'), 'shown for the first tenant');
    el.client = clientFor(await freshEnv());
    await until(() => $(el, '.platforms') && !$(el, '#cfg-clientId'), 'the other tenant’s empty form');
    await choosePlatform(el, 'intouch');
    ok(!$(el, '#cfg-customOptions'), 'not shown before its connection inputs are filled');
  });

  it('shows accounting settings beyond the connection once its credentials are filled in (seed 000)', async () => {
    const client = clientFor(await freshEnv());
    const el = await mount(client, 'accounting');
    await choosePlatform(el, 'xero');
    ok(!$(el, '#cfg-defaultTaxRate') && !$(el, '#cfg-membershipRevenueAccount'), 'only the connection before the credentials');
    typeInto($(el, '#cfg-clientId'), 'xero-client');
    await el.updateComplete;
    ok(!$(el, '#cfg-membershipRevenueAccount'), 'not while the secret is empty');
    typeInto($(el, '#secret-clientSecret'), 'xero-secret-5678');
    await el.updateComplete;
    ok($(el, '#cfg-membershipRevenueAccount'), 'the account mapping once the credentials are filled in, before a save');
    typeInto($(el, '#cfg-membershipRevenueAccount'), '200');
    await el.updateComplete;
    await press(el, 'enable-button');
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Enabled', 'enabled');
    const stored = await client.settings.get('accounting');
    equal(stored.config.membershipRevenueAccount, '200', 'the account stored');
    equal(stored.credentials.clientSecret?.hint, '5678', 'the secret only as its hint');
  });

  it('“Save and continue” names the missing connection inputs beside them instead of saving a draft that cannot continue', async () => {
    const client = clientFor(await freshEnv());
    const el = await mount(client, 'accounting');
    await choosePlatform(el, 'xero');
    const saveAndContinue = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!;
    saveAndContinue().click();
    await until(() => errorOf(el, 'cfg-clientId'), 'the error beside Client ID');
    equal(errorOf(el, 'cfg-clientId'), 'Client ID is required to continue.', 'named beside the input');
    equal(errorOf(el, 'secret-clientSecret'), 'Client Secret is required to continue.', 'and beside the secret');
    equal(el.shadowRoot!.activeElement?.id, 'cfg-clientId', 'focus on the first');
    ok((await client.settings.list()).every((s) => s.category !== 'accounting'), 'nothing saved');
    typeInto($(el, '#cfg-clientId'), 'xero-client');
    typeInto($(el, '#secret-clientSecret'), 'xero-secret-5678');
    await el.updateComplete;
    ok($(el, '#cfg-membershipRevenueAccount'), 'the rest of the form once the inputs are filled in');
    ok(!saveAndContinue(), 'with nothing to save first: Xero has no discovery');
    await saveWith(el, 'save-button');
    await el.updateComplete;
    equal(errorOf(el, 'cfg-clientId') + errorOf(el, 'secret-clientSecret'), '', 'once saved, no error is left beside them');
  });

  it('joins a field the standard mapping cannot fill to its API name as the host’s language does', async () => {
    const client = await connectedCrm({ memberObject: 'Account', memberMappings: [] });
    await inLocale('zh', { 'settings.crm.defaultsAbsentField': '{field}（{apiName}）' }, async () => {
      const el = await mount(client);
      const absent = () => [...el.shadowRoot!.querySelectorAll('.mapper-field p.help')].map((p) => p.textContent!).find((text) => text.includes('standard mapping has no field'));
      await until(absent, 'the fields the standard mapping finds none for', 1200);
      ok(absent()!.includes('Email（Email）'), `full-width brackets: ${absent()}`);
    });
  });

  it('words “Save and continue”’s missing inputs in the host’s language, with the setting’s translated label', async () => {
    const el = await mount(clientFor(await freshEnv()), 'accounting');
    await choosePlatform(el, 'xero');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!.click();
    await until(() => errorOf(el, 'cfg-clientId'), 'the error beside Client ID');
    await inGerman({ 'catalog.xero.clientId.label': 'Kunden-ID', 'settings.requiredToContinue': 'Ohne {label} geht es nicht weiter.' }, async () => {
      await el.updateComplete;
      equal(errorOf(el, 'cfg-clientId'), 'Ohne Kunden-ID geht es nicht weiter.', 'beside the input, reworded when the language changes');
      ok($(el, '[part="error-summary"]')?.textContent?.includes('Ohne Kunden-ID geht es nicht weiter.'), `in the summary: ${$(el, '[part="error-summary"]')?.textContent}`);
    });
  });

  it('drops an error once its field is edited, and every error of a failed save once the form is back to the saved record', async () => {
    const own = await freshEnv();
    const el = await mount(await enabledCrm(own));
    await until(() => $(el, '#crm-memberObject'), 'the CRM part of the enabled record');
    const summary = () => $(el, '[part="error-summary"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    typeInto($(el, '#cfg-dailyApiAllotment'), '-5');
    // Tags to a related object want one chosen: an error on a control the admin has not touched.
    await choose(el, 'crm-tagDestination', 'relatedObject');
    await press(el, 'enable-button');
    await until(() => errorOf(el, 'cfg-dailyApiAllotment'), 'the save’s errors');
    ok(errorOf(el, 'crm-tagObject').length > 0, `the related object is asked for: ${summary()}`);
    typeInto($(el, '#cfg-dailyApiAllotment'), '500');
    await el.updateComplete;
    equal(errorOf(el, 'cfg-dailyApiAllotment'), '', 'the allotment’s error goes as it is typed');
    equal($(el, '#cfg-dailyApiAllotment')!.getAttribute('aria-invalid'), 'false', 'and it is no longer marked invalid');
    ok(errorOf(el, 'crm-tagObject').length > 0, 'an error on a control not edited stays while the form differs from the saved record');
    ok(!summary().includes('allotment'), `the summary drops it too: ${summary()}`);
    typeInto($(el, '#cfg-dailyApiAllotment'), '');
    await choose(el, 'crm-tagDestination', 'multiPicklist');
    ok(!el.dirty, 'the form is the saved record again');
    equal(errorOf(el, 'crm-tagObject'), '', 'the save’s errors about the other controls go too: they spoke of a form no longer on screen');
    equal($(el, '[part="error-summary"]'), null, 'and with them the summary');
  });

  it('keeps the errors of a refused Enable of the saved record when an edit is undone: they speak of the form on screen', async () => {
    const own = await freshEnv();
    const el = await mount(await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] }, own));
    await until(() => $(el, '#crm-memberObject'), 'the CRM part of the draft');
    ok(!el.dirty, 'nothing unsaved');
    await press(el, 'enable-button');
    await until(() => $(el, '[part="error-summary"]'), 'Enable refused');
    const before = $(el, '[part="error-summary"]')!.textContent!.replace(/\s+/g, ' ');
    ok(before.includes('First Name must be mapped'), before);
    typeInto($(el, '#cfg-consumerKey'), `${own.salesforce.consumerKey}x`);
    await el.updateComplete;
    typeInto($(el, '#cfg-consumerKey'), own.salesforce.consumerKey);
    await el.updateComplete;
    ok(!el.dirty, 'the saved record again');
    equal($(el, '[part="error-summary"]')?.textContent?.replace(/\s+/g, ' '), before, 'Enable would be refused again: the summary stays');
  });

  it('drops a “Save and continue” error as its input is filled in, and counts the rest', async () => {
    const el = await mount(clientFor(await freshEnv()), 'inbound');
    await choosePlatform(el, 'intouch');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!.click();
    await until(() => errorOf(el, 'cfg-clientId'), 'the error beside Client ID');
    ok($(el, '[part="error-summary"]')!.textContent!.includes('2 problems'), 'two inputs missing');
    typeInto($(el, '#cfg-clientId'), '123');
    await el.updateComplete;
    equal(errorOf(el, 'cfg-clientId'), '', 'no “Client ID is required” beside a Client ID');
    ok(errorOf(el, 'cfg-clubIds').length > 0, 'the Club IDs still missing keep theirs');
    ok($(el, '[part="error-summary"]')!.textContent!.includes('1 problem stops'), `the summary counts what is left: ${$(el, '[part="error-summary"]')!.textContent}`);
    equal([...el.shadowRoot!.querySelectorAll('[part="error-summary"] a')].map((a) => a.getAttribute('data-pointer')).join(' '), '/config/clubIds', 'and links only it');
  });

  it('“Save and continue” names every problem the schema’s rules find on screen in one pass, not a format error after the missing input is fixed', async () => {
    const client = clientFor(await freshEnv());
    const el = await mount(client);
    await choosePlatform(el, 'salesforce');
    typeInto($(el, '#cfg-myDomainUrl'), 'yourorg.my.salesforce');
    typeInto($(el, '#cfg-consumerKey'), '   ');
    typeInto($(el, '#secret-consumerSecret'), '   ');
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!.click();
    await until(() => errorOf(el, 'cfg-consumerKey'), 'the error beside Consumer Key');
    equal(errorOf(el, 'cfg-consumerKey'), 'Consumer Key is required to continue.', 'the blank key is missing');
    equal(errorOf(el, 'cfg-myDomainUrl'), 'Enter your org’s My Domain, such as https://yourorg.my.salesforce.com.', 'the URL’s format rule at once, not after a round trip');
    equal(errorOf(el, 'secret-consumerSecret'), 'Consumer Secret is required to continue.', 'and the blank secret, missing as the key is');
    ok($(el, '[part="error-summary"]')!.textContent!.includes('3 problems'), `all three in the summary: ${$(el, '[part="error-summary"]')!.textContent}`);
    equal(el.shadowRoot!.activeElement?.id, 'cfg-myDomainUrl', 'focus on the first in the form');
    ok((await client.settings.list()).every((s) => s.category !== 'crm'), 'nothing saved');
  });

  it('takes a secret of spaces alone for no secret: nothing opens after the connection, and “Save and continue” asks for it', async () => {
    const client = clientFor(await freshEnv());
    const el = await mount(client, 'accounting');
    await choosePlatform(el, 'xero');
    typeInto($(el, '#cfg-clientId'), 'xero-client');
    typeInto($(el, '#secret-clientSecret'), '   ');
    await el.updateComplete;
    ok(!$(el, '#cfg-membershipRevenueAccount'), 'the settings after the connection wait, as for an empty secret');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!.click();
    await until(() => errorOf(el, 'secret-clientSecret'), 'the error beside Client Secret');
    equal(errorOf(el, 'secret-clientSecret'), 'Client Secret is required to continue.', 'named as missing');
    ok($(el, '[part="error-summary"]')!.textContent!.includes('1 problem stops'), `and counted once: ${$(el, '[part="error-summary"]')!.textContent}`);
    ok((await client.settings.list()).every((s) => s.category !== 'accounting'), 'nothing saved');
  });

  it('takes a setting of spaces alone for no value: typed into an empty one, it is no change to save', async () => {
    const client = clientFor(await freshEnv());
    await client.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'abc', defaultTaxRate: 'OUTPUT' } });
    const el = await mount(client, 'accounting');
    await until(() => $(el, '#cfg-membershipRevenueAccount'), 'the saved draft’s accounts');
    typeInto($(el, '#cfg-membershipRevenueAccount'), '   ');
    await el.updateComplete;
    ok(!el.dirty, 'nothing unsaved');
    ok($<HTMLButtonElement>(el, '[part="save-button"]')!.disabled, 'so nothing to save');
  });

  it('“Save and continue” takes the keyboard on to the CRM section it opens', async () => {
    const el = await salesforceTyped();
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!;
    button.focus();
    button.click();
    await until(() => $(el, '#crm-heading') && el.shadowRoot!.activeElement?.id === 'crm-heading', 'focus on the CRM section');
    equal(el.shadowRoot!.activeElement?.textContent, 'What syncs where', 'the section the save opened');
  });

  it('keeps focus on Test connection and “Save and continue” while their call runs, marked unavailable, not disabled', async () => {
    const el = await salesforceTyped();
    await pressKeepsFocus(el, $<HTMLButtonElement>(el, '[part="test-button"]')!, 'testing the connection');
    await until(() => $(el, '.test-result'), 'the test outcome');

    const saveAndContinue = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!;
    await pressKeepsFocus(el, saveAndContinue, 'saving and continuing');
    await until(() => el.shadowRoot!.activeElement?.id === 'crm-heading', 'then on the CRM section it opens');
  });

  it('brings a connection test’s outcome into view clear of the sticky save bar, unless the admin has moved on', async () => {
    const el = await salesforceTyped();
    const button = $<HTMLButtonElement>(el, '[part="test-button"]')!;
    const bar = $(el, '[part="footer"]')!;
    const test = async (moveOn: boolean) => {
      // The button just above the bar, so the outcome appears under it.
      window.scrollBy(0, button.getBoundingClientRect().bottom - (bar.getBoundingClientRect().top - 4));
      await settle(el, 2);
      button.focus({ preventScroll: true });
      button.click();
      if (moveOn) $<HTMLInputElement>(el, '#cfg-consumerKey')!.focus({ preventScroll: true });
      const scrolled = window.scrollY;
      // The click clears the previous outcome at the next render: wait for that, not find the old one.
      await el.updateComplete;
      await until(() => $(el, '.test-result'), 'the test outcome');
      await settle(el, 2);
      return { result: $(el, '.test-result')!.getBoundingClientRect(), barTop: bar.getBoundingClientRect().top, moved: window.scrollY - scrolled };
    };
    const shown = await test(false);
    ok(shown.result.bottom <= shown.barTop + 1 && shown.result.top >= 0, `the outcome shows above the bar (${Math.round(shown.result.bottom - shown.barTop)} px under it)`);
    equal(el.shadowRoot!.activeElement, button, 'focus stays on the button');
    const left = await test(true);
    equal(left.moved, 0, 'an admin who went on to another field is not scrolled back');
    ok(left.result.bottom > left.barTop, 'the outcome is left where it is');
  });

  it('keeps keyboard focus on Save draft and Enable while they save, then on the heading, the first problem or the conflict notice', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'first' } });
    const { client, hold, waiting, sent } = holdingClient(own);
    const el = await mount(client, 'accounting');
    const save = 'PUT /settings/accounting';
    hold.add(save);
    const active = () => el.shadowRoot!.activeElement;
    /** Types `clientId`, then presses `part` by keyboard and answers once focus has stayed on it through a held save. */
    const saveByKeyboard = async (part: 'save-button' | 'enable-button', clientId: string) => {
      typeInto($(el, '#cfg-clientId'), clientId);
      await el.updateComplete;
      const button = $<HTMLButtonElement>(el, `[part="${part}"]`)!;
      button.focus();
      const before = sent.length;
      await sendKeys({ press: 'Enter' });
      await until(() => waiting.has(save), `${part}: the save sent`);
      await el.updateComplete;
      equal(button.getAttribute('aria-disabled'), 'true', `${part}: marked unavailable while it saves`);
      equal(active(), button, `${part}: focus stays on the button pressed, not on the page`);
      await sendKeys({ press: 'Enter' });
      await settle(el);
      waiting.get(save)!();
      await settle(el);
      equal(sent.slice(before).filter((c) => c === save).length, 1, `${part}: a second press while it saves sends nothing`);
    };

    await saveByKeyboard('save-button', 'mine');
    await until(() => $(el, '.outcome'), 'saved');
    ok($<HTMLButtonElement>(el, '[part="save-button"]')!.disabled, 'Save draft has nothing left to save');
    equal(active()?.id, 'heading', 'so focus is on the heading, just above the outcome');

    await saveByKeyboard('enable-button', 'mine');
    await until(() => $(el, '[part="error-summary"]'), 'Enable refused: no client secret');
    equal(active()?.id, 'secret-clientSecret', 'focus on the first problem');

    await clientFor(own).settings.patch('accounting', { config: { clientId: 'theirs' } }, { ifMatch: false });
    await saveByKeyboard('save-button', 'again');
    await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
    ok(errorOf(el, 'secret-clientSecret'), 'beside the refused Enable’s error, still standing');
    await until(() => active() === $(el, '[part="conflict"]'), 'focus on the conflict notice, this save’s answer, not on that error');
  });

  it('shows schema drift as soon as this screen describes the member object, without a reload', async () => {
    const client = await connectedCrm({
      memberObject: 'Contact',
      memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }, { source: 'phone', target: 'Retired_Phone__c', policy: 'always' }],
    });
    equal((await client.settings.get('crm')).drift.length, 0, 'the server has not described Contact for this tenant yet');
    const el = await mount(client);
    await until(() => $(el, '[part="drift"]'), 'the drift notice', 1200);
    ok($(el, '[part="drift"]')!.textContent!.includes('Retired_Phone__c'), `names the vanished field: ${$(el, '[part="drift"]')!.textContent}`);
    const stored = (await client.settings.get('crm')).drift;
    equal(stored.map((d) => d.pointer).join(), '/crm/memberMappings/1/target', 'the server recorded the same drift when the screen described Contact');
  });

  it('flags the Email opt-out and event tag fields as soon as the member object changes to one without them, as it flags the mapping rows', async () => {
    const el = await mount(await enabledCrm(await freshEnv()));
    await until(() => $(el, '#cfg-emailOptOutField')?.localName === 'mp-combobox' && $(el, '#crm-eventTagField'), 'Contact’s fields described', 1200);
    equal(errorOf(el, 'cfg-emailOptOutField') + errorOf(el, 'crm-eventTagField'), '', 'both exist on Contact');
    equal(`${$(el, '#cfg-emailOptOutField')!.hasAttribute('required')} ${$(el, '#cfg-activeFlagField')!.hasAttribute('required')}`, 'true false', 'required as the catalog says, for assistive technology too');
    const isDeleted = (id: string) => ($<MpCombobox>(el, `#${id}`)!.options as readonly { value: string; disabled?: boolean }[]).find((o) => o.value === 'IsDeleted');
    equal(`${isDeleted('cfg-emailOptOutField')?.disabled} ${isDeleted('cfg-activeFlagField')?.disabled}`, 'true undefined', 'a read-only checkbox cannot take the opt-out MemberPulse writes, but may be read as the active flag');
    await until(() => ($<MpCombobox>(el, '#crm-memberObject')!.options as unknown[]).length > 1, 'the CRM’s objects', 1200);
    await pick(el, 'crm-memberObject', 'Account');
    await until(() => errorOf(el, 'cfg-emailOptOutField') && errorOf(el, 'crm-eventTagField'), 'both flagged once Account is described, before any save', 1200);
    ok(errorOf(el, 'cfg-emailOptOutField').includes('HasOptedOutOfEmail does not exist'), errorOf(el, 'cfg-emailOptOutField'));
    ok(errorOf(el, 'crm-eventTagField').includes('Event_Tags__c does not exist on Account'), errorOf(el, 'crm-eventTagField'));
    equal($(el, '#cfg-emailOptOutField')!.hasAttribute('invalid'), true, 'the picker is marked invalid');
    ok(!$(el, '[part="error-summary"]'), 'no save was refused: nothing in the summary');

    await pick(el, 'crm-memberObject', 'Contact');
    await until(() => !errorOf(el, 'cfg-emailOptOutField') && !errorOf(el, 'crm-eventTagField'), 'gone with Contact back');
  });

  it('drops what a refused save found in the CRM choices once the member object changes: they spoke of the object left behind', async () => {
    const el = await mount(await enabledCrm(await freshEnv()));
    await until(() => ($<MpCombobox>(el, '#crm-memberObject')?.options as unknown[] | undefined)?.length! > 1, 'the CRM’s objects', 1200);
    $<HTMLInputElement>(el, '#crm-supportTicketNotes')!.click();
    await pick(el, 'crm-memberObject', 'Account');
    await until(() => $<MpFieldMapper>(el, '#crm-memberMappings')?.targetFields.some((f) => f.name === 'AccountNumber'), 'Account described', 1200);
    const summary = await pressIntoSummary(el, 'enable-button');
    ok(summary.textContent!.includes('Member fields › Email'), `the rows refused: ${summary.textContent}`);
    await pick(el, 'crm-memberObject', 'Contact');
    await until(() => !$(el, '[part="error-summary"]') && !errorOf(el, 'cfg-emailOptOutField'), 'no error left from the save onto Account, the form still changed');
    equal(el.dirty, true, 'still unsaved: the support-ticket notes');
    await saveWith(el, 'enable-button');
  });

  it('keeps the tag object chosen through a switch of where tags go and back, and saves it only for a related object', async () => {
    const client = await enabledCrm(await freshEnv());
    const el = await mount(client);
    await until(() => ($<MpCombobox>(el, '#crm-memberObject')?.options as unknown[] | undefined)?.length! > 1, 'the CRM’s objects', 1200);
    await choose(el, 'crm-tagDestination', 'relatedObject');
    await pick(el, 'crm-tagObject', 'Member_Tag__c');
    await choose(el, 'crm-tagDestination', 'campaignMembership');
    await choose(el, 'crm-tagDestination', 'relatedObject');
    equal($<MpCombobox>(el, '#crm-tagObject')!.value, 'Member_Tag__c', 'still chosen on the way back');
    await choose(el, 'crm-tagDestination', 'multiPicklist');
    equal(el.dirty, false, 'back where it was saved: the hidden tag object changes nothing a save would send');
    $<HTMLInputElement>(el, '#crm-supportTicketNotes')!.click();
    await el.updateComplete;
    await saveWith(el, 'enable-button');
    equal((await client.settings.get('crm')).crm!.tagObject, null, 'not saved where tags go to fields');
  });

  it('is not “unsaved” for a secret typed for the sign-in method no longer chosen, which a save would not send', async () => {
    const el = await mount(await enabledCrm(await freshEnv()));
    await until(() => $(el, '#cfg-authMode'), 'the connection');
    await choose(el, 'cfg-authMode', 'serviceUser');
    typeInto($(el, '#secret-password'), 'service-pass-1234');
    await el.updateComplete;
    equal(el.dirty, true, 'unsaved while the service user is chosen');
    await choose(el, 'cfg-authMode', 'connectedApp');
    equal(el.dirty, false, 'back to the saved method: nothing a save would change');
    await choose(el, 'cfg-authMode', 'serviceUser');
    equal(($(el, '#secret-password') as HTMLInputElement).value, 'service-pass-1234', 'the typed secret still there on the way back');
  });

  it('names each mapping row in the error summary by its list and MemberPulse field, and under the mapper by its field, in the mapper’s order', async () => {
    const el = await mount(await connectedCrm({ memberObject: 'Contact' }));
    await until(() => $<MpFieldMapper>(el, '#crm-memberMappings')?.targetFields.length, 'Contact described', 1200);
    const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
    mapper.value = [
      { source: 'lastName', target: 'Last_Name__c', policy: 'always' },
      { source: 'email', target: 'Email__c', policy: 'always' },
    ];
    mapper.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const summary = await pressIntoSummary(el, 'save-button');
    const items = [...summary.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    equal(items.join(' | '), 'Member fields › Email: Email__c does not exist on this CRM object. | Member fields › Last Name: Last_Name__c does not exist on this CRM object.', 'Email before Last Name, as the rows stand');
    const beside = [...$(el, '#crm-memberMappings-error')!.querySelectorAll('.field-error')].map((p) => p.textContent!.trim());
    equal(beside.join(' | '), 'Email: Email__c does not exist on this CRM object. | Last Name: Last_Name__c does not exist on this CRM object.', 'under the mapper, each led by its row’s field');
  });

  it('replaces mapping rows onto fields the member object lacks (left from another object) with the standard mapping', async () => {
    const client = await connectedCrm({
      memberObject: 'Contact',
      memberMappings: [
        { source: 'email', target: 'Email__c', policy: 'always' },
        { source: 'firstName', target: 'First_Name__c', policy: 'always' },
        { source: 'phone', target: 'MobilePhone', policy: 'always' },
      ],
    });
    const el = await mount(client);
    await until(() => $(el, '.apply-defaults'), 'the standard-mapping button', 1200);
    $<HTMLButtonElement>(el, '.apply-defaults')!.click();
    await el.updateComplete;
    const rows = $<MpFieldMapper>(el, '#crm-memberMappings')!.value.map((m) => `${m.source}→${m.target}`).sort();
    equal(rows.join(' '), 'company→Account.Name email→Email firstName→FirstName lastName→LastName membershipStatus→Membership_Status__c phone→MobilePhone', 'the admin’s working row kept, the broken ones replaced');
  });

  it('enables tags to a related object without a tag field on the member object, and saves no hidden tag field', async () => {
    const client = await connectedCrm(requiredOnContact);
    const el = await mount(client);
    await until(() => $(el, '#crm-tagDestination') && ($<MpCombobox>(el, '#crm-memberObject')!.options as unknown[]).length > 1, 'the CRM part, objects loaded', 1200);
    await choose(el, 'crm-tagDestination', 'relatedObject');
    ok(!$(el, '#crm-eventTagField') && !$(el, '#crm-courseTagField'), 'no tag field to choose: the related object gets one record per tag');
    await pick(el, 'crm-tagObject', 'Member_Tag__c');
    await press(el, 'enable-button');
    await until(() => announced(el).includes('enabled'), `enabled: ${$(el, '[part="error-summary"]')?.textContent ?? ''}`);
    const stored = (await client.settings.get('crm')).crm!;
    equal(`${stored.tagDestination} ${stored.tagObject} ${stored.eventTagField}`, 'relatedObject Member_Tag__c null', 'the event tag field left on screen is not saved');
  });

  it('words a drift line as the host’s language joins a label to its sentence, and reads it in that language’s direction', async () => {
    const client = await connectedCrm({
      memberObject: 'Contact',
      memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }, { source: 'phone', target: 'Retired_Phone__c', policy: 'always' }],
    });
    await inLocale('ar', { 'settings.drift.item': '{label} — {change}', 'settings.drift.missing': 'لم يعد {field} موجودًا في نظام إدارة علاقات العملاء.' }, async () => {
      const el = await mount(client);
      await until(() => $(el, '[part="drift"] li span'), 'the drift notice', 1200);
      const line = $(el, '[part="drift"] li span')!;
      ok(line.textContent!.includes('Phone — لم يعد Retired_Phone__c موجودًا'), `the host’s joint: ${line.textContent}`);
      equal(getComputedStyle(line).direction, 'rtl', 'right to left, though it starts with an English label');
    });
  });

  it('says so when the allotment set is more than the org allows, and measures against the org’s limit', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    await client.settings.saveDraft('crm', {
      platform: 'salesforce',
      config: { environment: 'production', authMode: 'connectedApp', consumerKey: own.salesforce.consumerKey, dailyApiAllotment: 25000 },
      credentials: { consumerSecret: own.salesforce.consumerSecret },
      crm: { memberObject: 'Contact' },
    });
    const el = await mount(client);
    await until(() => $(el, '#usage-text'), 'API usage', 1200);
    const text = $(el, '#usage-text')!.textContent!.replace(/\s+/g, ' ').trim();
    ok(text.includes('25,000') && text.includes('more than the org allows'), text);
    equal(($(el, '[part="usage-meter"]') as HTMLMeterElement).max, 15000, 'the meter fills at the org’s own limit');
  });

  it('words the API usage line in the plural form of the org’s limit, the number “API calls” goes with', async () => {
    const forms = {
      'settings.usage.text#one': 'Wykorzystano {used} z {limit} wywołania API.',
      'settings.usage.text#few': 'Wykorzystano {used} z {limit} wywołań API (few).',
      'settings.usage.text#many': 'Wykorzystano {used} z {limit} wywołań API.',
    };
    await inLocale('pl', forms, async () => {
      const el = await mount(await connectedCrm({ memberObject: 'Contact' }));
      await until(() => $(el, '#usage-text'), 'API usage', 1200);
      const text = $(el, '#usage-text bdi')!.textContent!;
      ok(/^Wykorzystano [\d\s\u00a0]+ z 15\u00a0000 wywołań API\.$/.test(text), `15 000: many: ${text}`);
    });
  });

  it('shows the row a drift item names: a vanished field with the other problem rows, a changed type that still fits without hiding it', async () => {
    const client = await connectedCrm({
      memberObject: 'Contact',
      memberMappings: [
        { source: 'email', target: 'Email', policy: 'always' },
        { source: 'phone', target: 'Phone', targetType: 'string', policy: 'always' },
        { source: 'membershipStatus', target: 'Retired_Level__c', policy: 'always' },
      ],
    });
    const el = await mount(client);
    await until(() => $(el, '[part="drift"]')?.querySelectorAll('button').length === 2, 'the drift notice with both items', 1200);
    const mapper = $(el, 'mp-field-mapper') as MpFieldMapper;
    const shown = () => [...mapper.shadowRoot!.querySelectorAll<HTMLElement>('mp-combobox[data-source]')].map((c) => c.dataset.source);
    const show = (what: string) => [...$(el, '[part="drift"]')!.querySelectorAll('li')].find((li) => li.textContent!.includes(what))!.querySelector('button')!.click();
    show('Phone');
    await until(() => mapper.shadowRoot!.activeElement?.closest?.('mp-combobox')?.getAttribute('data-source') === 'phone' || shown().includes('phone'), 'the Phone row');
    await mapper.updateComplete;
    ok(shown().includes('phone'), `the Phone row stays in view: ${shown().join(', ')}`);
    show('Retired_Level__c');
    await mapper.updateComplete;
    await until(() => !shown().includes('phone') && shown().includes('membershipStatus'), 'the vanished field among the problem rows only');
  });

  it('names a vanished tag field by its setting, flags its picker, and tells a viewer who cannot fix it whom to ask', async () => {
    const own = await freshEnv();
    await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }], tagDestination: 'multiPicklist', eventTagField: 'Retired_Tags__c' }, own);
    const el = await mount(clientFor(own));
    await until(() => $(el, '[part="drift"]'), 'the drift notice', 1200);
    const line = $(el, '[part="drift"] li')!.textContent!.replace(/\s+/g, ' ').trim();
    ok(line.startsWith('Event tag field: Retired_Tags__c no longer exists in the CRM.'), `named by its setting: ${line}`);
    [...$(el, '[part="drift"]')!.querySelectorAll('button')][0]!.click();
    await el.updateComplete;
    await until(() => errorOf(el, 'crm-eventTagField').includes('Retired_Tags__c no longer exists in the CRM.'), 'the picker says it too');
    equal(($(el, '#crm-eventTagField') as MpCombobox).invalid, true, 'and is marked invalid');
    await pick(el, 'crm-eventTagField', 'Event_Tags__c');
    equal(errorOf(el, 'crm-eventTagField'), '', 'a field that exists, once chosen, is no longer flagged');
    equal(($(el, '#crm-eventTagField') as MpCombobox).invalid, false, 'nor invalid');

    const viewer = await mount(clientFor(own, 'viewer'));
    await until(() => $(viewer, '[part="drift"]'), 'the viewer’s drift notice', 1200);
    const notice = $(viewer, '[part="drift"]')!;
    ok(notice.textContent!.includes('An admin or editor needs to fix these mappings before the next sync.'), `whom to ask: ${notice.textContent}`);
    ok(!notice.querySelector('button'), 'no Show buttons that lead nowhere for a viewer');

    await clientFor(own).settings.archive('crm');
    const archived = await mount(clientFor(own));
    await until(() => $(archived, '[part="drift"]'), 'the archived record’s drift notice', 1200);
    ok($(archived, '[part="drift"]')!.textContent!.includes('Restore these settings to fix these mappings.'), 'an archived record is restored first');
  });

  it('saves an unrelated change to an enabled record whose CRM lost a mapped field, keeping the drift notice; enabling it again is refused on that row', async () => {
    // Created enabled in one write, with the connection it names not yet stored, so nothing described Contact:
    // the field was there then, as far as anyone knew.
    const client = await enabledCrm(await freshEnv(), [{ source: 'phone', target: 'Retired_Phone__c', policy: 'always' }]);
    equal((await client.settings.get('crm')).status, 'enabled', 'enabled');
    const el = await mount(client);
    await until(() => $(el, '[part="drift"]'), 'the drift notice', 1200);
    const outcome = () => $(el, '[part="error-summary"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? (announced(el) || null);
    $<HTMLInputElement>(el, '#crm-supportTicketNotes')!.click();
    await el.updateComplete;
    await press(el, 'enable-button');
    await until(outcome, 'the save’s outcome');
    equal(outcome(), 'CRM settings saved.', 'saved, not refused for the mapping it left alone');
    const stored = await client.settings.get('crm');
    equal(`${stored.status} ${stored.crm!.supportTicketNotes}`, 'enabled true', 'stored, still enabled');
    ok($(el, '[part="drift"]')?.textContent?.includes('Retired_Phone__c'), 'the drift notice stays');

    await press(el, 'save-button');
    $<HTMLButtonElement>(el, 'dialog.confirm.draft .danger')!.click();
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Draft', 'switched to a draft');
    const summary = await pressIntoSummary(el, 'enable-button');
    ok(summary.textContent!.includes('Retired_Phone__c does not exist on this CRM object.'), `enabling again names the row: ${summary.textContent}`);
    equal((await client.settings.get('crm')).status, 'draft', 'and leaves it a draft');
  });

  it('reads nothing from the CRM for an archived record: no discovery, usage or test, the mappings by API name, the drift the server recorded', async () => {
    const own = await freshEnv();
    const admin = await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }, { source: 'phone', target: 'Retired_Phone__c', policy: 'always' }] }, own);
    await admin.crm.fields('Contact');
    await admin.settings.archive('crm');
    const asked: string[] = [];
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    });
    const el = await mount(client);
    await until(() => $(el, '[part="drift"]'), 'the drift notice', 1200);
    ok($(el, '[part="drift"]')!.textContent!.includes('Retired_Phone__c'), `the drift the server recorded: ${$(el, '[part="drift"]')!.textContent}`);
    await settle(el, 20);
    equal(asked.filter((path) => /\/crm\/|test-connection/.test(path)).join(), '', 'no call the server would refuse for an archived record');
    const mapper = $(el, 'mp-field-mapper') as MpFieldMapper;
    await mapper.updateComplete;
    const slot = mapper.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="no-targets"]');
    const shown = slot?.assignedNodes().map((n) => n.textContent).join('') ?? '';
    ok(shown.includes('These settings are archived, so the fields of Contact are not read from the CRM'), `why the mappings show API names: ${shown}`);
    ok(!$(el, '[part="test-button"]') && !$(el, '[part="crm-refresh"]') && !$(el, '#usage-text'), 'nor a button that would make one');
    ok(!$(el, '.crm .notice.error'), 'and no failure notice');
    ok($(el, '#secret-consumerSecret-state')?.textContent?.includes('Configured'), 'the secret’s state shows');
    ok(![...el.shadowRoot!.querySelectorAll('button')].some((b) => /^(Replace|Clear)\b/.test(b.textContent!.trim())), 'with no Replace or Clear an archived record cannot take');
  });

  it('refreshes the CRM’s objects and fields on request, so a field removed in the CRM meanwhile shows as drift at once', async () => {
    const own = await freshEnv();
    await connectedCrm(
      {
        memberObject: 'Contact',
        memberMappings: [
          { source: 'email', target: 'Email', policy: 'always' },
          { source: 'firstName', target: 'FirstName', policy: 'always' },
          { source: 'phone', target: 'Phone', policy: 'always' },
        ],
      },
      own,
    );
    // The CRM, seen through this client, loses fields once the screen has described Contact: as an admin deleting them in Salesforce would.
    let gone: string[] = [];
    const asked: string[] = [];
    let hold: Promise<void> | null = null;
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes('/crm/')) asked.push(new URL(url).search);
        if (hold && url.includes('refresh=true')) await hold;
        const res = await fetch(input, init);
        if (!gone.length || !/\/objects\/Contact\/fields/.test(url)) return res;
        const body = (await res.json()) as { items: { name: string }[] };
        return Response.json({ items: body.items.filter((f) => !gone.includes(f.name)) }, { headers: { 'x-request-id': res.headers.get('x-request-id') ?? '' } });
      },
    });
    const el = await mount(client);
    await until(() => $(el, '#crm-memberMappings'), 'the member mapping');
    await until(() => ($(el, '#crm-memberMappings') as MpFieldMapper).targetFields.length > 0, 'Contact described');
    ok(!$(el, '[part="drift"]'), 'nothing drifted yet');
    equal($(el, '#crm-refreshed'), null, 'no word of a refresh before one');
    gone = ['Phone', 'FirstName'];
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const refresh = $<HTMLButtonElement>(el, '[part="crm-refresh"]')!;
    equal(refresh.textContent!.trim(), 'Refresh from Salesforce', 'the button names the CRM');
    refresh.focus();
    refresh.click();
    await el.updateComplete;
    equal(refresh.getAttribute('aria-disabled'), 'true', 'busy while it reads: aria-disabled…');
    equal(refresh.textContent!.trim(), 'Refreshing from Salesforce…', '…and says so');
    ok(!refresh.disabled, 'not disabled, which would drop focus to the page');
    equal(el.shadowRoot!.activeElement, refresh, 'focus stays on the button meanwhile');
    const refreshes = () => asked.filter((q) => q.includes('refresh=true')).length;
    await until(() => refreshes() === 2, 'the objects and the fields of Contact asked again');
    refresh.click();
    await settle(el);
    equal(refreshes(), 2, 'a second press while it reads asks nothing more');
    release();
    await until(() => refresh.getAttribute('aria-disabled') === 'false', 'the refresh done');
    ok(['Phone', 'First Name'].every((f) => $(el, '[part="drift"]')?.textContent?.includes(f)), `the drift notice, without a reload: ${$(el, '[part="drift"]')?.textContent}`);
    equal(refresh.textContent!.trim(), 'Refresh from Salesforce', 'the button as it was');
    equal(el.shadowRoot!.activeElement, refresh, 'focus still on the button');
    equal(announced(el), 'Refreshed from Salesforce: 2 mapped fields changed. The notice at the top of the form names them.', 'what came back, said where the admin is');
    equal($(el, '#crm-refreshed')?.textContent, announced(el), 'and shown under the button, for those who see it');

    hold = null;
    gone = [];
    refresh.click();
    await until(() => !$(el, '[part="drift"]'), 'the fields back in the CRM, the notice gone');
    await until(() => announced(el) === 'Refreshed from Salesforce: no mapped field changed.', 'and that said too');
    equal($(el, '#crm-refreshed')?.textContent, 'Refreshed from Salesforce: no mapped field changed.', 'and shown');
  });

  it('says the fields of the member object are loading where the mapper would say it has none, not both', async () => {
    const { el, held, release } = await mountHolding('GET /settings/crm/objects/Contact/fields');
    const mapper = () => $(el, '#crm-memberMappings') as MpFieldMapper | null;
    await until(() => held() && mapper(), 'the mapper, its fields under way');
    await settle(el);
    const status = mapper()!.querySelector('[slot="no-targets"][role="status"]');
    equal(status?.textContent, 'Loading the fields of Contact…', 'the mapper’s notice says they are loading');
    equal(mapper()!.getAttribute('aria-busy'), 'true', 'and the mapper is busy');
    equal(getComputedStyle(mapper()!.shadowRoot!.querySelector('[part="empty"]')!).backgroundColor, 'rgba(0, 0, 0, 0)', 'without the tint of its no-fields warning');
    const slot = mapper()!.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="no-targets"]')!;
    equal(slot.assignedElements()[0], status, 'in place of the slot’s own “No CRM fields yet. Connect the CRM…”');
    const notes = [...el.shadowRoot!.querySelectorAll('.crm [role="status"]')].filter((n) => n.textContent!.includes('fields of Contact'));
    equal(notes.length, 1, 'said once');
    release();
    await until(() => (mapper()?.targetFields.length ?? 0) > 0, 'the fields');
    await settle(el);
    equal(mapper()!.querySelector('[slot="no-targets"]'), null, 'the note gone with them');
    equal(mapper()!.hasAttribute('aria-busy'), false, 'and the mapper no longer busy');
  });

  it('says the CRM’s objects are loading where the refresh help stands, so nothing below moves when they arrive', async () => {
    const { el, held, release } = await mountHolding('GET /settings/crm/objects');
    const picker = () => $(el, '#crm-memberObject') as MpCombobox | null;
    await until(() => held() && picker(), 'the member object picker, the objects under way');
    await settle(el);
    const status = $(el, '.crm p[role="status"]');
    equal(status?.textContent, 'Loading objects from the CRM…', 'said while they load');
    const help = $(el, '#crm-refresh-help')!;
    equal(getComputedStyle(help).visibility, 'hidden', 'over the refresh help, which says nothing of use meanwhile');
    const top = picker()!.getBoundingClientRect().top;
    release();
    await until(() => picker()!.options.length > 1, 'the objects');
    await settle(el);
    equal($(el, '.crm p[role="status"]'), null, 'the note gone with them');
    equal(getComputedStyle(help).visibility, 'visible', 'the help back');
    equal(picker()!.getBoundingClientRect().top, top, 'and the picker where it was');
  });

  it('keeps the API usage’s place while it loads, so the settings below do not move when it arrives', async () => {
    const { el, held, release } = await mountHolding('GET /settings/crm/api-usage');
    const below = () => $(el, '#cfg-securityGroupPrefix');
    await until(() => held() && below() && ($<MpFieldMapper>(el, '#crm-memberMappings')?.targetFields.length ?? 0) > 0, 'the settings and Contact’s fields, the usage under way');
    await settle(el);
    ok($(el, '.usage .skeleton'), 'a shimmer while it loads');
    equal($(el, '#usage-text'), null, 'and no figures yet');
    const top = below()!.getBoundingClientRect().top;
    release();
    await until(() => $(el, '#usage-text'), 'the API usage');
    await settle(el);
    equal($(el, '.usage .skeleton'), null, 'the shimmer gone');
    equal(below()!.getBoundingClientRect().top, top, 'and the settings below where they were');
  });

  it('keeps the CRM’s fields on screen while a refresh runs and when it fails, saying it failed', async () => {
    const own = await freshEnv();
    await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] }, own);
    let failing = false;
    const held: (() => void)[] = [];
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      retry: 0,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = input instanceof Request ? input.url : String(input);
        if (!failing || !(url.includes('refresh=true') || url.includes('/api-usage'))) return fetch(input, init);
        await new Promise<void>((resolve) => held.push(resolve));
        return Response.json({ type: 'https://memberpulse.dev/problems/upstream', title: 'Bad gateway', status: 502, detail: 'Salesforce could not be reached.' }, { status: 502 });
      },
    });
    const el = await mount(client);
    const targets = () => ($(el, '#crm-memberMappings') as MpFieldMapper | null)?.targetFields.length ?? 0;
    await until(() => targets() > 0, 'the member fields');
    const count = targets();
    failing = true;
    const refresh = $<HTMLButtonElement>(el, '[part="crm-refresh"]')!;
    const before = announced(el);
    refresh.focus();
    refresh.click();
    await until(() => held.length >= 2, 'the refresh under way');
    await settle(el);
    equal(targets(), count, 'the fields stay while the refresh runs');
    equal(refresh.getAttribute('aria-disabled'), 'true', 'the button busy');
    const notes = [...el.shadowRoot!.querySelectorAll('.crm [role="status"]')].map((n) => n.textContent!.trim());
    equal(notes.join(' | '), '', 'and no first load’s “Loading…” notes pushing the lists down meanwhile');
    for (const go of held) go();
    await until(() => $(el, '.crm .notice.error'), 'the failure, said');
    await settle(el);
    equal(targets(), count, 'and stay after it failed');
    const alert = $(el, '.crm .notice.error')!;
    equal(alert.getAttribute('role'), 'alert', 'said as an alert, as a failed first load is');
    ok(alert.textContent!.includes('Salesforce could not be reached.'), `with the reason: ${alert.textContent}`);
    equal(refresh.getAttribute('aria-disabled'), 'false', 'the button ready again');
    equal(el.shadowRoot!.activeElement, refresh, 'with focus on it');
    equal(announced(el), before, 'and no word of a refresh that did not happen');
    equal($(el, '#crm-refreshed'), null, 'nor a line saying one did');

    await until(() => $(el, '.usage meter'), 'the API usage');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.usage button')].find((b) => b.textContent!.includes('Refresh'))!.click();
    await until(() => held.length >= 3, 'the usage refresh under way');
    await settle(el);
    ok($(el, '.usage meter'), 'the usage stays while it refreshes');
    held[2]!();
    await until(() => $(el, '.usage .warning-text'), 'its failure, shown');
    ok($(el, '.usage meter'), 'and the last usage stays beside it');
    equal(announced(el), $(el, '.usage .warning-text')!.textContent!.trim(), 'and said: the button pressed keeps focus, away from that line');
  });

  it('Refresh usage reads the org’s usage afresh, past the server’s minute-long cache, and says what it reads as the button keeps focus', async () => {
    const el = await mount(await connectedCrm({ memberObject: 'Contact' }));
    await until(() => $(el, '#usage-text'), 'API usage', 1200);
    const used = () => ($(el, '[part="usage-meter"]') as HTMLMeterElement).value;
    const before = used();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.usage button')].find((b) => b.textContent!.includes('Refresh'))!.click();
    await until(() => announced(el), 'something said');
    equal(announced(el), $(el, '#usage-text')!.textContent!.replace(/\s+/g, ' ').trim(), 'what the figures under the meter read now');
    ok(used() > before, `a new reading (the org counts the call that reads it): ${before} → ${used()}`);
  });

  it('keeps the settings on screen, locked, while it loads the same record again, and shows the loading state for another client’s', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'first' } });
    // Once `holdNext` is set, the next read of the records waits until `release` is called.
    let holdNext = false;
    let release: (() => void) | null = null;
    const holding = (env: TestEnv) =>
      createIntegrationClient({
        baseUrl: env.apiUrl,
        token: env.tokens.admin,
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          if (holdNext && new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/v1/settings')) {
            holdNext = false;
            await new Promise<void>((resolve) => (release = resolve));
          }
          return fetch(input, init);
        },
      });
    const el = await mount(holding(own), 'accounting');
    await clientFor(own).settings.patch('accounting', { config: { clientId: 'theirs' } }, { ifMatch: false });
    holdNext = true;
    const reloaded = el.reload();
    await until(() => release, 'the record asked again');
    await settle(el);
    const input = $<HTMLInputElement>(el, '#cfg-clientId');
    equal(input?.value, 'first', 'the record on screen stays while it loads again');
    equal($(el, '.loading'), null, 'with no “Loading settings…” skeleton in its place');
    ok(input!.readOnly, 'locked: an edit now would be lost to the record arriving');
    equal($(el, '[part="base"]')!.getAttribute('aria-busy'), 'true', 'and busy');
    release!();
    await reloaded;
    await el.updateComplete;
    equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'theirs', 'then the record as loaded');
    ok(!$<HTMLInputElement>(el, '#cfg-clientId')!.readOnly, 'open for edits again');
    equal($(el, '[part="base"]')!.getAttribute('aria-busy'), 'false', 'and no longer busy');

    release = null;
    holdNext = true;
    el.client = holding(await freshEnv());
    await until(() => release, 'the other tenant’s settings asked');
    await settle(el);
    ok($(el, '.loading[role="status"]'), 'another client’s settings load in the loading state, which says so…');
    equal($(el, '#cfg-clientId'), null, '…not under the first one’s');
    release!();
    await until(() => $(el, '.platforms'), 'the other tenant’s empty form');
  });

  it('keeps the form locked through a reload asked for while a save runs, until the reload answers', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'first' } });
    const { client, hold, waiting: held } = holdingClient(own);
    const el = await mount(client, 'accounting');
    typeInto($(el, '#cfg-clientId'), 'mine');
    await el.updateComplete;
    hold.add('PUT /settings/accounting').add('GET /settings');
    $<HTMLButtonElement>(el, '[part="save-button"]')!.click();
    await until(() => held.has('PUT /settings/accounting'), 'the save sent');
    const reloaded = el.reload();
    await until(() => held.has('GET /settings'), 'the reload sent');
    const saved = new Promise((resolve) => el.addEventListener('mp-saved', resolve, { once: true }));
    held.get('PUT /settings/accounting')!();
    await saved;
    await settle(el);
    const input = $<HTMLInputElement>(el, '#cfg-clientId');
    ok(!input || input.readOnly, 'nothing typed now can be lost to the record the reload brings');
    equal($(el, '[part="base"]')!.getAttribute('aria-busy'), 'true', 'still busy');
    held.get('GET /settings')!();
    await reloaded;
    await el.updateComplete;
    equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'mine', 'then the record as saved');
    ok(!$<HTMLInputElement>(el, '#cfg-clientId')!.readOnly, 'open for edits again');
  });

  it('holds a writer’s controls while a save runs without changing their look, but for what the role may never change; a viewer’s look read-only', async () => {
    const own = await freshEnv();
    await enabledCrm(own);
    /** Waits for the form, and for a role that reads the CRM, for Contact's fields and the API usage. */
    const ready = async (el: MpIntegrationSettings, readsCrm = true) => {
      await until(() => $(el, '#crm-memberMappings') && $(el, '#cfg-autoSync'), 'the mapper and the settings below the connection');
      const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
      if (readsCrm) await until(() => mapper.targetFields.length > 0 && $(el, '#usage-text'), 'Contact’s fields and the API usage');
      await settle(mapper);
    };
    /** How the Environment select, a text box, a combobox and a mapper row's box and policy look. */
    const looks = (el: MpIntegrationSettings) => {
      const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!.shadowRoot!;
      const box = (c: Element) => {
        const style = getComputedStyle(c);
        return `${style.appearance}, ${style.color} on ${style.backgroundColor}`;
      };
      const combobox = (c: Element) => {
        const arrow = c.shadowRoot!.querySelector('.chevron');
        return `${box(c.shadowRoot!.querySelector('input')!)}, arrow ${arrow ? getComputedStyle(arrow).visibility : 'none'}`;
      };
      return {
        environment: box($(el, '#cfg-environment')!),
        consumerKey: box($(el, '#cfg-consumerKey')!),
        memberObject: combobox($(el, '#crm-memberObject')!),
        mappedField: combobox(mapper.querySelector('mp-field-mapper-row[data-source="email"] mp-combobox')!),
        policy: box(mapper.querySelector('select[data-source="email"]')!),
      };
    };
    /** What is laid out, but for the save bar (whose button says "Saving…"): buttons, notes, placeholders and the height. */
    const layout = (el: MpIntegrationSettings) => {
      const shown = (root: ShadowRoot) =>
        [...root.querySelectorAll<HTMLElement>('button, .help, mp-combobox')]
          .filter((e) => !e.closest('[part="footer"]'))
          .map((e) => (e instanceof MpCombobox ? `[${e.placeholder}]` : e.textContent!.trim().replace(/\s+/g, ' ')));
      const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
      return JSON.stringify({ height: Math.round($(el, '[part="base"]')!.getBoundingClientRect().height), settings: shown(el.shadowRoot!), mapper: shown(mapper.shadowRoot!) });
    };
    /** Mounts the CRM settings for `role`, types a prefix and saves the changes (Save changes), running `meanwhile` while the save is held. */
    const saveHeld = async (role: Role, meanwhile: (el: MpIntegrationSettings, before: ReturnType<typeof looks>) => Promise<void>) => {
      const { client, hold, waiting } = holdingClient(own, role);
      const el = await mount(client);
      await ready(el);
      const before = looks(el);
      typeInto($(el, '#cfg-securityGroupPrefix'), `${role}_`);
      await el.updateComplete;
      const laidOut = layout(el);
      hold.add('PUT /settings/crm');
      $<HTMLButtonElement>(el, '[part="enable-button"]')!.click();
      await until(() => waiting.has('PUT /settings/crm'), `${role}: the save sent`);
      await settle(el);
      equal($(el, '#cfg-environment')!.getAttribute('aria-readonly'), 'true', `${role}: held while it saves`);
      ok($<HTMLInputElement>(el, '#cfg-consumerKey')!.readOnly, `${role}: a text box too`);
      equal(JSON.stringify(looks(el)), JSON.stringify(before), `${role}: but looking as it did`);
      equal(layout(el), laidOut, `${role}: and laid out as it was, nothing gone or added`);
      await meanwhile(el, before);
      waiting.get('PUT /settings/crm')!();
      await until(() => $(el, '.outcome'), `${role}: saved`);
      equal(JSON.stringify(looks(el)), JSON.stringify(before), `${role}: after the save`);
      return before;
    };

    const editable = await saveHeld('admin', async (el) => {
      const replace = $<HTMLButtonElement>(el, '[data-key="consumerSecret"] button')!;
      equal(replace.getAttribute('aria-disabled'), 'true', 'Replace is unavailable meanwhile');
      replace.focus();
      replace.click();
      await el.updateComplete;
      ok(!replace.disabled && el.shadowRoot!.activeElement === replace, 'yet keeps focus, where disabled would drop it to the page');
      ok(!$(el, 'input#secret-consumerSecret'), 'and its press opened no box for a new secret');
      const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
      const mapped = JSON.stringify(mapper.value);
      const clear = mapper.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="clear"]')!;
      equal(clear.getAttribute('aria-disabled'), 'true', 'a mapping’s clear button is unavailable meanwhile');
      clear.click();
      mapper.shadowRoot!.querySelector<HTMLButtonElement>('[part="automap-button"]')!.click();
      await mapper.updateComplete;
      equal(JSON.stringify(mapper.value), mapped, 'and neither it nor Auto-map changes the mappings');
      equal(mapper.suggestions.length, 0, 'nor suggests any');
    });
    ok(editable.environment.startsWith('auto') && editable.memberObject.endsWith('arrow visible'), `an admin’s have arrows: ${JSON.stringify(editable)}`);

    const editor = await saveHeld('editor', async () => {});
    ok(editor.consumerKey !== editable.consumerKey && editor.environment.startsWith('none'), `an editor’s connection, which guards the stored secret, looks read-only: ${JSON.stringify(editor)}`);
    equal(editor.memberObject, editable.memberObject, 'the rest as an admin’s');

    const viewer = await mount(clientFor(own, 'viewer'));
    await ready(viewer, false);
    const read = looks(viewer);
    for (const [control, look] of Object.entries(read)) {
      ok(look !== editable[control as keyof typeof read], `a viewer’s ${control} looks read-only (${look}), not editable (${editable[control as keyof typeof read]})`);
    }
    ok(read.environment.startsWith('none') && !read.memberObject.endsWith('arrow visible'), `with no arrows: ${JSON.stringify(read)}`);
  });

  it("keeps the server's order-mapping drift while this screen is still describing the order object, then works it out itself", async () => {
    const client = await connectedCrm({
      memberObject: 'Contact',
      memberMappings: [{ source: 'phone', target: 'Retired_Phone__c', policy: 'always' }],
      orderObject: 'Order',
      orderMappings: [{ source: 'total', target: 'Retired_Total__c', policy: 'always' }],
    });
    await client.crm.fields('Order');
    equal((await client.settings.get('crm')).drift.map((d) => d.field).join(), 'Retired_Total__c', 'the server has seen the order drift');
    let describeOrder!: () => void;
    const orderHeld = new Promise<void>((resolve) => (describeOrder = resolve));
    const held: IntegrationClient = {
      ...client,
      crm: { ...client.crm, fields: (name, o) => (name === 'Order' ? orderHeld.then(() => client.crm.fields(name, o)) : client.crm.fields(name, o)) },
    };
    const el = await mount(held);
    const driftText = () => $(el, '[part="drift"]')?.textContent ?? '';
    await until(() => driftText().includes('Retired_Phone__c'), 'the member drift worked out on this screen', 1200);
    const orderTargets = () => $<MpFieldMapper>(el, '#crm-orderMappings')?.targetFields.length ?? 0;
    equal(orderTargets(), 0, 'Order is still being described');
    ok(driftText().includes('Retired_Total__c'), `the order drift as the server saw it, meanwhile: ${driftText()}`);
    describeOrder();
    await until(() => orderTargets() > 0, 'the order object described', 1200);
    await el.updateComplete;
    ok(driftText().includes('Retired_Total__c') && driftText().includes('Retired_Phone__c'), `both, now worked out here: ${driftText()}`);
    equal(driftText().split('Retired_Total__c').length - 1, 1, 'the order drift once, not the server copy beside the local one');
  });

  it('puts the server validation errors beside their inputs, lists them linked at the top, focuses the first, and keeps what was typed', async () => {
    const el = await mount(clientFor(env), 'payment-gateway');
    equal($(el, '[part="platforms"] legend')!.textContent!.replace(/\s+/g, ' ').trim(), 'Platform (Required)', 'seed 000: the payment gateway is required during set-up');
    ok($(el, '.empty-note')!.textContent!.includes('required'), 'and the empty state says so');
    await choosePlatform(el, 'stripe');
    typeInto($(el, '#cfg-publishableKey'), 'not-a-key');
    await pressIntoSummary(el, 'enable-button');
    ok(/pk_test_/.test(errorOf(el, 'cfg-publishableKey')), `publishable key error beside it: ${errorOf(el, 'cfg-publishableKey')}`);
    ok(errorOf(el, 'secret-secretKey').length > 0, 'secret key required beside it');
    ok(errorOf(el, 'secret-webhookSecret').length > 0, 'webhook secret required beside it');
    equal($(el, '#cfg-publishableKey')!.getAttribute('aria-invalid'), 'true', 'marked invalid');
    equal(el.shadowRoot!.activeElement?.id, 'cfg-publishableKey', 'focus on the first problem');
    equal($<HTMLInputElement>(el, '#cfg-publishableKey')!.value, 'not-a-key', 'typed value kept');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')];
    ok(links.length >= 3, 'the summary links every problem');
    equal(
      links.find((a) => a.dataset.pointer === '/config/publishableKey')!.textContent!.trim(),
      'Publishable key: Starts with pk_test_ or pk_live_.',
      'away from its input, the summary names the setting a format rule is about',
    );
    links.find((a) => a.dataset.pointer === '/credentials/webhookSecret')!.click();
    equal(el.shadowRoot!.activeElement?.id, 'secret-webhookSecret', 'a summary link moves focus to its input');
    await expectNoViolations(el, 'errors shown');
  });

  it('shows two errors on one value as two lines, each a sentence, and reads both as the input’s description', async () => {
    const el = await mount(clientFor(env), 'payment-gateway');
    await choosePlatform(el, 'stripe');
    // Too long, and of the other mode than Mode (Test): two problems with one value.
    typeInto($(el, '#cfg-publishableKey'), `pk_live_${'a'.repeat(260)}`);
    await pressIntoSummary(el, 'enable-button');
    const lines = [...$(el, '#cfg-publishableKey-error')!.querySelectorAll('.field-error')].map((p) => p.textContent!.trim());
    equal(lines.join(' | '), 'Publishable key must be at most 255 characters. | Publishable key is a live-mode key, but Mode is Test.', 'one line each');
    const [first, second] = [...$(el, '#cfg-publishableKey-error')!.querySelectorAll('.field-error')].map((p) => p.getBoundingClientRect());
    ok(second!.top >= first!.bottom, 'the second under the first, not run on after it');
    type AxNode = { role: string; name?: string; description?: string; children?: AxNode[] };
    const find = (node: AxNode): AxNode | undefined => (node.name === 'Publishable key' && node.role === 'textbox' ? node : (node.children ?? []).map(find).find(Boolean));
    const input = find((await a11ySnapshot({})) as unknown as AxNode);
    equal(input?.description, 'Publishable key must be at most 255 characters. Publishable key is a live-mode key, but Mode is Test.', 'one description, both sentences');
  });

  it('takes a Stripe key’s mode error away once Mode is changed to match it, and keeps the errors Mode does not answer', async () => {
    const el = await mount(clientFor(await freshEnv()), 'payment-gateway');
    await choosePlatform(el, 'stripe');
    typeInto($(el, '#cfg-publishableKey'), 'pk_live_abc');
    typeInto($(el, '#secret-secretKey'), 'sk_live_abc');
    await pressIntoSummary(el, 'enable-button');
    equal(errorOf(el, 'cfg-publishableKey'), 'Publishable key is a live-mode key, but Mode is Test.', 'the key against Mode');
    equal(errorOf(el, 'secret-secretKey'), 'Secret key is a live-mode key, but Mode is Test.', 'the secret key too');
    ok(errorOf(el, 'secret-webhookSecret').length > 0, 'and the webhook secret left out');
    await choose(el, 'cfg-mode', 'live');
    await settle(el);
    equal(errorOf(el, 'cfg-publishableKey'), '', 'the publishable key’s error goes with the change of Mode');
    equal(errorOf(el, 'secret-secretKey'), '', 'as does the secret key’s');
    equal($(el, '#cfg-publishableKey')!.getAttribute('aria-invalid'), 'false', 'neither is marked invalid');
    ok(errorOf(el, 'secret-webhookSecret').length > 0, 'the webhook secret’s stays: Mode does not answer it');
    ok($(el, '[part="error-summary"]')?.textContent?.includes('1 problem'), `the summary counts what is left: ${$(el, '[part="error-summary"]')?.textContent}`);
  });

  it('names each input in a failed connection test’s reasons, every missing one with the others’ mistakes', async () => {
    const el = await mount(clientFor(await freshEnv()));
    await choosePlatform(el, 'hubspot');
    typeInto($(el, '#cfg-portalId'), '12ab 34');
    await el.updateComplete;
    await press(el, 'test-button');
    await until(() => $(el, '.test-result.error'), 'the test outcome');
    equal(
      $(el, '.test-result.error p')?.textContent?.replace(/\s+/g, ' ').trim(),
      'Connection failed: Portal ID: Digits only. Private app access token is required to connect to HubSpot.',
      'each reason led by its input, unless it names it',
    );
    equal(errorOf(el, 'cfg-portalId'), 'Digits only.', 'beside the input, its label is beside it');
  });

  it('tints the chosen platform and rings focus in a host’s accent, in both schemes, unless the host sets those too', async () => {
    const el = await mount(clientFor(env), 'payment-gateway');
    await choosePlatform(el, 'stripe');
    const card = $(el, '.platform.chosen')!;
    const radio = card.querySelector('input')!;
    const channels = (color: string) => color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const near = (color: string, expected: number[], what: string) => {
      const got = color.startsWith('color(srgb') ? channels(color.replace('color(srgb', '')).map((c) => c * 255) : channels(color);
      ok(got.every((c, i) => Math.abs(c - expected[i]!) <= 1), `${what}: ${color}, expected rgb(${expected.join(', ')})`);
    };
    radio.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    equal(el.shadowRoot!.activeElement, radio, 'the chosen radio has keyboard focus');
    el.setAttribute('data-mp-theme', 'light');
    near(getComputedStyle(card).backgroundColor, [232.6, 238.1, 250.9], 'no host accent: the kit’s own tint, 10% of its blue');
    ok(getComputedStyle(card).boxShadow.includes('rgb(31, 86, 214)'), `and its own focus colour: ${getComputedStyle(card).boxShadow}`);

    el.style.setProperty('--mp-color-accent', 'light-dark(rgb(122, 31, 162), rgb(214, 164, 242))');
    // 10% of the accent in the surface (18% in dark).
    near(getComputedStyle(card).backgroundColor, [241.7, 232.6, 245.7], 'a host accent tints the chosen card, light');
    ok(getComputedStyle(card).boxShadow.includes('rgb(122, 31, 162)'), `and rings focus: ${getComputedStyle(card).boxShadow}`);
    el.setAttribute('data-mp-theme', 'dark');
    near(getComputedStyle(card).backgroundColor, [56.6, 50, 69], 'and dark, from the dark twin');
    ok(getComputedStyle(card).boxShadow.includes('rgb(214, 164, 242)'), `its dark twin rings focus: ${getComputedStyle(card).boxShadow}`);

    el.style.setProperty('--mp-color-accent-subtle', 'rgb(1, 2, 3)');
    el.style.setProperty('--mp-color-focus', 'rgb(4, 5, 6)');
    near(getComputedStyle(card).backgroundColor, [1, 2, 3], 'a host’s own tint wins');
    ok(getComputedStyle(card).boxShadow.includes('rgb(4, 5, 6)'), `as does its own focus colour: ${getComputedStyle(card).boxShadow}`);
  });

  it('names each platform radio by the platform alone and describes it by the sentence under it', async () => {
    const el = await mount(clientFor(env), 'payment-gateway');
    const stripe = await axNode($(el, 'input[name="platform"][value="stripe"]')!);
    equal(`${stripe.role}: ${stripe.name}`, 'radio: Stripe', 'the platform’s name');
    equal(stripe.description, 'Take membership, event and course payments through Stripe.', 'what it does, as its description');
  });

  it('reads the platform group’s “(Required)” apart from its legend, as it shows', async () => {
    const el = await mount(clientFor(env), 'payment-gateway');
    const group = await axNode($(el, 'fieldset[part="platforms"]')!);
    equal(`${group.role}: ${group.name}`, 'group: Platform (Required)', 'the legend with its space');
  });

  it('reads “(Optional)” apart from the label before it, as it shows', async () => {
    const el = await mount(clientFor(env), 'crm');
    await choosePlatform(el, 'salesforce');
    type AxNode = { role: string; name?: string; children?: AxNode[] };
    const textboxes = (node: AxNode): string[] => [...(node.role === 'textbox' ? [node.name ?? ''] : []), ...(node.children ?? []).flatMap(textboxes)];
    const optional = textboxes((await a11ySnapshot({})) as unknown as AxNode).filter((n) => n.endsWith('(Optional)'));
    ok(optional.length > 0, 'an optional input');
    equal(optional.filter((n) => !n.endsWith(' (Optional)')).join(' | '), '', 'no label runs into its mark');
  });

  it('lists the server’s errors in the order of the form and focuses the first on screen, whatever order the answer gives', async () => {
    // The server's field errors, turned around: the form must not rely on the order they come in.
    const reversing = createIntegrationClient({
      baseUrl: env.apiUrl,
      token: env.tokens.admin,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (res.status !== 422) return res;
        const body = await res.json();
        body.errors.reverse();
        return new Response(JSON.stringify(body), { status: 422, headers: res.headers });
      },
    });
    const el = await mount(reversing, 'payment-gateway');
    await choosePlatform(el, 'stripe');
    typeInto($(el, '#cfg-publishableKey'), 'nope');
    typeInto($(el, '#secret-secretKey'), 'bad');
    typeInto($(el, '#secret-webhookSecret'), 'also bad');
    await pressIntoSummary(el, 'enable-button');
    const order = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')].map((a) => a.dataset.pointer);
    equal(order.join(' '), '/config/publishableKey /credentials/secretKey /credentials/webhookSecret', 'top to bottom, as the inputs stand');
    equal(el.shadowRoot!.activeElement?.id, 'cfg-publishableKey', 'focus on the first input on screen');
    await press(el, 'test-button');
    await until(() => $(el, '.test-result.error'), 'the connection test’s outcome');
    const said = $(el, '.test-result')!.textContent!;
    ok(said.indexOf('pk_test_') >= 0 && said.indexOf('pk_test_') < said.indexOf('sk_test_') && said.indexOf('sk_test_') < said.indexOf('whsec_'), `the failed test names them in form order too: ${said}`);
  });

  it('names each missing connection input beside it when a connection test cannot start', async () => {
    const el = await mount(clientFor(env), 'payment-gateway');
    await choosePlatform(el, 'stripe');
    typeInto($(el, '#cfg-publishableKey'), 'pk_test_123456789012345678901234');
    typeInto($(el, '#secret-secretKey'), 'sk_test_123456789012345678901234');
    await el.updateComplete;
    await press(el, 'test-button');
    await until(() => $(el, '.test-result'), 'the test outcome');
    equal(errorOf(el, 'secret-webhookSecret'), 'Webhook signing secret is required to connect to Stripe.', 'the missing secret named beside its input');
    equal(errorOf(el, 'secret-secretKey'), '', 'nothing beside the one that was typed');
    ok($(el, '.test-result.error')!.textContent!.includes('Webhook signing secret is required to connect to Stripe.'), `the outcome says which: ${$(el, '.test-result')!.textContent}`);
    equal($<HTMLInputElement>(el, '#secret-secretKey')!.value, 'sk_test_123456789012345678901234', 'the typed secret stays');
  });

  it('keeps what was typed for a platform when the admin chooses another and comes back', async () => {
    const el = await mount(clientFor(env));
    await choosePlatform(el, 'salesforce');
    typeInto($(el, '#cfg-consumerKey'), 'typed-key');
    typeInto($(el, '#secret-consumerSecret'), 'typed-secret');
    await el.updateComplete;
    await press(el, 'test-button');
    await until(() => $(el, '.test-result.error'), 'the refused test of the made-up key');
    await choosePlatform(el, 'hubspot');
    equal($<HTMLInputElement>(el, '#cfg-consumerKey'), null, 'HubSpot shows its own fields');
    equal($(el, '.test-result'), null, 'and not the outcome of Salesforce’s test');
    typeInto($(el, '#cfg-portalId'), '12345');
    await el.updateComplete;
    await choosePlatform(el, 'salesforce');
    equal($<HTMLInputElement>(el, '#cfg-consumerKey')!.value, 'typed-key', 'the Salesforce key is back');
    equal($<HTMLInputElement>(el, '#secret-consumerSecret')!.value, 'typed-secret', 'the typed secret is back');
    await choosePlatform(el, 'hubspot');
    equal($<HTMLInputElement>(el, '#cfg-portalId')!.value, '12345', 'and the HubSpot portal ID');
    ok(el.dirty, 'still unsaved');
  });

  it('puts CRM errors on the member object, mapping and event tag, and a failed test on the secret', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    await client.settings.saveDraft('crm', { platform: 'salesforce', config: { consumerKey: own.salesforce.consumerKey }, credentials: { consumerSecret: own.salesforce.consumerSecret } });
    const el = await mount(client);
    await until(() => $(el, '#crm-memberObject'), 'the CRM part for saved credentials');
    await pressIntoSummary(el, 'enable-button');
    ok(errorOf(el, 'crm-memberObject').includes('member object'), `member object error beside its picker: ${errorOf(el, 'crm-memberObject')}`);
    ok(errorOf(el, 'crm-eventTagField').length > 0, 'event tag error beside its picker');
    ok(errorOf(el, 'crm-memberMappings').length > 0, `mapping error beside the mapper: ${$(el, '[part="error-summary"]')!.textContent}`);
    equal(el.shadowRoot!.activeElement?.id, 'crm-memberObject', 'focus on the member object picker');
    ok(!deepText(el).includes(own.salesforce.consumerSecret), 'no secret in the DOM');

    $<HTMLButtonElement>(el, '#secret-consumerSecret')!.click();
    await el.updateComplete;
    typeInto($(el, 'input#secret-consumerSecret'), 'wrong-secret-0000');
    await el.updateComplete;
    await press(el, 'test-button');
    await until(() => $(el, '.test-result'), 'the test outcome');
    ok($(el, '.test-result.error')?.textContent?.includes('Connection failed'), `a plain failure: ${$(el, '.test-result')?.textContent}`);
    ok(errorOf(el, 'secret-consumerSecret').length > 0, `the rejection beside the secret: ${errorOf(el, 'secret-consumerSecret')}`);
    equal($<HTMLInputElement>(el, 'input#secret-consumerSecret')!.value, 'wrong-secret-0000', 'the typed value stays for correcting');
    equal((await client.settings.get('crm')).credentials.consumerSecret?.hint, own.salesforce.consumerSecret.slice(-4), 'a test stores nothing');
  });

  it('keeps secrets write-only: Replace opens an empty box, Clear waits for a save, nothing is ever prefilled', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    await client.settings.saveDraft('paymentGateway', { platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_SECRET9876', webhookSecret: 'whsec_HOOK5555' } });
    const el = await mount(client, 'payment-gateway');
    const field = $(el, '[data-key="secretKey"]')!;
    ok(field.textContent!.includes('Configured ••••9876'), 'hint shown');
    ok(field.textContent!.replace(/\s+/g, ' ').includes(` by admin@${own.tenant}`), `and who wrote it: ${field.textContent}`);
    ok(!deepText(el).includes('sk_test_SECRET9876'), 'the secret is not in the DOM');
    ok(!$(el, 'input#secret-secretKey'), 'no input until Replace');
    $<HTMLButtonElement>(el, '#secret-secretKey')!.click();
    await el.updateComplete;
    equal($<HTMLInputElement>(el, 'input#secret-secretKey')!.value, '', 'Replace opens an empty box');
    equal($<HTMLInputElement>(el, 'input#secret-secretKey')!.type, 'password', 'typed as a password');
    equal($<HTMLInputElement>(el, 'input#secret-secretKey')!.autocomplete, 'off', 'not the portal’s new password: no generated password offered for a Stripe key');
    ok($(el, 'input#secret-secretKey')!.hasAttribute('data-1p-ignore'), 'and password managers are asked to leave it alone');
    typeInto($(el, 'input#secret-secretKey'), 'sk_test_NEWVALUE1111');
    await el.updateComplete;
    await saveWith(el, 'save-button');
    ok($(el, '[data-key="secretKey"]')!.textContent!.includes('••••1111'), 'new hint after saving');
    ok(!deepText(el).includes('sk_test_NEWVALUE1111'), 'the new secret left the DOM');

    const clear = [...$(el, '[data-key="webhookSecret"]')!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Clear Webhook signing secret')!;
    clear.focus();
    clear.click();
    await el.updateComplete;
    ok($(el, '[data-key="webhookSecret"]')!.textContent!.includes('Will be cleared when you save.'), 'Clear waits for a save');
    ok(el.dirty, 'a pending clear is an unsaved change');
    await until(() => el.shadowRoot!.activeElement?.textContent?.trim() === 'Undo Webhook signing secret', 'focus on Undo, which took the place of Clear, and names the secret');
    equal($(el, `#${el.shadowRoot!.activeElement!.getAttribute('aria-describedby')}`)?.textContent?.trim(), 'Will be cleared when you save.', 'Undo is described by what it undoes');
    $<HTMLButtonElement>(el, '#secret-webhookSecret')!.click();
    await el.updateComplete;
    ok($(el, '[data-key="webhookSecret"]')!.textContent!.includes('••••5555'), 'Undo keeps the stored secret');
    ok(!el.dirty, 'nothing pending after Undo');
    await until(() => el.shadowRoot!.activeElement?.id === 'secret-webhookSecret', 'focus on Replace, where Undo was');

    $<HTMLButtonElement>(el, '#secret-secretKey')!.click();
    await el.updateComplete;
    typeInto($(el, 'input#secret-secretKey'), 'sk_test_CHANGEDMIND22');
    await el.updateComplete;
    ok(el.dirty, 'a typed replacement is an unsaved change');
    [...$(el, '[data-key="secretKey"]')!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Keep current Secret key')!.click();
    await el.updateComplete;
    ok(!$(el, 'input#secret-secretKey') && !el.dirty, 'Keep current closes the box and drops what was typed');
    ok(!deepText(el).includes('sk_test_CHANGEDMIND22'), 'the dropped value left the DOM');
    await until(() => el.shadowRoot!.activeElement?.id === 'secret-secretKey', 'focus back on Replace');
  });

  it('offers compare, reload or save-over when someone else saved first, without losing the edits', async () => {
    const { el, client } = await conflictCompared();
    equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'mine', 'my edit is still there');
    const row = [...el.shadowRoot!.querySelectorAll('table.compare tbody tr')].find((r) => r.textContent!.includes('Client ID'));
    ok(row?.textContent?.includes('theirs') && row.textContent.includes('mine'), 'both values compared');
    await expectNoViolations(el, 'conflict compare');
    equal(el.shadowRoot!.activeElement, $(el, '[part="conflict"]'), 'the notice, holding the comparison, has focus where Compare was');
    [...$(el, '[part="conflict"]')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Save my changes'))!.click();
    await until(() => !$(el, '[part="conflict"]') && $(el, '.outcome'), 'saved over theirs');
    equal((await client.settings.get('accounting')).config.clientId, 'mine', 'mine is stored');
  });

  for (const pressed of ['Compare', 'Save my changes']) {
    it(`saves nothing when “${pressed}” finds the settings archived elsewhere, and keeps the edits aside for Restore`, async () => {
      const { el, client } = await archivedElsewhereWhileTyping();
      await press(el, 'save-button');
      await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
      [...$(el, '[part="conflict"]')!.querySelectorAll('button')].find((b) => b.textContent!.includes(pressed))!.click();
      await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Archived', 'the form shows the record archived');
      ok(!$(el, '[part="conflict"]'), 'the conflict notice, whose save cannot take, is gone');
      equal($(el, '.outcome')?.textContent?.trim(), 'Nothing was saved: Accounting settings were archived elsewhere while you were editing.', 'says why');
      equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'first', 'the archived record as stored');
      ok(deepText(el).includes('What you typed is kept aside'), 'the typing is kept aside');
      ok(el.dirty, 'so leaving asks first');
      await until(() => el.shadowRoot!.activeElement?.id === 'heading', 'focus on the heading, the pressed button being gone');
      const stored = await client.settings.get('accounting');
      equal([stored.status, stored.config.clientId].join(), 'archived,first', 'nothing written over the archived record');

      await restoreConfirmed(el);
      equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'mine', 'the typing comes back');
      await press(el, 'save-button');
      await until(() => !el.dirty, 'saved');
      equal((await client.settings.get('accounting')).config.clientId, 'mine', 'and is stored');
    });
  }

  it('keeps the edits aside when an Archive is refused because the settings were archived elsewhere meanwhile', async () => {
    const { el } = await archivedElsewhereWhileTyping();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.header button')].find((b) => b.textContent!.includes('Archive'))!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog.confirm .danger')!.click();
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Archived', 'the record as it now is');
    ok(deepText(el).includes('What you typed is kept aside'), 'the typing is kept aside');
    await restoreConfirmed(el);
    equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'mine', 'the typing comes back over the restored record');
  });

  it('keeps keyboard focus on Compare, “Save my changes” and “Load theirs” while their calls run, then on the notice or the heading', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'first' } });
    const { client, hold, waiting, sent } = holdingClient(own);
    const el = await mount(client, 'accounting');
    const active = () => el.shadowRoot!.activeElement;
    const conflictOver = async (theirs: string, mine: string) => {
      await clientFor(own).settings.patch('accounting', { config: { clientId: theirs } }, { ifMatch: false });
      typeInto($(el, '#cfg-clientId'), mine);
      await el.updateComplete;
      await press(el, 'save-button');
      await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
    };
    /** Presses the notice's `label` button by keyboard, and again while each of its `calls` is held in turn. */
    const pressByKeyboard = async (label: string, ...calls: string[]) => {
      const button = [...$(el, '[part="conflict"]')!.querySelectorAll('button')].find((b) => b.textContent!.includes(label))!;
      calls.forEach((c) => hold.add(c));
      const before = sent.length;
      button.focus();
      await sendKeys({ press: 'Enter' });
      for (const call of calls) {
        await until(() => waiting.has(call), `${label}: ${call} sent`);
        await el.updateComplete;
        equal(button.getAttribute('aria-disabled'), 'true', `${label}: marked unavailable while ${call} runs`);
        equal(active(), button, `${label}: focus stays on the button pressed while ${call} runs, not on the page`);
        await sendKeys({ press: 'Enter' });
        await settle(el);
        waiting.get(call)!();
      }
      await settle(el);
      for (const call of calls) equal(sent.slice(before).filter((c) => c === call).length, 1, `${label}: a second press sends no second ${call}`);
      calls.forEach((c) => hold.delete(c));
    };

    await conflictOver('theirs', 'mine');
    await pressByKeyboard('Compare', 'GET /settings/accounting');
    await until(() => $(el, 'table.compare'), 'the comparison');
    equal(active(), $(el, '[part="conflict"]'), 'Compare is gone: the notice holding the comparison has focus');
    await pressByKeyboard('Load theirs', 'GET /settings');
    await until(() => !$(el, '[part="conflict"]') && $<HTMLInputElement>(el, '#cfg-clientId')!.value === 'theirs', 'theirs loaded');
    equal(active()?.id, 'heading', 'the notice is gone: focus on the heading');

    await conflictOver('theirs again', 'mine');
    await pressByKeyboard('Save my changes', 'GET /settings/accounting', 'PUT /settings/accounting');
    await until(() => !$(el, '[part="conflict"]') && $(el, '.outcome'), 'saved over theirs');
    equal(active()?.id, 'heading', 'the notice is gone: focus on the heading, just above the outcome');

    await conflictOver('theirs once more', 'mine again');
    typeInto($(el, '#cfg-clientId'), 'x'.repeat(256));
    await el.updateComplete;
    [...$(el, '[part="conflict"]')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Save my changes'))!.click();
    await until(() => errorOf(el, 'cfg-clientId'), 'the server refuses the value');
    ok(!$(el, '[part="conflict"]'), 'the save’s answer replaces the notice');
    equal(active()?.id, 'cfg-clientId', 'focus on the first problem, not on a notice still standing');
  });

  it('does not overwrite settings someone else set up first while this screen showed none', async () => {
    const own = await freshEnv();
    const el = await mount(clientFor(own), 'accounting');
    await choosePlatform(el, 'xero');
    typeInto($(el, '#cfg-clientId'), 'mine');
    await el.updateComplete;
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'theirs' } });
    await press(el, 'save-button');
    await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
    equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'mine', 'the typing stays');
    equal((await clientFor(own).settings.get('accounting')).config.clientId, 'theirs', 'their first save stands');
  });

  it('a conflict on the retry of a failed save drops the failure’s “Nothing was saved” message, which no longer holds', async () => {
    const own = await freshEnv();
    let failNext = true;
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      retry: 0,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const method = input instanceof Request ? input.method : init?.method;
        if (method === 'PUT' && failNext) {
          failNext = false;
          const problem = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Broken for the test.' };
          return Promise.resolve(new Response(JSON.stringify(problem), { status: 500, headers: { 'content-type': 'application/problem+json' } }));
        }
        return fetch(input, init);
      },
    });
    const el = await mount(client, 'accounting');
    await choosePlatform(el, 'xero');
    typeInto($(el, '#cfg-clientId'), 'mine');
    await el.updateComplete;
    await press(el, 'save-button');
    await until(() => el.shadowRoot!.textContent!.includes('Broken for the test.'), 'the failure');
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'theirs' } });
    await press(el, 'save-button');
    await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
    await el.updateComplete;
    const shown = [...el.shadowRoot!.querySelectorAll('*')].filter((n) => !n.closest('[aria-live]') && [...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.includes('Nothing was saved')));
    equal(shown.map((n) => n.outerHTML.slice(0, 80)).join(), '', 'the first failure’s message is gone');
    equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'mine', 'the typing stays');
  });

  it('keeps what someone else saved meanwhile where this screen changed nothing, and compares only what it changed', async () => {
    const own = await freshEnv();
    const email = { source: 'email', target: 'Email', policy: 'always' } as const;
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [email] }, own);
    const el = await mount(client);
    await until(() => ($<MpFieldMapper>(el, '#crm-memberMappings')?.targetFields.length ?? 0) > 0, 'Contact fields in the mapper', 1200);
    await clientFor(own).settings.patch('crm', { config: { autoSync: true }, crm: { memberMappings: [email, { source: 'lastName', target: 'LastName', policy: 'always' }] } }, { ifMatch: false });
    await pick(el, 'crm-eventTagField', 'Event_Tags__c');
    const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
    mapper.value = [email, { source: 'firstName', target: 'FirstName', policy: 'always' }];
    mapper.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="save-button"]')!.focus();
    await press(el, 'save-button');
    await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
    await until(() => el.shadowRoot!.activeElement === $(el, '[part="conflict"]'), 'the notice takes focus from Save, so the admin sees it');
    const notice = $(el, '[part="conflict"]')!;
    equal(notice.getAttribute('role'), 'region', 'a region read once as it takes focus, not an alert read again as Compare fills it');
    equal($(el, `#${notice.getAttribute('aria-labelledby')}`)?.textContent?.trim(), 'These settings were saved elsewhere while you were editing: by someone else, or by you in another tab.', 'named by its title');
    ok(!announced(el).includes('saved elsewhere'), 'and not announced a second time');
    [...$(el, '[part="conflict"]')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Compare'))!.click();
    await until(() => $(el, 'table.compare'), 'the comparison');
    const rows = [...el.shadowRoot!.querySelectorAll('table.compare tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()).join(' | '));
    equal(rows.join(' / '), 'Member fields: First Name | (empty) | FirstName / Event tag field | (empty) | Event_Tags__c', 'only what I changed, a mapping by its own row');
    equal(mapper.value.map((m) => m.source).join(), 'email,lastName,firstName', 'their added mapping shows in the form, mine after it');
    await expectNoViolations(el, 'CRM conflict compare');
    [...$(el, '[part="conflict"]')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Save my changes'))!.click();
    await until(() => !$(el, '[part="conflict"]') && $(el, '.outcome'), 'saved');
    const stored = (await client.settings.get('crm')).crm!;
    equal(stored.eventTagField, 'Event_Tags__c', 'my change stored');
    equal(stored.memberMappings.map((m) => m.target).join(), 'Email,LastName,FirstName', 'and their mapping kept beside mine');
    equal((await client.settings.get('crm')).config.autoSync, true, 'and their setting');
  });

  it('archives and restores only after confirming', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    await client.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'abc' } });
    const el = await mount(client, 'accounting');
    const archive = () => [...$(el, '.header-actions')!.querySelectorAll('button')][0]!;
    archive().click();
    await el.updateComplete;
    ok($<HTMLDialogElement>(el, 'dialog.confirm.archive')?.open, 'a confirmation opens');
    $<HTMLButtonElement>(el, 'dialog.confirm .dialog-actions .mp-button:first-child')!.click();
    await el.updateComplete;
    equal((await client.settings.get('accounting')).status, 'draft', 'cancel changes nothing');
    await until(() => el.shadowRoot!.activeElement === archive(), 'focus back on Archive after cancelling');
    archive().click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog.confirm .danger')!.click();
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Archived', 'archived');
    equal(announced(el), 'Accounting settings archived.', 'and announced');
    ok($<HTMLInputElement>(el, '#cfg-clientId')!.readOnly, 'archived settings are read-only');
    await until(() => el.shadowRoot!.activeElement === archive() && archive().textContent?.trim() === 'Restore', 'focus on Restore, where Archive was');
    archive().click();
    await el.updateComplete;
    ok($<HTMLDialogElement>(el, 'dialog.confirm.restore')?.open, 'restore asks too');
    $<HTMLButtonElement>(el, 'dialog.confirm .primary')!.click();
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Draft', 'restored as a draft');
    equal(announced(el), 'Accounting settings restored as a draft.', 'and announced');
  });

  it('switches an enabled integration to draft only after confirming, with the changes on the form', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    await client.settings.enable('accounting', { platform: 'xero', config: { clientId: 'abc' }, credentials: { clientSecret: 'xero-secret-0001' } });
    const el = await mount(client, 'accounting');
    const toDraft = $<HTMLButtonElement>(el, '[part="save-button"]')!;
    equal(toDraft.textContent?.trim(), 'Switch to draft', 'the enabled record’s draft button');
    typeInto($(el, '#cfg-clientId'), 'changed');
    await el.updateComplete;
    toDraft.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog.confirm.draft')!;
    ok(dialog?.open, 'a confirmation opens');
    equal(dialog.querySelector('#confirm-title')!.textContent?.trim(), 'Switch the Accounting settings to draft?', 'it names the settings');
    equal(dialog.querySelector('#confirm-body')!.textContent?.trim(), 'The integration stops until they are enabled again.', 'and what happens');
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, 'dialog.confirm'), 'Escape closes it');
    await until(() => el.shadowRoot!.activeElement === toDraft, 'focus back on Switch to draft');
    equal((await client.settings.get('accounting')).status, 'enabled', 'nothing saved');
    equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'changed', 'the typed change stays');
    toDraft.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog.confirm .danger')!.click();
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Draft', 'saved as a draft');
    const stored = await client.settings.get('accounting');
    equal(stored.status, 'draft', 'stored as a draft');
    equal(stored.config.clientId, 'changed', 'with the form’s change');
    equal(announced(el), 'Accounting settings saved as a draft.', 'and announced');
  });

  it('asks nothing about a draft save of a record that is not enabled', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    await client.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'abc' } });
    const el = await mount(client, 'accounting');
    typeInto($(el, '#cfg-clientId'), 'changed');
    await el.updateComplete;
    equal((await saveWith(el, 'save-button')).action, 'draft', 'saved at once');
    ok(!$(el, 'dialog.confirm'), 'no confirmation');
  });

  it('after Archive meets a save made elsewhere, shows that save under what was typed, and the next Archive goes through', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    await client.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'abc', defaultTaxRate: 'OUTPUT' } });
    const el = await mount(client, 'accounting');
    await until(() => $(el, '#cfg-eventRevenueAccount'), 'the accounts');
    await clientFor(own).settings.patch('accounting', { config: { defaultTaxRate: 'OUTPUT2' } });
    typeInto($<HTMLInputElement>(el, '#cfg-eventRevenueAccount'), '410');
    await el.updateComplete;
    const archive = async () => {
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.header button')].find((b) => b.textContent!.includes('Archive'))!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'dialog.confirm .danger')!.click();
      await until(() => !el.shadowRoot!.querySelector('dialog.confirm[open]') && !$(el, '.header button[aria-disabled="true"]'), 'the answer');
      await settle(el);
    };
    await archive();
    ok(el.shadowRoot!.textContent!.includes('changed elsewhere'), 'says it was saved elsewhere');
    equal($<HTMLInputElement>(el, '#cfg-defaultTaxRate')!.value, 'OUTPUT2', 'the form shows that save');
    equal($<HTMLInputElement>(el, '#cfg-eventRevenueAccount')!.value, '410', 'under what was typed');
    await archive();
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Archived', 'archived at the second press');
    equal((await client.settings.get('accounting')).config.defaultTaxRate, 'OUTPUT2', 'the other save kept');
  });

  it('keeps focus on the confirmed Archive while it runs, and takes no second press meanwhile', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'abc' } });
    let archives = 0;
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input instanceof Request ? input.url : input).includes('archive')) archives++;
        return fetch(input, init);
      },
    });
    const el = await mount(client, 'accounting');
    $<HTMLButtonElement>(el, '.header-actions button')!.click();
    await el.updateComplete;
    const confirm = $<HTMLButtonElement>(el, 'dialog.confirm .danger')!;
    await pressKeepsFocus(el, confirm, 'archiving');
    confirm.click();
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Archived', 'archived');
    equal(archives, 1, 'archived once');
  });

  it('a confirmation closed by Escape while Archive runs leaves focus on Archive, which takes no press until the answer', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'abc' } });
    const { client, hold, waiting, sent } = holdingClient(own);
    const el = await mount(client, 'accounting');
    const archive = $<HTMLButtonElement>(el, '.header-actions button')!;
    const call = 'POST /settings/accounting/archive';
    hold.add(call);
    archive.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog.confirm .danger')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => waiting.has(call), 'the archive sent');
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, 'dialog.confirm'), 'the confirmation closed');
    await settle(el);
    equal(archive.getAttribute('aria-disabled'), 'true', 'Archive is marked unavailable while it runs');
    equal(el.shadowRoot!.activeElement, archive, 'focus is back on Archive, not on the page');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    ok(!$(el, 'dialog.confirm'), 'a press meanwhile asks nothing');
    waiting.get(call)!();
    await until(() => $(el, '[part="status"]')?.textContent?.trim() === 'Archived', 'archived');
    await settle(el);
    equal(el.shadowRoot!.activeElement, archive, 'focus stays on the button, now Restore');
    equal(archive.textContent!.trim(), 'Restore', 'which offers Restore');
    equal(sent.filter((c) => c === call).length, 1, 'archived once');
  });

  it('alerts when the CRM’s objects or the record cannot be loaded, and keeps focus near while trying again', async () => {
    const own = await freshEnv();
    await connectedCrm({}, own);
    const failures = { objects: 1, settings: 1 };
    const failing = (path: string) => (path.endsWith('/crm/objects') && failures.objects-- > 0) || (path.includes('/v1/settings') && !path.includes('/crm/') && failures.settings-- > 0);
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      retry: { limit: 0 },
      fetch: (input, init) => {
        const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
        if (!failing(path)) return fetch(input, init);
        const problem = { type: 'about:blank', title: 'Bad request', status: 400, detail: 'Refused for the test.' };
        return Promise.resolve(new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
      },
    });
    const el = await mount(client);
    const retry = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.error[role="alert"] button')].find((b) => b.textContent!.includes('Try again'));
    ok(retry, 'the record’s load failure is an alert with Try again');
    retry!.focus();
    retry!.click();
    equal(el.shadowRoot!.activeElement?.id, 'heading', 'focus waits on the heading while the record loads again');
    await until(() => $(el, '#crm-memberObject'), 'the record');

    const note = () => [...el.shadowRoot!.querySelectorAll('.notice.error')].find((n) => n.textContent!.includes('The CRM objects could not be loaded'));
    await until(note, 'the objects’ load failure');
    equal(note()!.getAttribute('role'), 'alert', 'is announced');
    const reload = note()!.querySelector('button')!;
    reload.focus();
    reload.click();
    equal(el.shadowRoot!.activeElement?.id, 'crm-heading', 'focus waits on the CRM card’s heading while the objects load again');
    await until(() => !note() && ($<MpCombobox>(el, '#crm-memberObject')!.options as unknown[]).length > 0, 'the objects, loaded');
  });

  it('loads on Try again after a refused token, though who the token is for was answered after the record', async () => {
    const own = await freshEnv();
    await connectedCrm({}, own);
    const { client, token } = meAnsweredLastClient(own);
    const el = await mount(client);
    const retry = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.error button')].find((b) => b.textContent!.includes('Try again'));
    ok(retry, 'the refused load offers Try again');
    token.value = own.tokens.admin;
    retry!.click();
    await until(() => $(el, '#crm-memberObject'), 'the record after Try again');
  });

  it('words a connection test’s outcome in the host’s language where it registered the keys, else the server’s English', async () => {
    const own = await freshEnv();
    const client = await connectedCrm({}, own);
    const el = await mount(client);
    const outcome = async () => {
      await press(el, 'test-button');
      await until(() => $(el, '.test-result'), 'the test outcome');
      return $(el, '.test-result')!.textContent!.replace(/\s+/g, ' ').trim();
    };
    ok((await outcome()).includes('daily API calls used'), 'the server’s own sentence, with the API usage');
    await inGerman({ 'settings.test.succeeded': 'Verbunden mit {platform}.', 'settings.test.failed': 'Verbindung fehlgeschlagen: {reason}', 'error.problem.upstream': 'Die Plattform ist nicht erreichbar.' }, async () => {
      await el.updateComplete;
      equal(await outcome(), 'Verbunden mit Salesforce.', 'the host’s words');
      typeInto($(el, '#cfg-myDomainUrl'), 'https://127.0.0.1:9');
      await el.updateComplete;
      const failed = await outcome();
      ok(failed.startsWith('Verbindung fehlgeschlagen: Die Plattform ist nicht erreichbar.'), `an unreachable platform, in the host’s words: ${failed}`);
    });
  });

  it('rewords a save’s outcome and a test’s result when the host switches language while they show', async () => {
    const own = await freshEnv();
    const client = await connectedCrm({}, own);
    const el = await mount(client);
    const text = (selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();
    await until(() => $(el, '#cfg-dailyApiAllotment'), 'the sync settings');
    typeInto($(el, '#cfg-dailyApiAllotment'), '30000');
    await el.updateComplete;
    await saveWith(el, 'save-button');
    await until(() => $(el, '.outcome'), 'the save’s outcome');
    await press(el, 'test-button');
    await until(() => $(el, '.test-result'), 'the test outcome');
    equal(text('.outcome'), 'CRM settings saved as a draft.', 'the outcome, in English');
    await inGerman({ 'settings.savedDraft': '{category}: Entwurf gespeichert.', 'settings.category.crm': 'CRM-System', 'settings.test.succeeded': 'Verbunden mit {platform}.' }, async () => {
      await el.updateComplete;
      equal(text('.outcome'), 'CRM-System: Entwurf gespeichert.', 'the outcome, now in German');
      equal(text('.test-result'), 'Verbunden mit Salesforce.', 'the test result, now in German');
    });
  });

  it('keeps the full stop at the end of a secret’s “will be cleared” line and a viewer’s note on the mappings, right to left', async () => {
    const own = await freshEnv();
    await connectedCrm({ memberObject: 'Contact' }, own);
    const admin = await mount(clientFor(own));
    admin.dir = 'rtl';
    await until(() => $(admin, '#secret-consumerSecret'), 'the stored secret');
    [...admin.shadowRoot!.querySelectorAll<HTMLButtonElement>('.secret button')].find((b) => b.textContent!.trim().startsWith('Clear'))!.click();
    await until(() => $(admin, '#secret-consumerSecret-state.warning-text'), 'the line saying it will be cleared');
    const clearing = endsOnTheRight($(admin, '#secret-consumerSecret-state'));
    ok(clearing.right, `its full stop at its end: ${clearing.text}`);

    const viewer = await mount(clientFor(own, 'viewer'));
    viewer.dir = 'rtl';
    await until(() => $(viewer, '#crm-memberMappings [slot="no-targets"]'), 'the viewer’s note on the mappings');
    const note = endsOnTheRight($(viewer, '#crm-memberMappings [slot="no-targets"]'));
    ok(note.right, `its full stop at its end: ${note.text}`);
  });

  it('stacks a comparison at 360 px, right to left too: each value under its column’s name, none out of sight, values at the start', async () => {
    const { el } = await conflictCompared();
    el.style.inlineSize = '360px';
    el.dir = 'rtl';
    await settle(el);
    const wrap = $(el, '.table-wrap')!;
    ok(wrap.scrollWidth <= wrap.clientWidth, 'nothing to scroll sideways to');
    const row = [...el.shadowRoot!.querySelectorAll('table.compare tbody tr')].find((r) => r.textContent!.includes('Client ID'))!;
    const [theirs, mine] = [...row.querySelectorAll('td')];
    const heads = [...el.shadowRoot!.querySelectorAll('table.compare thead th')].slice(1).map((th) => th.textContent!.trim());
    equal(`${theirs!.dataset.label} | ${mine!.dataset.label}`, heads.join(' | '), 'each named as its column');
    ok(/^Saved by .+ \| Yours$/.test(heads.join(' | ')), heads.join(' | '));
    ok(getComputedStyle(mine!, '::before').display === 'block', 'the name shown over the value');
    ok(mine!.getBoundingClientRect().top >= theirs!.getBoundingClientRect().bottom - 0.5, 'yours under theirs');
    const inside = wrap.getBoundingClientRect();
    for (const cell of [theirs!, mine!]) {
      const box = cell.getBoundingClientRect();
      ok(box.left >= inside.left - 0.5 && box.right <= inside.right + 0.5, `${cell.dataset.label} in sight`);
      const value = cell.querySelector('bdi')!.getBoundingClientRect();
      ok(Math.abs(box.right - value.right) < 16, 'the value starts at the cell’s right edge');
    }
    await expectNoViolations(el, 'comparison at 360 px, right to left');
  });

  it('keeps a comparison inside 320 px: its long buttons wrap rather than push the notice past the card (WCAG 1.4.10)', async () => {
    const { el } = await conflictCompared();
    el.style.inlineSize = '320px';
    await settle(el);
    const right = el.getBoundingClientRect().right;
    const outside = [...el.shadowRoot!.querySelectorAll('*')]
      .filter((node) => !node.closest('.table-wrap') && node.getBoundingClientRect().right > right + 0.5)
      .map((node) => `${node.localName}.${node.className} “${node.textContent!.trim().slice(0, 30)}”`);
    equal(outside.join(', '), '', 'nothing reaches past the element’s edge');
  });

  it('rewords an open comparison when the host switches language', async () => {
    const { el } = await conflictCompared();
    const labels = () => [...el.shadowRoot!.querySelectorAll('table.compare tbody th')].map((c) => c.textContent!.trim());
    ok(labels().includes('Client ID'), labels().join(' | '));
    await inGerman({ 'catalog.xero.clientId.label': 'Kunden-ID' }, async () => {
      await el.updateComplete;
      ok(labels().includes('Kunden-ID'), `the comparison, now in German: ${labels().join(' | ')}`);
    });
  });

  it('compares a select by its option’s label and a number in the host’s format', async () => {
    const own = await freshEnv();
    const client = await connectedCrm({}, own);
    await inGerman({ 'catalog.salesforce.environment.option.sandbox': 'Testumgebung' }, async () => {
      const el = await mount(client);
      await until(() => $(el, '#cfg-dailyApiAllotment'), 'the sync settings');
      await clientFor(own).settings.patch('crm', { config: { dailyApiAllotment: 20000 } }, { ifMatch: false });
      await choose(el, 'cfg-environment', 'sandbox');
      typeInto($(el, '#cfg-dailyApiAllotment'), '30000');
      await el.updateComplete;
      const rows = await saveIntoComparison(el);
      ok(rows.includes('Environment | Production | Testumgebung'), `the option’s label, as the select shows it: ${rows.join(' / ')}`);
      ok(rows.includes('24-hour API call allotment | 20.000 | 30.000'), `numbers as the locale writes them: ${rows.join(' / ')}`);
    });
  });

  it('tells the developer when the category attribute names no category, instead of showing nothing', async () => {
    const el = document.createElement('mp-integration-settings');
    el.setAttribute('category', 'payments');
    el.client = clientFor(env);
    document.body.append(el);
    placed.push(el);
    await el.updateComplete;
    equal($(el, '[role="alert"]')?.textContent?.trim(), 'No such category “payments”: use crm, accounting, payment-gateway, inbound, or leave the attribute out to show them all.', 'names the fix');
    el.setAttribute('category', 'payment-gateway');
    await until(() => $(el, '.platforms'), 'a valid category then loads');
  });

  it('writes dates in the locale the host set, not the browser’s', async () => {
    const client = await connectedCrm({});
    await inGerman({}, async () => {
      const el = await mount(client);
      const germanDate = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/;
      ok(germanDate.test($(el, '.save-state')!.textContent!), `last saved: ${$(el, '.save-state')!.textContent}`);
      ok(germanDate.test($(el, '[data-key="consumerSecret"]')!.textContent!), `a secret’s date: ${$(el, '[data-key="consumerSecret"]')!.textContent}`);
    });
  });

  it('keeps long German words and the standard-mapping button inside 320 px, and the mapper’s update policies whole at 1280 px', async () => {
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [] });
    await inGerman({
      'settings.category.crm': 'Kundenbeziehungsmanagement (CRM)',
      'settings.status.draft': 'Entwurfsfassung',
      'fieldMapper.policyHeading': 'Aktualisierungsrichtlinie',
      'policy.neverBlank': 'Niemals mit leerem Wert überschreiben',
    }, async () => {
      const frame = document.createElement('div');
      frame.style.inlineSize = '320px';
      document.body.append(frame);
      placed.push(frame);
      const el = await mount(client);
      frame.append(el);
      const policy = () => $<MpFieldMapper>(el, '#crm-memberMappings')?.shadowRoot?.querySelector<HTMLSelectElement>('select[data-source="email"]');
      await until(() => $(el, '.mapper-field button'), 'the standard-mapping button');
      await settle($<MpFieldMapper>(el, '#crm-memberMappings')!);
      const right = el.getBoundingClientRect().right;
      const outside = [el.shadowRoot!, $<MpFieldMapper>(el, '#crm-memberMappings')!.shadowRoot!]
        .flatMap((root) => [...root.querySelectorAll('*')])
        .filter((node) => node.getBoundingClientRect().right > right + 0.5)
        .map((node) => `${node.localName}.${node.className}`);
      equal(outside.join(', '), '', 'nothing reaches past the element’s edge');
      const gap = $(el, '#crm-memberMappings')!.getBoundingClientRect().top - $(el, '.mapper-field button')!.getBoundingClientRect().bottom;
      ok(gap >= 8, `the button keeps clear of the mapper below it (${gap} px)`);

      frame.style.inlineSize = '1280px';
      $<HTMLButtonElement>(el, '.mapper-field button')!.click();
      await until(() => policy(), 'a mapped row with its policy');
      await settle($<MpFieldMapper>(el, '#crm-memberMappings')!);
      const select = policy()!;
      select.value = 'neverBlank';
      // A select left to its own width fits its longest option, arrow included: the column's must too.
      const natural = select.cloneNode(true) as HTMLSelectElement;
      natural.style.inlineSize = 'auto';
      select.parentElement!.append(natural);
      const needed = natural.offsetWidth;
      natural.remove();
      ok(needed <= select.offsetWidth, `“${select.selectedOptions[0]!.text}” is not cut off (${needed} > ${select.offsetWidth})`);
    });
  });

  it('keeps the payment gateway inside 320 px with a long German note, and its platform cards with large text', async () => {
    const client = clientFor(await freshEnv());
    await inGerman({ 'settings.notSetUpRequired': 'Zahlungsdienstleistereinrichtungsvoraussetzungsbeschreibungstext: erforderlich.' }, async () => {
      const frame = document.createElement('div');
      frame.style.inlineSize = '320px';
      document.body.append(frame);
      placed.push(frame);
      const el = await mount(client, 'payment-gateway');
      frame.append(el);
      await until(() => $(el, '.empty-note'), 'the required note');
      const outside = () => {
        const right = el.getBoundingClientRect().right;
        return [...el.shadowRoot!.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().right > right + 0.5).map((node) => `${node.localName}.${node.className}`);
      };
      equal(outside().join(', '), '', 'nothing reaches past the element’s edge');
      el.style.fontSize = '200%';
      frame.style.inlineSize = '390px';
      await el.updateComplete;
      equal(outside().join(', '), '', 'nor at twice the text size on a phone');
    });
  });

  it('marks the mapper’s unmapped required fields once Enable needs them, not while the draft is worked on', async () => {
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] });
    const el = await mount(client);
    const rowText = (source: string) => $<MpFieldMapper>(el, '#crm-memberMappings')?.shadowRoot?.querySelector(`mp-field-mapper-row[data-source="${source}"]`)?.textContent ?? '';
    await until(() => ($<MpFieldMapper>(el, '#crm-memberMappings')?.targetFields.length ?? 0) > 0, 'the mapper with Contact’s fields');
    ok(!rowText('firstName').includes('must be mapped'), `a draft in progress is not red: ${rowText('firstName')}`);
    await pressIntoSummary(el, 'enable-button');
    await until(() => rowText('firstName').includes('First Name must be mapped.'), 'the rows Enable needs say so');
    ok(rowText('lastName').includes('Last Name must be mapped.'), 'each of them');
    ok(!rowText('email').includes('must be mapped'), 'not the mapped one');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="error-summary"] a[data-pointer="/crm/memberMappings"]')];
    equal(links.length, 2, 'the summary links each field left unmapped');
    const focusedRow = () => {
      const active = $<MpFieldMapper>(el, '#crm-memberMappings')!.shadowRoot!.activeElement;
      return active?.localName === 'mp-combobox' ? active.getAttribute('data-source') : active?.localName;
    };
    links.find((a) => a.textContent!.includes('Last Name'))!.click();
    await until(() => focusedRow() === 'lastName', 'Last Name’s link goes to Last Name’s row, not the search box');
    links.find((a) => a.textContent!.includes('First Name'))!.click();
    await until(() => focusedRow() === 'firstName', 'First Name’s to First Name’s');
  });

  it('asks before a save replaces a stored platform, naming what is deleted, and keeps everything on Cancel', async () => {
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }, { source: 'lastName', target: 'LastName', policy: 'always' }] });
    const el = await mount(client);
    await choosePlatform(el, 'hubspot');
    typeInto($(el, '#cfg-portalId'), '12345');
    await el.updateComplete;
    await press(el, 'save-button');
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog.confirm.switch');
    ok(dialog?.open, 'a confirmation opens instead of saving');
    equal(dialog!.querySelector('h2')!.textContent, 'Replace Salesforce with HubSpot?', 'it names both platforms');
    ok(dialog!.textContent!.includes('credentials and 2 field mappings stored for Salesforce'), 'it names what goes');
    equal(el.shadowRoot!.activeElement?.textContent?.trim(), 'Cancel', 'the safe choice has focus');
    dialog!.querySelector<HTMLButtonElement>('.dialog-actions .mp-button:first-child')!.click();
    await until(() => el.shadowRoot!.activeElement === $(el, '[part="save-button"]'), 'focus back on Save after cancelling');
    equal((await client.settings.get('crm')).platform, 'salesforce', 'Cancel deleted nothing');
    equal($<HTMLInputElement>(el, '#cfg-portalId')!.value, '12345', 'and kept what was typed');
    await press(el, 'save-button');
    await el.updateComplete;
    const saved = new Promise<SettingsSavedEvent>((resolve) => el.addEventListener('mp-saved', resolve, { once: true }));
    $<HTMLButtonElement>(el, 'dialog.confirm.switch .danger')!.click();
    equal((await saved).settings.platform, 'hubspot', 'saved once confirmed');
    equal((await client.settings.get('crm')).credentials.consumerSecret, undefined, 'the Salesforce secret deleted, as the dialog said');
    await until(() => el.shadowRoot!.activeElement, 'focus kept in the settings, not dropped to the page');
  });

  it('gives focus back to “Save and continue” when the question it brought is cancelled', async () => {
    const client = clientFor(await freshEnv());
    await client.settings.saveDraft('crm', { platform: 'hubspot', config: { portalId: '12345' } });
    const el = await mount(client);
    await choosePlatform(el, 'salesforce');
    typeInto($(el, '#cfg-consumerKey'), '3MVG9fakeMemberPulseConsumerKey.loopback.only');
    typeInto($(el, '#secret-consumerSecret'), 'FAKE0SECRET0123456789ABCDEF');
    await el.updateComplete;
    const saveAndContinue = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!;
    saveAndContinue.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $<HTMLDialogElement>(el, 'dialog.confirm.switch')?.open, 'the question');
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, 'dialog.confirm.switch[open]'), 'closed');
    await until(() => el.shadowRoot!.activeElement === saveAndContinue, 'focus back on Save and continue, not on Save draft');
  });

  it('names what is wrong with the new platform’s inputs before it asks to delete the stored one, and asks once they pass', async () => {
    const client = await connectedCrm({ memberObject: 'Contact' });
    const el = await mount(client);
    await choosePlatform(el, 'hubspot');
    typeInto($(el, '#cfg-portalId'), 'not-a-number');
    typeInto($(el, '#secret-apiKey'), '   ');
    const summary = await pressIntoSummary(el, 'save-button');
    equal($(el, 'dialog.confirm'), null, 'no question about deleting Salesforce while HubSpot’s own inputs are wrong');
    equal(errorOf(el, 'cfg-portalId'), 'Digits only.', 'the Portal ID’s rule beside it');
    equal(errorOf(el, 'secret-apiKey'), 'Private app access token cannot be blank.', 'the blank token beside it');
    ok(summary.textContent!.includes('2 problems'), `both in the summary: ${summary.textContent}`);
    equal(el.shadowRoot!.activeElement?.id, 'cfg-portalId', 'focus on the first');
    equal((await client.settings.get('crm')).platform, 'salesforce', 'nothing sent, nothing deleted');
    typeInto($(el, '#cfg-portalId'), '12345');
    typeInto($(el, '#secret-apiKey'), 'pat-na1-0000');
    await el.updateComplete;
    await press(el, 'save-button');
    await el.updateComplete;
    ok($<HTMLDialogElement>(el, 'dialog.confirm.switch')?.open, 'once they pass, the question comes');
    equal($(el, '[part="error-summary"]'), null, 'with no error left from before');
  });

  it('leaves out of the summary what shows only once the connection is saved, and says what to do instead', async () => {
    const client = await enabledCrm(await freshEnv());
    const el = await mount(client);
    await choosePlatform(el, 'hubspot');
    typeInto($(el, '#cfg-portalId'), '12345');
    typeInto($(el, '#secret-apiKey'), 'pat-na1-0000');
    const summary = await pressIntoSummary(el, 'enable-button');
    equal(summary.textContent!.replace(/\s+/g, ' ').trim(), 'HubSpot also needs settings that show once its connection is saved: use “Save and continue” below to save it as a draft, then fill them in.', 'one sentence, what to do next');
    equal(summary.querySelectorAll('li').length, 0, 'no member object, mapping or tag field to fix that is not on screen');
    equal($(el, 'dialog.confirm'), null, 'and no question about deleting Salesforce for a save that cannot be enabled');
    equal(el.shadowRoot!.activeElement, summary, 'focus on the summary, with no control to go to');
    await inForcedColors(async () => {
      const ring = getComputedStyle(summary);
      ok(ring.outlineStyle !== 'none' && ring.outlineWidth !== '0px', `its focus ring stays in forced colours, which drop box shadows (${ring.outlineStyle} ${ring.outlineWidth})`);
    });
    ok(announced(el).includes('HubSpot also needs settings'), `and said: ${announced(el)}`);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice.info button')].find((b) => b.textContent!.includes('Save and continue'))!.click();
    await el.updateComplete;
    const saved = new Promise<SettingsSavedEvent>((resolve) => el.addEventListener('mp-saved', resolve, { once: true }));
    $<HTMLButtonElement>(el, 'dialog.confirm.switch .danger')!.click();
    const { settings } = await saved;
    equal(`${settings.platform} ${settings.status}`, 'hubspot draft', 'Save and continue replaces Salesforce with a HubSpot draft, as the sentence said');
  });

  it('names only the cleared Consumer Key when a save of an enabled CRM lacks it, not each CRM choice that waits on it', async () => {
    const client = await enabledCrm(await freshEnv());
    const el = await mount(client);
    await until(() => $(el, '#cfg-consumerKey'), 'the connection');
    typeInto($(el, '#cfg-consumerKey'), '');
    const summary = await pressIntoSummary(el, 'enable-button');
    const items = [...summary.querySelectorAll('li')].map((li) => li.textContent!.trim());
    equal(items.join(' | '), 'Consumer Key is required.', 'one problem, the cause');
    equal(errorOf(el, 'crm-memberObject'), '', 'the member object kept as it was is not marked wrong');
    ok(!$(el, '#crm-memberObject')!.hasAttribute('invalid'), 'nor drawn as invalid');
    equal(errorOf(el, 'crm-eventTagField'), '', 'nor the event tag field');
    typeInto($(el, '#cfg-consumerKey'), 'the-key-again');
    await press(el, 'enable-button');
    await until(() => !$(el, '[part="error-summary"]') && !el.dirty, 'the save, with the key given again');
    equal((await client.settings.get('crm')).config.consumerKey, 'the-key-again', 'fixing the cause alone saves it');
  });

  it('leaves out of the summary the server’s errors on the CRM part before the connection is saved', async () => {
    const el = await salesforceTyped();
    typeInto($(el, '#cfg-dailyApiAllotment'), '-5');
    const summary = await pressIntoSummary(el, 'enable-button');
    const items = [...summary.querySelectorAll('li')].map((li) => li.textContent!.trim());
    equal(items.length, 1, `only the allotment, on screen: ${items.join(' | ')}`);
    ok(summary.querySelector('a[data-pointer="/config/dailyApiAllotment"]'), 'linked to its input');
    ok(summary.textContent!.includes('1 problem stops this from saving'), 'counted alone');
    const text = summary.textContent!;
    ok(text.indexOf('Salesforce also needs settings that show once its connection is saved') > text.indexOf('allotment'), `and, after it, the sentence for the rest: ${text}`);
  });

  it('drops an archive confirmation and a test result when its client changes to another tenant’s, so nothing of the first tenant acts on the second', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'a' } });
    const other = await freshEnv();
    await clientFor(other).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'b' } });
    const el = await mount(clientFor(own), 'accounting');
    typeInto($(el, '#cfg-clientId'), 'a2');
    await el.updateComplete;
    await press(el, 'test-button');
    await until(() => $(el, '.test-result'), 'a test result for the first tenant (its secret is missing)');
    [...$(el, '.header-actions')!.querySelectorAll('button')][0]!.click();
    await el.updateComplete;
    ok($<HTMLDialogElement>(el, 'dialog.confirm.archive')?.open, 'the archive confirmation is open');
    el.client = clientFor(other);
    await until(() => !$(el, 'dialog.confirm'), 'the confirmation closed');
    await until(() => $<HTMLInputElement>(el, '#cfg-clientId')?.value === 'b', 'the other tenant’s settings');
    equal($(el, '.test-result'), null, 'and no test result of the first tenant’s values');
    equal((await clientFor(other).settings.get('accounting')).status, 'draft', 'the other tenant’s record untouched');
  });

  it('shows everything read-only to a viewer', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('paymentGateway', { platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_X1234' } });
    const el = await mount(clientFor(own, 'viewer'), 'payment-gateway');
    ok($(el, '.notice.info')?.textContent?.includes('view these settings'), 'says it is read-only');
    ok($<HTMLInputElement>(el, '#cfg-publishableKey')!.readOnly, 'text inputs read-only');
    const mode = $<HTMLSelectElement>(el, '#cfg-mode')!;
    ok(mode.getAttribute('aria-readonly') === 'true' && !mode.disabled, 'selects read-only, not disabled');
    const stripe = $<HTMLInputElement>(el, 'input[name="platform"][value="stripe"]')!;
    ok(stripe.checked && stripe.getAttribute('aria-disabled') === 'true' && !stripe.disabled, 'the platform fixed, its radio still reached and read');
    equal($<HTMLInputElement>(el, '#cfg-publishableKey')!.value, 'pk_test_abc', 'values shown');
    ok(!$(el, '[part="footer"]') && !$(el, '.header-actions'), 'no save, enable or archive');
    const secret = $(el, '[data-key="secretKey"]')!;
    equal(secret.querySelectorAll('button').length, 0, 'no Replace or Clear, not even greyed out: a viewer can never use them');
    ok(secret.textContent!.replace(/\s+/g, ' ').includes('Configured ••••1234'), `the secret’s state still shown: ${secret.textContent}`);
    await expectNoViolations(el, 'viewer');
  });

  it('lets a viewer Tab to every value, hear its name and value, and change none by typing, a click, Space, Enter or a picker’s choice; nothing is sent', async () => {
    const own = await freshEnv();
    await enabledCrm(own);
    const sent: string[] = [];
    const viewer = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.viewer,
      retry: 0,
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (request.method !== 'GET') sent.push(`${request.method} ${new URL(request.url).pathname}`);
        return fetch(request);
      },
    });
    const [start, end] = [document.createElement('button'), document.createElement('button')];
    document.body.append(start);
    placed.push(start);
    // Tall enough for every mapper row to stay rendered (rows far from the view are not) while the test goes through them.
    await setViewport({ width: 1000, height: 4000 });
    try {
      const el = await mount(viewer);
      document.body.append(end);
      placed.push(end);
      await until(() => $(el, '#crm-memberMappings') && $(el, '#cfg-autoSync'), 'the mapper and the settings below the connection');
      const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
      await settle(mapper);

      // Every control that shows a value (of the platform radios, the chosen one: a radio group is one Tab stop).
      const controls = [
        ...el.shadowRoot!.querySelectorAll<HTMLElement>('input:not([type="radio"]), input[type="radio"]:checked, select, textarea, mp-combobox'),
        ...mapper.shadowRoot!.querySelectorAll<HTMLElement>('mp-field-mapper-row mp-combobox, mp-field-mapper-row select'),
      ];
      const valueOf = (c: HTMLElement) =>
        c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio') ? String(c.checked)
          : c instanceof MpCombobox ? `${c.shadowRoot!.querySelector('input')!.value}${c.open ? ' (list open)' : ''}`
            : c instanceof HTMLSelectElement ? (c.selectedOptions[0]?.text ?? '')
              : (c as HTMLInputElement).value;
      const nameOf = (c: HTMLElement) => c.id || (c.dataset.source ? `${c.dataset.source} ${c.localName}` : `${c.getAttribute('name')} ${c.getAttribute('value')}`);
      const shown = () => controls.map((c) => `${nameOf(c)}=${valueOf(c)}`).join(', ');
      const first = shown();

      const stops = (await tabStops(start, end)).map((s) => ((s.getRootNode() as ShadowRoot).host instanceof MpCombobox ? ((s.getRootNode() as ShadowRoot).host as HTMLElement) : s));
      equal(controls.filter((c) => !stops.includes(c)).map(nameOf).join(', '), '', 'every value reached by Tab');
      equal(controls.filter((c) => c.matches(':disabled') || (c as MpCombobox).disabled).map(nameOf).join(', '), '', 'none disabled, greyed or skipped');
      const held = (c: HTMLElement) =>
        c instanceof HTMLInputElement && c.type === 'radio' ? c.getAttribute('aria-disabled') === 'true'
          : c instanceof MpCombobox ? c.shadowRoot!.querySelector('input')!.getAttribute('aria-readonly') === 'true'
            : c.getAttribute('aria-readonly') === 'true' || (c as HTMLInputElement).readOnly;
      equal(controls.filter((c) => !held(c)).map(nameOf).join(', '), '', 'each marked read-only (a radio, which has no read-only state, unavailable)');

      const heard: string[] = [];
      for (const c of controls) {
        const ax = await axNode(c instanceof MpCombobox ? c.shadowRoot!.querySelector('input')! : c);
        ok(ax.name, `${nameOf(c)} has a name`);
        const value = ax.role === 'checkbox' || ax.role === 'switch' || ax.role === 'radio' ? String(ax.checked) : ax.value;
        equal(value, valueOf(c).replace(' (list open)', ''), `${nameOf(c)} (${ax.role} “${ax.name}”) reads out the value it shows`);
        heard.push(`${ax.role}: ${ax.name} = ${value}`);
      }
      for (const line of ['radio: Salesforce = true', 'combobox: Environment = Production', 'combobox: Member object = Contact', 'combobox: CRM field for Email = Email', 'combobox: Update policy for Email = Always overwrite', 'switch: Log support tickets to the member as a task = false']) {
        ok(heard.includes(line), `heard “${line}”, among: ${heard.join('; ')}`);
      }

      for (const c of controls) await tryToChange(c, shown);
      await settle(el);
      equal(shown(), first, 'every value as it was');
      ok(!el.dirty, 'nothing changed in the form');
      equal(sent.join(', '), '', 'nothing sent to the server');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keeps the connection of a record holding secrets fixed for an editor, who may still change the rest', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'xero-client' }, credentials: { clientSecret: 'xero-secret-5678' } });
    const el = await mount(clientFor(own, 'editor'), 'accounting');
    await until(() => $(el, '#cfg-defaultTaxRate'), 'the settings beyond the connection');
    ok($<HTMLInputElement>(el, '#cfg-clientId')!.readOnly, 'the client ID, which decides where the secret goes, is read-only');
    const xero = $<HTMLInputElement>(el, 'input[name="platform"][value="xero"]')!;
    ok(xero.checked && xero.getAttribute('aria-disabled') === 'true' && !xero.disabled, 'the platform fixed, its radio still reached and read');
    ok($(el, '[part="platforms"]')!.textContent!.includes('Only admins can change the platform'), 'and says why');
    ok($(el, '[part="platforms"]')!.getAttribute('aria-describedby')?.includes('platform-locked'), 'tied to the group');
    ok(xero.getAttribute('aria-describedby')?.split(' ').includes('platform-locked'), 'and to the radio, which takes focus');
    const connection = $(el, 'fieldset[data-group="Connection"]')!;
    ok(connection.textContent!.includes('Only admins can change these settings'), 'says why, once for the group');
    equal(connection.textContent!.split('Only admins').length - 1, 1, 'not again under each secret');
    const secret = $(el, '[data-key="clientSecret"]')!;
    equal(secret.querySelectorAll('button').length, 0, 'no Replace or Clear for an editor, who may not write credentials either');
    ok(secret.textContent!.replace(/\s+/g, ' ').includes('Configured ••••5678'), `the secret’s state still shown: ${secret.textContent}`);
    typeInto($(el, '#cfg-defaultTaxRate'), 'OUTPUT2');
    await el.updateComplete;
    await saveWith(el, 'save-button');
    equal((await clientFor(own).settings.get('accounting')).config.defaultTaxRate, 'OUTPUT2', 'the editor’s change saved');
    await expectNoViolations(el, 'editor');
  });

  it('tells a role that may not read settings (an auditor) so once, calmly, with nothing to retry', async () => {
    const own = await freshEnv();
    const all = document.createElement('mp-integration-settings');
    all.client = clientFor(own, 'auditor');
    document.body.append(all);
    placed.push(all);
    await all.updateComplete;
    ok(all.shadowRoot!.querySelector('.loading[role="status"]'), 'while the role is asked, the page says it is loading');
    ok(!all.shadowRoot!.querySelector('mp-integration-settings'), 'and no category loads (an auditor would see each refused)');
    const text = 'Your role cannot see the integration settings. An admin, editor or viewer can.';
    await until(() => deepText(all).includes(text) && !all.shadowRoot!.querySelector('mp-integration-settings'), 'the explanation, in place of the categories');
    equal(deepText(all).split(text).length - 1, 1, 'said once for the whole page, not once per category');
    equal(all.shadowRoot!.querySelector('.notice.info')?.getAttribute('role'), 'status', 'as a status');
    ok(!all.shadowRoot!.querySelector('mp-integration-settings'), 'no category tries to load');
    const one = document.createElement('mp-integration-settings');
    one.category = 'crm';
    one.client = clientFor(own, 'auditor');
    document.body.append(one);
    placed.push(one);
    await until(() => $(one, '.notice'), 'one category’s notice');
    equal($(one, '.notice')?.textContent?.trim(), text, 'one category says the same');
    ok(!$(one, '[role="alert"]') && ![...one.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent!.includes('Try again')), 'no alert, no retry that cannot help');
  });

  it('without a client, says once that it is not connected, instead of loading for ever or once per category', async () => {
    const all = document.createElement('mp-integration-settings');
    document.body.append(all);
    placed.push(all);
    await until(() => $(all, '.notice.warning'), 'the notice');
    equal($(all, '.notice.warning')!.textContent!.trim(), 'Not connected: place this element inside <mp-integration-provider> or give it a client.', 'that it has no client');
    equal(all.shadowRoot!.querySelectorAll('.notice, mp-integration-settings').length, 1, 'once, not for each category');
    ok(!all.shadowRoot!.querySelector('.loading'), 'and nothing loading');
  });

  it('still shows every category when the role question fails, each asking again as it loads', async () => {
    const all = document.createElement('mp-integration-settings');
    all.client = meFailsOnceClient(await freshEnv());
    document.body.append(all);
    placed.push(all);
    const sections = () => [...all.shadowRoot!.querySelectorAll('mp-integration-settings')];
    await until(() => sections().length === 4 && sections().every((c) => $(c, '.platforms')), 'the four categories, loaded after the failed question');
  });

  it('tells an editor starting a platform that needs secrets that an admin must enter them, before any button fails', async () => {
    const own = await freshEnv();
    const el = await mount(clientFor(own, 'editor'), 'accounting');
    await choosePlatform(el, 'xero');
    typeInto($(el, '#cfg-clientId'), 'xero-client');
    await el.updateComplete;
    const connection = $(el, 'fieldset[data-group="Connection"]')!;
    ok(
      connection.textContent!.replace(/\s+/g, ' ').includes('An admin needs to enter the Client Secret before Xero can be tested or enabled. You can save what you entered as a draft meanwhile.'),
      `says so where the secret is: ${connection.textContent}`,
    );
    ok(!$(el, '[part="test-button"]'), 'no test that could only fail');
    ok(![...el.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent!.includes('Save and continue')), 'no continuing that could only fail');
    ok($<HTMLButtonElement>(el, '[part="enable-button"]')!.disabled, 'nor enabling');
    ok($(el, '[part="enable-button"]')!.getAttribute('aria-describedby')?.split(' ').includes('awaiting-admin'), 'the disabled Enable says why');
    await saveWith(el, 'save-button');
    equal((await clientFor(own).settings.get('accounting')).config.clientId, 'xero-client', 'the draft saves for the admin to finish');
    await expectNoViolations(el, 'editor awaiting an admin');
  });

  it('scrolls a focused control clear of the sticky save bar, never under it, also where the bar’s buttons stack (WCAG 2.4.11)', async () => {
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] });
    const el = await mount(client);
    await until(() => $(el, '#cfg-periodicRefreshMinutes'), 'the settings beyond the connection');
    typeInto($(el, '#cfg-consumerKey'), 'changed-key');
    await el.updateComplete;
    const bar = $(el, '[part="footer"]')!;
    // Then narrow, with text enlarged: the bar's buttons stack and it grows past its usual height.
    for (const [width, text] of [['auto', ''], ['320px', '32px']] as const) {
      el.style.inlineSize = width;
      el.style.setProperty('--mp-font-size-m', text);
      await settle(el, 2);
      const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea, summary, button')].filter((c) => !bar.contains(c) && c.checkVisibility());
      ok(controls.length > 10, 'a long form');
      ok(controls.some((c) => c.localName === 'summary'), 'with a disclosure (the tag values)');
      const hidden: string[] = [];
      window.scrollTo(0, 0);
      // In order, as Tab goes: the next control often starts in view, half under the bar.
      for (const control of controls) {
        control.focus();
        await settle(el, 2);
        const box = control.getBoundingClientRect();
        const barTop = bar.getBoundingClientRect().top;
        // One taller than the room above the bar must at least start well above it.
        if (box.height < barTop ? box.bottom > barTop + 1 : box.top > barTop / 2) hidden.push(`${control.id} (${Math.round(box.bottom - barTop)} px under)`);
      }
      equal(hidden.join(', '), '', `no focused control sits under the bar (${width})`);
    }

    // A disclosure's summary that sits in the viewport but under the bar: focusing it scrolls it clear.
    el.style.removeProperty('--mp-font-size-m');
    el.style.inlineSize = 'auto';
    await settle(el, 2);
    const summary = $(el, 'details.tag-values summary')!;
    window.scrollBy(0, summary.getBoundingClientRect().top - (bar.getBoundingClientRect().top + 4));
    summary.focus();
    await settle(el, 2);
    ok(summary.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top + 1, `the summary scrolled clear (${Math.round(summary.getBoundingClientRect().bottom - bar.getBoundingClientRect().top)} px under)`);

    // Tab into a text area that starts just above the bar: the browser only reveals its caret, which shows.
    const groups = $<HTMLTextAreaElement>(el, '#cfg-allowedGroupValues')!;
    const before = $<HTMLInputElement>(el, '#cfg-recordTypesAsGroups')!;
    window.scrollBy(0, groups.getBoundingClientRect().top - (bar.getBoundingClientRect().top + 20));
    before.focus({ preventScroll: true });
    await sendKeys({ press: 'Tab' });
    equal(el.shadowRoot!.activeElement, groups, 'Tab reached the text area');
    await settle(el, 2);
    ok(groups.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top + 1, `the text area scrolled clear (${Math.round(groups.getBoundingClientRect().bottom - bar.getBoundingClientRect().top)} px under)`);
  });

  it('wraps a platform’s translated description of one long word inside its card', async () => {
    await inGerman({ 'catalog.xero.description': 'Rechnungsundzahlungsbuchungsschnittstellenkonfigurationsübersicht für Xero.' }, async () => {
      const el = await mount(clientFor(env), 'accounting');
      for (const width of ['auto', '320px']) {
        el.style.inlineSize = width;
        await settle(el, 2);
        const card = $(el, '[part="platform"]')!.getBoundingClientRect();
        const about = $(el, '#platform-xero-about')!.getBoundingClientRect();
        ok(about.right <= card.right + 0.5, `the description ends inside its card at ${width} (${Math.round(about.right - card.right)} px past)`);
      }
    });
  });

  it('says when a secret was written without naming anyone where the server does not say who (a server older than the field)', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('paymentGateway', { platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_SECRET9876', webhookSecret: 'whsec_HOOK5555' } });
    // The answers as a server from before `updatedBy` gives them.
    const older = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const res = await fetch(input, init);
        if (!res.headers.get('content-type')?.includes('json')) return res;
        const text = (await res.text()).replace(/,"updatedBy":"[^"]*"(?=})/g, '');
        return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
      },
    });
    equal((await older.settings.get('paymentGateway')).credentials.secretKey?.updatedBy, undefined, 'the secret’s writer is left out');
    const el = await mount(older, 'payment-gateway');
    const state = $(el, '[data-key="secretKey"] .secret-state')!.textContent!.replace(/\s+/g, ' ').trim();
    ok(/updated \S/.test(state) && !/\bby\b/.test(state), `when, and no one: ${state}`);
  });

  it('wraps who saved and who wrote a secret inside a narrow frame, a long subject without a break in it too', async () => {
    const adminSub = 'integration.administrator.for.the.riverside.sports.club@members.riverside.example.org';
    const own = await freshEnv({ adminSub });
    const client = clientFor(own);
    await client.settings.saveDraft('paymentGateway', { platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_SECRET9876', webhookSecret: 'whsec_HOOK5555' } });
    const el = await mount(client, 'payment-gateway');
    el.style.inlineSize = '320px';
    await settle(el, 2);
    const frame = $(el, '[part="base"]')!.getBoundingClientRect();
    for (const selector of ['[data-key="secretKey"] .secret-state', '.save-state']) {
      const shown = $(el, selector)!;
      ok(shown.textContent!.includes(adminSub), `${selector} names the writer: ${shown.textContent}`);
      const right = Math.max(...[...shown.querySelectorAll('*'), shown].map((e) => e.getBoundingClientRect().right));
      ok(right <= frame.right + 0.5, `${selector} ends inside the frame (${Math.round(right - frame.right)} px past)`);
    }
    ok(document.documentElement.scrollWidth <= window.innerWidth, 'the page does not scroll sideways');
  });

  it('wraps a field error quoting a long value without a break inside a narrow frame, and says the list is required', async () => {
    const client = clientFor(await freshEnv());
    await client.settings.saveDraft('inbound', { platform: 'intouch', config: { clientId: '4711', clubIds: ['101'] } });
    const el = await mount(client, 'inbound');
    el.style.inlineSize = '320px';
    await until(() => $(el, '#cfg-clubIds'), 'the club IDs');
    const clubIds = $<HTMLTextAreaElement>(el, '#cfg-clubIds')!;
    ok(clubIds.required, 'Club IDs says it is required, as the catalog has it');
    typeInto(clubIds, `101\nx${'9'.repeat(150)}`);
    await el.updateComplete;
    await press(el, 'save-button');
    await until(() => errorOf(el, 'cfg-clubIds').includes('999'), 'the error quoting the value');
    await settle(el, 2);
    const frame = $(el, '[part="base"]')!.getBoundingClientRect();
    const error = $(el, '#cfg-clubIds-error')!.getBoundingClientRect();
    ok(error.right <= frame.right + 0.5, `the error ends inside the frame (${Math.round(error.right - frame.right)} px past)`);
    ok(document.documentElement.scrollWidth <= window.innerWidth, 'the page does not scroll sideways');
  });

  it('keeps a stored secret’s check mark on the first line of a long translation of “Configured”, in a narrow frame', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    await client.settings.saveDraft('paymentGateway', { platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_test_abc' }, credentials: { secretKey: 'sk_test_SECRET9876' } });
    await inGerman({ 'settings.secret.configured': 'Gespeichert und verschlüsselt, der Wert endet auf {hint}' }, async () => {
      const el = await mount(client, 'payment-gateway');
      el.style.inlineSize = '320px';
      await settle(el, 2);
      const state = $(el, '[data-key="secretKey"] .secret-state')!;
      const mark = state.querySelector('svg')!.getBoundingClientRect();
      const text = state.firstElementChild!.getClientRects();
      ok(text.length > 1 || state.firstElementChild!.getBoundingClientRect().height > mark.height * 2, 'the translation wraps');
      ok(mark.top >= text[0]!.top - 1 && mark.bottom <= text[0]!.top + 2 * mark.height, `the mark on its first line, not alone above it (mark ${Math.round(mark.top)}, text ${Math.round(text[0]!.top)})`);
    });
  });

  it('keeps the save bar’s buttons on one row beside its wrapping “Last saved” line, above the narrow layout', async () => {
    const el = await mount(await enabledCrm(await freshEnv()));
    const bar = $(el, '[part="footer"]')!;
    await until(() => bar.querySelectorAll('.mp-button').length === 2, 'the saved bar’s two buttons');
    ok(/Last saved/.test(bar.textContent!), 'the bar says when it was saved');
    // From just above the narrow layout (560 px inside) to where the line fits beside the buttons.
    for (let width = 600; width <= 960; width += 40) {
      el.style.inlineSize = `${width}px`;
      await settle(el, 2);
      const [first, second] = [...bar.querySelectorAll('.mp-button')].map((b) => b.getBoundingClientRect()) as [DOMRect, DOMRect];
      equal(Math.round(second.top), Math.round(first.top), `the buttons share a row at ${width}px`);
      ok(bar.getBoundingClientRect().height < 2.5 * first.height, `the bar stays one row of buttons tall at ${width}px`);
    }
  });

  it('tells a viewer why the CRM mappings show API names, instead of “No CRM fields yet”', async () => {
    const own = await freshEnv();
    await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] }, own);
    const el = await mount(clientFor(own, 'viewer'));
    await until(() => $(el, '#crm-memberMappings'), 'the mapper');
    const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
    await mapper.updateComplete;
    const slot = mapper.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="no-targets"]');
    const shown = slot?.assignedNodes().map((n) => n.textContent).join('') ?? '';
    ok(shown.includes('Your role does not read the fields of Contact'), `says why: ${shown}`);
  });

  it('tells a viewer that no member object is chosen yet, not to choose one', async () => {
    const own = await freshEnv();
    await connectedCrm({}, own);
    const shown = async (role: Role) => {
      const el = await mount(clientFor(own, role));
      await until(() => $(el, '#crm-memberObject'), 'the member object picker');
      const help = [...el.shadowRoot!.querySelectorAll('.crm > .help')].map((p) => p.textContent!.trim()).join(' | ');
      return { help, placeholder: $<MpCombobox>(el, '#crm-memberObject')!.placeholder };
    };
    const viewer = await shown('viewer');
    ok(viewer.help.includes('No member object is chosen yet, so no fields are mapped.'), `the viewer reads what is so: ${viewer.help}`);
    ok(!viewer.help.includes('Choose the member object'), 'and is not told to do what the role cannot');
    equal(viewer.placeholder, 'None chosen', 'nor by the empty picker');
    const editor = await shown('editor');
    ok(editor.help.includes('Choose the member object to map its fields.'), 'an editor is told what to do');
    equal(editor.placeholder, 'Choose an object', 'in the picker too');
  });

  it('warns before leaving with unsaved changes through a cancelable event', async () => {
    const el = await mount(clientFor(env), 'accounting');
    equal(await el.requestLeave(), true, 'nothing typed: leaving is fine');
    await choosePlatform(el, 'xero');
    typeInto($(el, '#cfg-clientId'), 'unsaved');
    await el.updateComplete;
    ok(el.dirty, 'dirty');
    const seen: BeforeLeaveEvent[] = [];
    const cancel = (e: BeforeLeaveEvent) => {
      seen.push(e);
      e.preventDefault();
    };
    el.addEventListener('mp-before-leave', cancel);
    equal(await el.requestLeave(), false, 'a host that cancels keeps the admin here');
    equal(seen[0]?.categories.join(), 'accounting', 'the event names the category');
    el.removeEventListener('mp-before-leave', cancel);
    $<HTMLInputElement>(el, '#cfg-clientId')!.focus();
    const answer = el.requestLeave();
    await el.updateComplete;
    ok($<HTMLDialogElement>(el, 'dialog.confirm.leave')?.open, 'otherwise the element asks');
    $<HTMLButtonElement>(el, 'dialog.confirm .dialog-actions .mp-button:first-child')!.click();
    equal(await answer, false, 'Stay');
    equal($<HTMLInputElement>(el, '#cfg-clientId')!.value, 'unsaved', 'work kept');
    await until(() => el.shadowRoot!.activeElement?.id === 'cfg-clientId', 'focus back where the admin was typing');
  });

  it('makes the browser ask before unloading unsaved changes, unless the host asks itself', async () => {
    const el = await mount(clientFor(env), 'accounting');
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    equal(unload(), false, 'nothing typed: the page may go');
    await choosePlatform(el, 'xero');
    typeInto($(el, '#cfg-clientId'), 'unsaved');
    await el.updateComplete;
    const seen: string[] = [];
    const note = (e: BeforeLeaveEvent) => seen.push(e.categories.join());
    el.addEventListener('mp-before-leave', note);
    equal(unload(), true, 'unsaved work: the browser asks');
    equal(seen.join(), 'accounting', 'after telling the host which category');
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('mp-before-leave', cancel);
    equal(unload(), false, 'a host that cancels the event asks in its own way');
    el.removeEventListener('mp-before-leave', cancel);
    el.remove();
    equal(unload(), false, 'a removed element no longer holds the page');
    equal(seen.length, 2, 'nor hears of unloads');
  });

  it('shows the catalog’s labels, help, placeholders and options in the host’s language where it registered them', async () => {
    await inGerman({
      'settings.platform': 'Plattform',
      'catalog.xero.description': 'Rechnungen und Zahlungen an Xero buchen.',
      'catalog.xero.clientId.label': 'Client-ID',
      'catalog.xero.clientSecret.label': 'Client-Geheimnis',
      'catalog.salesforce.environment.option.sandbox': 'Testumgebung',
      'catalog.salesforce.myDomainUrl.placeholder': 'https://ihre-org.my.salesforce.com',
      'catalog.salesforce.myDomainUrl.help': 'Die My Domain Ihrer Org.',
    }, async () => {
      const el = await mount(clientFor(env), 'accounting');
      ok($(el, '.platforms legend')?.textContent?.includes('Plattform'), 'the element’s own strings');
      ok(deepText(el).includes('Rechnungen und Zahlungen an Xero buchen.'), 'the platform description');
      await choosePlatform(el, 'xero');
      equal($(el, 'label[for="cfg-clientId"]')?.textContent?.trim(), 'Client-ID', 'a translated label');
      ok($(el, 'label[for="secret-clientSecret"]')?.textContent?.includes('Client-Geheimnis'), 'a secret’s label');
      const crm = await mount(clientFor(env), 'crm');
      await choosePlatform(crm, 'salesforce');
      equal($(crm, '#cfg-environment option[value="sandbox"]')?.textContent?.trim(), 'Testumgebung', 'an option');
      equal($(crm, '#cfg-environment option[value="production"]')?.textContent?.trim(), 'Production', 'English where none is registered');
      equal($<HTMLInputElement>(crm, '#cfg-myDomainUrl')!.placeholder, 'https://ihre-org.my.salesforce.com', 'a placeholder');
      equal($(crm, '#cfg-myDomainUrl-help')?.textContent?.trim(), 'Die My Domain Ihrer Org.', 'help text');
    });
  });

  it('lays the catalog’s untranslated English out left to right on a right-to-left page, its full stop at its end, and a translation in its own direction', async () => {
    await inLocale('ar', {
      'settings.secret.writeOnly': 'للكتابة فقط: يُخزَّن مشفّرًا ولا يُعرض مرة أخرى.',
      'catalog.salesforce.consumerKey.help': 'Consumer Key من التطبيق المتصل.',
    }, async () => {
      const el = await mount(clientFor(env), 'crm');
      el.dir = 'rtl';
      await choosePlatform(el, 'salesforce');
      const description = endsOnTheRight($(el, 'input[value="salesforce"]')!.closest('label')!.querySelector('.muted'));
      ok(description.right, `a platform’s description: ${description.text}`);
      const help = endsOnTheRight($(el, '#cfg-myDomainUrl-help'));
      ok(help.right, `a setting’s help: ${help.text}`);
      const secret = endsOnTheRight($(el, '#secret-consumerSecret-help'));
      ok(secret.right, `a secret’s help, before the translated sentence: ${secret.text}`);
      ok($(el, '#cfg-authMode option[value="connectedApp"]')!.matches(':dir(ltr)'), 'an option');
      typeInto($(el, '#cfg-consumerKey'), 'key');
      typeInto($(el, '#secret-consumerSecret'), 'secret');
      await until(() => $(el, '.toggle-field'), 'the settings after the connection');
      const testHelp = $(el, '#test-help')!;
      ok(testHelp.matches(':dir(rtl)') && endsOnTheRight(testHelp.querySelector('bdi')).right, `the test’s note at the page’s start, its English isolated: ${testHelp.textContent}`);
      const toggle = $(el, '.toggle-field label span')!;
      ok(toggle.matches(':dir(rtl)') && endsOnTheRight(toggle.querySelector('bdi')).right, `a switch’s label at the page’s start, its English isolated: ${toggle.textContent}`);
      const translated = endsOnTheRight($(el, '#cfg-consumerKey-help'));
      ok(!translated.right, `a translation that starts with an English name still reads right to left: ${translated.text}`);
    });
  });

  it('names MemberPulse’s member fields in the host’s language in the mapper', async () => {
    const client = await connectedCrm({ memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' }] });
    await inGerman({ 'field.member.email': 'E-Mail-Adresse', 'field.member.lastName': 'Nachname' }, async () => {
      const el = await mount(client);
      await until(() => ($<MpFieldMapper>(el, '#crm-memberMappings')?.targetFields.length ?? 0) > 0, 'Contact fields in the mapper', 1200);
      const mapper = $<MpFieldMapper>(el, '#crm-memberMappings')!;
      await mapper.updateComplete;
      const labels = [...mapper.shadowRoot!.querySelectorAll('.source-label')].map((n) => n.textContent!.trim());
      ok(labels.includes('E-Mail-Adresse') && labels.includes('Nachname') && labels.includes('First Name'), `translated where registered, English elsewhere: ${labels.join(', ')}`);
    });
  });

  it('words field errors, format rules and the conflict comparison in the host’s language where it registered them', async () => {
    await inGerman({
      'settings.error.required': '{label} ist erforderlich.',
      'catalog.stripe.publishableKey.patternMessage': 'Beginnt mit pk_test_ oder pk_live_.',
      'catalog.stripe.secretKey.label': 'Geheimer Schlüssel',
      'catalog.xero.clientId.label': 'Client-ID',
    }, async () => {
      const el = await mount(clientFor(env), 'payment-gateway');
      await choosePlatform(el, 'stripe');
      typeInto($(el, '#cfg-publishableKey'), 'not-a-key');
      const summary = (await pressIntoSummary(el, 'enable-button')).textContent!;
      equal(errorOf(el, 'cfg-publishableKey'), 'Beginnt mit pk_test_ oder pk_live_.', 'the format rule in German');
      equal(errorOf(el, 'secret-secretKey'), 'Geheimer Schlüssel ist erforderlich.', 'a required error with the translated label');
      equal(errorOf(el, 'secret-webhookSecret'), 'Webhook signing secret ist erforderlich.', 'the English label where none is registered');
      ok(summary.includes('Geheimer Schlüssel ist erforderlich.') && !summary.includes('is required'), `the summary says the same: ${summary}`);

      const { el: xero } = await conflictCompared();
      const labels = [...xero.shadowRoot!.querySelectorAll('table.compare tbody th, table.compare tbody td:first-child')].map((c) => c.textContent!.trim());
      ok(labels.includes('Client-ID'), `the setting under its translated label: ${labels.join(' | ')}`);
    });
  });

  it('puts its headings at the level the host page asks for with heading-level, the CRM’s one and two below, in one category or all', async () => {
    const own = await freshEnv();
    await enabledCrm(own);
    const el = await mount(clientFor(own));
    await until(() => $(el, '#crm-heading') && $(el, '.subheading'), 'the CRM section');
    const levels = (root: MpIntegrationSettings) =>
      ['#heading', '#crm-heading', '.subheading'].map((s) => root.shadowRoot!.querySelector(s)?.localName ?? 'none').join(' ');
    equal(levels(el), 'h2 h3 h4', 'by default');
    el.setAttribute('heading-level', '4');
    await el.updateComplete;
    equal(levels(el), 'h4 h5 h6', 'under a host’s h3');
    equal($(el, '#heading')!.textContent!.trim(), 'CRM', 'the same heading');
    el.headingLevel = 6;
    await el.updateComplete;
    equal(levels(el), 'h6 h6 h6', 'never deeper than HTML has');
    el.setAttribute('heading-level', 'none');
    await el.updateComplete;
    equal(levels(el), 'h2 h3 h4', 'the default for a value that is not a number');

    const all = document.createElement('mp-integration-settings');
    all.setAttribute('heading-level', '3');
    all.client = clientFor(own);
    document.body.append(all);
    placed.push(all);
    await until(() => all.shadowRoot!.querySelectorAll('mp-integration-settings').length > 0, 'the categories');
    const inner = [...all.shadowRoot!.querySelectorAll<MpIntegrationSettings>('mp-integration-settings')];
    await until(() => inner.every((c) => c.shadowRoot?.querySelector('#heading')), 'each category’s heading');
    equal(inner.map((c) => c.shadowRoot!.querySelector('#heading')!.localName).join(), inner.map(() => 'h3').join(), 'every category at the level asked');
  });

  it('shows every category without the attribute, loaded by one request with no 404 for those never set up, said to be loading once', async () => {
    const own = await freshEnv();
    await clientFor(own).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'first' } });
    const el = document.createElement('mp-integration-settings');
    const sections = () => [...el.shadowRoot!.querySelectorAll('mp-integration-settings')];
    const sayingLoading = new Set<Element>();
    const noteSayingLoading = () => {
      for (const root of [el, ...sections()]) for (const s of root.shadowRoot?.querySelectorAll('[role="status"]') ?? []) if (s.textContent!.includes('Loading settings')) sayingLoading.add(s);
    };
    const calls: string[] = [];
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        // Each request is sent while something is loading: what says so is on screen by the next frame.
        await new Promise(requestAnimationFrame);
        noteSayingLoading();
        const response = await fetch(request);
        calls.push(`${request.method} ${new URL(request.url).pathname} ${response.status} ${request.headers.get('if-match') ?? ''}`.trim());
        return response;
      },
    });
    el.client = client;
    document.body.append(el);
    placed.push(el);
    await until(() => (noteSayingLoading(), sections().length === 4 && sections().every((c) => $(c, '.platforms'))), 'four loaded sections');
    equal(sayingLoading.size, 1, 'one status says the page is loading, not another for each category as it loads');
    equal(sections().map((c) => c.getAttribute('category')).join(), 'crm,accounting,payment-gateway,inbound', 'one per category');
    equal(sections().map((c) => $(c, '[part="status"]')!.textContent!.trim()).join(), 'Not set up,Draft,Not set up,Not set up', 'each section its own status');
    equal(calls.filter((c) => c.startsWith('GET /v1/settings')).join(' | '), 'GET /v1/settings 200', 'one list request for the four');
    ok(!calls.some((c) => / 404/.test(c)), `nothing answered 404: ${calls.join(' | ')}`);
    type AxNode = { role: string; name?: string; description?: string; children?: AxNode[] };
    const buttons = (node: AxNode): AxNode[] => [...(node.role === 'button' ? [node] : []), ...(node.children ?? []).flatMap(buttons)];
    const saveButtons = buttons((await a11ySnapshot({})) as unknown as AxNode).filter((b) => b.name === 'Save draft');
    equal(saveButtons.map((b) => b.description).join(), 'CRM,Accounting,Payment gateway,Inbound connector', 'four Save draft buttons a screen reader tells apart by their category');

    const accounting = sections()[1]!;
    equal($<HTMLInputElement>(accounting, '#cfg-clientId')!.value, 'first', 'the saved value from the list');
    typeInto($(accounting, '#cfg-clientId'), 'mine');
    await accounting.updateComplete;
    await saveWith(accounting, 'save-button');
    ok(calls.includes('PUT /v1/settings/accounting 200 "1"'), `the save sent the listed version as If-Match: ${calls.join(' | ')}`);
    equal((await client.settings.get('accounting')).config.clientId, 'mine', 'saved');
  });
});
