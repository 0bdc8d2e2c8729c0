// Nominal against planned manoeuvre. A and B cross at the nodes together (B 1° more inclined);
// the planned A burns 1 m/s along-track at 01:00 and drifts behind its nominal self, so the
// approaches with B after the burn go away; C trails A by the distance the planned A has drifted
// 4 hours later, so the manoeuvre brings C in. Both are checked against the trajectories
// themselves (states every second), not only against the screening.
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../catalog/types';
import { createSatrec } from '../propagation/satrec';
import { propagateTeme } from '../propagation/sgp4';
import { messageToTeme } from '../oem/frames';
import { stateAt } from '../oem/interpolate';
import { applyImpulsiveBurn } from '../oem/manoeuvre';
import { readOem } from '../oem/read';
import { sampleElementSetEme2000 } from '../oem/sample';
import type { OemMessage } from '../oem/types';
import { writeOemKvn } from '../oem/write';
import { compareManoeuvre } from './compare';
import { ephemerisFromOem } from './fromOem';
import { screenCatalog } from './screen';
import { baseElements } from './testSupport';
import type { ConjunctionEvent } from './types';

const HOUR_MS = 3_600_000;
const START = Date.parse('2024-11-01T00:00:00Z');
const BURN = START + HOUR_MS;
const THRESHOLD_KM = 10;

function oem(el: ElementSet, burnDvMS: number | null): OemMessage {
  const sampled = sampleElementSetEme2000(el, {
    startMs: START - 600_000,
    stopMs: START + 9 * HOUR_MS,
    stepMs: 60_000,
  });
  if (!sampled.ok) throw new Error(sampled.reason);
  const segments =
    burnDvMS === null
      ? [sampled.states]
      : Object.values(applyImpulsiveBurn(sampled.states, BURN, [0, burnDvMS, 0]));
  const text = writeOemKvn({
    objectName: el.objectName,
    objectId: el.objectId,
    originator: 'TEST',
    creationDateMs: START,
    segments: segments.map((states) => ({ states, interpolation: 'LAGRANGE' as const })),
  });
  const read = readOem(text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  return read.message;
}

/** Smallest distance (km) between the OEM and the element set over tMs ± 15 min, 1 s steps. */
function closest(message: OemMessage, el: ElementSet, tMs: number): number {
  const teme = messageToTeme(message);
  const init = createSatrec(el);
  if (!init.ok) throw new Error(init.reason);
  const buf = new Float64Array(6);
  let min = Infinity;
  for (let t = tMs - 900_000; t <= tMs + 900_000; t += 1000) {
    const s = stateAt(teme, t)!;
    propagateTeme(init.satrec, el.epochMs, t, buf);
    const d = Math.hypot(...s.positionKm.map((x, i) => x - buf[i]));
    min = Math.min(min, d);
  }
  return min;
}

describe('nominal against planned manoeuvre', () => {
  const a = baseElements({ noradCatId: 200001, objectId: '2024-999A', objectName: 'A' });
  const b = baseElements({
    noradCatId: 200002,
    objectName: 'B',
    inclinationDeg: a.inclinationDeg + 1,
  });
  const nominal = oem(a, null);
  const planned = oem(a, 1);
  // Where the planned A is 4 h after the burn, along the track behind the nominal A.
  const lagKm = (() => {
    const t = BURN + 4 * HOUR_MS;
    const [n, p] = [nominal, planned].map((m) => stateAt(messageToTeme(m), t)!.positionKm);
    return Math.hypot(...n.map((x, i) => x - p[i]));
  })();
  const radiusKm = Math.hypot(...stateAt(messageToTeme(nominal), BURN)!.positionKm);
  const c = baseElements({
    noradCatId: 200003,
    objectName: 'C',
    inclinationDeg: a.inclinationDeg - 1,
    meanAnomalyDeg: a.meanAnomalyDeg - ((lagKm / radiusKm) * 180) / Math.PI,
  });
  const options = {
    startMs: START,
    durationHours: 8,
    thresholdKm: THRESHOLD_KM,
    primaries: [200001],
  };
  const run = (m: OemMessage, file: string) =>
    screenCatalog([a, b, c], { ...options, ephemerides: [ephemerisFromOem(m, file, [a, b, c])] })
      .events;
  const nominalEvents = run(nominal, 'nominal.oem');
  const plannedEvents = run(planned, 'planned.oem');
  const noPc = () => null;
  const result = compareManoeuvre(200001, nominalEvents, plannedEvents, {
    nominal: noPc,
    planned: noPc,
  });
  const tca = (e: { tcaMs: number }) => new Date(e.tcaMs).toISOString();

  it('the burn is a real one: the planned A drifts tens of km behind in 4 h', () => {
    expect(lagKm).toBeGreaterThan(20);
    expect(lagKm).toBeLessThan(100);
  });

  it('keeps the approaches before the burn unchanged, and says how the next one changes', () => {
    const before = nominalEvents.filter((e) => e.tcaMs < BURN);
    expect(before.length).toBeGreaterThan(0);
    const keptBefore = result.kept.filter((k) => k.nominal.tcaMs < BURN);
    expect(keptBefore.map((k) => tca(k.nominal))).toEqual(before.map(tca));
    for (const k of keptBefore) {
      expect(Math.abs(k.tcaShiftS)).toBeLessThan(0.01);
      expect(Math.abs(k.rangeChangeKm)).toBeLessThan(0.001);
    }
    // Shortly after the burn the drift is small: the same approach, its miss distance changed.
    const keptAfter = result.kept.filter((k) => k.nominal.tcaMs > BURN);
    expect(keptAfter.length).toBeGreaterThan(0);
    for (const k of keptAfter) {
      expect(k.planned.rangeKm - k.nominal.rangeKm).toBeCloseTo(k.rangeChangeKm, 9);
      expect(Math.abs(k.rangeChangeKm)).toBeGreaterThan(0.1);
      expect(closest(planned, b, k.planned.tcaMs)).toBeCloseTo(k.planned.rangeKm, 2);
    }
  });

  it('removes the approaches with B after the burn: the planned trajectory stays away from B', () => {
    const after = nominalEvents.filter((e) => e.tcaMs > BURN + HOUR_MS && e.id2 === 200002);
    expect(after.length).toBeGreaterThan(3);
    const removedB = result.removed.filter((e) => e.otherId === 200002);
    expect(removedB.map(tca)).toEqual(expect.arrayContaining(after.map(tca)));
    for (const e of removedB) {
      expect(closest(nominal, b, e.tcaMs)).toBeLessThan(THRESHOLD_KM);
      expect(closest(planned, b, e.tcaMs)).toBeGreaterThan(THRESHOLD_KM);
    }
    expect(result.worst.nominal.events).toBe(nominalEvents.length);
  });

  it('adds the approach with C that only the planned trajectory makes', () => {
    const addedC = result.added.filter((e) => e.otherId === 200003);
    expect(addedC.length).toBeGreaterThan(0);
    expect(nominalEvents.some((e: ConjunctionEvent) => e.id2 === 200003)).toBe(false);
    for (const e of addedC) {
      expect(e.tcaMs).toBeGreaterThan(BURN);
      expect(closest(planned, c, e.tcaMs)).toBeLessThan(THRESHOLD_KM);
      expect(closest(nominal, c, e.tcaMs)).toBeGreaterThan(THRESHOLD_KM);
    }
    expect(result.worst.planned.minRangeKm).toBe(Math.min(...plannedEvents.map((e) => e.rangeKm)));
  });

  it('swapped, what was removed is added and the other way round', () => {
    const swapped = compareManoeuvre(200001, plannedEvents, nominalEvents, {
      nominal: noPc,
      planned: noPc,
    });
    expect(swapped.added.map(tca)).toEqual(result.removed.map(tca));
    expect(swapped.removed.map(tca)).toEqual(result.added.map(tca));
  });
});
