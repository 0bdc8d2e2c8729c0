import { gstime } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { parseIsoMs } from '../time/iso';
import { jdFromMs } from '../time/julian';
import { ecefToTeme, EARTH_ROTATION_RAD_S, temeToEcef } from './teme';

// Vallado, Crawford, Hujsak, Kelso, "Revisiting Spacetrack Report #3" (AIAA 2006-6753), TEME
// example; the same epoch as Vallado's Fundamentals example 3-15 (EOP from IERS).
const timeMs = parseIsoMs('2004-04-06T07:51:28.386009Z')!;
const dut1 = -0.4399619;
const xpRad = (-0.140682 / 3600) * (Math.PI / 180);
const ypRad = (0.333309 / 3600) * (Math.PI / 180);
const teme = {
  rKm: [5094.1801621, 6127.6446595, 6380.3445327] as [number, number, number],
  vKmS: [-4.746131487, 0.785818041, 5.531931288] as [number, number, number],
};

/** PEF → ITRF with polar motion W^T (small angles, IAU-76/FK5): the published ITRF values. */
function pefToItrf(v: readonly number[]): number[] {
  return [v[0] + xpRad * v[2], v[1] - ypRad * v[2], -xpRad * v[0] + ypRad * v[1] + v[2]];
}

function dist(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

describe('TEME → PEF', () => {
  const pef = temeToEcef(teme, timeMs, dut1);

  // Residuals are 8.6 mm: Vallado's GMST comes from a Julian-date double (~15 µs off here).
  it('reproduces Vallado’s PEF position within 2 cm', () => {
    expect(dist(pef.rKm, [-1033.4750313, 7901.3055856, 6380.3445327])).toBeLessThan(2e-5);
    expect(pef.rKm[2]).toBe(teme.rKm[2]); // a rotation about z
  });

  it('with polar motion, reproduces Vallado’s ITRF position (2 cm) and velocity (5e-8 km/s)', () => {
    expect(dist(pefToItrf(pef.rKm), [-1033.479383, 7901.2952754, 6380.3565958])).toBeLessThan(2e-5);
    // Published as ITRF: −3.225636520, −2.872451450, 5.531924446 km/s. The PEF velocity keeps
    // TEME's z component (5.531931288), which is how one tells the two apart.
    expect(dist(pefToItrf(pef.vKmS), [-3.22563652, -2.87245145, 5.531924446])).toBeLessThan(5e-8);
    expect(pef.vKmS[2]).toBe(teme.vKmS[2]);
    expect(dist(pef.vKmS, [-3.225632734, -2.872442512, 5.531931288])).toBeLessThan(5e-8);
  });

  it('agrees with an independent derivation (satellite.js gstime, explicit rotation)', () => {
    const theta = gstime(jdFromMs(timeMs + dut1 * 1000));
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const [x, y, z] = teme.rKm;
    const r = [c * x + s * y, -s * x + c * y, z];
    // d/dt of R3(θ)·r = R3(θ)·v + dR3/dt·r, with dR3/dt·r = ω·(ye, −xe, 0) in the rotated frame.
    const [vx, vy, vz] = teme.vKmS;
    const v = [
      c * vx + s * vy + EARTH_ROTATION_RAD_S * r[1],
      -s * vx + c * vy - EARTH_ROTATION_RAD_S * r[0],
      vz,
    ];
    // A Julian-date double resolves ~40 µs, i.e. ~2e-5 km of rotation here; our GMST avoids it.
    expect(dist(pef.rKm, r)).toBeLessThan(5e-5);
    expect(dist(pef.vKmS, v)).toBeLessThan(1e-7);
  });

  it('moves the position by ~0.4399619 s of Earth rotation when ΔUT1 is ignored', () => {
    const noDut1 = temeToEcef(teme, timeMs);
    const expected = Math.hypot(pef.rKm[0], pef.rKm[1]) * EARTH_ROTATION_RAD_S * 0.4399619;
    expect(dist(noDut1.rKm, pef.rKm)).toBeCloseTo(expected, 6);
  });

  it('round-trips through ecefToTeme', () => {
    const back = ecefToTeme(pef, timeMs, dut1);
    expect(dist(back.rKm, teme.rKm)).toBeLessThan(1e-9);
    expect(dist(back.vKmS, teme.vKmS)).toBeLessThan(1e-12);
  });
});
