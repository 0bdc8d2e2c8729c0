// Facts derived from mean elements for display and filtering. Constants are SGP4's WGS-72
// ones, so the numbers agree with what the propagator assumes.
import { MS_PER_DAY } from './epoch';
import type { CatalogObject, ElementSet, ObjectType, OrbitRegime } from './types';

/** WGS-72 gravitational parameter, km³/s². */
export const MU_KM3_PER_S2 = 398_600.8;
/** WGS-72 equatorial radius, km. */
export const EARTH_RADIUS_KM = 6378.135;

/** Upper apogee altitude of LEO, km (the usual 2,000 km line). */
export const LEO_MAX_APOGEE_KM = 2000;
/** Period band around the sidereal day (1,436 min) that counts as geosynchronous, min. */
export const GEO_MIN_PERIOD_MIN = 1300;
export const GEO_MAX_PERIOD_MIN = 1600;
/** Eccentricity from which an orbit is highly elliptical (Molniya ≈ 0.7, GTO ≈ 0.73). */
export const HEO_MIN_ECCENTRICITY = 0.25;

export interface OrbitShape {
  semiMajorAxisKm: number;
  perigeeKm: number;
  apogeeKm: number;
  periodMin: number;
}

/**
 * Two-body shape from the mean motion (Kepler's third law). This ignores SGP4's J2 recovery
 * of the original mean motion, a difference of a few km in LEO: fine for display and regimes,
 * not for screening.
 */
export function orbitShape(meanMotionRevPerDay: number, eccentricity: number): OrbitShape {
  const nRadPerS = (meanMotionRevPerDay * 2 * Math.PI) / 86_400;
  const semiMajorAxisKm = Math.cbrt(MU_KM3_PER_S2 / (nRadPerS * nRadPerS));
  return {
    semiMajorAxisKm,
    perigeeKm: semiMajorAxisKm * (1 - eccentricity) - EARTH_RADIUS_KM,
    apogeeKm: semiMajorAxisKm * (1 + eccentricity) - EARTH_RADIUS_KM,
    periodMin: 1440 / meanMotionRevPerDay,
  };
}

/**
 * Regime, checked in this order:
 * - HEO: e ≥ 0.25 with apogee above LEO (Molniya, GTO, Tundra…);
 * - GEO: period 1,300–1,600 min (geosynchronous, including inclined and drifting ones);
 * - LEO: apogee below 2,000 km altitude;
 * - MEO: everything else (GNSS, and LEO/GEO-transfer orbits with e < 0.25).
 */
export function orbitRegime(shape: OrbitShape, eccentricity: number): OrbitRegime {
  if (eccentricity >= HEO_MIN_ECCENTRICITY && shape.apogeeKm >= LEO_MAX_APOGEE_KM) return 'HEO';
  if (shape.periodMin >= GEO_MIN_PERIOD_MIN && shape.periodMin <= GEO_MAX_PERIOD_MIN) return 'GEO';
  if (shape.apogeeKm < LEO_MAX_APOGEE_KM) return 'LEO';
  return 'MEO';
}

// Name conventions of the SATCAT when no OBJECT_TYPE is given. Whole words only, so "DEBUT"
// or "SHROUDED" do not match. AKM/PKM are apogee/perigee kick motors, catalogued as rocket
// bodies; COOLANT (RORSAT NaK droplets), SHROUD and FRAGMENT are debris; "OBJECT A" and
// "TBA - TO BE ASSIGNED" are fresh launch pieces not yet identified.
const ROCKET_BODY_NAME = /R\/B|\b(AKM|PKM)\b/;
const DEBRIS_NAME = /\b(DEB|DEBRIS|COOLANT|SHROUD|FRAGMENTS?)\b/;
const UNKNOWN_NAME = /^(OBJECT [A-Z]{1,3}|TBA\b.*)$/;

/** Object type from the OMM OBJECT_TYPE when present, else from the name. */
export function objectType(element: Pick<ElementSet, 'objectName' | 'objectType'>): ObjectType {
  if (element.objectType) return element.objectType;
  const name = element.objectName.toUpperCase().trim();
  if (ROCKET_BODY_NAME.test(name)) return 'ROCKET BODY';
  if (DEBRIS_NAME.test(name)) return 'DEBRIS';
  if (name === '' || UNKNOWN_NAME.test(name)) return 'UNKNOWN';
  return 'PAYLOAD';
}

/**
 * The element set with its derived facts. Built as one literal on purpose: in V8, spreading
 * an 18-field object and adding fields takes the slow path (~10 µs per object, 0.3 s for the
 * full catalog) where a literal takes well under 1 µs.
 */
export function deriveCatalogObject(element: ElementSet): CatalogObject {
  const shape = orbitShape(element.meanMotionRevPerDay, element.eccentricity);
  const object: CatalogObject = {
    objectName: element.objectName,
    objectId: element.objectId,
    noradCatId: element.noradCatId,
    epochMs: element.epochMs,
    meanMotionRevPerDay: element.meanMotionRevPerDay,
    eccentricity: element.eccentricity,
    inclinationDeg: element.inclinationDeg,
    raOfAscNodeDeg: element.raOfAscNodeDeg,
    argOfPericenterDeg: element.argOfPericenterDeg,
    meanAnomalyDeg: element.meanAnomalyDeg,
    bstar: element.bstar,
    meanMotionDot: element.meanMotionDot,
    meanMotionDdot: element.meanMotionDdot,
    classificationType: element.classificationType,
    elementSetNo: element.elementSetNo,
    revAtEpoch: element.revAtEpoch,
    ephemerisType: element.ephemerisType,
    type: objectType(element),
    regime: orbitRegime(shape, element.eccentricity),
    perigeeKm: shape.perigeeKm,
    apogeeKm: shape.apogeeKm,
    periodMin: shape.periodMin,
  };
  if (element.objectType) object.objectType = element.objectType;
  return object;
}

/** Age of an element set at `nowMs`, days (negative for epochs in the future). */
export function elementAgeDays(epochMs: number, nowMs: number): number {
  return (nowMs - epochMs) / MS_PER_DAY;
}
