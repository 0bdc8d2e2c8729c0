import {
  Camera,
  Cartesian3,
  Ellipsoid,
  Math as CesiumMath,
  Matrix4,
  PerspectiveFrustum,
} from 'cesium';
import type { CameraCommand } from '../state/cameraStore';
import { flightSeconds } from './motion';

/** One arrow press turns the globe by this much (a few presses cross a continent). */
const TURN_STEP_RAD = CesiumMath.toRadians(5);
/** One +/− press moves the camera this fraction of its height towards or away from the ground. */
const ZOOM_FRACTION = 0.25;

const KEYS: Readonly<Record<string, CameraCommand>> = {
  ArrowLeft: 'turnLeft',
  ArrowRight: 'turnRight',
  ArrowUp: 'tiltUp',
  ArrowDown: 'tiltDown',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  _: 'zoomOut',
  Home: 'reset',
};

/** The focused globe's command for a key, or null when the key is not one of the globe's. */
export function cameraCommandForKey(key: string): CameraCommand | null {
  return KEYS[key] ?? null;
}

/** Turns, zooms or resets the camera by one step, the way a drag or a wheel step would. */
export function applyCameraCommand(camera: Camera, command: CameraCommand): void {
  const heightM = camera.positionCartographic.height;
  switch (command) {
    case 'turnLeft':
      return camera.rotateRight(TURN_STEP_RAD);
    case 'turnRight':
      return camera.rotateLeft(TURN_STEP_RAD);
    case 'tiltUp':
      return camera.rotateDown(TURN_STEP_RAD);
    case 'tiltDown':
      return camera.rotateUp(TURN_STEP_RAD);
    case 'zoomIn':
      return camera.zoomIn(heightM * ZOOM_FRACTION);
    case 'zoomOut':
      return camera.zoomOut(heightM * ZOOM_FRACTION);
    case 'reset':
      return camera.flyTo({
        destination: homeDestination(camera),
        orientation: { heading: 0, pitch: -CesiumMath.PI_OVER_TWO, roll: 0 },
        duration: flightSeconds(),
        endTransform: Matrix4.IDENTITY,
      });
  }
}

/** On a view narrower than it is tall, the whole Earth spans at most this share of its width. */
const HOME_WIDTH_SHARE = 0.9;

/**
 * Cesium's home position (over the Americas), backed out where the view is narrower than tall:
 * Cesium fits the Earth to the height, which on a portrait phone cuts it off at the sides.
 */
export function homeDestination(camera: Camera): Cartesian3 {
  const home = camera.getRectangleCameraCoordinates(Camera.DEFAULT_VIEW_RECTANGLE);
  const homeM = Cartesian3.magnitude(home) * (1 + Camera.DEFAULT_VIEW_FACTOR);
  const { fov, aspectRatio } =
    camera.frustum instanceof PerspectiveFrustum ? camera.frustum : { fov: 0, aspectRatio: 1 };
  let distanceM = homeM;
  if (fov && aspectRatio && aspectRatio < 1) {
    const halfWidthRad = Math.atan(Math.tan(fov / 2) * aspectRatio);
    const fitM = Ellipsoid.WGS84.maximumRadius / Math.sin(HOME_WIDTH_SHARE * halfWidthRad);
    distanceM = Math.max(homeM, fitM);
  }
  return Cartesian3.multiplyByScalar(Cartesian3.normalize(home, home), distanceM, home);
}
