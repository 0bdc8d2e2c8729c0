// Radial / transverse / normal (RTN, a.k.a. RIC or RSW) frame of an orbit: R along r, N along
// r×v (orbit normal), T = N×R (along-track for circular orbits). CDM covariances use this frame.

type Vec3 = ArrayLike<number>;

/**
 * Orthonormal RTN basis from position and velocity (any consistent inertial frame), as a row-major
 * 3×3 matrix [Rx, Ry, Rz, Tx, Ty, Tz, Nx, Ny, Nz] that maps inertial → RTN. Returns null when r
 * is zero or r ∥ v (no orbit plane).
 */
export function rtnBasis(r: Vec3, v: Vec3, out = new Float64Array(9)): Float64Array | null {
  const rn = Math.hypot(r[0], r[1], r[2]);
  const hx = r[1] * v[2] - r[2] * v[1];
  const hy = r[2] * v[0] - r[0] * v[2];
  const hz = r[0] * v[1] - r[1] * v[0];
  const hn = Math.hypot(hx, hy, hz);
  if (!(rn > 0) || !(hn > 1e-12 * rn * Math.hypot(v[0], v[1], v[2]))) return null;
  const rx = r[0] / rn;
  const ry = r[1] / rn;
  const rz = r[2] / rn;
  const nx = hx / hn;
  const ny = hy / hn;
  const nz = hz / hn;
  out[0] = rx;
  out[1] = ry;
  out[2] = rz;
  out[3] = ny * rz - nz * ry;
  out[4] = nz * rx - nx * rz;
  out[5] = nx * ry - ny * rx;
  out[6] = nx;
  out[7] = ny;
  out[8] = nz;
  return out;
}

/** Components of an inertial vector along R, T, N. */
export function toRtn(basis: Float64Array, vec: Vec3, out = new Float64Array(3)): Float64Array {
  const x = vec[0];
  const y = vec[1];
  const z = vec[2];
  out[0] = basis[0] * x + basis[1] * y + basis[2] * z;
  out[1] = basis[3] * x + basis[4] * y + basis[5] * z;
  out[2] = basis[6] * x + basis[7] * y + basis[8] * z;
  return out;
}

/** Inertial vector from its R, T, N components (the transpose of toRtn). */
export function fromRtn(basis: Float64Array, rtn: Vec3, out = new Float64Array(3)): Float64Array {
  const a = rtn[0];
  const b = rtn[1];
  const c = rtn[2];
  out[0] = basis[0] * a + basis[3] * b + basis[6] * c;
  out[1] = basis[1] * a + basis[4] * b + basis[7] * c;
  out[2] = basis[2] * a + basis[5] * b + basis[8] * c;
  return out;
}
