// Conjunction events over time: every event's updates from every source (screening runs, CDMs,
// SOCRATES lists), grouped by the domain's rule. The store is pure state; services/eventHistory.ts
// feeds it, keeps it in IndexedDB and shares it between tabs.
import { create } from 'zustand';
import {
  acknowledgeAlert,
  addUpdatesSteps,
  DEFAULT_ALERT_THRESHOLDS,
  mergeHistories,
  runSteps,
  type AlertThresholds,
  type ConjunctionEventHistory,
  type EventStatus,
  type EventUpdate,
  type ListedAlert,
  type ScreeningCoverage,
} from '../domain/history';

/** The list's history filter: a status, or the archived events (out of the working list). */
export type HistoryStatusFilter = '' | EventStatus | 'archived';

export type HistorySortKey = 'updates' | 'status' | 'pcChange' | 'missChange';

export interface HistorySort {
  key: HistorySortKey;
  dir: 'asc' | 'desc';
}

/** Where the stored history stands: kept, not kept (full, unavailable), or being read back. */
export interface HistoryStorage {
  state: 'restoring' | 'ok' | 'unavailable' | 'full';
  /** Why it is not ok, in words. */
  message?: string;
}

interface HistoryState {
  histories: ConjunctionEventHistory[];
  /** Bumps on every change to `histories`. */
  version: number;
  thresholds: AlertThresholds;
  statusFilter: HistoryStatusFilter;
  minUpdates: number;
  /** Sorting by a history column; null: the list's own sort. */
  sort: HistorySort | null;
  /** An older update of the selected event whose geometry the encounter panel shows. */
  viewed: { eventId: string; updateId: string } | null;
  storage: HistoryStorage;
  /**
   * The conjunction list's row keys → the event each row shows, as the rows were made from it
   * (set by the row sync).
   */
  rowEvents: ReadonlyMap<string, ConjunctionEventHistory>;
  /** Every alert, newest first, and how many are unacknowledged (set by the alert watch). */
  alerts: { list: readonly ListedAlert[]; unacknowledged: number };
  /** The last problem with the history (records set aside, a bad document), in words. */
  alert: string | null;
  /** Desktop notifications of new alerts (the operator's choice, permission granted). */
  notify: boolean;
  /** Add updates by the grouping rule; then a screening run's drop rule when given. */
  addUpdates(updates: readonly EventUpdate[], run?: ScreeningCoverage): void;
  /**
   * Histories worked out from `from` outside the store (in slices): swapped in only while the
   * store still holds `from`; false, and nothing changed, when it moved on meanwhile.
   */
  replaceHistories(
    from: readonly ConjunctionEventHistory[],
    to: ConjunctionEventHistory[],
  ): boolean;
  /** Merge events (a document import, another tab's events). */
  mergeEvents(events: readonly ConjunctionEventHistory[]): void;
  /** Replace events by eventId (read back from storage); others are kept. */
  putEvents(events: readonly ConjunctionEventHistory[]): void;
  /** Bring archived events that hold any of these updates back to the working list. */
  unarchive(updateIds: ReadonlySet<string>): void;
  acknowledge(eventId: string, alertId: string, atMs: number): void;
  setThresholds(partial: Partial<AlertThresholds>): void;
  setStatusFilter(filter: HistoryStatusFilter): void;
  setMinUpdates(n: number): void;
  /** Sort by a history column; the same column again flips the direction; null: off. */
  toggleSort(key: HistorySortKey | null): void;
  view(viewed: { eventId: string; updateId: string } | null): void;
  setStorage(storage: HistoryStorage): void;
  setAlert(alert: string | null): void;
  setNotify(on: boolean): void;
}

export const useHistoryStore = create<HistoryState>()((set) => {
  const change = (f: (h: ConjunctionEventHistory[]) => ConjunctionEventHistory[]) =>
    set((s) => {
      const histories = f(s.histories);
      return histories === s.histories ? {} : { histories, version: s.version + 1 };
    });
  return {
    histories: [],
    version: 0,
    thresholds: DEFAULT_ALERT_THRESHOLDS,
    statusFilter: '',
    minUpdates: 1,
    sort: null,
    viewed: null,
    storage: { state: 'restoring' },
    rowEvents: new Map(),
    alerts: { list: [], unacknowledged: 0 },
    alert: null,
    notify: false,
    addUpdates: (updates, run) => change((h) => runSteps(addUpdatesSteps(h, updates, run))),
    replaceHistories: (from, to) => {
      let swapped = false;
      change((h) => {
        swapped = h === from;
        return swapped ? to : h;
      });
      return swapped;
    },
    mergeEvents: (events) => change((h) => mergeHistories(h, events)),
    putEvents: (events) =>
      change((h) => {
        const byId = new Map(events.map((e) => [e.eventId, e]));
        const out = h.map((x) => byId.get(x.eventId) ?? x);
        const known = new Set(h.map((x) => x.eventId));
        return [...out, ...events.filter((e) => !known.has(e.eventId))];
      }),
    unarchive: (updateIds) =>
      change((h) => {
        let changed = false;
        const out = h.map((x) => {
          if (!x.archived || !x.updates.some((u) => updateIds.has(u.updateId))) return x;
          changed = true;
          return { ...x, archived: false };
        });
        return changed ? out : h;
      }),
    acknowledge: (eventId, alertId, atMs) =>
      change((h) => {
        const i = h.findIndex((x) => x.eventId === eventId);
        if (i < 0) return h;
        const next = acknowledgeAlert(h[i], alertId, atMs);
        return next === h[i] ? h : h.map((x, j) => (j === i ? next : x));
      }),
    setThresholds: (partial) => set((s) => ({ thresholds: { ...s.thresholds, ...partial } })),
    setStatusFilter: (statusFilter) => set({ statusFilter }),
    setMinUpdates: (n) => set({ minUpdates: Number.isInteger(n) && n >= 1 ? n : 1 }),
    toggleSort: (key) =>
      set((s) => ({
        sort:
          key === null
            ? null
            : s.sort?.key === key
              ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' }
              : { key, dir: 'desc' },
      })),
    view: (viewed) => set({ viewed }),
    setStorage: (storage) => set({ storage }),
    setAlert: (alert) => set({ alert }),
    setNotify: (notify) => set({ notify }),
  };
});
