import { Camera, Cartesian3, Ellipsoid, Math as CesiumMath, PerspectiveFrustum } from 'cesium';
import { describe, expect, it } from 'vitest';
import { homeDestination } from './keyboardCamera';

/** Just what homeDestination reads of a camera: Cesium's home position and the frustum. */
function camera(widthPx: number, heightPx: number): Camera {
  const frustum = new PerspectiveFrustum({
    fov: CesiumMath.PI_OVER_THREE,
    aspectRatio: widthPx / heightPx,
  });
  return {
    frustum,
    getRectangleCameraCoordinates: () => new Cartesian3(0, -1e7, 1e7),
  } as unknown as Camera;
}

/** The Earth's angular radius seen from a distance, radians. */
const earthRadiusRad = (distanceM: number) => Math.asin(Ellipsoid.WGS84.maximumRadius / distanceM);

describe('homeDestination', () => {
  const cesiumHomeM = Math.SQRT2 * 1e7 * (1 + Camera.DEFAULT_VIEW_FACTOR);

  it("is Cesium's home on a landscape view", () => {
    const d = homeDestination(camera(1280, 800));
    expect(Cartesian3.magnitude(d)).toBeCloseTo(cesiumHomeM, 3);
    expect(d.y).toBeCloseTo(-d.z, 6);
  });

  it('backs out on a portrait phone until the Earth spans 90 % of its width, same direction', () => {
    const d = homeDestination(camera(390, 700));
    const halfWidthRad = Math.atan(Math.tan(Math.PI / 6) * (390 / 700));
    expect(Cartesian3.magnitude(d)).toBeGreaterThan(cesiumHomeM);
    expect(earthRadiusRad(Cartesian3.magnitude(d))).toBeCloseTo(0.9 * halfWidthRad, 9);
    expect(d.y).toBeCloseTo(-d.z, 6);
  });
});
