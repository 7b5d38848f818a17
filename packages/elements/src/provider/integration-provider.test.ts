// <mp-integration-provider> in plain HTML against the real server: attributes, getToken, a ready client,
// a widget's own client winning, and a token change reaching the widgets; and that its client skips response checks.
import { createIntegrationClient } from '@memberpulse/integrations-sdk';
import './integration-provider.js';
import '../endpoint-grid/endpoint-grid.js';
import '../integration-settings/integration-settings.js';
import type { MpIntegrationProvider } from './integration-provider.js';
import type { MpEndpointGrid } from '../endpoint-grid/endpoint-grid.js';
import { clientFor, equal, freshEnv, ok, typeInto, until, type TestEnv } from './browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

async function gridIn(html: string, setup?: (provider: MpIntegrationProvider) => void) {
  const host = document.createElement('div');
  host.innerHTML = html;
  setup?.(host.querySelector('mp-integration-provider')!);
  document.body.append(host);
  const grid = host.querySelector<MpEndpointGrid>('mp-endpoint-grid')!;
  await until(() => grid.shadowRoot?.querySelector('table, [part="empty"], .notice'), 'the grid to settle');
  return { host, grid, provider: host.querySelector<MpIntegrationProvider>('mp-integration-provider')! };
}

/** A fresh tenant with an endpoint "Mine", and another tenant with "Theirs". */
async function twoTenants(): Promise<TestEnv> {
  const env = await freshEnv();
  await clientFor(env).endpoints.create({ name: 'Mine', description: 'x' });
  await createIntegrationClient({ baseUrl: env.apiUrl, token: env.otherTenant.tokens.admin }).endpoints.create({ name: 'Theirs', description: 'x' });
  return env;
}

/** What a widget says inside a provider without a base-url yet. */
const PROVIDER_INCOMPLETE = 'Not connected: give the <mp-integration-provider> around this element a base-url, or a client.';
/** What a widget says inside a provider that refused what it was given, and says why in its own message. */
const PROVIDER_REFUSED = 'Not connected: see the message of the <mp-integration-provider> around this element.';

describe('<mp-integration-provider>', () => {
  it('builds a client from the base-url attribute and the token property, and follows a token change', async () => {
    const env = await freshEnv();
    await clientFor(env).endpoints.create({ name: 'Mine', description: 'tenant one' });
    const { host, grid, provider } = await gridIn(`<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`, (p) => {
      p.token = env.tokens.viewer;
    });
    try {
      await until(() => grid.items.length === 1, 'rows through the provider');
      equal(grid.items[0]!.name, 'Mine', 'the tenant of the token');
      provider.token = env.otherTenant.tokens.viewer;
      await until(() => grid.shadowRoot!.querySelector('[part="empty"]'), 'reloaded with the other tenant');
    } finally {
      host.remove();
    }
  });

  it('sends a renewed token from the next call on, without reloading the widgets or losing what was typed', async () => {
    const env = await freshEnv();
    await clientFor(env).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'saved-id' } });
    const host = document.createElement('div');
    host.innerHTML = `<mp-integration-provider base-url="${env.apiUrl}"><mp-integration-settings category="accounting"></mp-integration-settings></mp-integration-provider>`;
    const provider = host.querySelector('mp-integration-provider')!;
    provider.token = env.tokens.admin;
    document.body.append(host);
    const settings = host.querySelector('mp-integration-settings')!;
    const input = () => settings.shadowRoot?.querySelector<HTMLInputElement>('#cfg-clientId');
    const save = () => settings.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    try {
      await until(() => input(), 'the saved settings');
      typeInto(input()!, 'typed-id');
      await settings.updateComplete;
      const client = provider.effectiveClient;

      // Same claims, broken signature: the server refuses it, which shows the renewed token is the one sent.
      const renewed = env.renewedTokens.admin;
      provider.token = `${renewed.slice(0, -4)}${renewed.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      await provider.updateComplete;
      equal(provider.effectiveClient, client, 'a renewal keeps the client');
      save();
      await until(() => settings.shadowRoot!.querySelector('.notice.error'), 'the refusal of the broken token');
      equal(input()?.value, 'typed-id', 'the typing survives the refusal');

      provider.token = renewed;
      await provider.updateComplete;
      equal(input()?.value, 'typed-id', 'and the renewal: no reload');
      save();
      await until(() => !settings.dirty && !settings.shadowRoot!.querySelector('.notice.error'), 'the save with the renewed token');
      equal((await clientFor(env).settings.get('accounting')).config.clientId, 'typed-id', 'saved');

      provider.token = env.otherTenant.tokens.admin;
      await until(() => !input(), 'another tenant’s token reloads: it has no accounting settings');
    } finally {
      host.remove();
    }
  });

  it('asks getToken for each call, and lets a widget’s own client win', async () => {
    const env = await freshEnv();
    await clientFor(env).endpoints.create({ name: 'Via getToken', description: 'x' });
    let asked = 0;
    const { host, grid } = await gridIn(`<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`, (p) => {
      p.getToken = () => {
        asked++;
        return env.tokens.admin;
      };
    });
    try {
      await until(() => grid.items.length === 1, 'rows with getToken');
      ok(asked > 0, 'getToken was asked');
      grid.client = createIntegrationClient({ baseUrl: env.apiUrl, token: env.otherTenant.tokens.admin });
      await until(() => grid.shadowRoot!.querySelector('[part="empty"]'), 'the own client wins');
    } finally {
      host.remove();
    }
  });

  it('stops calling on sign-out (a token set to undefined or null, as React does) and asks the admin to sign in', async () => {
    const env = await freshEnv();
    await clientFor(env).endpoints.create({ name: 'Mine', description: 'x' });
    const { host, grid, provider } = await gridIn(`<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`, (p) => {
      p.token = env.tokens.admin;
    });
    const notice = () => grid.shadowRoot!.querySelector('.notice')?.textContent?.trim();
    try {
      await until(() => grid.items.length === 1, 'rows');
      for (const signedOut of [undefined, null, '']) {
        provider.token = signedOut;
        await until(() => notice() === 'Sign in to see the integration endpoints.', `the sign-in notice for ${String(signedOut)}`);
        equal(provider.effectiveClient, undefined, 'no client goes on with the old token');
        provider.token = env.tokens.admin;
        await until(() => grid.items.length === 1, 'rows again once signed in');
      }
    } finally {
      host.remove();
    }
    const alone = await gridIn('<mp-endpoint-grid></mp-endpoint-grid>');
    try {
      equal(alone.grid.shadowRoot!.querySelector('.notice')?.textContent?.trim(), 'Not connected: place this element inside <mp-integration-provider> or give it a client.', 'without a provider, the developer’s hint');
    } finally {
      alone.host.remove();
    }
  });

  it('asks the latest getToken without reloading when the function is replaced (an inline arrow in React)', async () => {
    const env = await freshEnv();
    await clientFor(env).settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'saved-id' } });
    const host = document.createElement('div');
    host.innerHTML = `<mp-integration-provider base-url="${env.apiUrl}"><mp-integration-settings category="accounting"></mp-integration-settings></mp-integration-provider>`;
    const provider = host.querySelector('mp-integration-provider')!;
    const asked: string[] = [];
    provider.getToken = () => (asked.push('first'), env.tokens.admin);
    document.body.append(host);
    const settings = host.querySelector('mp-integration-settings')!;
    const input = () => settings.shadowRoot?.querySelector<HTMLInputElement>('#cfg-clientId');
    try {
      await until(() => input(), 'the saved settings');
      typeInto(input()!, 'typed-id');
      await settings.updateComplete;
      const client = provider.effectiveClient;
      provider.getToken = () => (asked.push('second'), env.tokens.admin);
      await provider.updateComplete;
      await new Promise((resolve) => setTimeout(resolve));
      equal(provider.effectiveClient, client, 'the same client: both functions speak for the same admin');
      equal(input()?.value, 'typed-id', 'what was typed stays');
      settings.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
      await until(() => !settings.dirty, 'saved');
      equal(asked.at(-1), 'second', 'the new function was asked');
    } finally {
      host.remove();
    }
  });

  it('reloads for someone else: a getToken for another tenant, or a token while getToken is unset; an old client keeps its own token', async () => {
    const env = await twoTenants();
    const { host, grid, provider } = await gridIn(`<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`, (p) => {
      p.getToken = () => env.tokens.viewer;
    });
    const names = () => grid.items.map((e) => e.name).join();
    try {
      await until(() => names() === 'Mine', 'the first tenant');
      const first = provider.effectiveClient!;
      provider.getToken = () => env.otherTenant.tokens.viewer;
      await until(() => names() === 'Theirs', 'a getToken for another tenant reloads');
      equal((await first.endpoints.list()).items.map((e) => e.name).join(), 'Mine', 'the old client still speaks for the first tenant');
      const beforeSignOut = provider.effectiveClient;
      provider.getToken = () => undefined as unknown as string;
      await until(() => provider.effectiveClient !== beforeSignOut && grid.items.length === 0 && /session/i.test(grid.shadowRoot!.textContent ?? ''), 'a getToken that answers nothing: the old client is dropped, and nothing is sent');
      provider.getToken = undefined;
      provider.token = env.tokens.viewer;
      await until(() => names() === 'Mine', 'back to a token');
    } finally {
      host.remove();
    }
  });

  const later = (token: string, ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve(token), ms));
  const firstGetTokens: Array<[string, (env: TestEnv) => () => string | Promise<string>]> = [
    ['a slow getToken for the first tenant', (env) => () => later(env.tokens.viewer, 300)],
    [
      'the host’s session switching under its getToken while the first token was on its way',
      (env) => {
        let calls = 0;
        return () => (calls++ === 0 ? later(env.tokens.viewer, 400) : env.otherTenant.tokens.viewer);
      },
    ],
  ];
  for (const [what, firstGetToken] of firstGetTokens) {
    it(`ends with the other tenant on a client of their own: ${what}, replaced before the first token arrived`, async () => {
      const env = await twoTenants();
      const host = document.createElement('div');
      host.innerHTML = `<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`;
      const provider = host.querySelector('mp-integration-provider')!;
      provider.getToken = firstGetToken(env);
      document.body.append(host);
      const grid = host.querySelector<MpEndpointGrid>('mp-endpoint-grid')!;
      try {
        await new Promise((resolve) => setTimeout(resolve, 50));
        provider.getToken = () => env.otherTenant.tokens.viewer;
        await until(() => grid.items.map((e) => e.name).join() === 'Theirs', 'the widgets end with the other tenant', 3000);
        equal((await provider.effectiveClient!.endpoints.list()).items.map((e) => e.name).join(), 'Theirs', 'and so does the client they hold');
      } finally {
        host.remove();
      }
    });
  }

  it('notices a session switch under one getToken that answers token objects, too', async () => {
    const env = await twoTenants();
    let current = env.tokens.viewer;
    const { host, grid, provider } = await gridIn(`<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`, (p) => {
      p.getToken = () => new String(current) as unknown as string;
    });
    try {
      await until(() => grid.items.map((e) => e.name).join() === 'Mine', 'the first person');
      current = env.otherTenant.tokens.viewer;
      grid.reload();
      await until(() => grid.items.map((e) => e.name).join() === 'Theirs', 'the widgets reload for the person the session now holds');
      equal((await provider.effectiveClient!.endpoints.list()).items.map((e) => e.name).join(), 'Theirs', 'on a client of their own');
    } finally {
      host.remove();
    }
  });

  it('follows a second switch of person made before any call for the first switch has answered', async () => {
    const env = await twoTenants();
    let current = env.tokens.viewer;
    const held = env.otherTenant.tokens.viewer;
    const realFetch = globalThis.fetch;
    // Calls for the middle person never answer: that client has no success to show when the next switch comes.
    globalThis.fetch = (input, init) =>
      new Request(input, init).headers.get('authorization') === `Bearer ${held}` ? new Promise<Response>(() => {}) : realFetch(input, init);
    const { host, grid, provider } = await gridIn(`<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`, (p) => {
      p.getToken = () => current;
    });
    try {
      await until(() => grid.items.map((e) => e.name).join() === 'Mine', 'the first person');
      const first = provider.effectiveClient;
      current = held;
      grid.reload();
      await until(() => provider.effectiveClient !== first, 'a client for the second person, whose calls hang');
      const second = provider.effectiveClient;
      current = env.tokens.admin;
      grid.reload();
      await until(() => provider.effectiveClient !== second, 'a client for the third person');
      await until(() => grid.items.map((e) => e.name).join() === 'Mine', 'the widgets load for the third person');
      equal(grid.shadowRoot!.querySelector('.notice.error'), null, 'no failure shown');
    } finally {
      globalThis.fetch = realFetch;
      host.remove();
    }
  });

  // A host that never keeps its renewed token: a refused token of the first tenant's viewer (same claims, broken
  // signature, as an expired one), and with { refresh: true } the other tenant's viewer. Then it is fixed, either way.
  const fixes: Array<[string, (env: TestEnv) => NonNullable<MpIntegrationProvider['getToken']>, string, 'reload' | 'try again']> = [
    ['a new getToken for the other tenant reloads the widgets', (env) => () => env.otherTenant.tokens.viewer, 'Theirs', 'reload'],
    ['a new getToken for the first tenant, renewed on refresh, is tried at the next call', (env) => ({ refresh }) => (refresh ? env.renewedTokens.viewer : env.tokens.viewer), 'Mine', 'try again'],
  ];
  for (const [fix, fixedGetToken, names, then] of fixes) {
    it(`does not rebuild in a loop when getToken answers one person and its refresh another; ${fix}`, async () => {
      const env = await twoTenants();
      const stale = `${env.tokens.viewer.slice(0, -4)}${env.tokens.viewer.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      let asked = 0;
      let requests = 0;
      const realFetch = globalThis.fetch;
      globalThis.fetch = (input, init) => {
        if (String(input instanceof Request ? input.url : input).startsWith(env.apiUrl)) requests++;
        return realFetch(input, init);
      };
      const errors: Error[] = [];
      const host = document.createElement('div');
      host.innerHTML = `<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`;
      const provider = host.querySelector('mp-integration-provider')!;
      provider.getToken = ({ refresh }) => (asked++, refresh ? env.otherTenant.tokens.viewer : stale);
      host.addEventListener('mp-error', (e) => errors.push(e.error));
      const grid = host.querySelector<MpEndpointGrid>('mp-endpoint-grid')!;
      const failure = () => grid.shadowRoot!.querySelector('.notice.error');
      try {
        document.body.append(host);
        await until(failure, 'the grid gave up');
        // A rebuild loop keeps asking and sending. The grid makes two calls as it loads: each of the two clients
        // sends them once and asks for their renewal. How many asks the second client's last call has made when
        // the failure shows depends on timing (a loaded machine), so the bound is checked a second on, not a count.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        ok(asked <= 8 && requests <= 4, `two clients at most, a second after the failure shows: getToken asked ${asked} times, ${requests} requests`);
        ok(failure()?.textContent?.includes('Your session has expired.'), `the grid shows the failure: ${failure()?.textContent}`);
        const cause = errors.at(-1)?.cause;
        ok(cause instanceof Error && /two people/.test(cause.message), `the error names the host’s getToken answering for two people: ${String(cause)}`);
        globalThis.fetch = realFetch;
        provider.getToken = fixedGetToken(env);
        if (then === 'try again') {
          await new Promise((resolve) => setTimeout(resolve, 100));
          failure()!.querySelector('button')!.click();
        }
        await until(() => grid.items.map((e) => e.name).join() === names, 'the rows once the host’s getToken answers for one person', 300);
      } finally {
        globalThis.fetch = realFetch;
        host.remove();
      }
    });
  }

  it('takes a new getToken within seconds while the old one has not answered (a sign-in that never finished)', async () => {
    const env = await freshEnv();
    await clientFor(env).endpoints.create({ name: 'Mine', description: 'x' });
    const host = document.createElement('div');
    host.innerHTML = `<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`;
    const provider = host.querySelector('mp-integration-provider')!;
    provider.getToken = () => new Promise<string>(() => {});
    document.body.append(host);
    const grid = host.querySelector<MpEndpointGrid>('mp-endpoint-grid')!;
    try {
      await provider.updateComplete;
      provider.getToken = () => env.tokens.viewer;
      await until(() => grid.items.map((e) => e.name).join() === 'Mine', 'the rows with the new function, within a few seconds', 5000);
    } finally {
      host.remove();
    }
  });

  it('loads under re-renders faster than the first token (a new arrow every 100 ms, a token after 150 ms), on one client', async () => {
    const env = await freshEnv();
    await clientFor(env).endpoints.create({ name: 'Mine', description: 'x' });
    const arrow = () => () => new Promise<string>((resolve) => setTimeout(() => resolve(env.tokens.viewer), 150));
    const host = document.createElement('div');
    host.innerHTML = `<mp-integration-provider base-url="${env.apiUrl}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`;
    const provider = host.querySelector('mp-integration-provider')!;
    provider.getToken = arrow();
    document.body.append(host);
    const grid = host.querySelector<MpEndpointGrid>('mp-endpoint-grid')!;
    await provider.updateComplete;
    const client = provider.effectiveClient;
    const renders = setInterval(() => (provider.getToken = arrow()), 100);
    try {
      await until(() => grid.items.map((e) => e.name).join() === 'Mine', 'the rows, while the host keeps re-rendering', 3000);
      equal(provider.effectiveClient, client, 'on the first client');
    } finally {
      clearInterval(renders);
      host.remove();
    }
  });

  it('asks the admin to sign in when base-url arrives after the widgets, without a token', async () => {
    const env = await freshEnv();
    const { host, grid, provider } = await gridIn('<mp-integration-provider><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>');
    try {
      equal(grid.shadowRoot!.querySelector('.notice')?.textContent?.trim(), PROVIDER_INCOMPLETE, 'before it, the provider is named, not asked for');
      provider.baseUrl = env.apiUrl;
      await until(() => grid.shadowRoot!.querySelector('.notice')?.textContent?.trim() === 'Sign in to see the integration endpoints.', 'the sign-in notice');
    } finally {
      host.remove();
    }
  });

  it('says which base-url it cannot use instead of throwing, signed in or not, and recovers when it is corrected', async () => {
    const env = await freshEnv();
    const { host, grid, provider } = await gridIn(`<mp-integration-provider base-url="localhost:9731"><mp-endpoint-grid></mp-endpoint-grid><mp-integration-settings category="crm"></mp-integration-settings></mp-integration-provider>`);
    try {
      const settings = host.querySelector('mp-integration-settings')!;
      const alert = () => provider.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
      await until(() => alert().includes('baseUrl'), 'the attribute’s problem named before any token arrives');
      await until(() => grid.shadowRoot!.querySelector('.notice')?.textContent?.trim() === PROVIDER_REFUSED, 'the grid points at its provider, not at signing in');
      equal(provider.signedOut, false, 'signing in would not help');
      provider.token = env.tokens.viewer;
      await provider.updateComplete;
      ok(alert().includes('baseUrl'), `still named with a token: ${alert()}`);
      await until(() => settings.shadowRoot!.querySelector('.notice')?.textContent?.trim() === PROVIDER_REFUSED, `the settings point at the provider too: ${settings.shadowRoot!.querySelector('.notice')?.textContent}`);
      for (const widget of [grid, settings]) equal(widget.shadowRoot!.querySelector('.notice.warning')?.getAttribute('role'), 'status', `${widget.localName} says it calmly, as a status`);
      provider.baseUrl = env.apiUrl;
      await until(() => grid.shadowRoot!.querySelector('table, [part="empty"]'), 'the grid loads once corrected');
      await provider.updateComplete;
      ok(!provider.shadowRoot!.querySelector('[role="alert"]'), 'and the message goes');
    } finally {
      host.remove();
    }
  });

  it('refuses a token attribute, which would stay in the page for any script or page recorder to read, and takes the property', async () => {
    const env = await freshEnv();
    const token = env.tokens.viewer;
    const { host, grid, provider } = await gridIn(`<mp-integration-provider base-url="${env.apiUrl}" token="${token}"><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`);
    try {
      equal(provider.getAttribute('token'), null, 'the attribute is taken out of the page');
      ok(!document.documentElement.outerHTML.includes(token), 'the token is nowhere in the page');
      equal(provider.effectiveClient, undefined, 'nor used');
      const alert = () => provider.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
      ok(alert().includes('token property'), `says what to do instead: ${alert()}`);
      await until(() => grid.shadowRoot!.querySelector('.notice')?.textContent?.trim() === PROVIDER_REFUSED, 'the grid points at its provider rather than asking the admin to sign in');
      provider.token = token;
      await until(() => grid.shadowRoot!.querySelector('table, [part="empty"]'), 'the property is taken');
      await provider.updateComplete;
      equal(alert(), '', 'and the message goes');
    } finally {
      host.remove();
    }
  });

  it('passes a ready client through', async () => {
    const env = await freshEnv();
    await clientFor(env).endpoints.create({ name: 'Ready client', description: 'x' });
    const { host, grid } = await gridIn(`<mp-integration-provider><mp-endpoint-grid></mp-endpoint-grid></mp-integration-provider>`, (p) => {
      p.client = clientFor(env);
    });
    try {
      await until(() => grid.items.length === 1, 'rows with the given client');
    } finally {
      host.remove();
    }
  });

  it('builds a client that skips the response checks, as its doc says', async () => {
    // An answer the checks would refuse (permissions must be a list): the provider's client takes it as is.
    const answer = { tenantId: 't1', subject: 'u1', role: 'admin', permissions: 'not a list' };
    const realFetch = globalThis.fetch;
    globalThis.fetch = async () => new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    const provider = document.createElement('mp-integration-provider');
    provider.baseUrl = 'https://api.example.test';
    provider.token = 'token';
    document.body.append(provider);
    try {
      await provider.updateComplete;
      const me = await provider.effectiveClient!.me();
      equal<unknown>(me.permissions, 'not a list', 'the unchecked answer');
    } finally {
      globalThis.fetch = realFetch;
      provider.remove();
    }
  });
});
