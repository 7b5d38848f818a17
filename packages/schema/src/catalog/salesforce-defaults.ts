import type { CrmFieldDescriptor } from '../field-types.js';
import type { FieldMapping } from '../settings.js';

/** Seed 001's default member mapping onto a Salesforce Contact. */
export const salesforceDefaultMemberMappings: readonly FieldMapping[] = [
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'FirstName', policy: 'always' },
  { source: 'lastName', target: 'LastName', policy: 'always' },
  { source: 'phone', target: 'Phone', policy: 'neverBlank' },
  { source: 'company', target: 'Account.Name', policy: 'ifTargetEmpty' },
  { source: 'membershipStatus', target: 'Membership_Status__c', policy: 'always' },
];

/**
 * Seed 001's standard mapping for the MemberPulse fields not mapped yet, onto Salesforce fields not mapped
 * yet: the rows whose Salesforce field the object has (`add`), and those whose field it lacks (`absent`,
 * e.g. an org without `Membership_Status__c`), so a screen can name them instead of dropping them unsaid.
 */
export function standardMemberMapping(mapped: readonly FieldMapping[], targets: readonly CrmFieldDescriptor[]): { add: FieldMapping[]; absent: FieldMapping[] } {
  const sources = new Set(mapped.map((m) => m.source));
  const used = new Set(mapped.map((m) => m.target));
  const names = new Set(targets.map((f) => f.name));
  // A field the admin already maps something else to stays theirs: two rows would write it.
  const open = salesforceDefaultMemberMappings.filter((m) => !sources.has(m.source) && !used.has(m.target));
  return { add: open.filter((m) => names.has(m.target)).map((m) => ({ ...m })), absent: open.filter((m) => !names.has(m.target)) };
}

/** Salesforce settings as the connectors read them from a settings record's `config`. */
export interface SalesforceConfig {
  environment: 'production' | 'sandbox';
  authMode: 'connectedApp' | 'serviceUser';
  myDomainUrl?: string;
  consumerKey?: string;
  username?: string;
  autoSync?: boolean;
  dailyApiAllotment?: number;
  periodicRefreshMinutes?: number;
  activeFlagField?: string;
  emailOptOutField?: string;
  securityGroupPrefix?: string;
  recordTypesAsGroups?: boolean;
  allowedGroupValues?: string[];
}

/** Salesforce secrets, decrypted only inside the server for a call to Salesforce. */
export interface SalesforceSecrets {
  consumerSecret?: string;
  password?: string;
  securityToken?: string;
}
