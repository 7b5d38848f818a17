import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MpCombobox, type ComboboxOption } from '../packages/elements/src/index.js';
import { typeInto } from '../packages/elements/src/provider/browser-test-kit.js';
import { contactFields, largeContactFields } from '../packages/elements/src/test-fixtures/index.js';
import { attributeArgs, attributes } from './support/attribute-args.js';
import { cssPropertyArgs, cssPropertyArgTypes, cssPropertyStyle, type CssProperties } from './support/css-property-controls.js';
import { themeArgs, themeArgTypes, themeStyle, type ThemeArgs } from './support/theme-controls.js';

// Importing the class registers the element; naming it keeps bundlers that trust `sideEffects` from dropping it.
if (!customElements.get('mp-combobox')) customElements.define('mp-combobox', MpCombobox);

const cssProperties: CssProperties = { '--mp-combobox-list-max-height': 'text', '--mp-combobox-popup-min-width': 'text' };

const attributeControls = attributeArgs('mp-combobox');

/** Salesforce fields as choices: label, API name, type; fields nobody can write are shown but not choosable. */
const asOptions = (fields: typeof contactFields): ComboboxOption[] =>
  fields.map((f) => {
    const writable = f.createable || f.updateable;
    return {
      value: f.name,
      label: f.label,
      detail: f.name,
      badge: f.type,
      ...(writable ? {} : { disabled: true, tone: 'error' as const, note: 'Read-only in Salesforce: nothing can be written to it.' }),
    };
  });

/** The realistic 400-field Salesforce Contact. */
const contactOptions = asOptions(contactFields);

interface Args extends ThemeArgs {
  options: readonly ComboboxOption[];
  value: string;
  displayValue: string | undefined;
  label: string;
  listLabel: string;
  placeholder: string;
  description: string;
  disabled: boolean;
  readonly: boolean;
  required: boolean;
  invalid: boolean;
  width: string;
  [cssProperty: `--${string}`]: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Combobox',
  component: 'mp-combobox',
  args: {
    ...attributeControls.args,
    options: contactOptions,
    label: 'Salesforce Contact field',
    placeholder: 'Search 400 Contact fields',
    width: '24rem',
    ...cssPropertyArgs(cssProperties),
    ...themeArgs,
  },
  argTypes: {
    ...attributeControls.argTypes,
    options: { control: false },
    width: { control: 'text' },
    ...cssPropertyArgTypes(cssProperties),
    ...themeArgTypes,
  },
  render: (args) => html`<div style="inline-size: ${args.width}; max-inline-size: 100%; ${themeStyle(args)}">
    <mp-combobox ${attributes('mp-combobox', args)} style=${cssPropertyStyle(cssProperties, args)} .options=${args.options}></mp-combobox>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

const combobox = (canvas: HTMLElement) => canvas.querySelector('mp-combobox')!;

/** The list opened on the current choice, as a click on the box opens it. */
const opened: Pick<Story, 'play'> = {
  play: async ({ canvasElement }) => {
    const el = combobox(canvasElement);
    await el.updateComplete;
    el.show();
  },
};

/** Typed in the text box, with the list open, as a user types. */
const typed = (text: string): Pick<Story, 'play'> => ({
  play: async ({ canvasElement }) => {
    const el = combobox(canvasElement);
    await el.updateComplete;
    el.focus();
    typeInto(el.shadowRoot!.querySelector('input'), text);
  },
});

/** Nothing chosen yet: type to search the Contact's fields by label or API name. */
export const Empty: Story = {};

/** A field chosen: its label shows while the list is closed. */
export const Chosen: Story = { args: { value: 'Email' } };

/** The list open on the current choice: label, API name and type of each field, virtualized. */
export const Open: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  args: { value: 'Email' },
  play: async ({ canvasElement }) => {
    const el = combobox(canvasElement);
    await el.updateComplete;
    el.show();
  },
};

/** "member" typed: the matching fields, whole-name and prefix matches first, with the count below. */
export const Filtered: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  ...typed('member'),
};

/** "loyalty points" typed, which no Contact field has: the list stays open and says nothing matches. */
export const NoMatch: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  ...typed('loyalty points'),
};

/** "email bounced" typed: Is Email Bounced is listed among the matches but not choosable, with a note that it is read-only in Salesforce. */
export const DisabledOption: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  ...typed('email bounced'),
};

/** Required and left empty after a submit: marked invalid, with the reason read out. */
export const Invalid: Story = { args: { required: true, invalid: true, description: 'Choose the Contact field that holds the member’s email address.' } };

/** Disabled: nothing to choose yet (the object is still being described). */
export const Disabled: Story = { args: { disabled: true, placeholder: 'Loading the fields of Contact…' } };

/** Read-only (a viewer's): the choice at full contrast, reached by Tab and copyable; the list never opens. */
export const ReadOnly: Story = { args: { value: 'Email', readonly: true } };

/** A large org's Contact: 900 fields to choose from, the list open; only the rows in view are rendered. */
export const LargeOrg: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  args: { options: asOptions(largeContactFields(900, 1000)), placeholder: 'Search 900 Contact fields', value: 'Email' },
  ...opened,
};

/** The dark theme, the list open on the current choice. */
export const Dark: Story = { tags: ['!autodocs'], args: { value: 'Email' }, parameters: { theme: 'dark' }, ...opened };

/** In a 240 px column, the list open: the box fits the column, the popup stays inside the viewport. */
export const Narrow: Story = { tags: ['!autodocs'], args: { value: 'Email', width: '240px' }, ...opened };

/** Right to left, the list open on the current choice. */
export const RightToLeft: Story = { tags: ['!autodocs'], args: { value: 'Email' }, parameters: { dir: 'rtl' }, ...opened };

/** Pseudo-translated strings about 60 % longer: "loyalty points" typed, so the no-match line and key hints show long. */
export const LongStrings: Story = { tags: ['!autodocs'], parameters: { strings: 'long' }, ...typed('loyalty points') };
