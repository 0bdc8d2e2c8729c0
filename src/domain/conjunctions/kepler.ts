// Two-body (Kepler) propagation of a state vector with universal variables (Vallado, Algorithm 8):
// enough to draw a CDM's objects for ±10 minutes around TCA when they are not in the loaded
// catalog (J2 alone moves a LEO object by ~1 km in 10 minutes; the drawing is to km scale).
import type { StateKm } from './types';

export const MU_EARTH_KM3_S2 = 398600.4418;

function stumpff(psi: number): [number, number] {
  if (psi > 1e-6) {
    const s = Math.sqrt(psi);
    return [(1 - Math.cos(s)) / psi, (s - Math.sin(s)) / (s * psi)];
  }
  if (psi < -1e-6) {
    const s = Math.sqrt(-psi);
    return [(1 - Math.cosh(s)) / psi, (Math.sinh(s) - s) / (s * -psi)];
  }
  return [1 / 2 - psi / 24, 1 / 6 - psi / 120];
}

/** The state `dtS` seconds later (earlier when negative) on the same two-body orbit. */
export function keplerPropagate(state: StateKm, dtS: number, mu = MU_EARTH_KM3_S2): StateKm {
  const [x, y, z] = state.rKm;
  const [vx, vy, vz] = state.vKmS;
  if (dtS === 0) return { rKm: [x, y, z], vKmS: [vx, vy, vz] };
  const r0 = Math.hypot(x, y, z);
  const v0 = Math.hypot(vx, vy, vz);
  const rv = x * vx + y * vy + z * vz;
  const alpha = 2 / r0 - (v0 * v0) / mu;
  const sqmu = Math.sqrt(mu);
  let chi = alpha > 1e-6 ? sqmu * dtS * alpha : Math.sign(dtS) * Math.sqrt(Math.abs(dtS)) * 10;
  for (let i = 0; i < 50; i++) {
    const psi = chi * chi * alpha;
    const [c2, c3] = stumpff(psi);
    const r = chi * chi * c2 + (rv / sqmu) * chi * (1 - psi * c3) + r0 * (1 - psi * c2);
    const step =
      (sqmu * dtS - chi ** 3 * c3 - (rv / sqmu) * chi * chi * c2 - r0 * chi * (1 - psi * c3)) / r;
    chi += step;
    if (Math.abs(step) < 1e-10) break;
  }
  const psi = chi * chi * alpha;
  const [c2, c3] = stumpff(psi);
  const r = chi * chi * c2 + (rv / sqmu) * chi * (1 - psi * c3) + r0 * (1 - psi * c2);
  const f = 1 - ((chi * chi) / r0) * c2;
  const g = dtS - (chi ** 3 / sqmu) * c3;
  const gdot = 1 - ((chi * chi) / r) * c2;
  const fdot = (sqmu / (r * r0)) * chi * (psi * c3 - 1);
  return {
    rKm: [f * x + g * vx, f * y + g * vy, f * z + g * vz],
    vKmS: [fdot * x + gdot * vx, fdot * y + gdot * vy, fdot * z + gdot * vz],
  };
}
