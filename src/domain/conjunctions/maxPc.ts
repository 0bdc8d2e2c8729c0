// Maximum Pc when covariances are unknown, cheap enough for thousands of screening events.
//
// With the encounter-plane covariance C = k·S (S the projected shape of SOCRATES's assumed
// 100/300/100 m RTN sigmas, k free) and a hard body of radius R small against the miss d, Foster's
// integral is Pc(k) ≈ πR²·N(d; 0, kS) = R²/(2k·√det S)·exp(−m²/(2k)), m² = dᵀS⁻¹d. Its maximum over k
// is at k* = m²/2:  Pmax = R² / (e · m² · √det S)  (Alfano 2005's worst case for a given shape).
// The disk's curvature adds a second-order term: ∫disk N ≈ πR²·N(d)·[1 + R²/8·∇²N/N], with
// ∇²N/N = |C⁻¹d|² − tr C⁻¹ at C = k*S (by the envelope theorem the optimum's shift is third order).
// With that term the closed form agrees with the numerical maximum (../probability/maxPc.ts,
// ~90 Foster evaluations) to ~1e-5 relative for d > 20·R; below that the numerical one is used.
import { encounterPlaneRtn, type ObjectState } from '../probability/encounter';
import { type Mat3, type Sym2 } from '../probability/linalg';
import {
  ALFANO_MAX_METHOD,
  SOCRATES_SIGMAS_M,
  socratesMaxPc,
  type SocratesSigmasM,
} from '../probability/maxPc';

/** Miss / HBR above which the closed form is used. */
export const CLOSED_FORM_MIN_MISS_OVER_HBR = 20;

/** Closed-form maximum over covariance scale of Foster Pc for a shape S (m², any scale). */
export function closedFormMaxPc(missXM: number, missZM: number, shape: Sym2, hbrM: number): number {
  const det = shape.xx * shape.zz - shape.xz * shape.xz;
  if (!(det > 0)) throw new Error('covariance shape must be positive definite');
  const d2 = missXM * missXM + missZM * missZM;
  if (!(hbrM > 0)) return 0;
  if (d2 <= hbrM * hbrM) return 1;
  // S⁻¹ = [zz, −xz; −xz, xx] / det
  const ix = (shape.zz * missXM - shape.xz * missZM) / det;
  const iz = (-shape.xz * missXM + shape.xx * missZM) / det;
  const m2 = missXM * ix + missZM * iz;
  const k = m2 / 2;
  const p0 = (hbrM * hbrM) / (Math.E * m2 * Math.sqrt(det));
  const traceInv = (shape.xx + shape.zz) / det;
  const lap = (ix * ix + iz * iz) / (k * k) - traceInv / k;
  return Math.min(1, p0 * (1 + (hbrM * hbrM * lap) / 8));
}

export interface FastMaxPcResult {
  pcMax: number;
  method: string;
  /** Whether the closed form (true) or the numerical maximisation (false) gave the value. */
  closedForm: boolean;
}

const diag = (s: SocratesSigmasM): Mat3 => [
  [s.radial ** 2, 0, 0],
  [0, s.inTrack ** 2, 0],
  [0, 0, s.crossTrack ** 2],
];

/**
 * SOCRATES-style maximum Pc (assumed RTN sigmas, scaled to the worst case) for two inertial
 * states: closed form when miss > 20·HBR, else ../probability's numerical socratesMaxPc.
 */
export function fastSocratesMaxPc(
  object1: ObjectState,
  object2: ObjectState,
  hbrM: number,
  sigmas: SocratesSigmasM = SOCRATES_SIGMAS_M,
): FastMaxPcResult {
  const plane = encounterPlaneRtn(object1, diag(sigmas), object2, diag(sigmas));
  const missM = Math.hypot(plane.missXM, plane.missZM);
  if (missM > CLOSED_FORM_MIN_MISS_OVER_HBR * hbrM) {
    return {
      pcMax: closedFormMaxPc(plane.missXM, plane.missZM, plane.covariancePlaneM2, hbrM),
      method: ALFANO_MAX_METHOD,
      closedForm: true,
    };
  }
  return {
    pcMax: socratesMaxPc(object1, object2, hbrM, sigmas).pcMax,
    method: ALFANO_MAX_METHOD,
    closedForm: false,
  };
}
