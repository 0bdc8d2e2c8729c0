// What the encounter panel draws in the encounter (B-) plane: the miss point, the hard-body
// circle, and 1/2/3-σ ellipses of the combined position covariance projected onto the plane.
import { encounterPlaneRtn, type ObjectState } from '../probability/encounter';
import { eigenSym2, type Sym2 } from '../probability/linalg';
import type { ConjunctionRecord, StateKm } from './types';

export interface BPlaneView {
  /** Miss in the plane's (x̂, ẑ) axes (x̂ along the miss), m. */
  missXM: number;
  missZM: number;
  hbrM: number;
  covariancePlaneM2?: Sym2;
  /** Principal sigmas of the projected covariance, m. */
  sigmaMajorM?: number;
  sigmaMinorM?: number;
  ellipses: { sigma: number; points: { x: number; y: number }[] }[];
  circle: { x: number; y: number }[];
  /** Half the height of a plot that shows the miss, the hard body and the 3σ ellipse, m. */
  halfSpanM: number;
}

/** The hard-body circle is under about a pixel on a plot of ±halfSpanM some 200 px tall. */
export function hardBodyTooSmallToSee(view: BPlaneView): boolean {
  return view.hbrM < view.halfSpanM / 100;
}

const toM = (s: StateKm): ObjectState => ({
  positionM: [s.rKm[0] * 1000, s.rKm[1] * 1000, s.rKm[2] * 1000],
  velocityMS: [s.vKmS[0] * 1000, s.vKmS[1] * 1000, s.vKmS[2] * 1000],
});

/** n+1 points round the nσ ellipse of a 2×2 covariance centred on the origin. */
export function sigmaEllipse(cov: Sym2, nSigma: number, n = 72): { x: number; y: number }[] {
  const { l1, l2, angleRad } = eigenSym2(cov);
  const a = nSigma * Math.sqrt(Math.max(l1, 0));
  const b = nSigma * Math.sqrt(Math.max(l2, 0));
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    const u = a * Math.cos(t);
    const v = b * Math.sin(t);
    return { x: c * u - s * v, y: s * u + c * v };
  });
}

export function circlePoints(
  cx: number,
  cy: number,
  r: number,
  n = 72,
): { x: number; y: number }[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return { x: cx + r * Math.cos(t), y: cy + r * Math.sin(t) };
  });
}

/** The B-plane picture of an event, or null without states at TCA. */
export function bPlaneView(r: ConjunctionRecord, hbrM: number): BPlaneView | null {
  if (!r.states) return null;
  const zero = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ] as const;
  const [c1, c2] = r.covariancesRtnM2 ?? [zero, zero];
  const plane = encounterPlaneRtn(toM(r.states.object1), c1, toM(r.states.object2), c2);
  const view: BPlaneView = {
    missXM: plane.missXM,
    missZM: plane.missZM,
    hbrM,
    ellipses: [],
    circle: circlePoints(plane.missXM, plane.missZM, hbrM),
    halfSpanM: 0,
  };
  if (r.covariancesRtnM2) {
    const cov = plane.covariancePlaneM2;
    const { l1, l2 } = eigenSym2(cov);
    view.covariancePlaneM2 = cov;
    view.sigmaMajorM = Math.sqrt(Math.max(l1, 0));
    view.sigmaMinorM = Math.sqrt(Math.max(l2, 0));
    view.ellipses = [1, 2, 3].map((sigma) => ({ sigma, points: sigmaEllipse(cov, sigma) }));
  }
  const reachM = Math.max(
    Math.hypot(view.missXM, view.missZM) + hbrM,
    ...(view.ellipses.at(-1)?.points.map((p) => Math.hypot(p.x, p.y)) ?? [0]),
  );
  view.halfSpanM = reachM * 1.15;
  return view;
}
