/** Fields the server computes on every write: names, auto numbers, formula-like values. */
import { findRecord } from './store.js';
import type { FakeOrg, OrgObject, SfRecord } from './types.js';

const autoNumbers = new WeakMap<FakeOrg, Map<string, number>>();

function nextAutoNumber(org: FakeOrg, objName: string): number {
  let m = autoNumbers.get(org);
  if (!m) autoNumbers.set(org, (m = new Map()));
  const n = (m.get(objName) ?? 0) + 1;
  m.set(objName, n);
  return n;
}

function fullName(r: SfRecord): string | null {
  const parts = [r.FirstName, r.LastName].filter((v) => typeof v === 'string' && v !== '');
  return parts.length ? parts.join(' ') : null;
}

/** Applies derived values to a record after a create or update (mutates it). */
export function applyDerived(org: FakeOrg, obj: OrgObject, r: SfRecord, creating: boolean): void {
  const name = obj.summary.name;
  switch (name) {
    case 'Contact':
    case 'Lead':
    case 'User':
      r.Name = fullName(r);
      break;
    case 'Member_Tag__c':
      if (creating) r.Name = `MT-${String(nextAutoNumber(org, name)).padStart(6, '0')}`;
      break;
    case 'Order':
      if (creating) r.OrderNumber = String(100 + nextAutoNumber(org, name)).padStart(8, '0');
      r.StatusCode = r.Status === 'Activated' ? 'Activated' : 'Draft';
      break;
    case 'Task': {
      r.IsClosed = r.Status === 'Completed';
      r.IsHighPriority = r.Priority === 'High';
      const who = typeof r.WhoId === 'string' ? findRecord(org, r.WhoId) : undefined;
      r.AccountId = who?.obj.summary.name === 'Contact' ? (who.record.AccountId ?? null) : null;
      break;
    }
    case 'CampaignMember': {
      const who = typeof (r.ContactId ?? r.LeadId) === 'string' ? findRecord(org, String(r.ContactId ?? r.LeadId)) : undefined;
      if (who) {
        for (const k of ['Salutation', 'FirstName', 'LastName', 'Title', 'Email', 'Phone', 'LeadSource', 'Name']) r[k] = who.record[k] ?? null;
        r.Type = who.obj.summary.name;
        r.LeadOrContactId = who.record.Id;
        r.LeadOrContactOwnerId = who.record.OwnerId ?? null;
        r.CompanyOrAccount = who.obj.summary.name === 'Lead' ? (who.record.Company ?? null) : null;
      }
      r.HasResponded = ['Responded', 'Attended'].includes(String(r.Status));
      break;
    }
  }
  if (name === 'Contact') {
    const street = [r.MailingStreet, r.MailingCity, r.MailingState, r.MailingPostalCode, r.MailingCountry].filter(Boolean);
    r.Full_Mailing_Address__c = street.length ? street.join(', ') : null;
    if (typeof r.Membership_Expiry__c === 'string') {
      r.Days_Until_Expiry__c = Math.round((Date.parse(r.Membership_Expiry__c) - Date.now()) / 86_400_000);
    } else r.Days_Until_Expiry__c = null;
  }
}
