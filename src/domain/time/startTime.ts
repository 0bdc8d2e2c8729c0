/** Elements older than this (by median epoch) make "now" meaningless as a start time. */
export const MAX_START_EPOCH_DISTANCE_MS = 3 * 86_400_000;

export interface StartTime {
  startMs: number;
  medianEpochMs: number;
  /** Set when the clock does not start at now, saying why. */
  note: string | null;
}

export function medianMs(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Start at now when the catalog's median epoch is within three days of it; otherwise at the
 * median epoch, because SGP4 far from the epoch is meaningless.
 */
export function chooseStartTime(epochsMs: readonly number[], nowMs: number): StartTime {
  return startTimeFromMedian(medianMs(epochsMs), nowMs);
}

/** The same rule from the median epoch alone (the parsing worker finds it off the main thread). */
export function startTimeFromMedian(medianEpochMs: number, nowMs: number): StartTime {
  if (!Number.isFinite(medianEpochMs)) return { startMs: nowMs, medianEpochMs, note: null };
  const distance = Math.abs(nowMs - medianEpochMs);
  if (distance <= MAX_START_EPOCH_DISTANCE_MS) return { startMs: nowMs, medianEpochMs, note: null };
  const days = Math.round(distance / 86_400_000);
  const when = new Date(medianEpochMs).toISOString().slice(0, 16).replace('T', ' ');
  return {
    startMs: Math.round(medianEpochMs),
    medianEpochMs,
    note: `Clock set to the catalog's median epoch (${when} UTC): its elements are ${days} days from today, too far for SGP4.`,
  };
}
