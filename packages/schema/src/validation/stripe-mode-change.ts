// A rule only the server can judge: it needs the stored record. In this entry, so the widgets' main entry
// does not carry it.
import type { PlatformDefinition } from '../platform-types.js';
import { fieldError, pointer, type FieldError } from '../problem.js';
import { modeOf } from '../rules/stripe.js';

/** The Stripe secrets that belong to one mode: its secret key, and the signing secret of its webhook endpoint. */
const MODE_SECRETS = ['secretKey', 'webhookSecret'] as const;

/**
 * Changing Mode needs each stored secret of the old mode anew in the same write: the secret key of the new
 * mode, and the signing secret of its webhook endpoint (Stripe signs test and live events with different
 * ones). A stored secret cannot be read back to check, so each one stored and not written is an error. No
 * errors for another platform.
 */
export function stripeModeChangeErrors(platform: PlatformDefinition, before: unknown, after: unknown, stored: ReadonlySet<string>, written: ReadonlySet<string>): FieldError[] {
  if (platform.id !== 'stripe' || modeOf(before) === modeOf(after)) return [];
  return MODE_SECRETS.filter((key) => stored.has(key) && !written.has(key)).map((key) => {
    const label = platform.settings.find((s) => s.key === key)!.label;
    return fieldError(pointer('credentials', key), 'required', `Enter the ${modeOf(after)}-mode ${label.toLowerCase()}: the stored one is for ${modeOf(before)} mode.`);
  });
}
