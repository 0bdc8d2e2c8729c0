import { create } from 'zustand';

/** The catalog's refresh schedule and how the last refresh went. */
interface RefreshState {
  /** Refresh every this many ms; null: off. */
  intervalMs: number | null;
  /**
   * The operator's choice (kept between visits). It is in force whenever the catalog's source
   * allows it; a source that does not (a local file) turns the schedule off until one that does.
   */
  chosenIntervalMs: number | null;
  /** When the next refresh is due, ms since 1970 (null: none scheduled). */
  nextAtMs: number | null;
  /** The last scheduled refresh that failed: when and why (cleared by the next success). */
  failure: { atMs: number; message: string } | null;
  /** Why the schedule is off or was refused, in words. */
  note: string | null;
  set(partial: Partial<Omit<RefreshState, 'set'>>): void;
}

export const useRefreshStore = create<RefreshState>()((set) => ({
  intervalMs: null,
  chosenIntervalMs: null,
  nextAtMs: null,
  failure: null,
  note: null,
  set: (partial) => set(partial),
}));
