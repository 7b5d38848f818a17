import type { PlatformDefinition } from '../platform-types.js';
import { SALESFORCE_URL_PATTERN } from '../rules/salesforce-url.js';

const salesforce: PlatformDefinition = {
  id: 'salesforce',
  name: 'Salesforce',
  category: 'crm',
  description: 'Bi-directional sync of members, activities and organisations with Salesforce CRM.',
  discovery: true,
  testable: true,
  settings: [
    {
      key: 'environment',
      label: 'Environment',
      type: 'select',
      required: true,
      default: 'production',
      options: [
        { value: 'production', label: 'Production' },
        { value: 'sandbox', label: 'Sandbox' },
      ],
      group: 'Connection',
    },
    {
      key: 'authMode',
      label: 'Sign-in method',
      type: 'select',
      required: true,
      default: 'connectedApp',
      options: [
        { value: 'connectedApp', label: 'Connected App (OAuth client credentials)' },
        { value: 'serviceUser', label: 'Service user (username, password and security token)' },
      ],
      group: 'Connection',
    },
    {
      key: 'myDomainUrl',
      label: 'My Domain URL',
      type: 'text',
      required: false,
      placeholder: 'https://yourorg.my.salesforce.com',
      help: 'Your org’s My Domain. Leave empty to use the server default login URL.',
      // The stored secrets are sent here, and what answers is shown.
      pattern: SALESFORCE_URL_PATTERN,
      patternMessage: 'Enter your org’s My Domain, such as https://yourorg.my.salesforce.com.',
      maxLength: 255,
      group: 'Connection',
    },
    {
      key: 'consumerKey',
      label: 'Consumer Key',
      type: 'text',
      required: true,
      help: 'The Connected App’s consumer key.',
      maxLength: 255,
      visibleWhen: { key: 'authMode', equals: 'connectedApp' },
      group: 'Connection',
    },
    {
      key: 'consumerSecret',
      label: 'Consumer Secret',
      type: 'secret',
      required: true,
      help: 'The Connected App’s consumer secret.',
      maxLength: 255,
      visibleWhen: { key: 'authMode', equals: 'connectedApp' },
      group: 'Connection',
    },
    {
      key: 'username',
      label: 'Service username',
      type: 'text',
      required: true,
      placeholder: 'integration@yourorg.com',
      help: 'A System Administrator user without periodic password reset.',
      maxLength: 255,
      visibleWhen: { key: 'authMode', equals: 'serviceUser' },
      group: 'Connection',
    },
    {
      key: 'password',
      label: 'Service password',
      type: 'secret',
      required: true,
      maxLength: 255,
      visibleWhen: { key: 'authMode', equals: 'serviceUser' },
      group: 'Connection',
    },
    {
      key: 'securityToken',
      label: 'Security token',
      type: 'secret',
      // Seed 004 asks only for a username and password: an org that trusts the server's IP addresses needs no token.
      required: false,
      help: 'Sent by email from the user’s settings (Reset My Security Token). Leave empty only if the org trusts this server’s IP addresses.',
      maxLength: 255,
      visibleWhen: { key: 'authMode', equals: 'serviceUser' },
      group: 'Connection',
    },
    { key: 'autoSync', label: 'Auto-sync', type: 'toggle', required: false, default: false, help: 'Synchronise automatically.', group: 'Sync' },
    {
      key: 'dailyApiAllotment',
      label: '24-hour API call allotment',
      type: 'number',
      integer: true,
      required: false,
      min: 1000,
      max: 100000000,
      help: 'How many of the org’s daily API calls MemberPulse may use.',
      group: 'Sync',
    },
    {
      key: 'periodicRefreshMinutes',
      label: 'Periodic refresh (minutes)',
      type: 'number',
      integer: true,
      required: false,
      default: 60,
      min: 5,
      max: 1440,
      help: 'How often changed records are fetched from Salesforce.',
      group: 'Sync',
    },
    {
      key: 'activeFlagField',
      label: 'Active flag field',
      type: 'text',
      required: false,
      help: 'A checkbox on the member object that says whether a record is active. Empty: every record syncs.',
      crmFieldTypes: ['boolean'],
      maxLength: 80,
      group: 'Member records',
    },
    {
      key: 'emailOptOutField',
      label: 'Email opt-out field',
      type: 'text',
      required: true,
      default: 'HasOptedOutOfEmail',
      help: 'Kept in step with MemberPulse’s email opt-out (GDPR): a member who opts out in one is opted out in the other.',
      crmFieldTypes: ['boolean'],
      writes: true,
      maxLength: 80,
      group: 'Member records',
    },
    {
      key: 'securityGroupPrefix',
      label: 'Security-group field prefix',
      type: 'text',
      required: false,
      default: 'HL_',
      help: 'Custom fields whose API names start with this prefix feed security groups.',
      pattern: '^[A-Za-z][A-Za-z0-9_]{0,20}$',
      patternMessage: 'Use letters, digits and underscores, starting with a letter.',
      maxLength: 21,
      group: 'Security groups',
    },
    {
      key: 'recordTypesAsGroups',
      label: 'Record types as security groups',
      type: 'toggle',
      required: false,
      default: false,
      group: 'Security groups',
    },
    {
      key: 'allowedGroupValues',
      label: 'Allowed group values',
      type: 'list',
      required: false,
      help: 'Only members in these groups sync. Empty: no filter.',
      group: 'Security groups',
    },
  ],
};

const hubspot: PlatformDefinition = {
  id: 'hubspot',
  name: 'HubSpot',
  category: 'crm',
  description: 'Sync members with HubSpot contacts and companies.',
  discovery: true,
  testable: true,
  settings: [
    { key: 'portalId', label: 'Portal ID', type: 'text', required: true, pattern: '^\\d{1,12}$', patternMessage: 'Digits only.', maxLength: 12, group: 'Connection' },
    { key: 'apiKey', label: 'Private app access token', type: 'secret', required: true, maxLength: 255, help: 'From Settings › Integrations › Private Apps.', group: 'Connection' },
    { key: 'syncContacts', label: 'Sync contacts', type: 'toggle', required: false, default: true, group: 'Sync' },
    { key: 'syncCompanies', label: 'Sync companies', type: 'toggle', required: false, default: false, group: 'Sync' },
  ],
};

const xero: PlatformDefinition = {
  id: 'xero',
  name: 'Xero',
  category: 'accounting',
  description: 'Post invoices and payments to Xero.',
  discovery: false,
  testable: true,
  settings: [
    { key: 'clientId', label: 'Client ID', type: 'text', required: true, maxLength: 255, group: 'Connection' },
    { key: 'clientSecret', label: 'Client Secret', type: 'secret', required: true, maxLength: 255, group: 'Connection' },
    { key: 'defaultTaxRate', label: 'Default tax rate', type: 'text', required: false, maxLength: 40, placeholder: 'OUTPUT', group: 'Accounts' },
    { key: 'autoSyncInvoices', label: 'Auto-sync invoices', type: 'toggle', required: false, default: false, group: 'Accounts' },
    { key: 'membershipRevenueAccount', label: 'Membership revenue account', type: 'text', required: false, maxLength: 10, placeholder: '200', group: 'Accounts' },
    { key: 'eventRevenueAccount', label: 'Event revenue account', type: 'text', required: false, maxLength: 10, group: 'Accounts' },
    { key: 'courseRevenueAccount', label: 'Course revenue account', type: 'text', required: false, maxLength: 10, group: 'Accounts' },
    { key: 'resourceSalesAccount', label: 'Resource sales account', type: 'text', required: false, maxLength: 10, group: 'Accounts' },
  ],
};

const stripe: PlatformDefinition = {
  id: 'stripe',
  name: 'Stripe',
  category: 'paymentGateway',
  description: 'Take membership, event and course payments through Stripe.',
  discovery: false,
  testable: true,
  settings: [
    {
      key: 'mode',
      label: 'Mode',
      type: 'select',
      required: true,
      default: 'test',
      options: [
        { value: 'test', label: 'Test' },
        { value: 'live', label: 'Live' },
      ],
      group: 'Connection',
    },
    { key: 'publishableKey', label: 'Publishable key', type: 'text', required: true, pattern: '^pk_(test|live)_[A-Za-z0-9]+$', patternMessage: 'Starts with pk_test_ or pk_live_.', maxLength: 255, group: 'Connection' },
    { key: 'secretKey', label: 'Secret key', type: 'secret', required: true, pattern: '^(sk|rk)_(test|live)_[A-Za-z0-9]+$', patternMessage: 'Starts with sk_test_, sk_live_, rk_test_ or rk_live_.', maxLength: 255, group: 'Connection' },
    { key: 'webhookSecret', label: 'Webhook signing secret', type: 'secret', required: true, pattern: '^whsec_[A-Za-z0-9]+$', patternMessage: 'Starts with whsec_.', maxLength: 255, group: 'Connection' },
  ],
};

// A host or IP, then an optional port 1-65535; or a bare IPv6 address.
const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Pieces of up to four hex digits, one "::".
const ipv6 = '(?!.*::.*::|.*:::)[\\da-fA-F]{0,4}(:[\\da-fA-F]{0,4}){2,7}';
const HOST_PATTERN =
  // A host name: labels of letters and digits (`[^\W_]`), hyphens only inside, none over 63 characters, the
  // last not a number (a URL reads that as an IPv4 address).
  '^((?!([^:]*\\.)?\\d+(:|$)|[^:]*[^.:]{64})[^\\W_]+(-+[^\\W_]+)*(\\.[^\\W_]+(-+[^\\W_]+)*)*' +
  // An IPv4 address, no zero-led octet (inet_aton and URLs read it as octal).
  `|(${octet}\\.){3}${octet}` +
  // An IPv6 address in brackets, as it is written when a port follows.
  `|\\[${ipv6}\\])` +
  // The port.
  '(:([1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d\\d|655[0-2]\\d|6553[0-5]))?$' +
  // A bare IPv6 address.
  `|^${ipv6}$`;

/**
 * The InTouch Connector pushes prospects and members into MemberPulse (seed 003). Its turn-up needs the
 * client's and clubs' IDs in MemberPulse, connection details only where the partner reaches a self-hosted
 * MemberPulse, and any custom options built into the Connector.
 */
const intouchConnector: PlatformDefinition = {
  id: 'intouch',
  name: 'InTouch Connector',
  category: 'inbound',
  description: 'Receive prospects and members from InTouch’s Connector.',
  discovery: false,
  testable: false,
  settings: [
    { key: 'clientId', label: 'Client ID', type: 'text', required: true, maxLength: 20, pattern: '^[0-9]+$', patternMessage: 'Digits only, as the client is numbered in MemberPulse.', help: 'This client’s ID number in MemberPulse.', group: 'Connection' },
    { key: 'clubIds', label: 'Club IDs', type: 'list', required: true, pattern: '^[0-9]+$', patternMessage: 'Digits only, one club ID per line.', help: 'One ID per club the Connector sends data for.', group: 'Connection' },
    {
      key: 'scheme',
      label: 'Scheme',
      type: 'select',
      required: false,
      options: [
        { value: 'https', label: 'HTTPS' },
        { value: 'http', label: 'HTTP' },
      ],
      help: 'Only where the Connector reaches a self-hosted MemberPulse; not needed on MemberPulse’s own hosting.',
      group: 'Self-hosted MemberPulse',
    },
    { key: 'host', label: 'Host or IP', type: 'text', required: false, maxLength: 255, pattern: HOST_PATTERN, patternMessage: 'A host name or IP address, without scheme or path.', group: 'Self-hosted MemberPulse' },
    { key: 'username', label: 'Username', type: 'text', required: false, maxLength: 255, group: 'Self-hosted MemberPulse' },
    { key: 'password', label: 'Password', type: 'secret', required: false, maxLength: 255, group: 'Self-hosted MemberPulse' },
    { key: 'customOptions', label: 'Custom options', type: 'list', required: false, pattern: '^[^=\\s]+=.*$', patternMessage: 'One option per line, as name=value.', help: 'Options built into the Connector for MemberPulse, one per line as name=value.', group: 'Options' },
  ],
};

/** Every platform MemberPulse integrates with. Adding a platform is adding an entry here. */
export const platformCatalog: readonly PlatformDefinition[] = [salesforce, hubspot, xero, stripe, intouchConnector];

/** Looks a platform up by id. */
export function findPlatform(id: string | null | undefined): PlatformDefinition | undefined {
  return platformCatalog.find((p) => p.id === id);
}
