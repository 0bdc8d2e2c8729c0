// Foster (1992) 2D collision probability: the integral of the encounter-plane Gaussian over the
// hard-body circle centred on the miss vector. As in CARA's tools, it is reduced to a 1D integral in
// the covariance's principal axes, with the chord through the circle integrated in closed form (erf).
// Here the outer integral runs over φ ∈ [−π/2, π/2] (offset = R·sin φ, chord half-length = R·cos φ,
// which removes the square-root endpoint singularity) and is done by adaptive Gauss–Kronrod in
// log space, so Pc keeps relative precision from ~1e-300 to 1 − 1e-16.
import { logErfDiff } from './erf';
import { pcError } from './issues';
import { eigenSym2, type Sym2 } from './linalg';
import { integrateAdaptive, type Spike } from './quadrature';

export const FOSTER_METHOD = 'FOSTER-1992';

/** CARA's clipping fraction: eigenvalues below (1e-4·HBR)² are raised to that value. */
export const CARA_CLIP_FRACTION = 1e-4;

export interface Pc2dInput {
  /** Miss vector in the encounter plane (any orthonormal in-plane axes x, z), m. */
  missXM: number;
  missZM: number;
  /** Combined position covariance in the same axes, m². */
  covariancePlaneM2: Sym2;
  hbrM: number;
  /** Relative accuracy of the integral (default 1e-11); a search over many trials may use less. */
  relTol?: number;
}

export interface PrincipalCovariance {
  /** Standard deviations along the major and minor axes after remediation, m. */
  sigmaMajorM: number;
  sigmaMinorM: number;
  /** Angle of the major axis from the x axis, rad. */
  majorAngleRad: number;
  /** True when an eigenvalue was below the clip level (non-positive-definite or near-singular). */
  remediated: boolean;
  /** Covariance rebuilt from the (possibly clipped) eigenvalues, m². */
  covarianceM2: Sym2;
}

export interface Pc2dResult {
  pc: number;
  method: string;
  principal: PrincipalCovariance;
  /** Miss components along the major and minor axes, m. */
  missMajorM: number;
  missMinorM: number;
}

/**
 * CARA's remedy for a projected covariance that is not positive definite: eigenvalues below
 * (1e-4·HBR)² are clipped to that floor (with HBR = 0 the floor is 0).
 */
export function remediateCovariance(covarianceM2: Sym2, hbrM: number): PrincipalCovariance {
  const { l1, l2, angleRad } = eigenSym2(covarianceM2);
  const clip = Number.isFinite(hbrM) ? (CARA_CLIP_FRACTION * hbrM) ** 2 : 0;
  const major = Math.max(l1, clip);
  const minor = Math.max(l2, clip);
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return {
    sigmaMajorM: Math.sqrt(major),
    sigmaMinorM: Math.sqrt(minor),
    majorAngleRad: angleRad,
    remediated: l1 < clip || l2 < clip,
    covarianceM2: {
      xx: major * c * c + minor * s * s,
      xz: (major - minor) * c * s,
      zz: major * s * s + minor * c * c,
    },
  };
}

/** Miss vector rotated into the principal axes. */
export function principalMiss(input: Pc2dInput, p: PrincipalCovariance): [number, number] {
  const c = Math.cos(p.majorAngleRad);
  const s = Math.sin(p.majorAngleRad);
  return [c * input.missXM + s * input.missZM, -s * input.missXM + c * input.missZM];
}

/** Integrate exp(logF) over [a, b], rescaled by its largest sampled value to avoid underflow. */
export function integrateLog(
  logF: (x: number) => number,
  a: number,
  b: number,
  breaks: number[],
  spikes: Spike[] = [],
  relTol = 1e-11,
): number {
  let peak = -Infinity;
  const n = 96;
  const probes = [...breaks, ...spikes.map((s) => s.at)];
  for (const x of [...probes, ...Array.from({ length: n + 1 }, (_, i) => a + ((b - a) * i) / n)]) {
    if (x >= a && x <= b) peak = Math.max(peak, logF(x));
  }
  if (peak === -Infinity) return 0;
  // Start from 8 panels plus the feature points so that no narrow peak hides between nodes.
  const grid = Array.from({ length: 7 }, (_, i) => a + ((b - a) * (i + 1)) / 8);
  const { value } = integrateAdaptive(
    (x) => Math.exp(logF(x) - peak),
    a,
    b,
    [...breaks, ...grid],
    { relTol, maxPanels: 4000 },
    spikes,
  );
  return value * Math.exp(peak);
}

/** Foster 2D Pc over a hard-body circle of radius hbrM. */
export function fosterPc2d(input: Pc2dInput): Pc2dResult {
  const principal = remediateCovariance(input.covariancePlaneM2, input.hbrM);
  const [m1, m2] = principalMiss(input, principal);
  const base = { method: FOSTER_METHOD, principal, missMajorM: m1, missMinorM: m2 };
  const r = input.hbrM;
  if (!(r >= 0)) throw pcError('negativeHbr', { hbr: String(r) });
  if (r === 0) return { ...base, pc: 0 };
  if (r === Infinity) return { ...base, pc: 1 };
  const s1 = principal.sigmaMajorM;
  const s2 = principal.sigmaMinorM;
  if (!(s1 > 0 && s2 > 0)) {
    // Degenerate covariance (possible only with HBR = 0 handled above): a point mass at the origin.
    return { ...base, pc: Math.hypot(m1, m2) < r ? 1 : 0 };
  }
  const k1 = 1 / (Math.SQRT2 * s1);
  const k2 = 1 / (Math.SQRT2 * s2);
  const logNorm = Math.log(r / (2 * Math.sqrt(2 * Math.PI) * s1));
  const logF = (phi: number): number => {
    const half = r * Math.cos(phi);
    if (!(half > 0)) return -Infinity;
    const u = (m1 + r * Math.sin(phi)) * k1;
    return (
      logNorm + Math.log(Math.cos(phi)) - u * u + logErfDiff((m2 - half) * k2, (m2 + half) * k2)
    );
  };
  // The outer Gaussian peaks where m1 + R·sin φ = 0; its width in φ is at least σ1/R (wider where
  // cos φ is small, i.e. when the peak grazes the circle).
  const spikes: Spike[] = [{ at: Math.asin(Math.max(-1, Math.min(1, -m1 / r))), width: s1 / r }];
  const breaks: number[] = [];
  if (Math.abs(m2) < r) {
    const phiEdge = Math.acos(Math.abs(m2) / r);
    breaks.push(phiEdge, -phiEdge);
  }
  const pc = integrateLog(logF, -Math.PI / 2, Math.PI / 2, breaks, spikes, input.relTol);
  return { ...base, pc: Math.min(1, pc) };
}
