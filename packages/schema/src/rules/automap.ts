import type { CrmFieldDescriptor, MemberPulseField } from '../field-types.js';
import type { FieldMapping } from '../settings.js';
import { checkCompatibility } from './compatibility.js';

/** A proposed mapping with how sure we are (0–1) and why. */
export interface MappingSuggestion {
  source: string;
  target: string;
  confidence: number;
  reason: 'api-name' | 'label' | 'synonym' | 'partial';
}

/** Known CRM names for MemberPulse fields beyond the obvious (normalised: lower case, letters and digits). */
const synonyms: Record<string, string[]> = {
  company: ['accountname', 'company', 'organization', 'organisation', 'employer'],
  phone: ['phone', 'mobilephone', 'homephone', 'phonenumber'],
  street: ['mailingstreet', 'street', 'address1', 'address'],
  city: ['mailingcity', 'city'],
  state: ['mailingstate', 'state', 'region', 'province'],
  postalcode: ['mailingpostalcode', 'postalcode', 'zip', 'zipcode', 'postcode'],
  country: ['mailingcountry', 'country'],
  emailoptout: ['hasoptedoutofemail', 'emailoptout', 'optout'],
  membershipstatus: ['membershipstatus', 'memberstatus', 'status'],
  membershiplevel: ['membershiplevel', 'memberlevel', 'level', 'membershiptype', 'tier'],
  joindate: ['joindate', 'membersince', 'startdate', 'joineddate'],
  expirydate: ['expirydate', 'expirationdate', 'renewaldate', 'enddate', 'membershipexpiry'],
  memberid: ['memberid', 'membernumber', 'externalid'],
  ordernumber: ['ordernumber', 'orderno', 'invoicenumber'],
  orderdate: ['orderdate', 'effectivedate', 'date'],
  total: ['totalamount', 'total', 'amount'],
  currency: ['currencyisocode', 'currency'],
  status: ['status', 'orderstatus'],
  memberemail: ['billingemail', 'email'],
};

function normalise(name: string): string {
  return name.replace(/__c$/i, '').replace(/[^a-z0-9]/gi, '').toLowerCase();
}

interface Candidate extends MappingSuggestion {}

/**
 * The best match of one source against one target, or null. `key`, `label` and `known` (the key's synonyms)
 * are the source's, prepared once by the caller: this runs for every source × target pair.
 */
function score(
  sourceKey: string,
  key: string,
  label: string,
  known: readonly string[] | undefined,
  target: CrmFieldDescriptor,
  targetName: string,
  targetLabel: string,
): Candidate | null {
  let confidence = 0;
  let reason: MappingSuggestion['reason'] | undefined;
  if (targetName === key || targetName === label) {
    confidence = target.custom ? 0.9 : 0.95;
    reason = 'api-name';
  }
  if ((targetLabel === label || targetLabel === key) && confidence < 0.9) {
    confidence = 0.9;
    reason = 'label';
  }
  if (!reason && known && (known.includes(targetName) || known.includes(targetLabel))) {
    confidence = 0.8;
    reason = 'synonym';
  }
  if (!reason && key.length >= 4 && (targetName.includes(key) || targetLabel.includes(key))) {
    confidence = 0.5;
    reason = 'partial';
  }
  return reason ? { source: sourceKey, target: target.name, confidence, reason } : null;
}

/**
 * Proposes mappings by API name, label and known synonyms, only onto compatible, writable targets.
 * Sources already in `existing` and targets already used there are left alone, so the admin's choices stand.
 * Each target is proposed once, to the source that matches it best.
 */
export function suggestMappings(
  sources: readonly MemberPulseField[],
  targets: readonly CrmFieldDescriptor[],
  existing: readonly FieldMapping[] = [],
): MappingSuggestion[] {
  const mappedSources = new Set(existing.map((m) => m.source));
  const usedTargets = new Set(existing.map((m) => m.target));
  const prepared = targets
    .filter((t) => !usedTargets.has(t.name))
    .map((t) => ({ t, name: normalise(t.name), label: normalise(t.label) }));
  const candidates: Candidate[] = [];
  for (const source of sources) {
    if (mappedSources.has(source.key)) continue;
    const key = normalise(source.key);
    const sourceLabel = normalise(source.label);
    const known = synonyms[key];
    for (const { t, name, label } of prepared) {
      const c = score(source.key, key, sourceLabel, known, t, name, label);
      if (!c) continue;
      const compat = checkCompatibility(source, t);
      if (compat.level === 'error') continue;
      if (compat.level === 'warning') c.confidence = Math.round((c.confidence - 0.15) * 100) / 100;
      candidates.push(c);
    }
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.target.localeCompare(b.target));
  const taken = new Set<string>();
  const done = new Set<string>();
  const out: MappingSuggestion[] = [];
  for (const c of candidates) {
    if (taken.has(c.target) || done.has(c.source)) continue;
    taken.add(c.target);
    done.add(c.source);
    out.push(c);
  }
  const order = new Map(sources.map((s, i) => [s.key, i]));
  return out.sort((a, b) => order.get(a.source)! - order.get(b.source)!);
}
