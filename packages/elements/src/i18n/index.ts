import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isolateBidi } from '@memberpulse/integration-schema';
import { en, type MessageKey } from './en.js';
import { firstStrong, scriptDirection, type Direction } from './direction.js';

export { en, type MessageKey };

/**
 * A message table: key → template. Templates take `{name}` placeholders. A key with plural forms is
 * written as `key#one`, `key#other` (any `Intl.PluralRules` category), chosen by the `count` parameter.
 */
export type Messages = Record<string, string>;

/** Parameters for a message; numbers are formatted for the current locale. */
export type MessageParams = Record<string, string | number | undefined>;

/** Fired on `window` when the locale changes or messages for the current locale are registered. */
export const LOCALE_CHANGE_EVENT = 'mp-locale-change';

const catalogs = new Map<string, Messages>([['en', en as Messages]]);
let current = 'en';
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const segmenters = new Map<string, Intl.Segmenter>();
const collators = new Map<string, Intl.Collator>();
const caseLocales = new Map<string, string>();
const directions = new Map<string, Direction>();

function notify(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(LOCALE_CHANGE_EVENT));
}

/** A tag as Intl spells it (`EN-gb` → `en-GB`), so any spelling meets the same table; one Intl refuses as it is. */
function canonical(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0]!;
  } catch {
    return locale;
  }
}

/**
 * Adds translations for a locale (merged over earlier ones; the tag in any case). Any key left out falls back to English.
 * @example registerMessages('de', { 'fieldMapper.search': 'Felder suchen' }); setLocale('de');
 */
export function registerMessages(locale: string, messages: Messages): void {
  locale = canonical(locale);
  catalogs.set(locale, { ...catalogs.get(locale), ...messages });
  if (locale === current || locale === 'en') notify();
}

/** Switches every mp element to `locale` (a BCP 47 tag in any case; also used for number and plural formatting). */
export function setLocale(locale: string): void {
  locale = canonical(locale);
  if (locale === current) return;
  current = locale;
  notify();
}

/** The current locale, as Intl spells it (`en-GB` after `setLocale('en-gb')`). */
export function getLocale(): string {
  return current;
}

/** A formatter for the current locale, made once per key; a locale Intl does not know falls back to English. */
function forLocale<T>(cache: Map<string, T>, key: string, make: (locale: string) => T): T {
  let made = cache.get(key);
  if (!made) {
    try {
      made = make(current);
    } catch {
      made = make('en');
    }
    cache.set(key, made);
  }
  return made;
}

/** Formats an ISO date and time for the current locale ("29.11.2026, 20:12" in German); '' for none or a bad date. */
export function formatDateTime(iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  return forLocale(dateFormats, current, (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

/** Formats a number for the current locale. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  const key = `${current}|${options ? JSON.stringify(options) : ''}`;
  return forLocale(numberFormats, key, (locale) => new Intl.NumberFormat(locale, options)).format(n);
}

/** Joins names into a phrase for the current locale: "Email, First Name, and Last Name" ("… und Last Name" in German). */
export function formatList(items: readonly string[]): string {
  return forLocale(listFormats, current, (locale) => new Intl.ListFormat(locale)).format(items);
}

/** Orders two texts as the current locale's alphabet does (Polish "Łódź" between "Lublin" and "Mazury"). */
export function compareText(a: string, b: string): number {
  return forLocale(collators, current, (locale) => new Intl.Collator(locale)).compare(a, b);
}

/** A text in lower case by the current locale's rules, not the browser's (Turkish "I" → "ı", "İ" → "i"). */
export function lowerCase(text: string): string {
  return text.toLocaleLowerCase(forLocale(caseLocales, current, (locale) => Intl.getCanonicalLocales(locale)[0]!));
}

/**
 * A text as typed searching compares it: in the locale's lower case with its accents dropped, so "societe" finds
 * "Société", and the dotless ı taken for an i, as the dot over İ is dropped, so Turkish "id" finds "ID" (lower case "ıd").
 */
export function searchKey(text: string): string {
  return lowerCase(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i');
}

/**
 * The first `max` characters of a text as a reader counts them (an emoji or a letter with its accent is one),
 * ended as `common.shortened` says ("Lorem ipsum…"); the text itself when it has no more.
 */
export function shorten(text: string, max: number): string {
  const characters = [...forLocale(segmenters, current, (locale) => new Intl.Segmenter(locale)).segment(text)];
  return characters.length > max ? msg('common.shortened', { text: characters.slice(0, max).map((c) => c.segment).join('') }) : text;
}

function lookup(key: string, count: number | undefined): string | undefined {
  // Subtag by subtag: zh-Hant-TW, then zh-Hant, then zh.
  const chain = current.split('-').map((_, i, subtags) => catalogs.get(subtags.slice(0, i + 1).join('-')));
  for (const table of chain.reverse()) {
    if (!table) continue;
    if (count !== undefined) {
      const form = table[`${key}#${forLocale(pluralRules, current, (locale) => new Intl.PluralRules(locale)).select(count)}`] ?? table[`${key}#other`];
      if (form !== undefined) return form;
    }
    if (table[key] !== undefined) return table[key];
  }
  return undefined;
}

/** The English table with the host's English rewording over it. */
function englishLookup(key: string, count: number | undefined): string | undefined {
  const table = catalogs.get('en')!;
  if (count !== undefined) {
    const form = table[`${key}#${count === 1 ? 'one' : 'other'}`] ?? table[`${key}#other`];
    if (form !== undefined) return form;
  }
  return table[key];
}

const templateDirections = new Map<string, Direction | undefined>();

/** The direction of a template's own words, placeholders left out; kept per template, as `msg` runs on every render. */
function wordsDirection(template: string): Direction | undefined {
  if (!templateDirections.has(template)) templateDirections.set(template, firstStrong(template.replace(/\{\w+\}/g, '')));
  return templateDirections.get(template);
}

/** Fills a template's placeholders; `translated` says it is from the current locale's table, not English. */
function fill(template: string, params: MessageParams | undefined, translated: boolean): string {
  // English words alone lead with their own direction already.
  if (!params && !translated) return template;
  const text = params
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const v = params[name];
        if (v === undefined) return whole;
        return typeof v === 'number' ? formatNumber(v) : isolateBidi(v);
      })
    : template;
  // A text takes its direction from its first strong character (dir="auto", <bdi>, a screen reader): a value
  // or a name placed before the words ("„{name}“ löschen?" with a Hebrew name, an Arabic sentence that starts
  // with "Salesforce") must not decide it. A translation reads in its locale's direction; English in its
  // words', or the locale's for a template of placeholders only. That direction leads as an invisible mark.
  // One placeholder alone is its value, nothing of the locale's: it keeps the value's own direction.
  const locale = forLocale(directions, current, scriptDirection);
  const own = translated ? locale : (wordsDirection(template) ?? locale);
  const found = firstStrong(text);
  return found === undefined || found === own || /^\{\w+\}$/.test(template) ? text : `${own === 'rtl' ? '\u200f' : '\u200e'}${text}`;
}

/**
 * Looks up a message for the current locale and fills its placeholders.
 * Order: the current locale's table, then those of the tags it narrows (`zh-Hant-TW`: `zh-Hant`, then `zh`), then the English table
 * with the host's own `en` wording over it, then `fallback` (for keys with no English entry, e.g. a schema
 * rule's own English message, or a widget's table), then the key itself.
 */
export function msg(key: MessageKey | (string & {}), params?: MessageParams, fallback?: string): string {
  const count = typeof params?.count === 'number' ? params.count : undefined;
  const translated = lookup(key, count);
  return fill(translated ?? englishLookup(key, count) ?? fallback ?? key, params, translated !== undefined);
}

/**
 * Re-renders its host when the locale or the current locale's messages change, and calls `onChange` for
 * text the host keeps outside its template (a form control's validity message). The host's `lang` is the
 * locale, so its text is voiced and hyphenated in its own language, not in the page's; a `lang` the page
 * put on the element itself is the page's, and stays.
 * `new LocalizeController(this)` in an element's constructor; then call {@link msg} while rendering.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #also: (() => void) | undefined;
  #lang: string | undefined;
  readonly #onChange = () => {
    this.#markLang();
    this.#host.requestUpdate();
    this.#also?.();
  };

  constructor(host: ReactiveControllerHost & HTMLElement, onChange?: () => void) {
    this.#host = host;
    this.#also = onChange;
    host.addController(this);
  }

  #markLang(): void {
    if (!this.#host.hasAttribute('lang') || this.#host.lang === this.#lang) this.#host.lang = this.#lang = current;
  }

  hostConnected(): void {
    this.#markLang();
    window.addEventListener(LOCALE_CHANGE_EVENT, this.#onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener(LOCALE_CHANGE_EVENT, this.#onChange);
  }
}
