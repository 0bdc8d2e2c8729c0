import { describe, expect, it } from 'vitest';
import { fromRtn, rtnBasis, toRtn } from './ric';

describe('RTN frame', () => {
  it('is orthonormal and right-handed for an arbitrary state', () => {
    const b = rtnBasis([-6045.3, -3490.2, 2500.4], [-3.457, 6.618, 2.533])!;
    const row = (i: number) => [b[3 * i], b[3 * i + 1], b[3 * i + 2]];
    const dot = (a: number[], c: number[]) => a[0] * c[0] + a[1] * c[1] + a[2] * c[2];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        expect(dot(row(i), row(j))).toBeCloseTo(i === j ? 1 : 0, 14);
      }
    }
    const [r, t, n] = [row(0), row(1), row(2)];
    const cross = [r[1] * t[2] - r[2] * t[1], r[2] * t[0] - r[0] * t[2], r[0] * t[1] - r[1] * t[0]];
    cross.forEach((c, k) => expect(c).toBeCloseTo(n[k], 14));
  });

  it('matches a hand-computed case and round-trips', () => {
    // r along x, v in the x–y plane with a radial part: R = x̂, N = ẑ, T = ŷ.
    const b = rtnBasis([7000, 0, 0], [0.5, 7.5, 0])!;
    expect(Array.from(b)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    // Orbit plane tilted 45° about x: r = (7000, 0, 0), v = (0, 5, 5) → T = (0, 1, 1)/√2, N = (0, −1, 1)/√2.
    const c = rtnBasis([7000, 0, 0], [0, 5, 5])!;
    const s = Math.SQRT1_2;
    [1, 0, 0, 0, s, s, 0, -s, s].forEach((e, k) => expect(c[k]).toBeCloseTo(e, 15));
    const inRtn = toRtn(c, [1, 2, 3]);
    [1, (2 + 3) * s, (3 - 2) * s].forEach((e, k) => expect(inRtn[k]).toBeCloseTo(e, 14));
    const back = fromRtn(c, inRtn);
    [1, 2, 3].forEach((e, k) => expect(back[k]).toBeCloseTo(e, 13));
  });

  it('refuses degenerate states', () => {
    expect(rtnBasis([0, 0, 0], [1, 2, 3])).toBeNull();
    expect(rtnBasis([7000, 0, 0], [3, 0, 0])).toBeNull();
  });
});
