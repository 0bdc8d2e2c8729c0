// States between an OEM's samples, by the segment's own INTERPOLATION and INTERPOLATION_DEGREE:
// Lagrange (position and velocity each through degree+1 samples), Hermite (position and velocity
// together: degree d uses ⌈(d+1)/2⌉ samples), or linear; always over a window of samples centred
// on the instant and never across a segment boundary (a manoeuvre may sit there).
import type { OemInterpolation, OemSegment, Vec3 } from './types';

export interface InterpolationChoice {
  method: OemInterpolation;
  degree: number;
}

export interface InterpolatedState {
  epochMs: number;
  positionKm: Vec3;
  velocityKmS: Vec3;
  /** Index (1-based, as in the file) of the segment that gave it. */
  segment: number;
}

/**
 * The standard leaves the method to the parties when INTERPOLATION is absent; we then use
 * Lagrange of degree 7 (or of the INTERPOLATION_DEGREE given), the common choice for 60 s
 * ephemerides of Earth orbiters.
 */
export const DEFAULT_INTERPOLATION: InterpolationChoice = { method: 'LAGRANGE', degree: 7 };

export function interpolationOf(segment: OemSegment): InterpolationChoice {
  const { interpolation, interpolationDegree } = segment.metadata;
  const method = interpolation ?? DEFAULT_INTERPOLATION.method;
  if (method === 'LINEAR') return { method, degree: 1 };
  return { method, degree: interpolationDegree ?? DEFAULT_INTERPOLATION.degree };
}

/** [first, last] instants where the segment may be used: its useable span within its states. */
export function usableSpan(segment: OemSegment): [number, number] {
  const { states, metadata } = segment;
  return [
    Math.max(metadata.useableStartMs ?? metadata.startMs, states[0].epochMs),
    Math.min(metadata.useableStopMs ?? metadata.stopMs, states[states.length - 1].epochMs),
  ];
}

/**
 * The state at `epochMs` in the segment's frame, or null outside its usable span (or, for a whole
 * message, outside every segment's). Where two segments meet, the later one is used. `choice`
 * overrides the file's method (to compare methods).
 */
export function stateAt(
  source: OemSegment | { readonly segments: readonly OemSegment[] },
  epochMs: number,
  choice?: InterpolationChoice,
): InterpolatedState | null {
  const segments = 'segments' in source ? source.segments : [source];
  for (let k = segments.length - 1; k >= 0; k--) {
    const [from, to] = usableSpan(segments[k]);
    if (epochMs >= from && epochMs <= to) return interpolate(segments[k], epochMs, choice);
  }
  return null;
}

/** Index of the last state at or before t (t within the states' span). */
function bracket(segment: OemSegment, t: number): number {
  const { states } = segment;
  let lo = 0;
  let hi = states.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (states[mid].epochMs <= t) lo = mid;
    else hi = mid;
  }
  return states[hi].epochMs <= t ? hi : lo;
}

function interpolate(
  segment: OemSegment,
  t: number,
  choice = interpolationOf(segment),
): InterpolatedState {
  const { states } = segment;
  const points =
    choice.method === 'HERMITE'
      ? Math.ceil((choice.degree + 1) / 2)
      : choice.method === 'LINEAR'
        ? 2
        : choice.degree + 1;
  const n = Math.min(points, states.length);
  const k = bracket(segment, t);
  // Centre the window on the interval holding t, shifted inward at the segment's ends.
  const first = Math.max(0, Math.min(k - Math.floor((n - 1) / 2), states.length - n));
  const window = states.slice(first, first + n);
  // Seconds from t keep the arithmetic well scaled.
  const x = window.map((s) => (s.epochMs - t) / 1000);
  const positionKm: Vec3 = [0, 0, 0];
  const velocityKmS: Vec3 = [0, 0, 0];
  if (choice.method === 'HERMITE') {
    for (let c = 0; c < 3; c++) {
      [positionKm[c], velocityKmS[c]] = hermiteAtZero(
        x,
        window.map((s) => s.positionKm[c]),
        window.map((s) => s.velocityKmS[c]),
      );
    }
  } else {
    const w = lagrangeWeightsAtZero(x);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 3; c++) {
        positionKm[c] += w[i] * window[i].positionKm[c];
        velocityKmS[c] += w[i] * window[i].velocityKmS[c];
      }
    }
  }
  return { epochMs: t, positionKm, velocityKmS, segment: segment.index };
}

/** Lagrange basis weights at 0 for nodes x (linear interpolation is the two-node case). */
function lagrangeWeightsAtZero(x: number[]): number[] {
  return x.map((xi, i) => {
    let w = 1;
    for (let j = 0; j < x.length; j++) if (j !== i) w *= (0 - x[j]) / (xi - x[j]);
    return w;
  });
}

/**
 * Value and derivative at 0 of the Hermite polynomial through (x_i, f_i) with slopes d_i: Newton
 * divided differences on doubled nodes, then Horner for p and p′ together.
 */
function hermiteAtZero(x: number[], f: number[], d: number[]): [number, number] {
  const m = 2 * x.length;
  const z = new Float64Array(m);
  const q = new Float64Array(m);
  for (let i = 0; i < x.length; i++) {
    z[2 * i] = z[2 * i + 1] = x[i];
    q[2 * i] = q[2 * i + 1] = f[i];
  }
  const coef = new Float64Array(m);
  coef[0] = q[0];
  // Column by column, in place: after pass j, q[i] holds f[z_{i−j} … z_i].
  for (let j = 1; j < m; j++) {
    for (let i = m - 1; i >= j; i--) {
      q[i] = j === 1 && z[i] === z[i - 1] ? d[i >> 1] : (q[i] - q[i - 1]) / (z[i] - z[i - j]);
    }
    coef[j] = q[j];
  }
  let p = coef[m - 1];
  let dp = 0;
  for (let i = m - 2; i >= 0; i--) {
    dp = dp * (0 - z[i]) + p;
    p = p * (0 - z[i]) + coef[i];
  }
  return [p, dp];
}
