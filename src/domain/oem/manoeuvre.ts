// A planned impulsive manoeuvre applied to sampled inertial states, for "what would this burn
// run into?": the states after the burn are the nominal ones plus the difference between two
// two-body arcs from the burn state, one with the delta-v and one without. The perturbations
// (drag, J2) the nominal states carry are kept; only the burn's effect is two-body, which is
// accurate to well under 1% of the displacement over a day for burns of a few m/s in LEO.
import { keplerPropagate } from '../conjunctions/kepler';
import { fromRtn, rtnBasis } from '../frames/ric';
import type { OemState, Vec3 } from './types';

export interface PlannedStates {
  /** The nominal states up to and including the burn. */
  before: OemState[];
  /** From the burn on, the burn applied (the first state is the burn instant, velocity changed). */
  after: OemState[];
}

/**
 * The states with an impulse of dvRtnMS (radial, along-track, cross-track, m/s) at burnMs, which
 * must be the epoch of one of the states (inertial frame: EME2000, GCRF or TEME).
 */
export function applyImpulsiveBurn(
  states: readonly OemState[],
  burnMs: number,
  dvRtnMS: Vec3,
): PlannedStates {
  const k = states.findIndex((s) => s.epochMs === burnMs);
  if (k < 0) throw new Error('the burn must fall on a state epoch');
  const burn = states[k];
  const basis = rtnBasis(burn.positionKm, burn.velocityKmS);
  if (!basis) throw new Error('no RTN frame at the burn state');
  const dv = fromRtn(basis, [dvRtnMS[0] / 1e3, dvRtnMS[1] / 1e3, dvRtnMS[2] / 1e3]);
  const plain = { rKm: burn.positionKm, vKmS: burn.velocityKmS };
  const burnt = {
    rKm: burn.positionKm,
    vKmS: burn.velocityKmS.map((v, i) => v + dv[i]) as Vec3,
  };
  const after = states.slice(k).map((s) => {
    const dtS = (s.epochMs - burnMs) / 1000;
    const a = keplerPropagate(burnt, dtS);
    const b = keplerPropagate(plain, dtS);
    const add = (x: Vec3, p: Readonly<Vec3>, q: Readonly<Vec3>) =>
      x.map((xi, i) => xi + p[i] - q[i]) as Vec3;
    return {
      epochMs: s.epochMs,
      positionKm: add(s.positionKm, a.rKm, b.rKm),
      velocityKmS: add(s.velocityKmS, a.vKmS, b.vKmS),
    };
  });
  return { before: states.slice(0, k + 1), after };
}
