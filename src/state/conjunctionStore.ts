// Conjunction events from every source, the selected one, the list's filters and sort, and the
// settings (default hard-body radius, how long before TCA the clock stops).
//
// For other parts of the app:
//  • Event history (services/eventHistory.ts): setHistoryRows(rows) lists one row per event; the
//    app's screening runs and imports reach the list through it.
//  • Briefing tour: useConjunctionStore.getState().eventsSortedBy('pc' | 'range') gives the events
//    highest Pc first / closest first; select(key) shows one (clock, globe, encounter panel).
import { limitUrlSearch } from '../domain/limits';
import { create } from 'zustand';
import {
  byMissAscending,
  byPcDescending,
  DEFAULT_HBR_M,
  findByKey,
  NO_FILTERS,
  withDefaultHbr,
  withObjectHbr,
  type ConjunctionFilters,
  type ConjunctionRecord,
  type ConjunctionSource,
  type SortKey,
  type SortSpec,
} from '../domain/conjunctions';
import { useClockStore } from './clockStore';
import type { ImportNotice } from '../domain/conjunctions/importNotice';

/** A set of row keys (a Set, or a Map keyed by them). */
export interface RowKeys {
  has(key: string): boolean;
}

export interface ConjunctionSettings {
  /** Hard-body radius for events whose source gives none, m. */
  defaultHbrM: number;
  /** Selecting an event stops the clock this long before TCA, ms. */
  leadMs: number;
  /** Hard-body radii of watched objects, m: used for their events where the source gives none. */
  objectHbrM: ReadonlyMap<number, number>;
}

export const DEFAULT_LEAD_MS = 120_000;

interface ConjunctionState {
  events: ConjunctionRecord[];
  /** Bumps on every change to `events`. */
  version: number;
  selectedKey: string | null;
  filters: ConjunctionFilters;
  sort: SortSpec;
  settings: ConjunctionSettings;
  /** The last import's problems, in words (shown as an alert); what loaded stays. */
  alert: string | null;
  /** The same as data, when it came from an import: the interface words it. */
  alertNotice: ImportNotice | null;
  /** An `?event=` key waiting for its event to arrive (import or screening). */
  pendingLink: string | null;
  /** Add events; an event with the key of one already listed replaces it. */
  addEvents(source: ConjunctionSource, records: readonly ConjunctionRecord[]): void;
  /** A finished screening run: its events replace the previous run's. */
  /**
   * The event history's rows (one per event) replace its previous rows and any other row with the
   * same key. `follow`: the selected event's new row key (null: its row is gone; undefined: keep).
   */
  /** `keys`: the rows' keys when the caller holds them already (a week's rows: 231,673). */
  setHistoryRows(rows: readonly ConjunctionRecord[], follow?: string | null, keys?: RowKeys): void;
  /** Keys of the rows from the event history. */
  historyKeys: RowKeys;
  /** Remove events (all, or one source's). */
  clear(source?: ConjunctionSource): void;
  /** Select an event (null: none): the clock stops `leadMs` before its TCA. */
  select(key: string | null): void;
  setFilters(partial: Partial<ConjunctionFilters>): void;
  setSort(sort: SortSpec): void;
  /** Sort by a column; the same column again flips the direction. */
  toggleSort(key: SortKey): void;
  setDefaultHbr(hbrM: number): void;
  setLeadMs(leadMs: number): void;
  /** The watch list's radii changed: events whose radius was not the source's are recomputed. */
  setObjectHbrs(objectHbrM: ReadonlyMap<number, number>): void;
  setAlert(message: string | null, notice?: ImportNotice): void;
  setPendingLink(key: string | null): void;
  eventsSortedBy(key: 'pc' | 'range'): ConjunctionRecord[];
}

function initialLink(): string | null {
  if (typeof location === 'undefined') return null;
  return limitUrlSearch(location.search).params?.get('event') ?? null;
}

function merge(
  existing: readonly ConjunctionRecord[],
  incoming: readonly ConjunctionRecord[],
): ConjunctionRecord[] {
  const keys = new Set(incoming.map((r) => r.key));
  const byKey = new Map(incoming.map((r) => [r.key, r]));
  return [...existing.filter((r) => !keys.has(r.key)), ...byKey.values()];
}

export const useConjunctionStore = create<ConjunctionState>()((set, get) => {
  /** After the list changes: select the linked event once it is there. */
  const afterChange = () => {
    const { pendingLink, events } = get();
    if (!pendingLink) return;
    const hit = findByKey(events, pendingLink);
    if (hit) {
      set({ pendingLink: null });
      get().select(hit.key);
    }
  };
  return {
    events: [],
    version: 0,
    selectedKey: null,
    filters: NO_FILTERS,
    sort: { key: 'tca', dir: 'asc' },
    settings: { defaultHbrM: DEFAULT_HBR_M, leadMs: DEFAULT_LEAD_MS, objectHbrM: new Map() },
    alert: null,
    alertNotice: null,
    pendingLink: initialLink(),
    addEvents: (source, records) => {
      const { defaultHbrM, objectHbrM } = get().settings;
      set((s) => ({
        events: merge(
          s.events,
          records.map((r) => withObjectHbr({ ...r, source }, objectHbrM, defaultHbrM)),
        ),
        version: s.version + 1,
      }));
      afterChange();
    },
    historyKeys: new Set(),
    setHistoryRows: (rows, follow, given) => {
      set((s) => {
        const keys = given ?? new Set(rows.map((r) => r.key));
        const others = s.events.filter((r) => !s.historyKeys.has(r.key) && !keys.has(r.key));
        const events = [...rows, ...others];
        const wanted = follow === undefined ? s.selectedKey : follow;
        const selectedKey =
          wanted !== null && (keys.has(wanted) || others.some((r) => r.key === wanted))
            ? wanted
            : null;
        return { events, historyKeys: keys, version: s.version + 1, selectedKey };
      });
      afterChange();
    },
    clear: (source) =>
      set((s) => {
        const events = source ? s.events.filter((r) => r.source !== source) : [];
        const selectedKey = events.some((r) => r.key === s.selectedKey) ? s.selectedKey : null;
        return { events, version: s.version + 1, selectedKey };
      }),
    select: (key) => {
      const record = key === null ? undefined : get().events.find((r) => r.key === key);
      // The clock first, so that whoever reacts to the selection sees the encounter's time.
      if (record) {
        const clock = useClockStore.getState();
        clock.pause();
        clock.setTime(record.tcaMs - get().settings.leadMs);
      }
      set({ selectedKey: record ? record.key : null });
    },
    setFilters: (partial) => set((s) => ({ filters: { ...s.filters, ...partial } })),
    setSort: (sort) => set({ sort }),
    toggleSort: (key) =>
      set((s) => ({
        sort:
          s.sort.key === key
            ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' }
            : { key, dir: key === 'pc' ? 'desc' : 'asc' },
      })),
    setDefaultHbr: (hbrM) => {
      if (!(hbrM > 0 && hbrM < 1000)) return;
      set((s) => ({
        settings: { ...s.settings, defaultHbrM: hbrM },
        events: s.events.map((r) => withDefaultHbr(r, hbrM)),
        version: s.version + 1,
      }));
    },
    setLeadMs: (leadMs) => {
      if (!(leadMs >= 0 && leadMs <= 600_000)) return;
      set((s) => ({ settings: { ...s.settings, leadMs } }));
    },
    setObjectHbrs: (objectHbrM) =>
      set((s) => ({
        settings: { ...s.settings, objectHbrM },
        events: s.events.map((r) => withObjectHbr(r, objectHbrM, s.settings.defaultHbrM)),
        version: s.version + 1,
      })),
    setAlert: (alert, notice) => set({ alert, alertNotice: notice ?? null }),
    setPendingLink: (pendingLink) => {
      set({ pendingLink });
      afterChange();
    },
    eventsSortedBy: (key) => (key === 'pc' ? byPcDescending : byMissAscending)(get().events),
  };
});

/** The selected event, if any. */
export function selectedConjunction(
  s: Pick<ConjunctionState, 'events' | 'selectedKey'> = useConjunctionStore.getState(),
): ConjunctionRecord | undefined {
  return s.selectedKey === null ? undefined : s.events.find((r) => r.key === s.selectedKey);
}

/**
 * Keep `event=` in the page address in step with the selected event (replacing the entry: the
 * selection history is the catalog selection's). Other address parameters are left alone.
 */
export function startConjunctionUrlSync(): () => void {
  return useConjunctionStore.subscribe((s, prev) => {
    if (s.selectedKey === prev.selectedKey) return;
    const url = new URL(window.location.href);
    if (s.selectedKey === null) url.searchParams.delete('event');
    else url.searchParams.set('event', s.selectedKey);
    if (url.href !== window.location.href) window.history.replaceState(null, '', url);
  });
}
