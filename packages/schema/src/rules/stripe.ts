import type { PlatformDefinition } from '../platform-types.js';
import { fieldError, type FieldError } from '../problem.js';

/** Where each Stripe key sits in a settings document. */
export const keyPointers = { publishableKey: '/config/publishableKey', secretKey: '/credentials/secretKey' } as const;

/** The settings' Mode: `test` unless `live` (the catalog's default). */
export const modeOf = (mode: unknown): 'test' | 'live' => (mode === 'live' ? 'live' : 'test');

/**
 * Stripe keys carry their mode in their prefix (`pk_test_…`, `sk_live_…`, `rk_test_…`). A key of the other
 * mode than the settings' Mode is an error where it is given: Stripe would refuse it, and an integration
 * enabled with it would fail only once payments run. A key that breaks its format rule gets that error alone.
 * No errors for another platform; `validateConfig` and `validateCredentialInput` ask, so saves, validation
 * and connection tests all apply it.
 */
export function stripeKeyModeErrors(platform: PlatformDefinition, mode: unknown, keys: { publishableKey?: unknown; secretKey?: unknown }): FieldError[] {
  if (platform.id !== 'stripe') return [];
  const current = modeOf(mode);
  return (Object.keys(keyPointers) as Array<keyof typeof keyPointers>).flatMap((k) => {
    const key = keys[k];
    // Only a key that keeps its setting's format rule (`pk_test_…`, `sk_live_…`: the mode is its 4th to 7th
    // character); one that breaks it (a secret key pasted as the publishable one) has that error already.
    const setting = platform.settings.find((s) => s.key === k)!;
    const keyMode = typeof key === 'string' && new RegExp(setting.pattern!).test(key) && key.slice(3, 7);
    return keyMode && keyMode !== current
      ? [fieldError(keyPointers[k], 'invalid', `${setting.label} is a ${keyMode}-mode key, but Mode is ${current === 'live' ? 'Live' : 'Test'}.`)]
      : [];
  });
}
