import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MpEndpointGrid } from '../packages/elements/src/index.js';
import { storyClient, type StoryClientOptions } from './support/story-client.js';
import { themeArgs, themeArgTypes, themeStyle, type ThemeArgs } from './support/theme-controls.js';

// Importing the class registers the element; naming it keeps bundlers that trust `sideEffects` from dropping it.
if (!customElements.get('mp-endpoint-grid')) customElements.define('mp-endpoint-grid', MpEndpointGrid);

interface Args extends ThemeArgs {
  client: StoryClientOptions;
  pageSize: number;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Endpoint grid',
  component: 'mp-endpoint-grid',
  args: { client: { endpoints: 4 }, pageSize: 10, width: '100%', ...themeArgs },
  argTypes: {
    client: { control: 'object', description: 'Options of the in-memory story client (role, endpoints, delay, offline).' },
    width: { control: 'text' },
    ...themeArgTypes,
  },
  render: (args) => html`<div style="inline-size: ${args.width}; max-inline-size: 100%; ${themeStyle(args)}">
    <mp-endpoint-grid .client=${storyClient(args.client)} page-size=${args.pageSize}></mp-endpoint-grid>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

const grid = (canvas: HTMLElement) => canvas.querySelector('mp-endpoint-grid')!;
async function loaded(canvas: HTMLElement): Promise<MpEndpointGrid> {
  const el = grid(canvas);
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('table, [part="empty"]'); i++) await new Promise((r) => setTimeout(r, 30));
  return el;
}

/** A few endpoints: Name, Description and Actions. */
export const Filled: Story = {};

/** No endpoints yet: the empty state with the New button. */
export const Empty: Story = { args: { client: { endpoints: 0 } } };

/** 37 endpoints, 10 per page, sortable by name. */
export const Paged: Story = { args: { client: { endpoints: 37 } } };

/** Waiting for the server: skeleton rows. */
export const Loading: Story = { args: { client: { endpoints: 4, delay: 1e9 } } };

/** The server could not be reached: the message, its reference and a retry. */
export const LoadError: Story = { args: { client: { offline: true } } };

/** A viewer sees the rows without New, Edit or Delete. */
export const ReadOnly: Story = { args: { client: { endpoints: 4, role: 'viewer' } } };

/** "+ New Integration Endpoint" pressed and submitted empty: both required errors inline. */
export const AddFormWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.openCreate();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button[type="submit"]')!.click();
  },
};

/** Edit: Name read-only, Description editable, Update. */
export const EditForm: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.openEdit(el.items[0]!);
  },
};

/** Cancel over typed text asks before dropping it, with Keep editing focused. */
export const DiscardQuestion: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.openCreate();
    await el.updateComplete;
    const name = el.shadowRoot!.querySelector<HTMLInputElement>('#ep-name')!;
    name.value = 'Member sync to the warehouse';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('dialog button')].find((b) => b.type === 'button')!.click();
  },
};

/** Delete asks first. */
export const DeleteConfirmation: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="delete-button"]')!.click();
  },
};

/** Dark theme. */
export const Dark: Story = { args: { client: { endpoints: 4 } }, parameters: { theme: 'dark' } };

/** 360 px wide: rows become cards. */
export const Narrow: Story = { args: { client: { endpoints: 4 }, width: '360px' } };

/** Right to left: columns, actions and the dialog mirror. */
export const RightToLeft: Story = { parameters: { dir: 'rtl' } };

/** Every string pseudo-translated about 60 % longer, at a tablet width: headings, buttons and messages wrap. */
export const LongStrings: Story = { args: { width: '720px' }, parameters: { strings: 'long' } };

/** The brand's tokens: another accent, square corners, a larger font. */
export const Branded: Story = { args: { accent: '#7a1fa2', radius: '0', fontFamily: 'Georgia, serif', fontSize: '17px' } };
