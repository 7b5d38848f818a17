// Every Storybook story, rendered in Chromium as Storybook renders it: the page set up as the story asks,
// meta and story args merged, its loaders (a fresh tenant on the real API server, which web-test-runner
// serves at /__mp/test-env as Storybook does), the story's render, then its play function. Each must settle,
// with no uncaught error, into the state its description names. A story that breaks (a seed the server now
// refuses, a play function whose control moved) fails here, not in front of a designer.
import { nothing, render, type TemplateResult } from 'lit';
import type { MpFieldMapper, MpIntegrationSettings } from '../packages/elements/src/index.js';
import { deepText, equal, expectNoViolations, ok, until } from '../packages/elements/src/provider/browser-test-kit.js';
import * as combobox from './combobox.stories.js';
import * as endpointGrid from './endpoint-grid.stories.js';
import * as fieldMapper from './field-mapper.stories.js';
import * as integrationProvider from './integration-provider.stories.js';
import * as integrationSettings from './integration-settings.stories.js';
import { applyStoryPage, type StoryPage } from './support/story-page.js';
import { withApi, type StoryApi } from './support/story-api.js';
import { manifestControls, withAttributesByProperty, withDistinctNames } from '../.storybook/manifest-controls.js';
import { attributesOf } from './support/attribute-args.js';
import manifest from '../packages/elements/custom-elements.json' with { type: 'json' };

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

type Args = Record<string, unknown>;
/** The part of Storybook's story context these stories use. */
interface Context {
  /** The story's id, as Storybook gives it (`elements-endpoint-grid--filled`). */
  id: string;
  args: Args;
  /** The toolbar's choices (theme, direction, strings). */
  globals?: Args;
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
}
type Loader = (context: Context) => Promise<Record<string, unknown> | void>;
/** Storybook's docs parameters: whether a docs page runs the story's play function. */
interface DocsParameters {
  docs?: { story?: { autoplay?: boolean } };
}
interface Story {
  args?: Args;
  parameters?: StoryPage & DocsParameters;
  tags?: string[];
  loaders?: Loader[];
  render?: (args: Args, context: Context) => TemplateResult;
  play?: (context: Context) => Promise<void>;
}
interface StoryFile {
  default: {
    title?: string;
    component?: string;
    parameters?: DocsParameters;
    args?: Args;
    argTypes?: Record<string, { name?: string; control?: unknown; options?: readonly unknown[] }>;
    loaders?: Loader[];
    render?: (args: Args, context: Context) => TemplateResult;
  };
  [name: string]: unknown;
}

/** What a story must show once settled, beyond "every widget loaded without an error". */
interface Expectation {
  /** The widgets that load from the API stay loading, show their load error, ask the admin to sign in, or say they have no client. */
  widgets?: 'loading' | 'error' | 'signedOut' | 'notConnected';
  /** How many widgets load from the API (default 1 where the story has any). */
  widgetCount?: number;
  /** Selectors that must each match inside some shadow root (or the canvas). */
  shows?: string | string[];
  /** A selector that must match nowhere. */
  lacks?: string;
  /** Text that must show in some shadow root, e.g. a message worded by the server. */
  says?: string;
  /** What must render (default `[part="base"]`, the frame of every widget). */
  rendered?: string;
  /** A condition no selector can state, and what it means. */
  holds?: [what: string, check: (canvas: HTMLElement) => boolean];
}

/** The CRM fields the settings' member mapper was given (those of the Contact it described). */
const memberTargets = (canvas: HTMLElement) => (deepAll(canvas, '#crm-memberMappings')[0] as MpFieldMapper | undefined)?.targetFields.length ?? 0;
/** The text a combobox shows while closed. */
const comboboxText = (canvas: HTMLElement) => canvas.querySelector('mp-combobox')?.shadowRoot?.querySelector('input')?.value;

/** Whether every element in the canvas, its shadow roots included, has square corners (a radio button stays round: that is its shape, not a corner). */
const squareCorners = (canvas: HTMLElement) =>
  deepAll(canvas, ':not(input[type="radio"])').every((el) => {
    const style = getComputedStyle(el);
    return [style.borderStartStartRadius, style.borderStartEndRadius, style.borderEndStartRadius, style.borderEndEndRadius].every((r) => parseFloat(r) === 0);
  });
const branded: Expectation = { holds: ['square corners everywhere, as the story says', squareCorners] };

/**
 * Whether the usage meter is in a range, and so in its colour: with `optimum` at 0, up to `low` (70 %) is the
 * success colour, up to `high` (90 %) the warning colour, past it the danger colour (a meter has no class to tell).
 */
const meterIn = (range: 'low' | 'near' | 'over'): Expectation['holds'] => [
  `the usage meter in its ${range} range`,
  (canvas) => {
    const meter = deepAll(canvas, '[part="usage-meter"]')[0] as HTMLMeterElement | undefined;
    if (!meter) return false;
    const { value, low, high } = meter;
    return range === 'low' ? value <= low : range === 'near' ? value > low && value <= high : value > high;
  },
];

const expected: Record<string, Expectation> = {
  'Integration settings/NotSetUp': { shows: '.empty-note' },
  'Integration settings/CredentialsFirst': { shows: '#secret-consumerSecret', lacks: '.crm' },
  'Integration settings/Connected': { shows: 'mp-field-mapper', holds: ['the mapper has the loopback org’s 400-odd Contact fields', (c) => memberTargets(c) > 400] },
  'Integration settings/LargeOrg': {
    shows: 'mp-field-mapper-row',
    holds: ['the mapper has the 900 fields of Association_Member__c, and draws only the rows near the view', (c) => memberTargets(c) === 900 && deepAll(c, 'mp-field-mapper-row').length < 40],
  },
  'Integration settings/ConnectionTestSucceeded': { shows: '.test-result.success', says: 'Connected to Salesforce:' },
  'Integration settings/ConnectionTestFailed': { shows: ['.test-result.error', '#secret-consumerSecret-error'], says: 'Connection failed: Salesforce did not accept this consumer secret' },
  'Integration settings/UsageLow': { holds: meterIn('low') },
  'Integration settings/UsageNearLimit': { holds: meterIn('near') },
  'Integration settings/UsageOver': { holds: meterIn('over') },
  'Integration settings/Enabled': { shows: '[part="status"].enabled' },
  'Integration settings/PaymentGatewayRequired': { shows: '[part="platforms"] legend .muted' },
  'Integration settings/TagValues': { shows: 'details.tag-values[open] dt code' },
  'Integration settings/TagsToRelatedObject': { shows: '#crm-tagObject', lacks: '#crm-eventTagField' },
  'Integration settings/CampaignNeedsContactOrLead': { shows: ['[part="error-summary"]', '#crm-tagDestination-error'], says: 'Campaign membership works with Contact or Lead members only, not Member__c' },
  'Integration settings/SignedOut': { widgets: 'signedOut' },
  'Integration settings/SchemaDrift': { shows: '[part="drift"]', says: 'Old_Membership_Level__c' },
  'Integration settings/DriftSaved': {
    shows: ['[part="drift"]', '.outcome.success'],
    says: 'CRM settings saved.',
    holds: ['the drift notice still names the vanished field', (c) => !!deepAll(c, '[part="drift"]')[0]?.textContent?.includes('Old_Membership_Level__c')],
  },
  'Integration settings/ValidationErrors': { shows: ['[part="error-summary"]', '#cfg-publishableKey-error'], says: 'Webhook signing secret is required.' },
  'Integration settings/Conflict': { shows: '[part="conflict"]' },
  'Integration settings/ConflictCompared': { shows: '[part="conflict"] table.compare', says: 'Saved by editor@' },
  'Integration settings/SwitchQuestion': { shows: 'dialog[open].switch .danger' },
  'Integration settings/ReplaceChecked': {
    shows: ['[part="error-summary"] li', '#cfg-portalId-error', '#secret-apiKey-error'],
    says: 'Private app access token cannot be blank.',
    lacks: 'dialog[open]',
  },
  'Integration settings/NeedsConnectionFirst': {
    shows: '[part="error-summary"]',
    says: 'HubSpot also needs settings that show once its connection is saved',
    lacks: '[part="error-summary"] li, dialog[open]',
  },
  'Integration settings/ArchiveQuestion': { shows: 'dialog[open].archive .danger', says: 'Archive the CRM settings?' },
  'Integration settings/DraftQuestion': { shows: 'dialog[open].draft .danger', says: 'Switch the CRM settings to draft?' },
  'Integration settings/Archived': { shows: '[part="status"].archived' },
  'Integration settings/ArchivedCrm': {
    shows: ['[part="status"].archived', 'mp-field-mapper > [slot="no-targets"]'],
    says: 'These settings are archived, so the fields of Contact are not read from the CRM',
    lacks: '[part="crm-refresh"], [part="test-button"], .crm .notice.error, .crm [role="status"]',
    holds: ['the mapper was given no CRM fields (nothing described)', (c) => memberTargets(c) === 0],
  },
  'Integration settings/RestoreQuestion': { shows: 'dialog[open].restore .primary', says: 'Restore the Payment gateway settings?' },
  'Integration settings/LeaveQuestion': { shows: 'dialog[open].leave .danger', says: 'Leave without saving?' },
  'Integration settings/ReadOnly': {
    shows: ['input[name="platform"][aria-disabled="true"]:checked', 'select[aria-readonly="true"]', 'mp-combobox[readonly]', 'input[role="switch"][aria-readonly="true"]'],
    lacks: '[part="save-button"], input:disabled, select:disabled, mp-combobox[disabled]',
  },
  'Integration settings/NoReadRole': { says: 'Your role cannot see the integration settings.', lacks: '[role="alert"]' },
  'Integration settings/AwaitingAdmin': { shows: ['#awaiting-admin', '[part="enable-button"][disabled]'], lacks: '[part="test-button"]' },
  'Integration settings/Loading': { widgets: 'loading' },
  'Integration settings/LoadError': { widgets: 'error', says: 'The server could not be reached.' },
  'Integration settings/CrmObjectsLoading': { shows: ['.crm p[role="status"]', 'mp-field-mapper'], says: 'Loading objects from the CRM…' },
  'Integration settings/CrmFieldsLoading': { shows: 'mp-field-mapper[aria-busy="true"] [slot="no-targets"][role="status"]', says: 'Loading the fields of Contact…' },
  'Integration settings/CrmObjectsFailed': { shows: '.crm .notice.error[role="alert"] button', says: 'The CRM objects could not be loaded: Salesforce did not accept the consumer secret.' },
  'Integration settings/Refreshing': {
    shows: '[part="crm-refresh"][aria-disabled="true"]',
    says: 'Refreshing from Salesforce…',
    holds: ['the mapper keeps the Contact fields read before the refresh', (c) => memberTargets(c) > 400],
  },
  'Integration settings/Saving': {
    shows: ['[part="base"].frame.held', '[part="save-button"][aria-disabled="true"]', 'mp-field-mapper[busy]', '#cfg-consumerKey[readonly]'],
    says: 'Saving…',
    lacks: 'input:disabled, select:disabled, mp-combobox[disabled]',
  },
  'Integration settings/AllCategories': { widgetCount: 4 },
  'Integration settings/InboundConnector': { shows: '#cfg-clubIds' },
  'Integration settings/Branded': { ...branded, shows: 'mp-field-mapper-row' },
  'Endpoint grid/Filled': { shows: '[part="row"]' },
  'Endpoint grid/Empty': { shows: '[part="empty"]' },
  'Endpoint grid/Paged': { shows: '[part="pager"]' },
  'Endpoint grid/Search': {
    shows: '[part="search"]',
    holds: ['the three names with “order” in them, of 37', (c) => deepAll(c, '[part="row"] th').map((th) => th.textContent!.trim()).join() === 'Orders 3,Orders 2,Orders'],
  },
  'Endpoint grid/NoMatch': { shows: '[part="empty"] button', says: 'No endpoint’s name contains “warehouse”.' },
  'Endpoint grid/NoReadRole': { says: 'Your role cannot see the integration endpoints.', lacks: '[role="alert"]' },
  'Endpoint grid/Loading': { widgets: 'loading' },
  'Endpoint grid/LoadError': { widgets: 'error', says: 'The server could not be reached.' },
  'Endpoint grid/ReadOnly': { shows: '[part="row"]', lacks: '[part="new-button"], [part="edit-button"], [part="delete-button"]' },
  'Endpoint grid/AddFormWithErrors': { shows: 'dialog[open] #ep-name-error' },
  'Endpoint grid/DuplicateName': { shows: 'dialog[open] #ep-name-error', says: 'An endpoint named “Orders” already exists.' },
  'Endpoint grid/Saving': { shows: ['dialog[open] form.held #ep-name[readonly]', 'dialog[open] button[type="submit"][aria-disabled="true"]'], says: 'Saving…' },
  'Endpoint grid/EditForm': { shows: 'dialog[open] #ep-name[readonly]' },
  'Endpoint grid/DeleteConfirmation': { shows: 'dialog[open]' },
  'Endpoint grid/DiscardQuestion': { shows: 'dialog[open] .discard .keep-editing' },
  'Endpoint grid/UpdateSucceeded': { shows: '[part="message"].success', says: 'Integration endpoint “Orders” updated.', lacks: 'dialog[open]' },
  'Endpoint grid/UpdateConflict': { shows: 'dialog[open] .form-general', says: 'This endpoint was changed elsewhere while you were editing' },
  'Endpoint grid/Branded': { ...branded, shows: '[part="row"]' },
  'Field mapper/Empty': { shows: '[part="empty"]' },
  'Field mapper/Loading': { shows: ['[part="empty"]', 'mp-field-mapper > [slot="no-targets"][role="status"]'] },
  'Field mapper/Errors': { shows: 'mp-field-mapper-row[data-source="lastName"] [part="message"]' },
  'Field mapper/ReadOnly': {
    shows: ['[part="combobox"][readonly]', '[part="policy"][aria-readonly="true"]:not(:disabled)'],
    lacks: '[part="combobox"][disabled], [part="clear-button"], [part="automap-button"]',
  },
  'Field mapper/Busy': {
    shows: ['[part="base"].frame.held', '[part="combobox"][readonly]', '[part="clear-button"][aria-disabled="true"]', '[part="automap-button"][aria-disabled="true"]'],
    lacks: '[part="combobox"][disabled], [part="policy"]:disabled',
  },
  'Field mapper/Suggestions': { shows: ['[part="suggestion-bar"]', '[part="suggestion"] [part="confidence"]'] },
  'Field mapper/Disabled': { shows: ['[part="automap-button"]:disabled', '[part="combobox"][disabled]'], lacks: '[part="combobox"]:not([disabled]), [part="combobox"][readonly]' },
  'Field mapper/Branded': { ...branded, shows: '[part="message"]' },
  'Combobox/Empty': { rendered: '[part="input"]', lacks: '[part="popup"]' },
  'Combobox/Chosen': { rendered: '[part="input"]', holds: ['the chosen field’s label shows', (c) => comboboxText(c) === 'Email'] },
  'Combobox/Open': { rendered: '[part="input"]', shows: '[part="popup"]:popover-open [part="option"].current' },
  'Combobox/Filtered': { rendered: '[part="input"]', shows: '[part="popup"]:popover-open [part="option"]', says: 'Membership Status' },
  'Combobox/NoMatch': { rendered: '[part="input"]', shows: '[part="popup"]:popover-open [part="footer"]', lacks: '[part="option"]', says: 'Nothing matches “loyalty points”.' },
  'Combobox/DisabledOption': {
    rendered: '[part="input"]',
    shows: ['[part="popup"]:popover-open [part="option"][aria-disabled="true"]', '[part="popup"]:popover-open [part="option"]:not([aria-disabled])'],
    says: 'Read-only in Salesforce',
  },
  'Combobox/Invalid': { rendered: '[part="input"]', shows: 'input[aria-invalid="true"][aria-required="true"][aria-describedby]' },
  'Combobox/Disabled': { rendered: '[part="input"]', shows: 'input:disabled' },
  'Combobox/ReadOnly': { rendered: '[part="input"]', shows: 'input[readonly][aria-readonly="true"]:not(:disabled)' },
  'Combobox/LargeOrg': {
    rendered: '[part="input"]',
    shows: '[part="popup"]:popover-open [part="option"].current',
    holds: ['900 fields, only the rows in view rendered', (c) => deepAll(c, '[part="option"]').length < 100 && !!deepText(c).includes('900')],
  },
  'Combobox/Dark': {
    rendered: '[part="input"]',
    shows: '[part="popup"]:popover-open [part="option"].current',
    holds: ['the page is in the dark scheme', () => document.documentElement.dataset.mpTheme === 'dark'],
  },
  'Combobox/Narrow': {
    rendered: '[part="input"]',
    shows: '[part="popup"]:popover-open [part="option"].current',
    holds: ['the box stays inside its 240 px column', (c) => (c.querySelector('mp-combobox')?.getBoundingClientRect().width ?? 999) <= 240],
  },
  'Combobox/RightToLeft': {
    rendered: '[part="input"]',
    shows: '[part="popup"]:popover-open [part="option"].current',
    holds: ['the page runs right to left', () => document.documentElement.dir === 'rtl'],
  },
  'Combobox/LongStrings': { rendered: '[part="input"]', shows: '[part="popup"]:popover-open [part="footer"]', lacks: '[part="option"]', says: 'Ñöthîñg màtçhéš' },
  'Integration provider/SignedIn': { widgetCount: 2, shows: ['[part="row"]', '.platforms'] },
  'Integration provider/SignedOut': { widgetCount: 2, widgets: 'signedOut' },
  'Integration provider/SessionEnded': { widgetCount: 2, shows: ['[part="error-summary"]', '[part="message"].error'], says: 'Your session has expired. Sign in again.' },
  'Integration provider/Misconfigured': { widgetCount: 2, widgets: 'notConnected', shows: '.misconfigured[role="alert"]', says: '`baseUrl` must be an http(s) URL' },
};

/** Every match of `selector` in `root` and in every shadow root below it. */
function deepAll(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

/** The widgets of a canvas that load from the API (the all-categories settings element only holds four). */
const apiWidgets = (canvas: HTMLElement) =>
  deepAll(canvas, 'mp-integration-settings, mp-endpoint-grid').filter((el) => el.localName === 'mp-endpoint-grid' || (el as MpIntegrationSettings).resolvedCategory);

function stateOf(widget: Element): 'loading' | 'error' | 'signedOut' | 'notConnected' | 'ready' {
  const root = widget.shadowRoot;
  // The widget's own load error, not a part's (the CRM objects' failure under a loaded form).
  if (root?.querySelector('[part="base"] > .notice.error[role="alert"]')) return 'error';
  const notice = root?.querySelector('.notice[role="status"]')?.textContent?.trim();
  if (notice?.startsWith('Sign in')) return 'signedOut';
  if (notice?.startsWith('Not connected')) return 'notConnected';
  return root?.querySelector('[part="base"]') && !deepAll(root, '.skeleton').length ? 'ready' : 'loading';
}

/** Runs a story's loaders as Storybook does (meta's, then the story's), merging what each answers into `loaded`. */
async function load(loaders: Loader[], context: Context): Promise<void> {
  for (const loader of loaders) Object.assign(context.loaded, await loader(context));
}

// Storybook's types give renders and loaders its full context; these stories use only the part above.
const files = [integrationSettings, endpointGrid, fieldMapper, combobox, integrationProvider] as unknown as StoryFile[];

/** Storybook's id of a story: its title and export name, lower-kebab-cased. */
const storyId = (title: string, name: string) =>
  `${title}--${name}`.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase().replace(/-{3,}/g, '--');

/** Renders a story into `canvas` as Storybook does: the page as the story (then the toolbar) asks, loaders, render, play. */
async function renderStory(meta: StoryFile['default'], name: string, story: Story, canvas: HTMLElement, globals: Args = {}): Promise<Context> {
  applyStoryPage(story.parameters ?? {}, globals);
  const context: Context = { id: storyId(meta.title!, name), args: { ...meta.args, ...story.args }, globals, loaded: {}, canvasElement: canvas };
  await load([...(meta.loaders ?? []), ...(story.loaders ?? [])], context);
  render((story.render ?? meta.render)!(context.args, context), canvas);
  await story.play?.(context);
  return context;
}

/** What the grid stories' loaders give a story of `id` with these args and toolbar choices: its tenant and client. */
async function gridApi(id: string, args: Args, globals?: Args): Promise<StoryApi> {
  const grid = files.find((f) => f.default.title === 'Elements/Endpoint grid')!.default;
  const context: Context = { id, args: { ...grid.args, ...args }, globals, loaded: {}, canvasElement: document.body };
  await load(grid.loaders ?? [], context);
  return (context.loaded as { api: StoryApi }).api;
}

describe('Storybook stories', () => {
  it('names only stories that exist in its expectations', async () => {
    const names = new Set(files.flatMap((f) => Object.keys(f).filter((k) => k !== 'default').map((k) => `${f.default.title!.replace(/^Elements\//, '')}/${k}`)));
    equal(Object.keys(expected).filter((k) => !names.has(k)).join(', '), '', 'expectations for stories that are gone');
  });

  // The provider draws nothing of its own but a misconfiguration notice: its stories are about its children.
  it('gives every element that draws something a story in each look a designer checks', async () => {
    const looks = ['Dark', 'Narrow', 'RightToLeft', 'LongStrings'];
    const missing = [integrationSettings, endpointGrid, fieldMapper, combobox].flatMap((file) =>
      looks.filter((look) => !(look in file)).map((look) => `${(file as unknown as StoryFile).default.title}/${look}`),
    );
    equal(missing.join(', '), '', 'stories missing');
  });

  it('gives a story one tenant across control changes that its seed does not read, and a fresh one on a remount', async () => {
    const tenantWith = async (args: Args) => (await gridApi('tenant-reuse-probe', args)).env!.tenant;
    const first = await tenantWith({});
    equal(await tenantWith({ width: '360px', accent: '#8a2be2' }), first, 'a width or colour keeps the tenant');
    equal(await tenantWith({}), first, 'and so does changing them back');
    const remounted = await tenantWith({});
    ok(remounted !== first, 'the same args again (a remount, a return to the story) seed a fresh one for its play function');
    ok((await tenantWith({ endpoints: 7 })) !== remounted, 'another number of endpoints seeds a fresh one');
  });

  it('keeps a story’s tenant and client when the toolbar changes (the play function does not run again), and across control changes', async () => {
    const apiWith = (args: Args, globals: Args) => gridApi('toolbar-probe', args, globals);
    const first = await apiWith({}, { theme: 'light' });
    const dark = await apiWith({}, { theme: 'dark' });
    equal(dark.env!.tenant, first.env!.tenant, 'the dark theme keeps the tenant the story’s play function wrote in');
    ok(dark.client === first.client, 'and the client, so the widget keeps what was done in it');
    ok((await apiWith({ width: '700px' }, { theme: 'dark' })).client === first.client, 'a width keeps the client too');
  });

  it('runs on its docs page the play function of every story shown there, so it shows there the state it names', async () => {
    const unplayed = files.flatMap((file) =>
      Object.entries(file)
        .filter(([name]) => name !== 'default')
        .filter(([, value]) => {
          const story = value as Story;
          const autoplay = story.parameters?.docs?.story?.autoplay ?? file.default.parameters?.docs?.story?.autoplay;
          return story.play && !story.tags?.includes('!autodocs') && !autoplay;
        })
        .map(([name]) => `${file.default.title} › ${name}`),
    );
    equal(unplayed.join(', '), '', 'stories a docs page shows without their play function');
  });

  it('lists every slot in the docs tables, the default one (no name, as the provider’s) as “default”', async () => {
    const manifest = { modules: [{ declarations: [{ attributes: [{ name: 'sort' }], slots: [{ name: '' }, { name: 'sort' }] }] }] };
    equal(withDistinctNames(manifest).modules[0]!.declarations[0]!.slots.map((slot) => slot.name).join(), 'default,sort (slot)', 'the default slot gets a row, and a slot named like an attribute its own');
  });

  // Every CSS custom property the manifest documents for an element is a control that sets it on the element
  // (one left to the manifest alone shows as a JSON control that sets nothing).
  for (const file of [integrationSettings, endpointGrid, fieldMapper, combobox] as unknown as StoryFile[]) {
    const meta = file.default;
    const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => 'tagName' in d && d.tagName === meta.component);
    const names = ((declaration as { cssProperties?: Array<{ name: string }> } | undefined)?.cssProperties ?? []).map((p) => p.name);
    it(`gives every CSS custom property of <${meta.component}> in custom-elements.json a control`, async () => {
      ok(names.length > 0, 'the manifest lists its custom properties');
      const controlled = names.filter((n) => (meta.argTypes?.[n] as { table?: { category?: string } } | undefined)?.table?.category === 'css custom properties');
      equal(names.filter((n) => !controlled.includes(n)).join(', '), '', 'custom properties without a control');
    });
  }

  it('sets every CSS custom property control of <mp-field-mapper> on the element', async () => {
    const meta = (fieldMapper as unknown as StoryFile).default;
    const names = Object.keys(meta.argTypes ?? {}).filter((n) => n.startsWith('--'));
    const canvas = document.createElement('div');
    document.body.append(canvas);
    try {
      await renderStory(meta, 'CssProbe', { args: Object.fromEntries(names.map((n) => [n, '7rem'])) }, canvas);
      const el = canvas.querySelector('mp-field-mapper') as HTMLElement;
      equal(names.filter((n) => el.style.getPropertyValue(n).trim() !== '7rem').join(', '), '', 'custom properties the render does not set');
    } finally {
      render(nothing, canvas);
      canvas.remove();
      applyStoryPage({});
    }
  });

  // The elements whose every attribute is a control (support/attribute-args).
  for (const file of [endpointGrid, fieldMapper, combobox] as unknown as StoryFile[]) {
    const meta = file.default;
    const attributes = attributesOf(meta.component!);
    const fields = attributes.map((a) => a.fieldName!);

    it(`gives every attribute of <${meta.component}> in custom-elements.json a control that sets it`, async () => {
      const kept = manifestControls({ argTypes: meta.argTypes, initialArgs: meta.args } as never) as Record<string, { control?: unknown }>;
      equal(fields.filter((f) => !kept[f]?.control).join(', '), '', 'attributes without a control');
      equal(attributes.filter((a) => meta.argTypes![a.fieldName!]!.name !== a.name).map((a) => a.name).join(', '), '', 'rows named by the attribute HTML takes, not the property');
      const changed = Object.fromEntries(
        fields.map((f) => {
          const { control, options } = meta.argTypes![f]!;
          const value = control === 'boolean' ? !meta.args![f] : control === 'number' ? 7 : control === 'select' ? options!.find((o) => o !== meta.args![f]) : 'Probe text';
          return [f, value];
        }),
      );
      const canvas = document.createElement('div');
      document.body.append(canvas);
      try {
        const context = await renderStory(meta, 'AttributeProbe', { args: changed }, canvas);
        const el = canvas.querySelector(meta.component!) as unknown as Args;
        equal(fields.filter((f) => el[f] !== changed[f]).join(', '), '', 'attributes the render does not set from their args');
        // A control change sets only what it changed, as a property binding does: what was done in the story stays.
        const [done, control] = fields as [string, string];
        el[done] = meta.args![done];
        render(meta.render!({ ...context.args, [control]: meta.args![control] }, context), canvas);
        equal(el[control], meta.args![control], `the changed control (${control}) is set`);
        equal(el[done], meta.args![done], `what the story did to ${done} stays`);
      } finally {
        render(nothing, canvas);
        canvas.remove();
      }
    });
  }

  it('lists an attribute named otherwise than its property once, as the property the args use', async () => {
    const manifest = { modules: [{ declarations: [{ members: [{ name: 'displayValue' }, { name: 'label' }], attributes: [{ name: 'display-value', fieldName: 'displayValue' }, { name: 'label', fieldName: 'label' }] }] }] };
    equal(withAttributesByProperty(manifest).modules[0]!.declarations[0]!.attributes.map((a) => a.name).join(), 'label', 'display-value is the displayValue row');
  });

  it('lets a failing seed fail the story, rather than say that no API answered', async () => {
    const loader = withApi(async () => {
      throw new Error('the seed broke');
    }) as unknown as Loader;
    const failed = await loader({ id: 'failing-seed-probe', args: {}, loaded: {}, canvasElement: document.body }).then(() => 'loaded', (e: Error) => e.message);
    equal(failed, 'the seed broke', 'the seed’s own error');
  });

  // The Narrow stories with the toolbar's long strings, once what widens a widget most has rendered.
  const narrowWith: Array<[StoryFile, string]> = [
    [integrationSettings as unknown as StoryFile, '[part="crm-refresh"], mp-field-mapper-row'],
    [endpointGrid as unknown as StoryFile, '[part="row"]'],
    [fieldMapper as unknown as StoryFile, 'mp-field-mapper-row [part="message"]'],
  ];
  for (const [file, widest] of narrowWith) {
    const title = file.default.title!.replace(/^Elements\//, '');
    it(`${title} › Narrow keeps every frame inside its width with the long strings`, async () => {
      const canvas = document.createElement('div');
      document.body.append(canvas);
      try {
        await renderStory(file.default, 'Narrow', file.Narrow as Story, canvas, { strings: 'long' });
        const selectors = widest.split(', ');
        await until(() => selectors.every((s) => deepAll(canvas, s).length), `${widest} to show`);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        for (const frame of deepAll(canvas, '[part="base"]')) {
          const host = (frame.getRootNode() as ShadowRoot).host.localName;
          ok(frame.scrollWidth <= frame.clientWidth, `${host}'s frame does not overflow (${frame.scrollWidth} > ${frame.clientWidth})`);
        }
      } finally {
        render(nothing, canvas);
        canvas.remove();
        applyStoryPage({});
      }
    });
  }

  // A brand's accent given as one colour applies in both schemes: each Branded story passes axe (contrast included) in the dark one too.
  for (const file of [integrationSettings, endpointGrid, fieldMapper] as unknown as StoryFile[]) {
    const title = file.default.title!.replace(/^Elements\//, '');
    it(`${title} › Branded reads in the dark scheme too`, async () => {
      const canvas = document.createElement('div');
      document.body.append(canvas);
      try {
        await renderStory(file.default, 'Branded', file.Branded as Story, canvas, { theme: 'dark' });
        const shows = [expected[`${title}/Branded`]?.shows ?? []].flat();
        await until(() => shows.every((selector) => deepAll(canvas, selector).length), `${shows.join(', ')} to show`);
        await expectNoViolations(canvas, `${title} › Branded, dark`);
      } finally {
        render(nothing, canvas);
        canvas.remove();
        applyStoryPage({});
      }
    });
  }

  for (const file of files) {
    const meta = file.default;
    const title = meta.title!.replace(/^Elements\//, '');
    for (const [name, value] of Object.entries(file)) {
      if (name === 'default') continue;
      const story = value as Story;
      const want = expected[`${title}/${name}`] ?? {};
      it(`${title} › ${name} shows what it says`, async () => {
        const errors: string[] = [];
        const onError = (e: ErrorEvent) => {
          if (!e.message?.startsWith('ResizeObserver loop')) errors.push(e.message);
        };
        const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
        window.addEventListener('error', onError);
        window.addEventListener('unhandledrejection', onRejection);
        const canvas = document.createElement('div');
        document.body.append(canvas);
        try {
          await renderStory(meta, name, story, canvas);

          const shows = [want.shows ?? []].flat();
          const count = want.widgetCount ?? (apiWidgets(canvas).length ? 1 : 0);
          const settled = () => apiWidgets(canvas).length === count && apiWidgets(canvas).every((w) => stateOf(w) !== 'loading');
          if (want.widgets === 'loading') {
            await new Promise((r) => setTimeout(r, 400));
            ok(count > 0 && apiWidgets(canvas).every((w) => stateOf(w) === 'loading'), 'still loading');
          } else {
            const showing = () =>
              shows.every((selector) => deepAll(canvas, selector).length) && (!want.says || deepText(canvas).includes(want.says)) && (!want.holds || want.holds[1](canvas));
            await until(() => settled() && showing(), `${[...shows, want.says, want.holds?.[0]].filter(Boolean).join(', ') || 'the widgets'} to show`);
            equal(apiWidgets(canvas).map(stateOf).join(), Array(count).fill(want.widgets ?? 'ready').join(), 'each widget’s state');
          }
          ok(canvas.firstElementChild && (deepAll(canvas, want.rendered ?? '[part="base"]').length || want.widgets === 'signedOut'), 'something rendered');
          if (want.lacks) equal(deepAll(canvas, want.lacks).length, 0, `nothing matches ${want.lacks}`);
          if (want.holds) ok(want.holds[1](canvas), want.holds[0]);
          ok(!canvas.textContent?.includes('needs the MemberPulse API'), 'the API answered beside the page');
          equal(errors.join('\n'), '', 'uncaught errors');
          await expectNoViolations(canvas, `${title} › ${name}`);
        } finally {
          render(nothing, canvas);
          canvas.remove();
          applyStoryPage({});
          window.removeEventListener('error', onError);
          window.removeEventListener('unhandledrejection', onRejection);
        }
      });
    }
  }
});
