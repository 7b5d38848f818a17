import { msg, type MessageParams } from '../i18n/index.js';

type BaseKey<K> = K extends `${infer B}#${string}` ? B : K;

/**
 * A `msg` for a widget's own English table: the current locale's registered text wins (hosts translate
 * with `registerMessages(locale, { key: text })`), then this table. Plural keys are `key#one` / `key#other`
 * here too, chosen by the `count` parameter.
 */
export function translator<T extends Record<string, string>>(table: T): (key: BaseKey<keyof T & string>, params?: MessageParams) => string {
  return (key, params) => {
    const count = typeof params?.count === 'number' ? params.count : undefined;
    const english = count === undefined ? table[key] : (table[`${key}#${count === 1 ? 'one' : 'other'}`] ?? table[key]);
    return msg(key, params, english);
  };
}

/** Text worded each time it is shown, so a notice kept in state follows `setLocale` while it shows. */
export type Phrase = () => string;
