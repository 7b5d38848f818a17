import type { DriftItem } from '@memberpulse/integration-schema';
import { createHash } from 'node:crypto';
import { ProblemError } from './problem.js';

/** Precondition headers of a write. */
export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/**
 * Answers 412 unless the current version satisfies `If-Match` / `If-None-Match: *`; the 412 carries
 * `etag`, the current representation's tag (a settings record's names its drift too).
 */
export function checkPreconditions(pre: Preconditions, version: number | null, etag = version === null ? null : versionEtag(version)): void {
  const headers: Record<string, string> = etag ? { ETag: etag } : {};
  if (pre.ifMatch !== undefined) {
    const tags = entityTags(pre.ifMatch);
    const ok = version !== null && (tags.includes('*') || tags.some((t) => taggedVersion(t) === version));
    if (!ok) {
      throw new ProblemError(
        412,
        etag ? `The record changed since you read it: its ETag is now ${etag}. Reload it and apply your change again.` : 'The record does not exist.',
        { headers },
      );
    }
  }
  if (pre.ifNoneMatch !== undefined && pre.ifNoneMatch.trim() === '*' && etag !== null) {
    throw new ProblemError(412, 'The record already exists.', { headers });
  }
}

/** The entity tags of an If-Match or If-None-Match header. */
const entityTags = (header: string) => header.split(',').map((t) => t.trim());

/** A record's ETag by its version: the version in quotes, as the SDK also derives it from a listed record. */
export const versionEtag = (version: number) => `"${version}"`;

/** The version an entity tag names: `"5"`, and `"5.1a2b3c4d"` (a settings tag that also tells its drift). */
function taggedVersion(tag: string): number | null {
  const m = /^"(\d+)(?:\.[0-9a-f]+)?"$/.exec(tag);
  return m ? Number(m[1]) : null;
}

/**
 * A settings record's ETag: its version, and when the record reports schema drift, a hash of that drift.
 * Drift is worked out again after each CRM describe without a new version, so a cached copy with other
 * drift must not be answered 304; a write's If-Match is checked against the version alone.
 */
export function settingsEtag(s: { version: number; drift: readonly DriftItem[] }): string {
  if (s.drift.length === 0) return versionEtag(s.version);
  return `"${s.version}.${createHash('sha256').update(JSON.stringify(s.drift)).digest('hex').slice(0, 8)}"`;
}

/** Whether a read may answer 304: If-None-Match compares weakly, W/"7" names the same representation as "7", and * any. */
export function notModified(ifNoneMatch: string, etag: string): boolean {
  const held = entityTags(ifNoneMatch).map((t) => t.replace(/^W\//, ''));
  return held.includes(etag) || held.includes('*');
}
