import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addUpdatesSteps,
  historyIssueText,
  runSteps,
  type ConjunctionEventHistory,
} from '../domain/history';
import { HOUR, MINUTE, T0, testRecord, testUpdate } from '../domain/history/testSupport';
import type { ScreeningResult } from '../domain/screening/types';
import { useConjunctionStore } from '../state/conjunctionStore';
import { useHistoryStore } from '../state/historyStore';
import {
  addUpdatesInSlices,
  exportHistoryDocument,
  historyRowsShown,
  historyWritten,
  importHistoryText,
  recordImported,
  recordScreeningRun,
  restoreHistory,
  startHistoryPersistence,
  startHistoryRows,
} from './eventHistory';
import { yieldToPage } from './slices';

const DAY = 86_400_000;
const store = () => useHistoryStore.getState();
const db = () => openDB('orbital-watch-history');

async function storedIds(): Promise<string[]> {
  const d = await db();
  const keys = (await d.getAllKeys('events')) as string[];
  d.close();
  return keys;
}

const emptyResult = (): ScreeningResult =>
  ({ events: [], flags: [], stats: {} }) as unknown as ScreeningResult;

let stops: (() => void)[] = [];
beforeAll(async () => {
  await restoreHistory(T0);
  stops = [startHistoryPersistence(), startHistoryRows()];
});
afterAll(() => stops.forEach((s) => s()));

beforeEach(async () => {
  useHistoryStore.setState({ histories: [], alert: null, statusFilter: '', viewed: null });
  await historyWritten();
  const d = await db();
  await d.clear('events');
  d.close();
});

describe('event history service', () => {
  it('writes changes through and reads them back (a reload), archiving events long past TCA', async () => {
    store().addUpdates([
      testUpdate({ tcaMs: T0, createdMs: T0 - 3 * HOUR, pc: 1e-5 }),
      testUpdate({ tcaMs: T0 + 1000, createdMs: T0 - 2 * HOUR, pc: 3e-4 }),
      testUpdate({ id1: 1, id2: 2, tcaMs: T0 - 40 * DAY, createdMs: T0 - 41 * DAY }),
    ]);
    await historyWritten();
    expect((await storedIds()).length).toBe(2);

    useHistoryStore.setState({ histories: [] }); // what a reload starts with
    await historyWritten();
    await restoreHistory(T0);
    const h = store().histories;
    expect(h.map((x) => x.updates.length).sort()).toEqual([1, 2]);
    expect(h.find((x) => x.designator1 === '1')!.archived).toBe(true);
    expect(h.find((x) => x.designator1 === '25544')!.archived).toBeUndefined();
    // Archived: out of the working list, in the "archived" filter's.
    expect(useConjunctionStore.getState().events.map((r) => r.designator1)).toEqual(['25544']);
    store().setStatusFilter('archived');
    expect(useConjunctionStore.getState().events.map((r) => r.designator1)).toEqual(['1']);
    store().setStatusFilter('');
    // The archive flag is stored.
    await historyWritten();
    const d = await db();
    const stored = (await d.getAll('events')) as { designator1: string; archived?: boolean }[];
    d.close();
    expect(stored.find((x) => x.designator1 === '1')!.archived).toBe(true);
  });

  it('sets aside a stored record that fails validation, names it, and loads the rest', async () => {
    store().addUpdates([testUpdate({ pc: 1e-5 }), testUpdate({ id1: 7, id2: 8, pc: 1e-6 })]);
    await historyWritten();
    const d = await db();
    const [first] = (await d.getAll('events')) as {
      eventId: string;
      updates: { missKm: unknown }[];
    }[];
    first.updates[0].missKm = 'far';
    await d.put('events', first);
    d.close();

    useHistoryStore.setState({ histories: [] });
    await historyWritten();
    await restoreHistory(T0);
    expect(store().histories).toHaveLength(1);
    expect(store().alert).toContain(
      `1 stored event set aside (not loaded): ${first.eventId}: events[0].updates[0].missKm must be a finite number, not "far"`,
    );
    expect(await storedIds()).not.toContain(first.eventId);
    const d2 = await db();
    const aside = (await d2.getAll('set-aside')) as { eventId: string; reason: string }[];
    d2.close();
    expect(aside.at(-1)).toMatchObject({
      eventId: first.eventId,
      reason: expect.stringMatching(/finite/),
    });
  });

  it('reports full storage and leaves what was stored unchanged', async () => {
    store().addUpdates([testUpdate({ pc: 1e-5 })]);
    await historyWritten();
    const before = await storedIds();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    store().addUpdates([testUpdate({ id1: 3, id2: 4 })]);
    await historyWritten();
    put.mockRestore();
    expect(store().storage.state).toBe('full');
    expect(store().storage.message).toMatch(
      /^1 changed event not saved: the browser's storage is full/,
    );
    expect(await storedIds()).toEqual(before);
    // On screen all the same; the next write that works stores it.
    expect(store().histories).toHaveLength(2);
    store().acknowledge(store().histories[0].eventId, 'x', T0);
    await historyWritten();
    expect(store().storage.state).toBe('ok');
    expect((await storedIds()).length).toBe(2);
  });

  it('imported records of one event are one row with their updates; a SOCRATES list takes its file time', () => {
    const socrates = {
      ...testRecord({ id1: 5, id2: 6 }),
      source: 'socrates' as const,
      sourceLabel: 'list.csv',
    };
    const { leftOver, problems } = recordImported([socrates], new Map([['list.csv', T0 - DAY]]));
    expect(leftOver).toEqual([]);
    expect(problems).toEqual([]);
    expect(store().histories[0].updates[0].createdMs).toBe(T0 - DAY);
    const noTime = { ...socrates, sourceLabel: 'other.csv' };
    const second = recordImported([noTime], new Map());
    expect(second.leftOver).toEqual([noTime]);
    expect(second.problems.map(historyIssueText)[0]).toMatch(/^other\.csv: no report time/);
  });

  it('a watch-list run marks dropped only the events of its primaries', async () => {
    store().addUpdates([
      testUpdate({ id1: 100, id2: 200, tcaMs: T0 + HOUR, createdMs: T0 - HOUR }),
      testUpdate({ id1: 300, id2: 400, tcaMs: T0 + HOUR, createdMs: T0 - HOUR }),
    ]);
    await recordScreeningRun(
      emptyResult(),
      {
        kind: 'rescreen',
        startMs: T0,
        hours: 24,
        thresholdKm: 5,
        scope: { kind: 'watchList', count: 1, catalog: 'test' },
      },
      {
        startMs: T0,
        durationHours: 24,
        thresholdKm: 5,
        primaries: [200],
      },
      T0,
    );
    const byPair = new Map(store().histories.map((h) => [h.designator1, h]));
    expect(byPair.get('100')!.droppedAtMs).toBe(T0);
    expect(byPair.get('300')!.droppedAtMs).toBeUndefined();
  });

  it('merges in slices; a history changed meanwhile is merged again, nothing lost', async () => {
    store().addUpdates([testUpdate({ id1: 1, id2: 2, pc: 1e-5 })]);
    const before = store().histories;
    const run = {
      runLabel: 'week',
      atMs: T0,
      startMs: T0 - DAY,
      endMs: T0 + DAY,
      objectIds: [1, 2],
    };
    const updates = Array.from({ length: 3000 }, (_, k) =>
      testUpdate({ id1: 10 + (k % 500), id2: 9000, tcaMs: T0 + (k % 500) * MINUTE, run: 'week' }),
    );
    const meanwhile = testUpdate({ id1: 7, id2: 8, pc: 1e-4 });
    // A clock that runs 10 ms a reading: the merge yields to the page every few steps.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    try {
      const merging = addUpdatesInSlices(updates, run);
      expect(store().histories).toBe(before);
      store().addUpdates([meanwhile]);
      const changed = store().histories;
      await merging;
      const expected = (from: readonly ConjunctionEventHistory[]) =>
        runSteps(addUpdatesSteps(from, updates, run));
      expect(store().histories).toEqual(expected(changed));
      expect(store().histories).not.toEqual(expected(before));
      expect(store().histories).toHaveLength(502);
      // Not swapped in piecemeal: the first event dropped by the run, the one added meanwhile kept.
      expect(store().histories[0].droppedAtMs).toBe(T0);
      expect(store().histories[1].updates[0].updateId).toBe(meanwhile.updateId);
    } finally {
      clock.mockRestore();
    }
  });

  it('rows of a change too large for one slice follow in slices; a later change overtakes', async () => {
    const rows = () => useConjunctionStore.getState().events;
    const shown: number[] = [];
    const off = useConjunctionStore.subscribe((s, prev) => {
      if (s.events !== prev.events) shown.push(s.events.length);
    });
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    try {
      // TCAs falling as the events are added: the rows come out in the list's order all the same.
      store().addUpdates(
        Array.from({ length: 6000 }, (_, k) =>
          testUpdate({ id1: 10 + k, id2: 9000, tcaMs: T0 + (6000 - k) * MINUTE }),
        ),
      );
      expect(rows()).toHaveLength(0);
      store().addUpdates([testUpdate({ id1: 7, id2: 8 })]);
      const rowsWhenShown = historyRowsShown().then(() => rows().length);
      for (let turn = 0; turn < 1000; turn++) await yieldToPage();
      expect(await rowsWhenShown).toBe(6001);
      // Only the later change's rows are shown; the overtaken sync's 6000 never are.
      expect(shown).toEqual([6001]);
      const tcas = rows().map((r) => r.tcaMs);
      expect(tcas).toEqual([...tcas].sort((a, b) => a - b));
      expect(tcas[0]).toBeLessThan(tcas[6000]);
      expect(store().rowEvents.size).toBe(6001);
      expect(new Set([...store().rowEvents.values()].map((h) => h.eventId))).toEqual(
        new Set(store().histories.map((h) => h.eventId)),
      );
    } finally {
      clock.mockRestore();
      off();
    }
  });

  it('exports the store as one document and merges one back; a bad document changes nothing', () => {
    store().addUpdates([testUpdate({ pc: 1e-5 })]);
    const text = exportHistoryDocument(T0);
    store().addUpdates([testUpdate({ id1: 9, id2: 10 })]);
    useHistoryStore.setState({ histories: [store().histories[1]] });
    expect(importHistoryText(text, 'handover.json')).toBe(1);
    expect(store().histories).toHaveLength(2);
    expect(importHistoryText('{"schemaVersion":2}', 'old.json')).toBe(0);
    expect(store().alert).toBe(
      'old.json: not imported — schemaVersion must be 1, not 2; the event history is unchanged',
    );
    expect(store().histories).toHaveLength(2);
  });
});
