import { beforeEach, describe, expect, it } from 'vitest';
import { recordFromScreening } from '../domain/conjunctions';
import type { ConjunctionEvent } from '../domain/screening/types';
import { useClockStore } from './clockStore';
import { selectedConjunction, useConjunctionStore } from './conjunctionStore';

const T0 = Date.parse('2024-10-31T11:00:00Z');

function event(id2: number, dtS: number, rangeKm: number): ConjunctionEvent {
  const r = 6928;
  const v = 7.58;
  return {
    id1: 25544,
    name1: 'ISS (ZARYA)',
    id2,
    name2: `OBJ ${id2}`,
    tcaMs: T0 + dtS * 1000,
    tca: new Date(T0 + dtS * 1000).toISOString(),
    rangeKm,
    relSpeedKmS: 10,
    ricKm: [rangeKm, 0, 0],
    dse1: 0.1,
    dse2: 0.2,
    state1: { rKm: [r, 0, 0], vKmS: [0, v, 0] },
    state2: { rKm: [r + rangeKm, 0, 0], vKmS: [0, 0, v] },
  };
}

/** A screening run's events as the list shows them (default HBR 10 m). */
function screened(events: ConjunctionEvent[]): void {
  useConjunctionStore.getState().addEvents(
    'screening',
    events.map((e) => recordFromScreening(e, 10, 'screening')),
  );
}

describe('conjunction store', () => {
  beforeEach(() => {
    useConjunctionStore.getState().clear();
    useConjunctionStore.getState().select(null);
  });

  it('every screening event carries a maximum Pc with the default HBR, recomputed when it changes', () => {
    const s = useConjunctionStore.getState();
    screened([event(1, 0, 1)]);
    const pc10 = useConjunctionStore.getState().events[0].pc!;
    expect(pc10).toMatchObject({ kind: 'maximum', hbrM: 10, hbrSource: 'DEFAULT' });
    s.setDefaultHbr(5);
    const pc5 = useConjunctionStore.getState().events[0].pc!;
    expect(pc5.hbrM).toBe(5);
    expect(pc5.value / pc10.value).toBeCloseTo(0.25, 3);
    s.setDefaultHbr(-1);
    expect(useConjunctionStore.getState().settings.defaultHbrM).toBe(5);
    s.setDefaultHbr(10);
  });

  it('select stops the clock lead before TCA; sorting helpers serve the briefing tour', () => {
    const s = useConjunctionStore.getState();
    screened([event(1, 0, 3), event(2, 600, 0.2), event(3, 300, 1)]);
    s.setLeadMs(60_000);
    s.select('25544-3@2024-10-31T11:05:00.000Z');
    expect(useClockStore.getState().playing).toBe(false);
    expect(useClockStore.getState().anchorSimMs).toBe(T0 + 300_000 - 60_000);
    expect(selectedConjunction()?.id2).toBe(3);
    expect(s.eventsSortedBy('range').map((e) => e.id2)).toEqual([2, 3, 1]);
    expect(s.eventsSortedBy('pc').map((e) => e.id2)).toEqual([2, 3, 1]);
    s.select('nope');
    expect(useConjunctionStore.getState().selectedKey).toBeNull();
    s.toggleSort('range');
    expect(useConjunctionStore.getState().sort).toEqual({ key: 'range', dir: 'asc' });
    s.toggleSort('range');
    expect(useConjunctionStore.getState().sort).toEqual({ key: 'range', dir: 'desc' });
    s.setLeadMs(120_000);
  });

  it('history rows replace the earlier ones, keep other sources and the selection, keys given or not', () => {
    const rows = (ids: number[]) =>
      ids.map((id) => recordFromScreening(event(id, id, 1), 10, 'screening'));
    for (const withKeys of [false, true]) {
      useConjunctionStore.getState().clear();
      const s = useConjunctionStore.getState();
      const set = (records: ReturnType<typeof rows>, follow?: string | null) =>
        s.setHistoryRows(
          records,
          follow,
          withKeys ? new Map(records.map((r) => [r.key, 'event'])) : undefined,
        );
      s.addEvents('cdm', rows([90]));
      const first = rows([1, 2, 3]);
      set(first);
      s.select(first[1].key);
      const later = rows([2, 3, 4]);
      set(later);
      const state = useConjunctionStore.getState();
      expect(state.events.map((r) => r.id2)).toEqual([2, 3, 4, 90]);
      expect(state.selectedKey).toBe(first[1].key);
      // A followed key that is no row (nor any other event) clears the selection.
      set(rows([3, 4]), 'nowhere');
      expect(useConjunctionStore.getState().selectedKey).toBeNull();
      expect(useConjunctionStore.getState().events.map((r) => r.id2)).toEqual([3, 4, 90]);
    }
  });
});
