import type { CatalogObject } from '../domain/catalog/types';
import { ecefToGeodetic } from '../domain/frames/geodetic';
import { temeToEcefAt } from '../domain/frames/teme';
import { stateAt } from '../domain/oem/interpolate';
import type { OemSegment } from '../domain/oem/types';
import { createSatrec } from '../domain/propagation/satrec';
import { propagateTeme } from '../domain/propagation/sgp4';
import { gmstRad } from '../domain/time/julian';

/** Points per revolution: smooth at globe scale, cheap for one object. */
const POINTS_PER_REV = 180;

export interface OrbitPaths {
  /** One revolution centred on `centreMs`, TEME, km, as [x, y, z] triples (NaN-free). */
  orbitTemeKm: number[];
  /** Sub-satellite points over the same span: [lonRad, latRad] pairs. */
  groundTrackRad: number[];
  centreMs: number;
  periodMs: number;
}

/** The TEME state at tMs from the last segment whose usable span holds it, into out. */
function ephemerisTeme(segments: readonly OemSegment[], tMs: number, out: Float64Array): boolean {
  for (let k = segments.length - 1; k >= 0; k--) {
    const s = stateAt(segments[k], tMs);
    if (!s) continue;
    out.set(s.positionKm, 0);
    out.set(s.velocityKmS, 3);
    return true;
  }
  return false;
}

/**
 * The selected object's orbit (fixed in the inertial frame, so it closes on itself) and its
 * ground track. One object, a few hundred SGP4 calls, computed on selection and when the clock
 * leaves the span: not per frame. With `ephemeris` (TEME segments) and the clock inside one of
 * its usable spans, the path follows the ephemeris (clipped to its spans); elsewhere SGP4 draws
 * it, unless the object has no element set of its own (`ephemerisOnly`).
 */
export function computeOrbitPaths(
  object: CatalogObject,
  centreMs: number,
  ephemeris: readonly OemSegment[] | null = null,
): OrbitPaths | null {
  const teme = new Float64Array(6);
  const fromEphemeris = ephemeris !== null && ephemerisTeme(ephemeris, centreMs, teme);
  const init = fromEphemeris || object.ephemerisOnly ? null : createSatrec(object);
  if (!fromEphemeris && !init?.ok) return null;
  const periodMs = object.periodMin * 60_000;
  const orbitTemeKm: number[] = [];
  const groundTrackRad: number[] = [];
  const ecef = new Float64Array(6);
  for (let i = 0; i <= POINTS_PER_REV; i++) {
    const t = centreMs + (i / POINTS_PER_REV - 0.5) * periodMs;
    const ok = fromEphemeris
      ? ephemerisTeme(ephemeris, t, teme)
      : init?.ok === true && propagateTeme(init.satrec, object.epochMs, t, teme) === 0;
    if (!ok) continue;
    orbitTemeKm.push(teme[0], teme[1], teme[2]);
    temeToEcefAt(teme, 0, gmstRad(t), ecef, 0);
    const geo = ecefToGeodetic(ecef[0], ecef[1], ecef[2]);
    groundTrackRad.push(geo.lonRad, geo.latRad);
  }
  if (orbitTemeKm.length < 6) return null;
  return { orbitTemeKm, groundTrackRad, centreMs, periodMs };
}
