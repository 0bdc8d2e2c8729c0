// OEM benchmark: `npm run bench:oem` (tsx bench/oem.ts). The ISS from the 2024-11-01 CelesTrak
// snapshot is sampled from SGP4 every 60 s for 7 days (10,081 states) and written as a KVN OEM;
// then: read it (text → typed segment), inflate its gzip form, convert it to TEME, and
// interpolate N states at random instants with each method; then screen the ISS against the whole
// snapshot, once as its ephemeris and once from SGP4, on one thread. Options: --n N (default
// 100000), --screen-hours H (default 24; 168 for the 7-day figure; 0 skips the screening).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadCatalogText } from '../src/domain/catalog/load';
import { decodeOemBytes } from '../src/domain/oem/decode';
import { segmentToTeme } from '../src/domain/oem/frames';
import { stateAt, type InterpolationChoice } from '../src/domain/oem/interpolate';
import { readOem } from '../src/domain/oem/read';
import { elementSetToOem } from '../src/domain/oem/sample';
import { ephemerisFromOem } from '../src/domain/screening/fromOem';
import { screenCatalog } from '../src/domain/screening/screen';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const n = option('--n', 100_000);
const screenHours = option('--screen-hours', 24);
const startMs = Date.parse('2024-11-01T00:00:00Z');
const days = 7;

/** Median wall time (ms) of `runs` calls. */
function time(runs: number, fn: () => void): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main(): Promise<void> {
  const catalog = loadCatalogText(readFileSync(onOrbitSnapshotCsv, 'utf8'));
  const iss = catalog.objects.find((o) => o.noradCatId === 25544);
  if (!iss) throw new Error('ISS not in the snapshot');
  const span = { startMs, stopMs: startMs + days * 86_400_000, stepMs: 60_000 };
  let text = '';
  const writeMs = time(3, () => {
    const out = elementSetToOem(iss, span, { originator: 'BENCH', creationDateMs: startMs });
    if (!out.ok) throw new Error(out.reason);
    text = out.text;
  });
  const read = readOem(text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  const segment = read.message.segments[0];
  console.log(
    `ISS, ${days} days at 60 s: ${segment.states.length} states, ${(text.length / 2 ** 20).toFixed(2)} MB KVN; ` +
      `sampled from SGP4 and written in ${writeMs.toFixed(0)} ms`,
  );
  console.log(
    `read (KVN text → typed segment): ${time(7, () => readOem(text)).toFixed(0)} ms (median of 7)`,
  );

  const gz = new Uint8Array(gzipSync(text));
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) await decodeOemBytes(gz);
  console.log(
    `gunzip (${(gz.length / 2 ** 10).toFixed(0)} KB, DecompressionStream): ${((performance.now() - t0) / 5).toFixed(0)} ms (mean of 5)`,
  );
  let teme = segment;
  console.log(
    `to TEME: ${time(5, () => (teme = segmentToTeme(segment))).toFixed(0)} ms (median of 5)`,
  );

  const [from, to] = [segment.states[0].epochMs, segment.states[segment.states.length - 1].epochMs];
  const instants = Float64Array.from({ length: n }, () => from + Math.random() * (to - from));
  const methods: [string, InterpolationChoice | undefined][] = [
    ["file's (LAGRANGE 7)", undefined],
    ['HERMITE 5', { method: 'HERMITE', degree: 5 }],
    ['LINEAR', { method: 'LINEAR', degree: 1 }],
  ];
  for (const [name, choice] of methods) {
    const ms = time(3, () => {
      for (const t of instants) stateAt(teme, t, choice);
    });
    console.log(
      `interpolate ${n} states, ${name}: ${ms.toFixed(0)} ms (${((ms * 1000) / n).toFixed(2)} µs each)`,
    );
  }

  if (!(screenHours > 0)) return;
  // The same screening with the ISS from its OEM (standing in) and from its element set.
  const eph = ephemerisFromOem(read.message, 'iss-7d.oem', catalog.objects);
  const options = { startMs, durationHours: screenHours, thresholdKm: 5, primaries: [25544] };
  const runs: [string, { ephemerides?: (typeof eph)[] }][] = [
    ['as its OEM', { ephemerides: [eph] }],
    ['from SGP4', {}],
  ];
  for (const [name, extra] of runs) {
    const t1 = performance.now();
    const r = screenCatalog(catalog.objects, { ...options, ...extra });
    console.log(
      `screen the ISS ${name} against ${catalog.objects.length} objects, ${screenHours} h, 5 km, one thread: ` +
        `${((performance.now() - t1) / 1000).toFixed(1)} s, ${r.events.length} events`,
    );
  }
}

void main();
