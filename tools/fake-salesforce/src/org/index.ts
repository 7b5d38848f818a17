/** Builds the fake org: about 1,000 objects, full describes for the objects MemberPulse uses, sample records. */
import { VERSION_PLACEHOLDER, FAKE_USERNAME } from '../constants.js';
import { makeId, to18 } from '../ids.js';
import type { ChildRelationship, FakeOrg, FakeUser, FieldDescribe, OrgObject } from '../types.js';
import { accountFields } from './account.js';
import { orderFields, taskFields } from './activity.js';
import { campaignFields, campaignMemberFields } from './campaign.js';
import { buildCatalog, type CatalogEntry } from './catalog.js';
import { contactFields } from './contact.js';
import { child, detail, type RecordTypeDef } from './detail.js';
import { leadFields } from './lead.js';
import { largeMemberFields, memberFields, memberTagFields } from './member.js';
import { genericFields, recordTypeFields, userFields } from './setup.js';
import { summary } from './summary.js';
import { addSampleData } from './sample-data.js';

interface HandWritten {
  fields: () => FieldDescribe[];
  children?: ChildRelationship[];
}

const HAND_WRITTEN: Record<string, HandWritten> = {
  Contact: {
    fields: contactFields,
    children: [
      child('CampaignMember', 'ContactId', 'CampaignMembers', true),
      child('Task', 'WhoId', 'Tasks', true),
      child('Member_Tag__c', 'Contact__c', 'Member_Tags__r', true),
      child('Member__c', 'Contact__c', 'Members__r'),
      child('Contact', 'ReportsToId', null),
      child('Order', 'BillToContactId', null),
    ],
  },
  Account: {
    fields: accountFields,
    children: [child('Contact', 'AccountId', 'Contacts'), child('Order', 'AccountId', 'Orders', true), child('Account', 'ParentId', 'ChildAccounts')],
  },
  Lead: { fields: leadFields, children: [child('CampaignMember', 'LeadId', 'CampaignMembers', true), child('Task', 'WhoId', 'Tasks', true)] },
  Campaign: { fields: campaignFields, children: [child('CampaignMember', 'CampaignId', 'CampaignMembers', true), child('Campaign', 'ParentId', 'ChildCampaigns')] },
  CampaignMember: { fields: campaignMemberFields },
  Task: { fields: taskFields },
  Order: { fields: orderFields },
  Member__c: { fields: memberFields, children: [child('Task', 'WhatId', 'Tasks', true)] },
  Member_Tag__c: { fields: memberTagFields },
  Association_Member__c: { fields: largeMemberFields },
  User: { fields: userFields },
  RecordType: { fields: recordTypeFields },
};

/** Options for {@link createSampleOrg}. */
export interface SampleOrgOptions {
  /** Add the sample Accounts, Contacts, Campaigns… (default true). */
  sampleData?: boolean;
  /** The "now" the sample LastModifiedDate values are relative to (default: Date.now()). */
  now?: number;
  /** Org name shown in SOAP login results and the identity service. */
  organizationName?: string;
  /** Whether the org reports itself as a sandbox. */
  isSandbox?: boolean;
}

function recordTypesFor(org: FakeOrg, objectName: string): RecordTypeDef[] {
  const rt = org.objects.get('recordtype');
  if (!rt) return [];
  return [...rt.records.values()]
    .filter((r) => r.SobjectType === objectName && r.IsActive === true && r.IsDeleted !== true)
    .map((r) => ({ id: String(r.Id), name: String(r.Name), developerName: String(r.DeveloperName), isDefault: r.$default === true }));
}

function makeObject(org: FakeOrg, entry: CatalogEntry): OrgObject {
  const s = summary(entry.name, entry.kind, VERSION_PLACEHOLDER, {
    keyPrefix: entry.keyPrefix,
    ...(entry.label ? { label: entry.label } : {}),
    ...(entry.labelPlural ? { labelPlural: entry.labelPlural } : {}),
  });
  if (entry.kind === 'readonly') {
    s.createable = false;
    s.updateable = false;
    s.deletable = false;
  }
  const hand = HAND_WRITTEN[entry.name];
  return {
    summary: s,
    records: new Map(),
    build: () =>
      detail(hand ? hand.fields() : genericFields(entry.name, entry.kind), {
        children: hand?.children ?? [],
        recordTypes: recordTypesFor(org, entry.name),
        keyPrefix: entry.keyPrefix,
        apiVersion: VERSION_PLACEHOLDER,
        objectName: entry.name,
      }),
  };
}

function user(seq: number, username: string, firstName: string, lastName: string, email: string): FakeUser {
  return { id: makeId('005', seq), username, firstName, lastName, email };
}

/** An org with the full object catalog and users but no other records. */
export function createEmptyOrg(options: Omit<SampleOrgOptions, 'sampleData'> = {}): FakeOrg {
  const integrationUser = user(1, FAKE_USERNAME, 'MemberPulse', 'Integration', 'integration@memberpulse-demo.example');
  const org: FakeOrg = {
    organizationId: to18('00D5g0000012Mpu'),
    organizationName: options.organizationName ?? 'MemberPulse Demo Association',
    isSandbox: options.isSandbox ?? false,
    integrationUser,
    users: [
      integrationUser,
      user(2, 'alex.admin@memberpulse-demo.example', 'Alex', 'Admin', 'alex.admin@memberpulse-demo.example'),
      user(3, 'morgan.membership@memberpulse-demo.example', 'Morgan', 'Lee', 'morgan.membership@memberpulse-demo.example'),
    ],
    objects: new Map(),
    nextId: 1000,
  };
  for (const entry of buildCatalog()) org.objects.set(entry.name.toLowerCase(), makeObject(org, entry));
  return org;
}

/** The demo org: the catalog, users, record types and a small set of realistic records. */
export function createSampleOrg(options: SampleOrgOptions = {}): FakeOrg {
  const org = createEmptyOrg(options);
  addSampleData(org, { now: options.now ?? Date.now(), full: options.sampleData !== false });
  return org;
}
