import {
  categorySlugs,
  changedConnectionSettings,
  fieldError,
  findPlatform,
  missingConnectionSettings,
  settingPointer,
  validateConfig,
  validateCredentialInput,
  validateSettings,
  type ConfigValue,
  type FieldError,
  type IntegrationCategory,
} from '@memberpulse/integration-schema';
import type { Context } from 'hono';
import type { RouteDeps } from '../app.js';
import { DecryptError, decryptField } from '../crypto.js';
import { PlatformError, type PlatformConnection } from '../discovery.js';
import type { Env } from '../hono-env.js';
import { ProblemError, notFound, unprocessable } from '../problem.js';
import { archived, assertConnectionKept, auditWrite, settingsTarget } from '../settings-service.js';
import * as store from '../store.js';
import { writeContext } from './request.js';

const archivedCallPurpose = {
  discovery: 'reading the CRM’s objects and fields',
  'api-usage': 'reading the CRM’s API usage',
  'test-connection': 'testing the connection',
} as const;

/**
 * Calls the tenant's platform with the stored settings of `category`, `overlay` (what a request is about to
 * set) over them; stored secrets are decrypted for the call alone, each decrypt audited with `purpose`.
 */
export async function platformCall<T>(
  deps: RouteDeps,
  c: Context<Env>,
  category: IntegrationCategory,
  purpose: keyof typeof archivedCallPurpose,
  overlay: { platform?: string | null; config?: Record<string, ConfigValue | null>; credentials?: Record<string, string | null> } | undefined,
  call: (conn: PlatformConnection) => Promise<T>,
): Promise<T> {
  const { config, db, keys, log, gateway, allowLoopback } = deps;
  const p = c.get('principal');
  const stored = await store.getSettings(db, p.tenant, category);
  // An archived record is off: nothing of it is decrypted or sent anywhere, as nothing of it is changed, until it is restored.
  if (stored?.status === 'archived') throw archived(archivedCallPurpose[purpose]);
  const platform = overlay?.platform !== undefined ? overlay.platform : (stored?.platform ?? null);
  const def = findPlatform(platform);
  if (!def || def.category !== category) {
    if (!stored && overlay?.platform === undefined) throw notFound(`There are no ${categorySlugs[category]} settings.`);
    // The rules' own /platform error (none chosen, one we do not integrate with, one of another category): they stop at it.
    throw unprocessable(validateSettings({ category, platform, config: {}, configuredSecrets: new Set(), crm: null }, 'enable').errors.slice(0, 1));
  }
  if (!def.testable) throw unprocessable([fieldError('/platform', 'invalid', `${def.name} calls MemberPulse; there is no connection to test from here.`)]);
  if (!gateway) throw new ProblemError(501, 'This server has no platform connectors configured.', { title: 'No platform connectors' });
  if (!gateway.supports(def.id)) throw unprocessable([fieldError('/platform', 'invalid', `${def.name} has no connector on this server.`)]);
  const samePlatform = stored?.platform === def.id;
  const settingsConfig: Record<string, ConfigValue> = samePlatform ? { ...stored!.config } : {};
  for (const [k, v] of Object.entries(overlay?.config ?? {})) {
    if (v === null) delete settingsConfig[k];
    else settingsConfig[k] = v;
  }
  const given = new Map(Object.entries(overlay?.credentials ?? {}));
  const storedKeys = samePlatform ? [...stored!.credentials.keys()].filter((k) => !given.has(k)) : [];
  const configured = new Set([...storedKeys, ...[...given].filter(([, v]) => v !== null).map(([k]) => k)]);
  const errors = [
    ...validateConfig(def, settingsConfig, false, { allowLoopback }),
    ...validateCredentialInput(def, overlay?.credentials ?? {}, settingsConfig),
  ];
  // Every input the test lacks, named with the others' mistakes in one answer, not after they are fixed.
  for (const s of missingConnectionSettings(def, settingsConfig, configured)) {
    const at = settingPointer(s);
    if (!errors.some((e) => e.pointer === at)) errors.push(fieldError(at, 'required', `${s.label} is required to connect to ${def.name}.`));
  }
  if (errors.length) throw unprocessable(errors);
  if (storedKeys.length) assertConnectionKept(p.role, changedConnectionSettings(def, stored!.config, settingsConfig));
  const secrets: Record<string, string> = {};
  for (const [k, v] of given) if (v !== null) secrets[k] = v;
  if (storedKeys.length) {
    // Decrypt only inside the server, only for this call, and audit each decrypt with its purpose first.
    const ctx = writeContext(c);
    await db.transaction(async (tx) => {
      for (const key of storedKeys) await auditWrite(tx, ctx, 'credential.decrypt', settingsTarget(category, key), { purpose });
    });
    const dek = await keys.dataKey(db, p.tenant, false);
    const sealed = await store.credentialCiphertexts(db, p.tenant, stored!.id);
    for (const key of storedKeys) {
      const s = sealed.get(key);
      if (!s || !dek) continue;
      try {
        secrets[key] = decryptField(dek, p.tenant, stored!.id, key, s);
      } catch (err) {
        if (!(err instanceof DecryptError)) throw err;
        log({ level: 'error', msg: 'stored credential failed authentication', requestId: c.get('requestId'), tenant: p.tenant, key });
        throw unprocessable([fieldError(`/credentials/${key}`, 'invalid_credentials', 'The stored value cannot be read (it was altered or moved); enter it again.')]);
      }
    }
  }
  const conn: PlatformConnection = {
    category,
    platform: def.id,
    config: settingsConfig,
    secrets,
    defaults: { salesforce: { clientId: config.salesforceClientId, clientSecret: config.salesforceClientSecret, loginUrl: config.salesforceLoginUrl, allowLoopback } },
  };
  try {
    return await call(conn);
  } catch (err) {
    throw toPlatformError(err);
  }
}

/** Anything a connector throws, as a `PlatformError` (unknown failures become 502 without their message). */
function toPlatformError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof ProblemError) throw err;
  const e = err as { kind?: unknown; code?: unknown; status?: unknown; message?: unknown; errors?: unknown; retryAfterSeconds?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message.slice(0, 500) : '';
  const errors = Array.isArray(e?.errors) ? (e!.errors as FieldError[]).filter((x) => x && typeof x.pointer === 'string') : [];
  const kind = typeof e?.kind === 'string' ? e.kind : undefined;
  if (kind && ['unreachable', 'upstream', 'auth', 'not_found', 'invalid', 'rate_limited', 'unsupported'].includes(kind)) {
    const retryAfter = typeof e?.retryAfterSeconds === 'number' ? e.retryAfterSeconds : undefined;
    return new PlatformError(kind as PlatformError['kind'], message, errors, retryAfter);
  }
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT|UND_ERR_SOCKET)$/.test(code)) {
    return new PlatformError('unreachable', 'The platform could not be reached.');
  }
  if (/INVALID_LOGIN|invalid_grant|invalid_client|INVALID_SESSION_ID/i.test(code + ' ' + message)) {
    return new PlatformError('auth', 'The platform rejected the credentials.');
  }
  if (/NOT_FOUND|INVALID_TYPE/i.test(code)) return new PlatformError('not_found', 'The platform has no such object.');
  return new PlatformError('upstream', 'The platform answered with an error.');
}
