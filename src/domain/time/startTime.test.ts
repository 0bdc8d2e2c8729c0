import { describe, expect, it } from 'vitest';
import { chooseStartTime, medianMs, startTimeFromMedian } from './startTime';

const day = 86_400_000;
const now = Date.UTC(2026, 10, 22, 12);

describe('chooseStartTime', () => {
  it('starts at now when the median epoch is within three days', () => {
    const start = chooseStartTime([now - 2.9 * day, now - 1 * day, now - 10 * day], now);
    expect(start.startMs).toBe(now);
    expect(start.note).toBeNull();
  });

  it('starts at the median epoch, and says why, when it is older', () => {
    const median = Date.UTC(2024, 9, 31, 10, 36);
    const start = chooseStartTime([median - day, median, median + 3600_000], now);
    expect(start.startMs).toBe(median);
    expect(start.note).toContain('2024-10-31 10:36 UTC');
    expect(start.note).toContain('752 days');
  });

  it('gives the same start from the median alone, and now when there is none', () => {
    const epochs = [now - 9 * day, now - 8 * day, now - 1 * day];
    expect(startTimeFromMedian(medianMs(epochs), now)).toEqual(chooseStartTime(epochs, now));
    expect(startTimeFromMedian(NaN, now).startMs).toBe(now);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(medianMs([4, 1, 3, 2])).toBe(2.5);
    expect(medianMs([])).toBeNaN();
  });
});
