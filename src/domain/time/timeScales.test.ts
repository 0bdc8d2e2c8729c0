import { describe, expect, it } from 'vitest';
import { fromUtcMs, taiMinusUtcSec, toUtcMs } from './timeScales';

describe('time scales', () => {
  it('TAI−UTC steps at each leap second', () => {
    expect(taiMinusUtcSec(Date.UTC(2016, 11, 31, 23, 59, 59))).toBe(36);
    expect(taiMinusUtcSec(Date.UTC(2017, 0, 1))).toBe(37);
    expect(taiMinusUtcSec(Date.UTC(1996, 11, 18))).toBe(30);
  });

  it('converts TAI, TT and GPS readings to UTC and back', () => {
    const utc = Date.UTC(2024, 10, 1, 12);
    expect(toUtcMs('TAI', utc + 37_000)).toBe(utc);
    expect(toUtcMs('TT', utc + 69_184)).toBe(utc);
    expect(toUtcMs('GPS', utc + 18_000)).toBe(utc);
    for (const s of ['UTC', 'TAI', 'TT', 'GPS'] as const)
      expect(toUtcMs(s, fromUtcMs(s, utc))).toBe(utc);
  });

  it('a TAI reading just after a leap second uses the new offset', () => {
    // 2017-01-01T00:00:37 TAI is 2017-01-01T00:00:00 UTC.
    expect(toUtcMs('TAI', Date.UTC(2017, 0, 1, 0, 0, 37))).toBe(Date.UTC(2017, 0, 1));
  });
});
