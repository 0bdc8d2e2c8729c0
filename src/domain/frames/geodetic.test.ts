import { describe, expect, it } from 'vitest';
import { ecefToGeodetic, geodeticToEcef, norm3, WGS84_A_KM, WGS84_B_KM } from './geodetic';

const deg = Math.PI / 180;

describe('WGS-84 geodetic', () => {
  it('round-trips latitude, longitude and height from the surface to beyond GEO', () => {
    let worstKm = 0;
    let worstRad = 0;
    for (const lat of [-90, -89.999, -60, -35.5, -1, 0, 0.3, 45, 51.64, 80, 89.9999, 90]) {
      for (const lon of [-180, -120.25, 0, 33, 179.9]) {
        for (const h of [-5, 0, 0.4, 80, 420, 1200, 20_200, 35_786, 400_000]) {
          const [x, y, z] = geodeticToEcef(lat * deg, lon * deg, h);
          const g = ecefToGeodetic(x, y, z);
          worstKm = Math.max(worstKm, Math.abs(g.heightKm - h));
          worstRad = Math.max(worstRad, Math.abs(g.latRad - lat * deg));
          if (Math.abs(lat) < 90) {
            const dLon = Math.abs(
              Math.atan2(Math.sin(g.lonRad - lon * deg), Math.cos(g.lonRad - lon * deg)),
            );
            expect(dLon).toBeLessThan(1e-14);
          }
        }
      }
    }
    expect(worstKm).toBeLessThan(1e-9); // 1 µm
    expect(worstRad).toBeLessThan(1e-14);
  });

  it('knows the equator, the poles and a hand case', () => {
    expect(ecefToGeodetic(WGS84_A_KM + 1, 0, 0)).toEqual({ latRad: 0, lonRad: 0, heightKm: 1 });
    const pole = ecefToGeodetic(0, 0, -WGS84_B_KM - 2);
    expect(pole.latRad).toBeCloseTo(-Math.PI / 2, 15);
    expect(pole.heightKm).toBeCloseTo(2, 9);
    // 45° N on the ellipsoid: N = a/√(1 − e²/2), x = z/(1 − e²) = N·cos45°.
    const [x, , z] = geodeticToEcef(45 * deg, 0, 0);
    expect(x).toBeCloseTo(4517.590878849, 6);
    expect(z).toBeCloseTo(4487.348408876, 6);
  });

  it('gives speeds', () => {
    expect(norm3([3, 4, 12])).toBe(13);
    expect(norm3([9, 9, 1, 2, 2], 2)).toBe(3);
  });
});
