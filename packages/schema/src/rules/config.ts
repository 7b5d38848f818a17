import type { ConfigValue, PlatformDefinition, SettingDefinition } from '../platform-types.js';
import { escapePointerToken, fieldError, type FieldError, type FieldErrorCode } from '../problem.js';
import { stripeKeyModeErrors } from './stripe.js';
import { LOOPBACK_ORIGIN, SALESFORCE_URL_PATTERN } from './salesforce-url.js';

const loopbackUrl = new RegExp(`^${LOOPBACK_ORIGIN}/?$`);

/** What the checks of a settings document know beyond it. */
export interface ConfigCheckOptions {
  /**
   * Whether a Salesforce URL may name this machine (a test or demo org). The server says no in production,
   * where such a URL would let a tenant probe the server's own ports; a page of widgets leaves it to the server.
   */
  allowLoopback?: boolean;
}

/** Settings in this group are the connection: the rest of a platform's form waits until they are complete. */
export const CONNECTION_GROUP = 'Connection';

/** Whether a setting belongs to the connection group: where and how the platform is reached with the stored secrets. */
export function isConnectionSetting(setting: SettingDefinition): boolean {
  return (setting.group ?? CONNECTION_GROUP) === CONNECTION_GROUP;
}

/**
 * Whether a setting (not a secret) sits in a group with a secret: it decides where and how that secret is
 * used (a My Domain URL, a sign-in method, a self-hosted login's host), so changing it is a credentials matter.
 */
export function guardsSecrets(platform: PlatformDefinition, setting: SettingDefinition): boolean {
  const group = (s: SettingDefinition) => s.group ?? CONNECTION_GROUP;
  return setting.type !== 'secret' && platform.settings.some((s) => s.type === 'secret' && group(s) === group(setting));
}

/**
 * The settings that guard secrets (`guardsSecrets`) whose value differs between two configs, defaults
 * applied. On a record that holds secrets, changing one decides where those secrets are sent, so only a
 * role that may write credentials may change it.
 */
export function changedConnectionSettings(
  platform: PlatformDefinition,
  before: Readonly<Record<string, ConfigValue | null>>,
  after: Readonly<Record<string, ConfigValue | null>>,
): SettingDefinition[] {
  const effective = (config: Readonly<Record<string, ConfigValue | null>>, s: SettingDefinition) => JSON.stringify(config[s.key] ?? s.default ?? null);
  return platform.settings.filter((s) => guardsSecrets(platform, s) && effective(before, s) !== effective(after, s));
}

/** Whether a setting is shown (and so may be required) given the other settings' values. */
export function isSettingVisible(setting: SettingDefinition, config: Readonly<Record<string, unknown>>, platform: PlatformDefinition): boolean {
  const when = setting.visibleWhen;
  if (!when) return true;
  return (config[when.key] ?? platform.settings.find((s) => s.key === when.key)?.default) === when.equals;
}

/** How many values a list setting holds at most, and how long each may be. */
export const LIST_LIMITS = { values: 200, valueLength: 255 } as const;

/** What is wrong with one setting value: a field-error code and the English message. */
export interface SettingProblem {
  code: FieldErrorCode;
  message: string;
}

const problem = (code: FieldErrorCode, message: string): SettingProblem => ({ code, message });

/** Checks one value against its setting definition; answers what is wrong, or null. */
export function checkSettingValue(setting: SettingDefinition, value: unknown): SettingProblem | null {
  switch (setting.type) {
    case 'toggle':
      return typeof value === 'boolean' ? null : problem('invalid_type', `${setting.label} must be on or off (true or false).`);
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return problem('invalid_type', `${setting.label} must be a number.`);
      if (setting.integer && !Number.isInteger(value)) return problem('invalid_type', `${setting.label} must be a whole number.`);
      // Digits grouped as the screens show counts ("15,000"): 100000000 is hard to read right.
      if (setting.min !== undefined && value < setting.min) return problem('too_small', `${setting.label} must be at least ${setting.min.toLocaleString('en')}.`);
      if (setting.max !== undefined && value > setting.max) return problem('too_big', `${setting.label} must be at most ${setting.max.toLocaleString('en')}.`);
      return null;
    }
    case 'select':
      if (typeof value !== 'string') return problem('invalid_type', `${setting.label} must be one of the listed options.`);
      return setting.options?.some((o) => o.value === value)
        ? null
        : problem('invalid_option', `${setting.label} must be one of: ${setting.options?.map((o) => o.label).join(', ')}.`);
    case 'list': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return problem('invalid_type', `${setting.label} must be a list of text values.`);
      if (value.length > LIST_LIMITS.values) return problem('too_big', `${setting.label} takes at most ${LIST_LIMITS.values} values.`);
      if (value.some((v: string) => v.length > LIST_LIMITS.valueLength)) return problem('too_long', `Each value of ${setting.label} can be at most ${LIST_LIMITS.valueLength} characters.`);
      const bad = firstBadListValue(setting, value);
      if (bad !== undefined) return checkText(setting, bad);
      // One value per thing listed (seed 003: one club ID "for every club"): a repeat is a slip, not a second one.
      const repeated = value.find((v: string, i: number) => value.indexOf(v) !== i);
      return repeated === undefined ? null : problem('duplicate', `${setting.label} lists “${repeated}” twice: give each value once.`);
    }
    case 'text':
    case 'secret':
      return checkText(setting, value);
  }
}

/** The first value of a list setting with a space around it or breaking its format rule, if any (forms name it beside the rule). */
export function firstBadListValue(setting: SettingDefinition, values: readonly unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && !!checkText(setting, v));
}

/** The message of a setting's format error: its label, then the catalog's rule ("Portal ID: digits only."). */
export function settingFormatMessage({ label, patternMessage: rule }: SettingDefinition): string {
  return rule ? `${label}: ${rule[0]!.toLowerCase()}${rule.slice(1)}` : `${label} has the wrong format.`;
}

function checkText(setting: SettingDefinition, value: unknown): SettingProblem | null {
  if (typeof value !== 'string') return problem('invalid_type', `${setting.label} must be text.`);
  if (value.length > (setting.maxLength ?? Infinity)) return problem('too_long', `${setting.label} must be at most ${setting.maxLength} characters.`);
  const trimmed = value.trim();
  // A blank text is the required rule's business: one message, not a format error beside it. A list's blank value is not.
  if (!trimmed) return setting.type === 'list' ? problem('invalid_format', `${setting.label}: remove the blank value.`) : null;
  const rule = setting.pattern && new RegExp(setting.pattern);
  // A value pasted with a space or line break around it is right but for that: say so, not the rule it seems to
  // meet. Text is never meant to start or end with one; a secret without a rule may (a password's spaces).
  if (rule ? rule.test(value) : value === trimmed ? trimmed : setting.type === 'secret') return null;
  return problem('invalid_format', value !== trimmed && (!rule || rule.test(trimmed)) ? `${setting.label}: remove the space before or after it.` : settingFormatMessage(setting));
}

/** True when a value counts as given for a required setting. */
export function isFilled(value: ConfigValue | null | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return !!value.trim();
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Checks a platform's non-secret settings: no unknown keys, no secrets in `config`, each value of the right
 * kind, none contradicting another (`stripeKeyModeErrors`); with `requireComplete`, every visible required
 * setting given.
 */
export function validateConfig(
  platform: PlatformDefinition,
  config: Readonly<Record<string, ConfigValue | null>>,
  requireComplete: boolean,
  { allowLoopback = true }: ConfigCheckOptions = {},
): FieldError[] {
  const errors: FieldError[] = [];
  const byKey = new Map(platform.settings.map((s) => [s.key, s]));
  for (const [key, value] of Object.entries(config)) {
    const at = `/config/${escapePointerToken(key)}`;
    const setting = byKey.get(key);
    if (!setting) {
      errors.push(fieldError(at, 'unknown_field', `${platform.name} has no setting “${key}”.`));
    } else if (setting.type === 'secret') {
      errors.push(fieldError(at, 'invalid', `${setting.label} is a secret: send it under credentials.`));
    } else if (value !== null) {
      const found = checkSettingValue(setting, value);
      if (found) errors.push(fieldError(at, found.code, found.message));
      else if (!allowLoopback && setting.pattern === SALESFORCE_URL_PATTERN && typeof value === 'string' && loopbackUrl.test(value)) {
        errors.push(fieldError(at, 'invalid_format', `${setting.label}: this server reaches Salesforce only, not its own machine. ${setting.patternMessage}`));
      }
    }
  }
  if (requireComplete) {
    for (const setting of platform.settings) {
      if (setting.type === 'secret' || !setting.required || !isSettingVisible(setting, config, platform)) continue;
      if (isFilled(config[setting.key] ?? setting.default)) continue;
      const message = setting.type === 'list' ? `Add at least one value to ${setting.label}.` : `${setting.label} is required.`;
      errors.push(fieldError(settingPointer(setting), 'required', message));
    }
  }
  errors.push(...stripeKeyModeErrors(platform, config.mode, { publishableKey: config.publishableKey }));
  return errors;
}

/**
 * Checks secret values being written: known secret keys only, each a non-empty string of the right format
 * that fits the settings in `config` (`stripeKeyModeErrors`), or null to clear.
 */
export function validateCredentialInput(
  platform: PlatformDefinition,
  credentials: Readonly<Record<string, string | null>>,
  config: Readonly<Record<string, ConfigValue | null>>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(credentials)) {
    const at = `/credentials/${escapePointerToken(key)}`;
    const setting = platform.settings.find((s) => s.key === key);
    if (!setting || setting.type !== 'secret') {
      errors.push(fieldError(at, 'unknown_field', `${platform.name} has no secret “${key}”.`));
      continue;
    }
    if (value === null) continue;
    if (!value.trim()) {
      errors.push(fieldError(at, 'required', `${setting.label} cannot be blank.`));
      continue;
    }
    const found = checkSettingValue(setting, value);
    if (found) errors.push(fieldError(at, found.code, found.message));
  }
  errors.push(...stripeKeyModeErrors(platform, config.mode, { secretKey: credentials.secretKey }));
  return errors;
}

/** Where a setting's value sits in a settings document: `/credentials/<key>` for a secret, else `/config/<key>`. */
export function settingPointer(setting: SettingDefinition): string {
  return `/${setting.type === 'secret' ? 'credentials' : 'config'}/${escapePointerToken(setting.key)}`;
}

/**
 * The connection inputs a platform still lacks: each visible required secret not configured and each
 * visible required connection setting not filled, in catalog order.
 */
export function missingConnectionSettings(
  platform: PlatformDefinition,
  config: Readonly<Record<string, ConfigValue | null>>,
  configuredSecrets: ReadonlySet<string>,
): SettingDefinition[] {
  return platform.settings.filter((s) => {
    if (!s.required || !isSettingVisible(s, config, platform)) return false;
    if (s.type === 'secret') return !configuredSecrets.has(s.key);
    return isConnectionSetting(s) && !isFilled(config[s.key] ?? s.default);
  });
}

/** Whether the platform's credentials are complete: nothing is missing. The CRM fields only show (and only validate) once this holds. */
export function credentialsComplete(
  platform: PlatformDefinition,
  config: Readonly<Record<string, ConfigValue | null>>,
  configuredSecrets: ReadonlySet<string>,
): boolean {
  return missingConnectionSettings(platform, config, configuredSecrets).length === 0;
}
