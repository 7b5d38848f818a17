import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MpEndpointGrid } from '../packages/elements/src/index.js';
import { clientFor, typeInto, until } from '../packages/elements/src/provider/browser-test-kit.js';
import type { EndpointSort } from '@memberpulse/integration-schema';
import { endpointSorts } from '@memberpulse/integration-schema/validation';
import { attributeArgs, attributes } from './support/attribute-args.js';
import { cssPropertyArgs, cssPropertyArgTypes, cssPropertyStyle, type CssProperties } from './support/css-property-controls.js';
import { seedEndpoints } from './support/endpoint-seeds.js';
import { apiArgs, apiArgTypes, apiMissingNotice, press, storyApi, whenReady, withApi, type ApiArgs } from './support/story-api.js';
import { brandAccent, squareCorners, themeArgs, themeArgTypes, themeStyle, type ThemeArgs } from './support/theme-controls.js';

// Importing the class registers the element; naming it keeps bundlers that trust `sideEffects` from dropping it.
if (!customElements.get('mp-endpoint-grid')) customElements.define('mp-endpoint-grid', MpEndpointGrid);

const attributeControls = attributeArgs('mp-endpoint-grid', { sort: endpointSorts });

const cssProperties: CssProperties = { '--mp-endpoint-grid-border': 'text' };

interface Args extends ThemeArgs, Required<ApiArgs> {
  endpoints: number;
  pageSize: number;
  sort: EndpointSort;
  width: string;
  [cssProperty: `--${string}`]: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Endpoint grid',
  component: 'mp-endpoint-grid',
  args: { endpoints: 4, ...apiArgs, ...attributeControls.args, width: '100%', ...cssPropertyArgs(cssProperties), ...themeArgs },
  argTypes: {
    ...attributeControls.argTypes,
    endpoints: { control: { type: 'number', min: 0, max: 100 }, description: 'How many endpoints the story creates through the real API for its fresh tenant.' },
    ...apiArgTypes,
    width: { control: 'text' },
    ...cssPropertyArgTypes(cssProperties),
    ...themeArgTypes,
  },
  loaders: [withApi((admin, _env, args) => seedEndpoints(admin, Number(args.endpoints)))],
  render: (args, context) => {
    const api = storyApi(context);
    return html`${apiMissingNotice(api)}<div style="inline-size: ${args.width}; max-inline-size: 100%; ${themeStyle(args)}">
      <mp-endpoint-grid ${attributes('mp-endpoint-grid', args)} .client=${api.client} style=${cssPropertyStyle(cssProperties, args)}></mp-endpoint-grid>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const ready = (canvas: HTMLElement) => whenReady<MpEndpointGrid>(canvas, 'mp-endpoint-grid', 'table, [part="empty"]');

/** Opens a form (`open`), types each field (by its input's id), and submits it. */
async function fillAndSubmit(el: MpEndpointGrid, open: () => void, fields: Record<string, string>): Promise<void> {
  open();
  await el.updateComplete;
  for (const [id, text] of Object.entries(fields)) typeInto(el.shadowRoot!.querySelector(`#${id}`), text);
  await el.updateComplete;
  press(el, 'dialog button[type="submit"]');
}

/** Opens the add form, types a name and a description, and submits it. */
const submitNew = (el: MpEndpointGrid, name: string, description: string) =>
  fillAndSubmit(el, () => el.openCreate(), { 'ep-name': name, 'ep-description': description });

/** A few endpoints: Name, Description and Actions. */
export const Filled: Story = {};

/** No endpoints yet: the empty state with the New button. */
export const Empty: Story = { args: { endpoints: 0 } };

/** 37 endpoints, 10 per page, sortable by name. */
export const Paged: Story = { args: { endpoints: 37 } };

/** 37 endpoints searched with "Find by name" for `text`, shown once the grid lists the `total` it finds. */
const searchedFor = (text: string, total: number): Story => ({
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  args: { endpoints: 37 },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    if (!el) return;
    typeInto(el.shadowRoot!.querySelector('[part="search"]'), text);
    await until(() => el.items.length === total && el.shadowRoot!.querySelector(total ? '[part="row"]' : '[part="empty"]'), `the search for “${text}” to answer`);
  },
});

/** 37 endpoints searched for "order": the three names that contain it, without case. */
export const Search: Story = searchedFor('order', 3);

/** A search that finds nothing: said so, with a button that clears it. */
export const NoMatch: Story = searchedFor('warehouse', 0);

/** Waiting for the server: skeleton rows (the client's fetch never answers). */
export const Loading: Story = { args: { connection: 'never-answers' } };

/** The server could not be reached: the SDK's NetworkError, and a retry. */
export const LoadError: Story = { args: { connection: 'unreachable' } };

/** A viewer sees the rows without New, Edit or Delete. */
export const ReadOnly: Story = { args: { role: 'viewer' } };

/** An auditor may not list endpoints: one calm note, with nothing to retry. */
export const NoReadRole: Story = { args: { role: 'auditor' } };

/** "+ New Integration Endpoint" pressed and submitted empty: both required errors inline. */
export const AddFormWithErrors: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    if (!el) return;
    el.openCreate();
    await el.updateComplete;
    press(el, 'dialog button[type="submit"]');
  },
};

/** A new endpoint named like one that exists ("Orders"): the server's 422, worded by the server, beside the name. */
export const DuplicateName: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    if (el) await submitNew(el, 'Orders', 'A second feed of orders for the warehouse.');
  },
};

/** A new endpoint submitted, the server not answering yet: "Saving…", Name and Description held as they look, taking no change. */
export const Saving: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  args: { connection: 'never-answers', connectionFor: 'POST /endpoints' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    if (el) await submitNew(el, 'Member sync to the warehouse', 'Members and their tags, sent every hour.');
  },
};

/** Edit: Name read-only, Description editable, Update. */
export const EditForm: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el?.openEdit(el.items[0]!);
  },
};

/** Opens the first row's edit form, types a new description, and presses Update. */
const updateFirst = (el: MpEndpointGrid, description: string) => fillAndSubmit(el, () => el.openEdit(el.items[0]!), { 'ep-description': description });

/** "Orders" given a new description and updated: the success message above the grid, the row highlighted. */
export const UpdateSucceeded: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    if (el) await updateFirst(el, 'Order lines and refunds for the finance team’s warehouse.');
  },
};

/**
 * "Orders" changed by someone else after the grid listed it, then updated here: the server's 412; the form
 * keeps what was typed and says what the description reads now (Update again replaces it).
 */
export const UpdateConflict: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  play: async ({ canvasElement, loaded }) => {
    const el = await ready(canvasElement);
    const { env } = storyApi({ loaded });
    if (!el || !env) return;
    await clientFor(env).endpoints.updateDescription(el.items[0]!.id, 'Order lines for the warehouse, sent hourly since the move.');
    await updateFirst(el, 'Order lines and refunds for the finance team’s warehouse.');
  },
};

/** Cancel over typed text asks before dropping it, with Keep editing focused. */
export const DiscardQuestion: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    if (!el) return;
    el.openCreate();
    await el.updateComplete;
    typeInto(el.shadowRoot!.querySelector('#ep-name'), 'Member sync to the warehouse');
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('dialog button')].find((b) => b.type === 'button')!.click();
  },
};

/** Delete asks first. */
export const DeleteConfirmation: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    if (el) press(el, '[part="delete-button"]');
  },
};

/** Dark theme. */
export const Dark: Story = { parameters: { theme: 'dark' } };

/** 360 px wide: rows become cards. */
export const Narrow: Story = { args: { width: '360px' } };

/** Right to left: columns, actions and the dialog mirror. */
export const RightToLeft: Story = { parameters: { dir: 'rtl' } };

/** Every string pseudo-translated about 60 % longer, at a tablet width: headings, buttons and messages wrap. */
export const LongStrings: Story = { args: { width: '720px' }, parameters: { strings: 'long' } };

/** The brand's tokens: another accent, square corners, a larger font, and a heavier frame. */
export const Branded: Story = {
  args: { ...brandAccent, ...squareCorners, fontFamily: 'Georgia, serif', fontSize: '17px', '--mp-endpoint-grid-border': `2px solid ${brandAccent.accent}` },
};
