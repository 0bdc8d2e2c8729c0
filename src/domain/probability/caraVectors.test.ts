// CARA's own unit-test vectors (Pc2D_Foster, PcCircle, Alfano 2009 cases) transcribed in
// cara_pc_test_vectors.json; tolerances as CARA's tests use them (relative 1e-3) or tighter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { encounterPlaneInertial } from './encounter';
import { fosterPc2d, type Pc2dInput } from './foster';
import type { Mat3, Vec3 } from './linalg';
import { squareEqualAreaPc, squareFrameAlignedPc } from './square';

interface PvcTest {
  id: string;
  units: string;
  hbr?: number;
  r1: Vec3;
  v1: Vec3;
  C1: Mat3;
  r2: Vec3;
  v2: Vec3;
  C2: Mat3;
  expected_pc?: Record<string, number>;
  hbr_list?: (number | string)[];
  expected_pc_list?: { PcCircle: number[] };
}

interface AlfanoCase {
  case: number;
  hbr_m: number;
  r1_m: Vec3;
  v1_mps: Vec3;
  r2_m: Vec3;
  v2_mps: Vec3;
  C1_6x6: number[][];
  C2_6x6: number[][];
  expected: { Pc2D_Foster_unit_test: number | null; A09_Table: { CARA_Pc2D: number | null } };
}

const vectorsPath = sharedDataPath('cara-pc-test-data', 'cara_pc_test_vectors.json');

function load(): { pvc: PvcTest[]; alfano: AlfanoCase[] } {
  const json = JSON.parse(readFileSync(vectorsPath, 'utf8'));
  return { pvc: json.position_velocity_covariance_tests, alfano: json.alfano_2009_cases };
}

const pos3 = (c: number[][]): Mat3 => [
  [c[0][0], c[0][1], c[0][2]],
  [c[1][0], c[1][1], c[1][2]],
  [c[2][0], c[2][1], c[2][2]],
];

/** Encounter-plane input in metres whatever the test's units. */
function planeInput(t: PvcTest, hbr: number): Pc2dInput {
  const k = t.units.startsWith('km') ? 1000 : 1;
  const v3 = (v: Vec3): Vec3 => [v[0] * k, v[1] * k, v[2] * k];
  const m3 = (m: Mat3): Mat3 => pos3(m.map((row) => row.map((x) => x * k * k)));
  const plane = encounterPlaneInertial(
    { positionM: v3(t.r1), velocityMS: v3(t.v1) },
    m3(t.C1),
    { positionM: v3(t.r2), velocityMS: v3(t.v2) },
    m3(t.C2),
  );
  return {
    missXM: plane.missXM,
    missZM: plane.missZM,
    covariancePlaneM2: plane.covariancePlaneM2,
    hbrM: hbr * k,
  };
}

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe.skipIf(skipWithoutSharedData)('CARA Pc test vectors', () => {
  const worst: Record<string, number> = {};
  const note = (id: string, e: number) => (worst[id] = Math.max(worst[id] ?? 0, e));

  it('Omitron case 1, circle: Foster within 1e-6 of PcCircle', () => {
    const t = load().pvc.find((x) => x.id === 'omitron-01-circle')!;
    const pc = fosterPc2d(planeInput(t, t.hbr!)).pc;
    note(t.id, rel(pc, t.expected_pc!.PcCircle));
    expect(rel(pc, t.expected_pc!.PcCircle)).toBeLessThan(1e-6);
    expect(rel(pc, t.expected_pc!.Pc2D_Foster)).toBeLessThan(1e-3);
  });

  it('Omitron case 1, square of side 2·HBR aligned with the encounter axes', () => {
    const t = load().pvc.find((x) => x.id === 'omitron-01-square')!;
    const pc = squareFrameAlignedPc(planeInput(t, t.hbr!)).pc;
    note(t.id, rel(pc, t.expected_pc!.Pc2D_Foster));
    expect(rel(pc, t.expected_pc!.Pc2D_Foster)).toBeLessThan(1e-3);
  });

  it('Omitron case 1, equal-area square (closed form, principal axes) is close to the circle', () => {
    const t = load().pvc.find((x) => x.id === 'omitron-01-square-equal-area')!;
    const pc = squareEqualAreaPc(planeInput(t, t.hbr!)).pc;
    note(t.id, rel(pc, t.expected_pc!.Pc2D_Foster));
    // CARA aligns its equal-area square with the encounter axes, ours with the principal axes;
    // both approximate the circle to well within 1% at this HBR/sigma.
    expect(rel(pc, t.expected_pc!.Pc2D_Foster)).toBeLessThan(1e-3);
  });

  it('Omitron case 2 (HBR comparable to sigma, Pc 0.18)', () => {
    const t = load().pvc.find((x) => x.id === 'omitron-02')!;
    const pc = fosterPc2d(planeInput(t, t.hbr!)).pc;
    note(t.id, rel(pc, t.expected_pc!.PcCircle));
    expect(rel(pc, t.expected_pc!.PcCircle)).toBeLessThan(1e-6);
  });

  it('non-positive-definite covariance is remediated and gives Pc = 0 as CARA', () => {
    const t = load().pvc.find((x) => x.id === 'non-positive-definite-covariance')!;
    const result = fosterPc2d(planeInput(t, t.hbr!));
    expect(result.principal.remediated).toBe(true);
    expect(result.pc).toBe(0);
  });

  it('HBR sweep 0 … ∞: within 1e-3 of CARA PcCircle and 1e-8 of an independent integration', () => {
    const t = load().pvc.find((x) => x.id === 'hbr-sweep')!;
    // Reference values from an independent 80,000-node Gauss–Chebyshev integration (SciPy, same
    // geometry). CARA's PcCircle differs from them by up to 2.8e-4 for HBR ≥ 1 km (σminor ≈ 19 m),
    // consistent with its fixed-order quadrature, which is why CARA's own tests use rel 1e-3.
    // (At HBR 10 m, Pc 2.5e-15, the SciPy reference loses digits to erf cancellation; we match
    // CARA there to 4e-14.)
    const independent: Record<number, number> = {
      100: 1.2323128140459229e-5,
      1000: 0.006342623496240338,
      3000: 0.019173556527648586,
      10000: 0.06390515255692751,
      30000: 0.19010086207608554,
    };
    t.hbr_list!.forEach((h, i) => {
      const hbr = h === 'Infinity' ? Infinity : Number(h);
      const want = t.expected_pc_list!.PcCircle[i];
      const pc = fosterPc2d(planeInput(t, hbr)).pc;
      if (want === 0 || want === 1) {
        expect(pc).toBe(want);
      } else {
        note(`hbr-sweep ${hbr} m`, rel(pc, want));
        expect(rel(pc, want), `HBR ${hbr}`).toBeLessThan(1e-3);
        if (hbr in independent) {
          expect(rel(pc, independent[hbr]), `HBR ${hbr} independent`).toBeLessThan(1e-8);
        }
      }
    });
  });

  it('Alfano 2009 cases 1–11 within relative 1e-3 of CARA', () => {
    for (const c of load().alfano) {
      const want = c.expected.Pc2D_Foster_unit_test;
      if (want === null) continue; // case 12: CARA's 2D method does not apply
      const plane = encounterPlaneInertial(
        { positionM: c.r1_m, velocityMS: c.v1_mps },
        pos3(c.C1_6x6),
        { positionM: c.r2_m, velocityMS: c.v2_mps },
        pos3(c.C2_6x6),
      );
      const pc = fosterPc2d({
        missXM: plane.missXM,
        missZM: plane.missZM,
        covariancePlaneM2: plane.covariancePlaneM2,
        hbrM: c.hbr_m,
      }).pc;
      note(`alfano-${c.case}`, rel(pc, want));
      expect(rel(pc, want), `case ${c.case}`).toBeLessThan(1e-3);
      const cara = c.expected.A09_Table.CARA_Pc2D;
      if (cara !== null) expect(rel(pc, cara), `case ${c.case} vs CARA_Pc2D`).toBeLessThan(1e-3);
    }
  });

  it('reports the worst relative errors', () => {
    console.log('worst relative error per CARA vector:', JSON.stringify(worst, null, 1));
  });
});
