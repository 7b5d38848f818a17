// Rules of where tags go that the Salesforce connector holds an org to when it writes them, judged on a save
// by the server. In this entry, not the widgets' main entry, which has no bytes to spare: the form hears of them from
// the save, on the tag controls.
import type { CrmMapping } from '../settings.js';
import { fieldError, type FieldError } from '../problem.js';

/** What the tag-object rule reads of a field: a CRM's describe (`CrmFieldDescriptor`, or Salesforce's own) has it. */
export interface TagObjectField {
  name: string;
  type: string;
  createable: boolean;
  custom: boolean;
  externalId: boolean;
  unique: boolean;
  referenceTo?: string[];
}

/**
 * The fields a related tag object writes through: a lookup to the member object, the field that takes the tag
 * (`Tag__c`, else a custom text or picklist field named for tags), and a unique external-id key, when it
 * has one, that makes re-applying a tag an upsert. Null when it lacks the lookup or the tag field.
 */
export function tagObjectShape<F extends TagObjectField>(fields: readonly F[], memberObject: string): { lookup: F; tag: F; key?: F } | null {
  const lookup = fields.find((f) => f.type === 'reference' && f.createable && f.referenceTo?.some((r) => r.toLowerCase() === memberObject.toLowerCase()));
  const key = fields.find((f) => f.externalId && f.unique && f.createable && f.type === 'string');
  const tag =
    fields.find((f) => f.name.toLowerCase() === 'tag__c') ??
    fields.find((f) => f.custom && f.createable && f !== key && ['picklist', 'string', 'combobox'].includes(f.type) && /tag/i.test(f.name));
  if (!lookup || !tag) return null;
  return key ? { lookup, tag, key } : { lookup, tag };
}

/** Whether a Campaign takes records of the member object as members: Contacts and Leads only. */
export const takesCampaignMembers = (memberObject: string) => /^(contact|lead)$/i.test(memberObject);

/**
 * Where tags go, against what Salesforce takes: campaign membership only for Contact or Lead members, and a
 * related object, once its fields are described, only with its lookup to the member object and a tag field.
 */
export function salesforceTagErrors(crm: CrmMapping, tagObjectFields: readonly TagObjectField[] | undefined): FieldError[] {
  const member = crm.memberObject;
  if (!member) return [];
  if (crm.tagDestination === 'campaignMembership' && !takesCampaignMembers(member)) {
    return [fieldError('/crm/tagDestination', 'invalid', `Campaign membership works with Contact or Lead members only, not ${member}: choose another place for tags.`)];
  }
  if (crm.tagDestination === 'relatedObject' && crm.tagObject && tagObjectFields && !tagObjectShape(tagObjectFields, member)) {
    return [fieldError('/crm/tagObject', 'invalid', `${crm.tagObject} cannot take tags: it needs a lookup to ${member} and a tag field such as Tag__c.`)];
  }
  return [];
}
