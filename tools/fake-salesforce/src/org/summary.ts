/** Builds describeGlobal entries (`SObjectSummary`) with realistic flags per kind of object. */
import type { SObjectSummary } from '../types.js';

/** The kind of object, which decides its flags. */
export type ObjectKind = 'entity' | 'custom' | 'history' | 'share' | 'feed' | 'changeEvent' | 'setup' | 'readonly';

/** Builds one summary; `apiVersion` goes into the urls. */
export function summary(
  name: string,
  kind: ObjectKind,
  apiVersion: string,
  extra: Partial<SObjectSummary> & { label?: string; labelPlural?: string } = {},
): SObjectSummary {
  const base = `/services/data/v${apiVersion}/sobjects/${name}`;
  const entity = kind === 'entity' || kind === 'custom';
  const label = extra.label ?? defaultLabel(name);
  const urls: Record<string, string> =
    kind === 'changeEvent'
      ? { eventSchema: `/services/data/v${apiVersion}/event/eventSchema/${name}`, sobject: base, describe: `${base}/describe` }
      : { rowTemplate: `${base}/{ID}`, describe: `${base}/describe`, sobject: base };
  if (entity) {
    urls.compactLayouts = `${base}/describe/compactLayouts`;
    urls.approvalLayouts = `${base}/describe/approvalLayouts`;
    urls.listviews = `${base}/listviews`;
    urls.quickActions = `${base}/quickActions`;
    urls.layouts = `${base}/describe/layouts`;
  }
  return {
    activateable: false,
    associateEntityType: kind === 'history' ? 'History' : kind === 'share' ? 'Share' : kind === 'feed' ? 'Feed' : kind === 'changeEvent' ? 'ChangeEvent' : null,
    associateParentEntity: ['history', 'share', 'feed', 'changeEvent'].includes(kind) ? parentOf(name) : null,
    createable: entity || kind === 'share' || kind === 'setup',
    custom: name.endsWith('__c') || /__(History|Share|Feed|ChangeEvent)$/.test(name),
    customSetting: false,
    deepCloneable: false,
    deletable: entity || kind === 'share' || kind === 'feed' || kind === 'setup',
    deprecatedAndHidden: false,
    feedEnabled: entity,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: null,
    label,
    labelPlural: extra.labelPlural ?? pluralize(label),
    layoutable: entity,
    mergeable: false,
    mruEnabled: entity,
    name,
    queryable: kind !== 'changeEvent',
    replicateable: kind !== 'changeEvent' && kind !== 'feed',
    retrieveable: kind !== 'changeEvent',
    searchable: entity,
    triggerable: entity || kind === 'changeEvent',
    undeletable: entity,
    updateable: entity || kind === 'share' || kind === 'setup',
    ...extra,
    urls: { ...urls, ...(extra.urls ?? {}) },
  };
}

function parentOf(name: string): string {
  const custom = name.match(/^(.*)__(History|Share|Feed|ChangeEvent)$/);
  if (custom) return `${custom[1]}__c`;
  return name.replace(/(History|Share|Feed|ChangeEvent|FieldHistory)$/, '');
}

/** A label for an API name: `Member_Tag__c` → `Member Tag`, `CampaignMember` → `Campaign Member`. */
export function defaultLabel(name: string): string {
  const custom = name.match(/^(.*)__(History|Share|Feed|ChangeEvent)$/);
  if (custom) {
    const base = defaultLabel(`${custom[1]}__c`);
    const suffix = { History: 'History', Share: 'Share', Feed: 'Feed', ChangeEvent: 'Change Event' }[custom[2] as 'History'];
    return `${base} ${suffix}`;
  }
  return name
    .replace(/^[a-z0-9]+__(?=[A-Z])/, '')
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
}

/** English plural good enough for labels. */
export function pluralize(label: string): string {
  if (/(History)$/.test(label)) return label.replace(/History$/, 'Histories');
  if (/[^aeiou]y$/.test(label)) return `${label.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(label)) return `${label}es`;
  return `${label}s`;
}
