import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../domain/catalog/types';
import { ISS_2024_10_31 } from '../testing/elements';
import { temeToEcef } from '../domain/frames/teme';
import { createSatrec } from '../domain/propagation/satrec';
import { propagateTeme } from '../domain/propagation/sgp4';
import { bulkRuntime } from '../domain/propagation/bulk';
import { createPropagationService } from './propagationService';

// ISS, epoch 2024-10-31 13:56:02 UTC (from the 2024-11-01 snapshot).
const iss = ISS_2024_10_31;
const geo: ElementSet = {
  ...iss,
  objectName: 'GEO',
  noradCatId: 100123,
  meanMotionRevPerDay: 1.0027,
  eccentricity: 0.0002,
  bstar: 0,
  meanMotionDot: 0,
};
const hyperbolic: ElementSet = {
  ...iss,
  objectName: 'BROKEN',
  noradCatId: 99999,
  eccentricity: 1.2,
};

const wasm = await bulkRuntime();

describe.each([
  ['JavaScript records', null],
  ['WASM records', wasm],
])('propagation worker protocol, %s', (_, runtime) => {
  const createService = () => createPropagationService(runtime);

  it('samples in WASM exactly when it has a runtime', () => {
    expect(wasm).not.toBeNull();
    const service = createService();
    service.prepare([iss]);
    service.commit();
    expect(service.inWasm()).toBe(runtime !== null);
  });

  it('reports SGP4 initialisation failures by index and samples only what initialised', () => {
    const service = createService();
    const failures = service.prepare([iss, hyperbolic, geo]);
    expect(failures).toHaveLength(1);
    expect(failures[0].index).toBe(1);
    expect(failures[0].reason).toMatch(/eccentricity/i);
    expect(service.commit()).toBe(2);
    const block = service.sample(iss.epochMs, 60_000, 3);
    expect(block.objectCount).toBe(2);
    expect(block.statesKm).toHaveLength(3 * 2 * 6);
  });

  it('lays samples out sample-major, Earth-fixed, matching direct SGP4 to float precision', () => {
    const service = createService();
    service.prepare([iss, geo]);
    service.commit();
    const t0 = iss.epochMs + 3_600_000;
    const block = service.sample(t0, 120_000, 4);
    [iss, geo].forEach((el, i) => {
      const init = createSatrec(el);
      if (!init.ok) throw new Error(init.reason);
      for (let s = 0; s < 4; s++) {
        const teme = new Float64Array(6);
        expect(propagateTeme(init.satrec, el.epochMs, t0 + s * 120_000, teme)).toBe(0);
        const ecef = temeToEcef(
          { rKm: [teme[0], teme[1], teme[2]], vKmS: [teme[3], teme[4], teme[5]] },
          t0 + s * 120_000,
        );
        const o = (s * 2 + i) * 6;
        for (let k = 0; k < 3; k++) {
          expect(Math.abs(block.statesKm[o + k] - ecef.rKm[k])).toBeLessThan(5e-3);
          expect(Math.abs(block.statesKm[o + 3 + k] - ecef.vKmS[k])).toBeLessThan(1e-5);
        }
      }
    });
  });

  it('keeps sampling the committed catalog until a prepared one is committed', () => {
    const service = createService();
    service.prepare([iss]);
    service.commit();
    service.prepare([iss, geo]);
    expect(service.sample(iss.epochMs, 60_000, 1).objectCount).toBe(1);
    service.discard();
    expect(() => service.commit()).toThrow(/nothing prepared/);
    expect(service.sample(iss.epochMs, 60_000, 1).objectCount).toBe(1);
  });

  it('marks a decayed object with NaN, never a position at the origin', () => {
    const decaying: ElementSet = {
      ...iss,
      noradCatId: 12345,
      meanMotionRevPerDay: 16.4,
      bstar: 0.05,
      meanMotionDot: 0.05,
    };
    const service = createService();
    service.prepare([iss, decaying]);
    service.commit();
    const block = service.sample(iss.epochMs + 30 * 86_400_000, 60_000, 1);
    expect(Number.isFinite(block.statesKm[0])).toBe(true);
    for (let k = 6; k < 12; k++) expect(block.statesKm[k]).toBeNaN();
  });

  it('draws an ephemeris inside its span: in place of SGP4, or nothing outside it when only the OEM has the object', () => {
    // A GEO-like OEM whose one state line sits 1,000 km off the GEO element set's orbit: the
    // sample inside the span must be the file's, the one outside SGP4's (stand-in) or NaN (only).
    const t0 = iss.epochMs;
    const segment = {
      index: 1,
      line: 1,
      metadata: {
        objectName: 'GEO',
        objectId: '100123',
        centerName: 'EARTH',
        refFrame: 'TEME' as const,
        timeSystem: 'UTC' as const,
        startMs: t0,
        stopMs: t0 + 120_000,
        interpolation: 'LINEAR' as const,
        interpolationDegree: 1,
        comments: [],
      },
      states: [0, 60_000, 120_000].map((dt) => ({
        epochMs: t0 + dt,
        positionKm: [43_164, 0, 0] as [number, number, number],
        velocityKmS: [0, 3.07, 0] as [number, number, number],
      })),
      covariances: [],
      dataComments: [],
    };
    for (const ephemerisOnly of [false, true]) {
      const service = createService();
      service.prepare([iss, geo], [{ index: 1, segments: [segment], ephemerisOnly }]);
      service.commit();
      const block = service.sample(t0, 120_000, 2);
      const inside = temeToEcef({ rKm: [43_164, 0, 0], vKmS: [0, 3.07, 0] }, t0);
      for (let k = 0; k < 3; k++) expect(block.statesKm[6 + k]).toBeCloseTo(inside.rKm[k], 0);
      // The second sample (t0 + 120 s) is the span's last instant; a third would be outside.
      const later = service.sample(t0 + 180_000, 60_000, 1);
      if (ephemerisOnly) {
        for (let k = 6; k < 12; k++) expect(later.statesKm[k]).toBeNaN();
      } else {
        expect(Math.hypot(later.statesKm[6], later.statesKm[7], later.statesKm[8])).not.toBeCloseTo(
          43_164,
          -1,
        );
      }
      // ISS (index 0) is never touched.
      expect(Number.isFinite(later.statesKm[0])).toBe(true);
    }
  });
});
