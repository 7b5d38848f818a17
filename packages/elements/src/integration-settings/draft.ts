import {
  CONNECTION_GROUP,
  changedConnectionSettings,
  credentialsComplete,
  emptyCrmMapping,
  findPlatform,
  isFilled,
  isSettingVisible,
  missingConnectionSettings,
  parsePointer,
  validateCredentialInput,
  validateSettings,
  type ConfigValue,
  type CrmMetadata,
  type CrmMapping,
  type FieldError,
  type FieldMapping,
  type IntegrationCategory,
  type IntegrationSettings,
  type IntegrationSettingsInput,
  type PlatformDefinition,
  type SettingDefinition,
} from '@memberpulse/integration-schema';
import { crmLabelKeys, localizedSourceFields } from './localized-text.js';

// The form's working copy of one settings record, as plain data: what the admin typed, kept apart from
// what the server holds, so a failed save or a conflict never loses it.

/** What the admin is editing. Secrets are pending writes only: never what the server holds. */
export interface Draft {
  platform: string | null;
  /** Non-secret values; a number field being typed may hold '' until it is a number. */
  config: Record<string, ConfigValue | ''>;
  /** Pending secret writes: a string sets or replaces, `null` clears; absent keeps what is stored. */
  secrets: Record<string, string | null>;
  crm: CrmMapping;
}

/** Defaults of a platform's non-secret settings. */
function defaults(platform: PlatformDefinition | undefined): Record<string, ConfigValue> {
  const out: Record<string, ConfigValue> = {};
  for (const s of platform?.settings ?? []) if (s.type !== 'secret' && s.default !== undefined) out[s.key] = s.default;
  return out;
}

/** The working copy of a saved record (or of nothing yet). */
export function draftFrom(saved: IntegrationSettings | null): Draft {
  const platform = saved?.platform ?? null;
  return {
    platform,
    config: { ...defaults(findPlatform(platform)), ...saved?.config },
    secrets: {},
    crm: saved?.crm ? structuredClone(saved.crm) : emptyCrmMapping(),
  };
}

/** Switches platform: that platform's defaults, no pending secrets, CRM choices kept only within the same platform. */
export function withPlatform(saved: IntegrationSettings | null, platform: string): Draft {
  if (saved?.platform === platform) return { ...draftFrom(saved), platform };
  return { platform, config: defaults(findPlatform(platform)), secrets: {}, crm: emptyCrmMapping() };
}

/**
 * The body of a save: the whole form (PUT semantics), pending secrets only, CRM only for the CRM. A setting of
 * spaces alone is left out, as the schema's rules take it for no value (`isFilled`).
 */
export function inputFrom(draft: Draft, category: IntegrationCategory): IntegrationSettingsInput {
  const platform = findPlatform(draft.platform);
  const config: Record<string, ConfigValue> = {};
  for (const s of platform?.settings ?? []) {
    const value = draft.config[s.key];
    if (s.type !== 'secret' && isFilled(value)) config[s.key] = value as ConfigValue;
  }
  const credentials: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(draft.secrets)) {
    const setting = platform?.settings.find((s) => s.key === key && s.type === 'secret');
    // A secret typed for what the form no longer shows (the other sign-in method) stays on screen, not sent:
    // secrets go only where they are used. A clear is sent still: it removes, and the admin asked for it.
    if (setting && (value === null || isSettingVisible(setting, draft.config, platform!))) credentials[key] = value;
  }
  return {
    platform: draft.platform,
    config,
    ...(Object.keys(credentials).length ? { credentials } : {}),
    ...(category === 'crm' ? { crm: sentCrm(draft.crm) } : {}),
  };
}

/**
 * The CRM part as a save sends it: the tag fields only where tags go to member fields, the tag object only where
 * they go to a related object, the order mappings only with an order object. In the form they stay, for a switch back.
 */
function sentCrm(crm: CrmMapping): CrmMapping {
  const sent = { ...crm };
  if (crm.tagDestination !== 'multiPicklist') sent.eventTagField = sent.courseTagField = null;
  if (crm.tagDestination !== 'relatedObject') sent.tagObject = null;
  if (!crm.orderObject) sent.orderMappings = [];
  return sent;
}

/** Whether two values are the same data (absent and null alike). */
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Whether a save would change what is saved: a secret typed for what the form no longer shows (the other sign-in
 * method) is not sent (`inputFrom`), so it alone leaves the form unchanged.
 */
export function isDirty(draft: Draft, saved: IntegrationSettings | null, category: IntegrationCategory): boolean {
  const input = inputFrom(draft, category);
  if (input.credentials) return true;
  if (!saved && draft.platform === null) return false;
  return !sameJson(input, inputFrom(draftFrom(saved), category));
}

/**
 * The admin's edits replayed over a record someone else saved meanwhile: each setting and CRM choice the
 * admin changed from `base` keeps the admin's value, everything else takes theirs, so saving over theirs
 * overwrites only what the admin changed. When either side changed the platform, the admin's draft stays whole.
 */
export function rebase(draft: Draft, base: IntegrationSettings | null, theirs: IntegrationSettings): Draft {
  const before = draftFrom(base);
  const after = draftFrom(theirs);
  if (draft.platform !== before.platform || after.platform !== before.platform) return draft;
  const config = { ...after.config };
  for (const key of new Set([...Object.keys(draft.config), ...Object.keys(before.config)])) {
    if (sameJson(draft.config[key], before.config[key])) continue;
    const mine = draft.config[key];
    if (mine === undefined) delete config[key];
    else config[key] = mine;
  }
  const crm = { ...after.crm };
  for (const key of Object.keys(draft.crm) as Array<keyof CrmMapping>) {
    if (sameJson(draft.crm[key], before.crm[key])) continue;
    const value = key === 'memberMappings' || key === 'orderMappings' ? rebaseMappings(draft.crm[key], before.crm[key], after.crm[key]) : draft.crm[key];
    Object.assign(crm, { [key]: structuredClone(value) });
  }
  return { platform: draft.platform, config, secrets: draft.secrets, crm };
}

/**
 * A mapping list rebased row by row, each MemberPulse field (`source`) being one row: the rows the admin
 * added, changed or removed, over their list; their rows the admin did not touch stay, in their order.
 */
function rebaseMappings(mine: readonly FieldMapping[], base: readonly FieldMapping[], theirs: readonly FieldMapping[]): FieldMapping[] {
  const mineBy = new Map(mine.map((m) => [m.source, m]));
  const baseBy = new Map(base.map((m) => [m.source, m]));
  const touched = new Set([...mine, ...base].map((m) => m.source).filter((source) => !sameJson(mineBy.get(source), baseBy.get(source))));
  const out = theirs.flatMap((m) => (!touched.has(m.source) ? [m] : mineBy.has(m.source) ? [mineBy.get(m.source)!] : []));
  for (const m of mine) if (touched.has(m.source) && !out.some((o) => o.source === m.source)) out.push(m);
  return out;
}

/** Keys of the secrets the server holds. */
export function configuredSecrets(saved: IntegrationSettings | null): Set<string> {
  return new Set(Object.entries(saved?.credentials ?? {}).filter(([, s]) => s.configured).map(([k]) => k));
}

/** Whether the saved record has complete credentials for the platform on screen: discovery works then. */
export function isConnected(draft: Draft, saved: IntegrationSettings | null): boolean {
  const platform = findPlatform(draft.platform);
  if (!platform || !saved || saved.platform !== platform.id) return false;
  return credentialsComplete(platform, saved.config, configuredSecrets(saved));
}

/**
 * The secrets the record holds once the draft is saved: those stored for its platform, with the pending writes
 * applied; `given` says which typed values count.
 */
function secretsOnceSaved(draft: Draft, saved: IntegrationSettings | null, given: (typed: string) => boolean): Set<string> {
  const secrets = saved?.platform === draft.platform ? configuredSecrets(saved) : new Set<string>();
  for (const [key, value] of Object.entries(draft.secrets)) {
    if (value === null) secrets.delete(key);
    else if (given(value)) secrets.add(key);
  }
  return secrets;
}

/**
 * The connection inputs the form still lacks, counting stored secrets and those typed but not saved. A secret
 * of spaces alone is lacking, as a setting of spaces alone is (`isFilled`): the server refuses it as blank.
 */
export function missingConnection(draft: Draft, saved: IntegrationSettings | null): SettingDefinition[] {
  const platform = findPlatform(draft.platform);
  return platform ? missingConnectionSettings(platform, draft.config, secretsOnceSaved(draft, saved, isFilled)) : [];
}

/**
 * What the schema's rules find in the form as a save would send it, before it is sent: the server judges the
 * same document with the same rules (`validateCredentialInput`, `validateSettings`), and more (the CRM's
 * fields as described, URLs of its own machine), so it finds all of these and may find others.
 */
export function checkDraft(draft: Draft, saved: IntegrationSettings | null, category: IntegrationCategory, mode: 'draft' | 'enable', metadata?: CrmMetadata): FieldError[] {
  const platform = findPlatform(draft.platform);
  const { config = {}, credentials = {} } = inputFrom(draft, category);
  const crm = category === 'crm' ? sentCrm(draft.crm) : null;
  // Every typed secret counts, as the server counts a write: a blank one is refused by `validateCredentialInput` alone.
  const state = { category, platform: draft.platform, config, configuredSecrets: secretsOnceSaved(draft, saved, () => true), crm };
  return [...(platform ? validateCredentialInput(platform, credentials, config) : []), ...validateSettings(state, mode, metadata).errors];
}

/** What the rules can say of a named CRM field only once its object is described. */
const describedCodes: ReadonlySet<FieldError['code']> = new Set(['unknown_target', 'incompatible_type', 'not_tag_field', 'restricted_picklist']);

/**
 * What the rules find wrong with the CRM fields named outside the mappers (the Email opt-out field, a tag
 * field) against the fields described: found as soon as the member object changes, as the mapper finds its
 * rows', not only when a save is refused. The mapper's rows are left to the mapper.
 */
export function describedFieldErrors(draft: Draft, saved: IntegrationSettings | null, metadata: CrmMetadata): FieldError[] {
  return checkDraft(draft, saved, 'crm', 'draft', metadata).filter((e) => describedCodes.has(e.code) && parsePointer(e.pointer).length === 2);
}

/**
 * The errors a form shows: a CRM choice that waits on the connection (`credentials_required`) is left out when the
 * missing connection setting it waits on is named too (`required`), as the rules always name it in a save that
 * enables, or that keeps CRM choices: the choice is not wrong, and fixing the setting clears both.
 */
export function shownErrors(errors: readonly FieldError[]): readonly FieldError[] {
  const cause = errors.some((e) => e.code === 'required' && /^\/(config|credentials)\//.test(e.pointer));
  return cause ? errors.filter((e) => e.code !== 'credentials_required') : errors;
}

/** Whether the connection part on screen differs from the saved one (then a test uses the values on screen). */
export function connectionChanged(draft: Draft, saved: IntegrationSettings | null): boolean {
  if (Object.keys(draft.secrets).length > 0 || draft.platform !== (saved?.platform ?? null)) return true;
  const platform = findPlatform(draft.platform);
  return !!platform && changedConnectionSettings(platform, draftFrom(saved).config, draft.config).length > 0;
}

/** The settings shown for the draft's platform, in catalog order, grouped by their `group`. */
export function visibleGroups(draft: Draft): Array<{ group: string; settings: SettingDefinition[] }> {
  const platform = findPlatform(draft.platform);
  if (!platform) return [];
  const groups = new Map<string, SettingDefinition[]>();
  for (const s of platform.settings) {
    if (!isSettingVisible(s, draft.config, platform)) continue;
    const group = s.group ?? CONNECTION_GROUP;
    groups.set(group, [...(groups.get(group) ?? []), s]);
  }
  return [...groups].map(([group, settings]) => ({ group, settings }));
}

/**
 * Whether the admin put something into a group after *Connection*: a value other than its default, or a
 * secret. Those groups then stay on screen even if a connection input is emptied again, so nothing that
 * would be saved is out of sight: a secret of spaces alone too, which is sent and refused beside its input.
 */
export function holdsInputBeyondConnection(draft: Draft): boolean {
  return visibleGroups(draft)
    .filter(({ group }) => group !== CONNECTION_GROUP)
    .some(({ settings }) =>
      settings.some((s) => (s.type === 'secret' ? draft.secrets[s.key] !== undefined : isFilled(draft.config[s.key]) && !sameJson(draft.config[s.key], s.default))),
    );
}

/**
 * The id of the control a JSON Pointer from the server points at, or '' when it names no control on screen.
 * `/config/x` → `cfg-x`, `/credentials/x` → `secret-x`, `/crm/x/...` → `crm-x`, `/platform` → `platform`.
 */
export function controlIdFor(pointer: string): string {
  const [first, second] = parsePointer(pointer);
  if (first === 'platform') return 'platform';
  if (first === 'config' && second) return `cfg-${second}`;
  if (first === 'credentials' && second) return `secret-${second}`;
  if (first === 'crm' && second) return `crm-${second}`;
  return '';
}

/** One line of the conflict comparison. */
export interface Difference {
  label: string;
  theirs: string;
  mine: string;
}

type Show = (value: unknown) => string;

/** What differs between the record someone else saved and the admin's working copy. */
export function compare(
  theirs: IntegrationSettings,
  mine: Draft,
  show: Show,
  labels: {
    platform: string;
    setting: (s: SettingDefinition) => string;
    /** A select's option as the control shows it. */
    option: (s: SettingDefinition, value: string) => string;
    crm: (key: keyof typeof crmLabelKeys) => string;
    /** A mapping shown with its update policy. */
    policy: (target: string, policy: FieldMapping['policy']) => string;
    secret: (pending: string | null) => string;
  },
): Difference[] {
  const out: Difference[] = [];
  const add = (label: string, a: unknown, b: unknown) => {
    if (!sameJson(a, b)) out.push({ label, theirs: show(a), mine: show(b) });
  };
  add(labels.platform, findPlatform(theirs.platform)?.name ?? theirs.platform, findPlatform(mine.platform)?.name ?? mine.platform);
  const platform = findPlatform(mine.platform) ?? findPlatform(theirs.platform);
  const base = draftFrom(theirs);
  for (const s of platform?.settings ?? []) {
    if (s.type === 'secret') {
      if (s.key in mine.secrets) out.push({ label: labels.setting(s), theirs: show(theirs.credentials[s.key]?.configured ? `••••${theirs.credentials[s.key]?.hint ?? ''}` : ''), mine: labels.secret(mine.secrets[s.key] ?? null) });
      continue;
    }
    const shown = (v: unknown) => (s.options && typeof v === 'string' ? labels.option(s, v) : v);
    add(labels.setting(s), shown(base.config[s.key]), shown(mine.config[s.key]));
  }
  if (theirs.category === 'crm') {
    const a = theirs.crm ?? emptyCrmMapping();
    const b = mine.crm;
    for (const key of Object.keys(crmLabelKeys) as Array<keyof typeof crmLabelKeys>) {
      if (key === 'memberMappings' || key === 'orderMappings') {
        // One row per MemberPulse field whose mapping differs, so a long list does not hide which one.
        const sources = localizedSourceFields(key);
        const theirsBy = new Map(a[key].map((m) => [m.source, m]));
        const mineBy = new Map(b[key].map((m) => [m.source, m]));
        for (const source of new Set([...a[key], ...b[key]].map((m) => m.source))) {
          const [t, m] = [theirsBy.get(source), mineBy.get(source)];
          if (sameJson(t, m)) continue;
          const shown = (x: FieldMapping | undefined) => (x && t?.target === m?.target ? labels.policy(x.target, x.policy) : x?.target);
          out.push({ label: `${labels.crm(key)}: ${sources.find((f) => f.key === source)?.label ?? source}`, theirs: show(shown(t)), mine: show(shown(m)) });
        }
      } else add(labels.crm(key), a[key], b[key]);
    }
  }
  return out;
}
