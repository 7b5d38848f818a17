// The message and formatting functions every widget words its text with, in real Chromium.
import { en, formatDateTime, formatNumber, getLocale, msg, registerMessages, setLocale } from './index.js';
import '../shared/combobox.js';
import { equal, ok, settle } from '../provider/browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => void) => void;

describe('i18n', () => {
  afterEach(() => setLocale('en'));

  it('formats numbers, dates and plural forms for the locale set, and a regional locale uses its language’s messages', async () => {
    registerMessages('de', { 'test.items#one': '{count} Eintrag', 'test.items#other': '{count} Einträge' });
    setLocale('de-AT');
    equal(formatNumber(15000), '15\u00a0000', 'Austrian German groups with a space');
    equal(formatDateTime('2026-11-29T20:12:00Z').slice(0, 10), '29.11.2026', 'a German date');
    equal(msg('test.items', { count: 1 }), '1 Eintrag', 'one');
    equal(msg('test.items', { count: 2500 }), '2\u00a0500 Einträge', 'other, with the count formatted');
    equal(formatDateTime('not a date'), '', 'a bad date is left out');
  });

  it('falls back subtag by subtag: a script’s table before its language’s', async () => {
    registerMessages('zh', { 'test.save': '保存', 'test.cancel': '取消' });
    registerMessages('zh-Hant', { 'test.save': '儲存' });
    setLocale('zh-Hant-TW');
    equal(msg('test.save'), '儲存', 'Traditional Chinese, not Simplified');
    equal(msg('test.cancel'), '取消', 'then the language’s');
    equal(msg('fieldMapper.search'), en['fieldMapper.search'], 'then English');
  });

  it('meets the same table however the host spells the tag’s case', async () => {
    registerMessages('EN-gb', { 'test.colour': 'Colour' });
    setLocale('en-gb');
    equal(getLocale(), 'en-GB', 'as Intl spells it');
    equal(msg('test.colour'), 'Colour', 'the table registered as EN-gb');
    registerMessages('en-GB', { 'test.centre': 'Centre' });
    equal(msg('test.colour') + msg('test.centre'), 'ColourCentre', 'one table for both spellings');
  });

  it('keeps a value’s directional controls inside it, so a hostile CRM label cannot reverse the sentence', async () => {
    const label = 'Owner\u202E';
    equal(msg('test.readOnly', { target: label }, '{target} is read-only in the CRM.'), '\u2068Owner\u2069 is read-only in the CRM.', 'isolated, the override dropped');
    equal(msg('test.readOnly', { target: 'Owner' }, '{target} is read-only in the CRM.'), 'Owner is read-only in the CRM.', 'plain values unchanged');
    equal(msg('test.readOnly', { target: '\u2069\u202EOwner' }, '{target} is read-only in the CRM.'), '\u2068Owner\u2069 is read-only in the CRM.', 'a leading POP DIRECTIONAL ISOLATE cannot close the isolation early');
  });

  it('reads a message in the direction of its own words, or its locale’s, not of a value placed first', async () => {
    const shown = (text: string) => {
      const p = document.createElement('p');
      p.dir = 'auto';
      p.textContent = text;
      document.body.append(p);
      const dir = p.matches(':dir(rtl)') ? 'rtl' : 'ltr';
      p.remove();
      return dir;
    };
    registerMessages('de', { 'test.delete': '„{name}“ löschen?' });
    registerMessages('ar', { 'test.required': '{label} مطلوب.', 'test.item': '{label}: {message}', 'test.connected': 'Salesforce متصل.' });
    setLocale('de');
    equal(shown(msg('test.delete', { name: 'שלום CRM' })), 'ltr', 'a German question about a Hebrew name');
    setLocale('ar');
    equal(shown(msg('test.required', { label: 'Consumer Key' })), 'rtl', 'an Arabic sentence that starts with an English label');
    equal(shown(msg('test.item', { label: 'Consumer Key', message: 'مطلوب' })), 'rtl', 'placeholders only: the locale’s direction');
    equal(shown(msg('test.connected')), 'rtl', 'an Arabic sentence that starts with an English name');
    equal(shown(msg('settings.test', undefined, 'Test connection.')), 'ltr', 'English left untranslated');
    setLocale('en');
    equal(shown(msg('test.item', { label: 'שם', message: 'Required.' }, '{label}: {message}')), 'ltr', 'placeholders only, in English');
    equal(msg('test.created', { name: 'Orders' }, '“{name}” created.'), '“Orders” created.', 'a value of the words’ own direction adds nothing');
    equal(shown(msg('test.only', { name: 'שלום!' }, '{name}')), 'rtl', 'one placeholder alone, in English: the value’s direction');
    registerMessages('ar', { 'test.fieldOf': '{object}' });
    setLocale('ar');
    equal(msg('test.fieldOf', { object: 'Contact (EU)' }), 'Contact (EU)', 'one placeholder alone, translated: the value as it is, no mark');
  });

  it('marks an element’s text with the language it is in, not the page’s', async () => {
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = 'de';
    const box = document.createElement('mp-combobox');
    document.body.append(box);
    try {
      await settle(box);
      const input = box.shadowRoot!.querySelector('input')!;
      ok(input.matches(':lang(en)'), 'English text on a German page is English');
      setLocale('ar');
      await settle(box);
      ok(input.matches(':lang(ar)'), 'Arabic once the locale is');
    } finally {
      box.remove();
      document.documentElement.lang = pageLang;
    }
  });

  it('keeps a lang the page put on the element itself, and marks the element’s text again once the page takes it off', async () => {
    const box = document.createElement('mp-combobox');
    box.lang = 'de-CH';
    document.body.append(box);
    try {
      await settle(box);
      equal(box.lang, 'de-CH', 'the page’s own, on connecting');
      setLocale('ar');
      await settle(box);
      equal(box.lang, 'de-CH', 'and when the locale changes');
      box.removeAttribute('lang');
      setLocale('fr');
      await settle(box);
      equal(box.lang, 'fr', 'taken off: the locale’s');
      box.lang = 'en-US';
      setLocale('ar');
      await settle(box);
      equal(box.lang, 'en-US', 'put back over the locale’s: the page’s again');
    } finally {
      box.remove();
    }
  });

  it('falls back to the host’s own English wording for a key another locale leaves out', async () => {
    registerMessages('en', { 'fieldMapper.autoMap': 'Suggest matches', 'settings.enable': 'Turn on' });
    try {
      registerMessages('de', { 'fieldMapper.search': 'Felder suchen' });
      setLocale('de');
      equal(msg('fieldMapper.search'), 'Felder suchen', 'translated');
      equal(msg('fieldMapper.autoMap'), 'Suggest matches', 'left out: the English the host chose');
      equal(msg('settings.enable', undefined, 'Enable'), 'Turn on', 'a key of a widget’s own table too');
    } finally {
      registerMessages('en', { 'fieldMapper.autoMap': 'Auto-map', 'settings.enable': 'Enable' });
    }
  });

  it('falls back to English formats for a locale Intl does not know', async () => {
    setLocale('not a locale!');
    equal(formatNumber(15000), '15,000', 'English grouping');
    equal(msg('fieldMapper.counts.required', { mapped: 1, total: 3 }), '1 of 3 required', 'English text');
  });
});
