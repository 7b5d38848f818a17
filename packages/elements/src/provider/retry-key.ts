import { randomId } from '@memberpulse/integrations-sdk';
import { outcomeUnknown } from './error-text.js';

/** One write under way, as {@link RetryKey.begin} starts it. */
export interface RetryWrite {
  /** The Idempotency-Key to send it with. */
  readonly idempotencyKey: string;
  /**
   * An earlier write to the same target lost its answer and no later write was answered: a conflict met now
   * may be with that write. A lost write elsewhere says nothing of it.
   */
  readonly afterLost: boolean;
  /** Records how it ended (`error` undefined: answered); answers whether its outcome is unknown. */
  settle(error?: unknown): boolean;
}

/**
 * The Idempotency-Key of a write whose answer was lost (it may have been stored): sending the same write again
 * reuses it, so the server answers what it did instead of making it twice or refusing it as a clash with itself.
 */
export class RetryKey {
  /** The lost write, by digest (not its text: it may hold typed secrets), its key, and what it wrote to. */
  #unsure: { digest: number; key: string; target: string } | null = null;

  /** Forgets a lost write: the form now shows what the server holds, that write's outcome included. */
  forget(): void {
    this.#unsure = null;
  }

  /**
   * Starts the write `attempt` (the write, as JSON) to `target` (an endpoint's id, a settings category): the
   * lost write's key when it is the same write, else a new one.
   */
  begin(attempt: string, target: string): RetryWrite {
    const sum = digest(attempt);
    const idempotencyKey = this.#unsure?.digest === sum ? this.#unsure.key : randomId();
    const afterLost = this.#unsure?.target === target;
    return {
      idempotencyKey,
      afterLost,
      settle: (error?: unknown) => {
        this.#unsure = error !== undefined && outcomeUnknown(error) ? { digest: sum, key: idempotencyKey, target } : null;
        return this.#unsure !== null;
      },
    };
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
