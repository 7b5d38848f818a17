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

/**
 * `load` and {@link whoAmI}, answered once both have ended. Failing as soon as one fails would let a quick
 * Try again meet the other's answer still on its way, and fail with the token the first try had.
 */
export async function withMe<T>(client: IntegrationClient, load: Promise<T>): Promise<[T, Me]> {
  const [loaded, me] = await Promise.allSettled([load, whoAmI(client)]);
  if (loaded.status === 'rejected') throw loaded.reason;
  if (me.status === 'rejected') throw me.reason;
  return [loaded.value, me.value];
}
