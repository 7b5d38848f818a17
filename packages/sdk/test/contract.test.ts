// Contract tests: every SDK method against the real server from packages/server (in-memory PGlite),
// with responses checked against the schema (validateResponses is on by default).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  createIntegrationClient,
  type IntegrationClient,
} from '@memberpulse/integrations-sdk';
import { startTestServer, type TestServer } from './support/env.ts';
import { MEMORY_CRM } from './support/memory-crm.ts';
import { rejects } from './support/rejects.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

type Clients = Record<'admin' | 'editor' | 'viewer' | 'auditor', IntegrationClient>;
async function tenantClients(): Promise<Clients> {
  const { tokens } = await server.tenant();
  const make = (token: string) => createIntegrationClient({ baseUrl: server.apiUrl, token, retry: { delay: () => 5 } });
  return { admin: make(tokens.admin), editor: make(tokens.editor), viewer: make(tokens.viewer), auditor: make(tokens.auditor) };
}


describe('identity and catalog', () => {
  it('me() for every role', async () => {
    const c = await tenantClients();
    for (const role of ['admin', 'editor', 'viewer', 'auditor'] as const) {
      const me = await c[role].me();
      assert.equal(me.role, role);
      assert.equal(me.subject.startsWith(role), true);
      assert.ok(Array.isArray(me.permissions));
    }
  });

  it('platforms.list() and fields.list()', async () => {
    const c = await tenantClients();
    const platforms = await c.viewer.platforms.list();
    assert.ok(platforms.some((p) => p.id === 'salesforce' && p.category === 'crm'));
    const fields = await c.viewer.fields.list();
    assert.ok(fields.member.some((f) => f.key === 'email'));
    assert.ok(Array.isArray(fields.order));
  });

  it('a bad token is an UnauthorizedError; getToken recovers from a 401', async () => {
    const { tokens } = await server.tenant();
    await rejects(createIntegrationClient({ baseUrl: server.apiUrl, token: 'not-a-jwt' }).me(), UnauthorizedError);
    const asked: boolean[] = [];
    const c = createIntegrationClient({
      baseUrl: server.apiUrl,
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? tokens.editor : tokens.editor.slice(0, -4) + 'AAAA';
      },
    });
    assert.equal((await c.me()).role, 'editor');
    assert.deepEqual(asked, [false, true]);
  });
});

describe('settings and credentials', () => {
  it('get → 404, saveDraft creates, get/list read back with ETags', async () => {
    const { admin } = await tenantClients();
    const missing = await rejects(admin.settings.get('crm'), NotFoundError);
    assert.equal(missing.status, 404);
    assert.ok(missing.requestId);
    const created = await admin.settings.saveDraft('crm', { platform: 'salesforce', config: { environment: 'sandbox' } });
    assert.equal(created.status, 'draft');
    assert.equal(created.platform, 'salesforce');
    assert.equal(admin.settings.etag('crm'), `"${created.version}"`);
    const read = await admin.settings.get('crm');
    assert.equal(read.config.environment, 'sandbox');
    const list = await admin.settings.list();
    assert.deepEqual(
      list.map((s) => s.category),
      ['crm'],
    );
    const pay = await admin.settings.saveDraft('paymentGateway', { platform: 'stripe' });
    assert.equal(pay.category, 'paymentGateway');
    assert.equal((await admin.settings.get('paymentGateway')).platform, 'stripe');
  });

  it('patch and replace send If-Match; a stale one is a ConflictError with the current ETag', async () => {
    const { admin, editor } = await tenantClients();
    await admin.settings.saveDraft('crm', { platform: 'salesforce' });
    const mine = await admin.settings.get('crm');
    // someone else changes the record meanwhile
    await editor.settings.patch('crm', { config: { environment: 'sandbox' } }, { ifMatch: false });
    const stale = await rejects(admin.settings.patch('crm', { config: { autoSync: true } }), ConflictError);
    assert.equal(stale.status, 412);
    assert.equal(stale.reason, 'stale');
    assert.equal(stale.currentEtag, `"${mine.version + 1}"`);
    assert.equal((await admin.settings.get('crm')).config.autoSync, undefined, 'nothing changed');
    const merged = await admin.settings.patch('crm', { config: { autoSync: true } });
    assert.equal(merged.config.autoSync, true);
    assert.equal(merged.config.environment, 'sandbox', 'PATCH merges');
    const replaced = await admin.settings.replace('crm', { platform: 'salesforce', status: 'draft', config: { environment: 'production' } });
    assert.equal(replaced.config.autoSync, undefined, 'PUT replaces config');
    const explicit = await rejects(admin.settings.patch('crm', {}, { ifMatch: '"1"' }), ConflictError);
    assert.equal(explicit.currentEtag, `"${replaced.version}"`);
  });

  it('list() remembers every record\'s ETag, so the next update is conditional', async () => {
    const { admin, editor } = await tenantClients();
    await admin.settings.saveDraft('crm', { platform: 'salesforce' });
    await editor.settings.list();
    await admin.settings.patch('crm', { config: { environment: 'sandbox' } });
    const stale = await rejects(editor.settings.patch('crm', { config: { autoSync: true } }), ConflictError);
    assert.equal(stale.reason, 'stale');
    await editor.settings.list();
    assert.equal((await editor.settings.patch('crm', { config: { autoSync: true } })).config.autoSync, true);
  });

  it('a record read as missing is only created if it is still missing: someone else\'s first save is a ConflictError, not overwritten', async () => {
    const { admin, editor } = await tenantClients();
    await admin.settings.list(); // no accounting record yet
    await rejects(editor.settings.get('accounting'), NotFoundError); // nor for the editor
    await admin.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'admin-first' } });
    const late = await rejects(editor.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'editor-second' } }), ConflictError);
    assert.equal(late.reason, 'stale');
    assert.equal(late.currentEtag, '"1"');
    assert.equal((await admin.settings.get('accounting')).config.clientId, 'admin-first', 'the first save stands');
    await editor.settings.get('accounting');
    assert.equal((await editor.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'editor-second' } })).config.clientId, 'editor-second', 'after reading it, the editor saves over it knowingly');
    const { admin: fresh } = await tenantClients();
    await fresh.settings.list();
    assert.equal((await fresh.settings.saveDraft('paymentGateway', { platform: 'stripe' })).platform, 'stripe', 'still missing: the first save creates it');
  });

  it('validate runs the rules without saving; enable demands everything', async () => {
    const { admin } = await tenantClients();
    await admin.settings.saveDraft('crm', { platform: 'salesforce' });
    const draft = await admin.settings.validate('crm', { platform: 'salesforce' }, { mode: 'draft' });
    assert.deepEqual(draft.errors, []);
    const enable = await admin.settings.validate('crm', { platform: 'salesforce', config: {} }, { mode: 'enable' });
    assert.ok(enable.errors.length > 0, 'enable rules find missing settings');
    assert.ok(enable.errors.every((e) => e.pointer.startsWith('/')));
    const err = await rejects(admin.settings.enable('crm'), ValidationError);
    assert.equal(err.status, 422);
    assert.ok(err.errors.length > 0);
    assert.ok(Object.keys(err.fieldErrors).length > 0);
    const p = err.errors[0]!.pointer;
    assert.ok(err.messagesFor(p).length > 0);
    const notSaved = await admin.settings.get('crm');
    assert.equal(notSaved.status, 'draft');
    const full = await rejects(admin.settings.enable('crm', { platform: 'salesforce', config: {} }), ValidationError);
    assert.ok(full.errors.length > 0);
  });

  it('validate resolves with every field error, text the server cannot store included; it never rejects for what the document says', async () => {
    const { admin } = await tenantClients();
    const unknown = await admin.settings.validate('crm', { platform: 'salesforce', bogus: 1 } as never);
    assert.deepEqual(unknown.errors.map((e) => [e.pointer, e.code]), [['/bogus', 'unknown_field']]);
    const nul = await admin.settings.validate('crm', { platform: 'salesforce', config: { consumerKey: 'a\u0000b' } });
    assert.ok(nul.errors.some((e) => e.pointer === '/config/consumerKey' && e.code === 'invalid_format'), JSON.stringify(nul));
  });

  it('enable: flips a complete draft (PATCH) or saves the whole form as enabled (PUT)', async () => {
    const { admin, auditor } = await tenantClients();
    const secret = 'xero-client-secret-7788';
    const draft = await admin.settings.saveDraft('accounting', { platform: 'xero', config: { clientId: 'xero-app' }, credentials: { clientSecret: secret } });
    assert.equal(draft.status, 'draft');
    const flipped = await admin.settings.enable('accounting');
    assert.equal(flipped.status, 'enabled');
    assert.equal(flipped.version, draft.version + 1);
    assert.equal(flipped.credentials.clientSecret?.configured, true, 'enabling keeps the stored secret');
    const other = await tenantClients();
    const whole = await other.admin.settings.enable('accounting', { platform: 'xero', config: { clientId: 'xero-app' }, credentials: { clientSecret: secret } });
    assert.equal(whole.status, 'enabled');
    assert.equal(whole.version, 1);
    assert.equal((await auditor.audit.list({ action: 'settings.enable' })).total, 1);
  });

  it('archive and restore; archived records reject writes on /status', async () => {
    const { admin } = await tenantClients();
    await admin.settings.saveDraft('accounting', { platform: 'xero' });
    const archived = await admin.settings.archive('accounting');
    assert.equal(archived.status, 'archived');
    const refused = await rejects(admin.settings.patch('accounting', { config: {} }), ValidationError);
    assert.ok(refused.messagesFor('/status').length > 0, JSON.stringify(refused.errors));
    const restored = await admin.settings.restore('accounting');
    assert.equal(restored.status, 'draft');
  });

  it('credentials: set, replace and clear one secret; the secret never comes back', async () => {
    const { admin, auditor } = await tenantClients();
    await admin.settings.saveDraft('crm', { platform: 'salesforce', config: { authMode: 'connectedApp', consumerKey: 'ck' } });
    const secret = 'first-secret-value-9876';
    const set = await admin.credentials.set('crm', 'consumerSecret', secret);
    assert.equal(set.credentials.consumerSecret?.configured, true);
    assert.equal(set.credentials.consumerSecret?.hint, '9876');
    assert.ok(!JSON.stringify(set).includes(secret));
    const replaced = await admin.credentials.replace('crm', 'consumerSecret', 'second-secret-value-5432');
    assert.equal(replaced.credentials.consumerSecret?.hint, '5432');
    assert.equal(replaced.version, set.version + 1);
    const cleared = await admin.credentials.clear('crm', 'consumerSecret');
    assert.equal(cleared.credentials.consumerSecret?.configured ?? false, false);
    await rejects(admin.credentials.set('crm', 'noSuchSecret', 'x'), NotFoundError);
    const actions = (await auditor.audit.list({ limit: 100 })).items.map((e) => e.action);
    assert.equal(actions.filter((a) => a === 'credential.write').length, 2);
    assert.equal(actions.filter((a) => a === 'credential.clear').length, 1);
  });

  it('a JavaScript caller’s value of the wrong type gets the server’s field error, and a missing form erases nothing', async () => {
    const { admin } = await tenantClients();
    await admin.settings.saveDraft('crm', { platform: 'salesforce', config: { authMode: 'connectedApp', consumerKey: 'ck' }, credentials: { consumerSecret: 'kept-secret-1234' } });
    for (const value of [1234567, true, { a: 1 }, null]) {
      const e = await rejects(admin.credentials.set('crm', 'consumerSecret', value as never), ValidationError);
      assert.deepEqual(e.messagesFor('/value'), ['Consumer Secret must be text.'], JSON.stringify(value));
    }
    for (const input of [undefined, null, [], 42]) {
      await assert.rejects(admin.settings.saveDraft('crm', input as never), (e: unknown) => e instanceof ValidationError && e.status === 400, JSON.stringify(input));
    }
    const stored = await admin.settings.get('crm');
    assert.deepEqual([stored.platform, stored.config.consumerKey, stored.credentials.consumerSecret?.hint], ['salesforce', 'ck', '1234'], 'the record as it was');
  });

  it('roles: a viewer reads but may not write; other tenants see nothing', async () => {
    const c = await tenantClients();
    await c.admin.settings.saveDraft('crm', { platform: 'salesforce' });
    assert.equal((await c.viewer.settings.get('crm')).platform, 'salesforce');
    await rejects(c.viewer.settings.patch('crm', { config: {} }), ForbiddenError);
    await rejects(c.viewer.credentials.set('crm', 'consumerSecret', 'abcdef'), ForbiddenError);
    await rejects(c.editor.credentials.set('crm', 'consumerSecret', 'abcdef'), ForbiddenError);
    const other = await tenantClients();
    await rejects(other.admin.settings.get('crm'), NotFoundError);
  });
});

describe('endpoints', () => {
  it('create, get, updateDescription, delete', async () => {
    const { admin } = await tenantClients();
    const e = await admin.endpoints.create({ name: 'orders', description: 'Order sync' });
    assert.equal(e.name, 'orders');
    assert.ok(admin.endpoints.etag(e.id));
    assert.equal((await admin.endpoints.get(e.id)).description, 'Order sync');
    const u = await admin.endpoints.updateDescription(e.id, 'Orders and refunds');
    assert.equal(u.description, 'Orders and refunds');
    await admin.endpoints.delete(e.id);
    await rejects(admin.endpoints.get(e.id), NotFoundError);
    await rejects(admin.endpoints.delete(e.id, { ifMatch: false }), NotFoundError);
  });

  it('field errors: duplicate and empty values, by pointer', async () => {
    const { admin } = await tenantClients();
    await admin.endpoints.create({ name: 'members', description: 'x' });
    const dup = await rejects(admin.endpoints.create({ name: 'members', description: 'y' }), ValidationError);
    assert.equal(dup.fieldErrors['/name']?.[0]?.code, 'duplicate');
    const empty = await rejects(admin.endpoints.create({ name: '', description: '' }), ValidationError);
    assert.ok(empty.messagesFor('/name').length > 0);
    assert.ok(empty.messagesFor('/description').length > 0);
  });

  it('a stale If-Match on update and delete is a ConflictError', async () => {
    const { admin, editor } = await tenantClients();
    const e = await admin.endpoints.create({ name: 'race', description: 'v1' });
    await editor.endpoints.updateDescription(e.id, 'v2 by someone else', { ifMatch: false });
    const c1 = await rejects(admin.endpoints.updateDescription(e.id, 'v2 by me'), ConflictError);
    assert.equal(c1.currentEtag, '"2"');
    await rejects(admin.endpoints.delete(e.id), ConflictError);
    await admin.endpoints.get(e.id);
    await admin.endpoints.delete(e.id);
  });

  it('list pages with cursors, sorted; the iterators walk every page', async () => {
    const { admin, viewer } = await tenantClients();
    const names = ['e', 'a', 'd', 'b', 'c'];
    for (const name of names) await admin.endpoints.create({ name, description: name });
    const first = await viewer.endpoints.list({ limit: 2, sort: 'name' });
    assert.equal(first.total, 5);
    assert.deepEqual(
      first.items.map((e) => e.name),
      ['a', 'b'],
    );
    assert.ok(first.nextCursor);
    const pages: string[][] = [];
    for await (const page of viewer.endpoints.pages({ limit: 2, sort: '-name' })) pages.push(page.items.map((e) => e.name));
    assert.deepEqual(pages, [['e', 'd'], ['c', 'b'], ['a']]);
    const all: string[] = [];
    for await (const e of viewer.endpoints.all({ limit: 3 })) all.push(e.name);
    assert.deepEqual(all, ['a', 'b', 'c', 'd', 'e']);
  });

  it('list and pages search by part of a name; every page keeps the search', async () => {
    const { admin, viewer } = await tenantClients();
    for (const name of ['Orders feed', 'Members', 'Back ORDERS', 'Order archive']) await admin.endpoints.create({ name, description: name });
    const first = await viewer.endpoints.list({ q: 'order', sort: 'name', limit: 1 });
    assert.deepEqual([first.total, first.items.map((e) => e.name)], [3, ['Back ORDERS']]);
    const pages: string[][] = [];
    for await (const page of viewer.endpoints.pages({ q: 'Order', sort: 'name', limit: 2 })) pages.push(page.items.map((e) => e.name));
    assert.deepEqual(pages, [['Back ORDERS', 'Order archive'], ['Orders feed']]);
    const tooLong = await rejects(viewer.endpoints.list({ q: 'o'.repeat(81) }), ValidationError);
    assert.deepEqual(tooLong.errors.map((e) => `${e.pointer} ${e.code}`), ['/q too_long']);
  });

  it('an explicit idempotency key is applied once and replayed; reused for another body it conflicts', async () => {
    const { admin } = await tenantClients();
    const key = 'contract-key-1';
    const a = await admin.endpoints.create({ name: 'once', description: 'd' }, { idempotencyKey: key });
    const b = await admin.endpoints.create({ name: 'once', description: 'd' }, { idempotencyKey: key });
    assert.equal(b.id, a.id);
    assert.equal((await admin.endpoints.list()).total, 1);
    const r = await admin.transport.request({ method: 'POST', path: 'endpoints', body: { name: 'once', description: 'd' }, options: { idempotencyKey: key } });
    assert.equal(r.replayed, true);
    const c = await rejects(admin.endpoints.create({ name: 'other', description: 'd' }, { idempotencyKey: key }), ConflictError);
    assert.equal(c.status, 409);
    assert.equal(c.reason, 'conflict');
  });
});

describe('audit', () => {
  it('paged list with filters and iterators; viewers are refused', async () => {
    const c = await tenantClients();
    const start = new Date(Date.now() - 60_000);
    for (const name of ['x1', 'x2', 'x3']) await c.admin.endpoints.create({ name, description: name });
    const page = await c.auditor.audit.list({ action: 'endpoint.create', from: start, limit: 2 });
    assert.equal(page.items.length, 2);
    assert.ok(page.items.every((e) => e.action === 'endpoint.create'));
    const named: string[] = [];
    for await (const e of c.admin.audit.all({ action: 'endpoint.create', limit: 1 })) {
      assert.equal(e.target.startsWith('endpoint/'), true);
      named.push(e.targetName!);
    }
    assert.deepEqual(named, ['x3', 'x2', 'x1'], 'newest first, each endpoint by its name');
    const sizes: number[] = [];
    for await (const p of c.auditor.audit.pages({ action: 'endpoint.create', limit: 2 })) sizes.push(p.items.length);
    assert.deepEqual(sizes, [2, 1]);
    await rejects(c.viewer.audit.list(), ForbiddenError);
    // An empty date picker's Date: the call rejects with the server's words on the parameter, not a throw.
    const invalid = c.auditor.audit.list({ from: new Date('') });
    assert.ok(invalid instanceof Promise);
    const e = await rejects(invalid, ValidationError);
    assert.deepEqual(Object.keys(e.fieldErrors), ['/from']);
  });
});

describe('CRM discovery', () => {
  const connectedApp = { environment: 'production', authMode: 'connectedApp', consumerKey: MEMORY_CRM.consumerKey };

  it('testConnection with unsaved values stores nothing; rejected credentials are a ValidationError without the secret', async () => {
    const { admin, editor, auditor } = await tenantClients();
    await admin.settings.saveDraft('crm', { platform: 'salesforce', config: connectedApp });
    const unsaved = await admin.crm.testConnection({ credentials: { consumerSecret: MEMORY_CRM.consumerSecret } });
    assert.equal(unsaved.ok, true);
    assert.match(unsaved.message, /Connected/);
    assert.equal((await admin.settings.get('crm')).credentials.consumerSecret?.configured ?? false, false);
    const wrongSecret = 'wrong-secret-0000';
    const wrong = await rejects(admin.crm.testConnection({ credentials: { consumerSecret: wrongSecret } }), ValidationError);
    assert.ok(wrong.messagesFor('/credentials', { nested: true }).length > 0, JSON.stringify(wrong.errors));
    assert.ok(!JSON.stringify(wrong).includes(wrongSecret) && !wrong.message.includes(wrongSecret));
    await rejects(editor.crm.testConnection({ credentials: { consumerSecret: MEMORY_CRM.consumerSecret } }), ForbiddenError);
    assert.equal((await auditor.audit.list({ action: 'credential.decrypt' })).total, 0, 'unsaved secrets are never decrypted');
  });

  it('with saved credentials: testConnection, objects (cached until refresh), fields, apiUsage; decrypts are audited', async () => {
    const { admin, editor, auditor } = await tenantClients();
    await admin.settings.saveDraft('crm', { platform: 'salesforce', config: connectedApp });
    await rejects(admin.crm.objects(), ValidationError);
    await admin.credentials.set('crm', 'consumerSecret', MEMORY_CRM.consumerSecret);
    assert.equal((await admin.crm.testConnection()).ok, true);
    const objects = await editor.crm.objects();
    assert.ok(objects.some((o) => o.name === 'Contact' && !o.custom));
    assert.ok(objects.some((o) => o.name === 'Member__c' && o.custom));
    const calls = server.gateway.calls;
    await editor.crm.objects();
    assert.equal(server.gateway.calls, calls, 'served from the describe cache');
    await editor.crm.objects({ refresh: true });
    assert.equal(server.gateway.calls, calls + 1, 'refresh asks the platform');
    const fields = await editor.crm.fields('Contact');
    assert.equal(fields.find((f) => f.name === 'Email')?.type, 'email');
    await rejects(editor.crm.fields('NoSuchObject'), NotFoundError);
    const usage = await editor.crm.apiUsage();
    assert.deepEqual(usage, { used: 120, limit: 15000, allotment: null });
    await admin.settings.patch('crm', { config: { dailyApiAllotment: 5000 } });
    assert.equal((await editor.crm.apiUsage()).allotment, 5000);
    const decrypts = (await auditor.audit.list({ action: 'credential.decrypt', limit: 100 })).items;
    assert.deepEqual([...new Set(decrypts.map((e) => e.purpose))].sort(), ['api-usage', 'discovery', 'test-connection']);
  });

  it('discovery without settings is a NotFoundError; a viewer may not discover', async () => {
    const { admin, viewer } = await tenantClients();
    await rejects(admin.crm.objects(), NotFoundError);
    await rejects(admin.crm.apiUsage(), NotFoundError);
    await rejects(viewer.crm.objects(), ForbiddenError);
  });
});
