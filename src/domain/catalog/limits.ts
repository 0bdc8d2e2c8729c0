// Physical plausibility checks shared by every format, so a TLE and an OMM of the same
// object are accepted or refused alike. Each returns the issue, or null when the value is fine.
import { recordIssue, type RecordIssue } from './recordIssues';

/**
 * No object in Earth orbit completes 20 revolutions a day (that is a period of 72 min,
 * below the surface); a larger value means a shifted field or a unit mix-up.
 */
export const MAX_MEAN_MOTION_REV_PER_DAY = 20;

export function checkMeanMotion(revPerDay: number): RecordIssue | null {
  if (!(revPerDay > 0)) return recordIssue('meanMotionNotPositive', { got: revPerDay });
  if (revPerDay >= MAX_MEAN_MOTION_REV_PER_DAY) {
    return recordIssue('meanMotionImplausible', {
      got: revPerDay,
      max: MAX_MEAN_MOTION_REV_PER_DAY,
    });
  }
  return null;
}

export function checkEccentricity(e: number): RecordIssue | null {
  return e >= 0 && e < 1 ? null : recordIssue('eccentricity', { got: e });
}

export function checkInclinationDeg(deg: number): RecordIssue | null {
  return deg >= 0 && deg <= 180 ? null : recordIssue('inclination', { got: deg });
}

/** RA of ascending node, argument of pericenter, mean anomaly: TLE columns hold 0–360°. */
export function checkAngleDeg(deg: number): RecordIssue | null {
  return deg >= 0 && deg <= 360 ? null : recordIssue('angle', { got: deg });
}
