import type { IntegrationCategory } from './categories.js';
import type { CrmFieldType } from './field-types.js';
import type { FieldError } from './problem.js';
import type { ConfigValue } from './platform-types.js';
import type { TagDestination } from './tags.js';

/** Lifecycle of a settings record. Drafts may be incomplete; enabling demands everything; archived is the seed's delete. */
export type SettingsStatus = 'draft' | 'enabled' | 'archived';

/** How a mapped value is written to the CRM. */
export type UpdatePolicy = 'always' | 'ifTargetEmpty' | 'neverBlank';

/** Every update policy, in display order. */
export const updatePolicies: readonly UpdatePolicy[] = ['always', 'ifTargetEmpty', 'neverBlank'];

/** One MemberPulse field mapped onto one CRM field. */
export interface FieldMapping {
  /**
   * MemberPulse field key.
   * @minLength 1
   * @maxLength 80
   */
  source: string;
  /**
   * CRM field API name (or a relationship path such as `Account.Name`).
   * @minLength 1
   * @maxLength 255
   */
  target: string;
  /** `always` overwrites; `ifTargetEmpty` fills blanks only; `neverBlank` never replaces a value with an empty one. */
  policy: UpdatePolicy;
  /** CRM type of the target when the mapping was saved; the server records it so type changes show as drift. */
  targetType?: CrmFieldType;
}

/** The CRM part of the settings (seed 000): what is synced where. */
export interface CrmMapping {
  /**
   * Member object API name, e.g. `Contact`.
   * @maxLength 255
   */
  memberObject: string | null;
  /** @maxItems 500 */
  memberMappings: FieldMapping[];
  /**
   * CRM field that receives event registration and attendance tags.
   * @maxLength 255
   */
  eventTagField: string | null;
  /**
   * CRM field that receives completed-course tags.
   * @maxLength 255
   */
  courseTagField: string | null;
  /**
   * CRM object for orders and transactions.
   * @maxLength 255
   */
  orderObject: string | null;
  /** @maxItems 500 */
  orderMappings: FieldMapping[];
  tagDestination: TagDestination;
  /**
   * Related custom object that receives tag records when `tagDestination` is `relatedObject`.
   * @maxLength 255
   */
  tagObject: string | null;
  /** Log support-ticket activity to the member as a Task/note. */
  supportTicketNotes: boolean;
}

/**
 * Write-only credential state as the API reports it: never the secret itself.
 * @additionalProperties true
 */
export interface CredentialState {
  configured: boolean;
  /** Last four characters, e.g. `1234`; null when not configured. */
  hint: string | null;
  /** When the secret was last written. */
  updatedAt: string | null;
  /**
   * Who last wrote it (their token's subject), as `updatedBy` names who last saved the record; null where
   * the server has no record of it. Absent from servers older than the field.
   */
  updatedBy?: string | null;
}

/**
 * A mapped CRM field that no longer exists or changed type (schema drift).
 * @additionalProperties true
 */
export interface DriftItem {
  /** JSON Pointer to the affected mapping or setting, e.g. `/crm/memberMappings/3/target`. */
  pointer: string;
  field: string;
  kind: 'missing' | 'type_changed';
  message: string;
}

/**
 * One settings record per tenant per category, as the API returns it.
 * @additionalProperties true
 */
export interface IntegrationSettings {
  id: string;
  category: IntegrationCategory;
  /** Catalog platform id, e.g. `salesforce`; null before one is chosen. */
  platform: string | null;
  status: SettingsStatus;
  /** Non-secret settings keyed by the platform's setting keys. */
  config: { [key: string]: ConfigValue };
  /** Secret settings: state only. */
  credentials: { [key: string]: CredentialState };
  /** Present on the CRM category. */
  crm: CrmMapping | null;
  /** Increases on every change; the ETag is derived from it. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Who last changed it (subject of the token). */
  updatedBy: string;
  /** Last schema-drift check against the CRM; empty when none found or not checked. */
  drift: DriftItem[];
}

/** The CRM part of a write: every property optional; arrays replace. */
export interface CrmMappingInput {
  /** @maxLength 255 */
  memberObject?: string | null;
  /** @maxItems 500 */
  memberMappings?: FieldMapping[];
  /** @maxLength 255 */
  eventTagField?: string | null;
  /** @maxLength 255 */
  courseTagField?: string | null;
  /** @maxLength 255 */
  orderObject?: string | null;
  /** @maxItems 500 */
  orderMappings?: FieldMapping[];
  tagDestination?: TagDestination;
  /** @maxLength 255 */
  tagObject?: string | null;
  supportTicketNotes?: boolean;
}

/**
 * A settings write (PUT replaces, PATCH merges).
 * `credentials`: a string sets or replaces that secret, `null` clears it, an absent key keeps it.
 */
export interface IntegrationSettingsInput {
  /**
   * Catalog platform id.
   * @maxLength 64
   */
  platform?: string | null;
  /** `draft` saves as is; `enabled` runs every business rule first. `archived` is set through the archive action only. */
  status?: 'draft' | 'enabled';
  config?: { [key: string]: ConfigValue | null };
  credentials?: { [key: string]: string | null };
  crm?: CrmMappingInput;
}

/** A validation outcome: blocking errors and non-blocking warnings. */
export interface ValidationResult {
  errors: FieldError[];
  warnings: FieldError[];
}
