import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_THRESHOLDS, eventSummary, mergeUpdates } from '../domain/history';
import { HOUR, T0, testUpdate } from '../domain/history/testSupport';
import {
  filterByHistory,
  formatMissChange,
  formatPcRatio,
  lazySummaries,
  sortByHistory,
} from './historyRows';

// Three events, in order of their first update: 1-2 rising (Pc ×4), 5-6 falling (Pc ×0.1), 3-4 new.
const histories = mergeUpdates(
  [],
  [
    testUpdate({ id1: 1, id2: 2, createdMs: T0 - 3 * HOUR, pc: 1e-5, missKm: 0.5 }),
    testUpdate({ id1: 1, id2: 2, createdMs: T0 - 2 * HOUR, pc: 4e-5, missKm: 0.3 }),
    testUpdate({ id1: 3, id2: 4, createdMs: T0 - 2 * HOUR, pc: 1e-6 }),
    testUpdate({ id1: 5, id2: 6, createdMs: T0 - 3 * HOUR, pc: 1e-4, missKm: 0.2 }),
    testUpdate({ id1: 5, id2: 6, createdMs: T0 - 2 * HOUR, pc: 1e-5, missKm: 12.2 }),
  ],
);
const rows = histories.map((h) => h.updates.at(-1)!.record);
const summaries = new Map(
  histories.map((h, i) => [rows[i].key, eventSummary(h, T0 - 4 * HOUR, DEFAULT_ALERT_THRESHOLDS)]),
);
const pairs = (list: typeof rows) => list.map((r) => r.designator1);

describe('history columns of the conjunction list', () => {
  it('lazy summaries equal the eager ones and are kept once made', () => {
    const rowEvents = new Map(histories.map((h, i) => [rows[i].key, h]));
    const lazy = lazySummaries(rowEvents, DEFAULT_ALERT_THRESHOLDS, T0 - 4 * HOUR);
    for (const r of rows) expect(lazy.get(r.key)).toEqual(summaries.get(r.key));
    expect(lazy.get('no such row')).toBeUndefined();
    expect(pairs(filterByHistory(rows, lazy, 'rising', 1))).toEqual(['1']);
    // Kept: asked twice, the same object.
    expect(lazy.get(rows[0].key)).toBe(lazy.get(rows[0].key));
  });

  it('filters by status and by the number of updates; rows without a history only pass unfiltered', () => {
    const other = { ...rows[0], key: 'other' };
    expect(pairs(filterByHistory([...rows, other], summaries, '', 1))).toEqual([
      '1',
      '5',
      '3',
      '1',
    ]);
    expect(pairs(filterByHistory(rows, summaries, 'rising', 1))).toEqual(['1']);
    expect(pairs(filterByHistory(rows, summaries, 'new', 1))).toEqual(['3']);
    expect(pairs(filterByHistory([...rows, other], summaries, '', 2))).toEqual(['1', '5']);
  });

  it('sorts by updates, status, Pc change and miss change; missing values last', () => {
    const by = (key: 'updates' | 'status' | 'pcChange' | 'missChange', dir: 'asc' | 'desc') =>
      pairs(sortByHistory(rows, summaries, { key, dir }));
    expect(by('updates', 'asc')).toEqual(['3', '1', '5']);
    expect(by('status', 'asc')).toEqual(['1', '3', '5']);
    expect(by('pcChange', 'desc')).toEqual(['1', '5', '3']);
    expect(by('pcChange', 'asc')).toEqual(['5', '1', '3']);
    expect(by('missChange', 'asc')).toEqual(['1', '5', '3']);
  });

  it('says the changes in words', () => {
    const [rising, falling] = rows.map((r) => summaries.get(r.key)!.change);
    expect(formatMissChange(rising)).toBe('−200 m');
    expect(formatPcRatio(rising)).toBe('×4.0');
    expect(formatMissChange(falling)).toBe('+12.0 km');
    expect(formatPcRatio(falling)).toBe('×0.10');
    expect(formatMissChange(undefined)).toBe('—');
  });
});
