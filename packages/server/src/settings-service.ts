import {
  categorySlugs,
  changedConnectionSettings,
  detectDrift,
  emptyCrmMapping,
  fieldError,
  findPlatform,
  parsePointer,
  pointer,
  validateCredentialInput,
  validateSettings,
  type AuditAction,
  type ConfigValue,
  type CrmFieldDescriptor,
  type CrmMapping,
  type DriftItem,
  type FieldError,
  type FieldErrorCode,
  type FieldMapping,
  type IntegrationCategory,
  type IntegrationSettingsInput,
  type Role,
  type SettingDefinition,
  type SettingsState,
  type ValidationResult,
} from '@memberpulse/integration-schema';
import { intouchListErrors, invisibleCharacterErrors, listValueErrors, salesforceTagErrors, selfHostedConnectionErrors, settingFieldErrors, stripeModeChangeErrors } from '@memberpulse/integration-schema/validation';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { can, type Principal } from './auth.js';
import { encryptField, secretHint } from './crypto.js';
import type { Queryable } from './db.js';
import type { DescribeCache } from './discovery.js';
import { checkPreconditions, settingsEtag, type Preconditions } from './etag.js';
import type { TenantKeys } from './keys.js';
import { ProblemError, forbidden, notFound, unprocessable } from './problem.js';
import * as store from './store.js';

/** Who writes, when, under which request id. */
export interface WriteContext {
  principal: Principal;
  requestId: string;
  now: string;
}

/**
 * Appends the audit record of a request's `action` on `target` (a write, or a decrypt with its `purpose`; an
 * endpoint with its `targetName`): by its principal, under its request id, at its time.
 */
export const auditWrite = (
  tx: Queryable,
  ctx: WriteContext,
  action: AuditAction,
  target: string,
  about: { purpose?: string; targetName?: string } = {},
) => store.appendAudit(tx, ctx.principal.tenant, { actor: ctx.principal.sub, action, target, ...about, requestId: ctx.requestId, at: ctx.now });

/** The audit target of a settings record, or of its secret `key`. */
export const settingsTarget = (category: IntegrationCategory, key?: string) =>
  key ? `settings/${categorySlugs[category]}/credentials/${key}` : `settings/${categorySlugs[category]}`;

/** The record as it would stand after a write, before anything is stored. */
interface Plan {
  current: store.StoredSettings | null;
  platform: string | null;
  status: 'draft' | 'enabled';
  config: Record<string, ConfigValue>;
  crm: CrmMapping | null;
  platformChanged: boolean;
  /** Settings that guard the record's secrets and change with this write (the platform staying). */
  changedConnection: SettingDefinition[];
  /** The write changes the platform or a connection setting: the cached describes are of another org. */
  orgChanged: boolean;
  /** The cached describes the write was judged with (none after a change of connection). */
  memberFields: CrmFieldDescriptor[] | undefined;
  /** The CRM choices the write leaves as stored, when the record had some and stays with its org. */
  kept: KeptChoices | undefined;
  orderFields: CrmFieldDescriptor[] | undefined;
  /** Secret keys configured after the write. */
  secrets: Set<string>;
  setSecrets: Map<string, string>;
  clearSecrets: Set<string>;
  errors: FieldError[];
  warnings: FieldError[];
}

/** The setting an error's pointer is in: `/config/clubIds` for `/config/clubIds/3`. */
const settingOf = (at: string) => pointer(...parsePointer(at).slice(0, 2));

function stripNulls(config: Record<string, ConfigValue | null> | undefined): Record<string, ConfigValue> {
  const out: Record<string, ConfigValue> = {};
  for (const [k, v] of Object.entries(config ?? {})) if (v !== null) out[k] = v;
  return out;
}

/**
 * Computes what a PUT (`replace`) or PATCH (`merge`) would store and judges it with the schema package's
 * rules (`validateCredentialInput`, `validateSettings` in draft or enable mode). Nothing is written.
 */
function planWrite(
  category: IntegrationCategory,
  current: store.StoredSettings | null,
  mode: 'replace' | 'merge',
  input: IntegrationSettingsInput,
  deps: PlanDeps,
  tenant: string,
  validateAs?: 'draft' | 'enable',
): Plan {
  const { cache } = deps;
  const errors: FieldError[] = [];
  const merge = mode === 'merge' && current !== null;
  const platform = input.platform !== undefined ? input.platform : merge ? current.platform : null;
  const platformChanged = current !== null && current.platform !== platform;

  let config: Record<string, ConfigValue>;
  if (merge && !platformChanged) {
    config = { ...current.config };
    for (const [k, v] of Object.entries(input.config ?? {})) {
      if (v === null) delete config[k];
      else config[k] = v;
    }
  } else {
    config = stripNulls(input.config);
  }

  let crm: CrmMapping | null = null;
  if (category === 'crm') {
    const base = merge && !platformChanged && current.crm ? current.crm : emptyCrmMapping();
    crm = { ...base, ...(input.crm ?? {}) } as CrmMapping;
  } else if (input.crm !== undefined) {
    errors.push(fieldError('/crm', 'unknown_field', 'Only CRM settings have field mappings.'));
  }

  const status: 'draft' | 'enabled' =
    input.status ?? (merge && current.status === 'enabled' ? 'enabled' : 'draft');

  const secrets = new Set(platformChanged || !current ? [] : current.credentials.keys());
  const def = findPlatform(platform);
  if (def && current && !platformChanged) {
    errors.push(...stripeModeChangeErrors(def, current.config.mode, config.mode, secrets, new Set(Object.keys(input.credentials ?? {}))));
  }
  const setSecrets = new Map<string, string>();
  const clearSecrets = new Set<string>();
  if (input.credentials && Object.keys(input.credentials).length) {
    if (!def) {
      for (const key of Object.keys(input.credentials)) {
        errors.push(fieldError(pointer('credentials', key), 'unknown_field', 'Choose a platform before entering its credentials.'));
      }
    } else {
      errors.push(...validateCredentialInput(def, input.credentials, config));
    }
    for (const [key, value] of Object.entries(input.credentials)) {
      if (value === null) {
        if (secrets.delete(key)) clearSecrets.add(key);
      } else {
        secrets.add(key);
        setSecrets.set(key, value);
      }
    }
  }

  const invisible = def ? invisibleCharacterErrors(def, config, input.credentials) : [];
  errors.push(...invisible, ...(def ? intouchListErrors(def, config) : []));
  if (platform === null) {
    for (const key of Object.keys(config)) errors.push(fieldError(pointer('config', key), 'unknown_field', 'Choose a platform before entering its settings.'));
  }

  const changedConnection = current && !platformChanged && def ? changedConnectionSettings(def, current.config, config) : [];
  const orgChanged = platformChanged || changedConnection.length > 0;
  const state: SettingsState = { category, platform, config, configuredSecrets: secrets, crm };
  // The cache describes the org of the stored connection: a write that points elsewhere is judged without it.
  const stamp = store.describeStamp(current);
  const memberFields = crm && !orgChanged ? cache.fields(tenant, crm.memberObject, stamp) : undefined;
  const orderFields = crm && !orgChanged ? cache.fields(tenant, crm.orderObject, stamp) : undefined;
  const rules = validateAs ?? (status === 'enabled' ? 'enable' : 'draft');
  const result = validateSettings(state, rules, { memberFields, orderFields, allowLoopback: deps.allowLoopback });
  if (def && rules === 'enable') errors.push(...selfHostedConnectionErrors(def, config, secrets));
  if (crm && def?.id === 'salesforce') errors.push(...salesforceTagErrors(crm, judgedTagObject(current, crm, rules, orgChanged) ? cache.fields(tenant, crm.tagObject, stamp) : undefined));
  let warnings = result.warnings;
  const kept = crm && current?.crm && !orgChanged ? keptCrmChoices(def, current, config, crm) : undefined;
  // Enabling runs every rule in full: a record must not start syncing onto fields the CRM no longer has.
  const enabling = rules === 'enable' && current?.status !== 'enabled';
  if (def) {
    // A field made read-only in the CRM since it was chosen stops no unrelated save, as a drifted mapping row does not.
    const spared = (e: FieldError) => e.code === 'not_writable' && !enabling && !!kept?.has(e.pointer);
    errors.push(...settingFieldErrors(def, config, memberFields).filter((e) => !spared(e)));
  }
  // Only an error on a kept choice can be spared: the rules run again, without the describes, only then.
  if (kept && !enabling && (memberFields || orderFields) && result.errors.some((e) => kept.has(e.pointer))) {
    const judged = sparingKeptChoices(state, rules, result, deps.allowLoopback, kept);
    errors.push(...judged.errors);
    warnings = judged.warnings;
  } else {
    errors.push(...result.errors);
  }
  // Each bad list value on its own line, in place of the main rules' one per list.
  const valueErrors = def ? listValueErrors(def, config) : [];
  const itemized = new Set(valueErrors.map((e) => settingOf(e.pointer)));
  const perList = new Set<FieldErrorCode>(['invalid_format', 'too_long', 'duplicate']);
  // An invisible character is the one thing to fix in its value: the format rule it breaks is not said as well.
  const cleaned = new Set(invisible.flatMap((e) => [e.pointer, settingOf(e.pointer)]));
  const superseded = (e: FieldError) =>
    !invisible.includes(e) && ((e.code === 'invalid_format' && cleaned.has(e.pointer)) || (!valueErrors.includes(e) && perList.has(e.code) && itemized.has(e.pointer)));
  const said = [...errors, ...valueErrors].filter((e) => !superseded(e));
  return { current, platform, status, config, crm, platformChanged, changedConnection, orgChanged, secrets, setSecrets, clearSecrets, errors: said, warnings, memberFields, orderFields, kept };
}

/**
 * Whether a write's related tag object is judged against its describe: when enabling, or when the write
 * changes the object, the member object or where tags go. One kept as stored is not, as a drifted mapping
 * row is not: a field removed in the CRM does not stop an unrelated save.
 */
function judgedTagObject(current: store.StoredSettings | null, crm: CrmMapping, rules: 'draft' | 'enable', orgChanged: boolean): boolean {
  const before = current?.crm;
  if (orgChanged || crm.tagDestination !== 'relatedObject') return false;
  const kept = !!before && before.tagDestination === crm.tagDestination && before.tagObject === crm.tagObject && before.memberObject === crm.memberObject;
  return (rules === 'enable' && current?.status !== 'enabled') || !kept;
}

/**
 * The CRM choices of a write's result that it leaves as the stored record holds them. A mapping row is kept
 * when the stored list of the same object holds a row with its source, target and policy, wherever it now
 * stands; a tag field when it, the member object and the tag destination are unchanged (and, for what the
 * event tag field must accept, whether a course tag field is set); a setting that names a member-object field
 * when its value (or default) and the member object are unchanged.
 */
interface KeptChoices {
  /** Whether the choice a pointer of the new state names (`/crm/memberMappings/3/target`) is kept. */
  has(pointer: string): boolean;
  /** Where a stored drift item's choice stands after the write, or null when the write changed it. */
  moved(pointer: string): string | null;
}

function keptCrmChoices(
  def: ReturnType<typeof findPlatform>,
  current: store.StoredSettings,
  config: Record<string, ConfigValue>,
  crm: CrmMapping,
): KeptChoices {
  const before = current.crm ?? emptyCrmMapping();
  const sameMember = before.memberObject === crm.memberObject;
  const rows = {
    memberMappings: rowMoves(before.memberMappings, crm.memberMappings, sameMember),
    orderMappings: rowMoves(before.orderMappings, crm.orderMappings, before.orderObject === crm.orderObject),
  };
  const tagKept = (key: 'eventTagField' | 'courseTagField') => sameMember && before.tagDestination === crm.tagDestination && before[key] === crm[key];
  const crmFieldSettings = new Set((def?.settings ?? []).filter((x) => x.crmFieldTypes).map((x) => x.key));
  const effective = (values: Record<string, ConfigValue>, key: string) => values[key] ?? def?.settings.find((x) => x.key === key)?.default;
  const parse = (at: string) => /^\/(crm|config)\/([A-Za-z]+)(?:\/(\d+)\/target)?$/.exec(at);
  return {
    has(at) {
      const m = parse(at);
      if (!m) return false;
      const [, where, key, row] = m;
      if (where === 'config') return row === undefined && sameMember && crmFieldSettings.has(key!) && effective(current.config, key!) === effective(config, key!);
      if (row !== undefined) return (key === 'memberMappings' || key === 'orderMappings') && [...rows[key].values()].includes(Number(row));
      if (key === 'courseTagField') return tagKept(key);
      return key === 'eventTagField' && tagKept(key) && !before.courseTagField === !crm.courseTagField;
    },
    moved(at) {
      const m = parse(at);
      if (!m || m[1] !== 'crm') return null;
      const [, , key, row] = m;
      if (row === undefined) return (key === 'eventTagField' || key === 'courseTagField') && tagKept(key) ? at : null;
      if (key !== 'memberMappings' && key !== 'orderMappings') return null;
      const to = rows[key].get(Number(row));
      return to === undefined ? null : `/crm/${key}/${to}/target`;
    },
  };
}

/** Old index → new index of each stored mapping row the new list holds unchanged (source, target, policy). */
function rowMoves(before: readonly FieldMapping[], after: readonly FieldMapping[], sameObject: boolean): Map<number, number> {
  const moves = new Map<number, number>();
  if (!sameObject) return moves;
  const rowKey = (m: FieldMapping) => JSON.stringify([m.source, m.target, m.policy]);
  const free = new Map<string, number[]>();
  after.forEach((m, j) => {
    const k = rowKey(m);
    free.set(k, [...(free.get(k) ?? []), j]);
  });
  before.forEach((m, i) => {
    const j = free.get(rowKey(m))?.shift();
    if (j !== undefined) moves.set(i, j);
  });
  return moves;
}

/**
 * A write is refused for what the CRM's describe says only about the choices it changes (docs/api.md, "Write
 * semantics"). An error that only the describe brings (the same rules without it do not give it: today
 * `unknown_target`, `incompatible_type`, `not_writable`, `not_tag_field`, `restricted_picklist`) on a choice
 * the write keeps becomes a warning; the record's `drift` goes on reporting it. Where such an error stood in
 * for a rule that needs no describe (a tag field that is also a mapping's target), that rule still refuses.
 */
function sparingKeptChoices(state: SettingsState, mode: 'draft' | 'enable', judged: ValidationResult, allowLoopback: boolean, kept: KeptChoices): ValidationResult {
  const blind = validateSettings(state, mode, { allowLoopback });
  const key = (e: FieldError) => `${e.pointer}\n${e.code}`;
  const withoutDescribe = new Set(blind.errors.map(key));
  const errors: FieldError[] = [];
  const spared: FieldError[] = [];
  for (const e of judged.errors) (!withoutDescribe.has(key(e)) && kept.has(e.pointer) ? spared : errors).push(e);
  const sparedAt = new Set(spared.map((e) => e.pointer));
  const present = new Set(errors.map(key));
  errors.push(...blind.errors.filter((e) => sparedAt.has(e.pointer) && !present.has(key(e))));
  return { errors, warnings: [...spared, ...judged.warnings] };
}

/** Fills each mapping's `targetType` from a cached describe, so a later type change shows as drift. */
function recordTargetTypes(mappings: FieldMapping[], fields: ReturnType<DescribeCache['fields']>): FieldMapping[] {
  if (!fields) return mappings;
  const byName = new Map(fields.map((f) => [f.name, f.type]));
  return mappings.map((m) => (m.targetType || !byName.has(m.target) ? m : { ...m, targetType: byName.get(m.target)! }));
}

/** What judging a write needs beside the document. */
export interface PlanDeps {
  cache: DescribeCache;
  /** Whether a tenant may name an org on the server's own machine (a test or demo org): outside production only. */
  allowLoopback: boolean;
}

/** Dependencies of the settings writes. */
export interface SettingsDeps extends PlanDeps {
  keys: TenantKeys;
  /**
   * The caller can describe CRM objects and has not yet for this write: enabling a draft CRM record that names
   * objects the cache does not describe throws {@link UndescribedObjects} (after the preconditions and the
   * role are checked, before any rule), for the caller to describe them outside the transaction and write again.
   */
  describeFirst?: boolean;
}

/**
 * Enabling runs every rule against the CRM's describes (docs/api.md): the member, order and related tag objects that a
 * write or check enabling a draft CRM record names and the cache does not describe, and the secrets to
 * describe them with (those the write sets: the same org, since a change of org is judged without describes).
 */
export class UndescribedObjects extends Error {
  override name = 'UndescribedObjects';
  constructor(
    readonly objects: { key: 'memberObject' | 'orderObject' | 'tagObject'; name: string }[],
    readonly credentials: Record<string, string> | undefined,
  ) {
    super('The CRM objects this enabling names are to be described first.');
  }
}

/**
 * What enabling `plan` needs described first, or null: nothing, the record is no draft of a discoverable CRM,
 * the write changes its org, or it sets secrets that `mayWriteSecrets` says its author may not send (an editor's
 * check: a write is refused such secrets before), which no describe is sent with.
 */
function undescribedObjects(plan: Plan, enabling: boolean, mayWriteSecrets: boolean, cache: DescribeCache, tenant: string): UndescribedObjects | null {
  const { crm, current } = plan;
  const def = findPlatform(plan.platform);
  if (!current || current.status === 'archived' || !enabling || plan.orgChanged || !crm || !def?.discovery) return null;
  if (plan.setSecrets.size > 0 && !mayWriteSecrets) return null;
  // A record enabled already: only the objects whose choices the write changes (a running sync is pointed at them).
  const changed = current.status === 'enabled' ? changedObjects(plan, crm) : null;
  const stamp = store.describeStamp(current);
  const objects = (['memberObject', 'orderObject', 'tagObject'] as const).flatMap((key) => {
    const name = key === 'tagObject' && crm.tagDestination !== 'relatedObject' ? null : crm[key];
    return name && (!changed || changed.has(key)) && !cache.fields(tenant, name, stamp) ? [{ key, name }] : [];
  });
  if (objects.length === 0) return null;
  return new UndescribedObjects(objects, plan.setSecrets.size > 0 ? Object.fromEntries(plan.setSecrets) : undefined);
}

/**
 * The CRM objects a write points anew: the object itself changed, or one of its choices that `plan.kept` does not
 * hold as stored (a mapping row, a tag field, a setting naming one of its fields; for the tag object, as
 * `judgedTagObject` says). A row removed points at nothing new.
 */
function changedObjects(plan: Plan, crm: CrmMapping): Set<'memberObject' | 'orderObject' | 'tagObject'> {
  const before = plan.current?.crm ?? emptyCrmMapping();
  const isNew = (at: string) => !plan.kept?.has(at);
  const newRow = (key: 'memberMappings' | 'orderMappings') => crm[key].some((_, i) => isNew(`/crm/${key}/${i}/target`));
  const fieldSettings = (findPlatform(plan.platform)?.settings ?? []).filter((x) => x.crmFieldTypes && plan.config[x.key] != null);
  const changed = new Set<'memberObject' | 'orderObject' | 'tagObject'>();
  const tagFields = (['eventTagField', 'courseTagField'] as const).some((k) => crm[k] && isNew(`/crm/${k}`));
  if (before.memberObject !== crm.memberObject || newRow('memberMappings') || tagFields || fieldSettings.some((x) => isNew(`/config/${x.key}`))) changed.add('memberObject');
  if (before.orderObject !== crm.orderObject || newRow('orderMappings')) changed.add('orderObject');
  if (judgedTagObject(plan.current, crm, 'draft', false)) changed.add('tagObject');
  return changed;
}

/** Result of a write: the stored record and whether it was created. */
export interface WriteOutcome {
  created: boolean;
  stored: store.StoredSettings;
  /** Credentials or connection settings changed: the describe cache of the tenant must go. */
  connectionChanged: boolean;
}

/**
 * Creates, replaces or merges a settings record in the caller's transaction: locks the row, checks the
 * preconditions, the archived state, the role (credentials are admin-only) and every rule, then writes
 * the row, encrypts and stores the credentials and appends the audit events.
 */
export async function writeSettings(
  tx: Queryable,
  deps: SettingsDeps,
  ctx: WriteContext,
  category: IntegrationCategory,
  mode: 'replace' | 'merge',
  input: IntegrationSettingsInput,
  pre: Preconditions,
): Promise<WriteOutcome> {
  const { tenant, sub } = ctx.principal;
  const current = await store.getSettings(tx, tenant, category, true);
  checkPreconditions(pre, current?.version ?? null, current && settingsEtag(current));
  if (!current && mode === 'merge') throw notFound(`There are no ${categorySlugs[category]} settings yet: create them with PUT.`);
  if (current?.status === 'archived') {
    throw archived('changing them');
  }
  const plan = planWrite(category, current, mode, input, deps, tenant);
  const mayWriteSecrets = can(ctx.principal.role, 'credentials:write');
  if (!mayWriteSecrets && (plan.setSecrets.size > 0 || (input.credentials && Object.keys(input.credentials).length > 0))) {
    throw forbidden('Only an admin may write credentials.');
  }
  if (current && current.credentials.size > 0) {
    if (!mayWriteSecrets && plan.platformChanged) throw forbidden('Changing the platform clears its credentials, which only an admin may do.');
    assertConnectionKept(ctx.principal.role, plan.changedConnection);
  }
  const undescribed = deps.describeFirst ? undescribedObjects(plan, plan.status === 'enabled', mayWriteSecrets, deps.cache, tenant) : null;
  if (undescribed) throw undescribed;
  if (plan.errors.length) throw unprocessable(plan.errors, plan.warnings);

  const id = current?.id ?? randomUUID();
  const { memberFields, orderFields } = plan;
  const crm = plan.crm
    ? {
        ...plan.crm,
        memberMappings: recordTargetTypes(plan.crm.memberMappings, memberFields),
        orderMappings: recordTargetTypes(plan.crm.orderMappings, orderFields),
      }
    : null;
  // Drift is worked out again for each object the cache describes; for one it no longer does (its TTL ran
  // out), the record keeps the drift last found on the choices this write keeps. Of another org nothing is
  // known until its first describe: no drift.
  const carried = plan.kept && current && (!memberFields || !orderFields) ? carriedDrift(current.drift, plan.kept) : [];
  const drift = crm ? driftOf(crm, memberFields, orderFields, carried) : [];
  const row: store.SettingsWrite = {
    id,
    platform: plan.platform,
    status: plan.status,
    config: plan.config,
    crm,
    drift,
    version: (current?.version ?? 0) + 1,
    at: ctx.now,
    by: sub,
  };
  // A write that changes nothing (a PATCH of {}, a secret cleared that was never set, the record sent back as
  // read) keeps the version other clients' If-Match holds and adds nothing to the trail, as an Archive of an
  // archived record does.
  const same = (a: store.StoredSettings) => isDeepStrictEqual([row.platform, row.status, row.config, row.crm, row.drift], [a.platform, a.status, a.config, a.crm, a.drift]);
  if (current && !plan.platformChanged && !plan.setSecrets.size && !plan.clearSecrets.size && same(current)) return { created: false, stored: current, connectionChanged: false };
  if (current) await store.updateSettings(tx, tenant, row);
  else await store.insertSettings(tx, tenant, category, row);

  const audit = (action: AuditAction, key?: string) => auditWrite(tx, ctx, action, settingsTarget(category, key));

  await audit(current ? 'settings.update' : 'settings.create');
  if (plan.status === 'enabled' && current?.status !== 'enabled') await audit('settings.enable');

  if (plan.platformChanged && current && current.credentials.size > 0) {
    await store.deleteCredentials(tx, tenant, id);
    for (const key of current.credentials.keys()) await audit('credential.clear', key);
  }
  if (plan.clearSecrets.size) {
    await store.deleteCredentials(tx, tenant, id, [...plan.clearSecrets]);
    for (const key of plan.clearSecrets) await audit('credential.clear', key);
  }
  if (plan.setSecrets.size) {
    const dek = (await deps.keys.dataKey(tx, tenant, true))!;
    for (const [key, value] of plan.setSecrets) {
      await store.upsertCredential(tx, tenant, id, key, encryptField(dek, tenant, id, key, value), secretHint(value), ctx.now, ctx.principal.sub);
      await audit('credential.write', key);
    }
  }
  const stored = (await store.getSettings(tx, tenant, category))!;
  const connectionChanged = plan.orgChanged || plan.setSecrets.size > 0 || plan.clearSecrets.size > 0;
  return { created: !current, stored, connectionChanged };
}

/**
 * The drift of `crm`: worked out for each object a describe is given for; for an object without one (not
 * cached, or no longer), the items `lastFound` holds for it.
 */
export function driftOf(
  crm: CrmMapping,
  memberFields: CrmFieldDescriptor[] | undefined,
  orderFields: CrmFieldDescriptor[] | undefined,
  lastFound: readonly DriftItem[],
): DriftItem[] {
  const isOrder = (d: DriftItem) => d.pointer.startsWith('/crm/orderMappings/');
  return [
    ...(memberFields ? detectDrift(crm, memberFields) : lastFound.filter((d) => !isOrder(d))),
    ...(orderFields ? detectDrift(crm, undefined, orderFields) : lastFound.filter(isOrder)),
  ];
}

/** The stored drift items whose choices a write keeps, at their new pointers. */
function carriedDrift(drift: readonly DriftItem[], kept: KeptChoices): DriftItem[] {
  return drift.flatMap((d) => {
    const at = kept.moved(d.pointer);
    return at === null ? [] : [{ ...d, pointer: at }];
  });
}

/**
 * Refuses `changed` settings that guard a record's stored secrets (`changedConnectionSettings`) to a role
 * that may not write credentials: they decide where the secrets are sent, so changing them is a credentials write.
 */
export function assertConnectionKept(role: Role, changed: readonly SettingDefinition[]): void {
  if (changed.length === 0 || can(role, 'credentials:write')) return;
  throw forbidden(`Only an admin may change ${changed.map((s) => s.label).join(', ')}: the connection settings decide where the stored credentials are sent.`);
}

/** The refusal of what an archived record may not do (`doing`: "changing them") until it is restored: 422 on `/status`. */
export function archived(doing: string): ProblemError {
  return unprocessable([fieldError('/status', 'invalid', `These settings are archived: restore them before ${doing}.`)]);
}

/** Archives (`archive`) or restores to draft (`restore`); a no-op when already there (`changed` false). */
export async function setArchived(
  tx: Queryable,
  ctx: WriteContext,
  category: IntegrationCategory,
  archive: boolean,
  pre: Preconditions,
): Promise<{ stored: store.StoredSettings; changed: boolean }> {
  const { tenant, sub } = ctx.principal;
  const current = await store.getSettings(tx, tenant, category, true);
  if (!current) throw notFound(`There are no ${categorySlugs[category]} settings.`);
  checkPreconditions(pre, current.version, settingsEtag(current));
  if (archive === (current.status === 'archived')) return { stored: current, changed: false };
  await store.updateSettings(tx, tenant, {
    id: current.id,
    platform: current.platform,
    status: archive ? 'archived' : 'draft',
    config: current.config,
    crm: current.crm,
    drift: current.drift,
    version: current.version + 1,
    at: ctx.now,
    by: sub,
  });
  await auditWrite(tx, ctx, archive ? 'settings.archive' : 'settings.restore', settingsTarget(category));
  return { stored: (await store.getSettings(tx, tenant, category))!, changed: true };
}

/**
 * `POST …/validate`: the rules' verdict on a document as a PUT would store it, keeping stored credentials, and
 * (given `describing`: the caller can describe) what checking it for enabling needs described first, for the
 * caller to describe and judge the document again.
 */
export function validateDocument(
  category: IntegrationCategory,
  current: store.StoredSettings | null,
  input: IntegrationSettingsInput,
  mode: 'draft' | 'enable',
  deps: PlanDeps,
  tenant: string,
  describing?: { mayWriteSecrets: boolean },
): ValidationResult & { undescribed: UndescribedObjects | null } {
  const plan = planWrite(category, current, 'replace', input, deps, tenant, mode);
  const undescribed = describing ? undescribedObjects(plan, mode === 'enable', describing.mayWriteSecrets, deps.cache, tenant) : null;
  return { errors: plan.errors, warnings: plan.warnings, undescribed };
}
