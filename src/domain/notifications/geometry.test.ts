import { describe, expect, it } from 'vitest';
import {
  azimuthsForInclination,
  corridorBearings,
  corridorOutline,
  corridorRing,
  destinationPoint,
  inclinationFromAzimuth,
  inclinationRange,
  normalizeDeg,
} from './geometry';
import { launchSite } from './sites';

describe('azimuth and inclination (cos i = cos φ · sin Az)', () => {
  it('a 51.6° orbit from a site at 45.9° N implies an azimuth near 63° (and 117° southbound)', () => {
    const az = azimuthsForInclination(45.9, 51.6)!;
    expect(az.ascendingDeg).toBeCloseTo(63.2, 1);
    expect(az.descendingDeg).toBeCloseTo(116.8, 1);
    // and back again
    expect(inclinationFromAzimuth(45.9, az.ascendingDeg)).toBeCloseTo(51.6, 9);
    expect(inclinationFromAzimuth(45.9, az.descendingDeg)).toBeCloseTo(51.6, 9);
  });

  it('ISS from Baikonur: the built-in site gives the same answer', () => {
    const baikonur = launchSite('baikonur')!;
    expect(azimuthsForInclination(baikonur.latDeg, 51.64)!.ascendingDeg).toBeCloseTo(63.1, 0);
  });

  it('due east reaches the site latitude; due north a polar orbit; west is retrograde', () => {
    expect(inclinationFromAzimuth(28.56, 90)).toBeCloseTo(28.56, 9);
    expect(inclinationFromAzimuth(28.56, 0)).toBeCloseTo(90, 9);
    expect(inclinationFromAzimuth(28.56, 180)).toBeCloseTo(90, 9);
    expect(inclinationFromAzimuth(28.56, 270)).toBeCloseTo(180 - 28.56, 9);
    expect(inclinationFromAzimuth(-39.26, 90)).toBeCloseTo(39.26, 9);
  });

  it('sun-synchronous from Plesetsk: a northbound azimuth west of north, and south-southwest', () => {
    const az = azimuthsForInclination(62.93, 97.56)!;
    expect(az.ascendingDeg).toBeCloseTo(343.2, 1);
    expect(az.descendingDeg).toBeCloseTo(196.8, 1);
    expect(inclinationFromAzimuth(62.93, az.ascendingDeg)).toBeCloseTo(97.56, 9);
  });

  it('an inclination below the site latitude (or above 180° − φ) is not reachable', () => {
    expect(azimuthsForInclination(45.9, 28.5)).toBeNull();
    expect(azimuthsForInclination(45.9, 160)).toBeNull();
    expect(azimuthsForInclination(90, 90)).toBeNull();
    // at exactly i = φ the two solutions meet at due east
    const east = azimuthsForInclination(28.5, 28.5)!;
    expect(east.ascendingDeg).toBeCloseTo(90, 4);
    expect(east.descendingDeg).toBeCloseTo(90, 4);
  });

  it('the inclinations over an azimuth range include the least one when the range crosses east', () => {
    expect(inclinationRange(28.56, 40, 60).minDeg).toBeCloseTo(
      inclinationFromAzimuth(28.56, 60),
      9,
    );
    expect(inclinationRange(28.56, 40, 60).maxDeg).toBeCloseTo(
      inclinationFromAzimuth(28.56, 40),
      9,
    );
    const across = inclinationRange(28.56, 80, 100);
    expect(across.minDeg).toBeCloseTo(28.56, 9);
    // wrapping through north: 350 → 10 holds 0°, i = 90° there
    const north = inclinationRange(45, 350, 10);
    expect(north.minDeg).toBeCloseTo(inclinationFromAzimuth(45, 10), 9);
    expect(north.maxDeg).toBeCloseTo(inclinationFromAzimuth(45, 350), 9);
  });

  it('normalizes angles into [0, 360)', () => {
    expect(normalizeDeg(-17)).toBe(343);
    expect(normalizeDeg(360)).toBe(0);
    expect(normalizeDeg(725)).toBe(5);
    expect(Object.is(normalizeDeg(-0), 0)).toBe(true);
  });
});

describe('geodesic destination (Vincenty direct, WGS 84)', () => {
  it("reproduces Vincenty's Flinders Peak → Buninyong example to 1e-7°", () => {
    const dms = (d: number, m: number, s: number) =>
      Math.sign(d) * (Math.abs(d) + m / 60 + s / 3600);
    const p = destinationPoint(
      dms(-37, 57, 3.7203),
      dms(144, 25, 29.5244),
      dms(306, 52, 5.37),
      54.972271,
    );
    expect(p.latDeg).toBeCloseTo(dms(-37, 39, 10.1561), 7);
    expect(p.lonDeg).toBeCloseTo(dms(143, 55, 35.3839), 7);
  });

  it('due north along a meridian: 1° of latitude is about 111 km at mid latitudes', () => {
    const p = destinationPoint(45, 10, 0, 111.132);
    expect(p.latDeg).toBeCloseTo(46, 2);
    expect(p.lonDeg).toBeCloseTo(10, 9);
  });

  it('wraps longitude across the antimeridian', () => {
    const p = destinationPoint(-39.26, 177.86, 90, 1500);
    expect(p.lonDeg).toBeLessThan(-160);
    expect(p.lonDeg).toBeGreaterThan(-165);
  });
});

describe('corridor ring', () => {
  it('a fan from the site out to 1,500 km along every bearing, closed at the site', () => {
    const ring = corridorRing(28.56, -80.58, 40, 60);
    expect(ring[0]).toEqual([-80.58, 28.56]);
    expect(ring[ring.length - 1]).toEqual([-80.58, 28.56]);
    expect(ring.length).toBe(2 + 11); // every 2°: 40, 42, …, 60
    // the arc's ends lie on the bearings' destinations
    const end = destinationPoint(28.56, -80.58, 60, 1500);
    expect(ring[ring.length - 2][0]).toBeCloseTo(end.lonDeg, 9);
    expect(ring[ring.length - 2][1]).toBeCloseTo(end.latDeg, 9);
  });

  it('a single azimuth becomes a ±2° fan; a range through north wraps', () => {
    const single = corridorRing(10, 20, 90, 90);
    expect(single.length).toBe(2 + 3);
    const first = destinationPoint(10, 20, 88, 1500);
    expect(single[1][1]).toBeCloseTo(first.latDeg, 9);
    const wrap = corridorRing(62.93, 40.58, 350, 10);
    expect(wrap.length).toBe(2 + 11);
    wrap.slice(1, -1).forEach((p) => expect(p[1]).toBeGreaterThan(75)); // all northward
  });
});

/** Great-circle distance on a sphere of the Earth's mean radius (km): a check within 1 %. */
function sphereKm([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

describe('corridor geometry at the edges (poles, antimeridian, degenerate ranges)', () => {
  const cases: [string, number, number, number, number][] = [
    ['North Pole, 359–1°', 90, 180, 359, 1],
    ['North Pole, single azimuth 0', 90, 180, 0, 0],
    ['South Pole, 350–10°', -90, -180, 350, 10],
    ['South Pole, single azimuth 180', -90, 0, 180, 180],
    ['near the pole', 89.999999, 180, 359, 1],
    ['across the antimeridian', -39.26, 179.9, 60, 120],
    ['on the antimeridian, west', 0, -180, 260, 280],
    ['nearly a full circle', 45, 10, 0.5, 0],
    ['a full turn less a hair, at the pole', 90, 0, 0, 359.999],
  ];
  it.each(cases)('%s: every point finite, on the globe, 1,500 km out', (_, lat, lon, min, max) => {
    const ring = corridorRing(lat, lon, min, max);
    const outline = corridorOutline(lat, lon, min, max);
    for (const [pLon, pLat] of [...ring, ...outline]) {
      expect(Number.isFinite(pLon) && Number.isFinite(pLat)).toBe(true);
      expect(pLat).toBeGreaterThanOrEqual(-90);
      expect(pLat).toBeLessThanOrEqual(90);
      expect(pLon).toBeGreaterThanOrEqual(-180);
      expect(pLon).toBeLessThanOrEqual(180);
    }
    expect(ring[0]).toEqual([lon, lat]);
    expect(ring.at(-1)).toEqual([lon, lat]);
    expect(outline[0]).toEqual([lon, lat]);
    expect(outline.at(-1)).toEqual([lon, lat]);
    const arc = ring.slice(1, -1);
    expect(arc.length).toBeGreaterThanOrEqual(3);
    expect(new Set(arc.map((p) => p.join())).size).toBe(arc.length); // a fan, not a sliver
    for (const p of arc) expect(Math.abs(sphereKm([lon, lat], p) - 1500)).toBeLessThan(15);
  });

  it('at the North Pole a bearing is read from the site meridian: 0° leaves down lon + 180°', () => {
    const north = destinationPoint(90, 180, 0, 1500);
    expect(north.lonDeg).toBeCloseTo(0, 6);
    expect(north.latDeg).toBeCloseTo(76.568, 2);
    expect(destinationPoint(90, 30, 90, 1500).lonDeg).toBeCloseTo(120, 6);
    // and it is the limit of a site just off the pole on that meridian
    const near = destinationPoint(89.9999999, 30, 90, 1500);
    expect(near.lonDeg).toBeCloseTo(120, 3);
    expect(near.latDeg).toBeCloseTo(destinationPoint(90, 30, 90, 1500).latDeg, 3);
  });

  it('at the South Pole bearing 180° leaves down lon + 180°', () => {
    const p = destinationPoint(-90, 20, 180, 1500);
    expect(p.lonDeg).toBeCloseTo(-160, 6);
    expect(p.latDeg).toBeCloseTo(-76.568, 2);
  });

  it('359–1° at the pole is a narrow fan about the meridian opposite the site', () => {
    const arc = corridorRing(90, 180, 359, 1).slice(1, -1);
    expect(arc.map(([pLon]) => pLon)).toEqual([
      expect.closeTo(1, 6),
      expect.closeTo(0, 6),
      expect.closeTo(-1, 6),
    ]);
  });

  it('a range across the antimeridian keeps its arc contiguous (no 360° jumps on the ground)', () => {
    const arc = corridorRing(-39.26, 179.9, 60, 120).slice(1, -1);
    for (let i = 1; i < arc.length; i++) {
      expect(sphereKm(arc[i - 1], arc[i])).toBeLessThan(60); // 2° of arc at 1,500 km ≈ 52 km
    }
    expect(arc.some(([pLon]) => pLon < 0)).toBe(true);
  });

  it('degenerate ranges: one azimuth widens to ±2°, 359–1 spans 2°, 0.5–0 spans 359.5°', () => {
    expect(corridorBearings(0, 0)).toEqual({ fromDeg: 358, spanDeg: 4 });
    expect(corridorBearings(359, 1)).toEqual({ fromDeg: 359, spanDeg: 2 });
    expect(corridorBearings(0.5, 0)).toEqual({ fromDeg: 0.5, spanDeg: 359.5 });
    expect(corridorRing(45, 10, 0.5, 0).length).toBe(2 + 181);
  });
});
