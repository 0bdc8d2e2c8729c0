import { create } from 'zustand';

/** What the browser holds, counted without loading it (the ?safe=1 view). */
export interface StoredCounts {
  notifications: number;
  watchList: number;
  /** Records set aside by earlier starts, in both stores. */
  setAside: number;
}

interface SafeModeState {
  /** `?safe=1`: stored data is neither loaded nor written this session. */
  active: boolean;
  stored: StoredCounts | null;
  /** The outcome of "remove stored data", in words. */
  outcome: string | null;
  start(): void;
  setStored(stored: StoredCounts | null, outcome?: string | null): void;
}

export const useSafeModeStore = create<SafeModeState>()((set) => ({
  active: false,
  stored: null,
  outcome: null,
  start: () => set({ active: true }),
  setStored: (stored, outcome = null) => set({ stored, outcome }),
}));

/** False in safe mode: the stores in the browser are left as they are. */
export const storageEnabled = (): boolean => !useSafeModeStore.getState().active;
