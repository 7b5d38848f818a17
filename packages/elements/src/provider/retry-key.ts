import { randomId } from '@memberpulse/integrations-sdk';
import { outcomeUnknown } from './error-text.js';

/**
 * The Idempotency-Key of a write whose answer was lost (it may have been stored): sending the same write again
 * reuses it, so the server answers what it did instead of making it twice or refusing it as a clash with itself.
 */
export class RetryKey {
  #unsure: { attempt: string; key: string } | null = null;

  /** The key for `attempt` (the write, as JSON): the lost one's for the same write, else a new one. */
  for(attempt: string): string {
    return this.#unsure?.attempt === attempt ? this.#unsure.key : randomId();
  }

  /** Records how the write sent with `key` ended (`error` undefined: answered); answers whether its outcome is unknown. */
  settle(attempt: string, key: string, error?: unknown): boolean {
    this.#unsure = error !== undefined && outcomeUnknown(error) ? { attempt, key } : null;
    return this.#unsure !== null;
  }
}
