// The conjunction list's history columns: each row's event summary, the status filter, the
// history sorts and how a change reads.
import type { ConjunctionRecord } from '../domain/conjunctions';
import {
  eventSummary,
  type AlertThresholds,
  type ConjunctionEventHistory,
  type EventStatus,
  type EventSummary,
  type UpdateChange,
} from '../domain/history';
import type { HistorySort, HistoryStatusFilter } from '../state/historyStore';

/** A row's event summary by row key. */
export type SummaryLookup = Pick<ReadonlyMap<string, EventSummary>, 'get'>;

/**
 * Summaries made when first asked for and then kept: the list renders a few hundred rows of
 * what may be a quarter of a million events, and only a history filter or sort needs them all.
 */
export function lazySummaries(
  rowEvents: ReadonlyMap<string, ConjunctionEventHistory>,
  thresholds: AlertThresholds,
  nowMs: number,
): SummaryLookup {
  const made = new Map<string, EventSummary | undefined>();
  return {
    get(key) {
      if (made.has(key)) return made.get(key);
      const h = rowEvents.get(key);
      const s = h && eventSummary(h, nowMs, thresholds);
      made.set(key, s);
      return s;
    },
  };
}

/** Order of the status sort, ascending: the most worrying first. */
const STATUS_ORDER: EventStatus[] = ['rising', 'new', 'steady', 'falling', 'dropped', 'past'];

/** Rows by the history filters; rows without a history pass only when no filter is set. */
export function filterByHistory(
  rows: readonly ConjunctionRecord[],
  summaries: SummaryLookup,
  status: HistoryStatusFilter,
  minUpdates: number,
): ConjunctionRecord[] {
  const statusSet = status !== '' && status !== 'archived';
  if (!statusSet && minUpdates <= 1) return rows.slice();
  return rows.filter((r) => {
    const s = summaries.get(r.key);
    return !!s && (!statusSet || s.status === status) && s.updateCount >= minUpdates;
  });
}

function value(s: EventSummary | undefined, key: HistorySort['key']): number | undefined {
  if (!s) return undefined;
  switch (key) {
    case 'updates':
      return s.updateCount;
    case 'status':
      return STATUS_ORDER.indexOf(s.status);
    case 'pcChange':
      return s.change?.pcRatio;
    case 'missChange':
      return s.change?.dMissKm;
  }
}

/** Sorted by a history column (stable: ties keep the list's order); missing values last. */
export function sortByHistory(
  rows: readonly ConjunctionRecord[],
  summaries: SummaryLookup,
  sort: HistorySort,
): ConjunctionRecord[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, v: value(summaries.get(r.key), sort.key) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) {
        if (a.v !== b.v) return a.v === undefined ? 1 : -1;
      } else if (a.v !== b.v) return sign * (a.v - b.v);
      return a.i - b.i;
    })
    .map((x) => x.r);
}

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;

/** The miss distance's change since the previous update: `−120 m` (— for a first update). */
export function formatMissChange(change: UpdateChange | undefined): string {
  if (!change) return '—';
  const m = change.dMissKm * 1000;
  return Math.abs(m) < 10_000 ? `${signed(m, 0)} m` : `${signed(change.dMissKm, 1)} km`;
}

/** The probability's change since the previous update, as a factor: `×2.1`. */
export function formatPcRatio(change: UpdateChange | undefined): string {
  return change?.pcRatio === undefined ? '—' : `×${change.pcRatio.toPrecision(2)}`;
}
