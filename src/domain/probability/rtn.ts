// RTN (radial, transverse, normal) ↔ inertial for covariances. CDM covariances are given in each
// object's own RTN frame, so each must be rotated with that object's own r and v before the two
// are summed. The basis itself is the frames layer's.
import { rtnBasis as rtnBasisRows, toRtn } from '../frames/ric';
import { pcError } from './issues';
import { congruence, type Mat3, type Vec3 } from './linalg';

/** Rows are R̂, T̂, N̂ expressed in the inertial frame (so M·x_inertial = x_rtn). */
export function rtnBasis(r: Vec3, v: Vec3): Mat3 {
  const b = rtnBasisRows(r, v);
  if (!b) throw pcError('rtnUndefined');
  return [
    [b[0], b[1], b[2]],
    [b[3], b[4], b[5]],
    [b[6], b[7], b[8]],
  ];
}

/** Rotate a 3×3 position covariance from the RTN frame of (r, v) to the inertial frame of r, v. */
export function covarianceRtnToInertial(covarianceRtn: Mat3, r: Vec3, v: Vec3): Mat3 {
  const m = rtnBasis(r, v);
  const mT: Mat3 = [
    [m[0][0], m[1][0], m[2][0]],
    [m[0][1], m[1][1], m[2][1]],
    [m[0][2], m[1][2], m[2][2]],
  ];
  return congruence(mT, covarianceRtn);
}

/** Components of an inertial vector along R̂, T̂, N̂ of (r, v). */
export function inertialToRtn(x: Vec3, r: Vec3, v: Vec3): Vec3 {
  const basis = rtnBasisRows(r, v);
  if (!basis) return [NaN, NaN, NaN];
  const out = toRtn(basis, x);
  return [out[0], out[1], out[2]];
}
