// RTN (radial, transverse, normal) ↔ inertial rotation. CDM covariances are given in each object's
// own RTN frame, so each must be rotated with that object's own r and v before the two are summed.
// (A shared frames module may offer the same; this one keeps probability/ self-contained.)
import { cross, type Mat3, type Vec3, congruence, unit } from './linalg';

/** Rows are R̂, T̂, N̂ expressed in the inertial frame (so M·x_inertial = x_rtn). */
export function rtnBasis(r: Vec3, v: Vec3): Mat3 {
  const rHat = unit(r);
  const nHat = unit(cross(r, v));
  const tHat = cross(nHat, rHat);
  return [rHat, tHat, nHat];
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
  const [rh, th, nh] = rtnBasis(r, v);
  return [
    rh[0] * x[0] + rh[1] * x[1] + rh[2] * x[2],
    th[0] * x[0] + th[1] * x[1] + th[2] * x[2],
    nh[0] * x[0] + nh[1] * x[1] + nh[2] * x[2],
  ];
}
