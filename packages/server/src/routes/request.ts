import { categoryFromSlug, categorySlugs, fieldError, type FieldError, type FieldErrorCode, type IntegrationCategory } from '@memberpulse/integration-schema';
import type { Context } from 'hono';
import { can, type Permission, type Principal } from '../auth.js';
import { header, type Env } from '../hono-env.js';
import { badRequest, forbidden, notFound, unprocessable } from '../problem.js';
import type { WriteContext } from '../settings-service.js';

/** The caller, when its role grants `permission`; 403 otherwise. */
export const need = (c: Context<Env>, permission: Permission): Principal => {
  const p = c.get('principal');
  if (!can(p.role, permission)) throw forbidden(`The ${p.role} role may not do this (needs ${permission}).`);
  return p;
};
export const writeContext = (c: Context<Env>): WriteContext => ({ principal: c.get('principal'), requestId: c.get('requestId'), now: new Date().toISOString() });
export const pre = (c: Context<Env>) => ({ ifMatch: header(c, 'if-match'), ifNoneMatch: header(c, 'if-none-match') });
export const categoryOf = (c: Context<Env>): IntegrationCategory => {
  const category = categoryFromSlug(c.req.param('category') ?? '');
  if (!category) throw notFound(`No such settings category; use ${Object.values(categorySlugs).join(', ')}.`);
  return category;
};
export const parse = <T>(result: { ok: true; value: T } | { ok: false; errors: FieldError[] }): T => {
  if (!result.ok) throw unprocessable(result.errors);
  return result.value;
};

/** A 400 for a bad query parameter: `said` (“must be …”) follows its name, in the detail and in its field error. */
export const badQuery = (name: string, code: FieldErrorCode, said: string) => badRequest(`${name} ${said}`, [fieldError(`/${name}`, code, `“${name}” ${said}`)]);

/** The `limit` query parameter of a list: 1 to 100, 25 when absent. */
export const limitOf = (c: Context<Env>) => {
  const raw = c.req.query('limit');
  if (raw === undefined || raw === '') return 25;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const code = Number.isNaN(n) ? 'invalid_type' : n < 1 ? 'too_small' : n > 100 ? 'too_big' : null;
  if (code) throw badQuery('limit', code, 'must be an integer from 1 to 100.');
  return n;
};
