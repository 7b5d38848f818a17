import type { IntegrationClient, Me } from '@memberpulse/integrations-sdk';

const cache = new WeakMap<IntegrationClient, Promise<Me>>();

/**
 * Who the client's token belongs to (`GET /v1/me`), asked once per client and shared by every widget
 * using it. A failed answer is not kept, so a later call asks again.
 */
export function whoAmI(client: IntegrationClient): Promise<Me> {
  let answer = cache.get(client);
  if (!answer) {
    answer = client.me();
    cache.set(client, answer);
    answer.catch(() => cache.delete(client));
  }
  return answer;
}
