import { describe, expect, it } from 'vitest';
import { keplerPropagate } from '../conjunctions/kepler';
import { inertialToRtn } from '../probability/rtn';
import { applyImpulsiveBurn } from './manoeuvre';
import type { OemState, Vec3 } from './types';

// A circular 7000 km orbit sampled from two-body motion: the burn's effect can be checked exactly.
const r0: Vec3 = [7000, 0, 0];
const v0: Vec3 = [0, Math.sqrt(398600.4418 / 7000), 0];
const states: OemState[] = Array.from({ length: 121 }, (_, k) => {
  const s = keplerPropagate({ rKm: r0, vKmS: v0 }, k * 60);
  return { epochMs: k * 60_000, positionKm: [...s.rKm], velocityKmS: [...s.vKmS] };
});

describe('applyImpulsiveBurn', () => {
  it('splits at the burn and changes the velocity there by the delta-v in RTN', () => {
    const { before, after } = applyImpulsiveBurn(states, 30 * 60_000, [0.5, 2, -1]);
    expect(before).toHaveLength(31);
    expect(after).toHaveLength(91);
    expect(after[0].positionKm).toEqual(states[30].positionKm);
    const dv = after[0].velocityKmS.map((v, i) => (v - states[30].velocityKmS[i]) * 1e3) as Vec3;
    const rtn = inertialToRtn(dv, states[30].positionKm, states[30].velocityKmS);
    [0.5, 2, -1].forEach((x, i) => expect(rtn[i]).toBeCloseTo(x, 9));
  });

  it('on two-body states, the states after are the two-body arc of the burnt state', () => {
    const { after } = applyImpulsiveBurn(states, 30 * 60_000, [0, 1, 0]);
    const burnt = { rKm: after[0].positionKm, vKmS: after[0].velocityKmS };
    const last = keplerPropagate(burnt, 90 * 60);
    const d = Math.hypot(...last.rKm.map((x, i) => x - after[90].positionKm[i]));
    expect(d).toBeLessThan(1e-6);
    // 1 m/s along-track for 90 min: several km from the nominal.
    const drift = Math.hypot(...states[120].positionKm.map((x, i) => x - after[90].positionKm[i]));
    expect(drift).toBeGreaterThan(5);
  });

  it('refuses a burn between states', () => {
    expect(() => applyImpulsiveBurn(states, 30_000, [0, 1, 0])).toThrow('state epoch');
  });
});
