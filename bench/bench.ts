/**
 * npm run bench — the viewer's figures, in one run on this machine:
 *  1. parse + SGP4-initialise the 26,834-object snapshot (Node);
 *  2. worker-pool propagation throughput against plain satellite.js `propagate` (Node, a ratio);
 *  3. in headless Chromium on the built app: data-arrival-to-first-frame, main-thread
 *     milliseconds per frame with the full catalog against an empty globe, seek latency,
 *     picking and memory;
 *  4. the same for a synthetic catalog of 100,000 objects made from the snapshot (issue 14's
 *     scale), opened through the file input on an empty, settled globe; then its arrival → first
 *     frame once more, opened over the snapshot with the clock playing;
 *  5. a synthetic catalog of 1,000,000 objects opened over the snapshot: drawn or refused, and
 *     whether the page kept drawing and kept the snapshot.
 * Options: --skip-browser, --seconds <s> (frame sampling per scene, default 8), --port <n>
 * (default 4179), --large <objects> (default 100000), --skip-large, --skip-million.
 */
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { json2satrec, propagate } from 'satellite.js';
import { loadCatalog } from '../src/domain/catalog/load';
import { decodePackedCatalog, encodePackedCatalog } from '../src/domain/catalog/packedFile';
import type { ElementSet } from '../src/domain/catalog/types';
import { sgp4InitCheck } from '../src/domain/propagation/satrec';
import { toOmmRecord } from '../src/domain/catalog/write';
import { onOrbitSnapshotCsv, sharedDataPresent } from '../src/testing/sharedData';
import {
  browserFigures,
  largeCatalogFigures,
  largeOverSnapshotFigures,
  oversizedCatalogFigures,
} from './browserFigures';
import { syntheticCsv, writeSyntheticCsv } from './loadFiles';
import { withBuiltApp } from './previewServer';

const args = process.argv.slice(2);
const skipBrowser = args.includes('--skip-browser');
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const seconds = Number(option('--seconds')) || 8;
const port = Number(option('--port') ?? 4179);
const largeCount = Number(option('--large') ?? 100_000);
const skipLarge = args.includes('--skip-large');
const skipMillion = args.includes('--skip-million');

if (!sharedDataPresent) {
  console.error(`bench: the snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`);
  process.exit(2);
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function timeIt<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const result = fn();
  return [result, performance.now() - t0];
}

/** The process's CPU milliseconds for `fn` (this shared machine inflates wall time). */
function cpuOf(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(t0);
  return (user + system) / 1000;
}

// 1. Parse and initialise.
const text = readFileSync(onOrbitSnapshotCsv, 'utf8');
const [loaded, parseInitMs] = timeIt(() => loadCatalog(text, { initCheck: sgp4InitCheck }));
const [, parseOnlyMs] = timeIt(() => loadCatalog(text, { initCheck: () => null }));
const objects: ElementSet[] = loaded.objects;
console.log(
  `snapshot: ${fmt(objects.length)} objects (${loaded.rejected.length} rejected, ${loaded.duplicatesDropped} duplicates)`,
);
console.log(`  parse + derive:            ${fmt(parseOnlyMs)} ms`);
console.log(`  parse + SGP4 init (1 core): ${fmt(parseInitMs)} ms`);
// What the page does instead with the build's packed snapshot (src/domain/catalog/packedFile.ts).
const packedSnapshot = encodePackedCatalog(loadCatalog(text, { initCheck: () => null }));
const packedBuffer = packedSnapshot.buffer as ArrayBuffer;
const parseCpu = Array.from({ length: 3 }, () =>
  cpuOf(() => loadCatalog(text, { initCheck: () => null })),
);
const unpackCpu = Array.from({ length: 3 }, () => cpuOf(() => decodePackedCatalog(packedBuffer)));
console.log(
  `  CPU, 3 runs each: parse + derive ${parseCpu.map((ms) => fmt(ms)).join(' / ')} ms; unpack the packed snapshot (${fmt(packedSnapshot.byteLength / 1024 / 1024, 1)} MB) ${unpackCpu.map((ms) => fmt(ms)).join(' / ')} ms`,
);

if (!skipLarge) {
  // The browser's large file, parsed here: the parsing worker's share of its arrival → first frame.
  const large = syntheticCsv(largeCount);
  const largeCpu = Array.from({ length: 3 }, () =>
    cpuOf(() => loadCatalog(large, { initCheck: () => null })),
  );
  console.log(
    `  ${fmt(largeCount)} objects (OMM CSV, ${fmt(large.length / 1024 / 1024, 1)} MB), CPU, 3 runs: parse + derive ${largeCpu.map((ms) => fmt(ms)).join(' / ')} ms`,
  );
}

// 2. Plain satellite.js propagate, one thread, the whole catalog at several instants.
const t0Ms = Date.UTC(2024, 10, 1);
const satrecs = objects.map((o) =>
  json2satrec(toOmmRecord(o) as Parameters<typeof json2satrec>[0]),
);
const passes = 10;
const [, plainMs] = timeIt(() => {
  for (let p = 0; p < passes; p++) {
    const date = new Date(t0Ms + p * 60_000);
    for (const satrec of satrecs) propagate(satrec, date);
  }
});
const plainRate = (passes * satrecs.length) / (plainMs / 1000);
console.log(`plain satellite.js propagate (1 thread): ${fmt(plainRate / 1e6, 2)} M states/s`);

// The worker pool, as the browser sizes it (cores − 1, at least 2), through the same service.
const poolSize = Math.min(8, Math.max(2, availableParallelism() - 1));
const workers = Array.from(
  { length: poolSize },
  () =>
    new Worker(new URL('./tsWorker.mjs', import.meta.url), {
      workerData: { entry: new URL('./propagationThread.ts', import.meta.url).href },
    }),
);
let nextId = 0;
function call<T>(worker: Worker, method: string, ...callArgs: unknown[]): Promise<T> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (m: { id: number; result: T }) => {
      if (m.id !== id) return;
      worker.off('message', onMessage);
      resolve(m.result);
    };
    worker.on('message', onMessage);
    worker.postMessage({ id, method, args: callArgs });
  });
}
const per = Math.ceil(objects.length / poolSize);
const tPrep = performance.now();
await Promise.all(workers.map((w, i) => call(w, 'prepare', objects.slice(i * per, (i + 1) * per))));
const prepareMs = performance.now() - tPrep;
const samples = 20;
await Promise.all(workers.map((w) => call(w, 'sample', t0Ms, 60_000, 2))); // warm-up
const tPool = performance.now();
await Promise.all(workers.map((w) => call(w, 'sample', t0Ms, 60_000, samples)));
const poolMs = performance.now() - tPool;
const poolRate = (samples * objects.length) / (poolMs / 1000);
// A seek: the two samples that bracket a random time within ±7 days, whole catalog.
const seekMs: number[] = [];
for (let i = 0; i < 15; i++) {
  const k = Math.floor((t0Ms + (Math.random() * 2 - 1) * 7 * 86_400_000) / 60_000);
  const started = performance.now();
  await Promise.all(workers.map((w) => call(w, 'sample', k * 60_000, 60_000, 2)));
  seekMs.push(performance.now() - started);
}
seekMs.sort((a, b) => a - b);
await Promise.all(workers.map((w) => w.terminate()));
console.log(
  `worker pool (${poolSize} threads): SGP4 init ${fmt(prepareMs)} ms; ${fmt(poolRate / 1e6, 2)} M Earth-fixed states/s`,
);
console.log(`  ratio pool / plain propagate: ${fmt(poolRate / plainRate, 2)}×`);
console.log(
  `  one catalog pass through the pool: ${fmt((objects.length / poolRate) * 1000, 1)} ms`,
);
console.log(
  `  seek (both samples around a random time, whole catalog): median ${fmt(seekMs[7], 1)} ms, max ${fmt(seekMs[14], 1)} ms`,
);

if (skipBrowser) process.exit(0);

// 3. The browser: build, serve, measure.
const mb = (n: number) => `${fmt(n)} MB`;
await withBuiltApp(port, async (baseUrl) => {
  const figures = await browserFigures(baseUrl, seconds, onOrbitSnapshotCsv);
  console.log('headless Chromium (SwiftShader, lean profile, 1280×800):');
  console.log(
    `  snapshot data arrival → first frame: ${fmt(figures.onScreenMs)} ms (parse + init ${fmt(figures.ingestMs)} ms)`,
  );
  console.log(
    `  empty globe, clock playing: ${fmt(figures.emptyIdle.fps, 1)} frames/s drawn (nothing on it moves with the clock)`,
  );
  console.log(
    `  main-thread script per frame: empty globe (a frame requested every animation frame) ${fmt(figures.empty.scriptMsPerFrame, 2)} ms, full catalog ${fmt(figures.full.scriptMsPerFrame, 2)} ms (difference ${fmt(figures.full.scriptMsPerFrame - figures.empty.scriptMsPerFrame, 2)} ms); per second ${fmt(figures.empty.scriptMsPerSecond)} / ${fmt(figures.full.scriptMsPerSecond)} ms`,
  );
  console.log(
    `  the app's own per-frame work, full catalog: median ${fmt(figures.full.own.medianMs, 2)} ms, p95 ${fmt(figures.full.own.p95Ms, 2)} ms, max ${fmt(figures.full.own.maxMs, 2)} ms (${figures.full.own.count} frames; empty globe median ${fmt(figures.empty.own.medianMs, 2)} ms)`,
  );
  console.log(
    `  scene update+render per frame (median): empty ${fmt(figures.empty.frameMedianMs, 2)} ms, full ${fmt(figures.full.frameMedianMs, 2)} ms; frames/s empty ${fmt(figures.empty.fps, 1)}, full ${fmt(figures.full.fps, 1)}`,
  );
  const seekLine = (d: typeof figures.seekData) =>
    `median ${fmt(d.medianMs)} ms, p95 ${fmt(d.p95Ms)} ms, max ${fmt(d.maxMs)} ms (${d.count} seeks)`;
  console.log('  seek to a random time within ±7 days (paused):');
  console.log(
    `    correct positions computed (worker samples in hand): ${seekLine(figures.seekData)}`,
  );
  console.log(
    `    first frame drawn at the new time (includes SwiftShader frame time): ${seekLine(figures.seekDrawn)}`,
  );
  const pickLine = (p: typeof figures.pick) =>
    `${p.count} of ${p.tried} objects in view: the pick named the object ${p.exact} times, a point ${p.some} (a neighbour drawn over it at most ${fmt(p.neighbourPx, 1)} px away); median ${fmt(p.medianMs, 1)} ms, p95 ${fmt(p.p95Ms, 1)} ms`;
  const memoryLine = (m: typeof figures.memory) =>
    `page JS heap after GC ${mb(m.heapMb)}, renderer processes (page and workers) ${mb(m.rendererMb)}`;
  console.log(`  picking (paused): ${pickLine(figures.pick)}`);
  console.log(`  memory: ${memoryLine(figures.memory)}`);

  if (!skipLarge) {
    const file = writeSyntheticCsv(largeCount);
    try {
      const large = await largeCatalogFigures(baseUrl, file, seconds);
      console.log(
        `${file.label}, ${mb(file.bytes / 1024 / 1024)}, opened on an empty globe once its imagery has loaded:`,
      );
      if (!('scene' in large)) console.log(`  not drawn: ${large.outcome}`);
      else {
        console.log(
          `  ${fmt(large.size)} objects; data arrival → first frame: ${fmt(large.onScreenMs)} ms (parse + init ${fmt(large.ingestMs)} ms)`,
        );
        const own = large.scene.own;
        console.log(
          `  the app's own per-frame work: median ${fmt(own.medianMs, 2)} ms, p95 ${fmt(own.p95Ms, 2)} ms, max ${fmt(own.maxMs, 2)} ms (${own.count} frames); all script per frame ${fmt(large.scene.scriptMsPerFrame, 2)} ms, ${fmt(large.scene.fps, 1)} frames/s`,
        );
        console.log(`  seek (paused), positions computed: ${seekLine(large.seekData)}`);
        console.log(`  seek (paused), first frame drawn: ${seekLine(large.seekDrawn)}`);
        console.log(`  picking (paused): ${pickLine(large.pick)}`);
        console.log(`  memory: ${memoryLine(large.memory)}`);
      }
      const over = await largeOverSnapshotFigures(baseUrl, file);
      console.log(
        over.onScreenMs !== undefined && over.ingestMs !== undefined
          ? `  opened over the snapshot, clock playing: data arrival → first frame ${fmt(over.onScreenMs)} ms (parse + init ${fmt(over.ingestMs)} ms)`
          : `  opened over the snapshot: not drawn: ${over.outcome}`,
      );
    } finally {
      rmSync(file.dir, { recursive: true, force: true });
    }
  }
  if (!skipMillion) {
    const file = writeSyntheticCsv(1_000_000);
    try {
      const big = await oversizedCatalogFigures(baseUrl, file);
      console.log(`${file.label}, ${mb(file.bytes / 1024 / 1024)}, opened over the snapshot:`);
      console.log(
        `  ${big.outcome === 'drawn' ? 'drawn' : `refused: ${big.outcome}`} after ${fmt(big.seconds, 1)} s; catalog on screen ${fmt(big.sizeBefore)} → ${fmt(big.sizeAfter)} objects; meanwhile ${fmt(big.framesPerSecond, 1)} frames/s, longest task ${fmt(big.longestTaskMs)} ms`,
      );
    } finally {
      rmSync(file.dir, { recursive: true, force: true });
    }
  }
});
