import { create } from 'zustand';

/** Where the camera is: geodetic position and orientation, degrees and km. */
export interface CameraView {
  lonDeg: number;
  latDeg: number;
  heightKm: number;
  headingDeg: number;
  pitchDeg: number;
}

/** One step of the globe's on-screen buttons and keys. */
export type CameraCommand =
  'zoomIn' | 'zoomOut' | 'turnLeft' | 'turnRight' | 'tiltUp' | 'tiltDown' | 'reset';

interface CameraState {
  /** The camera as last settled (the scene publishes it after each move). */
  view: CameraView | null;
  /** A view the scene should jump to (a deep link); bumps `requestCount`. */
  requested: CameraView | null;
  requestCount: number;
  /** The last button step for the scene to apply; `seq` bumps on each. */
  step: { command: CameraCommand; seq: number } | null;
  settled(view: CameraView): void;
  request(view: CameraView): void;
  command(command: CameraCommand): void;
}

export const useCameraStore = create<CameraState>()((set) => ({
  view: null,
  requested: null,
  requestCount: 0,
  step: null,
  settled: (view) => set({ view }),
  request: (view) => set((s) => ({ requested: view, requestCount: s.requestCount + 1 })),
  command: (command) => set((s) => ({ step: { command, seq: (s.step?.seq ?? 0) + 1 } })),
}));

export function formatCameraParam(v: CameraView): string {
  return [
    v.lonDeg.toFixed(4),
    v.latDeg.toFixed(4),
    v.heightKm.toFixed(1),
    v.headingDeg.toFixed(1),
    v.pitchDeg.toFixed(1),
  ].join(',');
}

/** Parses `lon,lat,heightKm,heading,pitch`; null when malformed or out of range. */
export function parseCameraParam(text: string): CameraView | null {
  const parts = text.split(',').map(Number);
  if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lonDeg, latDeg, heightKm, headingDeg, pitchDeg] = parts;
  if (Math.abs(lonDeg) > 180 || Math.abs(latDeg) > 90 || heightKm <= 0 || heightKm > 2e6)
    return null;
  return { lonDeg, latDeg, heightKm, headingDeg, pitchDeg };
}
