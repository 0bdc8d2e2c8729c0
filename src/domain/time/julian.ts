// Time scales as the SGP4/TEME layer needs them: UTC milliseconds since 1970 (our one
// timestamp, fractional to keep sub-ms precision), Julian dates, and GMST (IAU-82).

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

/** Julian date of the Unix epoch, 1970-01-01T00:00:00Z. */
export const JD_UNIX_EPOCH = 2_440_587.5;
/** Julian date of J2000.0 (2000-01-01T12:00:00, here on the UTC/UT1 time line). */
export const JD_J2000 = 2_451_545.0;
/** J2000.0 as ms since 1970 (UTC). */
export const J2000_MS = 946_728_000_000;

const TWO_PI = 2 * Math.PI;

/** Julian date (days) of a UTC instant. A JD double resolves ~40 µs; use msToDaysSinceJ2000 for precision work. */
export function jdFromMs(ms: number): number {
  return ms / MS_PER_DAY + JD_UNIX_EPOCH;
}

/** UTC ms since 1970 of a Julian date. */
export function msFromJd(jd: number): number {
  return (jd - JD_UNIX_EPOCH) * MS_PER_DAY;
}

/** Days since J2000.0; a small number keeps full precision (unlike a raw JD). */
export function daysSinceJ2000(ms: number): number {
  return (ms - J2000_MS) / MS_PER_DAY;
}

/**
 * Greenwich mean sidereal time, IAU-82 (Vallado eq. 3-45, as SGP4's `gstime`), radians in [0, 2π).
 * SGP4's TEME frame is defined with this GMST; pass UT1−UTC for the best Earth-fixed longitude
 * (|ΔUT1| < 0.9 s, i.e. < 0.4 km along the equator at LEO); 0 gives the usual SGP4-era convention.
 */
export function gmstRad(timeMs: number, ut1MinusUtcSec = 0): number {
  const ms = timeMs + ut1MinusUtcSec * 1000 - J2000_MS;
  const wholeDays = Math.floor(ms / MS_PER_DAY);
  // Fraction of the day from the ms count itself: a day count in a double would cost ~0.2 µs.
  const frac = (ms - wholeDays * MS_PER_DAY) / MS_PER_DAY;
  const t = ms / MS_PER_DAY / 36_525;
  // 876600 h·3600 s per century is 86400 s per day: whole days drop out modulo a sidereal day,
  // θ[s] = 67310.54841 + 86400·frac + 8640184.812866·T + 0.093104·T² − 6.2e-6·T³.
  let sec = 67_310.54841 + 86_400 * frac + (8_640_184.812866 + (0.093104 - 6.2e-6 * t) * t) * t;
  sec %= 86_400;
  if (sec < 0) sec += 86_400;
  return (sec / 86_400) * TWO_PI;
}
