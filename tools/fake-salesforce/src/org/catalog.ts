/** The list of objects in the sample org's global describe: real standard objects plus generated custom ones. */
import type { ObjectKind } from './summary.js';
import { base62 } from '../ids.js';
import { OBJECT_NOUNS, OBJECT_SUFFIXES } from './vocab.js';

/** One object of the catalog. */
export interface CatalogEntry {
  name: string;
  kind: ObjectKind;
  keyPrefix: string | null;
  label?: string;
  labelPlural?: string;
}

/** Standard objects with their real key prefixes. */
const STANDARD: Array<[string, string | null, ObjectKind?]> = [
  ['Account', '001'], ['AccountContactRelation', '07k'], ['AccountContactRole', '02Z'], ['AccountPartner', '00I', 'readonly'],
  ['AccountTeamMember', '01M'], ['ActivityHistory', '00T', 'readonly'], ['AdditionalNumber', '04m', 'setup'], ['Asset', '02i'],
  ['AssetRelationship', '1AR'], ['AssignmentRule', '01Q', 'setup'], ['AsyncApexJob', '707', 'readonly'], ['Attachment', '00P'],
  ['AuthProvider', '0SO', 'setup'], ['BusinessHours', '01m', 'setup'], ['BusinessProcess', '019', 'setup'], ['CallCenter', '04v', 'setup'],
  ['Campaign', '701'], ['CampaignMember', '00v'], ['CampaignMemberStatus', '01Y', 'setup'], ['Case', '500'], ['CaseComment', '00a'],
  ['CaseContactRole', '03j'], ['CaseSolution', '010'], ['CaseTeamMember', '0B6'], ['CategoryData', '02o', 'setup'], ['CategoryNode', '02n', 'setup'],
  ['Contact', '003'], ['ContactPointEmail', '9PE'], ['ContactPointPhone', '0Ow'], ['ContentDocument', '069'], ['ContentDocumentLink', '06A'],
  ['ContentNote', '069', 'readonly'], ['ContentVersion', '068'], ['ContentWorkspace', '058', 'setup'], ['Contract', '800'], ['ContractContactRole', '02a'],
  ['CronTrigger', '08e', 'readonly'], ['CustomPermission', '0CP', 'setup'], ['Dashboard', '01Z', 'readonly'], ['DashboardComponent', '01a', 'readonly'],
  ['Document', '015'], ['DuplicateRecordItem', '0GL'], ['DuplicateRecordSet', '0GK'], ['DuplicateRule', '0Bm', 'setup'], ['EmailMessage', '02s'],
  ['EmailTemplate', '00X', 'setup'], ['EntitySubscription', '0E8'], ['Event', '00U'], ['EventRelation', '0RE'], ['FeedComment', '0D7'],
  ['FeedItem', '0D5'], ['Folder', '00l', 'setup'], ['Group', '00G', 'setup'], ['GroupMember', '011', 'setup'], ['Holiday', '0C0', 'setup'],
  ['Idea', '087'], ['Individual', '0PK'], ['Lead', '00Q'], ['LeadStatus', '01J', 'readonly'], ['ListView', '00B', 'readonly'], ['Macro', '0JZ'],
  ['Note', '002'], ['NoteAndAttachment', '00P', 'readonly'], ['OpenActivity', '00T', 'readonly'], ['Opportunity', '006'],
  ['OpportunityCompetitor', '00J'], ['OpportunityContactRole', '00K'], ['OpportunityLineItem', '00k'], ['OpportunityPartner', '00I', 'readonly'],
  ['OpportunityStage', '01J', 'readonly'], ['Order', '801'], ['OrderItem', '802'], ['OrgWideEmailAddress', '0D2', 'setup'],
  ['Organization', '00D', 'readonly'], ['Partner', '00I'], ['Period', '026', 'readonly'], ['PermissionSet', '0PS', 'setup'],
  ['PermissionSetAssignment', '0Pa', 'setup'], ['Pricebook2', '01s'], ['PricebookEntry', '01u'], ['ProcessInstance', '04g', 'readonly'],
  ['ProcessInstanceStep', '04h', 'readonly'], ['ProcessInstanceWorkitem', '04i', 'readonly'], ['Product2', '01t'], ['Profile', '00e', 'setup'],
  ['QueueSobject', '03g', 'setup'], ['RecentlyViewed', null, 'readonly'], ['RecordType', '012', 'readonly'], ['Report', '00O', 'readonly'],
  ['Solution', '501'], ['StaticResource', '081', 'setup'], ['Task', '00T'], ['TaskPriority', '01J', 'readonly'], ['TaskStatus', '01J', 'readonly'],
  ['Topic', '0TO'], ['TopicAssignment', '0FT'], ['User', '005', 'setup'], ['UserLicense', '100', 'readonly'], ['UserRole', '00E', 'setup'],
  ['Vote', '08v'], ['WorkOrder', '0WO'], ['WorkOrderLineItem', '1WL'], ['PaymentGateway', '0b0', 'setup'], ['Payment', '0a3'],
  ['Invoice', '3tt'], ['InvoiceLine', '5TT'], ['Location', '131'], ['Quote', '0Q0'], ['QuoteLineItem', '0QL'], ['ServiceAppointment', '08p'],
  ['Entitlement', '550'], ['ServiceContract', '810'], ['ContractLineItem', '811'], ['UserFeed', null, 'feed'],
  ['EmailServicesAddress', '093', 'setup'], ['LoginHistory', '0Ya', 'readonly'], ['SetupAuditTrail', '0Ym', 'readonly'], ['ApexClass', '01p', 'setup'],
  ['ApexTrigger', '01q', 'setup'], ['ApexPage', '066', 'setup'], ['ConnectedApplication', '0H4', 'readonly'], ['NamedCredential', '0XA', 'setup'],
];

/** Standard objects that get History / Feed / Share / ChangeEvent companions, as real orgs list them. */
const COMPANIONS = ['Account', 'Asset', 'Campaign', 'Case', 'Contact', 'Contract', 'Lead', 'Opportunity', 'Order', 'Product2', 'Solution', 'Individual', 'Event', 'Task'];

/** Managed-package objects seen in association orgs (namespaced). */
const PACKAGED = [
  'npe01__OppPayment__c', 'npe03__Recurring_Donation__c', 'npe4__Relationship__c', 'npe5__Affiliation__c', 'npsp__General_Accounting_Unit__c',
  'npsp__Allocation__c', 'npsp__Batch__c', 'npsp__Engagement_Plan__c', 'npsp__Level__c', 'npsp__Address__c', 'dlrs__LookupRule__c',
  'et4ae5__SendDefinition__c', 'et4ae5__IndividualEmailResult__c', 'cvent__Event__c', 'cvent__Registration__c',
];

/** How many generated `__c` objects the sample org has besides the named and packaged ones. */
export const GENERATED_CUSTOM_OBJECTS = 180;

/** Builds the whole catalog (about 1,000 objects), deterministic. */
export function buildCatalog(): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const [name, keyPrefix, kind] of STANDARD) out.push({ name, keyPrefix, kind: kind ?? 'entity' });
  for (const name of COMPANIONS) {
    out.push({ name: `${name}History`, keyPrefix: null, kind: 'history' });
    out.push({ name: `${name}Feed`, keyPrefix: null, kind: 'feed' });
    out.push({ name: `${name}Share`, keyPrefix: null, kind: 'share' });
    out.push({ name: `${name}ChangeEvent`, keyPrefix: null, kind: 'changeEvent' });
  }
  const customNames: string[] = ['Member__c', 'Member_Tag__c', ...PACKAGED];
  const taken = new Set(customNames.map((n) => n.toLowerCase()));
  outer: for (const suffix of OBJECT_SUFFIXES) {
    for (const noun of OBJECT_NOUNS) {
      if (customNames.length >= GENERATED_CUSTOM_OBJECTS + 2 + PACKAGED.length) break outer;
      const name = suffix ? `${noun}_${suffix}__c` : `${noun}__c`;
      if (taken.has(name.toLowerCase())) continue;
      taken.add(name.toLowerCase());
      customNames.push(name);
    }
  }
  // Last, so the objects before it keep their key prefixes: a large org's member object (900 fields).
  customNames.push('Association_Member__c');
  let seq = 1;
  for (const name of customNames) {
    const label = name === 'Member_Tag__c' ? 'Member Tag' : undefined;
    out.push({ name, keyPrefix: `a${base62(seq++, 2)}`, kind: 'custom', ...(label ? { label } : {}) });
    const stem = name.replace(/__c$/, '');
    out.push({ name: `${stem}__History`, keyPrefix: null, kind: 'history' });
    out.push({ name: `${stem}__Share`, keyPrefix: null, kind: 'share' });
    out.push({ name: `${stem}__Feed`, keyPrefix: null, kind: 'feed' });
    if (seq % 5 === 0) out.push({ name: `${stem}__ChangeEvent`, keyPrefix: null, kind: 'changeEvent' });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
