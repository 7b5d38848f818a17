import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { detectDrift, type CrmMapping, type IntegrationSettings } from '@memberpulse/integration-schema';
import { contactFields } from '../packages/elements/src/test-fixtures/index.js';
import { MpIntegrationProvider, MpIntegrationSettings } from '../packages/elements/src/index.js';
import { salesforceSettings, storyClient, type StoryClientOptions } from './support/story-client.js';
import { themeArgs, themeArgTypes, themeStyle, type ThemeArgs } from './support/theme-controls.js';

// Importing the class registers the element; naming it keeps bundlers that trust `sideEffects` from dropping it.
if (!customElements.get('mp-integration-settings')) customElements.define('mp-integration-settings', MpIntegrationSettings);
if (!customElements.get('mp-integration-provider')) customElements.define('mp-integration-provider', MpIntegrationProvider);

interface Args extends ThemeArgs {
  category: string;
  client: StoryClientOptions;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Integration settings',
  component: 'mp-integration-settings',
  args: { category: 'crm', client: {}, width: '100%', ...themeArgs },
  argTypes: {
    category: { control: 'select', options: ['', 'crm', 'accounting', 'payment-gateway'] },
    client: { control: 'object', description: 'Options of the in-memory story client (role, settings, delay, offline, conflictOnSave).' },
    width: { control: 'text' },
    ...themeArgTypes,
  },
  render: (args) => html`<div style="inline-size: ${args.width}; max-inline-size: 100%; --mp-integration-settings-footer-position: static; ${themeStyle(args)}">
    <mp-integration-settings category=${args.category || undefined} .client=${storyClient(args.client)}></mp-integration-settings>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

async function loaded(canvas: HTMLElement): Promise<MpIntegrationSettings> {
  const el = canvas.querySelector('mp-integration-settings')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('.platforms'); i++) await new Promise((r) => setTimeout(r, 30));
  return el;
}

const stripeDraft: IntegrationSettings = {
  ...salesforceSettings(),
  id: 'set_pg',
  category: 'paymentGateway',
  platform: 'stripe',
  config: { mode: 'test', publishableKey: 'pk_test_51Hriverside' },
  credentials: { secretKey: { configured: true, hint: 'x9Aa', updatedAt: '2026-11-03T10:00:00.000Z' }, webhookSecret: { configured: false, hint: null, updatedAt: null } },
  crm: null,
};

/** First visit: no record yet, choose a platform. */
export const NotSetUp: Story = {};

/** Salesforce chosen, credentials not saved yet: only the connection shows. */
export const CredentialsFirst: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="platform"][value="salesforce"]')!.click();
  },
};

/** Credentials saved: member object, member mapping, tag fields, orders, Salesforce extras and API usage. */
export const Connected: Story = { args: { client: { settings: [salesforceSettings()] } } };

/** The payment gateway before set-up: its platform is required (seed 000), and the empty state says so. */
export const PaymentGatewayRequired: Story = { args: { category: 'payment-gateway' } };

/** Connected, with the list of MemberPulse's fixed tag values open (for a restricted picklist). */
export const TagValues: Story = {
  args: { client: { settings: [salesforceSettings()] } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('details.tag-values'); i++) await new Promise((r) => setTimeout(r, 30));
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details.tag-values')!.open = true;
  },
};

/** Inside a provider that has its API's URL but no token yet (signed out, or the host's sign-in still loading). */
export const SignedOut: Story = {
  render: (args) => html`<div style="inline-size: ${args.width}; max-inline-size: 100%; ${themeStyle(args)}">
    <mp-integration-provider base-url="https://integrations.example.com">
      <mp-integration-settings category=${args.category}></mp-integration-settings>
    </mp-integration-provider>
  </div>`,
};

/** Enabled and in use. */
export const Enabled: Story = { args: { client: { settings: [salesforceSettings({ status: 'enabled' })] } } };

/** A mapped field vanished and another changed type: the notice points at the rows. */
const RETIRED_FIELD = 'Old_Membership_Level__c';
const driftedCrm: CrmMapping = {
  ...salesforceSettings().crm!,
  memberMappings: [
    // Saved when Phone was a text field; the org now has it as a phone field.
    ...salesforceSettings().crm!.memberMappings.map((m) => (m.target === 'Phone' ? { ...m, targetType: 'string' as const } : m)),
    { source: 'membershipStatus', target: RETIRED_FIELD, policy: 'always' },
  ],
};
export const SchemaDrift: Story = {
  args: { client: { settings: [salesforceSettings({ status: 'enabled', crm: driftedCrm, drift: detectDrift(driftedCrm, contactFields) })] } },
};

/** Enable pressed with problems: errors beside the inputs, a linked summary at the top, focus on the first. */
export const ValidationErrors: Story = {
  args: { category: 'payment-gateway', client: { settings: [{ ...stripeDraft, config: { mode: 'test', publishableKey: 'pk_wrong' } }] } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="enable-button"]')!.click();
  },
};

/** Someone else saved first: the edits stay; compare, load theirs, or save over. */
export const Conflict: Story = {
  args: { category: 'accounting', client: { conflictOnSave: true, settings: [{ ...stripeDraft, id: 'set_acc', category: 'accounting', platform: 'xero', config: { clientId: 'riverside-xero' }, credentials: { clientSecret: { configured: true, hint: 'Zz90', updatedAt: '2026-11-03T10:00:00.000Z' } } }] } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#cfg-clientId')!;
    input.value = 'my-new-client-id';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-button"]')!.click();
  },
};

/** Another platform chosen over an enabled Salesforce setup and saved: the question names what would be deleted. */
export const SwitchQuestion: Story = {
  args: { client: { settings: [salesforceSettings({ status: 'enabled' })] } },
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="platform"][value="hubspot"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save-button"]')!.click();
  },
};

/** Archived: read-only until restored. */
export const Archived: Story = { args: { category: 'payment-gateway', client: { settings: [{ ...stripeDraft, status: 'archived' }] } } };

/** A viewer sees everything and changes nothing. */
export const ReadOnly: Story = { args: { client: { role: 'viewer', settings: [salesforceSettings({ status: 'enabled' })] } } };

/** Waiting for the server. */
export const Loading: Story = { args: { client: { delay: 1e9 } } };

/** The server could not be reached. */
export const LoadError: Story = { args: { client: { offline: true } } };

/** No `category`: CRM, Accounting, Payment gateway and Inbound connector one after another. */
export const AllCategories: Story = { args: { category: '', client: { settings: [salesforceSettings(), stripeDraft] } } };

const inboundTurnUp: IntegrationSettings = {
  ...salesforceSettings(),
  id: 'set_inbound',
  category: 'inbound',
  platform: 'intouch',
  config: { clientId: '4711', clubIds: ['12', '13', '27'], customOptions: ['leadSourceSync=true'] },
  credentials: { password: { configured: false, hint: null, updatedAt: null } },
  crm: null,
};

/** An inbound partner connector's turn-up (seed 003): client and club IDs, options; nothing to test, as the partner calls in. */
export const InboundConnector: Story = { args: { category: 'inbound', client: { settings: [inboundTurnUp] } } };

/** Dark theme. */
export const Dark: Story = { args: { client: { settings: [salesforceSettings()] } }, parameters: { theme: 'dark' } };

/** 360 px wide. */
export const Narrow: Story = { args: { client: { settings: [salesforceSettings()] }, width: '360px' } };

/** Right to left: labels, the save bar and the mapping mirror. */
export const RightToLeft: Story = { args: { client: { settings: [salesforceSettings()] } }, parameters: { dir: 'rtl' } };

/** Every string pseudo-translated about 60 % longer, at a tablet width. */
export const LongStrings: Story = { args: { client: { settings: [salesforceSettings()] }, width: '720px' }, parameters: { strings: 'long' } };

/** The brand's tokens: another accent, square corners, a larger font. */
export const Branded: Story = {
  args: { client: { settings: [salesforceSettings()] }, accent: '#7a1fa2', radius: '0', fontFamily: 'Georgia, serif', fontSize: '17px' },
};
