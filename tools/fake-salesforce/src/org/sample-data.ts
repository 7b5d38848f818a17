/** The demo records: users, record types, and a small association's Accounts, Contacts, Campaigns and more. */
import type { FakeOrg, SfRecord } from '../types.js';
import { seedRecord } from '../records.js';
import { getObject } from '../store.js';
import { Rng } from './random.js';
import { CHAPTERS, MEMBERSHIP_LEVELS, SECURITY_GROUPS } from './vocab.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const FIRST = ['Olivia', 'Liam', 'Amelia', 'Noah', 'Isla', 'Jack', 'Mia', 'William', 'Grace', 'Oliver', 'Ava', 'Leo', 'Chloe', 'Lucas', 'Zoe', 'Henry', 'Ruby', 'Thomas', 'Sienna', 'James', "Aoife", 'Mateo', 'Priya', 'Kenji'];
const LAST = ['Smith', 'Nguyen', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Johnson', 'White', 'Martin', 'Anderson', "O'Brien", 'Thompson', 'Lee', 'Patel', 'Walker', 'Harris', 'Ryan', 'Robinson', 'Kelly', 'King', 'García', 'Tanaka', 'Singh', 'Müller'];
const CITIES: Array<[string, string, string]> = [['Sydney', 'NSW', '2000'], ['Melbourne', 'VIC', '3000'], ['Brisbane', 'QLD', '4000'], ['Perth', 'WA', '6000'], ['Adelaide', 'SA', '5000'], ['Hobart', 'TAS', '7000'], ['Canberra', 'ACT', '2600']];

/** Options for {@link addSampleData}. */
export interface SampleDataOptions {
  now: number;
  /** When false only users and record types are added. */
  full: boolean;
}

function seed(org: FakeOrg, objectName: string, values: SfRecord, modifiedAt?: number): SfRecord {
  const obj = getObject(org, objectName);
  if (!obj) throw new Error(`sample org has no ${objectName}`);
  return seedRecord(org, obj, values, modifiedAt === undefined ? {} : { createdAt: modifiedAt - 30 * DAY, modifiedAt });
}

/** Adds the sample records to an org (deterministic apart from timestamps relative to `now`). */
export function addSampleData(org: FakeOrg, opts: SampleDataOptions): void {
  const { now } = opts;
  for (const u of org.users) {
    seed(org, 'User', {
      Id: u.id, Username: u.username, FirstName: u.firstName, LastName: u.lastName, Email: u.email,
      Alias: (u.firstName.slice(0, 1) + u.lastName.slice(0, 4)).toLowerCase(), IsActive: true, UserType: 'Standard', TimeZoneSidKey: 'Australia/Sydney',
    }, now - 400 * DAY);
  }
  const recordTypes: Array<[string, string, string, boolean?]> = [
    ['Contact', 'Member', 'Member', true], ['Contact', 'Staff', 'Staff'], ['Contact', 'Partner', 'Partner'], ['Contact', 'Student', 'Student'],
    ['Account', 'Member Organisation', 'Member_Organisation', true], ['Account', 'Sponsor', 'Sponsor'],
  ];
  const rtIds: Record<string, string> = {};
  for (const [sobject, name, dev, isDefault] of recordTypes) {
    const r = seed(org, 'RecordType', { SobjectType: sobject, Name: name, DeveloperName: dev, IsActive: true, $default: !!isDefault }, now - 400 * DAY);
    rtIds[`${sobject}.${dev}`] = String(r.Id);
  }
  if (!opts.full) return;

  const rng = new Rng('MemberPulse sample data');
  const accountNames = ['Harbour City Engineering', 'Southern Cross Health', 'Koala Software Pty Ltd', 'Murray River Growers Co-op', 'Blue Mountains Legal', 'Pacific Rim Logistics', 'Outback Energy Partners', 'Coral Coast Hospitality'];
  const accounts = accountNames.map((Name, i) =>
    seed(org, 'Account', {
      Name, Type: i < 6 ? 'Member Organisation' : 'Sponsor', Industry: rng.pick(['Engineering', 'Healthcare', 'Technology', 'Agriculture', 'Finance', 'Energy', 'Hospitality']),
      BillingCity: CITIES[i % CITIES.length]![0], BillingState: CITIES[i % CITIES.length]![1], BillingCountry: 'Australia', Phone: `+61 2 9${String(100 + i)} 4${String(200 + i)}`,
      Website: `https://www.${Name.toLowerCase().replace(/[^a-z]+/g, '')}.example`, Member_Organisation_Id__c: `ORG-${String(i + 1).padStart(4, '0')}`,
      Membership_Tier__c: rng.pick(MEMBERSHIP_LEVELS), Active__c: 'Yes', RecordTypeId: rtIds[i < 6 ? 'Account.Member_Organisation' : 'Account.Sponsor'],
    }, now - (40 - i) * HOUR),
  );

  const contacts: SfRecord[] = [];
  for (let i = 0; i < 24; i++) {
    const first = FIRST[i]!;
    const last = LAST[i]!;
    const city = CITIES[i % CITIES.length]!;
    const status = i % 7 === 0 ? 'Expired' : i % 5 === 0 ? 'Expiring' : i % 11 === 0 ? 'Pending' : 'Active';
    const expiry = new Date(now + (status === 'Expired' ? -30 : status === 'Expiring' ? 20 : 200 + i) * DAY).toISOString().slice(0, 10);
    const tags = status === 'Active' ? ['MP:Membership:Active'] : status === 'Expiring' ? ['MP:Membership:Expiring'] : status === 'Expired' ? ['MP:Membership:Expired'] : [];
    if (i % 3 === 0) tags.push('MP:Event:Registered');
    if (i % 4 === 0) tags.push('MP:Course:Completed');
    contacts.push(
      seed(org, 'Contact', {
        FirstName: first, LastName: last, Salutation: rng.pick(['Mr.', 'Ms.', 'Dr.', 'Mx.']),
        Email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.org', Phone: `+61 4${String(10 + i)} 555 ${String(100 + i)}`,
        MobilePhone: `+61 4${String(20 + i)} 555 ${String(300 + i)}`, Title: rng.pick(['Engineer', 'Director', 'Nurse Practitioner', 'Developer', 'Agronomist', 'Solicitor', 'Analyst', 'Manager']),
        AccountId: accounts[i % 6]!.Id, MailingStreet: `${10 + i} ${rng.pick(['George', 'King', 'Queen', 'Collins', 'Elizabeth'])} Street`, MailingCity: city[0],
        MailingState: city[1], MailingPostalCode: city[2], MailingCountry: 'Australia', Birthdate: `19${String(60 + i)}-0${String((i % 9) + 1)}-1${String(i % 9)}`,
        HasOptedOutOfEmail: i % 9 === 0, Membership_Status__c: status, Membership_Level__c: MEMBERSHIP_LEVELS[i % MEMBERSHIP_LEVELS.length],
        Member_Number__c: `M-${String(1000 + i)}`, Member_Since__c: `20${String(10 + (i % 14)).padStart(2, '0')}-07-01`, Membership_Expiry__c: expiry,
        Is_Active__c: status !== 'Expired', Member_Tags__c: tags.join(';') || null, HL_Security_Group__c: SECURITY_GROUPS[i % SECURITY_GROUPS.length],
        HL_Chapter__c: CHAPTERS[i % CHAPTERS.length], HL_Member_Type__c: i % 6 === 5 ? 'Student' : 'Individual', HL_Board_Member__c: i % 8 === 0,
        Areas_of_Interest__c: ['Engineering: Standards', 'Technology: Innovation', 'Healthcare: Ethics'].slice(0, (i % 3) + 1).join(';'),
        RecordTypeId: rtIds[i % 6 === 5 ? 'Contact.Student' : 'Contact.Member'], LeadSource: rng.pick(['Web', 'Event', 'Partner Referral']),
      }, now - (i * 5 + 1) * HOUR),
    );
  }
  seed(org, 'Contact', { FirstName: 'Sam', LastName: 'Staffer', Email: 'sam.staffer@memberpulse-demo.example', RecordTypeId: rtIds['Contact.Staff'], Is_Active__c: true }, now - 300 * DAY);

  const campaigns = [
    ['Annual Conference 2025', 'Conference', 'MP:Event:Registered'], ['Annual Conference 2025 – Attended', 'Conference', 'MP:Event:Attended'],
    ['Annual Conference 2025 – No-show', 'Conference', 'MP:Event:NoShow'], ['Ethics in Practice (CPD course)', 'Webinar', 'MP:Course:Enrolled'],
    ['Ethics in Practice – Completed', 'Webinar', 'MP:Course:Completed'], ['Renewal reminders', 'Email', 'MP:Membership:Expiring'],
  ].map(([Name, Type, tag], i) =>
    seed(org, 'Campaign', { Name, Type, Status: 'In Progress', IsActive: true, StartDate: new Date(now - 20 * DAY).toISOString().slice(0, 10), MP_Tag__c: tag }, now - (10 + i) * HOUR),
  );
  for (let i = 0; i < 8; i++) {
    seed(org, 'CampaignMember', { CampaignId: campaigns[i % 3]!.Id, ContactId: contacts[i * 3]!.Id, Status: i % 3 === 1 ? 'Attended' : 'Registered' }, now - (i + 2) * HOUR);
  }
  for (let i = 0; i < 6; i++) {
    const c = contacts[i]!;
    seed(org, 'Member__c', {
      Name: c.Name, Contact__c: c.Id, Member_Number__c: c.Member_Number__c, Email__c: c.Email, First_Name__c: c.FirstName, Last_Name__c: c.LastName,
      Membership_Status__c: c.Membership_Status__c, Membership_Level__c: c.Membership_Level__c, Is_Active__c: c.Is_Active__c, Join_Date__c: c.Member_Since__c, Expiry_Date__c: c.Membership_Expiry__c,
    }, now - (i + 3) * HOUR);
    seed(org, 'Member_Tag__c', { Contact__c: c.Id, Tag__c: 'MP:Membership:Active', Tag_Group__c: 'Membership', Applied_At__c: new Date(now - DAY).toISOString(), Source__c: 'MemberPulse', Tag_Key__c: `${String(c.Id)}:MP:Membership:Active` }, now - DAY);
  }
  for (let i = 0; i < 4; i++) {
    seed(org, 'Task', {
      WhoId: contacts[i]!.Id, Subject: `Support ticket #${String(5000 + i)}: ${['Cannot log in', 'Invoice query', 'Update address', 'CPD points missing'][i]}`, Status: i === 0 ? 'In Progress' : 'Completed',
      Priority: 'Normal', Type: 'Support Ticket', TaskSubtype: 'Task', ActivityDate: new Date(now - i * DAY).toISOString().slice(0, 10),
      Ticket_Number__c: String(5000 + i), Ticket_Status__c: i === 0 ? 'Open' : 'Resolved', Ticket_Link__c: `https://portal.memberpulse-demo.example/tickets/${String(5000 + i)}`,
      Description: `Ticket ${String(5000 + i)} — see MemberPulse for the full conversation.`,
    }, now - (i + 1) * HOUR);
  }
  for (let i = 0; i < 5; i++) {
    seed(org, 'Order', {
      AccountId: accounts[i]!.Id, EffectiveDate: new Date(now - i * 7 * DAY).toISOString().slice(0, 10), Status: 'Draft', Name: `Membership renewal ${String(2025 - (i % 2))}`,
      MemberPulse_Order_Id__c: `MPO-${String(70000 + i)}`, Transaction_Type__c: i % 2 ? 'Event' : 'Membership', Payment_Method__c: 'Card', Amount__c: 250 + i * 45,
      Member_Contact__c: contacts[i]!.Id, BillToContactId: contacts[i]!.Id,
    }, now - (i + 6) * HOUR);
  }
  for (let i = 0; i < 5; i++) {
    seed(org, 'Lead', {
      FirstName: FIRST[(i + 7) % FIRST.length], LastName: `${LAST[(i + 3) % LAST.length]!}-Prospect`, Company: `${rng.pick(['Acme', 'Wattle', 'Banksia', 'Jacaranda', 'Eucalypt'])} Consulting`,
      Email: `prospect${String(i + 1)}@example.net`, Status: 'Open - Not Contacted', LeadSource: 'Web', Membership_Interest__c: 'Individual',
    }, now - (i + 1) * 2 * HOUR);
  }
}
