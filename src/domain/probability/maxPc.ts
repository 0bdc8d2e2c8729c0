// Maximum Pc when the covariance is unknown (Alfano 2005, "Relating position uncertainty to maximum
// conjunction probability"). With only the shape of the encounter-plane covariance known, Pc as a
// function of an overall scale k (covariance = k·shape) rises from 0, peaks and falls back to 0
// (when the miss exceeds the hard-body radius); the peak is the "maximum probability". What is
// computed here, exactly:
//  • maxPcOverScale: max over k > 0 of Foster Pc(miss, k·shape, HBR) for a given shape and
//    orientation, found numerically (log-grid scan + golden section) — no small-HBR approximation.
//  • alfano2005MaxPc: the orientation-free worst case for an aspect ratio AR = σmajor/σminor: the
//    major axis lies along the miss vector (Alfano's worst case), maximised over scale as above.
//    For HBR ≪ miss it tends to Alfano's closed form AR·R²/(e·d²) (returned as `closedFormPc`).
//  • socratesMaxPc: SOCRATES-style. Both objects get assumed RTN sigmas (default 100/300/100 m),
//    rotated to inertial with their own states, summed and projected; the resulting shape and
//    orientation are then scaled as in maxPcOverScale. CelesTrak does not publish its exact
//    procedure, so expect agreement with its MAX_PROB in magnitude, not to the digit.
import { encounterPlaneRtn, type ObjectState } from './encounter';
import { fosterPc2d } from './foster';
import { eigenSym2, type Mat3, type Sym2 } from './linalg';

export const ALFANO_MAX_METHOD = 'ALFANO-2005-MAX';

export interface MaxPcResult {
  /** Largest Pc over all covariance scales (1 when the miss is inside the hard body). */
  pcMax: number;
  method: string;
  /** Principal sigmas at the maximum, m (0 when the maximum is reached as the covariance vanishes). */
  sigmaMajorM: number;
  sigmaMinorM: number;
  /** Variance scale factor applied to the input shape at the maximum. */
  scale: number;
}

function scaled(shape: Sym2, k: number): Sym2 {
  return { xx: shape.xx * k, xz: shape.xz * k, zz: shape.zz * k };
}

/** max over k > 0 of Foster Pc for covariance k·shape (shape positive definite, m² up to scale). */
export function maxPcOverScale(
  missXM: number,
  missZM: number,
  shape: Sym2,
  hbrM: number,
): MaxPcResult {
  const missM = Math.hypot(missXM, missZM);
  const { l1, l2 } = eigenSym2(shape);
  if (!(l1 > 0 && l2 > 0)) throw new Error('covariance shape must be positive definite');
  const base = { method: ALFANO_MAX_METHOD };
  if (!(hbrM > 0)) return { ...base, pcMax: 0, sigmaMajorM: NaN, sigmaMinorM: NaN, scale: NaN };
  if (missM <= hbrM) return { ...base, pcMax: 1, sigmaMajorM: 0, sigmaMinorM: 0, scale: 0 };
  // The search only compares trials near a flat maximum: 1e-6 is ample there, and the answer is
  // evaluated once more at full accuracy.
  const pcAt = (logK: number, relTol = 1e-6): number =>
    fosterPc2d({ missXM, missZM, hbrM, covariancePlaneM2: scaled(shape, Math.exp(logK)), relTol })
      .pc;
  // Centre the search where the major sigma equals the miss distance; the peak lies within a few
  // e-folds of it for any aspect ratio below ~1e6.
  const centre = Math.log((missM * missM) / l1);
  const steps = 30; // one e-fold per step: Pc(log k) is smooth and unimodal
  const span = 30;
  let best = centre;
  let bestPc = -1;
  for (let i = 0; i <= steps; i++) {
    const lk = centre - span / 2 + (span * i) / steps;
    const pc = pcAt(lk);
    if (pc > bestPc) {
      bestPc = pc;
      best = lk;
    }
  }
  // Golden-section refinement on the bracketing grid cells.
  const g = (Math.sqrt(5) - 1) / 2;
  let a = best - span / steps;
  let b = best + span / steps;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = pcAt(c);
  let fd = pcAt(d);
  for (let i = 0; i < 60 && b - a > 1e-5; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = pcAt(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = pcAt(d);
    }
  }
  const logK = fc > fd ? c : d;
  const pcMax = pcAt(logK, 1e-11);
  const k = Math.exp(logK);
  return {
    ...base,
    pcMax,
    sigmaMajorM: Math.sqrt(l1 * k),
    sigmaMinorM: Math.sqrt(l2 * k),
    scale: k,
  };
}

export interface AlfanoMaxPcResult extends MaxPcResult {
  aspectRatio: number;
  /** Alfano's zero-order closed form AR·R²/(e·d²), valid for HBR ≪ miss. */
  closedFormPc: number;
}

/** Worst-case maximum Pc for a covariance of aspect ratio σmajor/σminor ≥ 1 (major along the miss). */
export function alfano2005MaxPc(
  missM: number,
  hbrM: number,
  aspectRatio: number,
): AlfanoMaxPcResult {
  if (!(aspectRatio >= 1)) throw new Error('aspect ratio must be ≥ 1');
  const shape: Sym2 = { xx: aspectRatio * aspectRatio, xz: 0, zz: 1 };
  const result = maxPcOverScale(missM, 0, shape, hbrM);
  const closedFormPc = (aspectRatio * hbrM * hbrM) / (Math.E * missM * missM);
  return { ...result, aspectRatio, closedFormPc };
}

export interface SocratesSigmasM {
  radial: number;
  inTrack: number;
  crossTrack: number;
}

/** SOCRATES's assumed 1-σ position uncertainties, m. */
export const SOCRATES_SIGMAS_M: SocratesSigmasM = { radial: 100, inTrack: 300, crossTrack: 100 };

export interface SocratesMaxPcResult extends MaxPcResult {
  missM: number;
  relSpeedMS: number;
  /** Foster Pc with the assumed sigmas unscaled. */
  pcAtAssumedSigmas: number;
  /** σmajor/σminor of the projected assumed covariance. */
  aspectRatio: number;
  /** Orientation-free bound for that aspect ratio (≥ pcMax). */
  worstCaseOrientationPc: number;
}

/** SOCRATES-style maximum Pc from two inertial states (see the module comment). */
export function socratesMaxPc(
  object1: ObjectState,
  object2: ObjectState,
  hbrM: number,
  sigmas: SocratesSigmasM = SOCRATES_SIGMAS_M,
): SocratesMaxPcResult {
  const diag: Mat3 = [
    [sigmas.radial ** 2, 0, 0],
    [0, sigmas.inTrack ** 2, 0],
    [0, 0, sigmas.crossTrack ** 2],
  ];
  const plane = encounterPlaneRtn(object1, diag, object2, diag);
  const shape = plane.covariancePlaneM2;
  const { l1, l2 } = eigenSym2(shape);
  const aspectRatio = Math.sqrt(l1 / l2);
  const max = maxPcOverScale(plane.missXM, plane.missZM, shape, hbrM);
  const nominal = fosterPc2d({
    missXM: plane.missXM,
    missZM: plane.missZM,
    hbrM,
    covariancePlaneM2: shape,
  });
  const worst = alfano2005MaxPc(Math.hypot(plane.missXM, plane.missZM), hbrM, aspectRatio);
  return {
    ...max,
    missM: plane.missM,
    relSpeedMS: plane.relSpeedMS,
    pcAtAssumedSigmas: nominal.pc,
    aspectRatio,
    worstCaseOrientationPc: worst.pcMax,
  };
}
