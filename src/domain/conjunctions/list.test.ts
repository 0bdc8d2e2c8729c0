import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  byMissAscending,
  byPcDescending,
  eventKey,
  eventsToCsv,
  eventsToJson,
  filterEvents,
  findByKey,
  NO_FILTERS,
  parseEventKey,
  sortEvents,
} from './list';
import type { ConjunctionRecord } from './types';

const T0 = Date.parse('2024-11-01T00:00:00Z');

function rec(over: Partial<ConjunctionRecord> & { id1: number; id2: number }): ConjunctionRecord {
  const tcaMs = over.tcaMs ?? T0;
  return {
    key: eventKey(String(over.id1), String(over.id2), tcaMs),
    source: 'screening',
    sourceLabel: 'test',
    designator1: String(over.id1),
    designator2: String(over.id2),
    name1: `SAT ${over.id1}`,
    name2: `SAT ${over.id2}`,
    tcaMs,
    rangeKm: 1,
    relSpeedKmS: 10,
    ...over,
  };
}

const events = [
  rec({
    id1: 25544,
    id2: 49863,
    name1: 'ISS (ZARYA)',
    name2: 'COSMOS 1408 DEB',
    tcaMs: T0 + 3_600_000,
    rangeKm: 0.8,
    relSpeedKmS: 14.2,
    pc: { value: 2e-5, method: 'm', kind: 'maximum' },
    dse1: 0.5,
    dse2: 3.2,
  }),
  rec({
    id1: 44713,
    id2: 44714,
    name1: 'STARLINK-1007',
    name2: 'STARLINK-1008',
    tcaMs: T0 + 60_000,
    rangeKm: 4.5,
    relSpeedKmS: 0.01,
    pc: { value: 1e-9, method: 'm', kind: 'maximum' },
    dse1: 1,
    dse2: 1,
  }),
  rec({
    id1: 20580,
    id2: 2017,
    name1: 'HST',
    name2: 'DIAMANT R/B',
    tcaMs: T0 + 7_200_000,
    rangeKm: 12.3,
    relSpeedKmS: 2.2,
    type2: 'ROCKET BODY',
    pc: { value: 1.86e-5, method: 'f', kind: 'covariance' },
    source: 'cdm',
  }),
  rec({ id1: 1, id2: 125544, tcaMs: T0 - 1000, rangeKm: 2, relSpeedKmS: 7 }),
];

describe('event keys', () => {
  it('formats and parses `<id1>-<id2>@<TCA ISO ms>`', () => {
    const key = eventKey('25544', '49863', Date.parse('2024-10-31T10:40:12.345Z') + 0.4);
    expect(key).toBe('25544-49863@2024-10-31T10:40:12.345Z');
    expect(parseEventKey(key)).toEqual({
      designator1: '25544',
      designator2: '49863',
      tcaMs: Date.parse('2024-10-31T10:40:12.345Z'),
    });
    expect(parseEventKey('25544-49863@yesterday')).toBeNull();
    expect(parseEventKey('25544@2024-10-31T10:40:12.345Z')).toBeNull();
  });

  it('finds a record by key, exactly or within 1 ms of TCA', () => {
    expect(findByKey(events, events[2].key)).toBe(events[2]);
    const shifted = `25544-49863@${new Date(T0 + 3_600_001).toISOString()}`;
    expect(findByKey(events, shifted)).toBe(events[0]);
    expect(findByKey(events, `25544-49863@${new Date(T0 + 3_600_002).toISOString()}`)).toBe(
      undefined,
    );
  });
});

describe('filters', () => {
  const f = (over: Partial<typeof NO_FILTERS>, lookup?: (id: number) => string | undefined) =>
    filterEvents(events, { ...NO_FILTERS, ...over }, lookup).map((e) => e.id1);

  it('by name (substring, any case) or catalog number (exact)', () => {
    expect(f({ object: 'starlink' })).toEqual([44713]);
    expect(f({ object: '49863' })).toEqual([25544]);
    // 25544 must not match 125544's number, but does match the ISS event.
    expect(f({ object: '25544' })).toEqual([25544]);
    expect(f({ object: '125544' })).toEqual([1]);
  });

  it('by maximum range, minimum probability and time window', () => {
    expect(f({ maxRangeKm: 2 })).toEqual([25544, 1]);
    expect(f({ minPc: 1e-5 })).toEqual([25544, 20580]);
    expect(f({ fromMs: T0, toMs: T0 + 3_600_000 })).toEqual([25544, 44713]);
  });

  it('by object type, from the catalog or the source', () => {
    const lookup = (id: number) => (id === 49863 ? 'DEBRIS' : id < 50000 ? 'PAYLOAD' : undefined);
    expect(f({ objectType: 'DEBRIS' }, lookup)).toEqual([25544]);
    expect(f({ objectType: 'ROCKET BODY' })).toEqual([20580]);
    expect(f({ objectType: 'UNKNOWN' }, lookup)).toEqual([1]);
  });
});

describe('sorting', () => {
  const ids = (list: ConjunctionRecord[]) => list.map((e) => e.id1);
  it('by each column both ways; unknown values last', () => {
    expect(ids(sortEvents(events, { key: 'tca', dir: 'asc' }))).toEqual([1, 44713, 25544, 20580]);
    expect(ids(sortEvents(events, { key: 'range', dir: 'desc' }))).toEqual([
      20580, 44713, 1, 25544,
    ]);
    expect(ids(sortEvents(events, { key: 'pc', dir: 'desc' }))).toEqual([25544, 20580, 44713, 1]);
    expect(ids(sortEvents(events, { key: 'pc', dir: 'asc' }))).toEqual([44713, 20580, 25544, 1]);
    expect(ids(sortEvents(events, { key: 'relSpeed', dir: 'asc' }))).toEqual([
      44713, 20580, 1, 25544,
    ]);
    expect(ids(sortEvents(events, { key: 'age', dir: 'desc' }))).toEqual([25544, 44713, 1, 20580]);
    expect(ids(byPcDescending(events))).toEqual([25544, 20580, 44713, 1]);
    expect(ids(byMissAscending(events))).toEqual([25544, 1, 44713, 20580]);
  });

  it('a large list: ties by TCA then key, unknown values last, as the rule reads', () => {
    // Few distinct values: many ties; every fourth without a Pc, some with a NaN speed.
    const many = Array.from({ length: 3000 }, (_, i) =>
      rec({
        id1: 1000 + (i % 37),
        id2: 5000 + i,
        tcaMs: T0 + (i % 11) * 1000,
        rangeKm: (i % 5) * 0.5,
        relSpeedKmS: i % 13 === 0 ? NaN : i % 3,
        pc:
          i % 4 ? { value: (i % 7) * 1e-5, method: 'T', kind: 'covariance', hbrM: 10 } : undefined,
      }),
    );
    const reference = (key: 'range' | 'pc' | 'relSpeed', dir: 'asc' | 'desc') => {
      const v = (r: ConjunctionRecord) =>
        key === 'range' ? r.rangeKm : key === 'pc' ? r.pc?.value : r.relSpeedKmS;
      const known = (x: number | undefined) => x !== undefined && !Number.isNaN(x);
      const byTcaKey = (a: ConjunctionRecord, b: ConjunctionRecord) =>
        a.tcaMs - b.tcaMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      const withValue = many.filter((r) => known(v(r)));
      const without = many.filter((r) => !known(v(r)));
      const sign = dir === 'asc' ? 1 : -1;
      return [
        ...withValue.sort((a, b) => sign * (v(a)! - v(b)!) || byTcaKey(a, b)),
        ...without.sort(byTcaKey),
      ];
    };
    for (const key of ['range', 'pc', 'relSpeed'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        expect(sortEvents(many, { key, dir })).toEqual(reference(key, dir));
        // Input already in order comes back as a copy in that order; one pair swapped is sorted.
        const sorted = reference(key, dir);
        const again = sortEvents(sorted, { key, dir });
        expect(again).not.toBe(sorted);
        expect(again).toEqual(sorted);
        const swapped = [sorted[1], sorted[0], ...sorted.slice(2)];
        expect(sortEvents(swapped, { key, dir })).toEqual(sorted);
      }
    }
  });
});

describe('export', () => {
  it('CSV has a header and one row per event, round-trips through a CSV parser', () => {
    const csv = eventsToCsv(events.slice(0, 2));
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(2);
    expect(parsed.data[0].key).toBe(events[0].key);
    expect(parsed.data[0].name2).toBe('COSMOS 1408 DEB');
    expect(Number(parsed.data[0].missKm)).toBe(0.8);
    expect(Number(parsed.data[0].pc)).toBe(2e-5);
    expect(parsed.data[0].pcKind).toBe('maximum');
    expect(parsed.data[0].tca).toBe('2024-11-01T01:00:00.000Z');
    expect(parsed.data[1].radialKm).toBe('');
  });

  it('JSON rows carry the same fields with nulls for unknowns', () => {
    const rows = JSON.parse(eventsToJson(events.slice(2)));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id1: '20580',
      name1: 'HST',
      pc: 1.86e-5,
      pcKind: 'covariance',
    });
    expect(rows[1].pc).toBeNull();
    expect(rows[1].dse1).toBeNull();
  });
});
