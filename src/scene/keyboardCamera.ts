import { Math as CesiumMath, type Camera } from 'cesium';

/** One arrow press turns the globe by this much (a few presses cross a continent). */
const TURN_STEP_RAD = CesiumMath.toRadians(5);
/** One +/− press moves the camera this fraction of its height towards or away from the ground. */
const ZOOM_FRACTION = 0.25;

/**
 * Turns or zooms the camera for one key press, the way a drag or a wheel step would; false when
 * the key is not one of the globe's.
 */
export function applyCameraKey(camera: Camera, key: string): boolean {
  const heightM = camera.positionCartographic.height;
  switch (key) {
    case 'ArrowLeft':
      camera.rotateRight(TURN_STEP_RAD);
      return true;
    case 'ArrowRight':
      camera.rotateLeft(TURN_STEP_RAD);
      return true;
    case 'ArrowUp':
      camera.rotateDown(TURN_STEP_RAD);
      return true;
    case 'ArrowDown':
      camera.rotateUp(TURN_STEP_RAD);
      return true;
    case '+':
    case '=':
      camera.zoomIn(heightM * ZOOM_FRACTION);
      return true;
    case '-':
    case '_':
      camera.zoomOut(heightM * ZOOM_FRACTION);
      return true;
    default:
      return false;
  }
}
