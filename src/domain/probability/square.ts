// Square hard bodies. The equal-area square (side R·√π, aligned with the covariance's principal
// axes) has a closed form, a product of two erf differences, and is a cheap cross-check of the
// circle integral. CARA also reports a square of side 2R aligned with the encounter-frame axes
// (x̂, ẑ); that one needs one numerical integral because the Gaussian is correlated in those axes.
import { logErfDiff } from './erf';
import {
  integrateLog,
  type Pc2dInput,
  type PrincipalCovariance,
  principalMiss,
  remediateCovariance,
} from './foster';

export const SQUARE_EQUAL_AREA_METHOD = 'SQUARE-EQUAL-AREA';
export const SQUARE_FRAME_ALIGNED_METHOD = 'SQUARE-FRAME-ALIGNED';

export interface SquarePcResult {
  pc: number;
  method: string;
  /** Side of the square, m. */
  sideM: number;
  principal: PrincipalCovariance;
}

/** Pc over a square of the circle's area, centred on the miss, aligned with the principal axes. */
export function squareEqualAreaPc(input: Pc2dInput): SquarePcResult {
  const principal = remediateCovariance(input.covariancePlaneM2, input.hbrM);
  const sideM = input.hbrM * Math.sqrt(Math.PI);
  const base = { method: SQUARE_EQUAL_AREA_METHOD, sideM, principal };
  if (!(input.hbrM > 0)) return { ...base, pc: 0 };
  if (input.hbrM === Infinity) return { ...base, pc: 1 };
  const [m1, m2] = principalMiss(input, principal);
  const a = sideM / 2;
  const k1 = 1 / (Math.SQRT2 * principal.sigmaMajorM);
  const k2 = 1 / (Math.SQRT2 * principal.sigmaMinorM);
  const logPc =
    Math.log(0.25) +
    logErfDiff((m1 - a) * k1, (m1 + a) * k1) +
    logErfDiff((m2 - a) * k2, (m2 + a) * k2);
  return { ...base, pc: Math.min(1, Math.exp(logPc)) };
}

/** Pc over a square of side 2·HBR aligned with the encounter-plane axes of the input (x, z). */
export function squareFrameAlignedPc(input: Pc2dInput): SquarePcResult {
  const principal = remediateCovariance(input.covariancePlaneM2, input.hbrM);
  const sideM = 2 * input.hbrM;
  const base = { method: SQUARE_FRAME_ALIGNED_METHOD, sideM, principal };
  if (!(input.hbrM > 0)) return { ...base, pc: 0 };
  if (input.hbrM === Infinity) return { ...base, pc: 1 };
  const { xx, xz, zz } = principal.covarianceM2;
  const a = input.hbrM;
  const { missXM: mx, missZM: mz } = input;
  // z given x is Gaussian with mean (xz/xx)·x and variance zz − xz²/xx.
  const slope = xz / xx;
  const kz = 1 / (Math.SQRT2 * Math.sqrt(zz - xz * slope));
  const kx = 1 / (Math.SQRT2 * Math.sqrt(xx));
  const logNorm = Math.log(a / (2 * Math.sqrt(2 * Math.PI * xx)));
  // x = mx + a·t, t ∈ [−1, 1].
  const logF = (t: number): number => {
    const x = mx + a * t;
    const mu = slope * x;
    return logNorm - (x * kx) ** 2 + logErfDiff((mz - a - mu) * kz, (mz + a - mu) * kz);
  };
  const spikes = [{ at: Math.max(-1, Math.min(1, -mx / a)), width: Math.sqrt(xx) / a }];
  return { ...base, pc: Math.min(1, integrateLog(logF, -1, 1, [], spikes)) };
}
