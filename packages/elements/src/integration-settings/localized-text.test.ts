// How <mp-integration-settings> words the schema's and the server's English field errors in the host's language.
import { emptyCrmMapping, type FieldError } from '@memberpulse/integration-schema';
import { fieldErrorText, summaryErrorText } from './localized-text.js';
import { formatNumber } from '../i18n/index.js';
import { equal, inGerman, inLocale, ok } from '../provider/browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

const error = (pointer: string, code: FieldError['code'], message: string): FieldError => ({ pointer, code, message });

describe('fieldErrorText', () => {
  it('uses a translated format rule only for the catalog’s own rule, not for other format errors on that setting', async () => {
    await inGerman({ 'catalog.stripe.publishableKey.patternMessage': 'Beginnt mit pk_test_ oder pk_live_.' }, async () => {
      equal(fieldErrorText(error('/config/publishableKey', 'invalid_format', 'Publishable key: starts with pk_test_ or pk_live_.'), 'stripe'), 'Beginnt mit pk_test_ oder pk_live_.', 'the rule');
      const stored = 'Contains a character that cannot be stored (a NUL character or a broken Unicode surrogate); remove it.';
      equal(fieldErrorText(error('/config/publishableKey', 'invalid_format', stored), 'stripe'), stored, 'another format error keeps its own words');
    });
  });

  it('fills {label}, {min} and {max} from the catalog, list limits included', async () => {
    await inGerman(
      {
        'settings.error.too_big': '{label}: höchstens {max}.',
        'settings.error.too_long': '{label}: je Wert höchstens {max} Zeichen.',
        'settings.error.too_small': '{label}: mindestens {min}.',
        'settings.error.required': '{label} fehlt.',
      },
      async () => {
        equal(fieldErrorText(error('/config/clubIds', 'too_big', 'Club IDs takes at most 200 values.'), 'intouch'), 'Club IDs: höchstens 200.', 'a list’s value count');
        equal(fieldErrorText(error('/config/clubIds', 'too_long', 'Each value…'), 'intouch'), 'Club IDs: je Wert höchstens 255 Zeichen.', 'a list value’s length');
        equal(fieldErrorText(error('/config/periodicRefreshMinutes', 'too_small', 'Periodic refresh (minutes) must be at least 5.'), 'salesforce'), 'Periodic refresh (minutes): mindestens 5.', 'a number’s minimum');
        equal(fieldErrorText(error('/crm/memberObject', 'required', 'Choose the member object.'), 'salesforce'), 'Member object fehlt.', 'a CRM choice by its own label');
        equal(fieldErrorText(error('', 'required', 'Whole body.'), 'salesforce'), 'Whole body.', 'no control, no label: the English stays');
      },
    );
  });

  it('picks the plural form of a limit’s noun by the limit: Arabic “10 أحرف” but “255 حرفًا”', async () => {
    const forms = { 'settings.error.too_long#few': '{label}: {max} أحرف على الأكثر.', 'settings.error.too_long#many': '{label}: {max} حرفًا على الأكثر.', 'settings.error.too_long#other': '{label}: {max} حرف على الأكثر.' };
    await inLocale('ar', forms, async () => {
      const account = fieldErrorText(error('/config/membershipRevenueAccount', 'too_long', 'Membership revenue account must be at most 10 characters.'), 'xero');
      equal(account, `\u200fMembership revenue account: ${formatNumber(10)} أحرف على الأكثر.`, 'ten: few');
      const id = fieldErrorText(error('/config/clientId', 'too_long', 'Client ID must be at most 255 characters.'), 'xero');
      equal(id, `\u200fClient ID: ${formatNumber(255)} حرفًا على الأكثر.`, '255: many');
    });
  });

  it('words a mapping row’s error as the field mapper does, by rule.<code>', async () => {
    await inGerman({ 'rule.duplicate_target': 'Dieses Feld ist schon zugeordnet.' }, async () => {
      equal(fieldErrorText(error('/crm/memberMappings/2/target', 'duplicate_target', 'Email is mapped twice.'), 'salesforce'), 'Dieses Feld ist schon zugeordnet.', 'rule key');
      equal(fieldErrorText(error('/crm/memberMappings/2/target', 'required', 'Email must be mapped.'), 'salesforce'), 'Email must be mapped.', 'English where none is registered');
    });
  });

  it('names the first line of a list that breaks its format rule, in the host’s words where registered', async () => {
    const context = { config: { clubIds: ['12', '13', 'club 27', 'x'] }, crm: emptyCrmMapping(), targetsOf: () => undefined };
    const e = error('/config/clubIds', 'invalid_format', 'Club IDs: digits only, one club ID per line.');
    equal(fieldErrorText(e, 'intouch', context), '“club 27”: Digits only, one club ID per line.', 'the line, then the rule');
    equal(fieldErrorText(e, 'intouch'), 'Digits only, one club ID per line.', 'without the values, just the rule');
    await inGerman({ 'catalog.intouch.clubIds.patternMessage': 'Nur Ziffern, eine Club-ID pro Zeile', 'settings.badListValue': '{message} (nicht: „{value}“)' }, async () => {
      equal(fieldErrorText(e, 'intouch', context), 'Nur Ziffern, eine Club-ID pro Zeile (nicht: „club 27“)', 'translated');
    });
    // Only an API client (or a row stored before the rule) sends one: the form trims each line.
    const padded = { config: { allowedGroupValues: ['Gold', 'Silver '] }, crm: emptyCrmMapping(), targetsOf: () => undefined };
    const spaced = error('/config/allowedGroupValues', 'invalid_format', 'Allowed group values: remove the space before or after it.');
    equal(fieldErrorText(spaced, 'salesforce', padded), '“Silver ”: Allowed group values: remove the space before or after it.', 'a value with a space around it');
    const withBlank = { config: { allowedGroupValues: ['Gold', ''] }, crm: emptyCrmMapping(), targetsOf: () => undefined };
    const blank = error('/config/allowedGroupValues', 'invalid_format', 'Allowed group values: remove the blank value.');
    equal(fieldErrorText(blank, 'salesforce', withBlank), 'Allowed group values: remove the blank value.', 'a blank value, with no empty quotes before it');
  });

  it('names the value a list gives twice ({value}), as the server’s English does', async () => {
    const context = { config: { clubIds: ['12', '13', '12'] }, crm: emptyCrmMapping(), targetsOf: () => undefined };
    const e = error('/config/clubIds', 'duplicate', 'Club IDs lists “12” twice: give each value once.');
    equal(fieldErrorText(e, 'intouch', context), 'Club IDs lists “12” twice: give each value once.', 'English: the server’s words');
    await inGerman({ 'settings.error.duplicate': '{label}: „{value}“ steht zweimal da.' }, async () => {
      equal(fieldErrorText(e, 'intouch', context), 'Club IDs: „12“ steht zweimal da.', 'translated, with the value');
    });
  });

  it('names the value of a list that is too long, and the setting, not the item number and key; the limit picks the plural form', async () => {
    const long = 'z'.repeat(300);
    const context = { config: { clubIds: ['12', long] }, crm: emptyCrmMapping(), targetsOf: () => undefined };
    const e = error('/config/clubIds/1', 'too_long', 'Item 2 of “clubIds” must be at most 255 characters.');
    equal(fieldErrorText(e, 'intouch', context), `“${'z'.repeat(24)}…”: Club IDs takes at most 255 characters a line.`, 'the value, shortened, then the rule');
    const forms = { 'settings.listValueTooLong#few': '{label}: {max} أحرف على الأكثر في السطر.', 'settings.listValueTooLong#many': '{label}: {max} حرفًا على الأكثر في السطر.', 'settings.listValueTooLong#other': '{label}: {max} حرف على الأكثر في السطر.' };
    await inLocale('ar', forms, async () => {
      const text = fieldErrorText(e, 'intouch', context);
      ok(text.includes(`Club IDs: ${formatNumber(255)} حرفًا على الأكثر في السطر.`), `the plural form of its limit, 255: many (${text})`);
    });
  });

  it('shortens a long value by the characters a reader sees, never inside one, and ends it as the host’s language does', async () => {
    const long = `${'z'.repeat(23)}👩‍💻${'z'.repeat(300)}`;
    const e = error('/config/clubIds/0', 'too_long', 'Item 1 of “clubIds” must be at most 255 characters.');
    const context = { config: { clubIds: [long] }, crm: emptyCrmMapping(), targetsOf: () => undefined };
    equal(fieldErrorText(e, 'intouch', context), `“${'z'.repeat(23)}👩‍💻…”: Club IDs takes at most 255 characters a line.`, 'the emoji whole');
    await inLocale('zh', { 'common.shortened': '{text}……', 'settings.badListValue': '“{value}”：{message}' }, async () => {
      ok(fieldErrorText(e, 'intouch', context).startsWith(`“${'z'.repeat(23)}👩‍💻……”：`), fieldErrorText(e, 'intouch', context));
    });
  });

  it('fills a mapping row’s placeholders from the row the pointer names, with the host’s field and type names', async () => {
    const crm = { ...emptyCrmMapping(), memberObject: 'Contact', memberMappings: [{ source: 'email', target: 'Email', policy: 'always' as const }, { source: 'lastName', target: 'Birthdate', policy: 'always' as const }] };
    const birthdate = { name: 'Birthdate', label: 'Birthdate', type: 'date' as const, nillable: true, required: false, createable: true, updateable: true, externalId: false, unique: false, custom: false };
    const context = { config: {}, crm, targetsOf: (object: string | null) => (object === 'Contact' ? [birthdate] : undefined) };
    await inGerman(
      {
        'rule.incompatible_type': '{source} ({sourceType}) passt nicht zu {target} ({targetType}).',
        'field.member.lastName': 'Nachname',
        'type.mp.string': 'Text',
        'type.crm.date': 'Datum',
      },
      async () => {
        const e = error('/crm/memberMappings/1/target', 'incompatible_type', 'Last Name (string) cannot be written to Birthdate (date).');
        equal(fieldErrorText(e, 'salesforce', context), 'Nachname (Text) passt nicht zu Birthdate (Datum).', 'the row’s own words');
        equal(fieldErrorText(error('/crm/memberMappings/9/target', 'incompatible_type', 'Gone.'), 'salesforce', context), 'Gone.', 'no such row: the server’s words rather than empty placeholders');
      },
    );
  });
});

describe('summaryErrorText', () => {
  it('leads with the control’s label only when the words do not name it already, whatever its case', async () => {
    equal(summaryErrorText(error('/platform', 'required', 'Choose a platform.'), null), 'Choose a platform.', 'named in lower case');
    equal(summaryErrorText(error('/config/clientId', 'too_long', 'Must be at most 255 characters.'), 'xero'), 'Client ID: Must be at most 255 characters.', 'not named: led by it');
    await inLocale('tr', { 'settings.platform': 'İşlem platformu', 'settings.error.required': 'Bir işlem platformu seçin.' }, async () => {
      equal(summaryErrorText(error('/platform', 'required', 'Choose a platform.'), null), 'Bir işlem platformu seçin.', 'Turkish: İ is the capital of i');
    });
  });
});
