const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An ISO 8601 date or date-time from a query parameter or a cursor, as the ISO string Postgres is given;
 * null when it is anything else. A time needs its offset (`Z` or `+02:00`): the server's own time zone is
 * no one's business. Stricter than `Date.parse`, which reads "1" as the year 2001, rolls 30 February over
 * to March and accepts years Postgres cannot store.
 */
export function parseTimestamp(text: string): string | null {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  const t = Date.parse(text);
  // The offset can carry 0001 or 9999 past what Postgres stores: the year that counts is the UTC one.
  if (Number.isNaN(t) || Number(m[1]) < 1) return null;
  const utcYear = new Date(t).getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) return null;
  return new Date(t).toISOString();
}
