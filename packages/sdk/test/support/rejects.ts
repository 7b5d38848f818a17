import assert from 'node:assert/strict';

/** Awaits `p`, asserts it rejected with an instance of `cls`, and answers the error for more checks. */
export async function rejects<E extends Error>(p: Promise<unknown>, cls: abstract new (...a: never[]) => E): Promise<E> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    return e;
  }
  assert.fail(`expected ${cls.name}, but the call succeeded`);
}
