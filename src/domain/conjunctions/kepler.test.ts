import { describe, expect, it } from 'vitest';
import { keplerPropagate, MU_EARTH_KM3_S2 } from './kepler';
import type { StateKm } from './types';

describe('two-body propagation', () => {
  it('a circular orbit comes back after one period and is a quarter turn on after a quarter', () => {
    const r = 6928;
    const v = Math.sqrt(MU_EARTH_KM3_S2 / r);
    const period = 2 * Math.PI * Math.sqrt(r ** 3 / MU_EARTH_KM3_S2);
    const s0 = { rKm: [r, 0, 0] as const, vKmS: [0, v, 0] as const };
    const full = keplerPropagate(s0, period);
    expect(Math.hypot(full.rKm[0] - r, full.rKm[1], full.rKm[2])).toBeLessThan(1e-6);
    const quarter = keplerPropagate(s0, period / 4);
    expect(quarter.rKm[0]).toBeCloseTo(0, 6);
    expect(quarter.rKm[1]).toBeCloseTo(r, 6);
    expect(quarter.vKmS[0]).toBeCloseTo(-v, 9);
  });

  it('an eccentric orbit conserves energy and angular momentum, and forward then back is identity', () => {
    const s0: StateKm = { rKm: [7000, 300, -200], vKmS: [0.5, 8.2, 2.1] };
    const energy = (s: StateKm) =>
      Math.hypot(...s.vKmS) ** 2 / 2 - MU_EARTH_KM3_S2 / Math.hypot(...s.rKm);
    const h = (s: StateKm) => [
      s.rKm[1] * s.vKmS[2] - s.rKm[2] * s.vKmS[1],
      s.rKm[2] * s.vKmS[0] - s.rKm[0] * s.vKmS[2],
      s.rKm[0] * s.vKmS[1] - s.rKm[1] * s.vKmS[0],
    ];
    for (const dt of [-600, 37, 600, 5400]) {
      const s = keplerPropagate(s0, dt);
      expect(energy(s)).toBeCloseTo(energy(s0), 9);
      h(s).forEach((c, i) => expect(c).toBeCloseTo(h(s0)[i], 6));
      const back = keplerPropagate(s, -dt);
      back.rKm.forEach((c, i) => expect(c).toBeCloseTo(s0.rKm[i], 6));
      back.vKmS.forEach((c, i) => expect(c).toBeCloseTo(s0.vKmS[i], 9));
    }
  });
});
