// A rule only the server can judge: it needs the stored record. In this entry, so the widgets' main entry
// does not carry it.
import type { PlatformDefinition } from '../platform-types.js';
import { fieldError, type FieldError } from '../problem.js';
import { keyPointers, modeOf } from '../rules/stripe.js';

/**
 * Changing Mode needs the secret key of the new mode in the same write: the stored one was checked against
 * the old mode and cannot be read back to check again. No errors for another platform.
 */
export function stripeModeChangeErrors(platform: PlatformDefinition, before: unknown, after: unknown, hasStoredSecretKey: boolean, writesSecretKey: boolean): FieldError[] {
  if (platform.id !== 'stripe' || modeOf(before) === modeOf(after) || !hasStoredSecretKey || writesSecretKey) return [];
  return [fieldError(keyPointers.secretKey, 'required', `Enter the ${modeOf(after)}-mode secret key: the stored one is for ${modeOf(before)} mode.`)];
}
