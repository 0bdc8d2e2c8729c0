import { create } from 'zustand';

/**
 * The selected object's drawn state, published by the scene at most four times a second for
 * the info panel (React must not re-render every frame).
 */
interface SelectedState {
  /** Earth-fixed x, y, z (km), vx, vy, vz (km/s), or null while unknown. */
  ecefKm: number[] | null;
  timeMs: number;
  /** Objects not drawn at the current time because SGP4 failed or they have decayed. */
  unpropagatedCount: number;
}

export const useSelectedStateStore = create<SelectedState>()(() => ({
  ecefKm: null,
  timeMs: 0,
  unpropagatedCount: 0,
}));

const PUBLISH_INTERVAL_MS = 250;
let lastPublishedWallMs = 0;

/** `immediate` when frames are rare (paused clock): every one of them must reach the panel. */
export function publishSelectedState(
  ecefKm: Float64Array | null,
  timeMs: number,
  immediate = false,
): void {
  const now = performance.now();
  if (ecefKm && !immediate && now - lastPublishedWallMs < PUBLISH_INTERVAL_MS) return;
  lastPublishedWallMs = now;
  useSelectedStateStore.setState({ ecefKm: ecefKm ? Array.from(ecefKm) : null, timeMs });
}
