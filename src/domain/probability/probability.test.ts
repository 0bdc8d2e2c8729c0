import { describe, expect, it } from 'vitest';
import { conjunctionPc } from './conjunctionPc';
import { encounterPlaneRtn } from './encounter';
import { erfc } from './erf';
import { FOSTER_METHOD, fosterPc2d, remediateCovariance } from './foster';
import { dot, type Mat3, type Vec3 } from './linalg';
import { ALFANO_MAX_METHOD, alfano2005MaxPc, maxPcOverScale, socratesMaxPc } from './maxPc';
import { integrateAdaptive } from './quadrature';
import { covarianceRtnToInertial, inertialToRtn, rtnBasis } from './rtn';
import { SQUARE_EQUAL_AREA_METHOD, squareEqualAreaPc } from './square';

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);
const iso = (sigmaM: number) => ({ xx: sigmaM ** 2, xz: 0, zz: sigmaM ** 2 });

describe('erfc', () => {
  it('keeps relative precision deep in the tail', () => {
    // erfc(10) = 2.088487583762545e-45, erfc(25) = 8.300172571196522e-274 (reference values).
    expect(rel(erfc(10), 2.088487583762545e-45)).toBeLessThan(1e-13);
    expect(rel(erfc(25), 8.300172571196522e-274)).toBeLessThan(1e-13);
    expect(rel(erfc(-1), 1.8427007929497148)).toBeLessThan(1e-15);
  });
});

describe('integrateAdaptive', () => {
  it('finds a narrow spike centred on a panel edge', () => {
    const w = 1e-6;
    const f = (x: number) => Math.exp(-(((x - 0.3) / w) ** 2));
    const { value } = integrateAdaptive(f, 0, 1, [], {}, [{ at: 0.3, width: w }]);
    expect(rel(value, w * Math.sqrt(Math.PI))).toBeLessThan(1e-9);
  });
});

describe('fosterPc2d', () => {
  it('isotropic covariance, zero miss: 1 − exp(−R²/2σ²)', () => {
    for (const [r, s] of [
      [1, 100],
      [10, 10],
      [50, 10],
    ]) {
      const pc = fosterPc2d({ missXM: 0, missZM: 0, covariancePlaneM2: iso(s), hbrM: r }).pc;
      expect(rel(pc, -Math.expm1(-(r * r) / (2 * s * s))), `R=${r} σ=${s}`).toBeLessThan(1e-9);
      expect(fosterPc2d({ missXM: 0, missZM: 0, covariancePlaneM2: iso(s), hbrM: r }).method).toBe(
        FOSTER_METHOD,
      );
    }
  });

  it('near 1: 1 − Pc is resolved to ~1e-13', () => {
    const pc = fosterPc2d({ missXM: 0, missZM: 0, covariancePlaneM2: iso(1), hbrM: 7 }).pc;
    expect(Math.abs(1 - pc - Math.exp(-24.5))).toBeLessThan(1e-13);
  });

  it('tiny Pc far in the tail matches the small-body limit πR²·density(miss)', () => {
    const sx = 200;
    const sz = 50;
    const d = 8000; // 40 σ along the major axis → Pc ~ 1e-350 would underflow; use 30 σ
    const missX = 0.75 * d;
    const r = 0.01;
    const density = Math.exp(-(missX * missX) / (2 * sx * sx)) / (2 * Math.PI * sx * sz);
    const pc = fosterPc2d({
      missXM: missX,
      missZM: 0,
      covariancePlaneM2: { xx: sx * sx, xz: 0, zz: sz * sz },
      hbrM: r,
    }).pc;
    expect(pc).toBeGreaterThan(0);
    expect(pc).toBeLessThan(1e-190);
    expect(rel(pc, Math.PI * r * r * density)).toBeLessThan(1e-6);
  });

  it('is invariant to rotating the plane axes', () => {
    const base = fosterPc2d({
      missXM: 30,
      missZM: 0,
      covariancePlaneM2: { xx: 400, xz: 0, zz: 100 },
      hbrM: 12,
    }).pc;
    const a = 0.7;
    const c = Math.cos(a);
    const s = Math.sin(a);
    const rotated = fosterPc2d({
      missXM: 30 * c,
      missZM: 30 * s,
      covariancePlaneM2: {
        xx: 400 * c * c + 100 * s * s,
        xz: 300 * c * s,
        zz: 400 * s * s + 100 * c * c,
      },
      hbrM: 12,
    }).pc;
    expect(rel(rotated, base)).toBeLessThan(1e-10);
  });

  it('clips non-positive-definite covariances at (1e-4·HBR)²', () => {
    const p = remediateCovariance({ xx: 100, xz: 0, zz: -5 }, 20);
    expect(p.remediated).toBe(true);
    expect(p.sigmaMinorM).toBeCloseTo(2e-3, 12);
    expect(remediateCovariance({ xx: 100, xz: 0, zz: 5 }, 20).remediated).toBe(false);
  });
});

describe('squareEqualAreaPc', () => {
  it('tracks the circle for HBR ≪ σ and names its method', () => {
    const input = {
      missXM: 40,
      missZM: 5,
      covariancePlaneM2: { xx: 900, xz: 200, zz: 400 },
      hbrM: 2,
    };
    const sq = squareEqualAreaPc(input);
    expect(sq.method).toBe(SQUARE_EQUAL_AREA_METHOD);
    expect(rel(sq.pc, fosterPc2d(input).pc)).toBeLessThan(1e-3);
  });
});

describe('RTN rotation', () => {
  const r: Vec3 = [7000e3, 100e3, -50e3];
  const v: Vec3 = [100, 7500, 1000];
  it('R̂, T̂, N̂ are orthonormal and T̂ is along the velocity for a circular orbit', () => {
    const [rh, th, nh] = rtnBasis(r, v);
    expect(dot(rh, th)).toBeCloseTo(0, 14);
    expect(dot(rh, nh)).toBeCloseTo(0, 14);
    expect(dot(th, v)).toBeGreaterThan(0);
  });
  it('a diagonal RTN covariance keeps its sigmas along R̂, T̂, N̂', () => {
    const c: Mat3 = [
      [100, 0, 0],
      [0, 90000, 0],
      [0, 0, 400],
    ];
    const ci = covarianceRtnToInertial(c, r, v);
    const [rh, th] = rtnBasis(r, v);
    const quad = (u: Vec3) =>
      u.reduce((acc, ui, i) => acc + ui * u.reduce((s, uj, j) => s + ci[i][j] * uj, 0), 0);
    expect(rel(quad(rh), 100)).toBeLessThan(1e-12);
    expect(rel(quad(th), 90000)).toBeLessThan(1e-12);
    expect(inertialToRtn(th, r, v)[1]).toBeCloseTo(1, 14);
  });
});

describe('maximum Pc', () => {
  it('Alfano 2005: approaches AR·R²/(e·d²) with σmajor = d/√2 for HBR ≪ miss', () => {
    for (const ar of [1, 3, 10]) {
      const m = alfano2005MaxPc(1000, 1, ar);
      expect(m.method).toBe(ALFANO_MAX_METHOD);
      expect(rel(m.pcMax, m.closedFormPc), `AR ${ar}`).toBeLessThan(1e-4);
      expect(rel(m.sigmaMajorM, 1000 / Math.SQRT2)).toBeLessThan(1e-3);
      expect(rel(m.sigmaMajorM / m.sigmaMinorM, ar)).toBeLessThan(1e-9);
    }
  });

  it('is 1 when the miss is inside the hard body, and larger than any single-scale Pc', () => {
    expect(alfano2005MaxPc(5, 10, 3).pcMax).toBe(1);
    const m = alfano2005MaxPc(50, 10, 3);
    for (const sigmaMinor of [5, 10, 20, 40, 80]) {
      const pc = fosterPc2d({
        missXM: 50,
        missZM: 0,
        hbrM: 10,
        covariancePlaneM2: { xx: (3 * sigmaMinor) ** 2, xz: 0, zz: sigmaMinor ** 2 },
      }).pc;
      expect(pc).toBeLessThanOrEqual(m.pcMax * (1 + 1e-9));
    }
    // Worst-case orientation: the same shape with the minor axis on the miss gives less.
    const minorOnMiss = maxPcOverScale(50, 0, { xx: 1, xz: 0, zz: 9 }, 10);
    expect(minorOnMiss.pcMax).toBeLessThan(m.pcMax);
  });

  it('SOCRATES-style: assumed 100/300/100 m sigmas, bounded by the worst orientation', () => {
    const r1: Vec3 = [6_778_000, 0, 0];
    const v1: Vec3 = [0, 7_670, 0];
    const r2: Vec3 = [6_778_000, 0, 120];
    const v2: Vec3 = [0, 5_424, 5_424];
    const m = socratesMaxPc(
      { positionM: r1, velocityMS: v1 },
      { positionM: r2, velocityMS: v2 },
      10,
    );
    expect(m.missM).toBeCloseTo(120, 9);
    expect(m.pcMax).toBeGreaterThanOrEqual(m.pcAtAssumedSigmas);
    expect(m.pcMax).toBeLessThanOrEqual(m.worstCaseOrientationPc * (1 + 1e-9));
    expect(m.aspectRatio).toBeGreaterThan(1);
    expect(m.aspectRatio).toBeLessThanOrEqual(3 + 1e-9);
  });
});

describe('conjunctionPc', () => {
  it('RTN and inertial covariance inputs agree', () => {
    const o1 = { positionM: [7000e3, 0, 0] as Vec3, velocityMS: [0, 7546, 0] as Vec3 };
    const o2 = { positionM: [7000e3, 30, 80] as Vec3, velocityMS: [0, 0, 7546] as Vec3 };
    const c: Mat3 = [
      [400, 50, 0],
      [50, 10000, 20],
      [0, 20, 900],
    ];
    const a = conjunctionPc({
      object1: o1,
      object2: o2,
      covariance1M2: c,
      covariance2M2: c,
      covarianceFrame: 'RTN',
      hbrM: 15,
    });
    const b = conjunctionPc({
      object1: o1,
      object2: o2,
      covariance1M2: covarianceRtnToInertial(c, o1.positionM, o1.velocityMS),
      covariance2M2: covarianceRtnToInertial(c, o2.positionM, o2.velocityMS),
      covarianceFrame: 'INERTIAL',
      hbrM: 15,
    });
    expect(rel(a.foster.pc, b.foster.pc)).toBeLessThan(1e-12);
    expect(a.plane.relSpeedMS).toBeCloseTo(Math.SQRT2 * 7546, 6);
    expect(encounterPlaneRtn(o1, c, o2, c).missM).toBeCloseTo(Math.hypot(30, 80), 9);
  });
});

describe('encounter frame', () => {
  it('survives a zero miss vector (Pc = 1 − exp(−R²/2σ²) for isotropic σ)', () => {
    const o = { positionM: [7000e3, 0, 0] as Vec3, velocityMS: [0, 7546, 0] as Vec3 };
    const o2 = { positionM: [7000e3, 0, 0] as Vec3, velocityMS: [0, 0, 7546] as Vec3 };
    const c: Mat3 = [
      [100, 0, 0],
      [0, 100, 0],
      [0, 0, 100],
    ];
    const r = conjunctionPc({
      object1: o,
      object2: o2,
      covariance1M2: c,
      covariance2M2: c,
      covarianceFrame: 'INERTIAL',
      hbrM: 10,
    });
    expect(r.plane.missM).toBe(0);
    expect(rel(r.foster.pc, -Math.expm1(-100 / 400))).toBeLessThan(1e-9);
  });
});
