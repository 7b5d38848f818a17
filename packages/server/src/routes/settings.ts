import { findPlatform, type IntegrationCategory, type IntegrationSettingsInput, type ValidationResult } from '@memberpulse/integration-schema';
import { IntegrationSettingsInputSchema, parseWithPointers } from '@memberpulse/integration-schema/validation';
import { Hono, type Context } from 'hono';
import type { RouteDeps } from '../app.js';
import { can } from '../auth.js';
import { notModified, settingsEtag } from '../etag.js';
import { header, type Env } from '../hono-env.js';
import { readJson, readJsonDocument, readNoBody } from '../http.js';
import { listed, notFound } from '../problem.js';
import { setArchived, validateDocument } from '../settings-service.js';
import { withSettingLabels } from '../setting-values.js';
import * as store from '../store.js';
import { describeFirst, recomputeDrift } from './crm-describes.js';
import { badQuery, categoryOf, need, parse, pre, writeContext } from './request.js';
import { runWrite } from './run-write.js';
import { settingsWrite } from './settings-write.js';

/** The integration settings records: read, write, check, archive and restore. Mounted at `/v1/settings`. */
export function settingsRoutes(deps: RouteDeps): Hono<Env> {
  const { db, reads, gateway } = deps;
  const app = new Hono<Env>();

  app.get('/', async (c) => {
    const p = need(c, 'settings:read');
    const list = await reads.read(p.tenant, '*', async () => ({
      body: JSON.stringify({ items: (await store.listSettings(db, p.tenant)).map(store.settingsView) }),
    }));
    return c.body(list!.body, 200, { 'Content-Type': 'application/json' });
  });

  app.get('/:category', async (c) => {
    const p = need(c, 'settings:read');
    const category = categoryOf(c);
    const s = await reads.read(p.tenant, category, async () => {
      const stored = await store.getSettings(db, p.tenant, category);
      return stored && { etag: settingsEtag(stored), body: JSON.stringify(store.settingsView(stored)) };
    });
    if (!s) throw notFound(`There are no ${c.req.param('category')} settings yet.`);
    const tag = s.etag!;
    if (notModified(header(c, 'if-none-match') ?? '', tag)) return c.body(null, 304, { ETag: tag });
    return c.body(s.body, 200, { 'Content-Type': 'application/json', ETag: tag });
  });

  /**
   * A settings document parsed, its settings' type errors worded with their labels: by the platform it names,
   * else (a PATCH) by the stored record's, read only then.
   */
  const parseInput = async (tenant: string, category: IntegrationCategory, doc: unknown) => {
    const parsed = parseWithPointers(IntegrationSettingsInputSchema, doc);
    if (parsed.ok) return parsed;
    const { platform } = (doc ?? {}) as { platform?: unknown };
    const named = typeof platform === 'string' ? platform : (await store.getSettings(db, tenant, category))?.platform;
    return { ok: false as const, errors: withSettingLabels(parsed.errors, findPlatform(named ?? null), doc) };
  };

  const writeRoute = (mode: 'replace' | 'merge') => async (c: Context<Env>) => {
    const p = need(c, 'settings:write');
    const category = categoryOf(c);
    const input = parse(await parseInput(p.tenant, category, await readJson(c)));
    return settingsWrite(deps, c, mode, input as IntegrationSettingsInput, category);
  };
  app.put('/:category', writeRoute('replace'));
  app.patch('/:category', writeRoute('merge'));

  app.post('/:category/validate', async (c) => {
    const p = need(c, 'settings:write');
    const category = categoryOf(c);
    const mode = c.req.query('mode') ?? 'draft';
    if (mode !== 'draft' && mode !== 'enable') throw badQuery('mode', 'invalid_option', 'must be one of: draft, enable.');
    // Every error about what the document says is a field error of the answer, those no route can store
    // (a `__proto__` key, a NUL character) too; only a body that is no JSON object at all is a problem.
    const { doc, contentErrors } = (await readJsonDocument(c))!;
    const parsed = await parseInput(p.tenant, category, doc);
    let answer: ValidationResult = { errors: parsed.ok ? [] : parsed.errors, warnings: [] };
    if (parsed.ok) {
      const input = parsed.value as IntegrationSettingsInput;
      const current = await store.getSettings(db, p.tenant, category);
      const { undescribed, ...verdict } = validateDocument(category, current, input, mode, deps, p.tenant, gateway ? { mayWriteSecrets: can(p.role, 'credentials:write') } : undefined);
      answer = verdict;
      if (undescribed) {
        // Checked for enabling as the write would be: against the describes of the objects it names.
        const missingObjects = await describeFirst(deps, c, undescribed);
        await recomputeDrift(deps, p.tenant);
        const again = validateDocument(category, current, input, mode, deps, p.tenant);
        answer = { ...again, errors: [...missingObjects, ...again.errors] };
      }
    }
    const errors = [...contentErrors, ...answer.errors.filter((e) => !contentErrors.some((x) => x.pointer === e.pointer && x.code === e.code))];
    return c.json({ errors: listed(errors), warnings: listed(answer.warnings) });
  });

  const archiveRoute = (archive: boolean) => async (c: Context<Env>) => {
    need(c, 'settings:write');
    const category = categoryOf(c);
    await readNoBody(c);
    return runWrite(deps, c, async (tx) => {
      const { stored: s, changed } = await setArchived(tx, writeContext(c), category, archive, pre(c));
      // Discovery refuses an archived record; what it described before is not answered from the cache either.
      return { status: 200, body: store.settingsView(s), headers: { ETag: settingsEtag(s) }, dropDescribes: changed && archive && category === 'crm' };
    });
  };
  app.post('/:category/archive', archiveRoute(true));
  app.post('/:category/restore', archiveRoute(false));

  return app;
}
