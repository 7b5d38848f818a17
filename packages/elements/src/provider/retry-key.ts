import { randomId } from '@memberpulse/integrations-sdk';
import { outcomeUnknown } from './error-text.js';

/**
 * The Idempotency-Key of a write whose answer was lost (it may have been stored): sending the same write again
 * reuses it, so the server answers what it did instead of making it twice or refusing it as a clash with itself.
 */
export class RetryKey {
  /** The lost write, by digest (not its text: it may hold typed secrets), its key, and what it wrote to. */
  #unsure: { digest: number; key: string; target: string } | null = null;

  /**
   * Whether a write to `target` (an endpoint's id, a settings category) lost its answer and no later write was
   * answered: a conflict there now may be with that write. A lost write elsewhere says nothing of it.
   */
  lostOn(target: string): boolean {
    return this.#unsure?.target === target;
  }

  /** Forgets a lost write: the form now shows what the server holds, that write's outcome included. */
  forget(): void {
    this.#unsure = null;
  }

  /** The key for `attempt` (the write, as JSON): the lost one's for the same write, else a new one. */
  for(attempt: string): string {
    return this.#unsure?.digest === digest(attempt) ? this.#unsure.key : randomId();
  }

  /**
   * Records how the write to `target` sent with `key` ended (`error` undefined: answered); answers whether its
   * outcome is unknown.
   */
  settle(attempt: string, key: string, target: string, error?: unknown): boolean {
    this.#unsure = error !== undefined && outcomeUnknown(error) ? { digest: digest(attempt), key, target } : null;
    return this.#unsure !== null;
  }
}

/** A 52-bit digest (two FNV-1a style lanes): enough to tell one lost write from the next attempt. */
function digest(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (b >>> 0) * 2 ** 20 + ((a >>> 0) & 0xfffff);
}
