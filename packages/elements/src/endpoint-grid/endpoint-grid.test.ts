// <mp-endpoint-grid> in Chromium against the real API server (POST /__mp/test-env): seed 002's add, edit and
// delete with their messages, inline and server errors, the immutable name, paging, sorting, roles, axe-core.
import { InvalidResponseError, createIntegrationClient, type IntegrationClient } from '@memberpulse/integrations-sdk';
import type { IntegrationEndpoint } from '@memberpulse/integration-schema';
import { endpointSorts } from '@memberpulse/integration-schema/validation';
import { a11ySnapshot, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { MpEndpointGrid, type EndpointChangeEvent } from './endpoint-grid.js';
import { errorText } from '../provider/error-text.js';
import { announced, answersLostClient, clientFor, contrast, meAnsweredLastClient, meFailsOnceClient, endsOnTheRight, equal, expectNoViolations, inGerman, inLocale, freshEnv, ok, readsLeftToRight, pressKeepsFocus, settle, typeInto, until, type TestEnv } from '../provider/browser-test-kit.js';
import { formatNumber } from '../i18n/index.js';
import { inForcedColors } from '../provider/forced-colors.test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const before: (fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => void) => void;

let placed: HTMLElement[] = [];
afterEach(() => {
  for (const node of placed) node.remove();
  placed = [];
});

async function mount(client: IntegrationClient, init: Partial<Pick<MpEndpointGrid, 'pageSize' | 'sort'>> = {}): Promise<MpEndpointGrid> {
  const el = document.createElement('mp-endpoint-grid');
  Object.assign(el, init);
  el.client = client;
  document.body.append(el);
  placed.push(el);
  await until(() => el.shadowRoot?.querySelector('table, .empty, .notice.error'), 'the grid to load');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: MpEndpointGrid, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const rowNames = (el: MpEndpointGrid) => [...el.shadowRoot!.querySelectorAll('tbody th.name')].map((n) => n.textContent!.trim());
const messageText = (el: MpEndpointGrid) => $(el, '[part~="message"]')?.textContent?.trim() ?? '';

async function submitForm(el: MpEndpointGrid): Promise<void> {
  $<HTMLButtonElement>(el, 'dialog.form-dialog button[type="submit"]')!.click();
  await el.updateComplete;
}

/** Opens the add form, types a name and a description, and submits. */
async function submitNew(el: MpEndpointGrid, name: string, description: string): Promise<void> {
  el.openCreate();
  await el.updateComplete;
  typeInto($(el, '#ep-name'), name);
  typeInto($(el, '#ep-description'), description);
  await submitForm(el);
}

/** Opens the edit form of the row named `name`, types `description`, and submits. */
async function submitEdit(el: MpEndpointGrid, name: string, description: string): Promise<void> {
  rowButton(el, name, 'edit').click();
  await el.updateComplete;
  typeInto($(el, '#ep-description'), description);
  await submitForm(el);
}

function rowButton(el: MpEndpointGrid, name: string, which: 'edit' | 'delete'): HTMLButtonElement {
  const row = [...el.shadowRoot!.querySelectorAll('tbody tr')].find((r) => r.querySelector('th.name')?.textContent?.trim() === name);
  ok(row, `row ${name} exists`);
  return row.querySelector<HTMLButtonElement>(`[part="${which}-button"]`)!;
}

/**
 * The grid with "Orders" (created here) edited to "Order feed, nightly" and updated through a client whose
 * answers to PATCH are lost while `lost.on` holds: the server took the update, the form does not know.
 */
async function updatedWithAnswerLost(own: TestEnv): Promise<{ el: MpEndpointGrid; lost: { on: boolean } }> {
  await clientFor(own).endpoints.create({ name: 'Orders', description: 'Order feed' });
  const { client, lost } = answersLostClient(own, 'PATCH');
  const el = await mount(client);
  await submitEdit(el, 'Orders', 'Order feed, nightly');
  await until(() => $(el, '.form-general')?.textContent?.includes('may or may not have been saved'), 'the lost answer');
  return { el, lost };
}

describe('<mp-endpoint-grid> against the real server', () => {
  it('says a new endpoint whose answer was lost may have been added, and Submit again adds it once, without a clash with itself', async () => {
    const own = await freshEnv();
    // The server takes each POST; the page gets an answer it cannot read.
    const { client, lost } = answersLostClient(own, 'POST');
    const el = await mount(client);
    await submitNew(el, 'Lost answer', 'Created, answer lost');
    await until(() => $(el, '.form-general'), 'the failure');
    const said = $(el, '.form-general')!.textContent!.replace(/\s+/g, ' ');
    ok(said.includes('may or may not have been saved'), `it says the outcome is unknown: ${said}`);
    equal((await clientFor(own).endpoints.list()).items.length, 1, 'the server did add it');

    lost.on = false;
    await submitForm(el);
    await until(() => !$(el, 'dialog.form-dialog'), 'the form closed: added');
    equal((await clientFor(own).endpoints.list()).items.map((e) => e.name).join(), 'Lost answer', 'once');
  });

  /** Submits a new endpoint whose answer is lost, then, with answers coming back, changes one input and submits again. */
  async function lostThenChanged(el: MpEndpointGrid, lost: { on: boolean }, [name, description]: [string, string], input: string, value: string) {
    await submitNew(el, name, description);
    await until(() => $(el, '.form-general')?.textContent?.includes('may or may not have been saved'), 'the lost answer');
    lost.on = false;
    typeInto($(el, input), value);
    await submitForm(el);
    await until(() => $(el, '.form-general')?.textContent?.includes('after all'), 'the first create, found');
  }

  it('after a create whose answer was lost, Submit with another name adds no second endpoint: it says the first was added, and keeps what was typed', async () => {
    const own = await freshEnv();
    const { client, lost } = answersLostClient(own, 'POST');
    const el = await mount(client);
    await lostThenChanged(el, lost, ['Ordres', 'Order feed'], '#ep-name', 'Orders');
    const said = $(el, '.form-general')!.textContent!.replace(/\s+/g, ' ');
    ok(said.includes('“Ordres”') && said.includes('“Orders”'), `it names the endpoint added and the one typed: ${said}`);
    equal((await clientFor(own).endpoints.list()).items.map((e) => e.name).join(), 'Ordres', 'one endpoint, under the first name');
    equal($<HTMLInputElement>(el, '#ep-name')!.value, 'Orders', 'the name typed stays');
    await until(() => rowNames(el).includes('Ordres'), 'the endpoint added, in the grid behind');

    await submitForm(el);
    await until(() => !$(el, 'dialog.form-dialog'), 'the form closed: added as well, when asked again');
    equal((await clientFor(own).endpoints.list({ sort: 'name' })).items.map((e) => e.name).join(), 'Orders,Ordres', 'the second only when submitted knowingly');
  });

  it('after a create whose answer was lost, Submit with another description edits the endpoint added instead of refusing its name', async () => {
    const own = await freshEnv();
    const { client, lost } = answersLostClient(own, 'POST');
    const el = await mount(client);
    const created: string[] = [];
    el.addEventListener('mp-endpoint-created', (e) => created.push(e.endpoint.name));
    await lostThenChanged(el, lost, ['Orders', 'Order feed'], '#ep-description', 'Order feed, nightly');
    ok($(el, '#ep-name')!.hasAttribute('readonly'), 'the form edits it now');
    equal($<HTMLTextAreaElement>(el, '#ep-description')!.value, 'Order feed, nightly', 'the description typed stays');
    equal(created.join(), 'Orders', 'the host learns it was created');

    await submitForm(el);
    await until(() => !$(el, 'dialog.form-dialog'), 'the form closed: updated');
    const items = (await clientFor(own).endpoints.list()).items;
    equal(items.map((e) => `${e.name}: ${e.description}`).join(), 'Orders: Order feed, nightly', 'one endpoint, with the description typed last');
  });

  it('after a create that never reached the server, Submit with another name adds that one', async () => {
    const own = await freshEnv();
    const down = { on: true };
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      retry: { delay: () => 0 },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => (down.on ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
    });
    down.on = false;
    const el = await mount(client);
    down.on = true;
    await submitNew(el, 'Ordres', 'Order feed');
    await until(() => $(el, '.form-general')?.textContent?.includes('may or may not have been saved'), 'the lost answer');
    down.on = false;
    typeInto($(el, '#ep-name'), 'Orders');
    await submitForm(el);
    await until(() => !$(el, 'dialog.form-dialog'), 'the form closed: added');
    equal((await clientFor(own).endpoints.list()).items.map((e) => e.name).join(), 'Orders', 'the name typed last, once');
  });

  it('after an update whose answer was lost, an edited Update meets it as the change made meanwhile, and says it is probably the admin’s own', async () => {
    const { el, lost } = await updatedWithAnswerLost(await freshEnv());
    lost.on = false;
    typeInto($(el, '#ep-description'), 'Order feed, hourly');
    await submitForm(el);
    await until(() => $(el, '.form-general')?.textContent?.includes('Order feed, nightly'), 'the change met, shown');
    const said = $(el, '.form-general')!.textContent!;
    ok(said.includes('by your own earlier update whose answer was lost'), `it names the likely other update: ${said}`);
  });

  it('an update whose answer was lost is not named as the change met by an Update of another endpoint', async () => {
    const own = await freshEnv();
    const refunds = await clientFor(own).endpoints.create({ name: 'Refunds', description: 'Refund feed' });
    const { el, lost } = await updatedWithAnswerLost(own);
    lost.on = false;
    $<HTMLButtonElement>(el, 'dialog.form-dialog .dialog-actions button:not([type="submit"])')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog.form-dialog .dialog-actions.discard button.danger')!.click();
    await until(() => !$(el, 'dialog.form-dialog[open]'), 'the form closed');
    // Someone else changes Refunds; this grid then updates it.
    await clientFor(own).endpoints.updateDescription(refunds.id, 'Their refund text');
    await submitEdit(el, 'Refunds', 'My refund text');
    await until(() => $(el, '.form-general')?.textContent?.includes('Their refund text'), 'the change met, shown');
    const said = $(el, '.form-general')!.textContent!;
    ok(said.includes('changed elsewhere while you were editing'), `someone else's change, not the lost update of Orders: ${said}`);
  });

  let env: TestEnv;
  let admin: IntegrationClient;
  before(async () => {
    env = await freshEnv();
    admin = clientFor(env);
  });

  it('shows a designed empty state with the New button for a tenant without endpoints', async () => {
    const el = await mount(admin);
    const empty = $(el, '[part="empty"]');
    ok(empty?.textContent?.includes('No integration endpoints yet'), 'empty-state heading');
    ok($(el, '[part="new-button"]')?.textContent?.includes('+ New Integration Endpoint'), 'the New button is there');
    await expectNoViolations(el, 'empty');
  });

  it('lays an untranslated English sentence and sort choice out left to right on a right-to-left page', async () => {
    const own = await freshEnv();
    await inLocale('ar', { 'endpointGrid.empty.title': 'لا توجد نقاط تكامل بعد' }, async () => {
      const el = await mount(clientFor(own));
      el.dir = 'rtl';
      const body = endsOnTheRight($(el, '[part="empty"] p'));
      ok(body.right, `the empty state’s English body keeps its full stop at its end: ${body.text}`);
      await clientFor(own).endpoints.create({ name: 'Orders', description: 'Order feed' });
      await clientFor(own).endpoints.create({ name: 'Invoices', description: 'Invoice feed' });
      await el.reload();
      await until(() => $(el, '[part="sort"]'), 'the Sort menu');
      ok($(el, '[part="sort"] option')!.matches(':dir(ltr)'), 'an English sort choice');
      const newButton = readsLeftToRight($(el, '[part="new-button"]'));
      ok(newButton.ltr, `the English New button keeps its plus at its start, not “New Integration Endpoint +”: ${newButton.text}`);
      el.pageSize = 1;
      await el.reload();
      await until(() => $(el, '[part="pager"]'), 'the pager');
      const range = readsLeftToRight($(el, '[part="pager"] span'));
      ok(range.ltr, `the pager’s English range reads left to right, not “of 2 1–1”: ${range.text}`);
      rowButton(el, (await clientFor(own).endpoints.list()).items[0]!.name, 'delete').click();
      await until(() => $(el, '#confirm-title'), 'the delete question');
      const title = $(el, '#confirm-title')!;
      ok(title.matches(':dir(rtl)') && endsOnTheRight(title.querySelector('bdi')).right, `its English title at the page’s start, its question mark at its end: ${title.textContent}`);
    });
  });

  it('adds an endpoint: required fields inline, then a success message, an announcement, an event and the new row', async () => {
    const el = await mount(admin);
    $<HTMLButtonElement>(el, '[part="new-button"]')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog.form-dialog')!;
    ok(dialog.open, 'the form opens as a modal dialog');
    await expectNoViolations(el, 'add form open');

    await submitForm(el);
    equal($(el, '#ep-name')!.getAttribute('aria-invalid'), 'true', 'empty name is marked invalid');
    ok($(el, '#ep-name-error')?.textContent?.includes('Enter a name.'), 'name error beside the name input');
    ok($(el, '#ep-description-error')?.textContent?.includes('Enter a description.'), 'description error beside its input');
    equal(el.shadowRoot!.activeElement?.id, 'ep-name', 'focus moves to the first invalid input');
    await expectNoViolations(el, 'form with errors');

    const created: EndpointChangeEvent[] = [];
    el.addEventListener('mp-endpoint-created', (e) => created.push(e));
    typeInto($(el, '#ep-name'), 'Orders');
    typeInto($(el, '#ep-description'), 'Order sync to the warehouse');
    await el.updateComplete;
    ok(!$(el, '#ep-name-error'), 'typing clears the field error');
    await submitForm(el);
    await until(() => messageText(el).includes('created'), 'the success message');
    equal(messageText(el), 'Integration endpoint “Orders” created.', 'success message');
    ok(announced(el).includes('Integration endpoint “Orders” created.'), 'announced in the live region');
    ok(!$(el, 'dialog.form-dialog'), 'the form closed');
    await until(() => rowNames(el).includes('Orders'), 'the new row');
    equal(created.length, 1, 'one mp-endpoint-created event');
    equal(created[0]!.endpoint.name, 'Orders', 'the event carries the server record');
    ok(created[0]!.composed && created[0]!.bubbles, 'the event bubbles out of shadow roots');
    await expectNoViolations(el, 'one row and a message');

    const dismiss = $<HTMLButtonElement>(el, '[part~="message"] button')!;
    equal(dismiss.getAttribute('aria-label'), 'Dismiss message', 'the close button has a name');
    dismiss.focus();
    dismiss.click();
    await el.updateComplete;
    equal(messageText(el), '', 'the message is dismissed');
    equal(el.shadowRoot!.activeElement?.id, 'heading', 'focus waits on the grid’s heading, not lost to the page with the button');
  });

  it('words a name it cannot take in the form’s own words before sending it: a tab, an invisible character, only accents', async () => {
    const own = clientFor(await freshEnv());
    const el = await mount(own);
    el.openCreate();
    await el.updateComplete;
    typeInto($(el, '#ep-description'), 'd');
    const cases: [string, string][] = [
      ['Orders\tfeed', 'Use one line of visible text: no line breaks, tabs, or invisible direction or spacing characters.'],
      ['Orders\u200Bfeed', 'Use one line of visible text: no line breaks, tabs, or invisible direction or spacing characters.'],
      // Unicode's line and paragraph separators survive a text input's value (it strips only CR and LF).
      ['Orders\u2028feed', 'Use one line of visible text: no line breaks, tabs, or invisible direction or spacing characters.'],
      ['Orders\u2029feed', 'Use one line of visible text: no line breaks, tabs, or invisible direction or spacing characters.'],
      ['\u0301\u0301', 'Enter a name.'],
    ];
    for (const [name, message] of cases) {
      typeInto($(el, '#ep-name'), name);
      await submitForm(el);
      equal($(el, '#ep-name-error')?.textContent?.trim(), message, JSON.stringify(name));
    }
    equal((await own.endpoints.list()).total, 0, 'nothing was sent');
  });

  it('keeps a name longer than allowed, as typed or pasted, and says so at the field instead of cutting it off', async () => {
    const own = clientFor(await freshEnv());
    const el = await mount(own);
    el.openCreate();
    await el.updateComplete;
    const long = 'Nightly member export to the regional federation’s data warehouse, all clubs and all sections';
    $<HTMLInputElement>(el, '#ep-name')!.focus();
    await sendKeys({ type: long });
    equal($<HTMLInputElement>(el, '#ep-name')!.value, long, `all ${long.length} characters stay in the box`);
    typeInto($(el, '#ep-description'), 'd');
    await submitForm(el);
    equal($(el, '#ep-name-error')?.textContent?.trim(), `At most 80 characters; this has ${long.length}.`, 'the field says how long it may be, and how long it is');
    equal((await own.endpoints.list()).total, 0, 'nothing was sent');
  });

  it('counts a description as it is stored: space and line breaks around it are not held against the limit', async () => {
    const own = clientFor(await freshEnv());
    const el = await mount(own);
    el.openCreate();
    await el.updateComplete;
    typeInto($(el, '#ep-name'), 'Padded');
    const long = 'd'.repeat(1000);
    typeInto($(el, '#ep-description'), `${long}d\n`);
    await el.updateComplete;
    equal($(el, '#ep-description-count')?.textContent?.trim(), '1,001 / 1,000', 'the count, one over');
    await submitForm(el);
    equal($(el, '#ep-description-error')?.textContent?.trim(), 'At most 1,000 characters; this has 1,001.', 'one over is said at the field');
    typeInto($(el, '#ep-description'), `\n  ${long}\n\n`);
    await el.updateComplete;
    equal($(el, '#ep-description-count')?.textContent?.trim(), '1,000 / 1,000', 'the count leaves out the space around');
    await submitForm(el);
    ok(!$(el, '#ep-description-error'), 'no error for what fits once trimmed');
    await until(() => messageText(el).includes('created'), 'the success message');
    equal((await own.endpoints.list()).items[0]?.description, long, 'stored trimmed');
  });

  it('picks the plural form of “at most N characters” by the limit, not by the length typed', async () => {
    const el = await mount(admin);
    el.openCreate();
    await el.updateComplete;
    typeInto($(el, '#ep-name'), 'Arabic');
    typeInto($(el, '#ep-description'), 'd'.repeat(1003));
    await inLocale(
      'ar',
      {
        'endpointGrid.form.tooLong#few': 'الحد الأقصى {max} أحرف؛ هذا فيه {length}.',
        'endpointGrid.form.tooLong#many': 'الحد الأقصى {max} حرفًا؛ هذا فيه {length}.',
        'endpointGrid.form.tooLong#other': 'الحد الأقصى {max} حرف؛ هذا فيه {length}.',
      },
      async () => {
        await submitForm(el);
        // 1,000 takes the “other” form in Arabic; 1,003, the length typed, would take “few”.
        equal($(el, '#ep-description-error')?.textContent?.trim(), `الحد الأقصى ${formatNumber(1000)} حرف؛ هذا فيه ${formatNumber(1003)}.`, 'the form of 1,000, with the length typed');
      },
    );
  });

  it('shows a new endpoint where it lands: newest first, highlighted, with focus kept in the form while it saves', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    for (const name of ['Alpha', 'Beta', 'Gamma']) await client.endpoints.create({ name, description: 'd' });
    const el = await mount(client, { sort: 'name', pageSize: 2 });
    const sorts: string[] = [];
    el.addEventListener('mp-sort-change', (e) => sorts.push(e.sort));
    el.openCreate();
    await el.updateComplete;
    typeInto($(el, '#ep-name'), 'Zulu feed');
    typeInto($(el, '#ep-description'), 'the newest');
    await el.updateComplete;
    await pressKeepsFocus(el, $<HTMLButtonElement>(el, 'dialog.form-dialog button[type="submit"]')!, 'saving');
    await until(() => messageText(el).includes('created'), 'created');
    await until(() => rowNames(el)[0] === 'Zulu feed', 'the new row on top, although it sorts last by name');
    equal(el.sort, '-createdAt', 'the grid says it now shows newest first');
    equal(sorts.join(), '-createdAt', 'and tells a host that holds the sort');
    ok($(el, 'tbody tr.highlight')?.textContent?.includes('Zulu feed'), 'highlighted');
  });

  it('puts its heading at the level the host page asks for with heading-level, the empty state’s one below', async () => {
    const el = await mount(clientFor(await freshEnv()));
    const levels = () => ['#heading', '.empty :is(h1, h2, h3, h4, h5, h6)'].map((s) => $(el, s)?.localName ?? 'none').join(' ');
    equal(levels(), 'h2 h3', 'by default');
    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    equal(levels(), 'h3 h4', 'under a host’s h2');
    equal($(el, '#heading')!.textContent!.trim(), 'Integration endpoints', 'the same heading');
    el.headingLevel = 1;
    await el.updateComplete;
    equal(levels(), 'h1 h2', 'as the page’s own heading');
  });

  it('scales every text size with the one body size a host sets', async () => {
    const el = await mount(admin);
    el.style.setProperty('--mp-font-size-m', '17px');
    const px = (selector: string) => parseFloat(getComputedStyle($(el, selector)!).fontSize);
    equal(px('tbody td'), 17, 'body text');
    equal(Math.round(px('thead th') * 100) / 100, Math.round(((17 * 13) / 14) * 100) / 100, 'column heads follow at 13/14');
    ok(px('#heading') > 17, `the heading stays larger than the text (${px('#heading')} px)`);
  });

  it("puts the server's duplicate-name error on the Name input and keeps what was typed", async () => {
    await admin.endpoints.create({ name: 'Members', description: 'first' });
    const el = await mount(admin);
    await submitNew(el, ' members ', 'A second one');
    await until(() => $(el, '#ep-name-error'), 'the server error on the name');
    ok(/exists|already|duplicate/i.test($(el, '#ep-name-error')!.textContent!), `duplicate message: ${$(el, '#ep-name-error')!.textContent}`);
    equal($<HTMLInputElement>(el, '#ep-name')!.value, ' members ', 'the name stays as typed');
    equal($<HTMLTextAreaElement>(el, '#ep-description')!.value, 'A second one', 'the description stays as typed');
    equal(el.shadowRoot!.activeElement?.id, 'ep-name', 'focus on the name');
  });

  it('announces the errors of Name when Enter submits the form from it, as focus stays there and reads nothing', async () => {
    await admin.endpoints.create({ name: 'Renewals', description: 'first' });
    const el = await mount(admin);
    el.openCreate();
    await el.updateComplete;
    const said = () => $(el, 'dialog.form-dialog [role="status"]')?.textContent?.replace(/\u200b/g, '') ?? '';
    equal(el.shadowRoot!.activeElement?.id, 'ep-name', 'the form opens on Name');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    equal(el.shadowRoot!.activeElement?.id, 'ep-name', 'focus stays on Name');
    equal(said(), 'Enter a name.', 'its error is said inside the modal dialog, where a screen reader still listens');

    await sendKeys({ type: 'Renewals' });
    await el.updateComplete;
    equal(said(), '', 'typing takes back what no longer holds');
    typeInto($(el, '#ep-description'), 'A second one');
    await sendKeys({ press: 'Enter' });
    await until(() => said().includes('already exists'), 'the server’s duplicate-name error said');
  });

  it('words the server’s duplicate-name error in the host’s language where it registered it', async () => {
    await admin.endpoints.create({ name: 'Receipts', description: 'first' });
    await inGerman({ 'endpointGrid.error.duplicate': 'Es gibt schon einen Endpunkt „{name}“.' }, async () => {
      const el = await mount(admin);
      await submitNew(el, ' receipts ', 'A second one');
      await until(() => $(el, '#ep-name-error'), 'the server error on the name');
      equal($(el, '#ep-name-error')!.textContent!.trim(), 'Es gibt schon einen Endpunkt „receipts“.', 'the registered wording, with the name sent');
    });
  });

  it('rewords its form errors and messages when the host switches language while they show', async () => {
    const el = await mount(admin);
    $<HTMLButtonElement>(el, '[part="new-button"]')!.click();
    await el.updateComplete;
    await submitForm(el);
    equal($(el, '#ep-name-error')!.textContent!.trim(), 'Enter a name.', 'the error, in English');
    await inGerman({ 'endpointGrid.form.nameRequired': 'Geben Sie einen Namen ein.', 'endpointGrid.success.created': 'Endpunkt „{name}“ angelegt.' }, async () => {
      await el.updateComplete;
      equal($(el, '#ep-name-error')!.textContent!.trim(), 'Geben Sie einen Namen ein.', 'the same error, now in German');
      typeInto($(el, '#ep-name'), 'Bookings');
      typeInto($(el, '#ep-description'), 'Venue bookings');
      await submitForm(el);
      await until(() => messageText(el), 'the success message');
    });
    await el.updateComplete;
    equal(messageText(el), 'Integration endpoint “Bookings” created.', 'the message follows the switch back to English');
  });

  it('edits the description with Name read-only, shows the update message, and the API keeps the name', async () => {
    const ep = await admin.endpoints.create({ name: 'Invoices', description: 'old text' });
    const el = await mount(admin);
    const updated: EndpointChangeEvent[] = [];
    el.addEventListener('mp-endpoint-updated', (e) => updated.push(e));
    rowButton(el, 'Invoices', 'edit').click();
    await el.updateComplete;
    const name = $<HTMLTextAreaElement>(el, '#ep-name')!;
    equal(name.value, 'Invoices', 'name pre-filled');
    ok(name.readOnly, 'name is read-only');
    equal($<HTMLTextAreaElement>(el, '#ep-description')!.value, 'old text', 'description pre-filled');
    ok($(el, '#ep-name-help')?.textContent?.includes('cannot be changed'), 'says why the name is locked');
    ok($(el, 'dialog.form-dialog button[type="submit"]')!.textContent!.includes('Update'), 'the button says Update');
    typeInto($(el, '#ep-description'), 'new text');
    await submitForm(el);
    await until(() => messageText(el).includes('updated'), 'the update message');
    equal(messageText(el), 'Integration endpoint “Invoices” updated.', 'update message');
    const stored = await admin.endpoints.get(ep.id);
    equal(stored.name, 'Invoices', 'name unchanged on the server');
    equal(stored.description, 'new text', 'description saved');
    equal(updated[0]?.endpoint.description, 'new text', 'mp-endpoint-updated carries the new record');
  });

  it('gives a card’s actions the card’s width on a phone, their buttons inside it', async () => {
    const env = await freshEnv();
    const own = clientFor(env);
    await own.endpoints.create({ name: 'Orders', description: 'a feed' });
    try {
      await setViewport({ width: 360, height: 740 });
      const el = await mount(own);
      await until(() => $(el, 'tbody .row-actions'), 'the row');
      const cell = $(el, 'tbody .row-actions')!.getBoundingClientRect();
      const card = $(el, 'tbody tr')!.getBoundingClientRect();
      ok(cell.width >= card.width - 1, `the actions as wide as the card: ${cell.width} of ${card.width}`);
      for (const button of $(el, 'tbody .row-actions')!.querySelectorAll('button')) {
        const box = button.getBoundingClientRect();
        ok(box.left >= cell.left - 0.5 && box.right <= cell.right + 0.5, `${button.textContent!.trim()} inside its cell`);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows the whole of a long read-only name in the edit form, on a phone too, still labelled, read-only and explained', async () => {
    const env = await freshEnv();
    const own = clientFor(env);
    const long = `${'Longname'.repeat(9)}Longname`.slice(0, 80);
    await own.endpoints.create({ name: long, description: 'a feed' });
    await own.endpoints.create({ name: 'Short', description: 'a feed' });
    try {
      await setViewport({ width: 360, height: 740 });
      const el = await mount(own);
      rowButton(el, long, 'edit').click();
      await el.updateComplete;
      const name = $<HTMLTextAreaElement>(el, '#ep-name')!;
      equal(name.value, long, 'the whole name');
      ok(name.scrollHeight <= name.clientHeight + 1 && name.scrollWidth <= name.clientWidth + 1, `none of it cut off or scrolled away: ${name.scrollWidth}×${name.scrollHeight} in ${name.clientWidth}×${name.clientHeight}`);
      ok(name.readOnly, 'read-only');
      equal(el.shadowRoot!.activeElement?.id, 'ep-description', 'focus on the first field that can change');
      type AxNode = { role: string; name?: string; description?: string; readonly?: boolean; children?: AxNode[] };
      const find = (node: AxNode): AxNode | undefined => (node.name?.startsWith('Name') && node.role === 'textbox' ? node : (node.children ?? []).map(find).find(Boolean));
      const box = find((await a11ySnapshot({})) as unknown as AxNode);
      ok(box, 'a text box named by its label');
      equal(box.readonly, true, 'announced as read-only');
      equal(box.description, 'The name cannot be changed after the endpoint is created.', 'with its explanation');
      $<HTMLDialogElement>(el, 'dialog.form-dialog')!.close();
      await until(() => !$(el, 'dialog.form-dialog'), 'the form closed');

      rowButton(el, 'Short', 'edit').click();
      await el.updateComplete;
      const short = $<HTMLTextAreaElement>(el, '#ep-name')!;
      const description = $<HTMLTextAreaElement>(el, '#ep-description')!;
      ok(short.offsetHeight < description.offsetHeight / 2, `a short name takes one line, not a box of rows: ${short.offsetHeight}px`);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says “required” once, as the inputs’ state, not again from the visible mark; the edit form’s read-only Name is not marked', async () => {
    const own = clientFor(await freshEnv());
    await own.endpoints.create({ name: 'Orders', description: 'a feed' });
    const el = await mount(own);
    type AxNode = { role: string; name?: string; required?: boolean; children?: AxNode[] };
    const textboxes = async () => {
      const all = (node: AxNode): AxNode[] => [...(node.role === 'textbox' ? [node] : []), ...(node.children ?? []).flatMap(all)];
      return all((await a11ySnapshot({})) as unknown as AxNode).map((n) => `${n.name}${n.required ? ' (required state)' : ''}`).join(' | ');
    };
    const marks = () => [...el.shadowRoot!.querySelectorAll('dialog label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
    el.openCreate();
    await el.updateComplete;
    equal(marks(), 'Name (Required) | Description (Required)', 'both marked on screen');
    equal(await textboxes(), 'Name (required state) | Description (required state)', 'each named by its label alone, required once');
    $<HTMLDialogElement>(el, 'dialog.form-dialog')!.close();
    await until(() => !$(el, 'dialog.form-dialog'), 'the form closed');

    rowButton(el, 'Orders', 'edit').click();
    await el.updateComplete;
    equal(marks(), 'Name | Description (Required)', 'the name, which cannot be changed, is not marked required');
    equal(await textboxes(), 'Name | Description (required state)', 'nor said to be');
  });

  it('does not overwrite a description someone else changed after the grid listed it, and keeps what was typed', async () => {
    const own = await freshEnv();
    // Created by another client: this grid's client knows the endpoint only from its list.
    const ep = await clientFor(own).endpoints.create({ name: 'Refunds', description: 'first text' });
    const mine = clientFor(own);
    const el = await mount(mine);
    await clientFor(own).endpoints.updateDescription(ep.id, 'Their text, sent hourly.');
    await submitEdit(el, 'Refunds', 'my text');
    await until(() => $(el, '.form-general')?.textContent?.includes('This endpoint was changed elsewhere while you were editing'), 'the notice in the form');
    ok($(el, '.form-general')!.textContent!.includes('“Their text, sent hourly.”'), 'it says what theirs reads');
    ok(!$(el, '.form-general')!.textContent!.includes('”.'), 'with no full stop after the one it quotes');
    equal((await mine.endpoints.get(ep.id)).description, 'Their text, sent hourly.', 'theirs was not overwritten');
    equal($<HTMLTextAreaElement>(el, '#ep-description')!.value, 'my text', 'my typing stays');
    ok($(el, `tr[data-id="${ep.id}"]`)!.textContent!.includes('Their text, sent hourly.'), 'the row behind the form shows theirs');
    equal(el.shadowRoot!.activeElement, $(el, '.form-general'), 'focus on the notice');
    await submitForm(el);
    await until(() => messageText(el).includes('updated'), 'updated on the second press');
    equal((await mine.endpoints.get(ep.id)).description, 'my text', 'replaced knowingly');
  });

  it('asks before Cancel or Escape drops what was typed, and closes at once when nothing was', async () => {
    const el = await mount(admin);
    const dialog = () => $<HTMLDialogElement>(el, 'dialog.form-dialog');
    const button = (text: string) => [...dialog()!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
    el.openCreate();
    await el.updateComplete;
    button('Cancel').click();
    await until(() => !dialog(), 'an untouched form just closes');

    el.openCreate();
    await el.updateComplete;
    $<HTMLInputElement>(el, '#ep-name')!.focus();
    await sendKeys({ type: 'Half typed' });
    ok(el.dirty, 'typed text is unsaved work');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    ok(unload.defaultPrevented, 'so leaving the page asks first');
    await sendKeys({ press: 'Escape' });
    await until(() => dialog()?.querySelector('.discard'), 'the question');
    ok(dialog()!.open, 'Escape did not close the form');
    equal(dialog()!.querySelector('[role="alert"]')!.textContent!.trim(), 'Discard what you typed?', 'it asks');
    equal(el.shadowRoot!.activeElement?.textContent?.trim(), 'Keep editing', 'focus on the safe answer');
    await expectNoViolations(el, 'asking before discarding');
    button('Keep editing').click();
    await el.updateComplete;
    equal($<HTMLInputElement>(el, '#ep-name')!.value, 'Half typed', 'the typing is all there');
    ok(!dialog()!.querySelector('.discard'), 'the question went away');

    button('Cancel').click();
    await el.updateComplete;
    button('Discard').click();
    await until(() => !dialog(), 'the form to close');
    el.openCreate();
    await el.updateComplete;
    equal($<HTMLInputElement>(el, '#ep-name')!.value, '', 'discarded means a fresh form next time');
    ok(!el.dirty, 'and nothing unsaved');
  });

  it('deletes after confirmation only, with a success message', async () => {
    const ep = await admin.endpoints.create({ name: 'Old feed', description: 'to remove' });
    const el = await mount(admin);
    rowButton(el, 'Old feed', 'delete').click();
    await el.updateComplete;
    const confirm = $<HTMLDialogElement>(el, 'dialog.confirm-dialog')!;
    ok(confirm.open, 'a confirmation opens');
    ok(confirm.textContent!.includes('Delete “Old feed”?'), 'it names the endpoint');
    await expectNoViolations(el, 'delete confirmation');
    confirm.querySelector<HTMLButtonElement>('.dialog-actions .mp-button:not(.danger)')!.click();
    await until(() => !$(el, 'dialog.confirm-dialog'), 'the confirmation to close');
    ok(rowNames(el).includes('Old feed'), 'keeping it keeps the row');
    equal((await admin.endpoints.get(ep.id)).id, ep.id, 'still on the server');
    await until(() => el.shadowRoot!.activeElement === rowButton(el, 'Old feed', 'delete'), 'focus back on the Delete button that opened it');

    const deleted: EndpointChangeEvent[] = [];
    el.addEventListener('mp-endpoint-deleted', (e) => deleted.push(e));
    rowButton(el, 'Old feed', 'delete').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog.confirm-dialog .danger')!.click();
    await until(() => messageText(el).includes('deleted'), 'the delete message');
    equal(messageText(el), 'Integration endpoint “Old feed” deleted.', 'delete message');
    await until(() => !rowNames(el).includes('Old feed'), 'the row to go');
    await until(() => el.shadowRoot!.activeElement === $(el, '[part="new-button"]'), 'focus on New once the row is gone');
    equal(deleted[0]?.endpoint.id, ep.id, 'mp-endpoint-deleted names it');
    const all: IntegrationEndpoint[] = [];
    for await (const e of admin.endpoints.all()) all.push(e);
    ok(!all.some((e) => e.id === ep.id), 'gone from the server');
  });

  it('keeps Discard and Delete endpoint readable under the pointer, light and dark: their label 4.5:1 or more on the hover colour', async () => {
    const client = clientFor(await freshEnv());
    await client.endpoints.create({ name: 'Orders', description: 'Order feed' });
    const el = await mount(client);
    const hovered = async (button: HTMLElement) => {
      const box = button.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      ok(button.matches(':hover'), `${button.textContent!.trim()} under the pointer`);
      const style = getComputedStyle(button);
      return contrast(style.color, style.backgroundColor);
    };
    try {
      for (const theme of ['light', 'dark']) {
        el.dataset.mpTheme = theme;
        rowButton(el, 'Orders', 'delete').click();
        await el.updateComplete;
        const remove = $(el, 'dialog.confirm-dialog .danger')!;
        const deleteRatio = await hovered(remove);
        ok(deleteRatio >= 4.5, `${theme}: Delete endpoint at ${deleteRatio.toFixed(2)}:1`);
        $<HTMLDialogElement>(el, 'dialog.confirm-dialog')!.close();
        await el.updateComplete;

        el.openCreate();
        await el.updateComplete;
        $(el, '#ep-name')!.focus();
        await sendKeys({ type: 'Typed' });
        await sendKeys({ press: 'Escape' });
        await until(() => $(el, '.discard .danger'), 'the discard question');
        const discardRatio = await hovered($(el, '.discard .danger')!);
        ok(discardRatio >= 4.5, `${theme}: Discard at ${discardRatio.toFixed(2)}:1`);
        $<HTMLButtonElement>(el, '.discard .danger')!.click();
        await el.updateComplete;
      }
    } finally {
      await sendMouse({ type: 'move', position: [0, 0] });
    }
  });

  it('keeps focus on “Delete endpoint” while the delete runs: the pressed button is marked unavailable, not disabled', async () => {
    await admin.endpoints.create({ name: 'Slow feed', description: 'to remove' });
    const el = await mount(admin);
    rowButton(el, 'Slow feed', 'delete').click();
    await el.updateComplete;
    await pressKeepsFocus(el, $<HTMLButtonElement>(el, 'dialog.confirm-dialog .danger')!, 'deleting');
    await until(() => el.shadowRoot!.activeElement === $(el, '[part="new-button"]'), 'focus on New once the row is gone');
  });

  it('deleted elsewhere while being edited: the form offers to add it again with what was typed, and the row goes', async () => {
    const env = await freshEnv();
    const own = clientFor(env);
    const ep = await own.endpoints.create({ name: 'Stale feed', description: 'before' });
    const el = await mount(own);
    rowButton(el, 'Stale feed', 'edit').click();
    await el.updateComplete;
    typeInto($(el, '#ep-description'), 'my careful description');
    await clientFor(env).endpoints.delete(ep.id);
    await submitForm(el);
    await until(() => $(el, 'dialog.form-dialog .form-general'), 'the form says what happened');
    equal(
      $(el, 'dialog.form-dialog .form-general')!.textContent!.trim(),
      '“Stale feed” was deleted elsewhere while you were editing. Submit to add it again with your description, or Cancel to leave it deleted.',
      'the form says what happened and what each button does now',
    );
    equal($<HTMLTextAreaElement>(el, '#ep-description')!.value, 'my careful description', 'the typing is kept');
    equal($<HTMLInputElement>(el, '#ep-name')!.value, 'Stale feed', 'the name too');
    ok(!$<HTMLInputElement>(el, '#ep-name')!.readOnly, 'and can be changed, as for a new endpoint');
    equal(el.shadowRoot!.activeElement, $(el, '.form-general'), 'focus on the explanation');
    await until(() => !rowNames(el).includes('Stale feed'), 'the deleted row goes from the grid behind');
    await submitForm(el);
    await until(() => messageText(el) === 'Integration endpoint “Stale feed” created.', 'added again');
    const again = (await own.endpoints.list()).items.find((e) => e.name === 'Stale feed');
    equal(again?.description, 'my careful description', 'with the description typed');
  });

  it('deleting an endpoint someone else deleted already is done, not an error, and the row goes', async () => {
    const own = clientFor(await freshEnv());
    const ep = await own.endpoints.create({ name: 'Gone feed', description: 'x' });
    const el = await mount(own);
    await own.endpoints.delete(ep.id);
    rowButton(el, 'Gone feed', 'delete').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog.confirm-dialog .danger')!.click();
    await until(() => messageText(el).includes('Gone feed'), 'the message');
    equal(messageText(el), 'Integration endpoint “Gone feed” had already been deleted.', 'said as done, naming it');
    ok($(el, '[part~="message"]')!.classList.contains('success'), 'told as done');
    await until(() => !rowNames(el).includes('Gone feed'), 'the row goes');
    await until(() => el.shadowRoot!.activeElement === $(el, '[part="new-button"]'), 'focus on New, as after a delete');
  });

  it('tells a role that may not list endpoints (an auditor) so calmly, with nothing to retry', async () => {
    const el = document.createElement('mp-endpoint-grid');
    el.client = clientFor(await freshEnv(), 'auditor');
    document.body.append(el);
    placed.push(el);
    await until(() => $(el, '.notice'), 'the notice');
    equal($(el, '.notice')!.textContent!.trim(), 'Your role cannot see the integration endpoints. An admin, editor or viewer can.', 'says why');
    ok(!$(el, '[role="alert"]') && !$(el, '.notice button'), 'no alert, no retry that cannot help');
  });

  it('a 403 that is not the API’s (a proxy’s page) is a failure to retry, not a role', async () => {
    const env = await freshEnv();
    const proxied = createIntegrationClient({
      baseUrl: env.apiUrl,
      token: env.tokens.admin,
      fetch: () => Promise.resolve(new Response('<h1>Forbidden</h1>', { status: 403, headers: { 'content-type': 'text/html' } })),
    });
    const el = await mount(proxied);
    ok($(el, '.notice.error[role="alert"] button'), 'the load error, with Try again');
    ok($(el, '.notice.error')!.textContent!.includes('Something between here and the server refused the request (HTTP 403).'), `not blamed on the role: ${$(el, '.notice.error')!.textContent}`);
  });

  it('an answer the page cannot read is not worded as a refusal, and checks that did not load name their file', async () => {
    const env = await freshEnv();
    const garbled = createIntegrationClient({
      baseUrl: env.apiUrl,
      token: env.tokens.admin,
      fetch: () => Promise.resolve(new Response('{"items":"none"}', { headers: { 'content-type': 'application/json' } })),
    });
    const el = await mount(garbled);
    const text = $(el, '.notice.error')!.textContent!;
    ok(text.includes('The server answered something this page cannot read.') && !text.includes('refused'), text);
    const checks = new InvalidResponseError('The response checks could not be loaded: GET /v1/me', { status: 200, reason: 'checks' });
    equal(errorText(checks), 'The SDK’s response checks could not be loaded: serve mp-integration-kit-checks.js beside mp-integration-kit.js, or create the client with validateResponses: false.', 'a deployment fault named for the developer');
  });

  it('says why a refusal that names no field (a 413) stopped the save, instead of showing nothing, and keeps what was typed', async () => {
    const env = await freshEnv();
    const tooLarge = createIntegrationClient({
      baseUrl: env.apiUrl,
      token: env.tokens.admin,
      fetch: (input, init) =>
        (input instanceof Request ? input.method : init?.method) === 'POST'
          ? Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', title: 'Payload Too Large', status: 413 }), { status: 413, headers: { 'content-type': 'application/problem+json' } }))
          : fetch(input, init),
    });
    const el = await mount(tooLarge);
    await submitNew(el, 'Big', 'A long description');
    await until(() => $(el, '.form-general'), 'a message in the form');
    ok($(el, '.form-general')!.textContent!.trim() !== '', 'the message says something');
    equal(el.shadowRoot!.activeElement, $(el, '.form-general'), 'focus on the message');
    equal($<HTMLInputElement>(el, '#ep-name')!.value, 'Big', 'the name stays as typed');
    equal($<HTMLTextAreaElement>(el, '#ep-description')!.value, 'A long description', 'the description stays as typed');
  });

  it('loses no keystroke typed while a slow save runs: the fields take none until it answers', async () => {
    const env = await freshEnv();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = createIntegrationClient({
      baseUrl: env.apiUrl,
      token: env.tokens.admin,
      fetch: async (input, init) => {
        if ((input instanceof Request ? input.method : init?.method) === 'POST') await held;
        return fetch(input, init);
      },
    });
    const el = await mount(slow);
    await submitNew(el, 'Slow', 'As sent');
    const description = $<HTMLTextAreaElement>(el, '#ep-description')!;
    description.focus();
    description.setSelectionRange(description.value.length, description.value.length);
    await sendKeys({ type: ' and more' });
    const shown = description.value;
    release();
    await until(() => messageText(el).includes('created'), 'the save to finish');
    const stored = (await clientFor(env).endpoints.list()).items.find((e) => e.name === 'Slow')!;
    equal(shown, stored.description, 'what the form showed when the save answered is what was stored');
  });

  it('holds the form while a save runs without changing its look; a name that can never change stays read-only-looking', async () => {
    const env = await freshEnv();
    let release!: () => void;
    let held!: Promise<void>;
    const hold = () => (held = new Promise<void>((r) => (release = r)));
    const slow = createIntegrationClient({
      baseUrl: env.apiUrl,
      token: env.tokens.admin,
      fetch: async (input, init) => {
        if ((input instanceof Request ? input.method : init?.method) !== 'GET') await held;
        return fetch(input, init);
      },
    });
    const el = await mount(slow);
    const look = (selector: string) => {
      const style = getComputedStyle($(el, selector)!);
      return `${style.appearance}, ${style.color} on ${style.backgroundColor}`;
    };
    const looks = () => `name: ${look('#ep-name')}; description: ${look('#ep-description')}`;
    const savedHeld = async (done: string) => {
      const before = looks();
      hold();
      await submitForm(el);
      ok($<HTMLTextAreaElement>(el, '#ep-description')!.readOnly, 'the description takes nothing typed while it saves');
      equal(looks(), before, 'and looks as it did');
      release();
      await until(() => messageText(el).includes(done), done);
    };

    el.openCreate();
    await el.updateComplete;
    typeInto($(el, '#ep-name'), 'Held');
    typeInto($(el, '#ep-description'), 'first');
    const editable = look('#ep-description');
    equal(look('#ep-name'), editable, 'a new endpoint’s name is editable');
    await savedHeld('created');

    await until(() => rowNames(el).includes('Held'), 'the new row');
    rowButton(el, 'Held', 'edit').click();
    await el.updateComplete;
    typeInto($(el, '#ep-description'), 'second');
    ok(look('#ep-name') !== editable, `an endpoint’s name, which never changes, looks read-only (${look('#ep-name')})`);
    await savedHeld('updated');
  });

  it('a 404 that is not the API’s (a proxy’s page) is a failure, not “already deleted”', async () => {
    const env = await freshEnv();
    await clientFor(env).endpoints.create({ name: 'Behind a proxy', description: 'x' });
    const proxied = createIntegrationClient({
      baseUrl: env.apiUrl,
      token: env.tokens.admin,
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        (input instanceof Request ? input.method : init?.method) === 'DELETE' ? Promise.resolve(new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html' } })) : fetch(input, init),
    });
    const el = await mount(proxied);
    rowButton(el, 'Behind a proxy', 'delete').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog.confirm-dialog .danger')!.click();
    await until(() => messageText(el).includes('Behind a proxy'), 'the message');
    ok($(el, '[part~="message"]')!.classList.contains('error'), `a failure: ${messageText(el)}`);
    ok(rowNames(el).includes('Behind a proxy'), 'and the row stays');
  });

  it('shows nothing of one tenant once its client is swapped for another tenant’s, not even an open form or a search', async () => {
    const a = clientFor(await freshEnv());
    await a.endpoints.create({ name: 'Tenant A feed', description: 'only for A' });
    await a.endpoints.create({ name: 'Tenant A archive', description: 'only for A' });
    const el = await mount(a);
    ok(rowNames(el).includes('Tenant A feed'), 'A’s row first');
    typeInto($(el, '[part="search"]'), 'feed');
    await until(() => rowNames(el).join() === 'Tenant A feed', 'A searched');
    el.openEdit(el.items[0]!);
    await el.updateComplete;
    const b = clientFor(await freshEnv());
    await b.endpoints.create({ name: 'Tenant B orders', description: 'only for B' });
    el.client = b;
    await el.updateComplete;
    ok(!rowNames(el).includes('Tenant A feed'), 'A’s rows are gone the moment the client changes');
    await until(() => !$(el, 'dialog.form-dialog'), 'A’s form closed, so nothing of A is sent with B’s client');
    await until(() => rowNames(el).join() === 'Tenant B orders', 'B’s endpoints, not searched for what was typed for A');
    equal($(el, '[part="search"]'), null, 'no search field for B’s one endpoint');
  });

  it('moves focus from Next to Try again when the next page fails to load', async () => {
    const own = await freshEnv();
    const seed = clientFor(own);
    for (let i = 1; i <= 3; i++) await seed.endpoints.create({ name: `EP ${i}`, description: `number ${i}` });
    let failNext = false;
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      retry: { limit: 0 },
      fetch: (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (!failNext || !url.includes('cursor=')) return fetch(input, init);
        const problem = { type: 'about:blank', title: 'Bad request', status: 400, detail: 'Refused for the test.' };
        return Promise.resolve(new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
      },
    });
    const el = await mount(client, { pageSize: 2 });
    failNext = true;
    const next = $<HTMLButtonElement>(el, '[part="pager"] button:last-of-type')!;
    next.focus();
    next.click();
    await until(() => $(el, '.notice.error[role="alert"]'), 'the page’s load error');
    await until(() => el.shadowRoot!.activeElement?.textContent?.trim() === 'Try again', 'focus on Try again, not the page');
    failNext = false;
    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    await until(() => rowNames(el).join() === 'EP 1', 'the second page, newest first');
    await until(() => announced(el).startsWith('Showing 3–3 of 3'), 'the rows that came back are announced');
  });

  it('counts the rows it shows in the pager while the next page or a search loads, never a range past the total', async () => {
    const own = await freshEnv();
    for (let i = 1; i <= 7; i++) await clientFor(own).endpoints.create({ name: `EP ${i}`, description: `number ${i}` });
    const held: (() => void)[] = [];
    const client = createIntegrationClient({
      baseUrl: own.apiUrl,
      token: own.tokens.admin,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        if (/[?&](cursor|q)=/.test(input instanceof Request ? input.url : String(input))) await new Promise<void>((resolve) => held.push(resolve));
        return fetch(input, init);
      },
    });
    const el = await mount(client, { pageSize: 5 });
    const range = () => $(el, '[part="pager"] span')!.textContent;
    const release = async (what: string) => {
      await until(() => held.length > 0, what);
      await settle(el);
      const go = held.splice(0);
      return () => go.forEach((resolve) => resolve());
    };
    $<HTMLButtonElement>(el, '[part="pager"] button:last-of-type')!.click();
    const nextPage = await release('page two asked for');
    equal(range(), '1–5 of 7', 'page one’s rows are still shown, so still counted (not “6–10 of 7”)');
    nextPage();
    await until(() => range() === '6–7 of 7', 'page two, counted');
    typeInto($(el, '[part="search"]'), 'EP');
    const found = await release('the search asked for');
    equal(range(), '6–7 of 7', 'page two’s rows still shown while the search runs');
    found();
    await until(() => range() === '1–5 of 7', 'the first page of what it found');
  });

  it('pages through a long list and sorts by name from the column header', async () => {
    const own = await freshEnv();
    const client = clientFor(own);
    for (let i = 1; i <= 12; i++) await client.endpoints.create({ name: `EP ${String(i).padStart(2, '0')}`, description: `number ${i}` });
    const el = await mount(client, { pageSize: 5, sort: 'name' });
    equal(rowNames(el).join(','), 'EP 01,EP 02,EP 03,EP 04,EP 05', 'first page by name');
    const offered = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('[part="sort"] option')].map((o) => o.value);
    equal(offered.sort().join(), [...endpointSorts].sort().join(), 'the sort menu offers every order the API takes');
    ok($(el, '[part="pager"]')!.textContent!.includes('1–5 of 12'), 'range shown');
    const next = () => $<HTMLButtonElement>(el, '[part="pager"] button:last-of-type')!;
    const pressByKeyboard = (button: HTMLButtonElement) => {
      button.focus();
      button.click();
    };
    pressByKeyboard(next());
    next().click();
    await until(() => rowNames(el)[0] === 'EP 06', 'page two');
    await el.updateComplete;
    equal(rowNames(el)[0], 'EP 06', 'a second press while the page loaded did not skip a page');
    equal(el.shadowRoot!.activeElement, next(), 'focus stays on Next, ready for the next press');
    await until(() => announced(el) === 'Showing 6–10 of 12', 'the new range announced, since focus did not move');
    pressByKeyboard(next());
    await until(() => rowNames(el)[0] === 'EP 11', 'page three');
    await until(() => announced(el) === 'Showing 11–12 of 12', 'the last range announced');
    equal(rowNames(el).length, 2, 'two rows on the last page');
    equal(next().getAttribute('aria-disabled'), 'true', 'no next after the last page');
    equal(el.shadowRoot!.activeElement, next(), 'focus stays on Next, which says it has nothing more, not on the page');
    next().click();
    await el.updateComplete;
    equal(rowNames(el)[0], 'EP 11', 'pressing it then does nothing');
    equal($(el, 'thead th')!.getAttribute('aria-sort'), 'ascending', 'the Name column says how it is sorted');
    type AxNode = { role: string; name?: string; description?: string; children?: AxNode[] };
    const all = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(all)];
    const tree = all((await a11ySnapshot({})) as unknown as AxNode);
    const sortButton = tree.find((n) => n.role === 'button' && n.name?.startsWith('Name'));
    equal(sortButton?.name, 'Name', 'the column head is named “Name” alone, as each of its cells is announced with it');
    equal(sortButton?.description, 'Sort by name', 'what the button does is its description');
    $<HTMLButtonElement>(el, '.sort-button')!.click();
    await until(() => rowNames(el)[0] === 'EP 12', 'descending first page');
    equal($(el, 'thead th')!.getAttribute('aria-sort'), 'descending', 'now descending');
    await until(() => announced(el) === 'Showing 1–5 of 12', 'the sorted first page announced');
    await expectNoViolations(el, 'paged and sorted');
  });

  it('keeps keyboard focus in sight when the page a pager button brings, or an update’s message, pushes that button down', async () => {
    const client = clientFor(await freshEnv());
    for (let i = 1; i <= 12; i++) await client.endpoints.create({ name: `EP ${String(i).padStart(2, '0')}`, description: `number ${i}` });
    // The grid low on a long page, as under a host's own content, so the window scrolls to reach its rows.
    const above = document.createElement('div');
    above.style.height = '1500px';
    document.body.append(above);
    placed.push(above);
    const el = await mount(client, { pageSize: 10, sort: 'name' });
    const inSight = (b: Element) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    };
    const atBottomEdge = (b: Element) => scrollBy(0, b.getBoundingClientRect().bottom - innerHeight + 4);
    const [previous, next] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pager"] button')] as [HTMLButtonElement, HTMLButtonElement];

    next.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rowNames(el)[0] === 'EP 11', 'page two, of two rows');
    atBottomEdge(previous);
    previous.focus();
    ok(inSight(previous), 'Previous at the bottom of the window');
    await sendKeys({ press: 'Enter' });
    await until(() => rowNames(el)[0] === 'EP 01', 'page one, eight rows longer');
    await el.updateComplete;
    equal(el.shadowRoot!.activeElement, previous, 'focus stays on Previous');
    ok(inSight(previous), `and the window follows it down: its top at ${previous.getBoundingClientRect().top} of ${innerHeight}`);

    const edit = rowButton(el, 'EP 10', 'edit');
    atBottomEdge(edit);
    edit.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    $(el, 'dialog.form-dialog button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => messageText(el).includes('updated'), 'the update’s message, above the rows');
    await el.updateComplete;
    equal(el.shadowRoot!.activeElement, edit, 'focus back on the row’s Edit');
    ok(inSight(edit), `in sight below the message: its top at ${edit.getBoundingClientRect().top} of ${innerHeight}`);

    scrollTo(0, 0);
    el.requestUpdate();
    await el.updateComplete;
    equal(scrollY, 0, 'someone who scrolled away from the focused button is left where they are');
  });

  it('keeps keyboard focus on the Sort menu while the grid reloads, and announces the page it brings', async () => {
    const client = clientFor(await freshEnv());
    for (const name of ['Alpha', 'Beta', 'Gamma']) await client.endpoints.create({ name, description: 'd' });
    const el = await mount(client, { pageSize: 2 });
    equal(rowNames(el).join(','), 'Gamma,Beta', 'newest first');
    const select = $<HTMLSelectElement>(el, '[part="sort"]')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => rowNames(el)[0] === 'Alpha', 'oldest first');
    equal(el.sort, 'createdAt', 'the arrow key chose Oldest first');
    equal(el.shadowRoot!.activeElement, select, 'focus stays on the Sort menu, not on the page');
    await until(() => announced(el) === 'Showing 1–2 of 3', 'the sorted page announced');
  });

  it('finds endpoints by part of the name once typing pauses, pages within the search, says how many, and clears it', async () => {
    const client = clientFor(await freshEnv());
    for (let i = 1; i <= 7; i++) await client.endpoints.create({ name: `Orders ${i}`, description: 'd' });
    for (let i = 1; i <= 4; i++) await client.endpoints.create({ name: `Members ${i}`, description: 'd' });
    const el = await mount(client, { pageSize: 5, sort: 'name' });
    const search = $<HTMLInputElement>(el, '[part="search"]')!;
    ok(search, 'a search field once there are endpoints to look through');
    search.focus();
    for (const typed of ['o', 'or', 'ORDER']) typeInto(search, typed);
    await until(() => rowNames(el).join() === 'Orders 1,Orders 2,Orders 3,Orders 4,Orders 5', 'the names with “order” in them, without case');
    await until(() => announced(el) === '7 endpoints’ names contain “ORDER”. Showing 1–5.', 'how many, as focus stays in the field');
    equal(el.shadowRoot!.activeElement, search, 'focus stays in the search field');
    ok($(el, '[part="pager"]')!.textContent!.includes('1–5 of 7'), 'the pager counts the names found');
    $<HTMLButtonElement>(el, '[part="pager"] button:last-of-type')!.click();
    await until(() => rowNames(el).join() === 'Orders 6,Orders 7', 'the next page of the search');

    el.style.inlineSize = '1100px'; // the heading and its tools on one line, the tools at its end
    await settle(el, 2);
    const left = search.getBoundingClientRect().left;
    typeInto(search, 'members 9');
    await until(() => $(el, '[part="empty"]')?.textContent?.includes('No endpoint’s name contains “members 9”.'), 'the search that finds nothing');
    equal(search.getBoundingClientRect().left, left, 'the field stays where it was as it finds fewer: the Sort menu beside it stays');
    ok(!$(el, '[part="empty"]')!.textContent!.includes('No integration endpoints yet'), 'not the empty state of a tenant without endpoints');
    await until(() => announced(el) === 'No endpoint’s name contains “members 9”.', 'said too');
    equal(search.value, 'members 9', 'what was typed stays');
    await expectNoViolations(el, 'a search that finds nothing');
    $<HTMLButtonElement>(el, '[part="empty"] button')!.click();
    await until(() => rowNames(el).length === 5 && announced(el) === 'Showing 1–5 of 11', 'every endpoint again');
    equal(search.value, '', 'the field is empty');
    equal(el.shadowRoot!.activeElement, search, 'and has focus, to search again');

    typeInto(search, 'members');
    await el.updateComplete;
    equal($(el, '[part="base"]')!.getAttribute('aria-busy'), 'false', 'typing waits for a pause before it searches');
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await el.updateComplete;
    equal($(el, '[part="base"]')!.getAttribute('aria-busy'), 'true', 'Enter searches at once');
    await until(() => rowNames(el).join() === 'Members 1,Members 2,Members 3,Members 4', 'the members');
  });

  it('clears the search when an endpoint is added, so the new one shows; a grid of one endpoint has no search', async () => {
    const client = clientFor(await freshEnv());
    await client.endpoints.create({ name: 'Orders', description: 'd' });
    const el = await mount(client);
    equal($(el, '[part="search"]'), null, 'nothing to look through');
    await client.endpoints.create({ name: 'Members', description: 'd' });
    await el.reload();
    typeInto($(el, '[part="search"]'), 'orders');
    await until(() => rowNames(el).join() === 'Orders', 'the search found one');
    ok($(el, '[part="search"]'), 'the field stays while it searches, though one endpoint shows');
    await submitNew(el, 'Invoices', 'Invoice feed');
    await until(() => rowNames(el).join() === 'Invoices,Members,Orders', 'every endpoint, the new one first');
    equal($<HTMLInputElement>(el, '[part="search"]')!.value, '', 'the search is cleared');
  });

  it('labels the cells of a 320 px card whose column heads are hidden, once for screen readers, and nothing overflows', async () => {
    const client = clientFor(await freshEnv());
    await client.endpoints.create({ name: 'Card feed', description: 'Shown as a card with labelled cells' });
    await client.endpoints.create({ name: 'Second feed', description: 'Two, so the search and sort show above the cards' });
    const el = await mount(client);
    el.style.inlineSize = '320px';
    await el.updateComplete;
    ok($(el, '[part="search"]') && $(el, '[part="sort"]'), 'the header’s tools are there to fit');
    const head = $(el, 'thead th:nth-child(2)')!;
    ok(head.getBoundingClientRect().width <= 1, 'the Description column head is out of sight');
    ok(getComputedStyle(head).display !== 'none', 'but not display: none, so screen readers keep it for the cells');
    const cell = $(el, 'td.description')!;
    const label = getComputedStyle(cell, '::before');
    equal(label.content, '"Description" / ""', 'the cell shows its label, with empty alternative text (the column head already names it)');
    equal(label.display, 'block', 'on its own line');
    const text = cell.querySelector('span')!.getBoundingClientRect();
    ok(text.top - cell.getBoundingClientRect().top >= parseFloat(label.fontSize), 'the label takes room above the description');
    equal(getComputedStyle($(el, 'td.row-actions')!, '::before').content, '"Actions" / ""', 'the actions are labelled too');
    equal(getComputedStyle($(el, 'tbody th.name')!, '::before').content, 'none', 'the name needs no label: its column head stays');
    for (const selector of ['[part="base"]', '.table-wrap', '[part="header"]']) {
      const box = $(el, selector)!;
      ok(box.scrollWidth <= box.clientWidth, `${selector} does not overflow (${box.scrollWidth} > ${box.clientWidth})`);
    }
    const frame = $(el, '[part="base"]')!.getBoundingClientRect();
    const field = $(el, '[part="search"]')!.getBoundingClientRect();
    ok(field.right <= frame.right, `the search field ends inside the frame (${field.right} > ${frame.right})`);
    const words = document.createRange();
    words.selectNodeContents($(el, '.search span')!);
    equal(words.getClientRects().length, 1, '“Find by name” stays on one line: the field goes below it');
    await expectNoViolations(el, 'cards at 320 px');
  });

  it('marks a highlighted row with a system-colour outline in forced-colours mode, where backgrounds are dropped', async () => {
    const el = await mount(clientFor(await freshEnv()));
    await submitNew(el, 'Bright', 'highlighted after create');
    await until(() => $(el, 'tbody tr.highlight'), 'the highlighted row');
    await inForcedColors(async () => {
      const style = getComputedStyle($(el, 'tbody tr.highlight')!);
      equal(style.outlineStyle, 'solid', 'an outline the mode keeps');
      ok(style.outlineWidth !== '0px', `a visible outline (${style.outlineWidth})`);
    });
  });

  it('draws its loading bars in a system colour in forced-colours mode, where the shimmer’s gradient is dropped and the panel would look empty', async () => {
    const el = await mount(clientFor(await freshEnv()));
    const bar = document.createElement('span');
    bar.className = 'skeleton';
    el.shadowRoot!.append(bar);
    await inForcedColors(async () => {
      const bars = getComputedStyle(bar).backgroundColor;
      const canvas = getComputedStyle($(el, '[part="base"]')!).backgroundColor;
      ok(!/^rgba\(.*, 0\)$/.test(bars) && bars !== canvas, `the bars stand out from the panel (${bars} on ${canvas})`);
    });
    bar.remove();
  });

  it('wraps a translated New button longer than a 320 px grid, rather than let it spill out', async () => {
    await inGerman({ 'endpointGrid.new': '+ Neuen Integrationsendpunkt für diesen Kunden anlegen und einrichten' }, async () => {
      const el = await mount(clientFor(await freshEnv()));
      el.style.inlineSize = '320px';
      await settle(el);
      const button = $(el, '[part~="new-button"]')!.getBoundingClientRect();
      ok(button.right <= el.getBoundingClientRect().right + 0.5, `the button stays inside (${button.right} > ${el.getBoundingClientRect().right})`);
    });
  });

  it('keeps a long unbroken name inside a 360 px container: the row card, the success message and the delete confirmation wrap it', async () => {
    const own = await freshEnv();
    const el = await mount(clientFor(own));
    el.style.inlineSize = '360px';
    const name = 'Member_sync_endpoint_for_the_northern_region_without_a_single_space';
    await submitNew(el, name, 'Long names must not push the page sideways.');
    await until(() => messageText(el).includes(name) && rowNames(el).includes(name), 'the new row and its message');
    const frame = $(el, '[part="base"]')!;
    equal(el.getBoundingClientRect().width, 360, 'the element keeps its width');
    ok(frame.scrollWidth <= frame.clientWidth, `nothing overflows the frame (${frame.scrollWidth} > ${frame.clientWidth})`);
    for (const part of ['message', 'new-button']) {
      const box = $(el, `[part~="${part}"]`)!.getBoundingClientRect();
      ok(box.right <= el.getBoundingClientRect().right + 0.5, `${part} stays inside`);
    }
    rowButton(el, name, 'delete').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog.confirm-dialog')?.open, 'the delete confirmation');
    const dialog = $(el, 'dialog.confirm-dialog')!;
    ok(dialog.scrollWidth <= dialog.clientWidth, `the confirmation wraps the name too (${dialog.scrollWidth} > ${dialog.clientWidth})`);
  });

  it('wraps names between words at 700 px, and keeps a name of one long word inside the grid', async () => {
    const client = clientFor(await freshEnv());
    const unbroken = 'Member_sync_endpoint_for_the_northern_region_without_a_single_space';
    for (const [name, description] of [
      ['Member sync', 'Pushes member changes to the partner system every 15 minutes.'],
      ['Event registrations', 'Sends each event registration as it happens.'],
      ['Course completions', 'Reports finished courses with their certificates.'],
      [unbroken, 'Order lines for the finance team’s warehouse.'],
    ]) {
      await client.endpoints.create({ name: name!, description: description! });
    }
    const el = await mount(client);
    el.style.inlineSize = '700px';
    await settle(el);
    for (const cell of el.shadowRoot!.querySelectorAll('tbody th.name')) {
      const text = [...cell.querySelector('span')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
      if (text.textContent === unbroken) continue;
      for (const word of text.textContent!.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        equal(range.getClientRects().length, 1, `“${word[0]}” of “${text.textContent}” on one line`);
      }
    }
    const wrap = $(el, '.table-wrap')!;
    ok(wrap.scrollWidth <= wrap.clientWidth, `the table fits the grid (${wrap.scrollWidth} > ${wrap.clientWidth})`);
  });

  it('starts every name at its cell’s start edge, whatever the name’s own direction, left to right and right to left', async () => {
    const client = clientFor(await freshEnv());
    for (const name of ['Member sync', 'مزامنة الأعضاء']) await client.endpoints.create({ name, description: 'Pushes member changes.' });
    const el = await mount(client);
    el.style.inlineSize = '900px';
    for (const dir of ['ltr', 'rtl']) {
      el.dir = dir;
      await settle(el);
      for (const cell of el.shadowRoot!.querySelectorAll<HTMLElement>('tbody th.name')) {
        const range = document.createRange();
        range.selectNodeContents(cell.querySelector('span')!);
        const text = range.getBoundingClientRect();
        const box = cell.getBoundingClientRect();
        const style = getComputedStyle(cell);
        const gap = dir === 'ltr' ? text.left - box.left - parseFloat(style.paddingLeft) : box.right - parseFloat(style.paddingRight) - text.right;
        ok(Math.abs(gap) < 1, `${dir}: “${cell.textContent!.trim()}” starts ${gap.toFixed(1)} px from its cell’s start`);
      }
    }
  });

  it('words a delete question that starts with a right-to-left name left to right in German', async () => {
    const client = clientFor(await freshEnv());
    await client.endpoints.create({ name: 'שלום CRM', description: 'Hebrew-named endpoint' });
    await inGerman({ 'endpointGrid.confirm.title': '„{name}“ löschen?' }, async () => {
      const el = await mount(client);
      rowButton(el, 'שלום CRM', 'delete').click();
      await el.updateComplete;
      const title = $(el, '#confirm-title')!;
      ok(title.textContent!.includes('„שלום CRM“ löschen?'), 'the German question');
      equal(getComputedStyle(title).direction, 'ltr', 'read and laid out left to right, as German');
    });
  });

  it('names a row’s Edit and Delete for screen readers in the word order the host’s language gives', async () => {
    const client = clientFor(await freshEnv());
    await client.endpoints.create({ name: 'Orders', description: 'Order feed' });
    await inGerman({ 'common.actionFor': '{name} {action}', 'endpointGrid.edit': 'bearbeiten', 'endpointGrid.delete': 'löschen' }, async () => {
      const el = await mount(client);
      const edit = rowButton(el, 'Orders', 'edit');
      equal(edit.textContent!.replace(/\s+/g, ' ').trim(), 'Orders bearbeiten', 'the name first, as German puts it');
      const shown = edit.cloneNode(true) as HTMLElement;
      for (const hidden of shown.querySelectorAll('.visually-hidden')) hidden.remove();
      equal(shown.textContent!.trim(), 'bearbeiten', 'the button still shows its label alone');
      equal(rowButton(el, 'Orders', 'delete').textContent!.replace(/\s+/g, ' ').trim(), 'Orders löschen', 'Delete too');
    });
  });

  it('is read-only for a viewer: no New, Edit or Delete', async () => {
    await admin.endpoints.create({ name: 'Visible', description: 'viewers see it' }).catch(() => undefined);
    const el = await mount(clientFor(env, 'viewer'));
    ok(rowNames(el).includes('Visible'), 'the viewer sees the rows');
    ok(!$(el, '[part="new-button"]'), 'no New button');
    ok(!$(el, '[part="edit-button"]') && !$(el, '[part="delete-button"]'), 'no row actions');
    await expectNoViolations(el, 'viewer');
  });

  it('a failed role question is a load error whose Try again asks again, not a read-only grid for an admin', async () => {
    const el = await mount(meFailsOnceClient(await freshEnv()));
    ok(!el.shadowRoot!.textContent!.includes('You can view endpoints but not change them.'), 'not told they cannot change endpoints');
    const retry = $(el, '.notice.error button');
    ok(retry && retry.textContent!.includes('Try again'), 'the load error, with Try again');
    retry.click();
    await until(() => $(el, '[part="new-button"]'), 'the New button once the role is known');
  });

  it('shows a load error with a retry instead of a blank grid, and Try again leaves focus on the heading', async () => {
    // Who the token is for is answered last: Try again must not meet that answer, made with the refused token.
    const { client, token } = meAnsweredLastClient(env);
    await admin.endpoints.create({ name: 'Back again', description: 'after a retry' });
    const el = await mount(client);
    const error = $(el, '.notice.error');
    ok(error?.textContent?.includes('could not be loaded'), 'says it failed');
    ok(/^Reference: \S+$/.test(error!.querySelector('.muted')?.textContent?.trim() ?? ''), `with the request id to quote: ${error!.textContent}`);
    const retry = error?.querySelector('button');
    ok(retry && retry.textContent!.includes('Try again'), 'offers a retry');
    token.value = env.tokens.admin;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rowNames(el).includes('Back again'), 'the grid after the retry');
    equal(el.shadowRoot!.activeElement, $(el, '#heading'), 'focus on the grid’s heading, not on the page');
  });
});
