// EME2000 (J2000 mean equator and equinox) ↔ TEME, SGP4's frame: IAU-76 precession to the mean
// equator of date, IAU-80 nutation to the true equator of date (TOD), then the equation of the
// equinoxes about the pole to TEME: r_teme = R3(Eq) · N · P · r_j2000. The nutation series keeps
// its 18 largest terms (all ≥ 0.005″): what is left sums to a few hundredths of an arcsecond, a
// few metres at GEO. GCRF and ICRF differ from EME2000 by the ~0.02″ frame bias (≤ 5 m at GEO),
// which is ignored, as are the IERS nutation corrections (dψ, dε, ≲ 0.1″ until 2020s).
import type { StateVector } from '../propagation/types';
import { taiMinusUtcSec } from '../time/timeScales';
import { J2000_MS } from '../time/julian';

const ARCSEC = Math.PI / (180 * 3600);
const DEG = Math.PI / 180;
const MS_PER_CENTURY = 36_525 * 86_400_000;

/**
 * IAU-80 nutation terms: multipliers of D, M (Sun), M′ (Moon), F, Ω, then Δψ = (a + b·T)·sin,
 * Δε = (c + d·T)·cos, in units of 0.0001″.
 */
const NUTATION: readonly (readonly number[])[] = [
  [0, 0, 0, 0, 1, -171996, -174.2, 92025, 8.9],
  [-2, 0, 0, 2, 2, -13187, -1.6, 5736, -3.1],
  [0, 0, 0, 2, 2, -2274, -0.2, 977, -0.5],
  [0, 0, 0, 0, 2, 2062, 0.2, -895, 0.5],
  [0, 1, 0, 0, 0, 1426, -3.4, 54, -0.1],
  [0, 0, 1, 0, 0, 712, 0.1, -7, 0],
  [-2, 1, 0, 2, 2, -517, 1.2, 224, -0.6],
  [0, 0, 0, 2, 1, -386, -0.4, 200, 0],
  [0, 0, 1, 2, 2, -301, 0, 129, -0.1],
  [-2, -1, 0, 2, 2, 217, -0.5, -95, 0.3],
  [-2, 0, 1, 0, 0, -158, 0, 0, 0],
  [-2, 0, 0, 2, 1, 129, 0.1, -70, 0],
  [0, 0, -1, 2, 2, 123, 0, -53, 0],
  [2, 0, 0, 0, 0, 63, 0, 0, 0],
  [0, 0, 1, 0, 1, 63, 0.1, -33, 0],
  [2, 0, -1, 2, 2, -59, 0, 26, 0],
  [0, 0, -1, 0, 1, -58, -0.1, 32, 0],
  [0, 0, 1, 2, 1, -51, 0, 27, 0],
];

type Mat = Float64Array;

function r1(a: number): Mat {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return Float64Array.of(1, 0, 0, 0, c, s, 0, -s, c);
}
function r2(a: number): Mat {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return Float64Array.of(c, 0, -s, 0, 1, 0, s, 0, c);
}
function r3(a: number): Mat {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return Float64Array.of(c, s, 0, -s, c, 0, 0, 0, 1);
}
function mul(a: Mat, b: Mat): Mat {
  const out = new Float64Array(9);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      out[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
  return out;
}

/**
 * Row-major rotation taking EME2000 coordinates to TEME at a UTC instant (its transpose goes
 * back). The angles are functions of TT, reached from UTC through the leap-second table.
 */
export function eme2000ToTemeMatrix(utcMs: number): Float64Array {
  const ttMs = utcMs + (taiMinusUtcSec(utcMs) + 32.184) * 1000;
  const t = (ttMs - J2000_MS) / MS_PER_CENTURY;
  const t2 = t * t;
  const t3 = t2 * t;
  const zeta = (2306.2181 * t + 0.30188 * t2 + 0.017998 * t3) * ARCSEC;
  const z = (2306.2181 * t + 1.09468 * t2 + 0.018203 * t3) * ARCSEC;
  const theta = (2004.3109 * t - 0.42665 * t2 - 0.041833 * t3) * ARCSEC;
  const precession = mul(r3(-z), mul(r2(theta), r3(-zeta)));

  const d = (297.85036 + 445267.11148 * t - 0.0019142 * t2 + t3 / 189474) * DEG;
  const m = (357.52772 + 35999.05034 * t - 0.0001603 * t2 - t3 / 300000) * DEG;
  const mm = (134.96298 + 477198.867398 * t + 0.0086972 * t2 + t3 / 56250) * DEG;
  const f = (93.27191 + 483202.017538 * t - 0.0036825 * t2 + t3 / 327270) * DEG;
  const om = (125.04452 - 1934.136261 * t + 0.0020708 * t2 + t3 / 450000) * DEG;
  let dPsi = 0;
  let dEps = 0;
  for (const [kd, km, kmm, kf, kom, a, b, c, e] of NUTATION) {
    const arg = kd * d + km * m + kmm * mm + kf * f + kom * om;
    dPsi += (a + b * t) * Math.sin(arg);
    dEps += (c + e * t) * Math.cos(arg);
  }
  dPsi *= 1e-4 * ARCSEC;
  dEps *= 1e-4 * ARCSEC;
  const eps = (84381.448 - 46.815 * t - 0.00059 * t2 + 0.001813 * t3) * ARCSEC;
  const nutation = mul(r1(-(eps + dEps)), mul(r3(-dPsi), r1(eps)));
  // TEME's x axis is the "mean" equinox on the true equator: GAST − GMST = Δψ·cos ε away.
  return mul(r3(dPsi * Math.cos(eps)), mul(nutation, precession));
}

function rotate(m: Mat, v: readonly number[], transpose: boolean): [number, number, number] {
  return transpose
    ? [
        m[0] * v[0] + m[3] * v[1] + m[6] * v[2],
        m[1] * v[0] + m[4] * v[1] + m[7] * v[2],
        m[2] * v[0] + m[5] * v[1] + m[8] * v[2],
      ]
    : [
        m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
        m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
        m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
      ];
}

/**
 * EME2000 state → TEME at the same UTC instant. The frames turn relative to each other by
 * ~1e-11 rad/s (precession), ≤ 1e-7 km/s on a velocity: the rotation is applied to both vectors.
 */
export function eme2000ToTeme(state: StateVector, utcMs: number): StateVector {
  const m = eme2000ToTemeMatrix(utcMs);
  return { rKm: rotate(m, state.rKm, false), vKmS: rotate(m, state.vKmS, false) };
}

/** TEME state → EME2000 (inverse of eme2000ToTeme). */
export function temeToEme2000(state: StateVector, utcMs: number): StateVector {
  const m = eme2000ToTemeMatrix(utcMs);
  return { rKm: rotate(m, state.rKm, true), vKmS: rotate(m, state.vKmS, true) };
}
