import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { memberFields, updatePolicies, type CrmFieldDescriptor, type FieldMapping, type MemberPulseField, type UpdatePolicy } from '@memberpulse/integration-schema';
import { MpFieldMapper } from '../packages/elements/src/index.js';
import {
  completeMemberMappings,
  contactFields,
  largeContactFields,
  largeSourceFields,
  partialMemberMappings,
  problemMemberMappings,
} from '../packages/elements/src/test-fixtures/index.js';
import { attributeArgs, attributes } from './support/attribute-args.js';
import { cssPropertyArgs, cssPropertyArgTypes, cssPropertyStyle, type CssProperties } from './support/css-property-controls.js';
import { brandAccent, squareCorners, themeArgs, themeArgTypes, themeStyle, type ThemeArgs } from './support/theme-controls.js';

// Importing the class registers the element; naming it here keeps bundlers that trust `sideEffects` from dropping that import.
if (!customElements.get('mp-field-mapper')) customElements.define('mp-field-mapper', MpFieldMapper);

const attributeControls = attributeArgs('mp-field-mapper', { defaultPolicy: updatePolicies });

const cssProperties: CssProperties = {
  '--mp-field-mapper-max-height': 'text',
  '--mp-field-mapper-row-min-height': 'text',
  '--mp-field-mapper-border': 'text',
  '--mp-field-mapper-source-width': 'text',
  '--mp-combobox-list-max-height': 'text',
};

interface Args extends ThemeArgs {
  sourceFields: readonly MemberPulseField[];
  targetFields: readonly CrmFieldDescriptor[];
  value: readonly FieldMapping[];
  name: string;
  readonly: boolean;
  busy: boolean;
  disabled: boolean;
  label: string;
  sourceHeading: string;
  targetHeading: string;
  defaultPolicy: UpdatePolicy;
  width: string;
  /** What the host shows while it is still loading the CRM's fields (`targetFields` empty meanwhile). */
  loadingNote: string;
  [cssProperty: `--${string}`]: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Field mapper',
  component: 'mp-field-mapper',
  // A docs page runs no play function unless told: Errors and the looks after it show there as after a submit too.
  parameters: { docs: { story: { autoplay: true } } },
  args: {
    sourceFields: memberFields,
    targetFields: contactFields,
    value: partialMemberMappings,
    ...attributeControls.args,
    name: 'memberMappings',
    targetHeading: 'Salesforce Contact field',
    width: '100%',
    loadingNote: '',
    ...cssPropertyArgs(cssProperties),
    ...themeArgs,
  },
  argTypes: {
    ...attributeControls.argTypes,
    sourceFields: { control: false },
    targetFields: { control: false },
    value: { control: 'object' },
    width: { control: 'text', description: 'Width of the container (the element adapts from 320 px).' },
    loadingNote: { control: 'text', description: 'Slotted as `no-targets` while the host loads the CRM fields, e.g. "Loading the fields of Contact…".' },
    ...cssPropertyArgTypes(cssProperties),
    ...themeArgTypes,
  },
  render: (args) => html`
    <div style="inline-size: ${args.width}; max-inline-size: 100%; ${themeStyle(args)}">
      <mp-field-mapper
        ${attributes('mp-field-mapper', args)}
        style=${cssPropertyStyle(cssProperties, args)}
        .sourceFields=${args.sourceFields}
        .targetFields=${args.targetFields}
        .value=${args.value}
      >${args.loadingNote ? html`<span slot="no-targets" role="status">${args.loadingNote}</span>` : nothing}</mp-field-mapper>
    </div>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** As after a submit: the mapper's `checkValidity()` makes its unmapped required fields say so. */
const submitted: Pick<Story, 'play'> = {
  play: async ({ canvasElement }) => {
    const mapper = canvasElement.querySelector('mp-field-mapper')!;
    await mapper.updateComplete;
    mapper.checkValidity();
  },
};

/** No CRM fields yet: the admin has not connected the CRM or picked the member object. */
export const Empty: Story = { args: { targetFields: [], value: [] } };

/** The saved mapping while the host still loads the Contact's fields: the rows wait, and the host's note says why. */
export const Loading: Story = { args: { targetFields: [], loadingNote: 'Loading the fields of Contact…' } };

/** The required fields and phone mapped onto a realistic 400-field Contact; the rest waits. Try Auto-map. */
export const PartlyMapped: Story = {};

/** Auto-map pressed on the partly mapped Contact: a suggestion with its confidence and reason in each row it could match, and the bar to accept or dismiss them all. Nothing is applied yet. */
export const Suggestions: Story = {
  // Its state comes from its play function, which a docs page does not run: shown on its own page only.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const mapper = canvasElement.querySelector('mp-field-mapper')!;
    await mapper.updateComplete;
    mapper.autoMap();
  },
};

/** Every member field mapped, no problems. */
export const AllMapped: Story = { args: { value: completeMemberMappings } };

/**
 * A duplicate target, an incompatible type, a read-only target, a field gone from the CRM, a length risk,
 * and Last Name missing, shown as after a submit (untouched, a missing field is only marked Required).
 */
export const Errors: Story = { args: { value: problemMemberMappings }, ...submitted };

/** 150 MemberPulse fields against a 900-field Contact with a 1,000-value multi-select picklist: rows and lists are virtualized. */
export const LargeOrg: Story = {
  args: { sourceFields: largeSourceFields(150), targetFields: largeContactFields(900, 1000), value: [], '--mp-field-mapper-max-height': '32rem' },
};

/** A viewer's view: each row's field and update policy read-only (reached by Tab and read out at full contrast, not changed); search and filters still work; no auto-map or clear. */
export const ReadOnly: Story = { args: { value: completeMemberMappings, readonly: true } };

/** Busy, as while the host saves: every control takes no change but keeps its look and place; clear, Auto-map and the suggestions stay, `aria-disabled`. */
export const Busy: Story = { args: { value: partialMemberMappings, busy: true } };

/** Disabled (its attribute, or a disabled fieldset or form around it): every control greyed and out of the Tab order, nothing submitted; read-only keeps them reachable at full contrast instead. */
export const Disabled: Story = { args: { disabled: true } };

/** Dark scheme (also forced by `data-mp-theme="dark"` on any ancestor). */
export const Dark: Story = { args: { value: problemMemberMappings }, parameters: { theme: 'dark' }, ...submitted };

/** 320 px wide: each row stacks. */
export const Narrow: Story = { args: { width: '320px', value: problemMemberMappings }, ...submitted };

/** Right to left: the layout mirrors through logical properties. */
export const RightToLeft: Story = { args: { value: problemMemberMappings }, parameters: { dir: 'rtl' }, ...submitted };

/** Every string pseudo-translated about 60 % longer, at a tablet width: headings, filters and messages wrap. */
export const LongStrings: Story = { args: { value: problemMemberMappings, width: '720px' }, parameters: { strings: 'long' }, ...submitted };

/** The brand's tokens: another accent, square corners, a larger font; a heavier frame, taller rows, a wider MemberPulse column. */
export const Branded: Story = {
  args: {
    value: problemMemberMappings,
    ...brandAccent,
    ...squareCorners,
    fontFamily: 'Georgia, serif',
    fontSize: '17px',
    '--mp-field-mapper-border': `2px solid ${brandAccent.accent}`,
    '--mp-field-mapper-row-min-height': '4rem',
    '--mp-field-mapper-source-width': '18rem',
  },
  ...submitted,
};
