import type { IntegrationCategory } from './categories.js';
import type { CrmFieldType } from './field-types.js';

/** How a platform setting is entered. `secret` values are credentials: write-only, encrypted at rest. */
export type SettingType = 'text' | 'secret' | 'select' | 'toggle' | 'number' | 'list';

/** A value of a non-secret setting. `list` settings hold string arrays. */
export type ConfigValue = string | number | boolean | string[];

/** One option of a `select` setting. */
export interface SettingOption {
  value: string;
  label: string;
}

/** Shows a setting only while another setting has one of the given values. */
export interface SettingCondition {
  key: string;
  equals: string | boolean;
}

/** One field of a platform's settings form. The elements render forms from these, so a platform is data only. */
export interface SettingDefinition {
  /** Key in `config` (or `credentials` for secrets). */
  key: string;
  label: string;
  type: SettingType;
  /** Required when visible. */
  required: boolean;
  help?: string;
  placeholder?: string;
  options?: SettingOption[];
  /** Value used when none is given. */
  default?: ConfigValue;
  /** Bounds for `number` settings. */
  min?: number;
  max?: number;
  /** A `number` setting that counts something (calls, minutes): whole numbers only. */
  integer?: boolean;
  /** Longest accepted text. */
  maxLength?: number;
  /** A regular expression (source) that text must match. */
  pattern?: string;
  /** Message when `pattern` does not match: a sentence, full stop included ("Digits only."). */
  patternMessage?: string;
  /** Only shown (and only required) while this holds. */
  visibleWhen?: SettingCondition;
  /** The value names a field of the member object in the CRM, of one of these types; the UI offers a field picker. */
  crmFieldTypes?: CrmFieldType[];
  /** MemberPulse writes into the field it names (the email opt-out, kept in step both ways): it must be writable. */
  writes?: boolean;
  /** Form group heading, e.g. `Connection`, `Sync`, `Security groups`. */
  group?: string;
}

/** A platform MemberPulse integrates with. */
export interface PlatformDefinition {
  /** Stable id, e.g. `salesforce`. */
  id: string;
  name: string;
  category: IntegrationCategory;
  description: string;
  /** Supports object and field discovery (CRM platforms). */
  discovery: boolean;
  /** MemberPulse can test the connection (it calls the platform); false where the platform calls MemberPulse. */
  testable: boolean;
  /** Settings form, in display order. */
  settings: SettingDefinition[];
}
