import type { IntegrationClient } from '@memberpulse/integrations-sdk';
import type { IntegrationCategory, IntegrationSettings } from '@memberpulse/integration-schema';

const asked = new WeakMap<IntegrationClient, Promise<IntegrationSettings[]>>();

/**
 * A category's saved record, or `null` when it was never saved. Read from the tenant's list
 * (`GET /v1/settings`, which also gives the SDK each record's ETag) rather than
 * `GET /v1/settings/<category>`: that answers 404 for a category not set up yet, which browsers log
 * in red on every first visit. Widgets that load in the same task share one request; a later load asks
 * again, so it never sees an answer sent before a write it knows about.
 */
export async function savedSettings(client: IntegrationClient, category: IntegrationCategory): Promise<IntegrationSettings | null> {
  let list = asked.get(client);
  if (!list) {
    list = client.settings.list();
    asked.set(client, list);
    setTimeout(() => asked.delete(client));
  }
  return (await list).find((s) => s.category === category) ?? null;
}
