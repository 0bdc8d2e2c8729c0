// Element sets for tests: a generic LEO template and the ISS from the 2024-11-01 snapshot.
import type { ElementSet } from '../domain/catalog/types';

/** A circular 51.6° LEO element set at `epochMs` (default 2024-11-01T00:00Z); override any field. */
export function testElements(over: Partial<ElementSet> = {}): ElementSet {
  return {
    objectName: 'TEST A',
    objectId: '2024-999A',
    noradCatId: 90001,
    epochMs: Date.UTC(2024, 10, 1),
    meanMotionRevPerDay: 15.5,
    eccentricity: 0.0005,
    inclinationDeg: 51.6,
    raOfAscNodeDeg: 0,
    argOfPericenterDeg: 0,
    meanAnomalyDeg: 0,
    bstar: 0.0001,
    meanMotionDot: 0,
    meanMotionDdot: 0,
    classificationType: 'U',
    elementSetNo: 999,
    revAtEpoch: 1,
    ephemerisType: 0,
    ...over,
  };
}

/** ISS (ZARYA), epoch 2024-10-31 13:56:02 UTC, as in the on-orbit snapshot of 2024-11-01. */
export const ISS_2024_10_31: ElementSet = testElements({
  objectName: 'ISS (ZARYA)',
  objectId: '1998-067A',
  noradCatId: 25544,
  epochMs: Date.UTC(2024, 9, 31, 13, 56, 2, 0),
  meanMotionRevPerDay: 15.50151657,
  eccentricity: 0.0008841,
  inclinationDeg: 51.6392,
  raOfAscNodeDeg: 58.3613,
  argOfPericenterDeg: 331.1693,
  meanAnomalyDeg: 148.1867,
  bstar: 0.00035478,
  meanMotionDot: 0.00020062,
  revAtEpoch: 48046,
});
