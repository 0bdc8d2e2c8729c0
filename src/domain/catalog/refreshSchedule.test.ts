import { describe, expect, it } from 'vitest';
import {
  CELESTRAK_MIN_REFRESH_MS,
  nextRefreshMs,
  refreshIntervalProblem,
  REFRESH_CHOICES_MS,
} from './refreshSchedule';

const MIN = 60_000;
const H = 3_600_000;

describe('catalog refresh schedule', () => {
  it('holds CelesTrak groups to 2–12 hours, at the edges', () => {
    expect(refreshIntervalProblem('celestrak', 2 * H - 1)).toMatch(/at most every 2 hours/);
    expect(refreshIntervalProblem('celestrak', 2 * H)).toBeNull();
    expect(refreshIntervalProblem('celestrak', 12 * H)).toBeNull();
    expect(refreshIntervalProblem('celestrak', 12 * H + 1)).toMatch(/at least every 12 hours/);
  });

  it('lets a URL or the own-origin snapshot refresh from every 10 minutes', () => {
    for (const kind of ['url', 'snapshot'] as const) {
      expect(refreshIntervalProblem(kind, 10 * MIN - 1)).toMatch(/at most every 10 minutes/);
      expect(refreshIntervalProblem(kind, 10 * MIN)).toBeNull();
      expect(refreshIntervalProblem(kind, 24 * H)).toBeNull();
      expect(refreshIntervalProblem(kind, 24 * H + 1)).toMatch(/at least every 24 hours/);
    }
    expect(refreshIntervalProblem('url', NaN)).toMatch(/not a number/);
  });

  it('never refreshes a local file', () => {
    expect(refreshIntervalProblem('file', H)).toMatch(/cannot be refreshed/);
  });

  it('offers CelesTrak only the choices it allows', () => {
    const allowed = REFRESH_CHOICES_MS.filter((ms) => !refreshIntervalProblem('celestrak', ms));
    expect(allowed).toEqual([2 * H, 3 * H, 6 * H, 12 * H]);
  });

  it('is due one interval after the last attempt', () => {
    expect(nextRefreshMs('url', 10 * MIN, 1000)).toBe(1000 + 10 * MIN);
    expect(nextRefreshMs('celestrak', 3 * H, 1000, 1000)).toBe(1000 + 3 * H);
  });

  it('waits two hours after the last CelesTrak fetch even when a cached load or a failure came later', () => {
    // Loaded from the cache 1 h after the fetch: the fetch, not the load, sets the floor.
    expect(nextRefreshMs('celestrak', 2 * H, 5 * H, 4 * H)).toBe(7 * H);
    // A failed attempt long after the fetch: one interval later, not at once.
    expect(nextRefreshMs('celestrak', 2 * H, 20 * H, 4 * H)).toBe(22 * H);
    // Never before fetch + 2 h, even if the attempt time says so.
    expect(nextRefreshMs('celestrak', 2 * H, 0, 1 * H)).toBe(1 * H + CELESTRAK_MIN_REFRESH_MS);
  });
});
