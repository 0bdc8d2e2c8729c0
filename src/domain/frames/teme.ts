// TEME (SGP4's output frame) to Earth-fixed. We stop at the pseudo-Earth-fixed frame (PEF):
// polar motion (the ITRF–PEF difference) is under 0.5″, i.e. ≤ 15 m at the surface and ≤ 0.1 km at
// GEO, far below SGP4's own km-level error, so it is ignored; "ECEF" in this app means PEF.
import type { StateVector } from '../propagation/types';
import { gmstRad } from '../time/julian';

/** Earth's rotation rate, rad/s (Vallado's 7.29211514670698e-5, length of day not applied). */
export const EARTH_ROTATION_RAD_S = 7.292115146706979e-5;

type Out = Float64Array | Float32Array | number[];

/**
 * Rotate one TEME state [x, y, z, vx, vy, vz] (km, km/s) read at `inOffset` into PEF, written to
 * `out` at `outOffset` (may alias the input). r_pef = R3(θ)·r_teme; v_pef = R3(θ)·v_teme − ω×r_pef,
 * θ = GMST. Allocation-free for batch use.
 */
export function temeToEcefAt(
  state: ArrayLike<number>,
  inOffset: number,
  gmst: number,
  out: Out,
  outOffset: number,
): void {
  const c = Math.cos(gmst);
  const s = Math.sin(gmst);
  const x = state[inOffset];
  const y = state[inOffset + 1];
  const z = state[inOffset + 2];
  const vx = state[inOffset + 3];
  const vy = state[inOffset + 4];
  const vz = state[inOffset + 5];
  const xe = c * x + s * y;
  const ye = -s * x + c * y;
  out[outOffset] = xe;
  out[outOffset + 1] = ye;
  out[outOffset + 2] = z;
  out[outOffset + 3] = c * vx + s * vy + EARTH_ROTATION_RAD_S * ye;
  out[outOffset + 4] = -s * vx + c * vy - EARTH_ROTATION_RAD_S * xe;
  out[outOffset + 5] = vz;
}

/** Inverse of temeToEcefAt: PEF state → TEME state at the same GMST. */
export function ecefToTemeAt(
  state: ArrayLike<number>,
  inOffset: number,
  gmst: number,
  out: Out,
  outOffset: number,
): void {
  const c = Math.cos(gmst);
  const s = Math.sin(gmst);
  const x = state[inOffset];
  const y = state[inOffset + 1];
  const z = state[inOffset + 2];
  // Undo −ω×r in the Earth-fixed frame first, then rotate back by R3(−θ).
  const vx = state[inOffset + 3] - EARTH_ROTATION_RAD_S * y;
  const vy = state[inOffset + 4] + EARTH_ROTATION_RAD_S * x;
  const vz = state[inOffset + 5];
  out[outOffset] = c * x - s * y;
  out[outOffset + 1] = s * x + c * y;
  out[outOffset + 2] = z;
  out[outOffset + 3] = c * vx - s * vy;
  out[outOffset + 4] = s * vx + c * vy;
  out[outOffset + 5] = vz;
}

/**
 * TEME → Earth-fixed (PEF) for one state at a UTC instant. `ut1MinusUtcSec` (from IERS, |·| < 0.9 s)
 * refines the Earth rotation angle; leave 0 when unknown.
 */
export function temeToEcef(teme: StateVector, timeMs: number, ut1MinusUtcSec = 0): StateVector {
  const buf = [...teme.rKm, ...teme.vKmS];
  temeToEcefAt(buf, 0, gmstRad(timeMs, ut1MinusUtcSec), buf, 0);
  return { rKm: [buf[0], buf[1], buf[2]], vKmS: [buf[3], buf[4], buf[5]] };
}

/** Earth-fixed (PEF) → TEME for one state at a UTC instant. */
export function ecefToTeme(ecef: StateVector, timeMs: number, ut1MinusUtcSec = 0): StateVector {
  const buf = [...ecef.rKm, ...ecef.vKmS];
  ecefToTemeAt(buf, 0, gmstRad(timeMs, ut1MinusUtcSec), buf, 0);
  return { rKm: [buf[0], buf[1], buf[2]], vKmS: [buf[3], buf[4], buf[5]] };
}
