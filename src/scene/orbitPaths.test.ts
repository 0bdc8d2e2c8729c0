import { describe, expect, it } from 'vitest';
import { deriveCatalogObject } from '../domain/catalog/derive';
import { messageToTeme } from '../domain/oem/frames';
import { stateAt } from '../domain/oem/interpolate';
import { readOem } from '../domain/oem/read';
import { elementSetToOem } from '../domain/oem/sample';
import { ISS_2024_10_31 } from '../testing/elements';
import { computeOrbitPaths } from './orbitPaths';

describe('orbit paths of ephemeris objects', () => {
  // The ISS's orbit written as an OEM with the node 1° on: the path must follow the file, not SGP4.
  const t0 = ISS_2024_10_31.epochMs;
  const moved = { ...ISS_2024_10_31, raOfAscNodeDeg: ISS_2024_10_31.raOfAscNodeDeg + 1 };
  const written = elementSetToOem(
    moved,
    { startMs: t0, stopMs: t0 + 4 * 3_600_000, stepMs: 60_000 },
    { originator: 'TEST', creationDateMs: t0 },
  );
  if (!written.ok) throw new Error(written.reason);
  const read = readOem(written.text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  const teme = messageToTeme(read.message).segments;
  const iss = deriveCatalogObject(ISS_2024_10_31);

  it('follows the ephemeris inside its span and SGP4 outside it', () => {
    const centre = t0 + 2 * 3_600_000;
    const paths = computeOrbitPaths(iss, centre, teme)!;
    const mid = (paths.orbitTemeKm.length / 3 - 1) / 2;
    const s = stateAt(teme[0], centre)!;
    const p = paths.orbitTemeKm.slice(mid * 3, mid * 3 + 3);
    expect(
      Math.hypot(p[0] - s.positionKm[0], p[1] - s.positionKm[1], p[2] - s.positionKm[2]),
    ).toBeLessThan(0.01);
    // SGP4 of the ISS is ~100 km away from the moved orbit at that instant.
    const sgp4 = computeOrbitPaths(iss, centre)!;
    const q = sgp4.orbitTemeKm.slice(mid * 3, mid * 3 + 3);
    expect(
      Math.hypot(q[0] - s.positionKm[0], q[1] - s.positionKm[1], q[2] - s.positionKm[2]),
    ).toBeGreaterThan(50);
    // Outside the span: the catalog object's SGP4, or nothing for an object only the OEM has.
    expect(computeOrbitPaths(iss, t0 + 10 * 3_600_000, teme)).not.toBeNull();
    expect(
      computeOrbitPaths({ ...iss, ephemerisOnly: true }, t0 + 10 * 3_600_000, teme),
    ).toBeNull();
  });
});
