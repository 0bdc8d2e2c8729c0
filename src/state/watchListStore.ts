import { create } from 'zustand';
import { DEFAULT_RESCREEN, type RescreenSettings } from '../domain/settings/operatorSettings';
import type { WatchEntry, WatchNotice } from '../domain/watchlist';
import type { SettingsNotice } from '../domain/settings/operatorSettings';
import type { RunDescription } from '../domain/screening/runs';
import { screeningFailureText, type ScreeningFailure } from './screeningStore';

// The operator's watch list (kept in IndexedDB by services/watchList.ts), and the settings of
// the watch list's re-screening on each new catalog (kept by services/operatorSettings.ts).

/** The watch list's last re-screening, or the one under way. */
export interface RescreenStatus {
  state: 'running' | 'done' | 'failed' | 'skipped';
  /** The run (absent when skipped). */
  run?: RunDescription;
  events?: number;
  /** Watched objects not in the catalog (not screened). */
  missing: number[];
  /** Why it failed or was skipped, as data (worded by the interface). */
  reason?: RescreenReason;
}

export type RescreenReason =
  | { code: 'noCatalog' | 'emptyList' | 'noneInCatalog' | 'notFinished' }
  | { code: 'screening'; failure: ScreeningFailure };

/** The status line's failure in English (logs, tests). */
export function rescreenReasonText(r: RescreenReason): string {
  switch (r.code) {
    case 'noCatalog':
      return 'no catalog loaded';
    case 'emptyList':
      return 'the watch list is empty';
    case 'noneInCatalog':
      return 'no watched object is in the loaded catalog';
    case 'notFinished':
      return 'the screening did not finish';
    case 'screening':
      return screeningFailureText(r.failure);
  }
}

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
  /** The same as data (a stored-settings notice has a `code`, the list's own a `kind`). */
  alertNotice: SettingsNotice | WatchNotice | null;
  rescreen: RescreenSettings;
  rescreenStatus: RescreenStatus | null;
  setEntries(entries: WatchEntry[]): void;
  setRestored(): void;
  setAlert(message: string | null, notice?: SettingsNotice | WatchNotice): void;
  setRescreen(partial: Partial<RescreenSettings>): void;
  setRescreenStatus(status: RescreenStatus | null): void;
}

export const useWatchListStore = create<WatchListState>()((set) => ({
  entries: [],
  ids: new Set(),
  version: 0,
  restored: false,
  alert: null,
  alertNotice: null,
  rescreen: DEFAULT_RESCREEN,
  rescreenStatus: null,
  setEntries: (entries) =>
    set((s) => ({ entries, ids: new Set(entries.map((e) => e.noradId)), version: s.version + 1 })),
  setRestored: () => set({ restored: true }),
  setAlert: (alert, notice) => set({ alert, alertNotice: notice ?? null }),
  setRescreen: (partial) => set((s) => ({ rescreen: { ...s.rescreen, ...partial } })),
  setRescreenStatus: (rescreenStatus) => set({ rescreenStatus }),
}));
