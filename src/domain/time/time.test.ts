import { gstime, jday } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatIsoMs, formatIsoUs, parseIsoMs } from './iso';
import { gmstRad, J2000_MS, jdFromMs, msFromJd } from './julian';

describe('Julian dates', () => {
  it('anchors on the Unix epoch and J2000', () => {
    expect(jdFromMs(0)).toBe(2_440_587.5);
    expect(jdFromMs(J2000_MS)).toBe(2_451_545);
    expect(J2000_MS).toBe(Date.UTC(2000, 0, 1, 12));
    expect(msFromJd(2_451_545.25)).toBe(J2000_MS + 6 * 3_600_000);
  });

  it('agrees with satellite.js jday', () => {
    const ms = Date.UTC(2024, 10, 1, 13, 56, 2, 456);
    expect(jdFromMs(ms)).toBeCloseTo(jday(new Date(ms)), 9);
  });
});

describe('GMST (IAU-82)', () => {
  it('matches Vallado example 3-5: 1992-08-20 12:14 UT1 → 152.578787886°', () => {
    const theta = gmstRad(Date.UTC(1992, 7, 20, 12, 14));
    expect((theta * 180) / Math.PI).toBeCloseTo(152.578787886, 6);
  });

  it('matches satellite.js gstime to its Julian-date resolution over 1960–2090', () => {
    for (let ms = Date.UTC(1960, 0, 1); ms < Date.UTC(2090, 0, 1); ms += 86_400_000 * 97.3) {
      const diff = gmstRad(ms) - gstime(jdFromMs(ms));
      expect(Math.abs(Math.atan2(Math.sin(diff), Math.cos(diff)))).toBeLessThan(5e-9);
    }
  });

  it('applies UT1 − UTC as a time shift', () => {
    const ms = Date.UTC(2024, 0, 1);
    const d = gmstRad(ms, 0.5) - gmstRad(ms);
    expect(d / (0.5 * 7.2921158553e-5)).toBeCloseTo(1, 7);
  });
});

describe('ISO-8601', () => {
  it('formats with milliseconds and microseconds, rounding with carries', () => {
    expect(formatIsoMs(Date.UTC(2024, 10, 1))).toBe('2024-11-01T00:00:00.000Z');
    expect(formatIsoMs(Date.UTC(2024, 9, 31, 13, 56, 2) + 456.736)).toBe(
      '2024-10-31T13:56:02.457Z',
    );
    expect(formatIsoMs(Date.UTC(2024, 11, 31, 23, 59, 59) + 999.6)).toBe(
      '2025-01-01T00:00:00.000Z',
    );
    expect(formatIsoUs(Date.UTC(2024, 9, 31, 13, 56, 2) + 456.736)).toBe(
      '2024-10-31T13:56:02.456736Z',
    );
    expect(formatIsoMs(-0.4)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatIsoMs(-1)).toBe('1969-12-31T23:59:59.999Z');
  });

  it('formats milliseconds as the microsecond formatter does, rounded to the millisecond', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 2000; k++) {
      const ms = Date.UTC(1957, 0, 1) + next() * (Date.UTC(2100, 0, 1) - Date.UTC(1957, 0, 1));
      const us = formatIsoUs(Math.round(ms));
      expect(us.endsWith('000Z')).toBe(true);
      expect(formatIsoMs(ms)).toBe(us.slice(0, -4) + 'Z');
    }
  });

  it('parses strictly, keeping sub-millisecond digits', () => {
    const base = Date.UTC(2024, 9, 31, 13, 56, 2);
    // A 2024 ms count resolves 0.24 µs.
    expect(parseIsoMs('2024-10-31T13:56:02.456736')! - base).toBeCloseTo(456.736, 3);
    expect(parseIsoMs('2024-10-31T13:56:02.456736Z')! - base).toBeCloseTo(456.736, 3);
    expect(parseIsoMs('2024-10-31T13:56:02Z')).toBe(base);
    // Seconds may be left out (hh:mm), but not minutes, and a fraction needs seconds.
    expect(parseIsoMs('2024-10-31T13:56Z')).toBe(base - 2000);
    expect(parseIsoMs('2024-10-31T13Z')).toBeNull();
    expect(parseIsoMs('2024-10-31T13:56.5Z')).toBeNull();
    expect(parseIsoMs('2024-10-31T15:56:02+02:00')).toBe(base);
    expect(parseIsoMs('2024-305T13:56:02Z')).toBe(base); // CCSDS ordinal date
    expect(parseIsoMs('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of [
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-11-31T00:00:00Z',
      '2024-11-01T24:00:00Z',
      '2024-11-01T00:60:00Z',
      '2024-11-01T00:00:60Z',
      '2024-11-01 00:00:00Z',
      '2024-11-01T00:00:00.Z',
      '2024-11-01',
      '2023-366T00:00:00Z',
      ' 2024-11-01T00:00:00Z',
      '24-11-01T00:00:00Z',
    ]) {
      expect(parseIsoMs(bad), bad).toBeNull();
    }
  });

  it('round-trips microsecond text', () => {
    for (const text of ['1957-10-04T19:28:34.000000Z', '2099-12-31T23:59:59.999999Z']) {
      expect(formatIsoUs(parseIsoMs(text)!)).toBe(text);
    }
  });

  it('counts civil days like Date.UTC, including far years', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [1600, 3, 1],
      [2100, 2, 28],
      [2400, 2, 29],
      [1, 1, 1],
    ]) {
      const date = new Date(0);
      date.setUTCFullYear(y, m - 1, d);
      expect(daysFromCivil(y, m, d)).toBe(date.getTime() / 86_400_000);
    }
  });
});
