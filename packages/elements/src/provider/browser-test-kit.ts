// Helpers for the widgets' browser tests (web-test-runner, Chromium). Not exported by the package.
import { createIntegrationClient, type IntegrationClient } from '@memberpulse/integrations-sdk';
import { registerMessages, setLocale } from '../i18n/index.js';

export type Role = 'admin' | 'editor' | 'viewer' | 'auditor';

/** What POST /__mp/test-env answers: a fresh tenant on the real API server, and the loopback Salesforce. */
export interface TestEnv {
  apiUrl: string;
  tenant: string;
  tokens: Record<Role, string>;
  /** The same people's tokens with another lifetime, as a renewal gives them. */
  renewedTokens: Record<Role, string>;
  otherTenant: { tenant: string; tokens: Record<Role, string> };
  salesforce: { url: string; consumerKey: string; consumerSecret: string; username: string; password: string; securityToken: string };
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** POSTs to a route of the API beside the tests and stories (scripts/test-env.mjs), and answers its JSON. */
export async function postBeside<T>(path: string): Promise<T> {
  const res = await fetch(path, { method: 'POST' });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return res.json() as Promise<T>;
}

/** A fresh tenant on the real API server; `adminSub` is the subject its admin's token names (default `admin@<tenant>`). */
export function freshEnv({ adminSub }: { adminSub?: string } = {}): Promise<TestEnv> {
  return postBeside<TestEnv>(`/__mp/test-env${adminSub ? `?adminSub=${encodeURIComponent(adminSub)}` : ''}`);
}

export function clientFor(env: TestEnv, role: Role = 'admin', tokens = env.tokens): IntegrationClient {
  return createIntegrationClient({ baseUrl: env.apiUrl, token: tokens[role], retry: { limit: 1, delay: () => 10 } });
}

/**
 * An admin client whose `method` writes reach the server but whose answers come back cut off (a proxy dropping
 * them, say) while `lost.on` holds: the server knows the outcome, the widget does not.
 */
export function answersLostClient(env: TestEnv, method: 'PUT' | 'POST' | 'PATCH'): { client: IntegrationClient; lost: { on: boolean } } {
  const lost = { on: true };
  const client = createIntegrationClient({
    baseUrl: env.apiUrl,
    token: env.tokens.admin,
    retry: { delay: () => 0 },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await fetch(input, init);
      const sent = input instanceof Request ? input.method : (init?.method ?? 'GET');
      return lost.on && sent === method ? new Response('{"cut', { status: res.status, headers: res.headers }) : res;
    },
  });
  return { client, lost };
}

/** An admin client whose first question of the role (`GET /v1/me`) fails with a 503, not retried; later ones reach the server. */
export function meFailsOnceClient(env: TestEnv): IntegrationClient {
  let failures = 1;
  return createIntegrationClient({
    baseUrl: env.apiUrl,
    token: env.tokens.admin,
    retry: 0,
    fetch: (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname === '/v1/me' && failures-- > 0) return Promise.resolve(new Response('{}', { status: 503 }));
      return fetch(request);
    },
  });
}

/**
 * A client whose token is refused until `token.value` is set to the admin's, and whose question of the role
 * (`GET /v1/me`) is answered 300 ms after the others, as a slow network may.
 */
export function meAnsweredLastClient(env: TestEnv): { client: IntegrationClient; token: { value: string } } {
  const token = { value: 'not-a-token' };
  const client = createIntegrationClient({
    baseUrl: env.apiUrl,
    getToken: () => token.value,
    retry: { limit: 1, delay: () => 10 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname === '/v1/me') await new Promise((r) => setTimeout(r, 300));
      return fetch(request);
    },
  });
  return { client, token };
}

/** Waits until `check` holds, re-checking every animation frame; fails with `what` after `limit` frames. */
export async function until(check: () => unknown, what: string, limit = 600): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (check()) return;
    await new Promise((r) => requestAnimationFrame(r));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/**
 * Waits for an element's Lit update and a few animation frames after it, for elements that measure
 * their layout in later frames (the field mapper's and the virtual list's row windows).
 */
export async function settle(el: { updateComplete: Promise<unknown> }, frames = 4): Promise<void> {
  for (let i = 0; i < frames; i++) {
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/**
 * Focuses and clicks `button` in `el`'s shadow root, then checks that while its work runs (`doing`) it is marked
 * unavailable (`aria-disabled`) and keeps focus (a `disabled` button would drop keyboard focus to the page), and takes no second press.
 */
export async function pressKeepsFocus(el: HTMLElement & { updateComplete: Promise<unknown> }, button: HTMLButtonElement, doing: string): Promise<void> {
  button.focus();
  button.click();
  await el.updateComplete;
  equal(button.getAttribute('aria-disabled'), 'true', `${doing}: marked unavailable`);
  equal(el.shadowRoot!.activeElement, button, `${doing}: focus stays on the button, not on the page`);
  let taken = false;
  button.addEventListener('click', () => (taken = true), { once: true });
  button.click();
  equal(taken, false, `${doing}: a second press is not taken`);
}

/** Sets a text control's value as typing would (an `input` event that bubbles out of the shadow root's form). */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
  ok(control, 'control to type into exists');
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** What an element's live region (its Announcer) says now, without the invisible character that repeats it. */
export function announced(el: Element): string {
  return el.shadowRoot?.querySelector('[role="status"][aria-live="polite"]')?.textContent?.replace(/\u200b/g, '') ?? '';
}

/** Every text an element's shadow tree shows or holds in a control: for "no secret in the DOM" checks. */
export function deepText(root: Node): string {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) out.push(node.value);
    if (node instanceof Element) {
      for (const a of node.attributes) out.push(a.value);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out.join('\n');
}

async function loadAxe(): Promise<void> {
  if ((window as { axe?: unknown }).axe) return;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

export async function expectNoViolations(el: Element, state: string): Promise<void> {
  await loadAxe();
  const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } }).axe;
  // WCAG 2.2's target size (24 × 24 px) is off in axe by default; we hold the widgets to it.
  const result = await axe.run(el, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join('; ')})`);
  equal(found.join('\n'), '', `axe violations (${state})`);
}

/** The WCAG contrast ratio of two opaque computed colours, as Chromium gives them (`rgb(…)`, or `color(srgb …)` for a mix). */
export function contrast(color: string, background: string): number {
  const luminance = (css: string) => {
    const channels = css.match(/[\d.]+/g)!.map(Number).slice(0, 3);
    const [r, g, b] = (css.startsWith('color(srgb') ? channels : channels.map((c) => c / 255)).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(color), luminance(background)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The first text `root` shows, and where on screen its character at `i` starts (`i` < 0 counts from its end). */
function firstText(root: Element | null): { text: string; leftOf: (i: number) => number } {
  const walker = document.createTreeWalker(root!, NodeFilter.SHOW_TEXT, (n) => (n.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP));
  const node = walker.nextNode() as Text;
  const start = node.textContent!.length - node.textContent!.trimStart().length;
  const end = node.textContent!.trimEnd().length;
  const leftOf = (i: number) => {
    const at = i < 0 ? end + i : start + i;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect().left;
  };
  return { text: node.textContent!.trim(), leftOf };
}

/**
 * The first text `root` shows, and whether its closing character stands right of the one before it: so at the
 * end of its words for a left-to-right sentence, but not for a right-to-left one (or one whose full stop a
 * right-to-left page moved to its start).
 */
export function endsOnTheRight(root: Element | null): { text: string; right: boolean } {
  const { text, leftOf } = firstText(root);
  return { text, right: leftOf(-1) > leftOf(-2) };
}

/** The first text `root` shows, and whether it starts left of where it ends: its words in left-to-right order. */
export function readsLeftToRight(root: Element | null): { text: string; ltr: boolean } {
  const { text, leftOf } = firstText(root);
  return { text, ltr: leftOf(0) < leftOf(-1) };
}

/** Runs `body` in `locale` with `messages` registered for it, and switches back to English afterwards. */
export async function inLocale(locale: string, messages: Record<string, string>, body: () => Promise<void>): Promise<void> {
  registerMessages(locale, messages);
  setLocale(locale);
  try {
    await body();
  } finally {
    setLocale('en');
  }
}

/** Runs `body` in German with `messages` registered for it, and switches back to English afterwards. */
export const inGerman = (messages: Record<string, string>, body: () => Promise<void>): Promise<void> => inLocale('de', messages, body);
