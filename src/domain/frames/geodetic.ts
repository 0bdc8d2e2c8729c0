// WGS-84 geodetic coordinates for display (info panel, ground track). Positions in km.

export const WGS84_A_KM = 6378.137;
export const WGS84_F = 1 / 298.257223563;
export const WGS84_B_KM = WGS84_A_KM * (1 - WGS84_F);
const E2 = WGS84_F * (2 - WGS84_F); // first eccentricity²
const EP2 = E2 / (1 - E2); // second eccentricity²

export interface Geodetic {
  latRad: number;
  lonRad: number;
  /** Height above the WGS-84 ellipsoid, km. */
  heightKm: number;
}

/**
 * Earth-fixed Cartesian (km) → WGS-84 latitude, longitude (−π..π] and ellipsoidal height.
 * Bowring's parametric-latitude iteration: 3 rounds reach < 1 µm from the surface out past GEO,
 * and the height formula stays well-conditioned at the poles.
 */
export function ecefToGeodetic(x: number, y: number, z: number): Geodetic {
  const p = Math.hypot(x, y);
  const lonRad = Math.atan2(y, x);
  if (p === 0 && z === 0) return { latRad: 0, lonRad, heightKm: -WGS84_A_KM };
  let beta = Math.atan2(z, (1 - WGS84_F) * p);
  let lat = 0;
  for (let i = 0; i < 3; i++) {
    const sb = Math.sin(beta);
    const cb = Math.cos(beta);
    lat = Math.atan2(z + EP2 * WGS84_B_KM * sb * sb * sb, p - E2 * WGS84_A_KM * cb * cb * cb);
    beta = Math.atan2((1 - WGS84_F) * Math.sin(lat), Math.cos(lat));
  }
  const sl = Math.sin(lat);
  const heightKm = p * Math.cos(lat) + z * sl - WGS84_A_KM * Math.sqrt(1 - E2 * sl * sl);
  return { latRad: lat, lonRad, heightKm };
}

/** WGS-84 geodetic → Earth-fixed Cartesian, km. */
export function geodeticToEcef(
  latRad: number,
  lonRad: number,
  heightKm: number,
): [number, number, number] {
  const sl = Math.sin(latRad);
  const cl = Math.cos(latRad);
  const n = WGS84_A_KM / Math.sqrt(1 - E2 * sl * sl);
  return [
    (n + heightKm) * cl * Math.cos(lonRad),
    (n + heightKm) * cl * Math.sin(lonRad),
    (n * (1 - E2) + heightKm) * sl,
  ];
}

/** Euclidean norm of a 3-vector, e.g. speed in km/s from a velocity. */
export function norm3(v: ArrayLike<number>, offset = 0): number {
  return Math.hypot(v[offset], v[offset + 1], v[offset + 2]);
}
