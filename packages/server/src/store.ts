import { randomUUID } from 'node:crypto';
import type {
  AuditAction,
  AuditEvent,
  ConfigValue,
  CrmMapping,
  DriftItem,
  EndpointSort,
  FieldMapping,
  IntegrationCategory,
  IntegrationEndpoint,
  IntegrationSettings,
  SettingsStatus,
} from '@memberpulse/integration-schema';
import { integrationCategories } from '@memberpulse/integration-schema';
import type { Queryable } from './db.js';

// Every query takes the tenant id first and filters on it: there is no statement in this file that can
// read or write across tenants.

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

/** A stored settings record with the state of its credentials (never their ciphertext). */
export interface StoredSettings {
  id: string;
  tenantId: string;
  category: IntegrationCategory;
  platform: string | null;
  status: SettingsStatus;
  config: Record<string, ConfigValue>;
  crm: CrmMapping | null;
  drift: DriftItem[];
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  credentials: Map<string, { hint: string | null; updatedAt: string; updatedBy: string | null }>;
}

interface SettingsRow {
  id: string;
  tenant_id: string;
  category: IntegrationCategory;
  platform: string | null;
  status: SettingsStatus;
  config: Record<string, ConfigValue>;
  crm: CrmMapping | null;
  drift: DriftItem[];
  version: number;
  created_at: unknown;
  updated_at: unknown;
  updated_by: string;
  creds: Array<{ key: string; hint: string | null; updated_at: string; updated_by: string | null }> | null;
}

const SETTINGS_SELECT = `SELECT s.*, (
    SELECT json_agg(json_build_object('key', c.key, 'hint', c.hint, 'updated_at', c.updated_at, 'updated_by', c.updated_by) ORDER BY c.key)
    FROM credentials c WHERE c.settings_id = s.id
  ) AS creds
  FROM settings s`;

function toStored(r: SettingsRow): StoredSettings {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    category: r.category,
    platform: r.platform,
    status: r.status,
    config: r.config ?? {},
    crm: r.crm,
    drift: r.drift ?? [],
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    updatedBy: r.updated_by,
    credentials: new Map((r.creds ?? []).map((c) => [c.key, { hint: c.hint, updatedAt: iso(c.updated_at), updatedBy: c.updated_by }])),
  };
}

const mappingView = (m: FieldMapping): FieldMapping => ({
  source: m.source,
  target: m.target,
  policy: m.policy,
  ...(m.targetType ? { targetType: m.targetType } : {}),
});

/** CRM settings in the interface's property order (jsonb keeps its own). */
function crmView(c: CrmMapping | null): CrmMapping | null {
  if (!c) return null;
  return {
    memberObject: c.memberObject,
    memberMappings: c.memberMappings.map(mappingView),
    eventTagField: c.eventTagField,
    courseTagField: c.courseTagField,
    orderObject: c.orderObject,
    orderMappings: c.orderMappings.map(mappingView),
    tagDestination: c.tagDestination,
    tagObject: c.tagObject,
    supportTicketNotes: c.supportTicketNotes,
  };
}

/** What a describe is checked against while other servers' drops may be missed (`DescribeCache`): the record and its version. */
export const describeStamp = (s: StoredSettings | null): string => (s ? `${s.id}:${s.version}` : '');

/** The API view of a stored record: credentials as `{ configured, hint, updatedAt, updatedBy }` only. */
export function settingsView(s: StoredSettings): IntegrationSettings {
  const credentials: IntegrationSettings['credentials'] = {};
  for (const [key, c] of s.credentials) credentials[key] = { configured: true, hint: c.hint, updatedAt: c.updatedAt, updatedBy: c.updatedBy };
  return {
    id: s.id,
    category: s.category,
    platform: s.platform,
    status: s.status,
    config: s.config,
    credentials,
    crm: crmView(s.crm),
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy,
    drift: s.drift,
  };
}

export async function getSettings(q: Queryable, tenant: string, category: IntegrationCategory, forUpdate = false): Promise<StoredSettings | null> {
  if (forUpdate) {
    // Lock the row first, then read it whole in a new statement: under READ COMMITTED that statement's
    // snapshot includes whatever the transaction we waited for committed, credentials included (a
    // sub-select beside FOR UPDATE would still see the credentials as they were before the wait).
    const lock = await q.query('SELECT id FROM settings WHERE tenant_id = $1 AND category = $2 FOR UPDATE', [tenant, category]);
    if (!lock.rows.length) return null;
  }
  const r = await q.query<SettingsRow>(`${SETTINGS_SELECT} WHERE s.tenant_id = $1 AND s.category = $2`, [tenant, category]);
  return r.rows[0] ? toStored(r.rows[0]) : null;
}

export async function listSettings(q: Queryable, tenant: string): Promise<StoredSettings[]> {
  const r = await q.query<SettingsRow>(`${SETTINGS_SELECT} WHERE s.tenant_id = $1`, [tenant]);
  const order = (s: StoredSettings) => integrationCategories.indexOf(s.category);
  return r.rows.map(toStored).sort((a, b) => order(a) - order(b));
}

/** Row values of a settings write. */
export interface SettingsWrite {
  id: string;
  platform: string | null;
  status: SettingsStatus;
  config: Record<string, ConfigValue>;
  crm: CrmMapping | null;
  drift: DriftItem[];
  version: number;
  at: string;
  by: string;
}

export async function insertSettings(q: Queryable, tenant: string, category: IntegrationCategory, w: SettingsWrite): Promise<void> {
  await q.query(
    `INSERT INTO settings (id, tenant_id, category, platform, status, config, crm, drift, version, created_at, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $10, $11)`,
    [w.id, tenant, category, w.platform, w.status, JSON.stringify(w.config), w.crm ? JSON.stringify(w.crm) : null, JSON.stringify(w.drift), w.version, w.at, w.by],
  );
}

export async function updateSettings(q: Queryable, tenant: string, w: SettingsWrite): Promise<void> {
  const r = await q.query(
    `UPDATE settings SET platform = $3, status = $4, config = $5::jsonb, crm = $6::jsonb, drift = $7::jsonb, version = $8,
       updated_at = $9, updated_by = $10
     WHERE tenant_id = $1 AND id = $2`,
    [tenant, w.id, w.platform, w.status, JSON.stringify(w.config), w.crm ? JSON.stringify(w.crm) : null, JSON.stringify(w.drift), w.version, w.at, w.by],
  );
  if (r.rowCount !== 1) throw new Error('settings row vanished during an update');
}

/** Stores a recomputed drift list without a version change (it is derived data, not an edit). */
export async function setDrift(q: Queryable, tenant: string, id: string, drift: DriftItem[]): Promise<void> {
  await q.query('UPDATE settings SET drift = $3::jsonb WHERE tenant_id = $1 AND id = $2', [tenant, id, JSON.stringify(drift)]);
}

export async function upsertCredential(q: Queryable, tenant: string, settingsId: string, key: string, ciphertext: string, hint: string | null, at: string, by: string): Promise<void> {
  await q.query(
    `INSERT INTO credentials (settings_id, tenant_id, key, ciphertext, hint, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (settings_id, key) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, hint = EXCLUDED.hint, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [settingsId, tenant, key, ciphertext, hint, at, by],
  );
}

export async function deleteCredentials(q: Queryable, tenant: string, settingsId: string, keys?: readonly string[]): Promise<void> {
  if (keys) await q.query('DELETE FROM credentials WHERE tenant_id = $1 AND settings_id = $2 AND key = ANY($3::text[])', [tenant, settingsId, keys]);
  else await q.query('DELETE FROM credentials WHERE tenant_id = $1 AND settings_id = $2', [tenant, settingsId]);
}

/** Ciphertexts of a record's credentials, for a decrypt that the caller audits. */
export async function credentialCiphertexts(q: Queryable, tenant: string, settingsId: string): Promise<Map<string, string>> {
  const r = await q.query<{ key: string; ciphertext: string }>('SELECT key, ciphertext FROM credentials WHERE tenant_id = $1 AND settings_id = $2', [tenant, settingsId]);
  return new Map(r.rows.map((row) => [row.key, row.ciphertext]));
}

// Tenant data keys

export async function getTenantKey(q: Queryable, tenant: string): Promise<{ wrapped: string; masterKeyId: string } | null> {
  const r = await q.query<{ wrapped_key: string; master_key_id: string }>('SELECT wrapped_key, master_key_id FROM tenant_keys WHERE tenant_id = $1', [tenant]);
  return r.rows[0] ? { wrapped: r.rows[0].wrapped_key, masterKeyId: r.rows[0].master_key_id } : null;
}

/** How many tenants' data keys each master key (by id) wraps. */
export async function tenantKeysByMasterKey(q: Queryable): Promise<Map<string, number>> {
  const r = await q.query<{ master_key_id: string; tenants: number | string }>('SELECT master_key_id, count(*) AS tenants FROM tenant_keys GROUP BY master_key_id');
  return new Map(r.rows.map((row) => [row.master_key_id, Number(row.tenants)]));
}

/** Inserts a tenant's wrapped data key unless one exists; answers the one that is stored. */
export async function ensureTenantKey(q: Queryable, tenant: string, wrapped: string, masterKeyId: string): Promise<{ wrapped: string; masterKeyId: string }> {
  await q.query('INSERT INTO tenant_keys (tenant_id, wrapped_key, master_key_id) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO NOTHING', [tenant, wrapped, masterKeyId]);
  return (await getTenantKey(q, tenant))!;
}

// Endpoints

interface EndpointRow {
  id: string;
  name: string;
  name_key: string;
  sort_key: string;
  description: string;
  version: number;
  created_at: unknown;
  updated_at: unknown;
}

/** A stored endpoint with its version (for the ETag). */
export interface StoredEndpoint extends IntegrationEndpoint {
  version: number;
}

const toEndpoint = (r: EndpointRow): StoredEndpoint => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export const endpointView = (e: StoredEndpoint): IntegrationEndpoint => ({
  id: e.id,
  name: e.name,
  description: e.description,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

export async function getEndpoint(q: Queryable, tenant: string, id: string, forUpdate = false): Promise<StoredEndpoint | null> {
  const r = await q.query<EndpointRow>(`SELECT * FROM endpoints WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [tenant, id]);
  return r.rows[0] ? toEndpoint(r.rows[0]) : null;
}

/** The name of the tenant's endpoint that `nameKey` collides with, if any. */
export async function endpointNamedLike(q: Queryable, tenant: string, nameKey: string): Promise<string | null> {
  // Migration 3 kept names that only then collided: the younger twin's key is the key, U+0001 and its id.
  const r = await q.query<{ name: string }>(
    `SELECT name FROM endpoints WHERE tenant_id = $1 AND (name_key = $2 OR starts_with(name_key, $2 || chr(1))) ORDER BY name_key LIMIT 1`,
    [tenant, nameKey],
  );
  return r.rows[0]?.name ?? null;
}

export async function insertEndpoint(q: Queryable, tenant: string, e: { name: string; nameKey: string; description: string; at: string; by: string }): Promise<StoredEndpoint> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO endpoints (id, tenant_id, name, name_key, description, version, created_at, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, 1, $6, $6, $7)`,
    [id, tenant, e.name, e.nameKey, e.description, e.at, e.by],
  );
  return { id, name: e.name, description: e.description, createdAt: e.at, updatedAt: e.at, version: 1 };
}

export async function updateEndpoint(q: Queryable, tenant: string, id: string, description: string, version: number, at: string, by: string): Promise<void> {
  await q.query('UPDATE endpoints SET description = $3, version = $4, updated_at = $5, updated_by = $6 WHERE tenant_id = $1 AND id = $2', [tenant, id, description, version, at, by]);
}

export async function deleteEndpoint(q: Queryable, tenant: string, id: string): Promise<void> {
  await q.query('DELETE FROM endpoints WHERE tenant_id = $1 AND id = $2', [tenant, id]);
}

/** Position after the last item of a page (keyset pagination). */
export interface EndpointCursor {
  v: string;
  id: string;
}

export async function listEndpoints(
  q: Queryable,
  tenant: string,
  opts: { sort: EndpointSort; limit: number; after: EndpointCursor | null; nameContains?: string },
): Promise<{ items: StoredEndpoint[]; total: number; last: EndpointCursor | null; more: boolean }> {
  const byName = opts.sort === 'name' || opts.sort === '-name';
  const desc = opts.sort.startsWith('-');
  const col = byName ? 'sort_key' : 'created_at';
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'DESC' : 'ASC';
  const params: unknown[] = [tenant];
  // `nameContains` is a name key (endpointNameKey); a key made unique by migration 3 ends in chr(1) and an id, not searched.
  let matching = 'tenant_id = $1';
  if (opts.nameContains) {
    params.push(opts.nameContains);
    matching += ` AND strpos(split_part(name_key, chr(1), 1), $2) > 0`;
  }
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM endpoints WHERE ${matching}`, params);
  let where = matching;
  if (opts.after) {
    params.push(opts.after.v, opts.after.id);
    where += ` AND (${col}, id) ${cmp} ($${params.length - 1}${byName ? '' : '::timestamptz'}, $${params.length}::uuid)`;
  }
  params.push(opts.limit + 1);
  const r = await q.query<EndpointRow>(`SELECT * FROM endpoints WHERE ${where} ORDER BY ${col} ${dir}, id ${dir} LIMIT $${params.length}`, params);
  const more = r.rows.length > opts.limit;
  const rows = r.rows.slice(0, opts.limit);
  const lastRow = rows[rows.length - 1];
  return {
    items: rows.map(toEndpoint),
    total: total.rows[0]!.n,
    more,
    last: lastRow ? { v: byName ? lastRow.sort_key : iso(lastRow.created_at), id: lastRow.id } : null,
  };
}

// Audit (append-only: this file has an INSERT and SELECTs for it, nothing else; the database refuses the rest)

/** One audit record to append. */
export interface AuditWrite {
  actor: string;
  action: AuditAction;
  target: string;
  targetName?: string | null;
  purpose?: string | null;
  requestId: string | null;
  at: string;
}

export async function appendAudit(q: Queryable, tenant: string, e: AuditWrite): Promise<void> {
  await q.query(
    'INSERT INTO audit_events (id, tenant_id, actor, action, target, target_name, purpose, at, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [randomUUID(), tenant, e.actor, e.action, e.target, e.targetName ?? null, e.purpose ?? null, e.at, e.requestId],
  );
}

interface AuditRow {
  seq: string | number;
  id: string;
  tenant_id: string;
  actor: string;
  action: AuditAction;
  target: string;
  target_name: string | null;
  purpose: string | null;
  at: unknown;
  request_id: string | null;
}

export async function listAudit(
  q: Queryable,
  tenant: string,
  opts: { action: string | null; from: string | null; to: string | null; limit: number; beforeSeq: string | null },
): Promise<{ items: AuditEvent[]; total: number; lastSeq: string | null; more: boolean }> {
  const filter = `tenant_id = $1 AND ($2::text IS NULL OR action = $2) AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)`;
  const r = await q.query<AuditRow>(
    `SELECT * FROM audit_events WHERE ${filter} AND ($5::bigint IS NULL OR seq < $5::bigint) ORDER BY seq DESC LIMIT $6`,
    [tenant, opts.action, opts.from, opts.to, opts.beforeSeq, opts.limit + 1],
  );
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE ${filter}`, [tenant, opts.action, opts.from, opts.to]);
  const more = r.rows.length > opts.limit;
  const rows = r.rows.slice(0, opts.limit);
  return {
    items: rows.map((a) => ({
      id: a.id,
      tenantId: a.tenant_id,
      actor: a.actor,
      action: a.action,
      target: a.target,
      targetName: a.target_name,
      purpose: a.purpose,
      at: iso(a.at),
      requestId: a.request_id,
    })),
    total: total.rows[0]!.n,
    more,
    lastSeq: rows.length ? String(rows[rows.length - 1]!.seq) : null,
  };
}

// Idempotency

/** A stored first response for an idempotency key. */
export interface StoredResponse {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export async function getIdempotent(q: Queryable, tenant: string, key: string): Promise<StoredResponse | null> {
  const r = await q.query<{ fingerprint: string; status: number; headers: Record<string, string>; body: string }>(
    `SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE tenant_id = $1 AND key = $2 AND created_at > now() - interval '24 hours'`,
    [tenant, key],
  );
  return r.rows[0] ?? null;
}

export async function putIdempotent(q: Queryable, tenant: string, key: string, s: StoredResponse): Promise<void> {
  // An expired row with the same key is replaced; a live one makes the INSERT fail (unique violation), and
  // the transaction that carried the write rolls back with it.
  await q.query(`DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = $2 AND created_at <= now() - interval '24 hours'`, [tenant, key]);
  await q.query('INSERT INTO idempotency_keys (tenant_id, key, fingerprint, status, headers, body) VALUES ($1, $2, $3, $4, $5::jsonb, $6)', [
    tenant,
    key,
    s.fingerprint,
    s.status,
    JSON.stringify(s.headers),
    s.body,
  ]);
}

export async function pruneIdempotency(q: Queryable): Promise<void> {
  await q.query(`DELETE FROM idempotency_keys WHERE created_at <= now() - interval '24 hours'`);
}
