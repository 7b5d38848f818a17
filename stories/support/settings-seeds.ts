// Settings the stories save through the real API: a membership club's Salesforce connection to the
// loopback org (whose Contact is the realistic one), its Stripe, Xero and inbound-connector records.
import type { FieldMapping, IntegrationSettingsInput } from '@memberpulse/integration-schema';
import type { IntegrationClient } from '@memberpulse/integrations-sdk';
import { postBeside, type TestEnv } from '../../packages/elements/src/provider/browser-test-kit.js';

/** A typical member mapping onto the loopback org's Contact. */
const typicalMemberMappings: FieldMapping[] = [
  { source: 'email', target: 'Email', policy: 'always' },
  { source: 'firstName', target: 'FirstName', policy: 'always' },
  { source: 'lastName', target: 'LastName', policy: 'always' },
  { source: 'phone', target: 'Phone', policy: 'neverBlank' },
];

/** A member mapping onto the loopback org's 900-field Association_Member__c, a large org's member object. */
export const largeOrgMemberMappings: FieldMapping[] = [
  { source: 'email', target: 'Email__c', policy: 'always' },
  { source: 'firstName', target: 'First_Name__c', policy: 'always' },
  { source: 'lastName', target: 'Last_Name__c', policy: 'always' },
  { source: 'phone', target: 'Phone__c', policy: 'neverBlank' },
];

/**
 * Salesforce through the loopback org's Connected App, members on Contact (or `memberObject`), event tags in a
 * multi-select; the member object's own email opt-out field (the setting is required, and its default is
 * Contact's) and an allotment within the org's 15,000 daily calls, so a story shows no error or warning it does not name.
 */
function salesforceInput(env: TestEnv, memberMappings: FieldMapping[] = typicalMemberMappings, memberObject = 'Contact'): IntegrationSettingsInput {
  return {
    platform: 'salesforce',
    config: {
      environment: 'production',
      authMode: 'connectedApp',
      consumerKey: env.salesforce.consumerKey,
      autoSync: true,
      dailyApiAllotment: 10000,
      emailOptOutField: memberObject === 'Contact' ? 'HasOptedOutOfEmail' : 'Email_Opt_Out__c',
      securityGroupPrefix: 'HL_',
    },
    credentials: { consumerSecret: env.salesforce.consumerSecret },
    crm: { memberObject, memberMappings, ...(memberObject === 'Contact' ? { eventTagField: 'Event_Tags__c' } : { eventTagField: 'Member_Tags__c' }) },
  };
}

/**
 * A mapping saved before the org changed: Phone saved as a text field (the org has it as a phone field
 * now) and a member field on a Contact field that is gone.
 */
export const driftedMemberMappings: FieldMapping[] = [
  ...typicalMemberMappings.map((m) => (m.target === 'Phone' ? { ...m, targetType: 'string' as const } : m)),
  { source: 'membershipStatus', target: 'Old_Membership_Level__c', policy: 'always' },
];

/** Stripe in test mode, with the secret key saved and the webhook secret not yet. */
export const stripeInput: IntegrationSettingsInput = {
  platform: 'stripe',
  config: { mode: 'test', publishableKey: 'pk_test_51HriversideSportsClub' },
  credentials: { secretKey: 'sk_test_51HriversideSportsClubX9Aa' },
};

/** Xero with its client ID and secret. */
export const xeroInput: IntegrationSettingsInput = {
  platform: 'xero',
  config: { clientId: 'riverside-xero' },
  credentials: { clientSecret: 'xero-client-secret-Zz90' },
};

/** An inbound partner connector's turn-up (seed 003): client and club IDs, one custom option. */
export const inboundInput: IntegrationSettingsInput = {
  platform: 'intouch',
  config: { clientId: '4711', clubIds: ['12', '13', '27'], customOptions: ['leadSourceSync=true'] },
};

/** Saves the Salesforce draft (and enables it when asked), members on Contact unless `memberObject` says otherwise. */
export async function seedSalesforce(admin: IntegrationClient, env: TestEnv, status: 'draft' | 'enabled' = 'draft', memberMappings?: FieldMapping[], memberObject?: string): Promise<void> {
  const input = salesforceInput(env, memberMappings, memberObject);
  await (status === 'enabled' ? admin.settings.enable('crm', input) : admin.settings.saveDraft('crm', input));
}

/** The usage meter's ranges: under 70 % of the allotment, up to 90 %, and past it. */
export type UsageRange = 'low' | 'near' | 'over';

/** The loopback org's API usage, raised to `atLeast` calls as if they had been spent (`SALESFORCE_USAGE_PATH`); answers how many it used. */
async function spendCalls(atLeast: number): Promise<number> {
  return (await postBeside<{ used: number }>(`/__mp/salesforce-usage?atLeast=${atLeast}`)).used;
}

/**
 * Salesforce connected with an allotment that puts the org's usage in `range`. The loopback org's count is one
 * for every tenant and only grows (a long Storybook session spends it), and an allotment is at least 1,000:
 * "near" and "over" first raise it to 750 or 1,100 if it is under. The allotment is
 * then set from what the org has used now: twice it for low, a quarter over it for near (leaving room for the
 * calls the widget makes as it loads), 1,000 for over; never above the org's own limit.
 */
export async function seedUsage(admin: IntegrationClient, env: TestEnv, range: UsageRange): Promise<void> {
  // Saved first: the usage is read through the tenant's connection.
  await seedSalesforce(admin, env);
  const used = await spendCalls({ low: 0, near: 750, over: 1100 }[range]);
  const { limit } = await admin.crm.apiUsage();
  const wanted = { low: used * 2, near: used * 1.25, over: 1000 }[range];
  await admin.settings.patch('crm', { config: { dailyApiAllotment: Math.min(limit, Math.max(1000, Math.ceil(wanted / 10) * 10)) } });
}
