import { create } from 'zustand';

/** The scene's layers, as a fault names them. */
export type SceneLayerName =
  'notifications' | 'encounter' | 'selection' | 'catalog points' | 'orbit paths';

/** Something one layer could not draw: it was dropped from the globe, the rest kept drawing. */
export interface SceneFault {
  layer: SceneLayerName;
  /** What was dropped: "notification NOTAM-1", "the selected object's orbit". */
  item: string;
  message: string;
}

interface SceneFaultState {
  faults: SceneFault[];
  /** Record a fault (once per layer and item). */
  report(fault: SceneFault): void;
  dismiss(): void;
}

export const useSceneFaultStore = create<SceneFaultState>()((set) => ({
  faults: [],
  report: (fault) =>
    set((s) =>
      s.faults.some((f) => f.layer === fault.layer && f.item === fault.item)
        ? s
        : { faults: [...s.faults, fault] },
    ),
  dismiss: () => set({ faults: [] }),
}));

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
