// Atomic time scales against UTC, for messages (OEMs) whose epochs are written in TAI, TT or GPS
// time. Our timestamps are UTC ms since 1970 (leap seconds not counted, as in JavaScript), so an
// epoch read in another scale is moved onto that line with TAI−UTC from the leap-second table.

/** TAI−UTC (s) from each UTC instant on (IERS Bulletin C; no leap second announced after 2017). */
const LEAP_SECONDS: readonly (readonly [number, number])[] = [
  [Date.UTC(1972, 0, 1), 10],
  [Date.UTC(1972, 6, 1), 11],
  [Date.UTC(1973, 0, 1), 12],
  [Date.UTC(1974, 0, 1), 13],
  [Date.UTC(1975, 0, 1), 14],
  [Date.UTC(1976, 0, 1), 15],
  [Date.UTC(1977, 0, 1), 16],
  [Date.UTC(1978, 0, 1), 17],
  [Date.UTC(1979, 0, 1), 18],
  [Date.UTC(1980, 0, 1), 19],
  [Date.UTC(1981, 6, 1), 20],
  [Date.UTC(1982, 6, 1), 21],
  [Date.UTC(1983, 6, 1), 22],
  [Date.UTC(1985, 6, 1), 23],
  [Date.UTC(1988, 0, 1), 24],
  [Date.UTC(1990, 0, 1), 25],
  [Date.UTC(1991, 0, 1), 26],
  [Date.UTC(1992, 6, 1), 27],
  [Date.UTC(1993, 6, 1), 28],
  [Date.UTC(1994, 6, 1), 29],
  [Date.UTC(1996, 0, 1), 30],
  [Date.UTC(1997, 6, 1), 31],
  [Date.UTC(1999, 0, 1), 32],
  [Date.UTC(2006, 0, 1), 33],
  [Date.UTC(2009, 0, 1), 34],
  [Date.UTC(2012, 6, 1), 35],
  [Date.UTC(2015, 6, 1), 36],
  [Date.UTC(2017, 0, 1), 37],
];

/**
 * TAI−UTC in seconds at a UTC instant. Before 1972 UTC ran on fractional "rubber" seconds; the
 * 1972 value (10 s) is used there, which is within ~0.1 s of the real offset from 1968 on.
 */
export function taiMinusUtcSec(utcMs: number): number {
  let offset = LEAP_SECONDS[0][1];
  for (const [fromMs, sec] of LEAP_SECONDS) {
    if (utcMs < fromMs) break;
    offset = sec;
  }
  return offset;
}

export type TimeScale = 'UTC' | 'TAI' | 'TT' | 'GPS';

/** Seconds the scale runs ahead of TAI (TT = TAI + 32.184 s; GPS = TAI − 19 s). */
const AHEAD_OF_TAI_SEC: Record<Exclude<TimeScale, 'UTC'>, number> = {
  TAI: 0,
  TT: 32.184,
  GPS: -19,
};

/** A clock reading in `scale` (ms since 1970 as if it were UTC) → UTC ms. */
export function toUtcMs(scale: TimeScale, readingMs: number): number {
  if (scale === 'UTC') return readingMs;
  const taiMs = readingMs - AHEAD_OF_TAI_SEC[scale] * 1000;
  // TAI−UTC is looked up at UTC; one refinement settles it except within a leap second itself.
  const first = taiMs - taiMinusUtcSec(taiMs) * 1000;
  return taiMs - taiMinusUtcSec(first) * 1000;
}

/** UTC ms → the clock reading in `scale` (inverse of toUtcMs). */
export function fromUtcMs(scale: TimeScale, utcMs: number): number {
  if (scale === 'UTC') return utcMs;
  return utcMs + (taiMinusUtcSec(utcMs) + AHEAD_OF_TAI_SEC[scale]) * 1000;
}
