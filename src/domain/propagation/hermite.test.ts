import { describe, expect, it } from 'vitest';
import { hermiteAt, hermiteState, interpolateSamples } from './hermite';

// p(t) = a + b·t + c·t² + d·t³ per axis (km, t in s), and its derivative.
const coef = [
  [7000, 1.5, -3e-3, 2e-6],
  [-120, -7.2, 5e-4, -7e-7],
  [33, 0.3, 1e-3, 4e-6],
];
const p = (t: number) => coef.map(([a, b, c, d]) => a + b * t + c * t * t + d * t * t * t);
const v = (t: number) => coef.map(([, b, c, d]) => b + 2 * c * t + 3 * d * t * t);
const state = (t: number) => [...p(t), ...v(t)];

describe('cubic Hermite interpolation', () => {
  it('is exact for cubic polynomials, position and velocity', () => {
    const t0 = 40;
    const dt = 90;
    const src = [...state(t0), ...state(t0 + dt)];
    const out = new Float64Array(6);
    for (const tau of [0, 0.1, 0.25, 0.5, 0.77, 1]) {
      hermiteAt(src, 0, 6, dt, tau, out);
      const expected = state(t0 + tau * dt);
      for (let k = 0; k < 6; k++) expect(out[k]).toBeCloseTo(expected[k], 10);
    }
  });

  it('hermiteState agrees with hermiteAt and hits the end states', () => {
    const s0 = { rKm: p(0) as [number, number, number], vKmS: v(0) as [number, number, number] };
    const s1 = { rKm: p(60) as [number, number, number], vKmS: v(60) as [number, number, number] };
    expect(hermiteState(s0, s1, 60, 0)).toEqual(s0);
    const end = hermiteState(s0, s1, 60, 1);
    end.rKm.forEach((x, k) => expect(x).toBeCloseTo(s1.rKm[k], 12));
    end.vKmS.forEach((x, k) => expect(x).toBeCloseTo(s1.vKmS[k], 12));
  });

  it('reads the sample-major layout, refuses gaps and out-of-range times', () => {
    // Two objects, three samples 30 s apart; object 1 is a cubic, object 0 fails at sample 2.
    const n = 2;
    const samples = new Float64Array(3 * n * 6);
    for (let s = 0; s < 3; s++) {
      samples.set(state(s * 30), (s * n + 1) * 6);
      samples.set(s < 2 ? state(1000 + s * 30) : new Array(6).fill(NaN), (s * n + 0) * 6);
    }
    const t0Ms = 1e12;
    const out = new Float64Array(6);
    for (const tSec of [0, 12.5, 30, 47, 60]) {
      expect(interpolateSamples(samples, n, 1, t0Ms, 30_000, 3, t0Ms + tSec * 1000, out)).toBe(
        true,
      );
      const expected = state(tSec);
      for (let k = 0; k < 6; k++) expect(out[k]).toBeCloseTo(expected[k], 9);
    }
    expect(interpolateSamples(samples, n, 0, t0Ms, 30_000, 3, t0Ms + 10_000, out)).toBe(true);
    expect(interpolateSamples(samples, n, 0, t0Ms, 30_000, 3, t0Ms + 40_000, out)).toBe(false);
    expect(Number.isNaN(out[0])).toBe(true);
    expect(interpolateSamples(samples, n, 1, t0Ms, 30_000, 3, t0Ms - 1, out)).toBe(false);
    expect(interpolateSamples(samples, n, 1, t0Ms, 30_000, 3, t0Ms + 60_001, out)).toBe(false);
  });
});
