import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkCompatibility,
  checkSettingValue,
  detectDrift,
  emptyCrmMapping,
  findPlatform,
  firstBadListValue,
  isNaturalTarget,
  memberFields,
  memberPulseTags,
  missingConnectionSettings,
  orderFields,
  platformCatalog,
  salesforceDefaultMemberMappings,
  standardMemberMapping,
  stripeKeyModeErrors,
  suggestMappings,
  validateCredentialInput,
  validateMappings,
  validateSettings,
  type CrmMapping,
  type SettingsState,
} from '../src/index.js';
import { isLoopbackUrl, isSalesforceUrl, stripeModeChangeErrors } from '../src/validation.js';
import { contactField, contactFields, requiredContactMappings } from './fixtures.js';

const field = (key: string) => memberFields.find((f) => f.key === key)!;
const target = (name: string) => contactFields.find((f) => f.name === name)!;
const pointers = (errors: { pointer: string; code: string }[]) => errors.map((e) => `${e.pointer} ${e.code}`).sort();

const connectedAppConfig = { environment: 'production', authMode: 'connectedApp', consumerKey: '3MVG9abc' };

function crmState(crm: Partial<CrmMapping>, overrides: Partial<SettingsState> = {}): SettingsState {
  return {
    category: 'crm',
    platform: 'salesforce',
    config: connectedAppConfig,
    configuredSecrets: new Set(['consumerSecret']),
    crm: { ...emptyCrmMapping(), ...crm },
    ...overrides,
  };
}

const completeCrm: Partial<CrmMapping> = {
  memberObject: 'Contact',
  memberMappings: requiredContactMappings,
  eventTagField: 'Member_Tags__c',
};

test('connection: names each missing input the sign-in method needs, and nothing once they are all there', () => {
  const salesforce = findPlatform('salesforce')!;
  const keys = (config: Record<string, string>, secrets: string[]) => missingConnectionSettings(salesforce, config, new Set(secrets)).map((s) => s.key);
  assert.deepEqual(keys({ authMode: 'connectedApp' }, []), ['consumerKey', 'consumerSecret']);
  assert.deepEqual(keys({ authMode: 'serviceUser' }, []), ['username', 'password'], 'the service user’s own inputs, not the Connected App’s; the security token is optional');
  assert.deepEqual(keys(connectedAppConfig, ['consumerSecret']), []);
});

test('compatibility: a date cannot go into a boolean; an email goes into an email', () => {
  const date = { key: 'joinDate', label: 'Join Date', type: 'date', required: false } as const;
  assert.deepEqual(checkCompatibility(date, target('HasOptedOutOfEmail')).level, 'error');
  assert.equal(checkCompatibility(date, target('HasOptedOutOfEmail')).code, 'incompatible_type');
  assert.equal(checkCompatibility(field('email'), target('Email')).level, 'ok');
});

test('compatibility: an email field is the natural home of an email, a text field only a safe one', () => {
  assert.equal(isNaturalTarget(field('email'), target('Email')), true);
  assert.equal(isNaturalTarget(field('email'), target('Description')), false);
  assert.equal(checkCompatibility(field('email'), target('Description')).level, 'ok');
});

test('compatibility: read-only targets are errors, longer sources and restricted picklists are warnings', () => {
  assert.equal(checkCompatibility(field('email'), target('Id')).code, 'not_writable');
  const lastName = checkCompatibility(field('company'), target('Short_Code__c'));
  assert.equal(lastName.level, 'warning');
  assert.equal(lastName.code, 'length_risk');
  const status = checkCompatibility(field('membershipStatus'), target('Membership_Status__c'));
  assert.equal(status.code, 'restricted_picklist');
  assert.match(status.message!, /Pending/);
  assert.equal(checkCompatibility(field('membershipStatus'), contactField('Open__c', 'picklist')).level, 'ok');
});

test('mappings: duplicate targets and duplicate sources point at the later row', () => {
  const r = validateMappings(
    [
      { source: 'email', target: 'Email', policy: 'always' },
      { source: 'firstName', target: 'FirstName', policy: 'always' },
      { source: 'lastName', target: 'FirstName', policy: 'always' },
      { source: 'email', target: 'Description', policy: 'always' },
    ],
    { sources: memberFields, pointer: '/crm/memberMappings', requireComplete: false },
  );
  assert.deepEqual(pointers(r.errors), ['/crm/memberMappings/2/target duplicate_target', '/crm/memberMappings/3/source duplicate']);
  assert.match(r.errors.find((e) => e.code === 'duplicate_target')!.message, /First Name/);
});

test('mappings: unknown source and unknown target, required sources when complete', () => {
  const r = validateMappings(
    [
      { source: 'shoeSize', target: 'Email', policy: 'always' },
      { source: 'phone', target: 'Fax__c', policy: 'always' },
    ],
    { sources: memberFields, targets: contactFields, pointer: '/m', requireComplete: true },
  );
  assert.deepEqual(pointers(r.errors), [
    '/m required',
    '/m required',
    '/m required',
    '/m/0/source unknown_source',
    '/m/1/target unknown_target',
  ]);
  assert.deepEqual(r.errors.filter((e) => e.code === 'required').map((e) => [e.message, e.source]), [
    ['Email must be mapped.', 'email'],
    ['First Name must be mapped.', 'firstName'],
    ['Last Name must be mapped.', 'lastName'],
  ], 'each names its MemberPulse field in `source`, which the list pointer cannot');
});

test('settings: a complete CRM record enables', () => {
  const r = validateSettings(crmState(completeCrm), 'enable', { memberFields: contactFields });
  assert.deepEqual(r.errors, []);
});

test('settings: enabling demands member object, email mapped and event tag; a draft does not', () => {
  const state = crmState({ memberObject: null, memberMappings: [], eventTagField: null });
  assert.deepEqual(validateSettings(state, 'draft').errors, []);
  assert.deepEqual(pointers(validateSettings(state, 'enable').errors), [
    '/crm/eventTagField required',
    '/crm/memberMappings required',
    '/crm/memberMappings required',
    '/crm/memberMappings required',
    '/crm/memberObject required',
  ]);
});

test('settings: campaign membership and a related object need no event tag field; a related object needs its object', () => {
  const campaign = crmState({ ...completeCrm, eventTagField: null, tagDestination: 'campaignMembership' });
  assert.deepEqual(validateSettings(campaign, 'enable').errors, []);
  const related = crmState({ ...completeCrm, eventTagField: null, tagDestination: 'relatedObject' });
  assert.deepEqual(pointers(validateSettings(related, 'enable').errors), ['/crm/tagObject required']);
  assert.deepEqual(validateSettings(crmState({ ...completeCrm, eventTagField: null, tagDestination: 'relatedObject', tagObject: 'Member_Tag__c' }), 'enable').errors, []);
});

test('settings: nothing that needs credentials before they are set', () => {
  const state = crmState({ memberObject: 'Contact', eventTagField: 'Member_Tags__c' }, { configuredSecrets: new Set() });
  const draft = validateSettings(state, 'draft').errors;
  assert.deepEqual(pointers(draft), [
    '/credentials/consumerSecret required',
    '/crm/eventTagField credentials_required',
    '/crm/memberObject credentials_required',
  ]);
  assert.deepEqual(draft[0], { pointer: '/credentials/consumerSecret', code: 'required', message: 'Consumer Secret is required while CRM choices are set.' }, 'the cause comes first');
  const enable = validateSettings(crmState({}, { configuredSecrets: new Set() }), 'enable');
  assert.ok(enable.errors.some((e) => e.pointer === '/credentials/consumerSecret' && e.code === 'required'));
});

test('settings: service-user mode needs a username and password instead of the consumer key; the security token is optional (seed 004)', () => {
  const state = crmState(completeCrm, {
    config: { environment: 'sandbox', authMode: 'serviceUser' },
    configuredSecrets: new Set(['password']),
  });
  assert.deepEqual(pointers(validateSettings(state, 'enable').errors).filter((p) => !p.startsWith('/crm')), ['/config/username required']);
});

test('settings: order mappings are required once an order object is chosen', () => {
  const withOrder = crmState({ ...completeCrm, orderObject: 'Order' });
  assert.deepEqual(
    pointers(validateSettings(withOrder, 'enable').errors),
    orderFields.filter((f) => f.required).map(() => '/crm/orderMappings required'),
  );
  const orphan = crmState({ orderMappings: [{ source: 'total', target: 'TotalAmount', policy: 'always' }] });
  assert.deepEqual(pointers(validateSettings(orphan, 'draft').errors), ['/crm/orderObject required']);
});

test('rule messages keep a CRM or host label’s directional controls inside it', () => {
  const hostile = contactField('Evil__c', 'string', { label: '\u2069\u202Ekcab', length: 10 });
  const { message } = checkCompatibility(field('company'), hostile);
  assert.equal(message, '\u2068kcab\u2069 holds 10 characters; Company can be up to 255.');
});

test('settings: tag fields must be multi-select picklists or long text areas, not a plain text area such as a street', () => {
  const state = crmState({ ...completeCrm, eventTagField: 'FirstName', courseTagField: 'Course_Tags__c' });
  assert.deepEqual(pointers(validateSettings(state, 'draft', { memberFields: contactFields }).errors), ['/crm/eventTagField not_tag_field']);
  const street = crmState({ ...completeCrm, eventTagField: 'MailingStreet' });
  assert.deepEqual(pointers(validateSettings(street, 'draft', { memberFields: contactFields }).errors), ['/crm/eventTagField not_tag_field']);
});

test('settings: a tag field that a mapping also writes is refused, with or without the object described', () => {
  const mapped = { ...completeCrm, memberMappings: [...completeCrm.memberMappings!, { source: 'street', target: 'Description', policy: 'always' as const }] };
  for (const metadata of [{ memberFields: contactFields }, {}]) {
    const errors = validateSettings(crmState({ ...mapped, eventTagField: 'Description', courseTagField: 'Description' }), 'draft', metadata).errors;
    assert.deepEqual(pointers(errors), ['/crm/courseTagField duplicate_target', '/crm/eventTagField duplicate_target']);
  }
  assert.match(validateSettings(crmState({ ...mapped, eventTagField: 'Description' }), 'draft', { memberFields: contactFields }).errors[0]!.message, /^Description is also a field mapping's target/);
});

test('settings: a restricted picklist must accept every tag routed to it: membership and event tags, and course tags without a course field', () => {
  const picklist = (name: string, values: string[]) => contactField(name, 'multipicklist', { restrictedPicklist: true, picklistValues: values.map((value) => ({ value, label: value, active: true })) });
  const eventOnly = picklist('Event_Tags__c', ['MP:Event:Registered', 'MP:Event:Attended', 'MP:Event:NoShow']);
  const all = picklist('All_Tags__c', memberPulseTags.map((t) => t.value));
  const fields = [...contactFields, eventOnly, all];
  const errorsFor = (crm: Partial<CrmMapping>) => validateSettings(crmState({ ...completeCrm, ...crm }), 'draft', { memberFields: fields }).errors;
  const [missing] = errorsFor({ eventTagField: 'Event_Tags__c', courseTagField: 'All_Tags__c' });
  assert.equal(missing?.pointer, '/crm/eventTagField');
  assert.equal(missing?.code, 'restricted_picklist');
  assert.match(missing!.message, /lacks MP:Membership:Active, MP:Membership:Expiring, MP:Membership:Expired, MP:Membership:Upgraded, MP:Membership:DowngradeScheduled:/);
  assert.doesNotMatch(missing!.message, /MP:Course/, 'course tags go to the course field');
  assert.match(errorsFor({ eventTagField: 'All_Tags__c', courseTagField: null }).map((e) => e.message).join() || 'none', /^none$/, 'one field with every tag');
  assert.deepEqual(pointers(errorsFor({ eventTagField: 'All_Tags__c', courseTagField: 'Event_Tags__c' })), ['/crm/courseTagField restricted_picklist']);
});

test('settings: incompatible mapping with metadata is an error, risky one a warning', () => {
  const state = crmState({
    ...completeCrm,
    memberMappings: [
      ...completeCrm.memberMappings!,
      { source: 'joinDate', target: 'HasOptedOutOfEmail', policy: 'always' },
      { source: 'company', target: 'Short_Code__c', policy: 'always' },
    ],
  });
  const r = validateSettings(state, 'draft', { memberFields: contactFields });
  assert.deepEqual(pointers(r.errors), ['/crm/memberMappings/3/target incompatible_type']);
  assert.deepEqual(pointers(r.warnings), ['/crm/memberMappings/4/target length_risk']);
});

test('settings: config values are checked against the catalog, with pointers', () => {
  const state = crmState({}, {
    config: { environment: 'staging', authMode: 'connectedApp', consumerKey: '3MVG', periodicRefreshMinutes: 1, nope: 'x', consumerSecret: 's', autoSync: 'yes' },
  });
  assert.deepEqual(pointers(validateSettings(state, 'draft').errors), [
    '/config/autoSync invalid_type',
    '/config/consumerSecret invalid',
    '/config/environment invalid_option',
    '/config/nope unknown_field',
    '/config/periodicRefreshMinutes too_small',
  ]);
});

test('settings: payment gateway needs a platform even as a draft, and a CRM platform is rejected there', () => {
  const none: SettingsState = { category: 'paymentGateway', platform: null, config: {}, configuredSecrets: new Set(), crm: null };
  assert.deepEqual(pointers(validateSettings(none, 'draft').errors), ['/platform required']);
  assert.deepEqual(pointers(validateSettings({ ...none, platform: 'salesforce' }, 'draft').errors), ['/platform platform_mismatch']);
  assert.deepEqual(
    validateSettings({ ...none, platform: 'salesforce' }, 'draft').errors.map((e) => e.message),
    ['Salesforce is listed under CRM, not Payment gateway.'],
    'the categories by their labels, not their ids',
  );
  assert.deepEqual(validateSettings({ ...none, category: 'accounting', platform: 'stripe' }, 'draft').errors.map((e) => e.message), ['Stripe is listed under Payment gateway, not Accounting.']);
  assert.deepEqual(pointers(validateSettings({ ...none, platform: 'paypal' }, 'draft').errors), ['/platform invalid_option']);
  const stripe = { ...none, platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_test_abc' } };
  assert.deepEqual(pointers(validateSettings(stripe, 'enable').errors), ['/credentials/secretKey required', '/credentials/webhookSecret required']);
});

test('settings: accounting credentials are required once a platform is chosen', () => {
  const xero: SettingsState = { category: 'accounting', platform: 'xero', config: { clientId: 'abc' }, configuredSecrets: new Set(), crm: null };
  assert.deepEqual(pointers(validateSettings(xero, 'enable').errors), ['/credentials/clientSecret required']);
  assert.deepEqual(validateSettings({ ...xero, configuredSecrets: new Set(['clientSecret']) }, 'enable').errors, []);
});

test('settings: an inbound connector needs its client and club IDs to be enabled, each club ID a number, and nothing else', () => {
  const intouch: SettingsState = { category: 'inbound', platform: 'intouch', config: {}, configuredSecrets: new Set(), crm: null };
  assert.deepEqual(validateSettings(intouch, 'draft').errors, [], 'a draft may be empty');
  assert.deepEqual(
    validateSettings(intouch, 'enable').errors.map((e) => `${e.pointer} ${e.code} ${e.message}`),
    ['/config/clientId required Client ID is required.', '/config/clubIds required Add at least one value to Club IDs.'],
    'a list asks for a value, whatever its label\'s number',
  );
  const typed = { ...intouch, config: { clientId: '4711', clubIds: ['12', 'club 13'], customOptions: ['sync'] } };
  assert.deepEqual(
    validateSettings(typed, 'draft').errors.map((e) => `${e.pointer} ${e.message}`),
    ['/config/clubIds Club IDs: digits only, one club ID per line.', '/config/customOptions Custom options: one option per line, as name=value.'],
  );
  assert.deepEqual(validateSettings({ ...typed, config: { clientId: '4711', clubIds: ['12', '13'] } }, 'enable').errors, [], 'no connection details or password needed');
  assert.deepEqual(pointers(validateSettings({ ...intouch, category: 'crm' }, 'draft').errors), ['/platform platform_mismatch']);
  // Seed 003: "The club ID numbers in your system (1 for every club)": a club listed twice is a slip, not a second club.
  assert.deepEqual(
    validateSettings({ ...intouch, config: { clientId: '4711', clubIds: ['12', '13', '12'] } }, 'draft').errors.map((e) => `${e.pointer} ${e.code} ${e.message}`),
    ['/config/clubIds duplicate Club IDs lists “12” twice: give each value once.'],
  );
});

test('settings: each kind of bad setting value carries its own code, so widgets can word it in the host’s language', () => {
  const at = (platform: string, key: string) => findPlatform(platform)!.settings.find((s) => s.key === key)!;
  const code = (platform: string, key: string, value: unknown) => checkSettingValue(at(platform, key), value)?.code ?? null;
  assert.equal(code('stripe', 'publishableKey', 'not-a-key'), 'invalid_format');
  assert.equal(code('stripe', 'publishableKey', 'pk_test_' + 'a'.repeat(300)), 'too_long');
  assert.equal(code('stripe', 'publishableKey', 42), 'invalid_type');
  assert.equal(code('stripe', 'publishableKey', 'pk_test_abc'), null);
  assert.equal(code('intouch', 'clubIds', ['12', 'club 13']), 'invalid_format');
  assert.equal(code('intouch', 'clubIds', Array.from({ length: 201 }, (_, i) => String(i))), 'too_big');
  assert.equal(code('salesforce', 'environment', 'moon'), 'invalid_option');
  // Seed 003's connection information names the self-hosted MemberPulse's IP: the host is a host name or an IP address.
  for (const host of ['10.0.0.5', 'mp.club.example', 'mp.club.example:8443', 'localhost', '[::1]:8080', 'fe80::1', '[2001:db8::7]']) {
    assert.equal(code('intouch', 'host', host), null, host);
  }
  for (const host of ['...', '-', ':', '[[', 'a..b', '-mp.example', '999.999.999.999', '10.0.0.5:99999', 'mp.example:']) {
    assert.equal(code('intouch', 'host', host), 'invalid_format', host);
  }
  // What a URL or a resolver reads otherwise, or not at all: a zero-led octet is octal to inet_aton and WHATWG URLs
  // ("010.0.0.1" is 8.0.0.1, "192.168.1.08" no address), port 0 reaches nothing, an IPv6 piece holds four hex digits
  // and one "::", a name whose last label is a number is read as an IPv4 address, and a DNS label holds 63 characters.
  for (const host of ['01.02.03.04', '192.168.1.08', '10.00.0.1', '10.0.0.1:0', '10.0.0.1:080', 'mp.example:0', '12345::1', '[12345::1]:80', '1::2::3', ':::', 'example.123', `${'a'.repeat(64)}.example`]) {
    assert.equal(code('intouch', 'host', host), 'invalid_format', host);
  }
  for (const host of ['0.0.0.0', '10.0.0.1:65535', '123.example', 'xn--bcher-kva.example', '[::]:80', '::', '2001:0db8:0000:0000:0000:0000:0000:0001', `${'a'.repeat(63)}.example`]) {
    assert.equal(code('intouch', 'host', host), null, host);
  }
  const periodic = findPlatform('salesforce')!.settings.find((s) => s.type === 'number' && s.min !== undefined)!;
  assert.deepEqual(checkSettingValue(periodic, periodic.min! - 1), { code: 'too_small', message: `${periodic.label} must be at least ${periodic.min!.toLocaleString('en')}.` }, 'the message names the setting');
  assert.equal(checkSettingValue(at('salesforce', 'dailyApiAllotment'), 1e12)?.message, '24-hour API call allotment must be at most 100,000,000.', 'digits grouped');
  // Seed 004's counts: minutes and API calls are whole numbers.
  assert.deepEqual(checkSettingValue(at('salesforce', 'periodicRefreshMinutes'), 5.5), { code: 'invalid_type', message: 'Periodic refresh (minutes) must be a whole number.' });
  assert.deepEqual(checkSettingValue(at('salesforce', 'dailyApiAllotment'), 1000.25), { code: 'invalid_type', message: '24-hour API call allotment must be a whole number.' });
  assert.equal(checkSettingValue(at('salesforce', 'periodicRefreshMinutes'), 15), null);
  assert.equal(checkSettingValue(at('salesforce', 'dailyApiAllotment'), 5e3), null, 'a whole number written with an exponent is one');
  const stripe: SettingsState = { category: 'paymentGateway', platform: 'stripe', config: { publishableKey: 'nope' }, configuredSecrets: new Set(), crm: null };
  assert.deepEqual(
    validateSettings(stripe, 'draft').errors.map((e) => `${e.pointer} ${e.code} ${e.message}`),
    ['/config/publishableKey invalid_format Publishable key: starts with pk_test_ or pk_live_.'],
    'the message names the setting, then the catalog’s own format rule',
  );
  assert.deepEqual(
    validateSettings({ ...stripe, config: { mode: 'test', publishableKey: '   ' } }, 'enable').errors.filter((e) => e.pointer === '/config/publishableKey').map((e) => e.code),
    ['required'],
    'blank is one problem (required), not a format error too',
  );
});

test('catalog: each format rule is a sentence with its full stop, shown as it stands beside an input, and led by the label once in an error', () => {
  const rules = platformCatalog.flatMap((p) => p.settings.filter((s) => s.patternMessage).map((s) => [`${p.id}.${s.key}`, s.patternMessage!] as const));
  assert.ok(rules.length >= 10, 'the catalog has format rules');
  assert.deepEqual(rules.filter(([, rule]) => !/[^.]\.$/.test(rule)), [], 'each ends with one full stop');
  const portalId = findPlatform('hubspot')!.settings.find((s) => s.key === 'portalId')!;
  assert.equal(checkSettingValue(portalId, 'abc')?.message, 'Portal ID: digits only.', 'the error keeps one full stop');
});

test('settings: a key right but for a space or line break around it is told to lose that, not the format rule it seems to meet', () => {
  const stripe: SettingsState = { category: 'paymentGateway', platform: 'stripe', config: { mode: 'test', publishableKey: ' pk_test_abc123 ' }, configuredSecrets: new Set(), crm: null };
  const gateway = findPlatform('stripe')!;
  const errors = [...validateSettings(stripe, 'draft').errors, ...validateCredentialInput(gateway, { secretKey: 'sk_test_abc123\n', webhookSecret: '\twhsec_abc' }, stripe.config)];
  assert.deepEqual(errors.map((e) => `${e.pointer} ${e.code} ${e.message}`).sort(), [
    '/config/publishableKey invalid_format Publishable key: remove the space before or after it.',
    '/credentials/secretKey invalid_format Secret key: remove the space before or after it.',
    '/credentials/webhookSecret invalid_format Webhook signing secret: remove the space before or after it.',
  ]);
  const portalId = findPlatform('hubspot')!.settings.find((s) => s.key === 'portalId')!;
  assert.equal(checkSettingValue(portalId, ' 12 34 ')?.message, 'Portal ID: digits only.', 'a value wrong inside as well gets its rule');
});

test('settings: text with no format rule is told to lose a space around it too; a secret with no rule keeps its spaces', () => {
  const salesforce = findPlatform('salesforce')!;
  const setting = (key: string) => salesforce.settings.find((s) => s.key === key)!;
  // A consumer key or username pasted with a space around it would be stored and fail only at sign-in.
  const config = { environment: 'production', authMode: 'connectedApp', consumerKey: '3MVG9abc ', username: '\nops@example.org' };
  assert.deepEqual(
    validateSettings({ category: 'crm', platform: 'salesforce', config, configuredSecrets: new Set(), crm: null }, 'draft').errors.map((e) => `${e.pointer} ${e.code} ${e.message}`),
    ['/config/consumerKey invalid_format Consumer Key: remove the space before or after it.', '/config/username invalid_format Service username: remove the space before or after it.'],
  );
  assert.equal(checkSettingValue(setting('consumerKey'), '3MVG9 abc'), null, 'a space inside is the platform’s business');
  assert.equal(checkSettingValue(setting('consumerKey'), '   '), null, 'blank is the required rule’s business');
  assert.deepEqual(validateCredentialInput(salesforce, { password: ' correct horse ', consumerSecret: 'abc\t' }, {}), [], 'a password may start or end with a space');
});

test('settings: a list value with a space around it, or blank, is refused, each in its own words; the forms name it beside the rule', () => {
  const salesforce = findPlatform('salesforce')!;
  const groups = salesforce.settings.find((s) => s.key === 'allowedGroupValues')!;
  // "Gold " would never equal the CRM's "Gold": the filter would silently drop every Gold member.
  assert.equal(checkSettingValue(groups, ['Silver', 'Gold '])?.message, 'Allowed group values: remove the space before or after it.');
  assert.equal(firstBadListValue(groups, ['Silver', 'Gold ']), 'Gold ', 'the forms name the value');
  // Blank is no group, and no value to trim: said as such, not as a space to remove or a rule to meet.
  assert.deepEqual(checkSettingValue(groups, ['Silver', '\t']), { code: 'invalid_format', message: 'Allowed group values: remove the blank value.' });
  assert.deepEqual(checkSettingValue(groups, ['Silver', '']), { code: 'invalid_format', message: 'Allowed group values: remove the blank value.' });
  assert.equal(firstBadListValue(groups, ['Silver', '']), '');
  assert.equal(checkSettingValue(groups, ['Silver', 'Gold Plus']), null, 'a space inside is the CRM’s business');
  const clubIds = findPlatform('intouch')!.settings.find((s) => s.key === 'clubIds')!;
  assert.equal(checkSettingValue(clubIds, ['12', ' 13'])?.message, 'Club IDs: remove the space before or after it.');
  assert.equal(checkSettingValue(clubIds, ['12', ''])?.message, 'Club IDs: remove the blank value.', 'blank, whatever the list’s rule');
  assert.equal(checkSettingValue(clubIds, ['12', '1 3 '])?.message, 'Club IDs: digits only, one club ID per line.', 'wrong inside as well: the rule');
  const config = { environment: 'production', authMode: 'connectedApp', allowedGroupValues: ['Gold', ' Silver'] };
  assert.deepEqual(
    validateSettings({ category: 'crm', platform: 'salesforce', config, configuredSecrets: new Set(), crm: null }, 'draft').errors.map((e) => `${e.pointer} ${e.code}`),
    ['/config/allowedGroupValues invalid_format'],
    'in a draft too',
  );
});

test('settings: a Stripe key of the other mode is an error where it is given, in a draft too', () => {
  const stripe: SettingsState = { category: 'paymentGateway', platform: 'stripe', config: { mode: 'test', publishableKey: 'pk_live_123' }, configuredSecrets: new Set(), crm: null };
  assert.deepEqual(validateSettings(stripe, 'draft').errors, [
    { pointer: '/config/publishableKey', code: 'invalid', message: 'Publishable key is a live-mode key, but Mode is Test.' },
  ]);
  assert.deepEqual(validateSettings({ ...stripe, config: { mode: 'live', publishableKey: 'pk_live_123' } }, 'draft').errors, []);
  const stripePlatform = findPlatform('stripe')!;
  assert.deepEqual(stripeKeyModeErrors(stripePlatform, 'live', { secretKey: 'rk_test_abc' }).map((e) => `${e.pointer} ${e.message}`), ['/credentials/secretKey Secret key is a test-mode key, but Mode is Live.']);
  assert.deepEqual(stripeKeyModeErrors(stripePlatform, undefined, { publishableKey: 'pk_test_1', secretKey: 'sk_test_2' }), [], 'test mode unless live');
  assert.deepEqual(stripeKeyModeErrors(findPlatform('xero')!, 'test', { secretKey: 'sk_live_1' }), [], 'Stripe’s rule only');
  assert.deepEqual(
    validateSettings({ ...stripe, config: { mode: 'test', publishableKey: 'sk_live_oops' } }, 'draft').errors.map((e) => `${e.pointer} ${e.code}`),
    ['/config/publishableKey invalid_format'],
    'a secret key pasted as the publishable one breaks its format rule: that alone, no word of a mode its prefix does not give',
  );
  assert.deepEqual(stripeKeyModeErrors(stripePlatform, 'test', { publishableKey: 'sk_live_abc', secretKey: 'pk_live_abc' }), [], 'each key by its own prefix');
  assert.deepEqual(stripeKeyModeErrors(stripePlatform, 'live', { secretKey: 'sk_test_' }), [], 'nor for a prefix alone, which breaks the rule too');
  assert.deepEqual(
    validateCredentialInput(stripePlatform, { secretKey: 'sk_live_abc' }, { mode: 'test' }).map((e) => e.pointer),
    ['/credentials/secretKey'],
    'secrets being written are checked against the mode, by every caller (saves, connection tests)',
  );
  const set = (...keys: string[]) => new Set(keys);
  assert.deepEqual(
    stripeModeChangeErrors(stripePlatform, 'test', 'live', set('secretKey', 'webhookSecret'), set()).map((e) => `${e.pointer} ${e.message}`),
    [
      '/credentials/secretKey Enter the live-mode secret key: the stored one is for test mode.',
      '/credentials/webhookSecret Enter the live-mode webhook signing secret: the stored one is for test mode.',
    ],
    'a mode change under stored secrets: each of the old mode asked for anew',
  );
  assert.deepEqual(stripeModeChangeErrors(stripePlatform, 'test', 'live', set('secretKey', 'webhookSecret'), set('secretKey')).map((e) => e.pointer), ['/credentials/webhookSecret'], 'the webhook secret too, not only the key');
  assert.deepEqual(
    [
      stripeModeChangeErrors(stripePlatform, undefined, 'test', set('secretKey'), set()),
      stripeModeChangeErrors(stripePlatform, 'test', 'live', set('secretKey', 'webhookSecret'), set('secretKey', 'webhookSecret')),
      stripeModeChangeErrors(stripePlatform, 'test', 'live', set(), set()),
      stripeModeChangeErrors(findPlatform('xero')!, 'test', 'live', set('secretKey'), set()),
    ],
    [[], [], [], []],
  );
});

test('settings: CRM field settings must name a field of the right type', () => {
  const state = crmState(completeCrm, { config: { ...connectedAppConfig, activeFlagField: 'Email', emailOptOutField: 'Gone__c' } });
  assert.deepEqual(pointers(validateSettings(state, 'draft', { memberFields: contactFields }).errors), [
    '/config/activeFlagField incompatible_type',
    '/config/emailOptOutField unknown_target',
  ]);
});

test('settings: the email opt-out stays in step with a CRM checkbox (seed 004, GDPR): HasOptedOutOfEmail unless another is named, never none', () => {
  assert.deepEqual(validateSettings(crmState(completeCrm), 'enable', { memberFields: contactFields }).errors, [], 'the default counts');
  const cleared = crmState(completeCrm, { config: { ...connectedAppConfig, emailOptOutField: '' } });
  assert.deepEqual(pointers(validateSettings(cleared, 'enable', { memberFields: contactFields }).errors), ['/config/emailOptOutField required']);
  assert.deepEqual(validateSettings(cleared, 'draft', { memberFields: contactFields }).errors, [], 'a draft may still be incomplete');
  const customMember = contactFields.filter((f) => f.name !== 'HasOptedOutOfEmail');
  assert.deepEqual(pointers(validateSettings(crmState(completeCrm), 'enable', { memberFields: customMember }).errors), ['/config/emailOptOutField unknown_target'], 'the default too must exist on the member object');
});

test('the standard Salesforce mapping fills only unmapped fields, and names the standard fields an org lacks', () => {
  const withoutStatus = contactFields.filter((f) => f.name !== 'Membership_Status__c');
  const fresh = standardMemberMapping([], withoutStatus);
  assert.deepEqual(fresh.add.map((m) => `${m.source}→${m.target}`), ['email→Email', 'firstName→FirstName', 'lastName→LastName', 'phone→Phone', 'company→Account.Name']);
  assert.deepEqual(fresh.absent.map((m) => m.target), ['Membership_Status__c']);
  const mine = [{ source: 'email', target: 'MobilePhone', policy: 'always' as const }];
  const partly = standardMemberMapping(mine, contactFields);
  assert.ok(!partly.add.some((m) => m.source === 'email'), 'a field the admin mapped keeps their choice');
  assert.equal(partly.add.length, 5);
  assert.deepEqual(partly.absent, []);
  const taken = standardMemberMapping([{ source: 'membershipLevel', target: 'Membership_Status__c', policy: 'always' }], contactFields);
  assert.ok(!taken.add.some((m) => m.target === 'Membership_Status__c'), 'a field mapped from something else is not written twice');
  assert.deepEqual(validateMappings([{ source: 'membershipLevel', target: 'Membership_Status__c', policy: 'always' }, ...taken.add], { sources: memberFields, targets: contactFields, pointer: '/m', requireComplete: false }).errors.filter((e) => e.code === 'duplicate_target'), []);
});

test('auto-map proposes the seed defaults onto a Salesforce Contact and respects existing choices', () => {
  const suggestions = suggestMappings(memberFields, contactFields);
  const bySource = Object.fromEntries(suggestions.map((s) => [s.source, s.target]));
  for (const m of salesforceDefaultMemberMappings.filter((m) => m.source !== 'membershipStatus')) {
    assert.equal(bySource[m.source], m.target, m.source);
  }
  assert.equal(bySource.emailOptOut, 'HasOptedOutOfEmail');
  assert.equal(bySource.postalCode, 'MailingPostalCode');
  assert.ok(suggestions.every((s) => s.confidence > 0 && s.confidence <= 1));
  assert.equal(new Set(suggestions.map((s) => s.target)).size, suggestions.length, 'no target proposed twice');

  const kept = suggestMappings(memberFields, contactFields, [{ source: 'email', target: 'Description', policy: 'always' }]);
  assert.ok(!kept.some((s) => s.source === 'email'), 'an admin-mapped source is left alone');
  assert.ok(!kept.some((s) => s.target === 'Description'), 'an admin-used target is not proposed');
});

test('drift: vanished and retyped mapped fields point at their rows', () => {
  const crm: CrmMapping = {
    ...emptyCrmMapping(),
    ...completeCrm,
    memberMappings: [
      { source: 'email', target: 'Email', policy: 'always', targetType: 'email' },
      { source: 'phone', target: 'Fax__c', policy: 'always', targetType: 'phone' },
      { source: 'joinDate', target: 'Birthdate', policy: 'always', targetType: 'datetime' },
    ],
    courseTagField: 'Removed_Tags__c',
  };
  const drift = detectDrift(crm, contactFields);
  assert.deepEqual(drift.map((d) => `${d.pointer} ${d.kind}`), [
    '/crm/memberMappings/1/target missing',
    '/crm/memberMappings/2/target type_changed',
    '/crm/courseTagField missing',
  ]);
});

test('settings: a My Domain URL is a Salesforce address over https, or this machine (a test or demo org)', () => {
  const myDomain = findPlatform('salesforce')!.settings.find((s) => s.key === 'myDomainUrl')!;
  const code = (value: string) => checkSettingValue(myDomain, value)?.code ?? null;
  for (const ok of [
    'https://acme.my.salesforce.com',
    'https://Acme-Corp.my.salesforce.com/',
    'HTTPS://ACME.My.Salesforce.COM',
    'Https://Login.Salesforce.com',
    'https://acme--uat.sandbox.my.salesforce.com',
    'https://acme-dev-ed.develop.my.salesforce.com',
    'https://login.salesforce.com',
    'https://test.salesforce.com',
    'http://127.0.0.1:9123',
    'https://localhost:8443',
    'http://[::1]:80',
    'HTTP://LocalHost:8788',
  ]) {
    assert.equal(code(ok), null, ok);
  }
  for (const bad of [
    'http://acme.my.salesforce.com',
    'https://intranet.example.com',
    'https://acme.my.salesforce.com.evil.example',
    'https://evil.example/acme.my.salesforce.com',
    'https://acme.my.salesforce.com:8443',
    'https://user@acme.my.salesforce.com',
    'http://10.0.0.5',
    'http://169.254.169.254',
    'https://my.salesforce.com',
  ]) {
    assert.equal(code(bad), 'invalid_format', bad);
  }
  assert.equal(isSalesforceUrl('https://ACME.my.salesforce.com/'), true, 'a URL’s host is compared lowercased');
  assert.equal(isSalesforceUrl('http://127.0.0.1:9123'), false, 'this machine is not Salesforce');
  assert.equal(isLoopbackUrl('http://127.0.0.1:9123'), true);
  assert.equal(isLoopbackUrl('http://127.0.0.2'), false, 'only the loopback names the server itself uses');
});

test('credentials: a secret of only spaces is blank, said in words that fit a form and the API alike', () => {
  const salesforce = findPlatform('salesforce')!;
  assert.deepEqual(validateCredentialInput(salesforce, { consumerSecret: '   ' }, {}), [
    { pointer: '/credentials/consumerSecret', code: 'required', message: 'Consumer Secret cannot be blank.' },
  ]);
});

test('settings: a Salesforce URL on this machine is refused where the server says so (production), taken otherwise', () => {
  const state: SettingsState = { category: 'crm', platform: 'salesforce', config: { myDomainUrl: 'http://127.0.0.1:9123/' }, configuredSecrets: new Set(), crm: null };
  assert.deepEqual(validateSettings(state, 'draft').errors, [], 'outside production, a test org on this machine');
  assert.deepEqual(
    validateSettings(state, 'draft', { allowLoopback: false }).errors.map((e) => `${e.pointer} ${e.code}`),
    ['/config/myDomainUrl invalid_format'],
    'in production, refused at its field',
  );
  assert.deepEqual(
    validateSettings({ ...state, config: { myDomainUrl: 'HTTP://LOCALHOST:8788' } }, 'draft', { allowLoopback: false }).errors.map((e) => `${e.pointer} ${e.code}`),
    ['/config/myDomainUrl invalid_format'],
    'a host’s case does not slip this machine past the production refusal',
  );
  assert.deepEqual(validateSettings({ ...state, config: { myDomainUrl: 'https://acme.my.salesforce.com' } }, 'draft', { allowLoopback: false }).errors, [], 'Salesforce itself still is');
});
