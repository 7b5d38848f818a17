import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MpIntegrationProvider, MpIntegrationSettings } from '../packages/elements/src/index.js';
import { clientFor, typeInto } from '../packages/elements/src/provider/browser-test-kit.js';
import { cssPropertyArgs, cssPropertyArgTypes, cssPropertyStyle, type CssProperties } from './support/css-property-controls.js';
import { apiArgs, apiArgTypes, apiMissingNotice, goneFrom, press, shownIn, storyApi, whenReady, withApi, type ApiArgs } from './support/story-api.js';
import { driftedMemberMappings, inboundInput, largeOrgMemberMappings, seedSalesforce, seedUsage, stripeInput, xeroInput, type UsageRange } from './support/settings-seeds.js';
import { brandAccent, squareCorners, themeArgs, themeArgTypes, themeStyle, type ThemeArgs } from './support/theme-controls.js';

// Importing the class registers the element; naming it keeps bundlers that trust `sideEffects` from dropping it.
if (!customElements.get('mp-integration-settings')) customElements.define('mp-integration-settings', MpIntegrationSettings);
if (!customElements.get('mp-integration-provider')) customElements.define('mp-integration-provider', MpIntegrationProvider);

const cssProperties: CssProperties = {
  '--mp-integration-settings-border': 'text',
  '--mp-integration-settings-footer-position': ['sticky', 'static'],
};

interface Args extends ThemeArgs, Required<ApiArgs> {
  category: string;
  width: string;
  [cssProperty: `--${string}`]: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Integration settings',
  component: 'mp-integration-settings',
  // The save bar stays at the end of the story rather than sticking to the canvas's bottom edge.
  args: { category: 'crm', ...apiArgs, width: '100%', ...cssPropertyArgs(cssProperties), '--mp-integration-settings-footer-position': 'static', ...themeArgs },
  argTypes: {
    category: { control: 'select', options: ['', 'crm', 'accounting', 'payment-gateway', 'inbound'] },
    ...apiArgTypes,
    width: { control: 'text' },
    ...cssPropertyArgTypes(cssProperties),
    ...themeArgTypes,
  },
  render: (args, context) => {
    const api = storyApi(context);
    return html`${apiMissingNotice(api)}<div style="inline-size: ${args.width}; max-inline-size: 100%; ${themeStyle(args)}">
      <mp-integration-settings category=${args.category || nothing} style=${cssPropertyStyle(cssProperties, args)} .client=${api.client}></mp-integration-settings>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const ready = (canvas: HTMLElement) => whenReady<MpIntegrationSettings>(canvas, 'mp-integration-settings', '.platforms');

const emptyTenant = [withApi()];
const connected = [withApi((admin, env) => seedSalesforce(admin, env))];
const enabled = [withApi((admin, env) => seedSalesforce(admin, env, 'enabled'))];
const archivedGateway = [
  withApi(async (admin) => {
    await admin.settings.saveDraft('payment-gateway', stripeInput);
    await admin.settings.archive('payment-gateway');
  }),
];
/**
 * The tags of a story whose state comes from its play function, which a docs page does not run: shown on its
 * own page only. (Storybook's indexer reads a story's `tags` statically: a literal, or a constant like this.)
 */
const ownPageOnly = ['!autodocs'];

/** A play function: `steps`, run on the settings once they show. */
const played =
  (steps: (el: MpIntegrationSettings, loaded: Record<string, unknown>) => unknown): Story['play'] =>
  async ({ canvasElement, loaded }) => {
    const el = await ready(canvasElement);
    if (el) await steps(el, loaded);
  };
/** Whether the CRM section shows, once its objects and fields are read (its loading notes gone). */
const crmRead = async (el: MpIntegrationSettings): Promise<boolean> => {
  if (!(await shownIn(el, '[part="crm-refresh"]'))) return false;
  await goneFrom(el, '.crm [role="status"]');
  return true;
};
/**
 * A connected record whose calls named by `connectionFor` never answer, and `act` done once the CRM's objects
 * and fields are read, so every control shows as that call holds it, none as it loads.
 */
const heldOnceCrmRead = (connectionFor: string, act: (el: MpIntegrationSettings) => Promise<void> | void): Story => ({
  tags: ownPageOnly,
  args: { connection: 'never-answers', connectionFor },
  loaders: connected,
  play: played(async (el) => {
    if (await crmRead(el)) await act(el);
  }),
});
/** The header's one action (Archive, or Restore on archived settings), pressed. */
const pressHeaderAction = (el: MpIntegrationSettings) => press(el, '.header-actions button');
const usage = (range: UsageRange) => [withApi((admin, env) => seedUsage(admin, env, range))];
const drifted = [withApi((admin, env) => seedSalesforce(admin, env, 'enabled', driftedMemberMappings))];
const largeOrg = [withApi((admin, env) => seedSalesforce(admin, env, 'draft', largeOrgMemberMappings, 'Association_Member__c'))];

/** The enabled Salesforce setup switched to HubSpot with this Portal ID and private app token typed, then `button` pressed. */
const switchToHubSpot = (portalId: string, token: string, button: string) =>
  played(async (el) => {
    press(el, 'input[name="platform"][value="hubspot"]');
    await el.updateComplete;
    typeInto(el.shadowRoot!.querySelector('#cfg-portalId'), portalId);
    typeInto(el.shadowRoot!.querySelector('#secret-apiKey'), token);
    await el.updateComplete;
    press(el, button);
  });

/** First visit: no record yet, choose a platform. */
export const NotSetUp: Story = { loaders: emptyTenant };

/** Salesforce chosen, credentials not saved yet: only the connection shows. */
export const CredentialsFirst: Story = {
  tags: ownPageOnly,
  loaders: emptyTenant,
  play: played((el) => press(el, 'input[name="platform"][value="salesforce"]')),
};

/** Credentials saved for the loopback Salesforce org: member object (its realistic Contact), member mapping, tag fields, orders, Salesforce extras and API usage. */
export const Connected: Story = { loaders: connected };

/**
 * Save draft pressed after a change, the server not answering yet: "Saving…", every control held as it looks
 * (text boxes, arrows, the mapper's buttons in place, `aria-disabled`), so the form neither jumps nor takes a change.
 */
export const Saving: Story = heldOnceCrmRead('PUT /settings/crm', async (el) => {
  typeInto(el.shadowRoot!.querySelector('#cfg-consumerKey'), 'a-new-consumer-key');
  await el.updateComplete;
  press(el, '[part~="save-button"]');
});

/** A large org: members on the loopback org's Association_Member__c, 900 fields; the mapper and its lists draw only the rows in view. */
export const LargeOrg: Story = { loaders: largeOrg };

/** Test connection pressed with the saved credentials: the loopback org answered, and the server's sentence gives its API usage. */
export const ConnectionTestSucceeded: Story = {
  tags: ownPageOnly,
  loaders: connected,
  play: played((el) => press(el, '[part="test-button"]')),
};

/** A mistyped new consumer secret tested before saving: Salesforce refused it, said beside the secret and under the button. */
export const ConnectionTestFailed: Story = {
  tags: ownPageOnly,
  loaders: connected,
  play: played(async (el) => {
    press(el, '#secret-consumerSecret');
    await el.updateComplete;
    typeInto(el.shadowRoot!.querySelector('#secret-consumerSecret'), 'mistyped-consumer-secret');
    await el.updateComplete;
    press(el, '[part="test-button"]');
  }),
};

/**
 * API usage at half the allotment: the meter in the theme's success colour. The allotments of the usage
 * stories are set from what the loopback org has used (one count for every tenant), so the figures differ
 * from run to run.
 */
export const UsageLow: Story = { loaders: usage('low') };

/** API usage at 80 % of the allotment: the meter in the warning colour. */
export const UsageNearLimit: Story = { loaders: usage('near') };

/** More API calls used than the 1,000-call allotment allows: the meter full, in the danger colour. */
export const UsageOver: Story = { loaders: usage('over') };

/** The payment gateway before set-up: its platform is required, and the empty state says so. */
export const PaymentGatewayRequired: Story = { args: { category: 'payment-gateway' }, loaders: emptyTenant };

/** Connected, with the list of MemberPulse's fixed tag values open (for a restricted picklist). */
export const TagValues: Story = {
  tags: ownPageOnly,
  loaders: connected,
  play: played(async (el) => {
    (await shownIn<HTMLDetailsElement>(el, 'details.tag-values'))!.open = true;
  }),
};

/** Tags to a related custom object: one record per tag on Member Tag, so no tag field on the member object is asked for. */
export const TagsToRelatedObject: Story = {
  loaders: [
    withApi(async (admin, env) => {
      await seedSalesforce(admin, env, 'enabled');
      await admin.settings.patch('crm', { crm: { tagDestination: 'relatedObject', tagObject: 'Member_Tag__c' } });
    }),
  ],
};

/**
 * Campaign membership chosen for a custom member object and saved: the server's refusal beside "Where tags go", as
 * a Campaign takes only Contacts and Leads.
 */
export const CampaignNeedsContactOrLead: Story = {
  tags: ownPageOnly,
  loaders: [withApi((admin, env) => seedSalesforce(admin, env, 'draft', [], 'Member__c'))],
  play: played(async (el) => {
    const select = await shownIn<HTMLSelectElement>(el, '#crm-tagDestination');
    if (!select) return;
    select.value = 'campaignMembership';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    press(el, '[part="save-button"]');
  }),
};

/** Inside a provider that has its API's URL but no token yet (signed out, or the host's sign-in still loading). */
export const SignedOut: Story = {
  render: (args) => html`<div style="inline-size: ${args.width}; max-inline-size: 100%; ${themeStyle(args)}">
    <mp-integration-provider base-url="https://integrations.example.com">
      <mp-integration-settings category=${args.category || nothing} style=${cssPropertyStyle(cssProperties, args)}></mp-integration-settings>
    </mp-integration-provider>
  </div>`,
};

/** Enabled and in use. */
export const Enabled: Story = { loaders: enabled };

/**
 * Saved when the org's Phone was a text field (it is a phone field now) and with a member field on a Contact
 * field that is gone: the server and the screen find the drift, and the notice points at the rows.
 */
export const SchemaDrift: Story = { loaders: drifted };

/**
 * The drifted record of SchemaDrift with an unrelated change saved (support-ticket notes turned on, Save changes):
 * the server stores what changed and leaves the drifted rows to be fixed, so "saved" shows with the drift notice still there.
 */
export const DriftSaved: Story = {
  tags: ownPageOnly,
  loaders: drifted,
  play: played(async (el) => {
    if (!(await shownIn(el, '[part="drift"]'))) return;
    press(el, '#crm-supportTicketNotes');
    await el.updateComplete;
    press(el, '[part="enable-button"]');
  }),
};

/** Enable pressed with a malformed publishable key and no secrets: the server's 422, errors beside the inputs, a linked summary at the top, focus on the first. */
export const ValidationErrors: Story = {
  tags: ownPageOnly,
  args: { category: 'payment-gateway' },
  loaders: emptyTenant,
  play: played(async (el) => {
    press(el, 'input[name="platform"][value="stripe"]');
    await el.updateComplete;
    typeInto(el.shadowRoot!.querySelector('#cfg-publishableKey'), 'pk_wrong');
    await el.updateComplete;
    press(el, '[part="enable-button"]');
  }),
};

/** Xero's default tax rate changed by an editor after the screen loaded, then this admin's own rate saved: the server's 412. */
async function saveOverSomeoneElse(el: MpIntegrationSettings, loaded: Record<string, unknown>): Promise<boolean> {
  const { env } = storyApi({ loaded });
  if (!env) return false;
  await clientFor(env, 'editor').settings.patch('accounting', { config: { defaultTaxRate: 'OUTPUT2' } }, { ifMatch: false });
  typeInto(el.shadowRoot!.querySelector('#cfg-defaultTaxRate'), 'INPUT2');
  await el.updateComplete;
  press(el, '[part="save-button"]');
  return true;
}

const xeroSaved = [withApi((admin) => admin.settings.saveDraft('accounting', xeroInput))];

/** Someone else saved between this screen's load and its save: the server's 412; the edits stay; compare, load theirs, or save over. */
export const Conflict: Story = {
  tags: ownPageOnly,
  args: { category: 'accounting' },
  loaders: xeroSaved,
  play: played(saveOverSomeoneElse),
};

/** The conflict with Compare pressed: their version and this admin's side by side, the form now theirs with these edits on top. */
export const ConflictCompared: Story = {
  tags: ownPageOnly,
  args: { category: 'accounting' },
  loaders: xeroSaved,
  play: played(async (el, loaded) => {
    if (await saveOverSomeoneElse(el, loaded)) (await shownIn<HTMLButtonElement>(el, '.conflict .actions button'))!.click();
  }),
};

/** Another platform chosen over an enabled Salesforce setup and saved: the question names what would be deleted. */
export const SwitchQuestion: Story = {
  tags: ownPageOnly,
  loaders: enabled,
  play: played(async (el) => {
    press(el, 'input[name="platform"][value="hubspot"]');
    await el.updateComplete;
    press(el, '[part="save-button"]');
  }),
};

/**
 * HubSpot chosen over an enabled Salesforce setup with a Portal ID that is not digits and a blank token, then
 * Switch to draft pressed: the new platform's errors beside its inputs and in the summary, and no question about
 * deleting Salesforce for a save that could not go through.
 */
export const ReplaceChecked: Story = {
  tags: ownPageOnly,
  loaders: enabled,
  play: switchToHubSpot('not-a-number', '   ', '[part="save-button"]'),
};

/**
 * HubSpot chosen over an enabled Salesforce setup with a valid Portal ID and token, then Save changes pressed:
 * its CRM part shows only once the connection is saved, so the summary says in one sentence to use
 * "Save and continue" first, rather than list what is not on screen.
 */
export const NeedsConnectionFirst: Story = {
  tags: ownPageOnly,
  loaders: enabled,
  play: switchToHubSpot('12345', 'pat-na1-0000', '[part="enable-button"]'),
};

/** Switch to draft pressed on an enabled setup: the question says the integration stops until it is enabled again. */
export const DraftQuestion: Story = {
  tags: ownPageOnly,
  loaders: enabled,
  play: played((el) => press(el, '[part="save-button"]')),
};

/** Archive pressed on an enabled setup: the question says the integration stops and the settings become read-only. */
export const ArchiveQuestion: Story = {
  tags: ownPageOnly,
  loaders: enabled,
  play: played(pressHeaderAction),
};

/** Archived: read-only until restored. */
export const Archived: Story = { args: { category: 'payment-gateway' }, loaders: archivedGateway };

/** An archived CRM record: nothing is read from the CRM (no objects, fields, usage or test), and the mapper says why its rows show API names. */
export const ArchivedCrm: Story = {
  loaders: [
    withApi(async (admin, env) => {
      await seedSalesforce(admin, env, 'enabled');
      await admin.settings.archive('crm');
    }),
  ],
};

/** Restore pressed on archived settings: the question says they come back as a draft. */
export const RestoreQuestion: Story = {
  tags: ownPageOnly,
  args: { category: 'payment-gateway' },
  loaders: archivedGateway,
  play: played(pressHeaderAction),
};

/** A changed setting not saved, and the host's router asks to leave (`requestLeave()`): Stay has focus. */
export const LeaveQuestion: Story = {
  tags: ownPageOnly,
  loaders: connected,
  play: played(async (el) => {
    typeInto(el.shadowRoot!.querySelector('#cfg-securityGroupPrefix'), 'MP_');
    await el.updateComplete;
    void el.requestLeave();
  }),
};

/** A viewer sees everything and changes nothing: every value a read-only control, reached by Tab and read out at full contrast; no save, enable, archive or secret buttons. */
export const ReadOnly: Story = { args: { role: 'viewer' }, loaders: enabled };

/** An auditor may not read settings: one calm note, with nothing to retry. */
export const NoReadRole: Story = { args: { role: 'auditor' }, loaders: enabled };

/** An editor starting Xero: the Client Secret is an admin's to enter, so nothing that needs it is offered yet. */
export const AwaitingAdmin: Story = {
  args: { category: 'accounting', role: 'editor' },
  loaders: [withApi((admin) => admin.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'memberpulse-club-42' } }))],
};

/** Waiting for the server: the client's fetch never answers. */
export const Loading: Story = { args: { connection: 'never-answers' }, loaders: emptyTenant };

/** The server could not be reached: the SDK's NetworkError, and a retry. */
export const LoadError: Story = { args: { connection: 'unreachable' }, loaders: emptyTenant };

/** Connected, with the list of the CRM's objects still on its way (that call never answers): the note says so, and the member object offers only its saved choice meanwhile. */
export const CrmObjectsLoading: Story = { args: { connection: 'never-answers', connectionFor: '/crm/objects' }, loaders: connected };

/** Connected, with Contact's fields still on their way (that call never answers): the mapper says so in place of its no-fields warning, and is `aria-busy`. */
export const CrmFieldsLoading: Story = { args: { connection: 'never-answers', connectionFor: '/fields' }, loaders: connected };

/**
 * Credentials saved whose consumer secret Salesforce no longer accepts (rotated in the org), before a member
 * object was chosen: the server's 422 where the objects would be, with a reload; the API usage cannot be read either.
 */
export const CrmObjectsFailed: Story = {
  loaders: [
    withApi(async (admin, env) => {
      const config = { environment: 'production', authMode: 'connectedApp', consumerKey: env.salesforce.consumerKey };
      await admin.settings.saveDraft('crm', { platform: 'salesforce', config, credentials: { consumerSecret: 'rotated-in-salesforce' } });
    }),
  ],
};

/**
 * "Refresh from Salesforce" pressed once the objects and fields were read (the refresh never answers): the button
 * says it is busy (aria-disabled, so it keeps focus), and what was read first stays, with no first load's notes.
 */
export const Refreshing: Story = heldOnceCrmRead('refresh=true', (el) => press(el, '[part="crm-refresh"]'));

/** No `category`: CRM, Accounting, Payment gateway and Inbound connector one after another. */
export const AllCategories: Story = {
  args: { category: '' },
  loaders: [
    withApi(async (admin, env) => {
      await seedSalesforce(admin, env);
      await admin.settings.saveDraft('payment-gateway', stripeInput);
    }),
  ],
};

/** An inbound partner connector's turn-up: client and club IDs, options; nothing to test, as the partner calls in. */
export const InboundConnector: Story = { args: { category: 'inbound' }, loaders: [withApi((admin) => admin.settings.saveDraft('inbound', inboundInput))] };

/** Dark theme. */
export const Dark: Story = { loaders: connected, parameters: { theme: 'dark' } };

/** 360 px wide. */
export const Narrow: Story = { args: { width: '360px' }, loaders: connected };

/** Right to left: labels, the save bar and the mapping mirror. */
export const RightToLeft: Story = { loaders: connected, parameters: { dir: 'rtl' } };

/** Every string pseudo-translated about 60 % longer, at a tablet width. */
export const LongStrings: Story = { args: { width: '720px' }, loaders: connected, parameters: { strings: 'long' } };

/** The brand's tokens: another accent, square corners, a larger font. */
export const Branded: Story = {
  args: { ...brandAccent, ...squareCorners, fontFamily: 'Georgia, serif', fontSize: '17px' },
  loaders: connected,
};
