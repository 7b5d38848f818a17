import { isolateBidi } from '../bidi.js';
import { categoryLabels, isPlatformRequired, type IntegrationCategory } from '../categories.js';
import { findPlatform } from '../catalog/platforms.js';
import { memberFields, orderFields } from '../catalog/memberpulse-fields.js';
import type { CrmFieldDescriptor } from '../field-types.js';
import type { ConfigValue } from '../platform-types.js';
import { fieldError, type FieldError } from '../problem.js';
import type { CrmMapping, ValidationResult } from '../settings.js';
import { tagValuesFor, type TagFieldKey } from '../tags.js';
import { activePicklistValues, isTagField } from './compatibility.js';
import { missingConnectionSettings, settingPointer, validateConfig, type ConfigCheckOptions } from './config.js';
import { validateMappings } from './mappings.js';

/** A settings record as it would stand after a write: what the business rules judge. */
export interface SettingsState {
  category: IntegrationCategory;
  platform: string | null;
  config: Record<string, ConfigValue | null>;
  /** Keys of the secrets that are configured. */
  configuredSecrets: ReadonlySet<string>;
  crm: CrmMapping | null;
}

/** CRM metadata the rules may use, when the server or the UI has it. */
export interface CrmMetadata extends ConfigCheckOptions {
  /** Fields of the member object. */
  memberFields?: readonly CrmFieldDescriptor[];
  /** Fields of the order object. */
  orderFields?: readonly CrmFieldDescriptor[];
}

/** An empty CRM section, the starting point of every CRM settings record. */
export function emptyCrmMapping(): CrmMapping {
  return {
    memberObject: null,
    memberMappings: [],
    eventTagField: null,
    courseTagField: null,
    orderObject: null,
    orderMappings: [],
    tagDestination: 'multiPicklist',
    tagObject: null,
    supportTicketNotes: false,
  };
}

/**
 * The business rules of seed 000 for one settings record.
 * `draft`: what is there must be right (known platform of this category, valid values, no duplicate or
 * incompatible mappings, nothing that needs credentials before they are set).
 * `enable`: additionally everything required is there.
 */
export function validateSettings(state: SettingsState, mode: 'draft' | 'enable', metadata: CrmMetadata = {}): ValidationResult {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const complete = mode === 'enable';

  if (state.platform === null) {
    if (complete || isPlatformRequired(state.category)) {
      errors.push(fieldError('/platform', 'required', 'Choose a platform.'));
    }
    if (state.crm && hasCrmContent(state.crm)) {
      errors.push(fieldError('/platform', 'required', 'Choose a platform before mapping fields.'));
    }
    return { errors, warnings };
  }
  const platform = findPlatform(state.platform);
  if (!platform) {
    errors.push(fieldError('/platform', 'invalid_option', `“${state.platform}” is not a platform we integrate with.`));
    return { errors, warnings };
  }
  if (platform.category !== state.category) {
    errors.push(fieldError('/platform', 'platform_mismatch', `${platform.name} is listed under ${categoryLabels[platform.category]}, not ${categoryLabels[state.category]}.`));
    return { errors, warnings };
  }

  errors.push(...validateConfig(platform, state.config, complete, metadata));
  const missing = missingConnectionSettings(platform, state.config, state.configuredSecrets);
  const connected = missing.length === 0;
  if (complete) {
    // Required config values were checked by validateConfig; the secrets missing are among `missing`.
    for (const s of missing) if (s.type === 'secret') errors.push(fieldError(settingPointer(s), 'required', `${s.label} is required.`));
  }
  for (const s of platform.settings) {
    const value = state.config[s.key] ?? s.default;
    if (!s.crmFieldTypes || !isSet(value)) continue;
    // A default needs no credentials to be stored, but must exist on the member object like a chosen field.
    if (!connected) {
      if (value !== s.default) errors.push(fieldError(`/config/${s.key}`, 'credentials_required', 'Set the credentials first: this names a CRM field.'));
      continue;
    }
    if (!metadata.memberFields) continue;
    const field = metadata.memberFields.find((f) => f.name === value);
    if (!field) errors.push(fieldError(`/config/${s.key}`, 'unknown_target', `${String(value)} does not exist on the member object.`));
    else if (!s.crmFieldTypes.includes(field.type)) errors.push(fieldError(`/config/${s.key}`, 'incompatible_type', `${s.label} must be a ${s.crmFieldTypes.join(' or ')} field.`));
  }

  if (state.category !== 'crm') {
    if (state.crm && hasCrmContent(state.crm)) errors.push(fieldError('/crm', 'unknown_field', 'Only CRM settings have field mappings.'));
    return { errors, warnings };
  }
  const crm = state.crm ?? emptyCrmMapping();
  if (!connected) {
    const given = dependentFields(crm).filter(([, value]) => value);
    // Point at the cause first (a cleared password, say), then at each CRM choice that needs it.
    if (given.length && !complete) {
      for (const s of missing) errors.push(fieldError(settingPointer(s), 'required', `${s.label} is required while CRM choices are set.`));
    }
    for (const [key] of given) errors.push(fieldError(`/crm/${key}`, 'credentials_required', 'Set and save the credentials first.'));
    return { errors, warnings };
  }
  const merge = (r: ValidationResult) => {
    errors.push(...r.errors);
    warnings.push(...r.warnings);
  };

  if (complete && !crm.memberObject) errors.push(fieldError('/crm/memberObject', 'required', 'Choose the member object.'));
  merge(
    validateMappings(crm.memberMappings, {
      sources: memberFields,
      targets: metadata.memberFields,
      pointer: '/crm/memberMappings',
      requireComplete: complete,
    }),
  );
  if (crm.memberMappings.length > 0 && !crm.memberObject) {
    errors.push(fieldError('/crm/memberObject', 'required', 'Choose the member object before mapping its fields.'));
  }

  // Only member fields take tags: a related object gets a record per tag, a campaign a member (seed 001).
  const toFields = crm.tagDestination === 'multiPicklist';
  if (complete && toFields && !crm.eventTagField) {
    errors.push(fieldError('/crm/eventTagField', 'required', 'Choose the field that receives event tags.'));
  }
  if (crm.tagDestination === 'relatedObject' && complete && !crm.tagObject) {
    errors.push(fieldError('/crm/tagObject', 'required', 'Choose the related object that receives tag records.'));
  }
  if (crm.tagDestination !== 'relatedObject' && crm.tagObject) {
    errors.push(fieldError('/crm/tagObject', 'invalid', 'Only used when tags go to a related object.'));
  }
  if (toFields) errors.push(...tagFieldErrors(crm, metadata.memberFields));

  if (crm.orderObject) {
    merge(
      validateMappings(crm.orderMappings, {
        sources: orderFields,
        targets: metadata.orderFields,
        pointer: '/crm/orderMappings',
        requireComplete: complete,
      }),
    );
  } else if (crm.orderMappings.length > 0) {
    errors.push(fieldError('/crm/orderObject', 'required', 'Choose the order object before mapping order fields.'));
  }
  return { errors, warnings };
}

/**
 * Tag fields on the member object: not a mapping's target (tags would overwrite what it writes and the
 * other way round) and, once the object is described, a tag field that accepts every tag routed to it.
 */
function tagFieldErrors(crm: CrmMapping, memberFields: readonly CrmFieldDescriptor[] | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ['eventTagField', 'courseTagField'] as const satisfies readonly TagFieldKey[]) {
    const name = crm[key];
    if (!name) continue;
    const field = memberFields?.find((f) => f.name === name);
    const label = isolateBidi(field?.label ?? name);
    const at = `/crm/${key}`;
    if (memberFields && !field) errors.push(fieldError(at, 'unknown_target', `${name} does not exist on ${crm.memberObject ?? 'the member object'}.`));
    else if (field && !isTagField(field)) errors.push(fieldError(at, 'not_tag_field', `${label} cannot hold tags: choose a multi-select picklist or long text field.`));
    else if (crm.memberMappings.some((m) => m.target === name)) {
      errors.push(fieldError(at, 'duplicate_target', `${label} is also a field mapping's target: tags and mapped values would overwrite each other. Choose a field of its own for tags.`));
    } else if (field?.restrictedPicklist) {
      const accepted = activePicklistValues(field);
      const missing = tagValuesFor(key, crm.courseTagField).filter((v) => !accepted.has(v));
      if (missing.length) errors.push(fieldError(at, 'restricted_picklist', `${label} accepts only its listed values and lacks ${missing.join(', ')}: add them in the CRM, or choose another field.`));
    }
  }
  return errors;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function dependentFields(crm: CrmMapping): Array<[string, boolean]> {
  return [
    ['memberObject', !!crm.memberObject],
    ['memberMappings', crm.memberMappings.length > 0],
    ['eventTagField', !!crm.eventTagField],
    ['courseTagField', !!crm.courseTagField],
    ['orderObject', !!crm.orderObject],
    ['orderMappings', crm.orderMappings.length > 0],
  ];
}

function hasCrmContent(crm: CrmMapping): boolean {
  return dependentFields(crm).some(([, given]) => given);
}
