// Foster Pc against an independent brute-force integration: tensor Gauss–Legendre in polar
// coordinates around the miss point (no erf, no principal axes, no adaptivity), on random
// geometries where the Gaussian is smooth on the scale of the circle.
import { describe, expect, it } from 'vitest';
import { fosterPc2d } from './foster';

function gaussLegendre(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * dp * dp));
  }
  return { x, w };
}

function bruteForce(mx: number, mz: number, xx: number, xz: number, zz: number, r: number) {
  const det = xx * zz - xz * xz;
  const [ixx, ixz, izz] = [zz / det, -xz / det, xx / det];
  const { x, w } = gaussLegendre(96);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const rho = (r * (x[i] + 1)) / 2;
    for (let j = 0; j < x.length; j++) {
      const th = Math.PI * (x[j] + 1);
      const px = mx + rho * Math.cos(th);
      const pz = mz + rho * Math.sin(th);
      const q = ixx * px * px + 2 * ixz * px * pz + izz * pz * pz;
      sum += w[i] * w[j] * rho * Math.exp(-0.5 * q);
    }
  }
  return (sum * (r / 2) * Math.PI) / (2 * Math.PI) / Math.sqrt(det);
}

describe('fosterPc2d vs brute force', () => {
  it('agrees to 1e-9 relative on 60 random geometries', () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let worst = 0;
    for (let k = 0; k < 60; k++) {
      const r = 1 + 20 * rand();
      const s1 = r * (0.5 + 20 * rand());
      const s2 = r * (0.3 + 3 * rand());
      const a = Math.PI * rand();
      const [c, s] = [Math.cos(a), Math.sin(a)];
      const xx = s1 * s1 * c * c + s2 * s2 * s * s;
      const zz = s1 * s1 * s * s + s2 * s2 * c * c;
      const xz = (s1 * s1 - s2 * s2) * c * s;
      const mx = (rand() - 0.5) * 4 * s1;
      const mz = (rand() - 0.5) * 4 * s2;
      const want = bruteForce(mx, mz, xx, xz, zz, r);
      const got = fosterPc2d({
        missXM: mx,
        missZM: mz,
        covariancePlaneM2: { xx, xz, zz },
        hbrM: r,
      }).pc;
      const e = Math.abs(got - want) / want;
      worst = Math.max(worst, e);
      expect(e, `case ${k}: ${got} vs ${want}`).toBeLessThan(1e-9);
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('rejects a negative or NaN hard-body radius', () => {
    const cov = { xx: 1, xz: 0, zz: 1 };
    expect(() => fosterPc2d({ missXM: 0, missZM: 0, covariancePlaneM2: cov, hbrM: -1 })).toThrow();
    expect(() => fosterPc2d({ missXM: 0, missZM: 0, covariancePlaneM2: cov, hbrM: NaN })).toThrow();
  });

  it('grazing and narrow cases: a tiny sigma on the circle edge gives ~1/2', () => {
    const pc = fosterPc2d({
      missXM: 10,
      missZM: 0,
      covariancePlaneM2: { xx: 1e-6, xz: 0, zz: 1e-6 },
      hbrM: 10,
    }).pc;
    expect(Math.abs(pc - 0.5)).toBeLessThan(1e-3);
    // Needle covariance (σ 1e-3 m across, 1 km along) through the circle centre: chord fraction.
    const needle = fosterPc2d({
      missXM: 0,
      missZM: 0,
      covariancePlaneM2: { xx: 1e6, xz: 0, zz: 1e-6 },
      hbrM: 10,
    }).pc;
    const want = (2 * 10) / (Math.sqrt(2 * Math.PI) * 1000); // ≈ density at 0 × chord length
    expect(Math.abs(needle - want) / want).toBeLessThan(1e-4);
  });
});
