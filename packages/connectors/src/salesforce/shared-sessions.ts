import { createHash } from 'node:crypto';
import type { ConnectionInput } from '../types.js';
import type { SalesforceClient } from './client.js';

interface Shared {
  client: Promise<SalesforceClient>;
  users: number;
}

/**
 * One login for calls that overlap: opening the settings screen asks for the object list and two
 * describes at once, and they share one session instead of signing in three times. The client is closed
 * when the last of them finishes, so secrets live no longer than the calls (a later call signs in again).
 * Calls share only when their whole login (URL, app or user, secrets) is the same.
 */
export class SharedSessions {
  readonly #sessions = new Map<string, Shared>();

  constructor(private readonly connect: (input: ConnectionInput) => Promise<SalesforceClient>) {}

  async use<T>(input: ConnectionInput, fn: (client: SalesforceClient) => Promise<T>): Promise<T> {
    const key = createHash('sha256').update(JSON.stringify([input.platform, input.config, input.secrets, input.defaults ?? null])).digest('base64');
    let shared = this.#sessions.get(key);
    if (!shared) {
      shared = { client: this.connect(input), users: 0 };
      this.#sessions.set(key, shared);
    }
    shared.users++;
    try {
      return await fn(await shared.client);
    } finally {
      if (--shared.users === 0) {
        this.#sessions.delete(key);
        await shared.client.then((c) => c.close(), () => undefined);
      }
    }
  }
}
