import { propagate } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../catalog/types';
import { createSatrec, sgp4InitCheck } from './satrec';
import { propagateTeme } from './sgp4';
import { PropagationStatus } from './types';

/** ISS (ZARYA) from the 2024-11-01 CelesTrak snapshot. */
const iss: ElementSet = {
  objectName: 'ISS (ZARYA)',
  objectId: '1998-067A',
  noradCatId: 25544,
  epochMs: Date.UTC(2024, 9, 31, 13, 56, 2) + 456.736,
  meanMotionRevPerDay: 15.50886758,
  eccentricity: 0.0008966,
  inclinationDeg: 51.6392,
  raOfAscNodeDeg: 359.7717,
  argOfPericenterDeg: 122.2149,
  meanAnomalyDeg: 237.971,
  bstar: 0.00060166,
  meanMotionDot: 0.0003518,
  meanMotionDdot: 0,
  classificationType: 'U',
  elementSetNo: 999,
  revAtEpoch: 47970,
  ephemerisType: 0,
};

describe('createSatrec', () => {
  it('initialises a healthy element set', () => {
    const result = createSatrec(iss);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.satrec.satnum).toBe('25544');
    expect(result.satrec.method).toBe('n');
    // jdsatepoch carries our exact epoch (to a JD double's ~40 µs), not json2satrec's ms one.
    const satrecEpochMs = (result.satrec.jdsatepoch - 2_440_587.5) * 86_400_000;
    expect(Math.abs(satrecEpochMs - iss.epochMs)).toBeLessThan(0.025);
    // So satellite.js's own propagate(satrec, Date) agrees with propagateTeme to ~0.2 m.
    const date = new Date(Date.UTC(2024, 10, 1, 6));
    const theirs = propagate(result.satrec, date)!.position;
    const ours = new Float64Array(6);
    propagateTeme(result.satrec, iss.epochMs, date.getTime(), ours);
    expect(Math.hypot(theirs.x - ours[0], theirs.y - ours[1], theirs.z - ours[2])).toBeLessThan(
      2e-4,
    );
    expect(sgp4InitCheck(iss)).toBeNull();
  });

  it.each([
    [{ eccentricity: 1 }, /eccentricity out of range/],
    [{ eccentricity: -0.1 }, /eccentricity out of range/],
    [{ meanMotionRevPerDay: 0 }, /mean motion must be positive/],
    [{ inclinationDeg: NaN }, /INCLINATION is not a finite number/],
    [{ bstar: Infinity }, /BSTAR is not a finite number/],
    [{ epochMs: Date.UTC(2100, 0, 2) }, /EPOCH outside/],
  ])('rejects %o', (patch, reason) => {
    const result = createSatrec({ ...iss, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
    expect(sgp4InitCheck({ ...iss, ...patch })).toMatch(reason);
  });

  it('reports SGP4 errors raised while initialising (Vallado case 33334)', () => {
    const result = createSatrec({ ...iss, eccentricity: 0.5602877, meanMotionRevPerDay: 0.00001 });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^SGP4 error 3:/) });
  });

  it('reports an orbit already inside the Earth at epoch as decayed', () => {
    // Perigee far below the surface: a = 6600 km, e = 0.5 → perigee radius 3300 km; M = 0 there.
    const n = (86_400 / (2 * Math.PI)) * Math.sqrt(398_600.8 / 6600 ** 3);
    const result = createSatrec({
      ...iss,
      meanMotionRevPerDay: n,
      eccentricity: 0.5,
      meanAnomalyDeg: 0,
    });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^SGP4 error 6:/) });
  });
});

describe('propagateTeme', () => {
  const created = createSatrec(iss);
  if (!created.ok) throw new Error(created.reason);
  const { satrec } = created;

  it('is timed from the exact epoch (sub-ms), not the satrec’s rounded one', () => {
    const out = new Float64Array(6);
    expect(propagateTeme(satrec, iss.epochMs, iss.epochMs, out)).toBe(PropagationStatus.Ok);
    const atEpoch = Array.from(out);
    // 0.264 ms later (the rounding offset of this epoch), ISS has moved ~2 m.
    propagateTeme(satrec, iss.epochMs, iss.epochMs + 0.264, out);
    const moved = Math.hypot(out[0] - atEpoch[0], out[1] - atEpoch[1], out[2] - atEpoch[2]);
    expect(moved * 1000).toBeCloseTo(7.66 * 0.264, 1);
    expect(Math.hypot(atEpoch[0], atEpoch[1], atEpoch[2])).toBeGreaterThan(6378 + 390);
    expect(Math.hypot(atEpoch[3], atEpoch[4], atEpoch[5])).toBeCloseTo(7.66, 1);
  });

  it('writes at an offset and flags a long-decayed state with NaN', () => {
    const out = new Array(12).fill(0);
    const year = 365.25 * 86_400_000;
    expect(propagateTeme(satrec, iss.epochMs, iss.epochMs + 3600_000, out, 6)).toBe(0);
    expect(out.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    const code = propagateTeme(satrec, iss.epochMs, iss.epochMs + 3 * year, out, 6);
    expect([PropagationStatus.Decayed, PropagationStatus.Reentered]).toContain(code);
    expect(out.slice(6).every(Number.isNaN)).toBe(true);
  });
});
