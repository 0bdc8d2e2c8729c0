// Ephemeris objects in screening. The proof: a catalog object written out as an OEM from our own
// SGP4 (60 s steps, Lagrange 7) and screened as an ephemeris gives the events of the catalog object
// itself. Measured (NOAA 20 against 400 objects of its shell, 24 h, 50 km, 17 events): every
// event found, none extra, TCA within 0.0003 ms, range within 0.5 mm; asserted: 1 ms and 1 m.
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../catalog/types';
import { readOem } from '../oem/read';
import { elementSetToOem } from '../oem/sample';
import type { OemMessage } from '../oem/types';
import { skipWithoutSharedData } from '../../testing/sharedData';
import { perigeeApogeeKm } from './adapter';
import { bruteForceScreen } from './bruteForce';
import { prepareScreening, stateInto } from './context';
import { ephemerisFromOem, FIRST_EPHEMERIS_ONLY_ID } from './fromOem';
import { screenCatalog } from './screen';
import { baseElements, compareEvents, snapshot, SNAPSHOT_START } from './testSupport';
import type { ScreeningEphemeris } from './types';

const HOUR_MS = 3_600_000;

function oemOf(el: ElementSet, startMs: number, stopMs: number, stepMs = 60_000): OemMessage {
  const written = elementSetToOem(
    el,
    { startMs, stopMs, stepMs },
    { originator: 'TEST', creationDateMs: startMs },
  );
  if (!written.ok) throw new Error(written.reason);
  const read = readOem(written.text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  return read.message;
}

describe.skipIf(skipWithoutSharedData)('a catalog object screened as its own ephemeris', () => {
  const all = snapshot();
  const primary = all.find((e) => e.noradCatId === 43013)!; // NOAA 20, sun-synchronous 820 km
  const [rp, ra] = perigeeApogeeKm(primary);
  const shell = all
    .filter((e) => {
      const [a, b] = perigeeApogeeKm(e);
      return e !== primary && b > rp - 20 && a < ra + 20;
    })
    .slice(0, 400);
  const options = { startMs: SNAPSHOT_START, durationHours: 24, thresholdKm: 50 };
  const message = oemOf(primary, SNAPSHOT_START - HOUR_MS, SNAPSHOT_START + 25 * HOUR_MS);
  const reference = screenCatalog([primary, ...shell], { ...options, primaries: [43013] });

  it('finds events to compare (the test would prove nothing without)', () => {
    expect(reference.events.length).toBe(17);
  });

  it('as a stand-in for its catalog object: same 17 events, TCA within 1 ms (measured 0.0003 ms), range within 1 m (measured 0.5 mm)', () => {
    const eph = ephemerisFromOem(message, 'noaa20.oem', all);
    expect(eph.id).toBe(43013); // OBJECT_ID 2017-073A matched by international designator
    const r = screenCatalog([primary, ...shell], {
      ...options,
      primaries: [43013],
      ephemerides: [eph],
    });
    const c = compareEvents(r.events, reference.events);
    expect(c.missed).toEqual([]);
    expect(c.extra).toEqual([]);
    expect(c.maxTcaDiffMs).toBeLessThan(1);
    expect(c.maxRangeDiffKm).toBeLessThan(0.001);
    expect(r.events.every((e) => e.source1 === 'ephemeris' && e.source2 === 'sgp4')).toBe(true);
    expect(r.ephemerides).toEqual([
      expect.objectContaining({
        id: 43013,
        standsIn: true,
        screenedMs: [[r.startMs, r.endMs]],
      }),
    ]);
  });

  it('as an object of its own (catalog without it): the same events', () => {
    const eph = ephemerisFromOem(message, 'noaa20.oem', shell);
    expect(eph.id).toBe(FIRST_EPHEMERIS_ONLY_ID); // no designator match, no number
    const r = screenCatalog(shell, { ...options, primaries: [eph.id], ephemerides: [eph] });
    const renamed = r.events.map((e) => ({ ...e, id1: 43013 }));
    const c = compareEvents(renamed, reference.events);
    expect(c.missed).toEqual([]);
    expect(c.extra).toEqual([]);
    expect(c.maxTcaDiffMs).toBeLessThan(1);
    expect(c.maxRangeDiffKm).toBeLessThan(0.001);
    expect(r.flags).toEqual([]);
  });
});

describe('ephemeris coverage', () => {
  const a = baseElements({ noradCatId: 200001 });
  const start = Date.parse('2024-11-01T00:00:00Z');

  function ephemeris(el: ElementSet, fromMs: number, toMs: number): ScreeningEphemeris {
    return { ...ephemerisFromOem(oemOf(el, fromMs, toMs), 'test.oem', []), id: el.noradCatId };
  }

  it('stands in only within whole sample steps of its span, SGP4 elsewhere', () => {
    // Span 01:02 – 03:00: the covered steps (300 s) run 01:05 – 03:00.
    const eph = ephemeris(a, start + HOUR_MS + 120_000, start + 3 * HOUR_MS);
    const ctx = prepareScreening([a], { startMs: start, durationHours: 6, ephemerides: [eph] });
    expect(ctx.coverage[0].screenedMs).toEqual([[start + 65 * 60_000, start + 3 * HOUR_MS]]);
    expect(ctx.coverage[0].standsIn).toBe(true);
    const out = new Float64Array(6);
    expect(stateInto(ctx, 0, start + 30 * 60_000, out, 0)).toBe(0); // SGP4 before the span
    expect(stateInto(ctx, 0, start + 2 * HOUR_MS, out, 0)).toBe(0); // ephemeris
    expect(ctx.initFlags).toEqual([]);
  });

  it('an ephemeris-only object is flagged where it is not screened, and has no state there', () => {
    const eph = { ...ephemeris(a, start + HOUR_MS, start + 3 * HOUR_MS), id: 300001 };
    const ctx = prepareScreening([a], { startMs: start, durationHours: 6, ephemerides: [eph] });
    const i = ctx.ids.indexOf(300001);
    const out = new Float64Array(6);
    expect(stateInto(ctx, i, start + 30 * 60_000, out, 0)).not.toBe(0);
    expect(stateInto(ctx, i, start + 2 * HOUR_MS, out, 0)).toBe(0);
    expect(ctx.initFlags).toEqual([
      expect.objectContaining({
        id: 300001,
        kind: 'ephemeris-gap',
        reason: expect.stringContaining('2024-11-01T01:00:00.000Z/2024-11-01T03:00:00.000Z'),
      }),
    ]);
  });

  it('finds an encounter with an ephemeris-only object and none outside its span', () => {
    // Same plane's node and phase, 1° more inclination: both cross the nodes together.
    const b = baseElements({ noradCatId: 200002, inclinationDeg: a.inclinationDeg + 1 });
    const full = screenCatalog([a, b], { startMs: start, durationHours: 6, thresholdKm: 10 });
    expect(full.events.length).toBeGreaterThan(4);
    const eph = { ...ephemeris(b, start + HOUR_MS, start + 3 * HOUR_MS), id: 300002 };
    const r = screenCatalog([a], {
      startMs: start,
      durationHours: 6,
      thresholdKm: 10,
      ephemerides: [eph],
    });
    const inside = full.events.filter(
      (e) => e.tcaMs >= start + HOUR_MS && e.tcaMs <= start + 3 * HOUR_MS,
    );
    expect(inside.length).toBeGreaterThan(0);
    expect(r.events.map((e) => Math.round(e.tcaMs))).toEqual(
      inside.map((e) => Math.round(e.tcaMs)),
    );
    expect(r.events.every((e) => e.id2 === 300002 && e.source2 === 'ephemeris')).toBe(true);
    // The brute-force reference (every pair, state every 10 s) agrees.
    const brute = bruteForceScreen([a], {
      startMs: start,
      durationHours: 6,
      thresholdKm: 10,
      ephemerides: [eph],
    });
    const c = compareEvents(r.events, brute.events);
    expect([c.missed, c.extra]).toEqual([[], []]);
  });

  it('refuses two ephemerides of one object', () => {
    const eph = ephemeris(a, start, start + HOUR_MS);
    expect(() =>
      prepareScreening([a], { startMs: start, durationHours: 1, ephemerides: [eph, eph] }),
    ).toThrow('two ephemerides for object 200001');
  });
});
