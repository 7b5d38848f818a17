import { html } from 'lit';
import type { TokenRequest } from '@memberpulse/integrations-sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MpEndpointGrid, MpIntegrationProvider, MpIntegrationSettings } from '../packages/elements/src/index.js';
import { typeInto } from '../packages/elements/src/provider/browser-test-kit.js';
import { seedEndpoints } from './support/endpoint-seeds.js';
import { seedSalesforce } from './support/settings-seeds.js';
import { apiArgTypes, apiMissingNotice, press, storyApi, whenReady, withApi } from './support/story-api.js';
import { themeArgs, themeArgTypes, themeStyle, type ThemeArgs } from './support/theme-controls.js';

// Importing the classes registers the elements; naming them keeps bundlers that trust `sideEffects` from dropping them.
if (!customElements.get('mp-integration-provider')) customElements.define('mp-integration-provider', MpIntegrationProvider);
if (!customElements.get('mp-integration-settings')) customElements.define('mp-integration-settings', MpIntegrationSettings);
if (!customElements.get('mp-endpoint-grid')) customElements.define('mp-endpoint-grid', MpEndpointGrid);

interface Args extends ThemeArgs {
  role: 'admin' | 'editor' | 'viewer' | 'auditor';
  /** Overrides the API's URL (the real server's, beside Storybook, when empty). */
  baseUrl: string;
  signedIn: boolean;
  width: string;
}

/** The host's sign-in, as its getToken answers: signed in until a story's play function ends the session. */
interface HostSession {
  ended: boolean;
}

/**
 * What the host's getToken answers: the role's token while signed in; once the session ended, the token it
 * still holds, which the API now refuses (a tampered copy stands for an expired one), and no renewal.
 */
function hostGetToken(session: HostSession, token: string) {
  return ({ refresh }: TokenRequest) => {
    if (!session.ended) return token;
    if (refresh) throw new Error('The host could not renew the session: it has ended.');
    const [header, payload, signature = ''] = token.split('.');
    return `${header}.${payload}.${[...signature].reverse().join('')}`;
  };
}

const meta: Meta<Args> = {
  title: 'Elements/Integration provider',
  component: 'mp-integration-provider',
  args: { role: 'admin', baseUrl: '', signedIn: true, width: '100%', ...themeArgs },
  argTypes: {
    role: { ...apiArgTypes.role, description: 'Whose token the provider is given.' },
    baseUrl: { control: 'text', description: '`base-url`; empty: the real API server beside Storybook.' },
    signedIn: { control: 'boolean', description: 'Whether the host has a token to give (`token`); without one the widgets ask to sign in.' },
    width: { control: 'text' },
    ...themeArgTypes,
  },
  loaders: [
    withApi(async (admin, env) => {
      await seedSalesforce(admin, env);
      await seedEndpoints(admin, 4);
    }),
  ],
  render: (args, context) => {
    const api = storyApi(context);
    const widgets = html`<mp-integration-settings category="crm" style="--mp-integration-settings-footer-position: static"></mp-integration-settings><mp-endpoint-grid page-size="5"></mp-endpoint-grid>`;
    const token = args.signedIn ? api.env?.tokens[args.role] : undefined;
    // A story with a host session signs in through getToken, as a host whose tokens expire does.
    const session = context.loaded.session as HostSession | undefined;
    // No API beside this Storybook: the provider hands on a client that reaches no server, so the widgets say so.
    const provider = api.env
      ? html`<mp-integration-provider base-url=${args.baseUrl || api.env.apiUrl} .token=${session ? undefined : token}
          .getToken=${session && token ? hostGetToken(session, token) : undefined}>${widgets}</mp-integration-provider>`
      : html`<mp-integration-provider .client=${api.client}>${widgets}</mp-integration-provider>`;
    return html`${apiMissingNotice(api)}<div style="display: grid; gap: 1.5rem; inline-size: ${args.width}; max-inline-size: 100%; ${themeStyle(args)}">${provider}</div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** A `base-url` and a token: the settings and the endpoint grid inside both load through the client it builds. */
export const SignedIn: Story = {};

/** A `base-url` but no token yet (signed out, or the host's sign-in still loading): every widget asks to sign in, and nothing is called. */
export const SignedOut: Story = { args: { signedIn: false } };

/** A `base-url` the SDK refuses (not http or https): the provider says why, and the widgets inside point at it. */
export const Misconfigured: Story = { args: { baseUrl: 'ftp://integrations.example.com' } };

/**
 * Signed in through the host's getToken; then the session ends (the API refuses the token and getToken cannot
 * renew it) and the admin saves a change and deletes an endpoint. Each fails with the SDK's UnauthorizedError,
 * said where the action was (the settings' summary, the grid's message): the session has expired, sign in again.
 */
export const SessionEnded: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  loaders: [async () => ({ session: { ended: false } satisfies HostSession })],
  play: async ({ canvasElement, loaded }) => {
    const settings = await whenReady<MpIntegrationSettings>(canvasElement, 'mp-integration-settings', '.platforms');
    const grid = await whenReady<MpEndpointGrid>(canvasElement, 'mp-endpoint-grid', '[part="row"]');
    if (!settings || !grid) return;
    (loaded.session as HostSession).ended = true;
    typeInto(settings.shadowRoot!.querySelector('#cfg-securityGroupPrefix'), 'MP_');
    await settings.updateComplete;
    press(settings, '[part="save-button"]');
    press(grid, '[part="delete-button"]');
    await grid.updateComplete;
    press(grid, '.confirm-dialog .danger');
  },
};
