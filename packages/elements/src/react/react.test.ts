// A React 19 host rendering the @lit/react wrappers against the real API server: the provider hands its
// client down through context, the grid and the settings load through it, typed events reach React props.
// React ships CommonJS only and the test server has no CommonJS transform, so the real react, react-dom
// and scheduler files are evaluated by a tiny CommonJS loader below.
import type * as ReactTypes from 'react';
import { createReactWrappers } from './wrappers.js';
import type { EndpointChangeEvent, SortChangeEvent } from '../endpoint-grid/events.js';
import type { EndpointSort, FieldMapping } from '@memberpulse/integration-schema';
import type { MpEndpointGrid } from '../endpoint-grid/endpoint-grid.js';
import type { MpFieldMapper } from '../field-mapper/field-mapper.js';
import type { EndpointGridAction } from '../provider/error-event.js';
import type { MpIntegrationSettings } from '../integration-settings/integration-settings.js';
import { contactStandardFields, memberSourceFields } from '../test-fixtures/index.js';
import { clientFor, equal, expectNoViolations, freshEnv, ok, typeInto, until } from '../provider/browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

const files: Record<string, string> = {
  react: '/node_modules/react/cjs/react.development.js',
  scheduler: '/node_modules/scheduler/cjs/scheduler.development.js',
  'react-dom': '/node_modules/react-dom/cjs/react-dom.development.js',
  'react-dom/client': '/node_modules/react-dom/cjs/react-dom-client.development.js',
};

/** The part of react-dom/client the test uses (no @types/react-dom in the workspace). */
interface ReactDomClient {
  createRoot(container: Element): { render(node: ReactTypes.ReactNode): void; unmount(): void };
}

async function loadReact(): Promise<{ React: typeof ReactTypes; client: ReactDomClient }> {
  const sources = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([name, url]) => [name, await (await fetch(url)).text()] as const)));
  const cache = new Map<string, unknown>();
  const process = { env: { NODE_ENV: 'development' } };
  const require = (name: string): unknown => {
    if (cache.has(name)) return cache.get(name);
    const source = sources[name];
    if (source === undefined) throw new Error(`no module ${name} for the test loader`);
    const module = { exports: {} as unknown };
    cache.set(name, module.exports);
    new Function('module', 'exports', 'require', 'process', source)(module, module.exports, require, process);
    cache.set(name, module.exports);
    return module.exports;
  };
  return { React: require('react') as typeof ReactTypes, client: require('react-dom/client') as ReactDomClient };
}

describe('React host', () => {
  it('renders the wrappers inside a provider, with the client from context and typed events as props', async () => {
    const env = await freshEnv();
    const { React, client } = await loadReact();
    const { IntegrationProvider, IntegrationSettings, EndpointGrid } = createReactWrappers(React);
    const created: EndpointChangeEvent[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    const root = client.createRoot(container);
    try {
      root.render(
        React.createElement(
          IntegrationProvider,
          { baseUrl: env.apiUrl, token: env.tokens.admin },
          React.createElement(EndpointGrid, { pageSize: 5, onEndpointCreated: (e: EndpointChangeEvent) => created.push(e) }),
          React.createElement(IntegrationSettings, { category: 'accounting' }),
        ),
      );
      await until(() => container.querySelector('mp-endpoint-grid'), 'React rendered the grid');
      const grid = container.querySelector<MpEndpointGrid>('mp-endpoint-grid')!;
      equal(grid.pageSize, 5, 'props become element properties');
      await until(() => grid.shadowRoot?.querySelector('[part="empty"]'), 'the grid loaded through the provider');
      const settings = container.querySelector<MpIntegrationSettings>('mp-integration-settings')!;
      await until(() => settings.shadowRoot?.querySelector('.platforms'), 'the settings loaded through the provider');

      grid.openCreate();
      await grid.updateComplete;
      typeInto(grid.shadowRoot!.querySelector('#ep-name'), 'From React');
      typeInto(grid.shadowRoot!.querySelector('#ep-description'), 'Created in a React host');
      await grid.updateComplete;
      grid.shadowRoot!.querySelector<HTMLButtonElement>('dialog button[type="submit"]')!.click();
      await until(() => created.length === 1, 'onEndpointCreated called');
      equal(created[0]!.endpoint.name, 'From React', 'the React prop got the typed event');
      await expectNoViolations(container, 'React host');
    } finally {
      root.unmount();
      container.remove();
    }
    ok(!document.querySelector('mp-endpoint-grid'), 'unmounted');
  });

  it('keeps the admin’s work through host re-renders: an inline getToken, a controlled sort, typed settings', async () => {
    const env = await freshEnv();
    await clientFor(env).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'saved-id' } });
    for (const name of ['Alpha', 'Beta']) await clientFor(env).endpoints.create({ name, description: 'x' });
    const { React, client } = await loadReact();
    const { IntegrationProvider, IntegrationSettings, EndpointGrid } = createReactWrappers(React);
    const container = document.createElement('div');
    document.body.append(container);
    const root = client.createRoot(container);
    let rerender = () => {};
    function Host() {
      const [, setTick] = React.useState(0);
      const [sort, setSort] = React.useState<EndpointSort>('name');
      rerender = () => setTick((n) => n + 1);
      return React.createElement(
        IntegrationProvider,
        { baseUrl: env.apiUrl, getToken: () => env.tokens.admin },
        React.createElement(EndpointGrid, { sort, onSortChange: (e: SortChangeEvent) => setSort(e.sort) }),
        React.createElement(IntegrationSettings, { category: 'accounting' }),
      );
    }
    try {
      root.render(React.createElement(Host));
      await until(() => container.querySelector<MpIntegrationSettings>('mp-integration-settings')?.shadowRoot?.querySelector('#cfg-clientId'), 'the settings');
      const settings = container.querySelector<MpIntegrationSettings>('mp-integration-settings')!;
      const grid = container.querySelector<MpEndpointGrid>('mp-endpoint-grid')!;
      typeInto(settings.shadowRoot!.querySelector('#cfg-clientId'), 'typed in React');
      await settings.updateComplete;
      await until(() => grid.shadowRoot?.querySelector('[part="sort"]'), 'the grid');
      const select = grid.shadowRoot!.querySelector<HTMLSelectElement>('[part="sort"]')!;
      select.value = '-name';
      select.dispatchEvent(new Event('change'));
      rerender();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await settings.updateComplete;
      equal(grid.sort, '-name', 'the sort the admin chose survives the re-render');
      equal(settings.shadowRoot!.querySelector<HTMLInputElement>('#cfg-clientId')?.value, 'typed in React', 'a new getToken arrow did not reload the settings');
      ok(settings.dirty, 'still unsaved, nothing lost');
    } finally {
      root.unmount();
      container.remove();
    }
  });

  it('types the mapper’s change and a widget’s error for a controlled host, without casts', async () => {
    const env = await freshEnv();
    const { React, client } = await loadReact();
    const { IntegrationProvider, EndpointGrid, FieldMapper } = createReactWrappers(React);
    const container = document.createElement('div');
    document.body.append(container);
    const root = client.createRoot(container);
    const failures: { action: EndpointGridAction; message: string }[] = [];
    let shown: readonly FieldMapping[] = [];
    function Host() {
      const [value, setValue] = React.useState<readonly FieldMapping[]>([]);
      shown = value;
      return React.createElement(
        React.Fragment,
        null,
        // Handlers without annotations: the wrappers' event types are what a TypeScript host gets.
        React.createElement(FieldMapper, { sourceFields: memberSourceFields, targetFields: contactStandardFields, value, onChange: (e) => setValue(e.target.value) }),
        React.createElement(
          IntegrationProvider,
          { baseUrl: env.apiUrl, token: 'not-a-token' },
          React.createElement(EndpointGrid, { onError: (e) => failures.push({ action: e.action, message: e.error.message }) }),
        ),
      );
    }
    try {
      root.render(React.createElement(Host));
      await until(() => container.querySelector<MpFieldMapper>('mp-field-mapper')?.shadowRoot?.querySelector('[part="automap-button"]'), 'the mapper');
      const mapper = container.querySelector<MpFieldMapper>('mp-field-mapper')!;
      mapper.shadowRoot!.querySelector<HTMLButtonElement>('[part="automap-button"]')!.click();
      mapper.acceptSuggestions();
      await until(() => shown.some((m) => m.source === 'email'), 'the host state took the mapper’s value from onChange');
      equal(shown.find((m) => m.source === 'email')!.target, 'Email', 'the suggestion the admin accepted');
      equal(mapper.value.length, shown.length, 'and handed it back as the controlled value');
      await until(() => failures.length > 0, 'onError called');
      equal(failures[0]!.action, 'load', 'what the grid was doing');
      ok(failures[0]!.message.length > 0, 'the error is an Error with its message');
    } finally {
      root.unmount();
      container.remove();
    }
  });

  it('keeps two providers on one page independent', async () => {
    const env = await freshEnv();
    const { React, client } = await loadReact();
    const { IntegrationProvider, EndpointGrid } = createReactWrappers(React);
    const { createIntegrationClient } = await import('@memberpulse/integrations-sdk');
    await createIntegrationClient({ baseUrl: env.apiUrl, token: env.otherTenant.tokens.admin }).endpoints.create({ name: 'Other tenant only', description: 'x' });
    const container = document.createElement('div');
    document.body.append(container);
    const root = client.createRoot(container);
    try {
      root.render(
        React.createElement(
          React.Fragment,
          null,
          React.createElement(IntegrationProvider, { baseUrl: env.apiUrl, token: env.tokens.admin }, React.createElement(EndpointGrid, { id: 'a' })),
          React.createElement(IntegrationProvider, { baseUrl: env.apiUrl, token: env.otherTenant.tokens.admin }, React.createElement(EndpointGrid, { id: 'b' })),
        ),
      );
      await until(() => container.querySelectorAll('mp-endpoint-grid').length === 2, 'two grids');
      const [a, b] = [...container.querySelectorAll<MpEndpointGrid>('mp-endpoint-grid')];
      await until(() => a!.shadowRoot?.querySelector('[part="empty"], table') && b!.shadowRoot?.querySelector('[part="empty"], table'), 'both loaded');
      ok(a!.shadowRoot!.querySelector('[part="empty"]'), 'the first tenant has none');
      equal(b!.items.map((e) => e.name).join(), 'Other tenant only', 'the second sees its own tenant');
    } finally {
      root.unmount();
      container.remove();
    }
  });
});
