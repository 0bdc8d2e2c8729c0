import { Math as CesiumMath, type Camera } from 'cesium';
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
      return camera.flyHome(flightSeconds());
  }
}
