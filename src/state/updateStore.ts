import { create } from 'zustand';

interface UpdateState {
  /** A new version is installed and waits; it never replaces the running one by itself. */
  ready: boolean;
  /** Reload into the waiting version (set with `ready`). */
  apply: (() => void) | null;
  announce(apply: () => void): void;
}

export const useUpdateStore = create<UpdateState>()((set) => ({
  ready: false,
  apply: null,
  announce: (apply) => set({ ready: true, apply }),
}));
