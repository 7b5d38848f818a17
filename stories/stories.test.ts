// Every Storybook story, rendered in Chromium as Storybook renders it: the page set up as the story asks,
// meta and story args merged, the story's render, then its play function. Each must settle, with no
// uncaught error, into the state its description names. A story that breaks (the story client missing a
// call the widgets now make, a play function whose control moved) fails here, not in front of a designer.
import { nothing, render, type TemplateResult } from 'lit';
import type { MpIntegrationSettings } from '../packages/elements/src/index.js';
import { equal, expectNoViolations, ok, until } from '../packages/elements/src/provider/browser-test-kit.js';
import * as endpointGrid from './endpoint-grid.stories.js';
import * as fieldMapper from './field-mapper.stories.js';
import * as integrationSettings from './integration-settings.stories.js';
import { applyStoryPage, type StoryPage } from './support/story-page.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

type Args = Record<string, unknown>;
interface Story {
  args?: Args;
  parameters?: StoryPage;
  render?: (args: Args) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}
interface StoryFile {
  default: { title?: string; args?: Args; render?: (args: Args) => TemplateResult };
  [name: string]: unknown;
}

/** What a story must show once settled, beyond "every widget loaded without an error". */
interface Expectation {
  /** The widgets that load from the API stay loading, show their load error, or ask the admin to sign in. */
  widgets?: 'loading' | 'error' | 'signedOut';
  /** How many widgets load from the API (default 1 where the story has any). */
  widgetCount?: number;
  /** A selector that must match inside some shadow root. */
  shows?: string;
  /** A selector that must match nowhere. */
  lacks?: string;
}

const expected: Record<string, Expectation> = {
  'Integration settings/NotSetUp': { shows: '.empty-note' },
  'Integration settings/CredentialsFirst': { shows: '#secret-consumerSecret', lacks: '.crm' },
  'Integration settings/Connected': { shows: 'mp-field-mapper' },
  'Integration settings/Enabled': { shows: '[part="status"].enabled' },
  'Integration settings/PaymentGatewayRequired': { shows: '[part="platforms"] legend .muted' },
  'Integration settings/TagValues': { shows: 'details.tag-values[open] dt code' },
  'Integration settings/SignedOut': { widgets: 'signedOut' },
  'Integration settings/SchemaDrift': { shows: '[part="drift"]' },
  'Integration settings/ValidationErrors': { shows: '[part="error-summary"]' },
  'Integration settings/Conflict': { shows: '[part="conflict"]' },
  'Integration settings/SwitchQuestion': { shows: 'dialog[open].switch .danger' },
  'Integration settings/Archived': { shows: '[part="status"].archived' },
  'Integration settings/ReadOnly': { lacks: '[part="save-button"]' },
  'Integration settings/Loading': { widgets: 'loading' },
  'Integration settings/LoadError': { widgets: 'error' },
  'Integration settings/AllCategories': { widgetCount: 4 },
  'Integration settings/InboundConnector': { shows: '#cfg-clubIds' },
  'Endpoint grid/Filled': { shows: '[part="row"]' },
  'Endpoint grid/Empty': { shows: '[part="empty"]' },
  'Endpoint grid/Paged': { shows: '[part="pager"]' },
  'Endpoint grid/Loading': { widgets: 'loading' },
  'Endpoint grid/LoadError': { widgets: 'error' },
  'Endpoint grid/ReadOnly': { shows: '[part="row"]', lacks: '[part="new-button"], [part="edit-button"], [part="delete-button"]' },
  'Endpoint grid/AddFormWithErrors': { shows: 'dialog[open] #ep-name-error' },
  'Endpoint grid/EditForm': { shows: 'dialog[open] #ep-name[readonly]' },
  'Endpoint grid/DeleteConfirmation': { shows: 'dialog[open]' },
  'Endpoint grid/DiscardQuestion': { shows: 'dialog[open] .discard .keep-editing' },
  'Field mapper/Empty': { shows: '[part="empty"]' },
  'Field mapper/Errors': { shows: 'mp-field-mapper-row[data-source="lastName"] [part="message"]' },
  'Field mapper/ReadOnly': { shows: '.readonly-target', lacks: '[part="combobox"]' },
};

/** Every match of `selector` in `root` and in every shadow root below it. */
function deepAll(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

/** The widgets of a canvas that load from the API (the all-categories settings element only holds four). */
const loaders = (canvas: HTMLElement) =>
  deepAll(canvas, 'mp-integration-settings, mp-endpoint-grid').filter((el) => el.localName === 'mp-endpoint-grid' || (el as MpIntegrationSettings).resolvedCategory);

function stateOf(widget: Element): 'loading' | 'error' | 'signedOut' | 'ready' {
  const root = widget.shadowRoot;
  if (root?.querySelector('.notice.error[role="alert"]')) return 'error';
  if (root?.querySelector('.notice[role="status"]')?.textContent?.startsWith('Sign in')) return 'signedOut';
  return root?.querySelector('[part="base"]') && !deepAll(root, '.skeleton').length ? 'ready' : 'loading';
}

// Storybook's types pass renders a context too; these stories use only their args.
const files = [integrationSettings, endpointGrid, fieldMapper] as unknown as StoryFile[];

describe('Storybook stories', () => {
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
          applyStoryPage(story.parameters ?? {});
          render((story.render ?? meta.render)!({ ...meta.args, ...story.args }), canvas);
          await story.play?.({ canvasElement: canvas });

          const count = want.widgetCount ?? (loaders(canvas).length ? 1 : 0);
          const settled = () => loaders(canvas).length === count && loaders(canvas).every((w) => stateOf(w) !== 'loading');
          if (want.widgets === 'loading') {
            await new Promise((r) => setTimeout(r, 400));
            ok(count > 0 && loaders(canvas).every((w) => stateOf(w) === 'loading'), 'still loading');
          } else {
            await until(() => settled() && (!want.shows || deepAll(canvas, want.shows).length), `${want.shows ?? 'the widgets'} to show`);
            equal(loaders(canvas).map(stateOf).join(), Array(count).fill(want.widgets ?? 'ready').join(), 'each widget’s state');
          }
          ok(canvas.firstElementChild && (deepAll(canvas, '[part="base"]').length || want.widgets === 'signedOut'), 'something rendered');
          if (want.lacks) equal(deepAll(canvas, want.lacks).length, 0, `nothing matches ${want.lacks}`);
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
