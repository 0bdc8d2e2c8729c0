// An OEM object on the globe: its Earth-fixed state at an instant (from its TEME segments), which
// source draws it at the clock (ephemeris, the catalog's SGP4, or nothing), and a catalog-shaped
// description (osculating elements of its first usable state) for objects the catalog lacks.
import { deriveCatalogObject, MU_KM3_PER_S2 } from '../catalog/derive';
import type { CatalogObject } from '../catalog/types';
import { temeToEcefAt } from '../frames/teme';
import { covarianceTemeToRtn } from './frames';
import { stateAt, usableSpan } from './interpolate';
import type { OemMessage, OemSegment, Vec3 } from './types';

/** What draws an ephemeris object at an instant. */
export type DrawnSource = 'ephemeris' | 'sgp4' | 'none';

/**
 * The ephemeris state at tMs as Earth-fixed (PEF) km and km/s into out[off..off+5], `gmst` being
 * the Greenwich sidereal angle at tMs; false (out untouched) outside every usable span. `teme`:
 * segments already in TEME.
 */
export function ephemerisEcefInto(
  teme: readonly OemSegment[],
  tMs: number,
  gmst: number,
  out: Float32Array | Float64Array,
  off: number,
): boolean {
  for (let k = teme.length - 1; k >= 0; k--) {
    const s = stateAt(teme[k], tMs);
    if (!s) continue;
    const buf = [...s.positionKm, ...s.velocityKmS];
    temeToEcefAt(buf, 0, gmst, out, off);
    return true;
  }
  return false;
}

/** The usable spans of the segments, ms, in file order. */
export function usableSpans(segments: readonly OemSegment[]): [number, number][] {
  return segments.map(usableSpan);
}

/** Which source draws the object at tMs (the ephemeris wins inside any usable span). */
export function drawnSourceAt(
  spans: readonly [number, number][],
  tMs: number,
  hasCatalogCounterpart: boolean,
): DrawnSource {
  if (spans.some(([a, b]) => tMs >= a && tMs <= b)) return 'ephemeris';
  return hasCatalogCounterpart ? 'sgp4' : 'none';
}

const DEG = 180 / Math.PI;
const wrap360 = (deg: number) => ((deg % 360) + 360) % 360;

/** Osculating Keplerian elements of an inertial state (WGS-72 μ); null for an unbound orbit. */
export function osculatingElements(r: Vec3, v: Vec3) {
  const mu = MU_KM3_PER_S2;
  const rn = Math.hypot(...r);
  const v2 = v[0] ** 2 + v[1] ** 2 + v[2] ** 2;
  const h: Vec3 = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]];
  const hn = Math.hypot(...h);
  const a = 1 / (2 / rn - v2 / mu);
  if (!(a > 0) || hn === 0) return null;
  const rv = r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
  const eVec = [0, 1, 2].map((k) => ((v2 - mu / rn) * r[k] - rv * v[k]) / mu);
  const e = Math.hypot(...eVec);
  const incl = Math.acos(Math.max(-1, Math.min(1, h[2] / hn)));
  const node: Vec3 = [-h[1], h[0], 0];
  const nn = Math.hypot(...node);
  const raan = nn > 1e-12 ? Math.atan2(node[1], node[0]) : 0;
  // Argument of latitude and of perigee measured from the node (or the x axis when equatorial).
  const ref: Vec3 = nn > 1e-12 ? [node[0] / nn, node[1] / nn, 0] : [1, 0, 0];
  const inPlane = (x: ArrayLike<number>) => {
    const c = x[0] * ref[0] + x[1] * ref[1] + x[2] * ref[2];
    const w: Vec3 = [
      h[1] * ref[2] - h[2] * ref[1],
      h[2] * ref[0] - h[0] * ref[2],
      h[0] * ref[1] - h[1] * ref[0],
    ];
    const s = (x[0] * w[0] + x[1] * w[1] + x[2] * w[2]) / hn;
    return Math.atan2(s, c);
  };
  const u = inPlane(r);
  const argp = e > 1e-9 ? inPlane(eVec) : 0;
  const nu = u - argp;
  const E =
    2 * Math.atan2(Math.sqrt(1 - e) * Math.sin(nu / 2), Math.sqrt(1 + e) * Math.cos(nu / 2));
  const M = E - e * Math.sin(E);
  const nRadS = Math.sqrt(mu / a ** 3);
  return {
    semiMajorAxisKm: a,
    eccentricity: e,
    inclinationDeg: incl * DEG,
    raOfAscNodeDeg: wrap360(raan * DEG),
    argOfPericenterDeg: wrap360(argp * DEG),
    meanAnomalyDeg: wrap360(M * DEG),
    meanMotionRevPerDay: (nRadS * 86_400) / (2 * Math.PI),
  };
}

/**
 * The catalog-shaped description of an ephemeris object the catalog does not have: osculating
 * elements of its first usable TEME state (for the panel's regime, perigee, apogee, period and
 * for the colour), never used to propagate it. Null when that state is not a bound orbit.
 */
export function ephemerisCatalogObject(
  message: OemMessage,
  teme: readonly OemSegment[],
  id: number,
): CatalogObject | null {
  const first = teme[0];
  const [from] = usableSpan(first);
  const state = stateAt(first, from);
  if (!state) return null;
  const el = osculatingElements(state.positionKm, state.velocityKmS);
  if (!el) return null;
  const meta = message.segments[0].metadata;
  return deriveCatalogObject({
    objectName: meta.objectName,
    objectId: meta.objectId,
    noradCatId: id,
    epochMs: from,
    meanMotionRevPerDay: el.meanMotionRevPerDay,
    eccentricity: el.eccentricity,
    inclinationDeg: el.inclinationDeg,
    raOfAscNodeDeg: el.raOfAscNodeDeg,
    argOfPericenterDeg: el.argOfPericenterDeg,
    meanAnomalyDeg: el.meanAnomalyDeg,
    bstar: 0,
    meanMotionDot: 0,
    meanMotionDdot: 0,
    classificationType: 'U',
    elementSetNo: 0,
    revAtEpoch: 0,
    ephemerisType: 0,
  });
}

export interface RtnCovariance {
  /** Epoch of the covariance used (the nearest in time to the instant asked). */
  epochMs: number;
  /** Position block in RTN, row-major 3×3, km². */
  positionRtnKm2: Float64Array;
  /** 1σ along R, T, N, km. */
  sigmasKm: Vec3;
}

/**
 * The covariance nearest in time to tMs among the segments whose usable span holds tMs (taken,
 * not interpolated), as RTN position covariance; null when none. `teme`: segments in TEME.
 */
export function nearestCovarianceRtn(
  teme: readonly OemSegment[],
  tMs: number,
): RtnCovariance | null {
  let best: { seg: OemSegment; k: number; dt: number } | null = null;
  for (const seg of teme) {
    const [a, b] = usableSpan(seg);
    if (tMs < a || tMs > b) continue;
    seg.covariances.forEach((c, k) => {
      const dt = Math.abs(c.epochMs - tMs);
      if (!best || dt < best.dt) best = { seg, k, dt };
    });
  }
  if (!best) return null;
  const { seg, k } = best as { seg: OemSegment; k: number };
  const cov = seg.covariances[k];
  const s = stateAt(seg, Math.min(Math.max(cov.epochMs, usableSpan(seg)[0]), usableSpan(seg)[1]));
  if (!s) return null;
  const rtn = covarianceTemeToRtn(cov.matrix, s.positionKm, s.velocityKmS);
  const p = Float64Array.of(
    rtn[0],
    rtn[1],
    rtn[2],
    rtn[6],
    rtn[7],
    rtn[8],
    rtn[12],
    rtn[13],
    rtn[14],
  );
  return {
    epochMs: cov.epochMs,
    positionRtnKm2: p,
    sigmasKm: [
      Math.sqrt(Math.max(0, p[0])),
      Math.sqrt(Math.max(0, p[4])),
      Math.sqrt(Math.max(0, p[8])),
    ],
  };
}
