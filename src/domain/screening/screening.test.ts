import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../catalog/types';
import { skipWithoutSharedData } from '../../testing/sharedData';
import { createSatrec, propagateInto } from './adapter';
import { bruteForceScreen } from './bruteForce';
import { screenChunk } from './engine';
import { prepareScreening, ScreeningInputError } from './context';
import { mergeChunks, mergePacked, unpackResult } from './merge';
import { createScreeningWorker, screenCatalog, screenOnPool } from './screen';
import { baseElements, compareEvents, snapshot, SNAPSHOT_START } from './testSupport';
import type { ScreeningOptions } from './types';

const skip = Boolean(skipWithoutSharedData);

/** Engine vs brute force: every reference event found, TCA within 1 ms, range within 1 m. */
function expectSameAsReference(
  subset: ElementSet[],
  options: ScreeningOptions,
  stepS: number,
  minEvents: number,
) {
  const engine = screenCatalog(subset, options);
  const reference = bruteForceScreen(subset, options, stepS);
  const c = compareEvents(engine.events, reference.events);
  expect(reference.events.length).toBeGreaterThanOrEqual(minEvents);
  expect(c.missed).toEqual([]);
  expect(c.extra).toEqual([]);
  expect(c.maxTcaDiffMs).toBeLessThanOrEqual(1);
  expect(c.maxRangeDiffKm).toBeLessThanOrEqual(0.001);
  for (const e of engine.events) {
    expect(e.rangeKm).toBeLessThanOrEqual(options.thresholdKm ?? 5);
    expect(e.tca).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }
  return engine;
}

describe.skipIf(skip)('screening vs brute force on the 2024-11-01 snapshot', () => {
  it('LEO debris cloud (FENGYUN 1C), 6 h, 10 km', () => {
    const subset = snapshot()
      .filter((o) => o.objectName.startsWith('FENGYUN 1C DEB'))
      .slice(0, 300);
    expectSameAsReference(
      subset,
      { startMs: SNAPSHOT_START, durationHours: 6, thresholdKm: 10 },
      10,
      5,
    );
  });

  it('co-orbiting Starlink shell, 6 h, 10 km', () => {
    const subset = snapshot()
      .filter((o) => o.objectName.startsWith('STARLINK'))
      .slice(0, 300);
    expectSameAsReference(
      subset,
      { startMs: SNAPSHOT_START, durationHours: 6, thresholdKm: 10 },
      10,
      3,
    );
  });

  it('GEO belt, 24 h, 50 km', () => {
    const subset = snapshot()
      .filter((o) => Math.abs(o.meanMotionRevPerDay - 1.0027) < 0.02 && o.eccentricity < 0.01)
      .slice(0, 400);
    expectSameAsReference(
      subset,
      { startMs: SNAPSHOT_START, durationHours: 24, thresholdKm: 50 },
      60,
      5,
    );
  });

  it('HEO (e > 0.3, perigee in LEO) against LEO debris, 4 h, 200 km', () => {
    const all = snapshot();
    // Perigee below 1,000 km: these dive through LEO at up to ~10 km/s.
    const perigeeAlt = (o: ElementSet) =>
      Math.cbrt(398600.8 / ((o.meanMotionRevPerDay * 2 * Math.PI) / 86400) ** 2) *
        (1 - o.eccentricity) -
      6378;
    const heo = all.filter((o) => o.eccentricity > 0.3 && perigeeAlt(o) < 1000).slice(0, 150);
    const leo = all
      .filter((o) => o.meanMotionRevPerDay > 14 && o.objectName.includes('DEB'))
      .slice(0, 150);
    const r = expectSameAsReference(
      [...heo, ...leo],
      { startMs: SNAPSHOT_START, durationHours: 4, thresholdKm: 200 },
      10,
      10,
    );
    const heoIds = new Set(heo.map((o) => o.noradCatId));
    expect(r.events.some((e) => heoIds.has(e.id1) || heoIds.has(e.id2))).toBe(true);
  });

  it('watch list equals the all-vs-all events of its primaries', () => {
    const subset = snapshot()
      .filter((o) => o.objectName.startsWith('FENGYUN 1C DEB'))
      .slice(0, 300);
    const opts = { startMs: SNAPSHOT_START, durationHours: 6, thresholdKm: 10 };
    const all = screenCatalog(subset, opts);
    const primaries = [...new Set(all.events.slice(0, 4).flatMap((e) => [e.id1]))];
    const watch = screenCatalog(subset, { ...opts, primaries });
    const expected = all.events.filter(
      (e) => primaries.includes(e.id1) || primaries.includes(e.id2),
    );
    const c = compareEvents(watch.events, expected);
    expect(c.missed).toEqual([]);
    expect(c.extra).toEqual([]);
    for (const e of watch.events) expect(primaries).toContain(e.id1);
  });

  it('watch list of 50 payloads against the whole snapshot equals all vs all (3 h, 10 km)', async () => {
    // The bench's watch list; checks the coarse sampling and the time filter of the primaries
    // mode on real data, both with the batch propagator (worker) and without (one thread).
    const all = snapshot();
    const primaries = all
      .filter((o) => o.type === 'PAYLOAD')
      .slice(0, 50)
      .map((o) => o.noradCatId);
    const opts = { startMs: SNAPSHOT_START, durationHours: 3, thresholdKm: 10 };
    const full = await screenOnPool([createScreeningWorker()], all, opts);
    const expected = full.events.filter(
      (e) => primaries.includes(e.id1) || primaries.includes(e.id2),
    );
    expect(expected.length).toBeGreaterThanOrEqual(10);
    const watched = [
      await screenOnPool([createScreeningWorker()], all, { ...opts, primaries }),
      screenCatalog(all, { ...opts, primaries }),
    ];
    for (const watch of watched) {
      const c = compareEvents(watch.events, expected);
      expect(c.missed).toEqual([]);
      expect(c.extra).toEqual([]);
      expect(c.maxTcaDiffMs).toBeLessThanOrEqual(1);
      expect(c.maxRangeDiffKm).toBeLessThanOrEqual(0.001);
    }
  }, 600_000);

  it('gives the same sorted list for 1, 2 and 3 workers and in one thread', async () => {
    const subset = snapshot()
      .filter((o) => o.objectName.startsWith('FENGYUN 1C DEB'))
      .slice(0, 300);
    const opts = { startMs: SNAPSHOT_START, durationHours: 4, thresholdKm: 10, chunkHours: 0.5 };
    const runs = [];
    for (const n of [1, 2, 3]) {
      const workers = Array.from({ length: n }, () => createScreeningWorker());
      runs.push(await screenOnPool(workers, subset, opts));
    }
    expect(runs[0].events.length).toBeGreaterThan(0);
    expect(JSON.stringify(runs[1].events)).toBe(JSON.stringify(runs[0].events));
    expect(JSON.stringify(runs[2].events)).toBe(JSON.stringify(runs[0].events));
    // In-thread (one SGP4 call at a time instead of the WASM batch): same events.
    const single = screenCatalog(subset, opts);
    const c = compareEvents(single.events, runs[0].events);
    expect(c.missed).toEqual([]);
    expect(c.extra).toEqual([]);
    expect(c.maxTcaDiffMs).toBeLessThan(0.01);
  });
});

describe('merging in a worker', () => {
  it.skipIf(skip)(
    'a worker that merges gives the coordinator merge bit for bit; unpacking pauses between slices',
    async () => {
      const subset = snapshot()
        .filter((o) => o.objectName.startsWith('FENGYUN 1C DEB'))
        .slice(0, 300);
      const opts = { startMs: SNAPSHOT_START, durationHours: 2, thresholdKm: 10, chunkHours: 0.5 };
      const coordinatorMerge = () => {
        const w = createScreeningWorker();
        return { init: w.init, runChunk: w.runChunk };
      };
      const inWorker = await screenOnPool(
        [createScreeningWorker(), createScreeningWorker()],
        subset,
        opts,
      );
      const onCoordinator = await screenOnPool(
        [coordinatorMerge(), coordinatorMerge()],
        subset,
        opts,
      );
      expect(inWorker.events.length).toBeGreaterThan(0);
      expect(JSON.stringify(inWorker)).toBe(JSON.stringify(onCoordinator));

      const ctx = prepareScreening(subset, opts);
      const results = Array.from({ length: ctx.opts.chunkCount }, (_, c) => screenChunk(ctx, c));
      const merged = mergeChunks(ctx, results);
      let pauses = 0;
      const back = await unpackResult(ctx, mergePacked(ctx, results), async () => void pauses++, 0);
      expect(JSON.stringify(back.events)).toBe(JSON.stringify(merged.events));
      expect(pauses).toBe(merged.events.length);
    },
    600_000,
  );
});

describe('constructed encounters', () => {
  const start = SNAPSHOT_START;
  const a = baseElements({});
  const period = 86_400_000 / a.meanMotionRevPerDay;

  /** B in a plane turned 20° in RAAN, phased to reach the planes' crossing with A. */
  function crossing(): { b: ElementSet; designMs: number } {
    const i = (a.inclinationDeg * Math.PI) / 180;
    const d = (20 * Math.PI) / 180;
    const n1 = [0, -Math.sin(i), Math.cos(i)];
    const n2 = [Math.sin(i) * Math.sin(d), -Math.sin(i) * Math.cos(d), Math.cos(i)];
    const p = [
      n1[1] * n2[2] - n1[2] * n2[1],
      n1[2] * n2[0] - n1[0] * n2[2],
      n1[0] * n2[1] - n1[1] * n2[0],
    ];
    const u = (nrm: number[], node: number[]) => {
      const t = [
        nrm[1] * node[2] - nrm[2] * node[1],
        nrm[2] * node[0] - nrm[0] * node[2],
        nrm[0] * node[1] - nrm[1] * node[0],
      ];
      return Math.atan2(p[0] * t[0] + p[1] * t[1] + p[2] * t[2], p[0] * node[0] + p[1] * node[1]);
    };
    const u1 = u(n1, [1, 0, 0]);
    const u2 = u(n2, [Math.cos(d), Math.sin(d), 0]);
    // A reaches u1 20 minutes after epoch; B reaches u2 at the same time.
    const deg = (x: number) => (x * 180) / Math.PI;
    const m20 = (360 * 20 * 60_000) / period;
    const aM = deg(u1) - m20;
    const b = baseElements({
      noradCatId: 270001,
      objectName: 'TEST B',
      raOfAscNodeDeg: 20,
      meanAnomalyDeg: (((deg(u2) - m20) % 360) + 360) % 360,
    });
    return { b: b, designMs: start + 20 * 60_000, aM: ((aM % 360) + 360) % 360 } as never;
  }

  it('finds a designed crossing at its time and distance; catalog numbers above 99,999', () => {
    const { b, designMs, aM } = crossing() as unknown as {
      b: ElementSet;
      designMs: number;
      aM: number;
    };
    const a2 = { ...a, meanAnomalyDeg: aM };
    const r = screenCatalog([a2, b], { startMs: start, durationHours: 1, thresholdKm: 50 });
    const near = r.events.filter((e) => Math.abs(e.tcaMs - designMs) < 60_000);
    expect(near.length).toBe(1);
    const e = near[0];
    expect(e.id1).toBe(200001);
    expect(e.id2).toBe(270001);
    // Designed with Keplerian geometry; SGP4's perturbations move it by seconds and kilometres.
    expect(Math.abs(e.tcaMs - designMs)).toBeLessThan(10_000);
    expect(e.rangeKm).toBeLessThan(50);
    // Relative speed of two 51.6° orbits 20° apart in RAAN at the crossing.
    expect(e.relSpeedKmS).toBeGreaterThan(1);
    // Known answer, independently: real SGP4 range at TCA ± 1 ms and ± 1 s is not smaller.
    const range = (t: number) => {
      const s = new Float64Array(12);
      const sa = createSatrec(a2);
      const sb = createSatrec(b);
      if (!sa.ok || !sb.ok) throw new Error('satrec');
      propagateInto(sa.satrec, a2.epochMs, t, s, 0);
      propagateInto(sb.satrec, b.epochMs, t, s, 6);
      return Math.hypot(s[6] - s[0], s[7] - s[1], s[8] - s[2]);
    };
    expect(Math.abs(range(e.tcaMs) - e.rangeKm)).toBeLessThan(1e-6);
    for (const dt of [-1000, -1, 1, 1000])
      expect(range(e.tcaMs + dt)).toBeGreaterThanOrEqual(e.rangeKm - 1e-9);
    // A dense 1 ms scan around TCA agrees to 1 ms and 1 m.
    let best = Infinity;
    let bestT = 0;
    for (let t = e.tcaMs - 50; t <= e.tcaMs + 50; t += 1) {
      const d = range(t);
      if (d < best) {
        best = d;
        bestT = t;
      }
    }
    expect(Math.abs(bestT - e.tcaMs)).toBeLessThanOrEqual(1);
    expect(Math.abs(best - e.rangeKm)).toBeLessThan(0.001);
    // The miss vector is reported in A's radial/transverse/normal frame: its norm is the range.
    expect(Math.hypot(...e.ricKm)).toBeCloseTo(e.rangeKm, 9);
    expect(e.dse1).toBeCloseTo((e.tcaMs - a2.epochMs) / 86_400_000, 12);
  });

  it('reports a co-orbiting pair once, at its minimum, without flooding', () => {
    const b = baseElements({ noradCatId: 200002, objectName: 'TEST B', meanAnomalyDeg: 0.02 });
    const r = screenCatalog([a, b], { startMs: start, durationHours: 12, thresholdKm: 5 });
    expect(r.events.length).toBe(1);
    const e = r.events[0];
    const aKm = Math.cbrt(398600.8 / ((a.meanMotionRevPerDay * 2 * Math.PI) / 86400) ** 2);
    expect(Math.abs(e.rangeKm - (aKm * 0.02 * Math.PI) / 180)).toBeLessThan(0.5);
    expect(e.relSpeedKmS).toBeLessThan(0.01);
    // It is the minimum over the window (sampled every 30 s with real SGP4).
    const ctx = prepareScreening([a, b], { startMs: start, durationHours: 12 });
    const s = new Float64Array(12);
    for (let t = start; t <= start + 12 * 3_600_000; t += 30_000) {
      propagateInto(ctx.satrecs[0]!, a.epochMs, t, s, 0);
      propagateInto(ctx.satrecs[1]!, b.epochMs, t, s, 6);
      expect(Math.hypot(s[6] - s[0], s[7] - s[1], s[8] - s[2])).toBeGreaterThanOrEqual(
        e.rangeKm - 1e-6,
      );
    }
  });

  it('flags objects whose SGP4 fails or decays, and keeps screening the rest', () => {
    const b = baseElements({ noradCatId: 200002, objectName: 'TEST B', meanAnomalyDeg: 0.02 });
    const decaying = baseElements({
      noradCatId: 200003,
      objectName: 'DECAYING',
      meanMotionRevPerDay: 16.3,
      bstar: 0.5,
      meanMotionDot: 0.05,
    });
    // A companion in the decaying object's shell keeps it past the apogee/perigee filter.
    const low = baseElements({
      noradCatId: 200005,
      objectName: 'LOW',
      meanMotionRevPerDay: 16.3,
      bstar: 0,
    });
    const broken = baseElements({
      noradCatId: 200004,
      objectName: 'BROKEN',
      eccentricity: 0.9,
      meanMotionRevPerDay: 15.5,
    });
    const r = screenCatalog([a, b, decaying, low, broken], {
      startMs: start,
      durationHours: 12,
      thresholdKm: 5,
    });
    const flagged = new Map(r.flags.map((f) => [f.id, f]));
    expect(flagged.has(200003)).toBe(true);
    expect(flagged.get(200003)!.kind).toBe('propagation');
    expect(flagged.get(200003)!.failedAtMs).toBeGreaterThan(start);
    expect(flagged.has(200004)).toBe(true);
    expect(r.events.filter((e) => e.id1 === 200001 && e.id2 === 200002).length).toBe(1);
  });

  it('a watch list flags a decaying object when all vs all does, at the same time', () => {
    const low = baseElements({ noradCatId: 200005, objectName: 'LOW', meanMotionRevPerDay: 16.3 });
    const decaying = baseElements({
      noradCatId: 200003,
      objectName: 'DECAYING',
      meanMotionRevPerDay: 16.3,
      bstar: 0.5,
      meanMotionDot: 0.05,
    });
    // Enough objects in the shell for the primaries mode (not the sweep) to screen them.
    const shell = Array.from({ length: 14 }, (_, k) =>
      baseElements({
        noradCatId: 200010 + k,
        objectName: `SHELL ${k}`,
        meanMotionRevPerDay: 16.3,
        raOfAscNodeDeg: 20 * k,
      }),
    );
    const opts = { startMs: start, durationHours: 12, thresholdKm: 5 };
    const catalog = [low, decaying, ...shell];
    const failedAt = (primaries?: number[]) =>
      screenCatalog(catalog, { ...opts, primaries }).flags.find((f) => f.id === 200003)?.failedAtMs;
    const reference = failedAt();
    expect(reference).toBeGreaterThan(start);
    expect(failedAt([200005])).toBe(reference);
  });

  it('keeps only events inside an R/T/N box', () => {
    const b = baseElements({ noradCatId: 200002, objectName: 'TEST B', meanAnomalyDeg: 0.02 });
    const inT = screenCatalog([a, b], {
      startMs: start,
      durationHours: 2,
      volume: { shape: 'box', halfRtnKm: [1, 5, 1] },
    });
    expect(inT.events.length).toBe(1);
    const outT = screenCatalog([a, b], {
      startMs: start,
      durationHours: 2,
      volume: { shape: 'ellipsoid', halfRtnKm: [5, 1, 5] },
    });
    expect(outT.events.length).toBe(0);
  });

  it('rejects bad options with a message naming the problem', () => {
    expect(() => prepareScreening([a], { startMs: start, durationHours: 200 })).toThrow(
      ScreeningInputError,
    );
    expect(() =>
      prepareScreening([a], { startMs: start, durationHours: 1, thresholdKm: -1 }),
    ).toThrow(/threshold/);
    expect(() =>
      prepareScreening([a], { startMs: start, durationHours: 1, primaries: [5] }),
    ).toThrow(/primary not in catalog: 5/);
  });
});
