/** Word lists and value sets for the generated parts of the sample org. */

/** MemberPulse's fixed tag values (mirrors the schema package's tag set; kept here so the fake has no deps). */
export const MEMBERPULSE_TAG_VALUES = [
  'MP:Membership:Active',
  'MP:Membership:Expiring',
  'MP:Membership:Expired',
  'MP:Membership:Upgraded',
  'MP:Membership:DowngradeScheduled',
  'MP:Event:Registered',
  'MP:Event:Attended',
  'MP:Event:NoShow',
  'MP:Course:Enrolled',
  'MP:Course:Completed',
] as const;

/** Membership statuses on Contact.Membership_Status__c (a restricted picklist). */
export const MEMBERSHIP_STATUSES = ['Active', 'Expiring', 'Expired', 'Pending', 'Lapsed', 'Cancelled'] as const;

/** Membership levels. */
export const MEMBERSHIP_LEVELS = ['Student', 'Associate', 'Professional', 'Fellow', 'Life', 'Corporate'] as const;

/** Security groups (HL_ style). */
export const SECURITY_GROUPS = ['Members', 'Board', 'Committee Chairs', 'Staff', 'Volunteers', 'Sponsors', 'Speakers', 'Students'] as const;

/** Chapters. */
export const CHAPTERS = ['Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Metro', 'Coastal', 'Highlands', 'International'] as const;

const INTEREST_AREAS = [
  'Accounting', 'Advocacy', 'Agriculture', 'Architecture', 'Artificial Intelligence', 'Aviation', 'Banking', 'Biotechnology',
  'Construction', 'Cybersecurity', 'Data Science', 'Design', 'Economics', 'Education', 'Energy', 'Engineering',
  'Environment', 'Finance', 'Food Safety', 'Governance', 'Healthcare', 'Hospitality', 'Human Resources', 'Insurance',
  'Law', 'Leadership', 'Logistics', 'Manufacturing', 'Marketing', 'Media', 'Mining', 'Nonprofit',
  'Pharmacy', 'Public Policy', 'Real Estate', 'Research', 'Retail', 'Sustainability', 'Technology', 'Tourism',
] as const;

const INTEREST_TOPICS = [
  'Ethics', 'Standards', 'Compliance', 'Careers', 'Mentoring', 'Research', 'Innovation', 'Policy', 'Education',
  'Networking', 'Diversity', 'Risk', 'Technology', 'Leadership', 'Wellbeing', 'Regulation', 'Startups', 'Global',
  'Regional', 'Awards', 'Publishing', 'Events', 'Volunteering', 'Certification', 'Students',
] as const;

/** 1,000 "Area: Topic" values for the large multi-select picklist. */
export function interestValues(): string[] {
  const out: string[] = [];
  for (const area of INTEREST_AREAS) for (const topic of INTEREST_TOPICS) out.push(`${area}: ${topic}`);
  return out;
}

/** First words of generated custom field names. */
export const FIELD_PREFIXES = [
  'Preferred', 'Primary', 'Secondary', 'Annual', 'Chapter', 'Committee', 'Board', 'Event', 'Course', 'Volunteer',
  'Donor', 'Sponsor', 'Emergency', 'Billing', 'Professional', 'Certification', 'CPD', 'Conference', 'Newsletter',
  'Mentor', 'Alumni', 'Student', 'Region', 'Employer', 'Career', 'Partner', 'Legacy', 'Portal', 'Journal',
  'Award', 'Scholarship', 'Advocacy', 'Grant', 'Webinar', 'Renewal', 'Onboarding', 'Referral', 'Campaign',
] as const;

/** Last words of generated custom field names, with the type each implies. */
export const FIELD_SUFFIXES = [
  ['Status', 'picklist'], ['Date', 'date'], ['Type', 'picklist'], ['Level', 'picklist'], ['Code', 'string'],
  ['Notes', 'textarea'], ['Score', 'double'], ['Count', 'double'], ['Amount', 'currency'], ['Email', 'email'],
  ['Phone', 'phone'], ['Website', 'url'], ['Preference', 'picklist'], ['Flag', 'boolean'], ['Source', 'picklist'],
  ['Category', 'picklist'], ['Interests', 'multipicklist'], ['Stage', 'picklist'], ['Role', 'picklist'], ['Reference', 'string'],
  ['Years', 'double'], ['Tier', 'picklist'], ['Last_Updated', 'datetime'], ['Percent', 'percent'], ['Contact', 'reference'],
] as const;

/** Picklist values used by generated picklists, by suffix. */
export const PICKLIST_SETS: Record<string, readonly string[]> = {
  Status: ['Not Started', 'In Progress', 'Complete', 'On Hold', 'Cancelled'],
  Type: ['Standard', 'Premium', 'Complimentary', 'Honorary', 'Trial'],
  Level: ['Bronze', 'Silver', 'Gold', 'Platinum'],
  Preference: ['Email', 'Phone', 'Post', 'SMS', 'No Contact'],
  Source: ['Website', 'Event', 'Referral', 'Import', 'Partner', 'Social'],
  Category: ['A', 'B', 'C', 'D'],
  Interests: ['Networking', 'Education', 'Advocacy', 'Research', 'Volunteering', 'Events', 'Publications'],
  Stage: ['Prospect', 'Applied', 'Approved', 'Active', 'Alumni'],
  Role: ['Member', 'Chair', 'Deputy Chair', 'Secretary', 'Treasurer', 'Observer'],
  Tier: ['Tier 1', 'Tier 2', 'Tier 3'],
};

/** Nouns for generated custom objects. */
export const OBJECT_NOUNS = [
  'Chapter', 'Committee', 'Event', 'Session', 'Registration', 'Course', 'Enrollment', 'Certification', 'Credit',
  'Invoice', 'Payment', 'Donation', 'Grant', 'Volunteer', 'Sponsor', 'Exhibitor', 'Booth', 'Venue', 'Speaker',
  'Award', 'Nomination', 'Subscription', 'Publication', 'Article', 'Survey', 'Board', 'Term', 'Dues', 'Renewal',
  'Application', 'Referral', 'Region', 'Section', 'Interest', 'Mentor', 'Job', 'Scholarship', 'Fund', 'Pledge',
  'Benefit', 'Discount', 'Product', 'Resource', 'Badge', 'Ticket', 'Webinar', 'Journal', 'Election', 'Ballot',
  'Delegate', 'Accreditation', 'Assessment', 'Exam', 'Transcript', 'Portfolio', 'Program', 'Cohort', 'Workshop',
] as const;

/** Second words of generated custom object names ('' means the bare noun). */
export const OBJECT_SUFFIXES = ['', 'Line_Item', 'Assignment', 'Snapshot', 'Setting', 'Type', 'Role', 'Schedule', 'Request', 'Participant', 'Log'] as const;
