import { memberPulseTags, tagFieldKey, type CrmMapping, type TagDestination } from '@memberpulse/integration-schema';
import { tagObjectShape, takesCampaignMembers } from '@memberpulse/integration-schema/validation';
import { ConnectorError, pointerError } from '../errors.js';
import type { SalesforceClient, SfField } from './client.js';
import { soqlId, soqlName, soqlString } from './soql.js';
import { rethrowWrite } from './write-errors.js';

/** Where and how to apply tags; build it from CRM settings with `tagTargetFromSettings`. */
export type TagTarget =
  /** Multi-select picklist fields on the member record, as the settings name them; `tagFieldKey` routes each tag. */
  | { destination: 'multiPicklist'; eventTagField: string; courseTagField?: string | null }
  /** One record per tag in a custom object related to the member (e.g. `Member_Tag__c`). */
  | { destination: 'relatedObject'; object: string }
  /** Campaign membership: one Campaign per tag, found (or created) by `campaignField` (default `Name`). */
  | { destination: 'campaignMembership'; campaignField?: string };

/** What `applyTags` changes on one member. */
export interface ApplyTagsInput {
  target: TagTarget;
  /** Member object, e.g. `Contact`. */
  memberObject: string;
  memberId: string;
  /** Tag values to add, e.g. `MP:Event:Attended`. */
  add?: readonly string[];
  /** Tag values to take away. */
  remove?: readonly string[];
}

/** What `applyTags` did. */
export interface ApplyTagsResult {
  destination: TagDestination;
  added: string[];
  removed: string[];
}

const TAG_GROUPS = new Map(memberPulseTags.map((t) => [t.value, t.group]));

/** The tag target the CRM settings describe. */
export function tagTargetFromSettings(crm: Pick<CrmMapping, 'tagDestination' | 'eventTagField' | 'courseTagField' | 'tagObject'>): TagTarget {
  switch (crm.tagDestination) {
    case 'relatedObject':
      if (!crm.tagObject) throw new ConnectorError('invalid', 'Choose the related object that receives tags.', [pointerError('/crm/tagObject', 'required', 'Choose the related object that receives tags.')]);
      return { destination: 'relatedObject', object: crm.tagObject };
    case 'campaignMembership':
      return { destination: 'campaignMembership' };
    default: {
      if (!crm.eventTagField) throw new ConnectorError('invalid', 'Choose the field that receives event tags.', [pointerError('/crm/eventTagField', 'required', 'Choose the field that receives event tags.')]);
      return { destination: 'multiPicklist', eventTagField: crm.eventTagField, courseTagField: crm.courseTagField };
    }
  }
}

function checkTags(values: readonly string[]): void {
  const unknown = values.filter((v) => !TAG_GROUPS.has(v));
  if (unknown.length) throw new ConnectorError('invalid', `Not MemberPulse tags: ${unknown.join(', ')}.`);
}

/** Applies and removes MemberPulse tags on one member at the configured destination; re-applying is harmless. */
export async function applyTags(client: SalesforceClient, input: ApplyTagsInput): Promise<ApplyTagsResult> {
  const add = [...new Set(input.add ?? [])];
  const remove = [...new Set(input.remove ?? [])].filter((t) => !add.includes(t));
  checkTags([...add, ...remove]);
  soqlId(input.memberId);
  const object = soqlName(input.memberObject);
  switch (input.target.destination) {
    case 'multiPicklist':
      return picklistTags(client, object, input.memberId, input.target, add, remove);
    case 'relatedObject':
      return relatedTags(client, object, input.memberId, soqlName(input.target.object), add, remove);
    default:
      return campaignTags(client, object, input.memberId, soqlName(input.target.campaignField ?? 'Name'), add, remove);
  }
}

async function picklistTags(client: SalesforceClient, object: string, id: string, target: Extract<TagTarget, { destination: 'multiPicklist' }>, add: string[], remove: string[]): Promise<ApplyTagsResult> {
  const byField = new Map<string, { add: string[]; remove: string[]; pointers: Set<string> }>();
  for (const [list, tags] of [['add', add], ['remove', remove]] as const) {
    for (const tag of tags) {
      const key = tagFieldKey(target.courseTagField ?? null, TAG_GROUPS.get(tag)!);
      const field = soqlName(target[key]!);
      const entry = byField.get(field) ?? { add: [], remove: [], pointers: new Set<string>() };
      entry[list].push(tag);
      entry.pointers.add(`/crm/${key}`);
      byField.set(field, entry);
    }
  }
  if (!byField.size) return { destination: 'multiPicklist', added: [], removed: [] };
  const settings = Object.fromEntries([...byField].map(([f, e]) => [f, [...e.pointers]]));
  try {
    const current = await client.request<Record<string, unknown>>('GET', `/sobjects/${object}/${id}?fields=${[...byField.keys()].join(',')}`);
    const body: Record<string, string | null> = {};
    const added: string[] = [];
    const removed: string[] = [];
    for (const [field, change] of byField) {
      const have = new Set(String(current[field] ?? '').split(';').map((s) => s.trim()).filter(Boolean));
      for (const t of change.add) {
        if (have.has(t)) continue;
        have.add(t);
        added.push(t);
      }
      for (const t of change.remove) if (have.delete(t)) removed.push(t);
      body[field] = have.size ? [...have].join(';') : null;
    }
    if (added.length || removed.length) await client.request('PATCH', `/sobjects/${object}/${id}`, body);
    return { destination: 'multiPicklist', added, removed };
  } catch (err) {
    rethrowWrite(err, { mappings: [], base: '/crm/memberMappings', settings });
  }
}

/** The tag object's lookup to the member object, its tag field and (optionally) a unique external-id key. */
async function tagObjectFields(client: SalesforceClient, tagObject: string, memberObject: string): Promise<{ lookup: SfField; tag: SfField; key?: SfField }> {
  const shape = tagObjectShape((await client.describe(tagObject)).fields, memberObject);
  if (!shape) {
    throw new ConnectorError('invalid', `${tagObject} needs a lookup to ${memberObject} and a tag field (e.g. Tag__c) to receive tags.`, [pointerError('/crm/tagObject', 'invalid', `${tagObject} has no lookup to ${memberObject} or no tag field.`)]);
  }
  return shape;
}

async function relatedTags(client: SalesforceClient, memberObject: string, id: string, tagObject: string, add: string[], remove: string[]): Promise<ApplyTagsResult> {
  const where = { mappings: [], base: '/crm/memberMappings', settings: {} as Record<string, string> };
  try {
    const { lookup, tag, key } = await tagObjectFields(client, tagObject, memberObject);
    where.settings = { [tag.name]: '/crm/tagObject', [lookup.name]: '/crm/tagObject' };
    const all = [...add, ...remove];
    const existing = all.length
      ? (await client.query(`SELECT Id, ${tag.name} FROM ${tagObject} WHERE ${lookup.name} = '${id}' AND ${tag.name} IN (${all.map(soqlString).join(', ')})`)).records
      : [];
    const have = new Map(existing.map((r) => [String(r[tag.name]), String(r.Id)]));
    const added = add.filter((t) => !have.has(t));
    if (added.length) {
      const records = added.map((t) => ({ attributes: { type: tagObject }, [lookup.name]: id, [tag.name]: t, ...(key ? { [key.name]: `${id}:${t}` } : {}) }));
      const path = key ? `/composite/sobjects/${tagObject}/${key.name}` : '/composite/sobjects';
      const results = await client.request<Array<{ success: boolean; errors: Array<{ statusCode: string; message: string; fields?: string[] }> }>>(key ? 'PATCH' : 'POST', path, { allOrNone: true, records });
      const failed = results.flatMap((r) => r.errors).filter((e) => e.statusCode !== 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
      if (failed.length) throw new ConnectorError('invalid', failed.map((e) => e.message).join(' '), [], failed[0]!.statusCode, { cause: { data: failed } });
    }
    const removed: string[] = [];
    for (const t of remove) {
      const recordId = have.get(t);
      if (!recordId) continue;
      await client.request('DELETE', `/sobjects/${tagObject}/${recordId}`);
      removed.push(t);
    }
    return { destination: 'relatedObject', added, removed };
  } catch (err) {
    rethrowWrite(err, where);
  }
}

async function campaignTags(client: SalesforceClient, memberObject: string, id: string, campaignField: string, add: string[], remove: string[]): Promise<ApplyTagsResult> {
  const memberField = memberObject.toLowerCase() === 'lead' ? 'LeadId' : 'ContactId';
  if (!takesCampaignMembers(memberObject)) {
    throw new ConnectorError('invalid', 'Campaign membership needs Contact or Lead as the member object.', [pointerError('/crm/tagDestination', 'invalid', 'Campaign membership works with Contact or Lead members only.')]);
  }
  const all = [...add, ...remove];
  if (!all.length) return { destination: 'campaignMembership', added: [], removed: [] };
  const where = { mappings: [], base: '/crm/memberMappings', settings: { [campaignField]: '/crm/tagDestination' } };
  try {
    const campaigns = (await client.query(`SELECT Id, ${campaignField} FROM Campaign WHERE ${campaignField} IN (${all.map(soqlString).join(', ')})`)).records;
    const campaignOf = new Map(campaigns.map((c) => [String(c[campaignField]), String(c.Id)]));
    const members = campaigns.length
      ? (await client.query(`SELECT Id, CampaignId FROM CampaignMember WHERE ${memberField} = '${id}' AND CampaignId IN (${campaigns.map((c) => `'${String(c.Id)}'`).join(', ')})`)).records
      : [];
    const memberOf = new Map(members.map((m) => [String(m.CampaignId), String(m.Id)]));
    const added: string[] = [];
    for (const t of add) {
      let campaignId = campaignOf.get(t);
      if (!campaignId) {
        campaignId = (await client.request<{ id: string }>('POST', '/sobjects/Campaign', { Name: t, ...(campaignField === 'Name' ? {} : { [campaignField]: t }), IsActive: true })).id;
        campaignOf.set(t, campaignId);
      }
      if (memberOf.has(campaignId)) continue;
      await client.request('POST', '/sobjects/CampaignMember', { CampaignId: campaignId, [memberField]: id });
      added.push(t);
    }
    const removed: string[] = [];
    for (const t of remove) {
      const memberId = memberOf.get(campaignOf.get(t) ?? '');
      if (!memberId) continue;
      await client.request('DELETE', `/sobjects/CampaignMember/${memberId}`);
      removed.push(t);
    }
    return { destination: 'campaignMembership', added, removed };
  } catch (err) {
    rethrowWrite(err, where);
  }
}
