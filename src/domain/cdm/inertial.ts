// States for Pc in one inertial frame. EME2000 and GCRF differ by a frame bias of ~20 mas, which is
// ignored. ITRF (Earth-fixed) states are rotated by GMST (IAU-82) about the pole, with the Earth
// rotation term added to the velocity: v_i = R3(−θ)·(v_e + ω⊕ × r_e). That yields a true-of-date-
// like (TEME-ish) frame: it ignores polar motion (~10 m at the surface), UT1−UTC, nutation and
// precession since J2000 (~0.3°). All of those are rotations common to both objects at the same
// instant, so miss distance, relative speed, RTN covariances and Pc are unaffected; only absolute
// inertial coordinates are off, by up to tens of km.
import type { Vec3 } from '../probability/linalg';
import type { ObjectState } from '../probability/encounter';
import { pcError } from '../probability/issues';
import { gmstRad } from '../time/julian';
import type { CdmObject } from './types';

/** Earth rotation rate, rad/s (IERS). */
export const EARTH_ROTATION_RAD_S = 7.292115146706979e-5;

const INERTIAL_FRAMES = new Set(['EME2000', 'J2000', 'GCRF', 'ICRF', 'TEME']);

export function isEarthFixedFrame(refFrame: string): boolean {
  return /^ITRF/.test(refFrame.trim().toUpperCase());
}

/** Earth-fixed position (km) and velocity (km/s) → inertial at GMST θ. */
export function itrfToInertial(positionKm: Vec3, velocityKmS: Vec3, timeMs: number): [Vec3, Vec3] {
  const theta = gmstRad(timeMs);
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const rot = (x: Vec3): Vec3 => [c * x[0] - s * x[1], s * x[0] + c * x[1], x[2]];
  const w = EARTH_ROTATION_RAD_S;
  const [x, y, z] = positionKm;
  const vInertialRotating: Vec3 = [velocityKmS[0] - w * y, velocityKmS[1] + w * x, velocityKmS[2]];
  return [rot([x, y, z]), rot(vInertialRotating)];
}

/** The object's state in metres for the probability module, inertial whatever REF_FRAME says. */
export function cdmObjectInertialState(object: CdmObject, tcaMs: number): ObjectState {
  const frame = object.refFrame.trim().toUpperCase();
  let r = object.positionKm;
  let v = object.velocityKmS;
  if (isEarthFixedFrame(frame)) {
    [r, v] = itrfToInertial(r, v, tcaMs);
  } else if (!INERTIAL_FRAMES.has(frame)) {
    throw pcError('unsupportedFrame', { frame: object.refFrame });
  }
  return {
    positionM: [r[0] * 1000, r[1] * 1000, r[2] * 1000],
    velocityMS: [v[0] * 1000, v[1] * 1000, v[2] * 1000],
  };
}
