// The SDK in real Chromium against the real API server that web-test-runner starts
// (POST /__mp/test-env answers a fresh tenant with tokens per role; the server allows this origin).
import {
  ConflictError,
  ForbiddenError,
  IntegrationError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  createIntegrationClient,
  type IntegrationClient,
} from '@memberpulse/integrations-sdk';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const before: (fn: () => Promise<void>) => void;

interface TestEnv {
  apiUrl: string;
  tenant: string;
  tokens: Record<'admin' | 'editor' | 'viewer' | 'auditor', string>;
  otherTenant: { tenant: string; tokens: Record<'admin' | 'editor' | 'viewer' | 'auditor', string> };
}

function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}
function equal<T>(actual: T, expected: T, message = 'values differ') {
  if (actual !== expected) throw new Error(`${message}: expected ${String(expected)}, got ${String(actual)}`);
}
async function rejects<E extends Error>(p: Promise<unknown>, cls: abstract new (...a: never[]) => E): Promise<E> {
  try {
    await p;
  } catch (e) {
    ok(e instanceof cls, `expected ${cls.name}, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    return e;
  }
  throw new Error(`expected ${cls.name}, but the call succeeded`);
}

async function freshEnv(): Promise<TestEnv> {
  const res = await fetch('/__mp/test-env', { method: 'POST' });
  ok(res.ok, `/__mp/test-env answered ${res.status}`);
  return res.json();
}

describe('SDK in the browser against the real server', () => {
  let env: TestEnv;
  let admin: IntegrationClient;
  before(async () => {
    env = await freshEnv();
    admin = createIntegrationClient({ baseUrl: env.apiUrl, token: env.tokens.admin, retry: { delay: () => 10 } });
  });

  it('knows who it is', async () => {
    const me = await admin.me();
    equal(me.tenantId, env.tenant);
    equal(me.role, 'admin');
  });

  it('creates, reads and updates settings with ETags', async () => {
    const saved = await admin.settings.saveDraft('crm', { platform: 'salesforce', config: { environment: 'sandbox' } });
    equal(saved.status, 'draft');
    equal(saved.platform, 'salesforce');
    const read = await admin.settings.get('crm');
    equal(read.config.environment, 'sandbox');
    ok(admin.settings.etag('crm'), 'the ETag header is readable cross-origin (Access-Control-Expose-Headers)');
    const patched = await admin.settings.patch('crm', { config: { environment: 'production' } });
    equal(patched.config.environment, 'production');
    equal(patched.version > read.version, true, 'version increased');
    const stale = await rejects(admin.settings.patch('crm', { config: { environment: 'sandbox' } }, { ifMatch: `"${read.version}"` }), ConflictError);
    equal(stale.status, 412);
    const all = await admin.settings.list();
    ok(all.some((s) => s.category === 'crm'), 'list has the crm record');
  });

  it('round-trips an endpoint', async () => {
    const created = await admin.endpoints.create({ name: 'browser-orders', description: 'Orders from the browser' });
    const got = await admin.endpoints.get(created.id);
    equal(got.name, 'browser-orders');
    const updated = await admin.endpoints.updateDescription(created.id, 'Changed');
    equal(updated.description, 'Changed');
    const ids: string[] = [];
    for await (const e of admin.endpoints.all({ limit: 1 })) ids.push(e.id);
    ok(ids.includes(created.id), 'the iterator finds the endpoint');
    await admin.endpoints.delete(created.id);
    await rejects(admin.endpoints.get(created.id), NotFoundError);
  });

  it('surfaces field errors by JSON Pointer', async () => {
    await admin.endpoints.create({ name: 'dupe', description: 'first' });
    const dup = await rejects(admin.endpoints.create({ name: 'dupe', description: 'second' }), ValidationError);
    equal(dup.status, 422);
    ok(dup.messagesFor('/name').length > 0, 'a message for /name');
    equal(dup.fieldErrors['/name']?.[0]?.code, 'duplicate');
    const empty = await rejects(admin.endpoints.create({ name: 'x', description: '' }), ValidationError);
    ok(empty.messagesFor('/description').length > 0, 'a message for /description');
    ok(dup.requestId, 'the request id is readable cross-origin');
  });

  it('throws UnauthorizedError for a bad token, and recovers through getToken', async () => {
    const bad = createIntegrationClient({ baseUrl: env.apiUrl, token: 'not-a-jwt' });
    const e = await rejects(bad.me(), UnauthorizedError);
    equal(e.status, 401);
    ok(!JSON.stringify(e).includes('not-a-jwt'), 'the token is not in the error');
    const asked: boolean[] = [];
    const refreshing = createIntegrationClient({
      baseUrl: env.apiUrl,
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? env.tokens.viewer : 'expired';
      },
    });
    equal((await refreshing.me()).role, 'viewer');
    equal(asked.join(), 'false,true');
  });

  it('cancels a call with its AbortSignal, rejecting with the signal reason', async () => {
    const controller = new AbortController();
    const reason = new DOMException('The user left the page.', 'AbortError');
    const pending = admin.platforms.list({ signal: controller.signal });
    controller.abort(reason);
    const outcome = await pending.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    equal(outcome, reason, 'rejects with the reason');
    ok((await admin.platforms.list()).some((p) => p.id === 'salesforce'), 'the client still works');
  });

  it('refuses a viewer write with ForbiddenError and hides other tenants', async () => {
    const viewer = createIntegrationClient({ baseUrl: env.apiUrl, token: env.tokens.viewer });
    await rejects(viewer.endpoints.create({ name: 'nope', description: 'nope' }), ForbiddenError);
    const mine = await admin.endpoints.create({ name: 'private', description: 'mine' });
    const other = createIntegrationClient({ baseUrl: env.apiUrl, token: env.otherTenant.tokens.admin });
    await rejects(other.endpoints.get(mine.id), NotFoundError);
  });

  it('sends secrets nowhere a redirect points (web-test-runner answers /__mp/redirect/… with a 307)', async () => {
    const landed = async () => ((await (await fetch('/__mp/landed')).json()) as { landed: number }).landed;
    const before = await landed();
    const client = createIntegrationClient({ baseUrl: `${location.origin}/__mp/redirect`, token: env.tokens.admin, retry: { delay: () => 0 } });
    const e = await rejects(client.credentials.set('crm', 'consumerSecret', 'REDIRECTED-SECRET-0123'), IntegrationError);
    ok(/redirect/i.test(e.message), `the error says why: ${e.message}`);
    equal(await landed(), before, 'the body was not sent again where the redirect pointed');
  });
});
