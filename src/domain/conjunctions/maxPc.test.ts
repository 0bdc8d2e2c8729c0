import { describe, expect, it } from 'vitest';
import { encounterPlaneRtn, type ObjectState } from '../probability/encounter';
import type { Mat3, Vec3 } from '../probability/linalg';
import { maxPcOverScale, socratesMaxPc, SOCRATES_SIGMAS_M } from '../probability/maxPc';
import { closedFormMaxPc, fastSocratesMaxPc } from './maxPc';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** A LEO pair: object 2 crosses object 1 at `angleDeg`, offset by `miss` (m) along `dir`. */
function pair(angleDeg: number, missM: number, dir: Vec3): [ObjectState, ObjectState] {
  const r = 6_378_137 + 550_000;
  const v = 7_590;
  const a = (angleDeg * Math.PI) / 180;
  const n = Math.hypot(...dir);
  return [
    { positionM: [r, 0, 0], velocityMS: [0, v, 0] },
    {
      positionM: [r + (missM * dir[0]) / n, (missM * dir[1]) / n, (missM * dir[2]) / n],
      velocityMS: [0, v * Math.cos(a), v * Math.sin(a)],
    },
  ];
}

describe('closed-form maximum Pc', () => {
  it('matches the numerical maximum over scale for shapes of any orientation', () => {
    const shapes = [
      { xx: 9, xz: 0, zz: 1 },
      { xx: 5, xz: 3.9, zz: 4 },
    ];
    for (const shape of shapes) {
      for (const [x, z] of [
        [210, 0],
        [0, 400],
      ]) {
        const numeric = maxPcOverScale(x, z, shape, 10).pcMax;
        const closed = closedFormMaxPc(x, z, shape, 10);
        expect(rel(closed, numeric), JSON.stringify({ shape, x, z })).toBeLessThan(1e-4);
      }
    }
  });

  it('agrees with socratesMaxPc within 1e-3 relative for miss > 20·HBR across geometries', () => {
    let worst = 0;
    let count = 0;
    // socratesMaxPc costs ~90 Foster evaluations: a modest grid of geometries.
    for (const angle of [5, 60, 90, 170]) {
      for (const dir of [
        [1, 0, 0],
        [0, 0, 1],
        [0.3, 1, -0.6],
      ] as Vec3[]) {
        for (const hbr of [5]) {
          for (const factor of [20.5, 150]) {
            const [a, b] = pair(angle, hbr * factor, dir);
            const fast = fastSocratesMaxPc(a, b, hbr);
            const numeric = socratesMaxPc(a, b, hbr).pcMax;
            expect(fast.closedForm).toBe(true);
            worst = Math.max(worst, rel(fast.pcMax, numeric));
            count++;
          }
        }
      }
    }
    expect(count).toBe(24);
    console.log(
      `closed-form vs numerical maximum Pc, worst relative difference ${worst.toExponential(2)}`,
    );
    expect(worst).toBeLessThan(1e-3);
  });

  it('uses the numerical maximum at or below 20·HBR, and 1 inside the hard body', () => {
    const [a, b] = pair(90, 150, [1, 0, 0]);
    const fast = fastSocratesMaxPc(a, b, 10);
    expect(fast.closedForm).toBe(false);
    expect(fast.pcMax).toBe(socratesMaxPc(a, b, 10).pcMax);
    expect(closedFormMaxPc(5, 0, { xx: 1, xz: 0, zz: 1 }, 10)).toBe(1);
    expect(closedFormMaxPc(500, 0, { xx: 1, xz: 0, zz: 1 }, 0)).toBe(0);
  });

  it('is Alfano’s R²/(e·m²·√det) to leading order and independent of the shape’s scale', () => {
    const [a, b] = pair(60, 2000, [1, 0, 0.2]);
    const diag: Mat3 = [
      [SOCRATES_SIGMAS_M.radial ** 2, 0, 0],
      [0, SOCRATES_SIGMAS_M.inTrack ** 2, 0],
      [0, 0, SOCRATES_SIGMAS_M.crossTrack ** 2],
    ];
    const p = encounterPlaneRtn(a, diag, b, diag);
    const s = p.covariancePlaneM2;
    const det = s.xx * s.zz - s.xz ** 2;
    const m2 = (s.zz * p.missXM ** 2 - 2 * s.xz * p.missXM * p.missZM + s.xx * p.missZM ** 2) / det;
    const leading = 100 / (Math.E * m2 * Math.sqrt(det));
    const got = closedFormMaxPc(p.missXM, p.missZM, s, 10);
    expect(rel(got, leading)).toBeLessThan(1e-3);
    const scaled = { xx: s.xx * 7, xz: s.xz * 7, zz: s.zz * 7 };
    expect(rel(closedFormMaxPc(p.missXM, p.missZM, scaled, 10), got)).toBeLessThan(1e-12);
  });
});
