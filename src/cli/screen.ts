import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CatalogFormatError } from '../domain/catalog/errors';
import { loadCatalogText } from '../domain/catalog/load';
import { describeIssue, MAX_WATCH_FILE_BYTES, parseWatchListCsv } from '../domain/watchlist';
import { ScreeningInputError, MAX_HOURS } from '../domain/screening/context';
import type { ScreeningResult, ScreeningVolume } from '../domain/screening/types';
import { chooseStartTime } from '../domain/time/startTime';
import { formatIsoMs, parseIsoMs } from '../domain/time/iso';
import { numberOption, parseOptions, UsageError } from './args';
import { csvRow } from '../domain/exportSafety';
import { readInputFile } from './input';
import { readEphemerides, readPlanned, takeRepeated } from './ephemerides';
import { comparisonJson } from './compareJson';
import { compareManoeuvre } from '../domain/screening/compare';
import { DEFAULT_HBR_M } from '../domain/conjunctions/records';
import { ephemerisEventPc, type EventPc } from '../domain/screening/ephemerisPc';
import type { ConjunctionEvent, ScreeningEphemeris } from '../domain/screening/types';
import { parseRedisUrl, redisLabel } from './queue/redis';
import { ScreeningQueue } from './queue/submit';
import type { ScreeningProgress } from '../domain/screening/screen';
import {
  defaultThreadCount,
  planThreads,
  SCREEN_MEMORY_MB,
  ScreeningMemoryError,
  screenWithThreads,
} from './screeningPool';

const OPTIONS = [
  'catalog',
  'start',
  'hours',
  'threshold-km',
  'primary',
  'primary-file',
  'format',
  'box-km',
  'ellipsoid-km',
  'threads',
  'hbr-m',
  'queue',
  'compare',
] as const;

export const SCREEN_HELP = `usage: cli screen --catalog <file> [--start <ISO>] [--hours <h>] [--threshold-km <km>]
  [--primary <id,id,...> | --primary-file <watchlist.csv>] [--format json|csv] [--box-km r,t,n | --ellipsoid-km r,t,n] [--threads <n> | --queue <redis-url>]
  [--ephemeris <file.oem> ...] (OEM objects; the primaries unless --primary/--primary-file is given)
  [--compare <planned.oem>] (screen one --ephemeris object again on this planned trajectory; prints the difference as JSON)
  [--hbr-m <m>] (hard-body radius of the Pc of events with OEM covariance; default ${DEFAULT_HBR_M})
  --queue  screen on the workers of a Redis queue (\`cli worker --queue <redis-url>\`)`;

function parseVolume(name: string, text: string, shape: ScreeningVolume['shape']): ScreeningVolume {
  const parts = text.split(',');
  if (parts.length !== 3) throw new UsageError(`--${name} takes three numbers r,t,n (km)`);
  const v = parts.map((p) => numberOption(name, p, 0, 1e6));
  return { shape, halfRtnKm: [v[0], v[1], v[2]] };
}

/** The catalog numbers of a watch-list CSV (noradId,label,hbrM,note); a bad file is a usage error. */
function readWatchListFile(file: string): number[] {
  let text: string;
  try {
    const buffer = readFileSync(file);
    if (buffer.length > MAX_WATCH_FILE_BYTES) {
      throw new UsageError(`--primary-file ${file}: larger than ${MAX_WATCH_FILE_BYTES} bytes`);
    }
    text = buffer.toString('utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `cannot read --primary-file ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`,
    );
  }
  const parsed = parseWatchListCsv(text);
  if (!parsed.ok) {
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
    throw new UsageError(`--primary-file ${file}: ${describeIssue(parsed.issues[0])}${more}`);
  }
  if (parsed.entries.length === 0)
    throw new UsageError(`--primary-file ${file}: no objects listed`);
  return parsed.entries.map((e) => e.noradId);
}

/** "n/m chunks (p%)" on stderr, rewritten in place as chunks finish. */
function progressLine(): (p: ScreeningProgress) => void {
  let lastPct = -1;
  return (p) => {
    const pct = Math.floor((100 * p.chunksDone) / p.chunkCount);
    if (pct !== lastPct) {
      lastPct = pct;
      process.stderr.write(`\r${p.chunksDone}/${p.chunkCount} chunks (${pct}%)`);
    }
  };
}

/** stdout write that waits for the pipe to drain (large results). */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}

export async function runScreen(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    process.stdout.write(`${SCREEN_HELP}\n`);
    return;
  }
  const ephemerisArgs = takeRepeated(argv, 'ephemeris');
  const o = parseOptions(ephemerisArgs.rest, OPTIONS);
  const file = o.get('catalog');
  if (!file) throw new UsageError(`--catalog is required\n${SCREEN_HELP}`);
  const hours = o.has('hours') ? numberOption('hours', o.get('hours')!, 0, MAX_HOURS) : 24;
  const thresholdKm = o.has('threshold-km')
    ? numberOption('threshold-km', o.get('threshold-km')!, 0, 1e5)
    : 5;
  const format = o.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    throw new UsageError(`--format must be json or csv (got "${format}")`);
  }
  let primaries: number[] = [];
  if (o.has('primary')) {
    primaries = o
      .get('primary')!
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .map((s) => {
        if (!/^\d+$/.test(s)) throw new UsageError(`--primary: "${s}" is not a catalog number`);
        return Number(s);
      });
    if (primaries.length === 0) throw new UsageError('--primary needs at least one catalog number');
  }
  if (o.has('primary-file')) {
    if (o.has('primary')) throw new UsageError('give --primary or --primary-file, not both');
    primaries = readWatchListFile(o.get('primary-file')!);
  }
  if (o.has('box-km') && o.has('ellipsoid-km')) {
    throw new UsageError('give --box-km or --ellipsoid-km, not both');
  }
  const volume = o.has('box-km')
    ? parseVolume('box-km', o.get('box-km')!, 'box')
    : o.has('ellipsoid-km')
      ? parseVolume('ellipsoid-km', o.get('ellipsoid-km')!, 'ellipsoid')
      : undefined;
  const hbrM = o.has('hbr-m') ? numberOption('hbr-m', o.get('hbr-m')!, 0, 1000) : DEFAULT_HBR_M;
  if (o.has('threads') && o.has('queue')) {
    throw new UsageError('give --threads or --queue, not both (workers choose their threads)');
  }
  const queueUrl = o.has('queue') ? parseRedisUrl(o.get('queue')!, 'queue') : null;
  if (ephemerisArgs.values.length > 0 && o.has('queue')) {
    throw new UsageError('--ephemeris runs on local threads: the queue does not carry ephemerides');
  }
  const compareFile = o.get('compare') ?? null;
  if (compareFile !== null) {
    if (ephemerisArgs.values.length === 0) {
      throw new UsageError('--compare needs the nominal trajectory as --ephemeris');
    }
    if (o.has('queue')) throw new UsageError('--compare runs on local threads, not the queue');
    if (o.has('format')) throw new UsageError('--compare prints JSON only');
  }
  const threads = o.has('threads')
    ? Math.round(numberOption('threads', o.get('threads')!, 0, 256))
    : defaultThreadCount();
  let startMs: number | undefined;
  if (o.has('start')) {
    const t = parseIsoMs(o.get('start')!);
    if (t === null)
      throw new UsageError(`--start is not an ISO 8601 UTC time: "${o.get('start')}"`);
    startMs = t;
  }
  const request: ScreenRequest = {
    file,
    hours,
    thresholdKm,
    format,
    primaries,
    volume,
    startMs,
    ephemerisFiles: ephemerisArgs.values,
    compareFile,
    primariesGiven: o.has('primary') || o.has('primary-file'),
    hbrM,
  };
  if (!queueUrl) return screenAndPrint(request, { threads });
  // Connect first: an unreachable Redis fails before the catalog is read.
  const queue = await ScreeningQueue.connect(queueUrl);
  try {
    await screenAndPrint(request, { queue, label: redisLabel(queueUrl) });
  } finally {
    await queue.close();
  }
}

interface ScreenRequest {
  file: string;
  hours: number;
  thresholdKm: number;
  format: 'json' | 'csv';
  primaries: number[];
  volume: ScreeningVolume | undefined;
  startMs: number | undefined;
  /** OEM files; their objects are the primaries unless primariesGiven. */
  ephemerisFiles: string[];
  /** A planned trajectory of one of the ephemerides' objects, to compare with its nominal. */
  compareFile: string | null;
  primariesGiven: boolean;
  hbrM: number;
}

/** Read the catalog, screen on local threads or on the queue, print the result. */
async function screenAndPrint(
  {
    file,
    hours,
    thresholdKm,
    format,
    primaries,
    volume,
    startMs,
    ephemerisFiles,
    compareFile,
    primariesGiven,
    hbrM,
  }: ScreenRequest,
  where: { threads: number } | { queue: ScreeningQueue; label: string },
): Promise<void> {
  const t0 = performance.now();
  const text = readInputFile(file, 'catalog', 'catalog');
  let catalog;
  try {
    catalog = loadCatalogText(text, file);
  } catch (e) {
    // The message already starts with the file name.
    if (e instanceof CatalogFormatError) throw new UsageError(`catalog ${e.message}`);
    throw e;
  }
  if (catalog.objects.length === 0) throw new UsageError(`catalog ${file}: no usable element sets`);
  const ephemerides = await readEphemerides(ephemerisFiles, catalog.objects);
  const comparing = compareFile
    ? await readPlanned(compareFile, ephemerides, catalog.objects)
    : null;
  if (ephemerides.length > 0 && !primariesGiven) {
    primaries = ephemerides.map((e) => e.id);
  }
  if (startMs === undefined) {
    const st = chooseStartTime(
      catalog.objects.map((x) => x.epochMs),
      Date.now(),
    );
    startMs = st.startMs;
    if (st.note) process.stderr.write(`note: ${st.note}\n`);
  }
  const ids = new Set([
    ...catalog.objects.map((x) => x.noradCatId),
    ...ephemerides.map((e) => e.id),
  ]);
  const missing = primaries.filter((id) => !ids.has(id));
  if (missing.length > 0) throw new UsageError(`primary not in catalog: ${missing.join(', ')}`);
  const options = { startMs, durationHours: hours, thresholdKm, primaries, volume };
  const onProgress = progressLine();
  // How to screen: local threads (after their memory plan) or the queue's workers.
  let how: string;
  let screen: (
    ephs: ScreeningEphemeris[],
  ) => Promise<{ result: ScreeningResult; done: Record<string, number> }>;
  if ('queue' in where) {
    how = `queue ${where.label}`;
    screen = async () => {
      // The queue's jobs carry no ephemerides (refused with --queue above).
      const run = await where.queue.screen(
        { text, fileName: basename(file) },
        catalog.objects,
        options,
        onProgress,
      );
      return { result: run.result, done: { jobs: run.jobs, workers: run.workers } };
    };
  } else {
    const plan = planThreads(catalog.objects.length, where.threads);
    if (!plan) {
      throw new UsageError(
        `catalog ${file}: ${catalog.objects.length} objects do not fit one screening thread within ${SCREEN_MEMORY_MB} MB`,
      );
    }
    if (plan.note) process.stderr.write(`note: ${plan.note}\n`);
    how = `${plan.threads} threads`;
    screen = async (ephs) => ({
      result: await screenWithThreads(
        catalog.objects,
        { ...options, ephemerides: ephs },
        plan.threads,
        onProgress,
        plan,
      ),
      done: { threads: plan.threads },
    });
  }
  const tLoad = performance.now();
  process.stderr.write(
    `screening ${catalog.objects.length} objects from ${formatIsoMs(startMs)} for ${hours} h, ` +
      `${volume ? `${volume.shape} ${volume.halfRtnKm.join('/')} km` : `${thresholdKm} km`}` +
      `${primaries.length ? `, primaries ${primaries.join(',')}` : ', all vs all'}, ${how}\n`,
  );
  let result: ScreeningResult;
  let done: Record<string, number>;
  try {
    ({ result, done } = await screen(ephemerides));
    if (comparing) {
      const { nominal, planned } = comparing;
      const plannedSet = ephemerides.map((e) => (e === nominal ? planned : e));
      process.stderr.write(
        `\nscreening again with ${planned.label} in place of ${nominal.label}\n`,
      );
      const second = await screen(plannedSet);
      const tEnd = performance.now();
      const coverage = (r: ScreeningResult) => r.ephemerides?.find((c) => c.id === nominal.id);
      const comparison = compareManoeuvre(nominal.id, result.events, second.result.events, {
        nominal: (e) => ephemerisEventPc(e, ephemerides, hbrM),
        planned: (e) => ephemerisEventPc(e, plannedSet, hbrM),
      });
      process.stderr.write(
        `\nnominal ${result.events.length} events, planned ${second.result.events.length}: ` +
          `${comparison.removed.length} removed, ${comparison.added.length} added, ${comparison.kept.length} kept\n`,
      );
      await write(
        comparisonJson(comparison, {
          startMs: result.startMs,
          endMs: result.endMs,
          name: nominal.name,
          nominal: { label: nominal.label, coverage: coverage(result), flags: result.flags.length },
          planned: {
            label: planned.label,
            coverage: coverage(second.result),
            flags: second.result.flags.length,
          },
          timing: { loadMs: Math.round(tLoad - t0), totalMs: Math.round(tEnd - t0), ...done },
        }),
      );
      return;
    }
  } catch (e) {
    if (e instanceof ScreeningInputError) throw new UsageError(e.message);
    if (e instanceof ScreeningMemoryError) throw new UsageError(`catalog ${file}: ${e.message}`);
    throw e;
  }
  process.stderr.write('\n');
  for (const line of coverageLines(result)) process.stderr.write(`${line}\n`);
  const tEnd = performance.now();
  const timing = {
    loadMs: Math.round(tLoad - t0),
    screenMs: Math.round(tEnd - tLoad),
    totalMs: Math.round(tEnd - t0),
    ...done,
  };
  process.stderr.write(
    `${result.events.length} events, ${result.flags.length} objects flagged, ` +
      `${(timing.totalMs / 1000).toFixed(1)} s\n`,
  );
  const pcOf = (e: ConjunctionEvent) => ephemerisEventPc(e, ephemerides, hbrM);
  if (format === 'json') {
    for (const piece of toJsonChunks(result, timing, pcOf)) await write(piece);
  } else await write(toCsv(result, pcOf));
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** One stderr line per ephemeris: where it was screened, and what stood in for the rest. */
function coverageLines(result: ScreeningResult): string[] {
  return (result.ephemerides ?? []).map((c) => {
    const spans = c.screenedMs.map(([a, b]) => `${formatIsoMs(a)}/${formatIsoMs(b)}`);
    const rest = c.standsIn ? "catalog object's SGP4" : 'not screened';
    return `ephemeris ${c.label} as ${c.id}: ${spans.length ? spans.join(', ') : 'no part of the window'}; elsewhere ${rest}`;
  });
}

function coverageJson(result: ScreeningResult) {
  return (result.ephemerides ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    label: c.label,
    standsIn: c.standsIn,
    screened: c.screenedMs.map(([a, b]) => [formatIsoMs(a), formatIsoMs(b)]),
  }));
}

/** The Pc of an event with OEM covariance (see domain/screening/ephemerisPc), or null. */
type PcOf = (e: ConjunctionEvent) => EventPc | null;

function pcJson(pc: EventPc) {
  const source = (c: EventPc['covariance1']) =>
    c.kind === 'model'
      ? c
      : { kind: c.kind, rule: c.rule, epoch: formatIsoMs(c.epochMs), offsetS: r6(c.offsetS) };
  return {
    value: pc.pc,
    method: pc.method,
    max: pc.pcMax,
    hbrM: pc.hbrM,
    covariance1: source(pc.covariance1),
    covariance2: source(pc.covariance2),
    label: pc.label,
  };
}

function eventJson(e: ConjunctionEvent, pcOf: PcOf): string {
  const pc = pcOf(e);
  return JSON.stringify({
    id1: e.id1,
    name1: e.name1,
    id2: e.id2,
    name2: e.name2,
    tca: e.tca,
    rangeKm: r6(e.rangeKm),
    relSpeedKmS: r6(e.relSpeedKmS),
    ricKm: e.ricKm.map(r6),
    dse1: r6(e.dse1),
    dse2: r6(e.dse2),
    source1: e.source1 ?? 'sgp4',
    source2: e.source2 ?? 'sgp4',
    state1: { rKm: e.state1.rKm.map(r6), vKmS: e.state1.vKmS.map(r6) },
    state2: { rKm: e.state2.rKm.map(r6), vKmS: e.state2.vKmS.map(r6) },
    ...(pc ? { pc: pcJson(pc) } : {}),
  });
}

/**
 * The JSON document, in pieces (a week of events is ~100 MB of text: never one string).
 * Keys: start, end, objects, ephemerides (where each was screened), events, flags, stats, timing.
 */
export function* toJsonChunks(
  result: ScreeningResult,
  timing: Record<string, number>,
  pcOf: PcOf = () => null,
): Generator<string> {
  const head = JSON.stringify({
    start: formatIsoMs(result.startMs),
    end: formatIsoMs(result.endMs),
    objects: result.objects,
    ephemerides: coverageJson(result),
  });
  yield `${head.slice(0, -1)},"events":[`;
  const n = result.events.length;
  for (let k = 0; k < n; k += 1000) {
    const part = result.events
      .slice(k, k + 1000)
      .map((e) => eventJson(e, pcOf))
      .join(',');
    yield k === 0 ? part : `,${part}`;
  }
  const tail = JSON.stringify({
    flags: result.flags.map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      reason: f.reason,
      ...(f.failedAtMs !== undefined ? { failedAt: formatIsoMs(f.failedAtMs) } : {}),
    })),
    stats: result.stats,
    timing,
  });
  yield `],${tail.slice(1)}\n`;
}

export function toJson(result: ScreeningResult, timing: Record<string, number>): string {
  return [...toJsonChunks(result, timing)].join('');
}

export function toCsv(result: ScreeningResult, pcOf: PcOf = () => null): string {
  const head =
    'id1,name1,id2,name2,tca,rangeKm,relSpeedKmS,ricRKm,ricTKm,ricNKm,dse1,dse2,' +
    'x1,y1,z1,vx1,vy1,vz1,x2,y2,z2,vx2,vy2,vz2,source1,source2,pc,pcMax,pcLabel';
  const rows = result.events.map((e) => {
    const pc = pcOf(e);
    return csvRow([
      e.id1,
      e.name1,
      e.id2,
      e.name2,
      e.tca,
      r6(e.rangeKm),
      r6(e.relSpeedKmS),
      ...e.ricKm.map(r6),
      r6(e.dse1),
      r6(e.dse2),
      ...e.state1.rKm.map(r6),
      ...e.state1.vKmS.map(r6),
      ...e.state2.rKm.map(r6),
      ...e.state2.vKmS.map(r6),
      e.source1 ?? 'sgp4',
      e.source2 ?? 'sgp4',
      pc?.pc ?? '',
      pc?.pcMax ?? '',
      pc?.label ?? '',
    ]);
  });
  return `${[head, ...rows].join('\n')}\n`;
}
