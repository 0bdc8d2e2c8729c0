// OEM states and covariances in the app's propagation frame, TEME: EME2000 (and GCRF/ICRF, equal
// to it within the ~0.02″ frame bias) through precession–nutation, ITRF variants as Earth-fixed
// (polar motion ignored, as in frames/teme.ts). Covariances given in the orbit's RTN or TNW frame
// are rotated with the state at their epoch; the 6×6 maps are the Jacobians of the state maps.
import { eme2000ToTemeMatrix } from '../frames/precessionNutation';
import { rtnBasis } from '../frames/ric';
import { ecefToTemeAt } from '../frames/teme';
import { gmstRad } from '../time/julian';
import { stateAt } from './interpolate';
import type { OemCovariance, OemMessage, OemRefFrame, OemSegment, OemState, Vec3 } from './types';

type Map6 = (state: Float64Array) => Float64Array;

/** The linear map taking a state [r, v] in `frame` at `epochMs` to TEME. */
function toTemeMap(frame: OemRefFrame, epochMs: number): Map6 {
  if (frame === 'TEME') return (s) => Float64Array.from(s);
  if (frame.startsWith('ITRF')) {
    const gmst = gmstRad(epochMs);
    return (s) => {
      const out = new Float64Array(6);
      ecefToTemeAt(s, 0, gmst, out, 0);
      return out;
    };
  }
  const m = eme2000ToTemeMatrix(epochMs);
  return (s) => {
    const out = new Float64Array(6);
    for (let i = 0; i < 3; i++) {
      out[i] = m[i * 3] * s[0] + m[i * 3 + 1] * s[1] + m[i * 3 + 2] * s[2];
      out[i + 3] = m[i * 3] * s[3] + m[i * 3 + 1] * s[4] + m[i * 3 + 2] * s[5];
    }
    return out;
  };
}

/** 6×6 row-major matrix of a linear map, column by column from the unit vectors. */
function jacobian(map: Map6): Float64Array {
  const j = new Float64Array(36);
  for (let c = 0; c < 6; c++) {
    const e = new Float64Array(6);
    e[c] = 1;
    const col = map(e);
    for (let r = 0; r < 6; r++) j[r * 6 + c] = col[r];
  }
  return j;
}

/** J · C · Jᵀ for 6×6 row-major matrices. */
export function congruence6(j: ArrayLike<number>, c: ArrayLike<number>): Float64Array {
  const jc = new Float64Array(36);
  for (let r = 0; r < 6; r++)
    for (let k = 0; k < 6; k++) {
      let sum = 0;
      for (let m = 0; m < 6; m++) sum += j[r * 6 + m] * c[m * 6 + k];
      jc[r * 6 + k] = sum;
    }
  const out = new Float64Array(36);
  for (let r = 0; r < 6; r++)
    for (let k = 0; k < 6; k++) {
      let sum = 0;
      for (let m = 0; m < 6; m++) sum += jc[r * 6 + m] * j[k * 6 + m];
      out[r * 6 + k] = sum;
    }
  return out;
}

/** One state in `frame` → TEME. */
export function oemStateToTeme(state: OemState, frame: OemRefFrame): OemState {
  const s = Float64Array.of(...state.positionKm, ...state.velocityKmS);
  const t = toTemeMap(frame, state.epochMs)(s);
  const out: OemState = {
    epochMs: state.epochMs,
    positionKm: [t[0], t[1], t[2]],
    velocityKmS: [t[3], t[4], t[5]],
  };
  // Earth-fixed accelerations would need Coriolis and centrifugal terms: those are dropped.
  if (state.accelerationKmS2 && frame !== 'TEME' && !frame.startsWith('ITRF')) {
    const a = toTemeMap(frame, state.epochMs)(Float64Array.of(...state.accelerationKmS2, 0, 0, 0));
    out.accelerationKmS2 = [a[0], a[1], a[2]];
  }
  return out;
}

/**
 * Rows of the orbit's local frame (row-major 3×3, inertial → local) from r and v. RTN: radial,
 * transverse, normal (frames/ric.ts). TNW: along the velocity, in-plane normal, orbit normal.
 */
export function localBasis(kind: 'RTN' | 'TNW', r: Vec3, v: Vec3): Float64Array {
  if (kind === 'RTN') {
    const b = rtnBasis(r, v);
    if (!b) throw new RangeError('RTN frame undefined: position is zero or parallel to velocity');
    return b;
  }
  const rtn = localBasis('RTN', r, v);
  const vn = Math.hypot(v[0], v[1], v[2]);
  const t = [v[0] / vn, v[1] / vn, v[2] / vn];
  const w = [rtn[6], rtn[7], rtn[8]];
  const n = [w[1] * t[2] - w[2] * t[1], w[2] * t[0] - w[0] * t[2], w[0] * t[1] - w[1] * t[0]];
  return Float64Array.of(...t, ...n, ...w);
}

/** 6×6 block-diagonal rotation [B 0; 0 B] (inertial → local) for a covariance. */
function blockRotation(basis: Float64Array): Float64Array {
  const j = new Float64Array(36);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) {
      j[r * 6 + c] = basis[r * 3 + c];
      j[(r + 3) * 6 + c + 3] = basis[r * 3 + c];
    }
  return j;
}

function transpose6(m: Float64Array): Float64Array {
  const t = new Float64Array(36);
  for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) t[c * 6 + r] = m[r * 6 + c];
  return t;
}

/** The segment's state at the covariance epoch: interpolated, or the nearest when outside. */
function stateForCovariance(segment: OemSegment, epochMs: number): OemState {
  const s = stateAt(segment, epochMs);
  if (s) return s;
  const { states } = segment;
  return epochMs < states[0].epochMs ? states[0] : states[states.length - 1];
}

/**
 * A covariance of the segment as a 6×6 in TEME. Local-frame ones (RTN, TNW) are first taken to
 * the segment's frame with the state at their epoch (the local frame's rotation rate, below
 * 1e-3 rad/s, is left out of the velocity block, as CDM practice does).
 */
export function covarianceToTeme(cov: OemCovariance, segment: OemSegment): Float64Array {
  const frame = segment.metadata.refFrame;
  let matrix = cov.matrix;
  let from: OemRefFrame;
  if (cov.frame === 'RTN' || cov.frame === 'TNW') {
    const s = stateForCovariance(segment, cov.epochMs);
    const toLocal = blockRotation(localBasis(cov.frame, s.positionKm, s.velocityKmS));
    matrix = congruence6(transpose6(toLocal), matrix);
    from = frame;
  } else {
    from = cov.frame;
  }
  return congruence6(jacobian(toTemeMap(from, cov.epochMs)), matrix);
}

/** A TEME 6×6 covariance in the RTN frame of the TEME state (r, v). */
export function covarianceTemeToRtn(matrix: ArrayLike<number>, r: Vec3, v: Vec3): Float64Array {
  return congruence6(blockRotation(localBasis('RTN', r, v)), matrix);
}

/** The segment with its states (and covariances) in TEME, for propagation-frame consumers. */
export function segmentToTeme(segment: OemSegment): OemSegment {
  const frame = segment.metadata.refFrame;
  return {
    ...segment,
    metadata: { ...segment.metadata, refFrame: 'TEME' },
    states: segment.states.map((s) => oemStateToTeme(s, frame)),
    covariances: segment.covariances.map((c) => ({
      ...c,
      frame: 'TEME',
      matrix: covarianceToTeme(c, segment),
    })),
  };
}

/** Every segment of the message in TEME (see segmentToTeme). */
export function messageToTeme(message: OemMessage): OemMessage {
  return { ...message, segments: message.segments.map(segmentToTeme) };
}
