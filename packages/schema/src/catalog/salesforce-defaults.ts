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
