/** SOQL date literals (TODAY, LAST_N_DAYS:n …) as UTC [start, end) ranges in epoch ms. */

const DAY = 86_400_000;

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function startOfMonth(ms: number, add = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
}

function startOfYear(ms: number, add = 0): number {
  return Date.UTC(new Date(ms).getUTCFullYear() + add, 0, 1);
}

function startOfWeek(ms: number): number {
  const d0 = startOfDay(ms);
  return d0 - new Date(d0).getUTCDay() * DAY;
}

/** The [start, end) range a date literal names, relative to `now`. */
export function dateRange(name: string, n: number | undefined, now: number): [number, number] {
  const d0 = startOfDay(now);
  const k = n ?? 0;
  switch (name) {
    case 'TODAY': return [d0, d0 + DAY];
    case 'YESTERDAY': return [d0 - DAY, d0];
    case 'TOMORROW': return [d0 + DAY, d0 + 2 * DAY];
    case 'THIS_WEEK': return [startOfWeek(now), startOfWeek(now) + 7 * DAY];
    case 'LAST_WEEK': return [startOfWeek(now) - 7 * DAY, startOfWeek(now)];
    case 'NEXT_WEEK': return [startOfWeek(now) + 7 * DAY, startOfWeek(now) + 14 * DAY];
    case 'THIS_MONTH': return [startOfMonth(now), startOfMonth(now, 1)];
    case 'LAST_MONTH': return [startOfMonth(now, -1), startOfMonth(now)];
    case 'NEXT_MONTH': return [startOfMonth(now, 1), startOfMonth(now, 2)];
    case 'LAST_90_DAYS': return [d0 - 90 * DAY, d0 + DAY];
    case 'NEXT_90_DAYS': return [d0 + DAY, d0 + 91 * DAY];
    case 'THIS_YEAR': return [startOfYear(now), startOfYear(now, 1)];
    case 'LAST_YEAR': return [startOfYear(now, -1), startOfYear(now)];
    case 'NEXT_YEAR': return [startOfYear(now, 1), startOfYear(now, 2)];
    case 'LAST_N_DAYS': return [d0 - k * DAY, d0 + DAY];
    case 'NEXT_N_DAYS': return [d0 + DAY, d0 + (k + 1) * DAY];
    case 'N_DAYS_AGO': return [d0 - k * DAY, d0 - (k - 1) * DAY];
    case 'LAST_N_WEEKS': return [startOfWeek(now) - k * 7 * DAY, startOfWeek(now)];
    case 'NEXT_N_WEEKS': return [startOfWeek(now) + 7 * DAY, startOfWeek(now) + (k + 1) * 7 * DAY];
    case 'LAST_N_MONTHS': return [startOfMonth(now, -k), startOfMonth(now)];
    case 'NEXT_N_MONTHS': return [startOfMonth(now, 1), startOfMonth(now, k + 1)];
    case 'LAST_N_YEARS': return [startOfYear(now, -k), startOfYear(now)];
    case 'NEXT_N_YEARS': return [startOfYear(now, 1), startOfYear(now, k + 1)];
    default: return [d0, d0 + DAY];
  }
}

/** `YYYY-MM-DD` of an epoch ms (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
