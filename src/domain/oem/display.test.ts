// An OEM object on the globe: Earth-fixed states from the file, which source draws it, its
// osculating description, the RTN sigmas of its nearest covariance, and the ephemeris exported
// back out and read again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { temeToEcef } from '../frames/teme';
import { gmstRad } from '../time/julian';
import { createSatrec } from '../propagation/satrec';
import { propagateTeme } from '../propagation/sgp4';
import { ISS_2024_10_31 } from '../../testing/elements';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import {
  drawnSourceAt,
  ephemerisCatalogObject,
  ephemerisEcefInto,
  nearestCovarianceRtn,
  osculatingElements,
  usableSpans,
} from './display';
import { ephemerisToOemKvn } from './export';
import { messageToTeme } from './frames';
import { stateAt } from './interpolate';
import { readOem } from './read';
import type { OemCovariance, OemMessage } from './types';
import { writeOemKvn } from './write';

const read = (text: string): OemMessage => {
  const r = readOem(text);
  if (!r.ok) throw new Error(r.errors[0].reason);
  return r.message;
};

describe('ephemeris objects for drawing', () => {
  it('gives the osculating elements of an SGP4 state (ISS: 51.6°, ~15.5 rev/day)', () => {
    const init = createSatrec(ISS_2024_10_31);
    if (!init.ok) throw new Error(init.reason);
    const buf = new Float64Array(6);
    propagateTeme(init.satrec, ISS_2024_10_31.epochMs, ISS_2024_10_31.epochMs, buf);
    const el = osculatingElements([buf[0], buf[1], buf[2]], [buf[3], buf[4], buf[5]])!;
    expect(el.inclinationDeg).toBeCloseTo(51.64, 1);
    expect(Math.abs(el.meanMotionRevPerDay - 15.51)).toBeLessThan(0.15);
    expect(el.eccentricity).toBeLessThan(0.005);
    expect(Math.abs(el.raOfAscNodeDeg - ISS_2024_10_31.raOfAscNodeDeg)).toBeLessThan(0.1);
    expect(osculatingElements([7000, 0, 0], [0, 20, 0])).toBeNull();
  });

  it('says which source draws the object at each instant', () => {
    const spans: [number, number][] = [[1000, 2000]];
    expect(drawnSourceAt(spans, 1500, false)).toBe('ephemeris');
    expect(drawnSourceAt(spans, 2000, true)).toBe('ephemeris');
    expect(drawnSourceAt(spans, 2001, true)).toBe('sgp4');
    expect(drawnSourceAt(spans, 999, false)).toBe('none');
  });

  it.skipIf(skipWithoutSharedData)(
    'puts a real LEO file on the Earth-fixed grid the workers draw, and nothing outside its span',
    () => {
      const message = read(
        readFileSync(sharedDataPath('oem-samples-bradsease/real/LEO_60s.oem'), 'utf8'),
      );
      const teme = messageToTeme(message).segments;
      const [[a, b]] = usableSpans(teme);
      const t = a + 1_234_567;
      const out = new Float32Array(12).fill(-1);
      expect(ephemerisEcefInto(teme, t, gmstRad(t), out, 6)).toBe(true);
      const s = stateAt(teme[0], t)!;
      const want = temeToEcef({ rKm: s.positionKm, vKmS: s.velocityKmS }, t);
      for (let k = 0; k < 3; k++) {
        expect(Math.abs(out[6 + k] - want.rKm[k])).toBeLessThan(1e-3);
        expect(Math.abs(out[9 + k] - want.vKmS[k])).toBeLessThan(1e-6);
      }
      expect(out[0]).toBe(-1);
      expect(ephemerisEcefInto(teme, b + 1, gmstRad(b + 1), out, 0)).toBe(false);
      expect(out[0]).toBe(-1);
      const described = ephemerisCatalogObject(message, teme, 1_000_000_000)!;
      expect(described.regime).toBe('LEO');
      expect(described.noradCatId).toBe(1_000_000_000);
      expect(described.objectName).toBe('TEST_OBJ');
    },
  );
});

describe('covariance and export', () => {
  // An Earth orbiter with an RTN covariance (100 m, 500 m, 50 m) every 10 minutes.
  const rtnCovariance = (epochMs: number): OemCovariance => {
    const m = new Float64Array(36);
    [0.1 ** 2, 0.5 ** 2, 0.05 ** 2, 1e-8, 1e-8, 1e-8].forEach((v, i) => (m[i * 7] = v));
    m[1] = m[6] = 0.3 * 0.1 * 0.5; // R–T correlation 0.3
    return { epochMs, frame: 'RTN', matrix: m, line: 0 };
  };
  const init = createSatrec(ISS_2024_10_31);
  if (!init.ok) throw new Error(init.reason);
  const t0 = ISS_2024_10_31.epochMs;
  const states = Array.from({ length: 61 }, (_, i) => {
    const buf = new Float64Array(6);
    propagateTeme(init.satrec, t0, t0 + i * 60_000, buf);
    return {
      epochMs: t0 + i * 60_000,
      positionKm: [buf[0], buf[1], buf[2]] as [number, number, number],
      velocityKmS: [buf[3], buf[4], buf[5]] as [number, number, number],
    };
  });
  const text = writeOemKvn({
    objectName: 'RTN TEST',
    objectId: '2099-001A',
    originator: 'TEST',
    creationDateMs: t0,
    refFrame: 'TEME',
    segments: [
      {
        states,
        interpolation: 'LAGRANGE',
        interpolationDegree: 7,
        covariances: [0, 10, 20, 30, 40, 50, 60].map((m) => rtnCovariance(t0 + m * 60_000)),
      },
    ],
  });
  const message = read(text);
  const teme = messageToTeme(message).segments;

  it('gives the RTN sigmas of the nearest covariance, as the file wrote them', () => {
    const cov = nearestCovarianceRtn(teme, t0 + 14 * 60_000)!;
    expect(cov.epochMs).toBe(t0 + 10 * 60_000);
    expect(cov.sigmasKm[0]).toBeCloseTo(0.1, 6);
    expect(cov.sigmasKm[1]).toBeCloseTo(0.5, 6);
    expect(cov.sigmasKm[2]).toBeCloseTo(0.05, 6);
    expect(cov.positionRtnKm2[1]).toBeCloseTo(0.015, 6);
    expect(nearestCovarianceRtn(teme, t0 + 61 * 60_000)).toBeNull();
  });

  it('exports the ephemeris as a KVN OEM that reads back with the same states and covariances', () => {
    const again = read(ephemerisToOemKvn(message, teme, { originator: 'US', creationDateMs: t0 }));
    expect(again.header.originator).toBe('US');
    const [seg] = again.segments;
    expect(seg.metadata.objectId).toBe('2099-001A');
    expect(seg.metadata.refFrame).toBe('TEME');
    expect(seg.metadata.interpolation).toBe('LAGRANGE');
    expect(seg.states).toHaveLength(61);
    seg.states.forEach((s, i) => {
      expect(Math.abs(s.epochMs - states[i].epochMs)).toBeLessThan(0.01);
      for (let k = 0; k < 3; k++) {
        expect(Math.abs(s.positionKm[k] - states[i].positionKm[k])).toBeLessThan(1e-6);
        expect(Math.abs(s.velocityKmS[k] - states[i].velocityKmS[k])).toBeLessThan(1e-9);
      }
    });
    expect(seg.covariances).toHaveLength(7);
    expect(seg.covariances[0].frame).toBe('RTN');
    expect(seg.covariances[0].matrix[7]).toBeCloseTo(0.25, 9);
  });
});
