// Where each object of an event is around TCA, in one inertial frame (TEME for SGP4; a CDM's
// EME2000/GCRF state is drawn as if TEME: the frames differ by precession–nutation, a rotation of
// ≤ 0.5° common to both objects, so the encounter's geometry is unchanged and the pair is placed
// on the globe within a few tens of km).
import type { ElementSet } from '../catalog/types';
import { createSatrec } from '../propagation/satrec';
import { propagateTeme } from '../propagation/sgp4';
import { keplerPropagate } from './kepler';
import type { StateKm } from './types';

/** State at a time (UTC ms), km and km/s, or null where it cannot be computed. */
export type Trajectory = (timeMs: number) => StateKm | null;

export function sgp4Trajectory(el: ElementSet): Trajectory | null {
  const init = createSatrec(el);
  if (!init.ok) return null;
  const out = new Float64Array(6);
  return (timeMs) => {
    if (propagateTeme(init.satrec, el.epochMs, timeMs, out) !== 0) return null;
    return { rKm: [out[0], out[1], out[2]], vKmS: [out[3], out[4], out[5]] };
  };
}

/** Two-body propagation of a state given at `epochMs`. */
export function keplerTrajectory(state: StateKm, epochMs: number): Trajectory {
  return (timeMs) => keplerPropagate(state, (timeMs - epochMs) / 1000);
}

const sub = (a: readonly number[], b: readonly number[]) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

export function rangeKmAt(t1: Trajectory, t2: Trajectory, timeMs: number): number {
  const a = t1(timeMs);
  const b = t2(timeMs);
  if (!a || !b) return NaN;
  return Math.hypot(...sub(b.rKm, a.rKm));
}

export interface ClosestApproach {
  tcaMs: number;
  rangeKm: number;
  relSpeedKmS: number;
  state1: StateKm;
  state2: StateKm;
}

/**
 * The time of least range within ±halfWindowMs of a guess: a scan every stepMs, then golden
 * section on the bracketing pair of steps to ~0.1 ms. Null when either object cannot be
 * propagated there.
 */
export function closestApproach(
  t1: Trajectory,
  t2: Trajectory,
  guessMs: number,
  halfWindowMs = 300_000,
  stepMs = 5_000,
): ClosestApproach | null {
  let best = NaN;
  let bestT = guessMs;
  for (let t = guessMs - halfWindowMs; t <= guessMs + halfWindowMs; t += stepMs) {
    const r = rangeKmAt(t1, t2, t);
    if (Number.isNaN(r)) return null;
    if (!(r >= best)) {
      best = r;
      bestT = t;
    }
  }
  const g = (Math.sqrt(5) - 1) / 2;
  let a = bestT - stepMs;
  let b = bestT + stepMs;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = rangeKmAt(t1, t2, c);
  let fd = rangeKmAt(t1, t2, d);
  while (b - a > 0.1) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = rangeKmAt(t1, t2, c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = rangeKmAt(t1, t2, d);
    }
  }
  const tcaMs = (a + b) / 2;
  const s1 = t1(tcaMs);
  const s2 = t2(tcaMs);
  if (!s1 || !s2) return null;
  return {
    tcaMs,
    rangeKm: Math.hypot(...sub(s2.rKm, s1.rKm)),
    relSpeedKmS: Math.hypot(...sub(s2.vKmS, s1.vKmS)),
    state1: s1,
    state2: s2,
  };
}

/** Range every stepMs over TCA ± halfSpanMs (NaN where unknown), for the range plot. */
export function rangeSeries(
  t1: Trajectory,
  t2: Trajectory,
  tcaMs: number,
  halfSpanMs = 600_000,
  stepMs = 5_000,
): { offsetS: number; rangeKm: number }[] {
  const out: { offsetS: number; rangeKm: number }[] = [];
  for (let dt = -halfSpanMs; dt <= halfSpanMs; dt += stepMs) {
    out.push({ offsetS: dt / 1000, rangeKm: rangeKmAt(t1, t2, tcaMs + dt) });
  }
  return out;
}

/**
 * Both objects' trajectories for display: a CDM's own states (two-body from TCA), else SGP4 from
 * the catalog's elements, else two-body from whatever states at TCA the event carries.
 */
export function eventTrajectories(
  r: {
    source: string;
    id1: number | null;
    id2: number | null;
    tcaMs: number;
    states?: { object1: StateKm; object2: StateKm };
  },
  lookup: (id: number) => ElementSet | undefined,
): [Trajectory, Trajectory] | null {
  if (r.source !== 'cdm') {
    const el1 = r.id1 !== null ? lookup(r.id1) : undefined;
    const el2 = r.id2 !== null ? lookup(r.id2) : undefined;
    const t1 = el1 && sgp4Trajectory(el1);
    const t2 = el2 && sgp4Trajectory(el2);
    if (t1 && t2) return [t1, t2];
  }
  if (!r.states) return null;
  return [keplerTrajectory(r.states.object1, r.tcaMs), keplerTrajectory(r.states.object2, r.tcaMs)];
}
