import { describe, expect, it } from 'vitest';
import { corridorRing } from '../domain/notifications/geometry';
import { fillGeometry } from './notificationLayer';

describe('corridor fills Cesium can triangulate', () => {
  const cases: [string, number, number, number, number][] = [
    ['North Pole, 359–1° (issue 11)', 90, 180, 359, 1],
    ['North Pole, single azimuth 0', 90, 180, 0, 0],
    ['South Pole, 350–10°', -90, -180, 350, 10],
    ['just off the pole, across lon 0 and 180', 89.99, 180, 350, 10],
    ['across the antimeridian', 0, 179.9, 80, 100],
    ['nearly a full circle at the pole', 90, 0, 0.5, 0],
    ['Cape Canaveral, 40–60°', 28.56, -80.58, 40, 60],
  ];
  it.each(cases)('%s', (_, lat, lon, min, max) => {
    const geometry = fillGeometry(corridorRing(lat, lon, min, max), 4_000);
    const positions = geometry.attributes.position!.values as Float64Array;
    expect(positions.length).toBeGreaterThanOrEqual(9); // at least one triangle
    expect(positions.every(Number.isFinite)).toBe(true);
    const normals = geometry.attributes.normal!.values as Float32Array;
    expect(normals.every(Number.isFinite)).toBe(true);
    // every vertex lies near the surface (4 km up), none at the Earth's centre
    for (let i = 0; i < positions.length; i += 3) {
      const r = Math.hypot(positions[i], positions[i + 1], positions[i + 2]);
      expect(r).toBeGreaterThan(6_350_000);
      expect(r).toBeLessThan(6_390_000);
    }
  });

  it('a ring with no area is refused here, not inside a frame', () => {
    expect(() =>
      fillGeometry(
        [
          [10, 10],
          [10, 10],
          [10, 10],
          [10, 10],
        ],
        4_000,
      ),
    ).toThrow();
  });
});
