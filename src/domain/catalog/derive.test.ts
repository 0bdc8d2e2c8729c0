import { describe, expect, it } from 'vitest';
import {
  deriveCatalogObject,
  EARTH_RADIUS_KM,
  elementAgeDays,
  MU_KM3_PER_S2,
  objectType,
  orbitRegime,
  orbitShape,
} from './derive';
import type { ElementSet } from './types';

const ISS: ElementSet = {
  objectName: 'ISS (ZARYA)',
  objectId: '1998-067A',
  noradCatId: 25544,
  epochMs: Date.UTC(2026, 2, 19, 3, 6, 36, 144),
  meanMotionRevPerDay: 15.48370465,
  eccentricity: 0.0006229,
  inclinationDeg: 51.6344,
  raOfAscNodeDeg: 25.6919,
  argOfPericenterDeg: 207.4819,
  meanAnomalyDeg: 152.584,
  bstar: 0.17698e-3,
  meanMotionDot: 0.00009105,
  meanMotionDdot: 0,
  classificationType: 'U',
  elementSetNo: 999,
  revAtEpoch: 55779,
  ephemerisType: 0,
};

function regimeOf(meanMotionRevPerDay: number, eccentricity: number) {
  return orbitRegime(orbitShape(meanMotionRevPerDay, eccentricity), eccentricity);
}

describe('orbit shape', () => {
  it('uses SGP4 WGS-72 constants', () => {
    expect(MU_KM3_PER_S2).toBe(398600.8);
    expect(EARTH_RADIUS_KM).toBe(6378.135);
  });

  it('follows Kepler’s third law (checked through the period)', () => {
    const shape = orbitShape(ISS.meanMotionRevPerDay, ISS.eccentricity);
    const periodS = 2 * Math.PI * Math.sqrt(shape.semiMajorAxisKm ** 3 / MU_KM3_PER_S2);
    expect(periodS / 60).toBeCloseTo(shape.periodMin, 9);
    expect(shape.periodMin).toBeCloseTo(1440 / 15.48370465, 12);
    expect(shape.apogeeKm - shape.perigeeKm).toBeCloseTo(2 * shape.semiMajorAxisKm * 0.0006229, 9);
    // ISS flies at roughly 410–430 km.
    expect(shape.perigeeKm).toBeGreaterThan(400);
    expect(shape.apogeeKm).toBeLessThan(440);
  });

  it('puts a geostationary orbit at 35,786 km', () => {
    const shape = orbitShape(1.00273791, 0);
    expect(shape.semiMajorAxisKm).toBeCloseTo(42164.2, 0);
    expect(shape.perigeeKm).toBeCloseTo(42164.2 - 6378.135, 0);
  });
});

describe('orbit regime', () => {
  it.each([
    ['ISS', 15.48370465, 0.0006229, 'LEO'],
    ['Starlink', 15.06, 0.0001, 'LEO'],
    ['GPS', 2.00563, 0.01, 'MEO'],
    ['O3b', 5.0, 0.0002, 'MEO'],
    ['Intelsat 10 (drifting, inclined)', 0.99036567, 0.000548, 'GEO'],
    ['GEO graveyard', 0.985, 0.001, 'GEO'],
    ['Molniya', 2.006, 0.74, 'HEO'],
    ['GTO', 2.27, 0.73, 'HEO'],
    ['Tundra (e ≥ 0.25 beats the GEO period)', 1.0027, 0.27, 'HEO'],
    ['inclined geosynchronous with e < 0.25', 1.0027, 0.2, 'GEO'],
    ['LEO-crossing, apogee above 2,000 km', 12, 0.15, 'MEO'],
  ])('%s → %s', (_name, n, e, regime) => {
    expect(regimeOf(n, e)).toBe(regime);
  });

  it('has the documented boundaries', () => {
    expect(regimeOf(1440 / 1300, 0.01)).toBe('GEO');
    expect(regimeOf(1440 / 1600, 0.01)).toBe('GEO');
    expect(regimeOf(1440 / 1299, 0.01)).toBe('MEO');
    expect(regimeOf(1440 / 1601, 0.01)).toBe('MEO');
    // Apogee exactly 2,000 km is no longer LEO.
    const n2000 =
      (86400 / (2 * Math.PI)) * Math.sqrt(MU_KM3_PER_S2 / (EARTH_RADIUS_KM + 2000) ** 3);
    expect(regimeOf(n2000 * 1.0001, 0)).toBe('LEO');
    expect(regimeOf(n2000 * 0.9999, 0)).toBe('MEO');
  });
});

describe('object type', () => {
  it.each([
    ['ISS (ZARYA)', 'PAYLOAD'],
    ['STARLINK-1007', 'PAYLOAD'],
    ['DEBUT (ORIZURU)', 'PAYLOAD'],
    ['FALCON 9 R/B', 'ROCKET BODY'],
    ['SL-12 R/B(AUX MOTOR)', 'ROCKET BODY'],
    ['METEOSAT-7 AKM', 'ROCKET BODY'],
    ['OPTUS B3 PKM', 'ROCKET BODY'],
    ['COSMOS 2251 DEB', 'DEBRIS'],
    ['FENGYUN 1C DEB', 'DEBRIS'],
    ['ARIANE 5 DEB [SYLDA]', 'DEBRIS'],
    ['COSMOS 1867 COOLANT', 'DEBRIS'],
    ['ATLAS 5 CENTAUR SHROUD', 'DEBRIS'],
    ['OBJECT A', 'UNKNOWN'],
    ['OBJECT BK', 'UNKNOWN'],
    ['TBA - TO BE ASSIGNED', 'UNKNOWN'],
    ['', 'UNKNOWN'],
  ])('%s → %s', (objectName, type) => {
    expect(objectType({ objectName })).toBe(type);
  });

  it('prefers OMM OBJECT_TYPE over the name', () => {
    expect(objectType({ objectName: 'FOO DEB', objectType: 'PAYLOAD' })).toBe('PAYLOAD');
    expect(objectType({ objectName: 'OBJECT C', objectType: 'ROCKET BODY' })).toBe('ROCKET BODY');
  });
});

describe('deriveCatalogObject and element age', () => {
  it('adds type, regime, perigee, apogee and period to the element set', () => {
    const object = deriveCatalogObject(ISS);
    const shape = orbitShape(ISS.meanMotionRevPerDay, ISS.eccentricity);
    expect(object).toEqual({
      ...ISS,
      type: 'PAYLOAD',
      regime: 'LEO',
      perigeeKm: shape.perigeeKm,
      apogeeKm: shape.apogeeKm,
      periodMin: shape.periodMin,
    });
  });

  it('measures element age in days, negative for future epochs', () => {
    expect(elementAgeDays(ISS.epochMs, ISS.epochMs + 1.5 * 86_400_000)).toBe(1.5);
    expect(elementAgeDays(ISS.epochMs, ISS.epochMs - 43_200_000)).toBe(-0.5);
  });
});
