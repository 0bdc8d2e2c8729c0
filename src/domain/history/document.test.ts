import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCdm } from '../cdm/parse';
import { parseSocratesKeeptrackJson } from '../cdm/socrates';
import { recordFromCdm, recordFromSocrates } from '../conjunctions/records';
import { buildCdmSeries } from '../../testing/cdmSeries';
import { sharedDataPresent } from '../../testing/sharedData';
import {
  HistoryDocumentError,
  historiesFromDocument,
  historiesToDocument,
  importHistoryDocument,
} from './document';
import { MAX_EVENTS } from './limits';
import { mergeUpdates } from './merge';
import { HOUR, T0, testUpdate } from './testSupport';
import type { ConjunctionEventHistory } from './types';
import { updateFromRecord } from './update';

const socratesUpdate = updateFromRecord(
  recordFromSocrates(
    parseSocratesKeeptrackJson(
      JSON.stringify([
        {
          sat1: '43188',
          sat2: '47388',
          sat1Name: 'S-NET A',
          sat2Name: 'STARLINK-2109',
          toca: '2024-08-15T11:11:08.999Z',
          minRng: 0.036,
          relSpeed: 6.365,
          maxProb: 0.08087,
          sat1AgeOfTLE: 1.566,
        },
      ]),
    ).events[0],
    'SOCRATES_20240814-1313.json',
  ),
);

/** A store with every kind of update and every optional event field. */
function store(): ConjunctionEventHistory[] {
  const cdm = sharedDataPresent
    ? buildCdmSeries(3).map((f) =>
        updateFromRecord(recordFromCdm(parseCdm(f.text).messages[0], f.fileName)),
      )
    : [];
  const hs = mergeUpdates(
    [],
    [
      testUpdate({ pc: 1e-5, createdMs: T0 - 3 * HOUR, radiiKm: [6778, 7000] }),
      testUpdate({ pc: 2e-4, createdMs: T0 - 2 * HOUR }),
      testUpdate({ id2: 99, pc: 0.2, pcKind: 'maximum' }),
      socratesUpdate,
      ...cdm,
    ],
  );
  hs[0] = {
    ...hs[0],
    acknowledgements: [{ alertId: 'a|b|green>yellow', atMs: T0 - HOUR }],
    droppedAtMs: T0 - HOUR,
  };
  hs[1] = { ...hs[1], archived: true };
  return hs;
}

const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('the event store document', () => {
  it('reads back exactly what mergeUpdates produced: as JSON text and as a structured clone', () => {
    const hs = store();
    const doc = historiesToDocument(hs, T0);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.exportedAt).toBe('2024-08-14T12:00:00.000Z');
    const fromText = historiesFromDocument(JSON.stringify(doc));
    expect(fromText.rejected).toEqual([]);
    expect(fromText.histories).toEqual(hs);
    // JSON's null for an unknown age comes back as undefined.
    const soc = fromText.histories.find((h) => h.designator1 === '43188')!;
    expect(soc.updates[0].ageDays).toEqual([1.566, undefined]);
    const fromClone = historiesFromDocument(structuredClone(doc));
    expect(fromClone.rejected).toEqual([]);
    expect(fromClone.histories).toEqual(hs);
  });

  it('sets aside a bad event with its index, id, field path and reason; loads the rest', () => {
    const hs = json(store());
    const cases: [(d: ConjunctionEventHistory[]) => void, string, RegExp][] = [
      [
        (d) => ((d[0].updates[1].record as { tcaMs: unknown }).tcaMs = 'soon'),
        'events[0].updates[1].record.tcaMs',
        /finite number, not "soon"/,
      ],
      [(d) => (d[0].updates[0].pc = 1.5), 'events[0].updates[0].pc', /\[0, 1\]/],
      [(d) => (d[0].updates[0].missKm = -1), 'events[0].updates[0].missKm', /\[0, Infinity\]/],
      [(d) => (d[0].updates = []), 'events[0].updates', /1 to 1000 items, not 0/],
      [(d) => (d[0].eventId = 'nonsense'), 'events[0].eventId', /is not/],
      [
        (d) => (d[0].updates[0].record.designator2 = '7'),
        'events[0].updates[0].record',
        /another pair/,
      ],
      [
        (d) => (d[0].updates[1].updateId = d[0].updates[0].updateId),
        'events[0].updates[1].updateId',
        /repeats/,
      ],
      [(d) => (d[0].updates[0].tcaMs += 1), 'events[0].updates[0].tcaMs', /record's TCA/],
      [
        (d) => (d[0].acknowledgements = [{ alertId: '', atMs: 1 }] as never),
        'events[0].acknowledgements[0].alertId',
        /1 to 4096/,
      ],
      [(d) => (d[0].droppedAtMs = Date.UTC(1900, 0, 1)), 'events[0].droppedAtMs', /must lie in/],
      [
        (d) => ((d[0] as unknown as { archived: string }).archived = 'yes'),
        'events[0].archived',
        /true or false/,
      ],
      [
        (d) => (d[0].updates[0].origin = { source: 'fax' } as never),
        'events[0].updates[0].origin.source',
        /one of screening, cdm, socrates/,
      ],
      [
        (d) => (d[0].updates[0].ageDays = [1] as never),
        'events[0].updates[0].ageDays',
        /2 items, not 1/,
      ],
      [
        (d) => (d[0].updates[0].record.pcIssue = { code: 'nope' as never, values: {} }),
        'events[0].updates[0].record.pcIssue.code',
        /one of unsupportedFrame, /,
      ],
      [
        (d) =>
          (d[0].updates[0].record.pcIssue = { code: 'failed', values: { detail: [] as never } }),
        'events[0].updates[0].record.pcIssue.values.detail',
        /must be a string, not an array/,
      ],
      [
        (d) =>
          (d[0].updates[0].record.run = {
            ...{ kind: 'screening', startMs: T0, hours: 24, thresholdKm: 5 },
            scope: { kind: 'watchList', count: 1, catalog: 'x' },
          } as never),
        'events[0].updates[0].record.run.scope.kind',
        /one of allVsAll, primaries, ephemerides, not "watchList"/,
      ],
      [
        (d) =>
          (d[0].updates[0].record.run = {
            ...{ kind: 'rescreen', startMs: T0, hours: 24, thresholdKm: 5 },
            scope: { kind: 'watchList', count: 1.5, catalog: 'x' },
          }),
        'events[0].updates[0].record.run.scope.count',
        /integer/,
      ],
      [
        (d) => (d[0].updates[0].record.states!.object1.rKm = [1, 2, null] as never),
        'events[0].updates[0].record.states.object1.rKm[2]',
        /not null/,
      ],
    ];
    for (const [mutate, path, reason] of cases) {
      const d = structuredClone(hs);
      mutate(d);
      const r = historiesFromDocument({
        schemaVersion: 1,
        exportedAt: '2024-08-14T12:00:00Z',
        events: d,
      });
      expect(r.rejected, path).toHaveLength(1);
      expect(r.rejected[0]).toMatchObject({ index: 0, path });
      expect(r.rejected[0].reason).toMatch(reason);
      expect(r.histories).toHaveLength(hs.length - 1);
    }
  });

  it.skipIf(!sharedDataPresent)('checks the CDM fields the app relies on', () => {
    const hs = json(store());
    const i = hs.findIndex((h: ConjunctionEventHistory) => h.updates[0].origin.source === 'cdm');
    hs[i].updates[2].record.cdm.object2.covarianceRtn[5] = [1, 2, 3];
    const r = historiesFromDocument({
      schemaVersion: 1,
      exportedAt: '2024-08-14T12:00:00Z',
      events: hs,
    });
    expect(r.rejected).toEqual([
      {
        index: i,
        eventId: hs[i].eventId,
        path: `events[${i}].updates[2].record.cdm.object2.covarianceRtn[5]`,
        reason: 'must hold 6 items, not 3',
      },
    ]);
  });

  it('keeps a screening run described as data and a Pc problem as data', () => {
    const u = testUpdate();
    u.record.run = {
      ...{ kind: 'rescreen', startMs: T0, hours: 24, thresholdKm: 5 },
      scope: { kind: 'watchList', count: 3, catalog: 'active.csv', fetchedAtMs: T0 - HOUR },
    };
    u.record.pcIssue = { code: 'unsupportedFrame', values: { frame: 'MARSFIXED' } };
    const doc = JSON.parse(JSON.stringify(historiesToDocument(mergeUpdates([], [u]), T0)));
    const { histories, rejected } = historiesFromDocument(doc);
    expect(rejected).toEqual([]);
    expect(histories[0].updates[0].record).toEqual(u.record);
  });

  it('refuses an event or update id already seen in the document', () => {
    const hs = json(store());
    const twice = historiesFromDocument({
      schemaVersion: 1,
      exportedAt: '2024-08-14T12:00:00Z',
      events: [hs[0], hs[0]],
    });
    expect(twice.histories).toHaveLength(1);
    expect(twice.rejected).toEqual([
      {
        index: 1,
        eventId: hs[0].eventId,
        path: 'events[1].eventId',
        reason: 'repeats an earlier event',
      },
    ]);
    const other = { ...hs[0], eventId: hs[0].eventId.replace(/@\d{4}/, '@2001') };
    const r = historiesFromDocument({
      schemaVersion: 1,
      exportedAt: '2024-08-14T12:00:00Z',
      events: [hs[0], other],
    });
    expect(r.rejected[0]).toMatchObject({
      index: 1,
      path: 'events[1].updates[0].updateId',
      reason: 'is already in events[0]',
    });
  });

  it('throws HistoryDocumentError only for what is not a document at all', () => {
    const bad: unknown[] = [
      'not json',
      '[]',
      'null',
      42,
      null,
      { schemaVersion: 2, exportedAt: '2024-01-01T00:00:00Z', events: [] },
      { schemaVersion: 1, exportedAt: 'yesterday', events: [] },
      { schemaVersion: 1, exportedAt: '2024-01-01T00:00:00Z', events: {} },
      {
        schemaVersion: 1,
        exportedAt: '2024-01-01T00:00:00Z',
        events: new Array(MAX_EVENTS + 1).fill(null),
      },
    ];
    for (const b of bad) expect(() => historiesFromDocument(b)).toThrow(HistoryDocumentError);
    // A hole in an array (map and forEach would skip it) is a missing element.
    const holes = json(store());
    delete holes[0].updates[1];
    expect(
      historiesFromDocument({ schemaVersion: 1, exportedAt: '2024-01-01T00:00:00Z', events: holes })
        .rejected,
    ).toEqual([
      {
        index: 0,
        eventId: holes[0].eventId,
        path: 'events[0].updates[1]',
        reason: 'must be an object, not undefined',
      },
    ]);
    expect(
      historiesFromDocument({
        schemaVersion: 1,
        exportedAt: '2024-01-01T00:00:00Z',
        events: [null, 3],
      }).rejected,
    ).toEqual([
      { index: 0, path: 'events[0]', reason: 'must be an object, not null' },
      { index: 1, path: 'events[1]', reason: 'must be an object, not 3' },
    ]);
  });

  it('an import merges by eventId and updateId (shift handover)', () => {
    const hs = store();
    const mine = mergeUpdates([], [testUpdate({ pc: 3e-4, createdMs: T0 - 1 * HOUR })]);
    const { histories, rejected } = importHistoryDocument(
      mine,
      JSON.stringify(historiesToDocument(hs)),
    );
    expect(rejected).toEqual([]);
    expect(histories).toHaveLength(hs.length);
    const joined = histories.find((h) => h.eventId === mine[0].eventId)!;
    expect(joined.updates).toHaveLength(3);
    expect(joined.updates.map((u) => u.createdMs)).toEqual([
      T0 - 3 * HOUR,
      T0 - 2 * HOUR,
      T0 - HOUR,
    ]);
    // Importing it again changes nothing.
    expect(importHistoryDocument(histories, historiesToDocument(hs)).histories).toEqual(histories);
  });
});

/** Every path (keys) of a JSON value, for mutation. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function mutate(doc: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (!path.length) return value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete at[last];
  else at[last] = value;
  return copy;
}

describe('property: no input makes the reader throw anything but HistoryDocumentError', () => {
  const onlyNamedErrors = (input: unknown) => {
    try {
      const r = historiesFromDocument(input);
      // What it accepted reads back unchanged.
      const again = historiesFromDocument(historiesToDocument(r.histories));
      expect(again.rejected).toEqual([]);
      expect(again.histories).toEqual(r.histories);
    } catch (e) {
      if (!(e instanceof HistoryDocumentError)) throw e;
    }
  };

  it('random JSON values and texts', () => {
    fc.assert(fc.property(fc.jsonValue(), onlyNamedErrors), { numRuns: 300 });
    fc.assert(fc.property(fc.string(), onlyNamedErrors), { numRuns: 200 });
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 5 }), (events) =>
        onlyNamedErrors({ schemaVersion: 1, exportedAt: '2024-08-14T12:00:00Z', events }),
      ),
      { numRuns: 200 },
    );
  });

  it('a valid document with one field replaced or removed', () => {
    const doc = json(historiesToDocument(store(), T0));
    const all = paths(doc);
    const values = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(NaN, Infinity, -1, 0, 1e300, '', null, [], {}, [1, 2, 3], undefined),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: all.length - 1 }),
        values,
        fc.boolean(),
        (i, v, remove) => onlyNamedErrors(mutate(doc, all[i], v, remove)),
      ),
      { numRuns: 500 },
    );
  });
});
