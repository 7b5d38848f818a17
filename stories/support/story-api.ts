// Stories that need the API get it from the real server beside Storybook: POST /__mp/test-env (served by
// Storybook's dev server, `npm run storybook:static`, and web-test-runner) gives each story a fresh tenant.
import { html, nothing, type TemplateResult } from 'lit';
import type { ArgTypes, Loader, StoryContext } from '@storybook/web-components-vite';
import { createIntegrationClient, type IntegrationClient } from '@memberpulse/integrations-sdk';
import { roles } from '@memberpulse/integration-schema';
import { clientFor, freshEnv, type Role, type TestEnv } from '../../packages/elements/src/provider/browser-test-kit.js';

/** What a story's loader hands to its render and play function as `loaded.api`. */
export interface StoryApi {
  /** The client the widget gets. */
  client: IntegrationClient;
  /** The fresh tenant, absent when no API answers beside this Storybook. */
  env?: TestEnv;
  /** Why there is no API, to show above the widget (which then shows its own load error). */
  missing?: string;
}

/** How the widget's client reaches the server: for real, never answered, or not at all (a rejected fetch). */
export type Connection = 'live' | 'never-answers' | 'unreachable';

/** Writes a story's data through the real API as the tenant's admin, before the widget loads. */
export type Seed<TArgs> = (admin: IntegrationClient, env: TestEnv, args: TArgs) => Promise<unknown>;

/** The args `withApi` reads; a story without them gets the admin over the live connection. */
export interface ApiArgs {
  role?: Role;
  connection?: Connection;
  /**
   * Only calls whose path (with its query, if any) ends with this go over `connection`, the rest reach the
   * server; a method first (`PUT /settings/crm`) narrows it to that method's calls; empty: every call.
   */
  connectionFor?: string;
}

/** Controls for a widget story's role and connection, with their defaults. */
export const apiArgs: Required<ApiArgs> = { role: 'admin', connection: 'live', connectionFor: '' };
export const apiArgTypes: ArgTypes<Required<ApiArgs>> = {
  role: { control: 'select', options: roles, description: 'Whose token the widget’s client sends (a fresh tenant on the real API).' },
  connection: { control: 'select', options: ['live', 'never-answers', 'unreachable'], description: 'The real server, a fetch that never answers (loading), or one that fails (load error).' },
  connectionFor: { control: 'text', description: 'Only the calls whose path, with its query if any, ends with this (e.g. `/crm/objects`, or `refresh=true` for a refresh past the cache) go over `connection`; the rest reach the server. A method first (`PUT /settings/crm`) narrows it to that method. Empty: every call.' },
};

/**
 * The first `tag` in the canvas once it shows `ready` (or its load error); undefined for the load error (no
 * API beside Storybook), so a story's play function does nothing there.
 */
export async function whenReady<E extends HTMLElement>(canvas: HTMLElement, tag: string, ready: string): Promise<E | undefined> {
  const el = canvas.querySelector<E>(tag)!;
  await shownIn(el, `${ready}, .notice.error`);
  return el.shadowRoot?.querySelector(ready) ? el : undefined;
}

/** Clicks the first match of `selector` in `el`'s shadow root (a button, a radio), as a play function's user would. */
export const press = (el: Element, selector: string): void => el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();

/** The first match of `selector` in `el`'s shadow root, waited for up to 9 s (a server's answer); null if none came. */
export async function shownIn<E extends Element = HTMLElement>(el: HTMLElement, selector: string): Promise<E | null> {
  await waitFor(() => !!el.shadowRoot?.querySelector(selector));
  return el.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** Waits (up to 9 s) until `selector` matches nothing in `el`'s shadow root, e.g. a loading note. */
export function goneFrom(el: HTMLElement, selector: string): Promise<void> {
  return waitFor(() => !el.shadowRoot?.querySelector(selector));
}

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !done(); i++) await new Promise((r) => setTimeout(r, 30));
}

const neverAnswers: typeof fetch = () => new Promise<Response>(() => {});
// What a browser's fetch does when the server's port is closed: the SDK turns it into its NetworkError.
const rejects: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

/** A client whose calls (those whose path, with its query, ends with `only`, when given) never answer or fail; the others reach the server. */
function clientWithout(connection: Exclude<Connection, 'live'>, baseUrl: string, token: string, only = ''): IntegrationClient {
  const cut = connection === 'never-answers' ? neverAnswers : rejects;
  const [, method, path = ''] = /^(?:([A-Z]+) )?(.*)$/s.exec(only)!;
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const sent = input instanceof Request ? input.method : (init?.method ?? 'GET');
    return (!method || sent === method) && `${url.pathname}${url.search}`.endsWith(path) ? cut(input, init) : globalThis.fetch(input, init);
  };
  return createIntegrationClient({ baseUrl, token, fetch, timeout: false, retry: 0 });
}

/** The API beside Storybook did not answer: the story says so (a failing seed is the story's own error). */
class NoApi extends Error {}

interface Seeded {
  /** Every arg and toolbar choice as the tenant was asked for, to tell a control or toolbar change from a remount. */
  args: string;
  /** The args the seed read, and their values then (`null` while it seeds). */
  reads: string[];
  values: string | null;
  env: Promise<TestEnv>;
}

const seeded = new Map<string, Seeded>();
/** Each tenant's clients by role and connection. */
const clientsOf = new WeakMap<TestEnv, Map<string, IntegrationClient>>();

/**
 * The story's tenant. Storybook runs loaders again on every control and toolbar change, and its play function
 * does not run again: a width, a colour or the dark theme must not make and seed another tenant, so the last
 * one is kept while the args its seed read are unchanged. A render with every arg and toolbar choice as before
 * (a remount, coming back to the story, a reload of its file) gets a fresh tenant, since its play function runs
 * again and expects the data as seeded; so does a render that differs while a seed still runs.
 */
function tenantFor<TArgs>(id: string, args: TArgs, globals: unknown, seed: Seed<TArgs> | undefined): Promise<TestEnv> {
  const all = JSON.stringify([args, globals]);
  const known = seeded.get(id);
  const now = (keys: string[]) => JSON.stringify(keys.map((k) => (args as Record<string, unknown>)[k]));
  if (known && (known.values === null ? known.args === all : known.args !== all && known.values === now(known.reads))) {
    // The args it now shows: a remount after this change, or a change back, is told by these.
    known.args = all;
    return known.env;
  }
  const reads: string[] = [];
  const read = (key: string | symbol) => typeof key === 'string' && reads.push(key);
  const watched = new Proxy(args as object, {
    get: (target, key, receiver) => (read(key), Reflect.get(target, key, receiver)),
    has: (target, key) => (read(key), Reflect.has(target, key)),
  }) as TArgs;
  const env = freshEnv().then(
    async (fresh) => {
      await seed?.(clientFor(fresh), fresh, watched);
      return fresh;
    },
    (error: unknown) => {
      throw new NoApi(error instanceof Error ? error.message : String(error));
    },
  );
  const entry: Seeded = { args: all, reads, values: null, env };
  seeded.set(id, entry);
  // Recorded once the seed has read what it reads; a failed one is forgotten, so the next render tries again.
  env.then(
    () => (entry.values = now(reads)),
    () => seeded.get(id) === entry && seeded.delete(id),
  );
  return env;
}

/**
 * A Storybook loader: a tenant on the real API server, written by `seed`, and a real SDK client for the
 * story's `role` arg (admin by default) over its `connection` arg (live by default). Where no API answers
 * (a static build served without it), the story gets a client that reaches no server, and the reason.
 */
export function withApi<TArgs>(seed?: Seed<TArgs>): Loader<TArgs> {
  return async (context: StoryContext<TArgs>) => {
    const { role = 'admin', connection = 'live', connectionFor = '' } = context.args as ApiArgs;
    let env: TestEnv;
    try {
      env = await tenantFor(context.id, context.args, context.globals, seed);
    } catch (error) {
      if (!(error instanceof NoApi)) throw error;
      const api: StoryApi = { client: clientWithout('unreachable', location.origin, 'no-api'), missing: error.message };
      return { api };
    }
    // The same client for the same tenant, role and connection: a new one would make the widget load again and
    // drop what the play function (or the designer) did in it.
    const clients = clientsOf.get(env) ?? new Map<string, IntegrationClient>();
    clientsOf.set(env, clients);
    const key = `${role} ${connection} ${connectionFor}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = connection === 'live' ? clientFor(env, role) : clientWithout(connection, env.apiUrl, env.tokens[role], connectionFor)));
    const api: StoryApi = { client, env };
    return { api };
  };
}

/** The story's API, as its loader left it. */
export function storyApi(context: { loaded: Record<string, unknown> }): StoryApi {
  const api = (context.loaded as { api?: StoryApi }).api;
  if (!api) throw new Error('This story has no `withApi()` loader.');
  return api;
}

/** A line above the widget when no API answers beside this Storybook, saying how to get one. */
export function apiMissingNotice(api: StoryApi): TemplateResult | typeof nothing {
  if (!api.missing) return nothing;
  return html`<p role="alert" style="font: 14px/1.5 system-ui, sans-serif; border: 2px solid #b3261e; padding: 0.5rem 0.75rem; margin: 0 0 1rem;">
    This story needs the MemberPulse API beside Storybook, and none answered (${api.missing}). Run
    <code>npm run storybook</code>, or <code>npm run storybook:static</code> to serve a built Storybook with it.
  </p>`;
}
