import { memberFields, memberPulseTags, orderFields, platformCatalog, tagDestinationLabels, tagDestinations } from '@memberpulse/integration-schema';
import { en, registerMessages } from '../../packages/elements/src/index.js';
import { endpointGridMessages } from '../../packages/elements/src/endpoint-grid/messages.js';
import { settingsMessages } from '../../packages/elements/src/integration-settings/messages.js';
import { errorMessages } from '../../packages/elements/src/provider/error-text.js';

/** The pseudo-locale the "Long strings" toolbar item and stories switch to. */
export const LONG_LOCALE = 'en-XA';

const accented: Record<string, string> = {
  a: 'à', e: 'é', i: 'î', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', s: 'š', y: 'ý', z: 'ž',
  A: 'Å', E: 'É', I: 'Î', O: 'Ö', U: 'Ü', C: 'Ç', N: 'Ñ', S: 'Š', Y: 'Ý', Z: 'Ž',
};

/**
 * Pseudo-translation: every string accented and about 60 % longer (German and Finnish often run that long),
 * placeholders kept, so layouts can be checked for wrapping and truncation without a real translation.
 */
function pseudo(template: string): string {
  // Placeholders and element names (<mp-integration-provider>) are code, not words: kept as they are.
  const parts = template.split(/(\{\w+\}|<[a-z][\w-]*>)/);
  const text = parts.map((p) => (/^[{<]/.test(p) ? p : p.replace(/[a-zA-Z]/g, (ch) => accented[ch] ?? ch))).join('');
  const padding = Math.ceil(template.length * 0.6);
  return `⟦${text} ${'ŀöñĝ '.repeat(Math.ceil(padding / 5)).trim()}⟧`;
}

const catalogTexts = platformCatalog.flatMap((p) => [
  [`catalog.${p.id}.description`, p.description],
  ...p.settings.flatMap((s) => [
    [`catalog.${p.id}.${s.key}.label`, s.label],
    ...(s.help ? [[`catalog.${p.id}.${s.key}.help`, s.help]] : []),
    ...(s.options ?? []).map((o) => [`catalog.${p.id}.${s.key}.option.${o.value}`, o.label]),
  ]),
]);
const fieldTexts = [...memberFields.map((f) => [`field.member.${f.key}`, f.label]), ...orderFields.map((f) => [`field.order.${f.key}`, f.label])];
// Keys made from data (a setting's group, a tag, a tag destination): the widgets fall back to the data's English.
const dataTexts = [
  ...[...new Set(platformCatalog.flatMap((p) => p.settings.map((s) => s.group).filter((g): g is string => !!g)))].map((g) => [`settings.group.${g}`, g]),
  ...memberPulseTags.map((tag) => [`settings.tag.${tag.value}`, tag.label]),
  ...tagDestinations.map((d) => [`settings.tagDestination.${d}`, tagDestinationLabels[d]]),
];
const english: Record<string, string> = { ...en, ...errorMessages, ...endpointGridMessages, ...settingsMessages, ...Object.fromEntries([...catalogTexts, ...fieldTexts, ...dataTexts]) };
registerMessages(LONG_LOCALE, Object.fromEntries(Object.entries(english).map(([key, value]) => [key, pseudo(value)])));
