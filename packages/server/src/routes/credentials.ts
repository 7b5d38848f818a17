import { categorySlugs, fieldError, findPlatform, type FieldError, type IntegrationCategory } from '@memberpulse/integration-schema';
import { CredentialValueInputSchema, parseWithPointers } from '@memberpulse/integration-schema/validation';
import { Hono, type Context } from 'hono';
import type { RouteDeps } from '../app.js';
import type { Queryable } from '../db.js';
import type { Env } from '../hono-env.js';
import { readJson, readNoBody } from '../http.js';
import { notFound } from '../problem.js';
import * as store from '../store.js';
import { categoryOf, need, parse } from './request.js';
import { settingsWrite } from './settings-write.js';

const SETTING_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The CRM choices that need the connection (`credentials_required`), as a sentence names them. */
const crmChoiceNames = {
  memberObject: 'member object',
  memberMappings: 'member field mappings',
  eventTagField: 'event tag field',
  courseTagField: 'course tag field',
  orderObject: 'order object',
  orderMappings: 'order field mappings',
} as const;

/** What a CRM choice that needs the connection is called in a sentence: `/crm/memberObject` → "member object". */
const choiceName = (platform: string | null, at: string): string => {
  const [, where, key = ''] = at.split('/');
  if (where === 'config') return findPlatform(platform)?.settings.find((s) => s.key === key)?.label ?? key;
  return crmChoiceNames[key as keyof typeof crmChoiceNames] ?? key;
};

const credentialKey = (c: Context<Env>) => {
  const key = c.req.param('key') ?? '';
  if (!SETTING_KEY.test(key)) throw notFound('No such credential.');
  return key;
};
const toValuePointer = (key: string) => (errors: FieldError[]) =>
  errors.map((e) => (e.pointer === `/credentials/${key}` ? { ...e, pointer: '/value' } : e));

/** The secret's definition and the record; 404 unless the record exists and its platform has a secret of that key. */
async function requireSecretKey(db: Queryable, tenant: string, category: IntegrationCategory, key: string) {
  const s = await store.getSettings(db, tenant, category);
  if (!s) throw notFound(`There are no ${categorySlugs[category]} settings yet.`);
  const def = findPlatform(s.platform);
  const setting = def?.settings.find((x) => x.key === key && x.type === 'secret');
  if (!setting) throw notFound(`${def?.name ?? 'This platform'} has no credential “${key}”.`);
  return { setting, record: s };
}

/** Setting and clearing one secret of a settings record. Mounted at `/v1/settings/:category/credentials`. */
export function credentialRoutes(deps: RouteDeps): Hono<Env> {
  const { db } = deps;
  const app = new Hono<Env>();

  app.put('/:key', async (c) => {
    need(c, 'credentials:write');
    const category = categoryOf(c);
    const key = credentialKey(c);
    const doc = await readJson(c);
    const { setting } = await requireSecretKey(db, c.get('principal').tenant, category, key);
    const body = parse(parseWithPointers(CredentialValueInputSchema, doc, { value: setting.label }));
    return settingsWrite(deps, c, 'merge', { credentials: { [key]: body.value } }, category, toValuePointer(key));
  });

  app.delete('/:key', async (c) => {
    need(c, 'credentials:write');
    const category = categoryOf(c);
    const key = credentialKey(c);
    await readNoBody(c);
    const { setting, record } = await requireSecretKey(db, c.get('principal').tenant, category, key);
    // There is no body to point into: what stops a clear is told once, on the request as a whole (""). Two
    // rules can: an enabled record needs every secret, and a CRM choice (the member object, a mapping, a
    // field named in a setting) needs the connection in a draft too, so saving as a draft alone does not help.
    const whyNotCleared = (errors: FieldError[]) => {
      const stopsClear = (e: FieldError) => e.code === 'credentials_required' || (e.pointer === `/credentials/${key}` && e.code === 'required');
      const stopping = errors.filter(stopsClear);
      if (stopping.length === 0) return errors;
      const needing = stopping.filter((e) => e.code === 'credentials_required');
      const choices = [...new Set(needing.map((e) => choiceName(record.platform, e.pointer)))].join(', ');
      let why = `${setting.label} cannot be cleared while these settings are enabled: replace it instead, or save them as a draft first.`;
      if (choices && record.status === 'enabled') {
        why = `${setting.label} cannot be cleared while these settings are enabled and CRM choices need the connection (${choices}): replace it instead, or save them as a draft without those choices first.`;
      } else if (choices) {
        why = `${setting.label} cannot be cleared while CRM choices need the connection (${choices}): replace it instead, or remove those choices first.`;
      }
      return [fieldError('', 'required', why), ...errors.filter((e) => !stopsClear(e))];
    };
    return settingsWrite(deps, c, 'merge', { credentials: { [key]: null } }, category, whyNotCleared);
  });

  return app;
}
