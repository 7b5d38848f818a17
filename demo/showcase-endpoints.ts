import { createIntegrationClient } from '@memberpulse/integrations-sdk';

/**
 * A tennis centre's endpoints, two pages' worth, so the demo's grid has paging, sorting and Find by name to
 * show. The first customer starts empty instead, for the add flow.
 */
const endpoints: ReadonlyArray<[name: string, description: string]> = [
  ['Member sync', 'Members and their tags to the CRM every hour.'],
  ['Court bookings', 'Each booking and cancellation as it happens.'],
  ['Coaching sessions', 'Lessons booked with the club’s coaches.'],
  ['Tournament entries', 'Entries and draws for club tournaments.'],
  ['Ladder rankings', 'The singles ladder, nightly.'],
  ['Pro shop orders', 'Order lines from the pro shop till.'],
  ['Junior programme', 'Juniors, their guardians and squads.'],
  ['Membership renewals', 'Renewals due in the next 60 days.'],
  ['Invoices to Xero', 'Invoices and credit notes for the accounts team.'],
  ['Payments from Stripe', 'Card payments and refunds, daily.'],
  ['Marketing lists', 'Opt-ins for the newsletter platform.'],
  ['Door access', 'Active members for the clubhouse door system.'],
  ['Court lighting', 'Floodlight schedule from the evening bookings.'],
  ['Open day prospects', 'Visitors who signed up at the open day.'],
];

/**
 * Adds the showcase endpoints to a customer once per data folder: one whose audit trail has an endpoint
 * created keeps what was made of it since, deletions included, across restarts.
 */
export async function seedShowcaseEndpoints(baseUrl: string, adminToken: string): Promise<void> {
  const client = createIntegrationClient({ baseUrl, token: adminToken });
  if ((await client.audit.list({ action: 'endpoint.create', limit: 1 })).items.length) return;
  for (const [name, description] of endpoints) await client.endpoints.create({ name, description });
}
