/**
 * Launch geometry: the azimuth/inclination relation of a launch from a given latitude, and
 * geodesic destination points for drawing an azimuth corridor on the ground.
 *
 * The relation cos i = cos φ · sin Az is spherical and ignores the Earth's rotation (which tilts
 * the inertial azimuth by a degree or so for LEO): good enough to judge whether an orbit fits a
 * notified corridor, not for trajectory design.
 */
import { WGS84_A_KM, WGS84_F } from '../frames/geodetic';
import type { LonLat } from './types';

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** An angle in [0, 360). */
export function normalizeDeg(deg: number): number {
  const r = deg % 360;
  return r < 0 ? r + 360 : r === 360 ? 0 : r + 0; // + 0 turns −0 into 0
}

/** Orbital inclination (degrees, 0–180) reached by a launch at azimuth `azDeg` from `latDeg`. */
export function inclinationFromAzimuth(latDeg: number, azDeg: number): number {
  const c = Math.cos(latDeg * RAD) * Math.sin(azDeg * RAD);
  return Math.acos(Math.max(-1, Math.min(1, c))) * DEG;
}

/**
 * The inclinations reached over a clockwise azimuth range from `minDeg` to `maxDeg` (wrapping
 * through north when min > max): i falls as sin Az grows, so the extremes lie at the ends of
 * the range or where it crosses 90° (the least inclination, |φ|) or 270° (the greatest).
 */
export function inclinationRange(
  latDeg: number,
  minDeg: number,
  maxDeg: number,
): { minDeg: number; maxDeg: number } {
  const lo = normalizeDeg(minDeg);
  const span = normalizeDeg(maxDeg - lo);
  const candidates = [lo, lo + span];
  for (const special of [90, 270]) if (normalizeDeg(special - lo) <= span) candidates.push(special);
  const incs = candidates.map((az) => inclinationFromAzimuth(latDeg, az));
  return { minDeg: Math.min(...incs), maxDeg: Math.max(...incs) };
}

/** Launch azimuths (degrees, [0, 360)) that reach an orbit of inclination `incDeg` from `latDeg`. */
export interface AzimuthSolutions {
  /** Northbound launch: the site passes into the orbit on its ascending half. */
  ascendingDeg: number;
  /** Southbound launch: the descending half. */
  descendingDeg: number;
}

/**
 * Inverse of `inclinationFromAzimuth`: sin Az = cos i / cos φ. Two solutions (northbound and
 * southbound, which coincide when i = |φ|), or null when the orbit is not reachable by a direct
 * launch from that latitude (i < |φ|, or retrograde i > 180° − |φ|).
 */
export function azimuthsForInclination(latDeg: number, incDeg: number): AzimuthSolutions | null {
  const cosLat = Math.cos(latDeg * RAD);
  if (cosLat < 1e-12) return null; // at a pole every azimuth is "south"
  const s = Math.cos(incDeg * RAD) / cosLat;
  if (Math.abs(s) > 1 + 1e-12) return null;
  const az = Math.asin(Math.max(-1, Math.min(1, s))) * DEG;
  return { ascendingDeg: normalizeDeg(az), descendingDeg: normalizeDeg(180 - az) };
}

/**
 * The geodesic destination from a point along an initial bearing on the WGS 84 ellipsoid
 * (Vincenty's direct formula; converges for every input). Degrees and kilometres.
 *
 * At a pole every direction is south, so a bearing there is read as the limit of approaching
 * the pole along the meridian `lonDeg`: from the North Pole bearing 0° leaves down the meridian
 * `lonDeg` + 180°, bearing 90° down `lonDeg` + 90°; from the South Pole bearing 180° leaves
 * down `lonDeg` + 180°. The formula gives this limit itself (tan 90° is finite in floating point).
 */
export function destinationPoint(
  latDeg: number,
  lonDeg: number,
  bearingDeg: number,
  distanceKm: number,
): { latDeg: number; lonDeg: number } {
  const a = WGS84_A_KM;
  const f = WGS84_F;
  const b = a * (1 - f);
  const alpha1 = bearingDeg * RAD;
  const sinAlpha1 = Math.sin(alpha1);
  const cosAlpha1 = Math.cos(alpha1);
  const tanU1 = (1 - f) * Math.tan(latDeg * RAD);
  const cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1);
  const sinU1 = tanU1 * cosU1;
  const sigma1 = Math.atan2(tanU1, cosAlpha1);
  const sinAlpha = cosU1 * sinAlpha1;
  const cosSqAlpha = 1 - sinAlpha * sinAlpha;
  const uSq = (cosSqAlpha * (a * a - b * b)) / (b * b);
  const A = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const B = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  let sigma = distanceKm / (b * A);
  for (let i = 0; i < 100; i++) {
    const cos2SigmaM = Math.cos(2 * sigma1 + sigma);
    const sinSigma = Math.sin(sigma);
    const cosSigma = Math.cos(sigma);
    const deltaSigma =
      B *
      sinSigma *
      (cos2SigmaM +
        (B / 4) *
          (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
            (B / 6) *
              cos2SigmaM *
              (-3 + 4 * sinSigma * sinSigma) *
              (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    const next = distanceKm / (b * A) + deltaSigma;
    const done = Math.abs(next - sigma) < 1e-12;
    sigma = next;
    if (done) break;
  }
  const cos2SigmaM = Math.cos(2 * sigma1 + sigma);
  const sinSigma = Math.sin(sigma);
  const cosSigma = Math.cos(sigma);
  const x = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
  const lat2 = Math.atan2(
    sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1,
    (1 - f) * Math.sqrt(sinAlpha * sinAlpha + x * x),
  );
  const lambda = Math.atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
  const C = (f / 16) * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
  const L =
    lambda -
    (1 - C) *
      f *
      sinAlpha *
      (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
  const lon2 =
    ((((lonDeg * RAD + L + 3 * Math.PI) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) - Math.PI;
  return { latDeg: lat2 * DEG, lonDeg: lon2 * DEG };
}

/** How far downrange the azimuth corridor is drawn. */
export const CORRIDOR_RANGE_KM = 1500;

/** A single azimuth is drawn as a narrow fan this many degrees either side. */
export const SINGLE_AZIMUTH_HALF_WIDTH_DEG = 2;

/** The bearings a corridor covers: from `fromDeg` clockwise through `spanDeg` (never 0). */
export function corridorBearings(
  minDeg: number,
  maxDeg: number,
): { fromDeg: number; spanDeg: number } {
  const lo = normalizeDeg(minDeg);
  const span = normalizeDeg(maxDeg - lo);
  return span === 0
    ? {
        fromDeg: normalizeDeg(lo - SINGLE_AZIMUTH_HALF_WIDTH_DEG),
        spanDeg: 2 * SINGLE_AZIMUTH_HALF_WIDTH_DEG,
      }
    : { fromDeg: lo, spanDeg: span };
}

/** The far arc of a corridor: points `rangeKm` out, bearings every `stepDeg` or less (≥ 3 points). */
function corridorArc(
  latDeg: number,
  lonDeg: number,
  minDeg: number,
  maxDeg: number,
  rangeKm: number,
  stepDeg: number,
): LonLat[] {
  const { fromDeg, spanDeg } = corridorBearings(minDeg, maxDeg);
  // At least three points, so that even a 1° range (359–1°) is a fan, not a sliver.
  const n = Math.max(2, Math.ceil(spanDeg / stepDeg));
  const arc: LonLat[] = [];
  for (let k = 0; k <= n; k++) {
    const p = destinationPoint(latDeg, lonDeg, normalizeDeg(fromDeg + (spanDeg * k) / n), rangeKm);
    arc.push([p.lonDeg, p.latDeg]);
  }
  return arc;
}

/**
 * The azimuth corridor as a closed ring of [lon, lat] degree pairs: the site, then points
 * `rangeKm` downrange along bearings from `minDeg` clockwise to `maxDeg` every `stepDeg` or
 * less, then the site again. A single azimuth (min = max) is widened to ±2°. Sites at a pole
 * follow `destinationPoint`'s convention; longitudes stay in [−180°, 180°) across the
 * antimeridian (draw edges as geodesics, not in longitude).
 */
export function corridorRing(
  latDeg: number,
  lonDeg: number,
  minDeg: number,
  maxDeg: number,
  rangeKm = CORRIDOR_RANGE_KM,
  stepDeg = 2,
): LonLat[] {
  const site: LonLat = [lonDeg, latDeg];
  return [site, ...corridorArc(latDeg, lonDeg, minDeg, maxDeg, rangeKm, stepDeg), site];
}

/**
 * The corridor's outline for drawing as a line: out from the site along the first bearing
 * (a point every `edgeStepKm`, so the edge follows the surface), round the far arc, back along
 * the last bearing to the site.
 */
export function corridorOutline(
  latDeg: number,
  lonDeg: number,
  minDeg: number,
  maxDeg: number,
  rangeKm = CORRIDOR_RANGE_KM,
  edgeStepKm = 100,
): LonLat[] {
  const { fromDeg, spanDeg } = corridorBearings(minDeg, maxDeg);
  const edge = (bearingDeg: number): LonLat[] => {
    const out: LonLat[] = [];
    for (let d = edgeStepKm; d < rangeKm; d += edgeStepKm) {
      const p = destinationPoint(latDeg, lonDeg, normalizeDeg(bearingDeg), d);
      out.push([p.lonDeg, p.latDeg]);
    }
    return out;
  };
  const site: LonLat = [lonDeg, latDeg];
  return [
    site,
    ...edge(fromDeg),
    ...corridorArc(latDeg, lonDeg, minDeg, maxDeg, rangeKm, 2),
    ...edge(fromDeg + spanDeg).reverse(),
    site,
  ];
}
