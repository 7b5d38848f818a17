import type { IntegrationClient } from '@memberpulse/integrations-sdk';

const names = [
  'Member sync', 'Event registrations', 'Course completions', 'Orders', 'Invoices', 'Support tickets',
  'Prospects', 'Lead sources', 'Staff directory', 'Club roster', 'Payments', 'Refunds',
];

const descriptions = [
  'Pushes member changes to the partner system every 15 minutes.',
  'Sends each event registration as it happens.',
  'Reports finished courses with their certificates.',
  'Order lines for the finance team’s warehouse.',
];

/** Creates `count` realistic endpoints through the real API (names repeat with a number after the first twelve). */
export async function seedEndpoints(admin: IntegrationClient, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length]! + (i >= names.length ? ` ${Math.floor(i / names.length) + 1}` : '');
    await admin.endpoints.create({ name, description: descriptions[i % descriptions.length]! });
  }
}
