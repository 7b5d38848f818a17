/** Where MemberPulse writes its tags in the CRM (seed 001 leaves it as an implementation choice). */
export type TagDestination = 'multiPicklist' | 'relatedObject' | 'campaignMembership';

/** Every tag destination, in display order. */
export const tagDestinations: readonly TagDestination[] = ['multiPicklist', 'relatedObject', 'campaignMembership'];

/** Human label per tag destination. */
export const tagDestinationLabels: Readonly<Record<TagDestination, string>> = {
  multiPicklist: 'Multi-select picklist on the member object',
  relatedObject: 'Records of a related custom object',
  campaignMembership: 'Campaign membership',
};

/** The group a tag belongs to. */
export type TagGroup = 'membership' | 'event' | 'course';

/** One of MemberPulse's fixed tags. */
export interface MemberPulseTag {
  /** Value written to the CRM, e.g. `MP:Event:Attended`. */
  value: string;
  group: TagGroup;
  label: string;
}

/**
 * The small, hard-coded tag set MemberPulse emits, so CRM automation stays predictable (seed 001).
 */
export const memberPulseTags: readonly MemberPulseTag[] = [
  { value: 'MP:Membership:Active', group: 'membership', label: 'Membership active' },
  { value: 'MP:Membership:Expiring', group: 'membership', label: 'Membership expiring' },
  { value: 'MP:Membership:Expired', group: 'membership', label: 'Membership expired' },
  { value: 'MP:Membership:Upgraded', group: 'membership', label: 'Membership upgraded' },
  { value: 'MP:Membership:DowngradeScheduled', group: 'membership', label: 'Downgrade scheduled' },
  { value: 'MP:Event:Registered', group: 'event', label: 'Event registered' },
  { value: 'MP:Event:Attended', group: 'event', label: 'Event attended' },
  { value: 'MP:Event:NoShow', group: 'event', label: 'Event no-show' },
  { value: 'MP:Course:Enrolled', group: 'course', label: 'Course enrolled' },
  { value: 'MP:Course:Completed', group: 'course', label: 'Course completed' },
];

/** The CRM setting naming the field that receives a group's tags when they go to member fields. */
export type TagFieldKey = 'eventTagField' | 'courseTagField';

/**
 * Where a tag group goes when tags are written to member fields: membership and event tags to the event
 * tag field (seed 000 requires it), course tags to the course tag field, or the event one when none is set.
 */
export function tagFieldKey(courseTagField: string | null, group: TagGroup): TagFieldKey {
  return group === 'course' && courseTagField ? 'courseTagField' : 'eventTagField';
}

/** The tag values a member field receives under `tagFieldKey`'s routing. */
export function tagValuesFor(key: TagFieldKey, courseTagField: string | null): string[] {
  return memberPulseTags.filter((t) => tagFieldKey(courseTagField, t.group) === key).map((t) => t.value);
}
