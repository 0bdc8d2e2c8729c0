// One SGP4 evaluation into a caller-owned buffer, timed from our precise epoch.
import { checkForDecay, sgp4, type SatRec } from 'satellite.js';
import { MS_PER_MINUTE } from '../time/julian';
import { PropagationStatus } from './types';

/**
 * Geocentric altitude below which an object is taken as reentered. At ~80 km drag destroys an
 * orbit within a revolution; SGP4 keeps answering until the radius reaches 1 Earth radius.
 */
export const REENTRY_ALTITUDE_KM = 80;
const A_KM = 6378.137;
const F = 1 / 298.257223563;

export interface PropagateOptions {
  /**
   * Apply our reentry checks (altitude < REENTRY_ALTITUDE_KM over the ellipsoid; SGP4's drag
   * factor tempa ≤ 0, after which SGP4 returns garbage for long-decayed objects). Default true;
   * false gives bare SGP4, as the Vallado verification requires.
   */
  reentryChecks?: boolean;
}

/**
 * Propagate to `timeMs` (UTC ms since 1970) and write the TEME state [x, y, z, vx, vy, vz] in
 * km and km/s into `out` at `offset`. tsince comes from our fractional `epochMs` (sub-µs), not
 * from satrec.jdsatepoch (a Julian-date double: ~40 µs steps). Returns PropagationStatus.Ok, or the failure code with NaN
 * written to `out` (never a stale or zero state).
 */
export function propagateTeme(
  satrec: SatRec,
  epochMs: number,
  timeMs: number,
  out: Float64Array | number[] = new Float64Array(6),
  offset = 0,
  options?: PropagateOptions,
): PropagationStatus {
  const result = sgp4(satrec, (timeMs - epochMs) / MS_PER_MINUTE);
  let status: PropagationStatus = PropagationStatus.Ok;
  if (!result) {
    status = (satrec.error || PropagationStatus.NonFinite) as PropagationStatus;
  } else {
    const r = result.position;
    const v = result.velocity;
    const x = r.x;
    const y = r.y;
    const z = r.z;
    const rr = x * x + y * y + z * z;
    if (!Number.isFinite(rr + v.x + v.y + v.z)) {
      status = PropagationStatus.NonFinite;
    } else if (options?.reentryChecks !== false && (checkForDecay(satrec) || belowReentry(z, rr))) {
      status = PropagationStatus.Reentered;
    } else {
      out[offset] = x;
      out[offset + 1] = y;
      out[offset + 2] = z;
      out[offset + 3] = v.x;
      out[offset + 4] = v.y;
      out[offset + 5] = v.z;
      return status;
    }
  }
  for (let k = 0; k < 6; k++) out[offset + k] = NaN;
  return status;
}

/**
 * Altitude over the ellipsoid (first order in flattening, good to ~10 m here) below the reentry
 * altitude, for a TEME position with z (km) and squared radius r2 (km²).
 */
export function belowReentry(z: number, r2: number): boolean {
  const ellipsoidR = A_KM * (1 - (F * z * z) / r2);
  const limit = ellipsoidR + REENTRY_ALTITUDE_KM;
  return r2 < limit * limit;
}
