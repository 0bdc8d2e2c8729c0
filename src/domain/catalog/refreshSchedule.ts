// When a catalog may be fetched again. CelesTrak asks that the same GP data not be downloaded
// more often than every two hours; the project's own origin or another URL may be polled more
// often, but not so often that a refresh could overtake the last one's load.

/** Where a catalog came from, as far as refreshing goes. */
export type CatalogSourceKind = 'snapshot' | 'celestrak' | 'url' | 'file';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export const CELESTRAK_MIN_REFRESH_MS = 2 * HOUR_MS;
export const CELESTRAK_MAX_REFRESH_MS = 12 * HOUR_MS;
export const URL_MIN_REFRESH_MS = 10 * MINUTE_MS;
export const URL_MAX_REFRESH_MS = 24 * HOUR_MS;

/** The intervals the schedule picker offers; each source kind accepts a range of them. */
export const REFRESH_CHOICES_MS = [
  10 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
];

/** Why a source cannot refresh every `intervalMs`, or null when it can. */
export function refreshIntervalProblem(kind: CatalogSourceKind, intervalMs: number): string | null {
  if (kind === 'file') return 'a local file cannot be refreshed: open it again';
  if (!Number.isFinite(intervalMs)) return 'the interval is not a number';
  if (kind === 'celestrak') {
    if (intervalMs < CELESTRAK_MIN_REFRESH_MS)
      return 'CelesTrak groups refresh at most every 2 hours (CelesTrak asks for no more)';
    if (intervalMs > CELESTRAK_MAX_REFRESH_MS)
      return 'CelesTrak groups refresh at least every 12 hours';
    return null;
  }
  if (intervalMs < URL_MIN_REFRESH_MS) return 'a URL refreshes at most every 10 minutes';
  if (intervalMs > URL_MAX_REFRESH_MS) return 'a URL refreshes at least every 24 hours';
  return null;
}

/**
 * When the next refresh is due, ms since 1970: one interval after the last attempt (or load),
 * and for a CelesTrak group never sooner than two hours after its data was last fetched from
 * CelesTrak (a load from the browser's cache is not a fetch).
 */
export function nextRefreshMs(
  kind: CatalogSourceKind,
  intervalMs: number,
  lastAttemptMs: number,
  fetchedAtMs?: number,
): number {
  const next = lastAttemptMs + intervalMs;
  if (kind !== 'celestrak' || fetchedAtMs === undefined) return next;
  return Math.max(next, fetchedAtMs + CELESTRAK_MIN_REFRESH_MS);
}
