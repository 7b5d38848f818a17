import { fieldError, type FieldError } from '../problem.js';

/** Where each Stripe key sits in a settings document. */
const keyPointers = { publishableKey: '/config/publishableKey', secretKey: '/credentials/secretKey' } as const;
const keyLabels = { publishableKey: 'Publishable key', secretKey: 'Secret key' } as const;

/**
 * Stripe keys carry their mode in their prefix (`pk_test_…`, `sk_live_…`, `rk_test_…`). A key of the other
 * mode than the settings' Mode (`test` unless `live`, the catalog's default) is an error where it is given: Stripe would refuse it, and an integration
 * enabled with it would fail only once payments run.
 */
export function stripeKeyModeErrors(mode: unknown, keys: { publishableKey?: unknown; secretKey?: unknown }): FieldError[] {
  const current = mode === 'live' ? 'live' : 'test';
  const other = current === 'live' ? 'test' : 'live';
  return (Object.keys(keyPointers) as Array<keyof typeof keyPointers>)
    .filter((k) => typeof keys[k] === 'string' && new RegExp(`^[a-z]{2}_${other}_`).test(keys[k] as string))
    .map((k) => fieldError(keyPointers[k], 'invalid', `${keyLabels[k]} is a ${other}-mode key, but Mode is ${current === 'live' ? 'Live' : 'Test'}.`));
}
