import { create } from 'zustand';
import type { WatchEntry } from '../domain/watchlist';

/**
 * The operator's watch list (kept in IndexedDB by services/watchList.ts), and the settings of
 * the watch list's re-screening on each new catalog.
 */
export interface RescreenSettings {
  /** Screen the watch list whenever a catalog is loaded or refreshed. */
  auto: boolean;
  durationHours: number;
  thresholdKm: number;
}

export const DEFAULT_RESCREEN: RescreenSettings = {
  auto: true,
  durationHours: 168,
  thresholdKm: 5,
};

interface WatchListState {
  entries: WatchEntry[];
  /** The catalog numbers in `entries`, for quick "is it watched?" questions. */
  ids: ReadonlySet<number>;
  /** Bumps on every change to `entries`. */
  version: number;
  /** The stored list has been read back (or could not be). */
  restored: boolean;
  /** The last problem (import, storage), in words; the list stays as it was. */
  alert: string | null;
  rescreen: RescreenSettings;
  setEntries(entries: WatchEntry[]): void;
  setRestored(): void;
  setAlert(message: string | null): void;
  setRescreen(partial: Partial<RescreenSettings>): void;
}

export const useWatchListStore = create<WatchListState>()((set) => ({
  entries: [],
  ids: new Set(),
  version: 0,
  restored: false,
  alert: null,
  rescreen: DEFAULT_RESCREEN,
  setEntries: (entries) =>
    set((s) => ({ entries, ids: new Set(entries.map((e) => e.noradId)), version: s.version + 1 })),
  setRestored: () => set({ restored: true }),
  setAlert: (alert) => set({ alert }),
  setRescreen: (partial) => set((s) => ({ rescreen: { ...s.rescreen, ...partial } })),
}));
