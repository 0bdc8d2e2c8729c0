// Physical plausibility checks shared by every format, so a TLE and an OMM of the same
// object are accepted or refused alike. Each returns a reason, or null when the value is fine.

/**
 * No object in Earth orbit completes 20 revolutions a day (that is a period of 72 min,
 * below the surface); a larger value means a shifted field or a unit mix-up.
 */
export const MAX_MEAN_MOTION_REV_PER_DAY = 20;

export function checkMeanMotion(revPerDay: number): string | null {
  if (!(revPerDay > 0)) return `mean motion must be > 0 rev/day (got ${revPerDay})`;
  if (revPerDay >= MAX_MEAN_MOTION_REV_PER_DAY) {
    return `mean motion ${revPerDay} rev/day is implausible (must be < ${MAX_MEAN_MOTION_REV_PER_DAY})`;
  }
  return null;
}

export function checkEccentricity(e: number): string | null {
  return e >= 0 && e < 1 ? null : `eccentricity must be in [0, 1) for a closed orbit (got ${e})`;
}

export function checkInclinationDeg(deg: number): string | null {
  return deg >= 0 && deg <= 180 ? null : `inclination must be 0–180° (got ${deg})`;
}

/** RA of ascending node, argument of pericenter, mean anomaly: TLE columns hold 0–360°. */
export function checkAngleDeg(deg: number): string | null {
  return deg >= 0 && deg <= 360 ? null : `angle must be 0–360° (got ${deg})`;
}
