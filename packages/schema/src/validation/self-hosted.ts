// A rule the server judges on a save that enables, beyond those of the main entry (which has no bytes to
// spare): the form hears of it from the save.
import type { ConfigValue, PlatformDefinition } from '../platform-types.js';
import { fieldError, pointer, type FieldError } from '../problem.js';
import { isFilled } from '../rules/config.js';

/** The InTouch settings that say how its Connector reaches a self-hosted MemberPulse (seed 003: "IP, Username/Password, Scheme"). */
const SELF_HOSTED_GROUP = 'Self-hosted MemberPulse';

/**
 * The self-hosted connection comes whole or not at all: not needed on MemberPulse's own hosting, but once
 * one of its settings is given, the Connector needs every one of them. `secrets` holds the secrets stored
 * or written. Judged only when enabling: a draft may be filled in a part at a time.
 */
export function selfHostedConnectionErrors(platform: PlatformDefinition, config: Readonly<Record<string, ConfigValue>>, secrets: ReadonlySet<string>): FieldError[] {
  const group = platform.settings.filter((s) => s.group === SELF_HOSTED_GROUP);
  const given = (key: string) => secrets.has(key) || isFilled(config[key]);
  if (!group.some((s) => given(s.key))) return [];
  const labels = group.map((s) => s.label);
  const names = `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return group
    .filter((s) => !given(s.key))
    .map((s) => fieldError(pointer(s.type === 'secret' ? 'credentials' : 'config', s.key), 'required', `${s.label} is required: a self-hosted connection needs ${names} together.`));
}
