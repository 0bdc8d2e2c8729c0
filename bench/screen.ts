// Conjunction screening benchmark: `npm run bench:screen` (tsx bench/screen.ts).
// Full 2024-11-01 CelesTrak snapshot, start 2024-11-01T00:00Z, 5 km, all vs all, on worker
// threads: 24 h and 7 days. Then the speed-up over the brute-force reference on a subset.
// Then the same runs in headless Chromium through the built app's Screening panel (its worker
// pool). Options: --threads N (default: all cores), --skip-week, --hours-list 24,168,
// --skip-browser, --browser-only, --port P (the built app's, default 4179); --watch N (default
// 50, 0: none): re-screening an N-object watch list (the snapshot's first N payloads in file
// order) against the whole catalog for 7 days, after the all-vs-all runs, with its share of the
// 7-day all-vs-all CPU and wall time when that ran too; --watch-only: that run alone. Both 7-day
// figures and their ratio in one run:
// `npm run bench:screen -- --hours-list 168 --skip-browser`.
// Every run is also printed as a multiple of one plain SGP4 pass over the catalog (satellite.js
// `propagate`, one thread, timed in the same process), so runs on a busy or slow host compare.
import { readFileSync } from 'node:fs';
import { propagate } from 'satellite.js';
import { defaultThreadCount, screenWithThreads } from '../src/cli/screeningPool';
import { loadCatalogText } from '../src/domain/catalog/load';
import { bruteForceScreen } from '../src/domain/screening/bruteForce';
import { screenCatalog } from '../src/domain/screening/screen';
import { createSatrec } from '../src/domain/propagation/satrec';
import type { ConjunctionEvent } from '../src/domain/screening/types';
import type { ElementSet } from '../src/domain/catalog/types';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';
import { browserScreening } from './browserScreen';
import { withBuiltApp } from './previewServer';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
};
const threads = Number(arg('threads') ?? defaultThreadCount());
const hoursList = (arg('hours-list') ?? (args.includes('--skip-week') ? '24' : '24,168'))
  .split(',')
  .map(Number);
const startMs = Date.parse('2024-11-01T00:00:00Z');
const watchCount = Number(arg('watch') ?? 50);
const watchOnly = args.includes('--watch-only');

/** Passes timed for the SGP4-pass reference. */
const SGP4_PASSES = 15;

/**
 * One plain SGP4 pass (satellite.js `propagate`, this thread) over every object that starts, at
 * instants spread over the first day: its CPU seconds (mean of SGP4_PASSES passes: CPU time
 * does not count the time a busy host keeps the thread waiting) and wall seconds (median).
 * SGP4 start-up is not timed.
 */
function sgp4Pass(objects: ElementSet[]): { cpuS: number; wallS: number } {
  const satrecs = objects.flatMap((el) => {
    const r = createSatrec(el);
    return r.ok ? [r.satrec] : [];
  });
  const walls: number[] = [];
  let sink = 0;
  const cpu0 = process.cpuUsage();
  for (let k = 0; k < SGP4_PASSES; k++) {
    const date = new Date(startMs + (k * 86_400_000) / SGP4_PASSES);
    const t = performance.now();
    for (const s of satrecs) {
      const pv = propagate(s, date);
      if (pv) sink += pv.position.x;
    }
    walls.push((performance.now() - t) / 1000);
  }
  const cpu = process.cpuUsage(cpu0);
  if (Number.isNaN(sink)) console.log('(an SGP4 pass gave NaN)');
  walls.sort((a, b) => a - b);
  return { cpuS: (cpu.user + cpu.system) / 1e6 / SGP4_PASSES, wallS: walls[SGP4_PASSES >> 1] };
}

/** Node: worker threads over the whole catalog, then the subset against brute force. */
async function nodeFigures(): Promise<void> {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);

  const t0 = performance.now();
  const catalog = loadCatalogText(readFileSync(onOrbitSnapshotCsv, 'utf8'));
  console.log(
    `catalog: ${catalog.objects.length} objects, parsed in ${(performance.now() - t0).toFixed(0)} ms; ` +
      `${threads} worker threads`,
  );
  const pass = sgp4Pass(catalog.objects);
  console.log(
    `SGP4 pass over the catalog (satellite.js propagate, one thread, ${SGP4_PASSES} passes): ` +
      `CPU ${(pass.cpuS * 1000).toFixed(1)} ms, wall ${(pass.wallS * 1000).toFixed(1)} ms`,
  );
  /** A run's CPU and wall time as multiples of the SGP4 pass's. */
  const ratio = (cpuS: number, wallS: number) =>
    `SGP4-pass ratio: CPU ×${(cpuS / pass.cpuS).toFixed(0)}, wall ×${(wallS / pass.wallS).toFixed(0)}`;

  /** CPU and wall seconds of the 7-day all-vs-all run, when this invocation made one. */
  let week: { cpuS: number; wallS: number; events: ConjunctionEvent[] } | null = null;
  for (const hours of watchOnly ? [] : hoursList) {
    peakRss = 0;
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    const r = await screenWithThreads(catalog.objects, { startMs, durationHours: hours }, threads);
    const wall = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const s = r.stats;
    if (hours === 168)
      week = { cpuS: (cpu.user + cpu.system) / 1e6, wallS: wall, events: r.events };
    console.log(`\n== ${hours} h, 5 km, all vs all ==`);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    console.log(`wall ${wall.toFixed(1)} s, CPU ${cpuS.toFixed(1)} s; ${ratio(cpuS, wall)}`);
    console.log(`SGP4 calls ${s.sgp4Calls.toLocaleString('en-US')}`);
    console.log(
      `candidate pairs: apogee/perigee ${s.pairsApogeePerigee.toLocaleString('en-US')} → ` +
        `grid (pair-steps within tolerance) ${s.pairsGrid.toLocaleString('en-US')} → ` +
        `close minima ${s.pairsMinimum.toLocaleString('en-US')} → ` +
        `refined with SGP4 ${s.pairsRefined.toLocaleString('en-US')} → events ${r.events.length}`,
    );
    console.log(
      `objects ${s.objects}, screened ${s.screened}, flagged ${r.flags.length}; ` +
        `fine steps ${s.gridSteps}; peak RSS ${mb(peakRss)} (process max ${mb(process.resourceUsage().maxRSS * 1024)})`,
    );
  }

  if (watchCount > 0) {
    // The watch list's re-screening on each new catalog: its objects against everything.
    const primaries = catalog.objects
      .filter((o) => o.type === 'PAYLOAD')
      .slice(0, watchCount)
      .map((o) => o.noradCatId);
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    const r = await screenWithThreads(
      catalog.objects,
      { startMs, durationHours: 168, primaries },
      threads,
    );
    const wall = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `\n== watch list: ${primaries.length} payloads (the first in the file, ${primaries[0]}…${primaries.at(-1)}) against all ${catalog.objects.length}, 7 days, 5 km ==`,
    );
    console.log(
      `wall ${wall.toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; ` +
        `${ratio((cpu.user + cpu.system) / 1e6, wall)}; SGP4 calls ${r.stats.sgp4Calls.toLocaleString('en-US')}; screened ${r.stats.screened} objects; ` +
        `pairs (apogee/perigee) ${r.stats.pairsApogeePerigee.toLocaleString('en-US')}; events ${r.events.length}`,
    );
    if (week) {
      const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1)} %`;
      // The watch list's events must be the all-vs-all events with a primary (pair, TCA ± 1 ms).
      const watched = new Set(primaries);
      const key = (e: ConjunctionEvent) => `${Math.min(e.id1, e.id2)}-${Math.max(e.id1, e.id2)}`;
      const expected = week.events.filter((e) => watched.has(e.id1) || watched.has(e.id2));
      const same = (a: ConjunctionEvent, b: ConjunctionEvent) =>
        key(a) === key(b) && Math.abs(a.tcaMs - b.tcaMs) <= 1;
      const missed = expected.filter((x) => !r.events.some((e) => same(e, x))).length;
      const extra = r.events.filter((e) => !expected.some((x) => same(e, x))).length;
      console.log(
        `watch list / 7-day all vs all: CPU ${pct((cpu.user + cpu.system) / 1e6, week.cpuS)}, ` +
          `wall ${pct(wall, week.wallS)}; all-vs-all events with a primary ${expected.length}, ` +
          `missed by the watch run ${missed}, extra ${extra}`,
      );
    }
  }
  if (watchOnly) {
    clearInterval(sampler);
    return;
  }

  // Speed-up over the brute-force reference (every pair, SGP4 every 10 s) on one thread.
  const subset = catalog.objects
    .filter((o) => o.objectName.startsWith('FENGYUN 1C DEB'))
    .slice(0, 400);
  const opts = { startMs, durationHours: 6, thresholdKm: 10 };
  let t = performance.now();
  const eng = screenCatalog(subset, opts);
  const te = performance.now() - t;
  t = performance.now();
  const ref = bruteForceScreen(subset, opts, 10);
  const tr = performance.now() - t;
  const found = ref.events.filter((x) =>
    eng.events.some((e) => e.id1 === x.id1 && e.id2 === x.id2 && Math.abs(e.tcaMs - x.tcaMs) <= 1),
  ).length;
  console.log(`\n== subset: ${subset.length} FENGYUN 1C debris, 6 h, 10 km, one thread ==`);
  console.log(
    `engine ${te.toFixed(0)} ms (${eng.stats.sgp4Calls} SGP4 calls), brute force ${tr.toFixed(0)} ms ` +
      `(${ref.sgp4Calls} SGP4 calls): speed-up ×${(tr / te).toFixed(1)}; ` +
      `recall ${found}/${ref.events.length}, engine events ${eng.events.length}`,
  );
  clearInterval(sampler);
}

if (!args.includes('--browser-only')) await nodeFigures();

if (!args.includes('--skip-browser') && !watchOnly) {
  const runs = await withBuiltApp(Number(arg('port') ?? 4179), (baseUrl) =>
    browserScreening(baseUrl, new Date(startMs).toISOString(), hoursList),
  );
  console.log('\n== headless Chromium, the Screening panel (browser worker pool) ==');
  for (const r of runs) {
    console.log(
      `${r.hours} h: wall ${r.wallS.toFixed(1)} s (workers ${r.screenS.toFixed(1)} s, then the event list), events ${r.events}; renderer (page + workers) ` +
        `RSS ${r.rendererBeforeMb.toFixed(0)} MB before, peak ${r.rendererPeakMb.toFixed(0)} MB ` +
        `(+${(r.rendererPeakMb - r.rendererBeforeMb).toFixed(0)} MB for the run); ` +
        `all Chromium processes peak ${r.chromiumPeakMb.toFixed(0)} MB; ` +
        `longest main-thread task ${r.longestTaskMs.toFixed(0)} ms, ` +
        `${r.longestTaskAfterScreeningMs.toFixed(0)} ms while the event list was built`,
    );
  }
}
