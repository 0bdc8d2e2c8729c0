// The screening job protocol between `cli screen --queue` (submitter) and `cli worker`: the
// messages BullMQ carries, and their validation. Both sides validate what they receive, so a
// job or result from another version, or a hand-made one, fails with a reason naming the field.
import { createHash } from 'node:crypto';
import { ScreeningInputError, resolveOptions } from '../../domain/screening/context';
import type { WorkerSummary } from '../../domain/screening/screen';
import {
  PACKED_EVENT_SIZE,
  type ChunkResult,
  type ScreeningFlag,
  type ScreeningOptions,
  type ScreeningStats,
  type ScreeningVolume,
} from '../../domain/screening/types';

export const PROTOCOL_VERSION = 1;
/** BullMQ queue and job names (Redis keys: bull:orbital-watch-screening:…). */
export const QUEUE_NAME = 'orbital-watch-screening';
export const JOB_NAME = 'screen-chunks';

/** Redis key of a catalog stored by content: the SHA-256 (hex) of its text. */
export function catalogKey(sha256: string): string {
  return `orbital-watch:catalog:${sha256}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The catalog a job screens: its text inline (small catalogs, hand-made jobs), or a reference
 * to the text stored in Redis under catalogKey(sha256) (the submitter's way: one copy for all
 * of a run's jobs). fileName: the name the catalog is read under (format detection, messages).
 */
export type CatalogSource =
  { text: string; fileName: string } | { sha256: string; fileName: string };

/** Options a job may carry: the CLI's screening options (engine tuning keeps its defaults). */
export type JobOptions = Pick<
  ScreeningOptions,
  'startMs' | 'durationHours' | 'thresholdKm' | 'primaries' | 'volume'
>;

/** One job: some of a run's time chunks (indices into the engine's fixed chunking). */
export interface ScreeningJob {
  v: typeof PROTOCOL_VERSION;
  /** The submitting run; results carry it back, so runs never mix. */
  runId: string;
  catalog: CatalogSource;
  options: JobOptions;
  chunks: number[];
}

/** A chunk's result as JSON: the engine's packed events in base64 (float64 little-endian). */
export interface ChunkResultMessage {
  chunk: number;
  packed: string;
  flags: ScreeningFlag[];
  stats: ScreeningStats;
}

export interface JobResult {
  v: typeof PROTOCOL_VERSION;
  runId: string;
  /** SHA-256 of the catalog text screened, and its object count. */
  catalogSha256: string;
  objects: number;
  /** The worker context's facts the merge needs (same for every job of a run). */
  summary: WorkerSummary;
  chunks: ChunkResultMessage[];
  /** host:pid of the worker process. */
  worker: string;
}

/** A message that breaks the protocol; the message names the field. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

export function encodePacked(packed: Float64Array): string {
  const b = Buffer.alloc(packed.length * 8);
  for (let k = 0; k < packed.length; k++) b.writeDoubleLE(packed[k], 8 * k);
  return b.toString('base64');
}

export function decodePacked(base64: string, where: string): Float64Array {
  const b = Buffer.from(base64, 'base64');
  if (b.length % (8 * PACKED_EVENT_SIZE) !== 0) {
    throw new ProtocolError(`${where}: ${b.length} bytes is not a whole number of packed events`);
  }
  const out = new Float64Array(b.length / 8);
  for (let k = 0; k < out.length; k++) out[k] = b.readDoubleLE(8 * k);
  return out;
}

export function toChunkMessage(r: ChunkResult): ChunkResultMessage {
  return { chunk: r.chunk, packed: encodePacked(r.packed), flags: r.flags, stats: r.stats };
}

// ---- validation helpers: each names the path of the field at fault ----

type Obj = Record<string, unknown>;

function object(v: unknown, path: string, keys: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ProtocolError(`${path} must be an object`);
  }
  const extra = Object.keys(v).filter((k) => !keys.includes(k));
  if (extra.length) throw new ProtocolError(`${path}: unknown field ${extra[0]}`);
  return v as Obj;
}

function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ProtocolError(`${path} must be a finite number`);
  }
  return v;
}

function int(v: unknown, path: string, min = 0): number {
  if (!Number.isInteger(v) || (v as number) < min) {
    throw new ProtocolError(`${path} must be an integer ≥ ${min}`);
  }
  return v as number;
}

function str(v: unknown, path: string, pattern?: RegExp): string {
  if (typeof v !== 'string') throw new ProtocolError(`${path} must be a string`);
  if (pattern && !pattern.test(v)) throw new ProtocolError(`${path} does not match ${pattern}`);
  return v;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new ProtocolError(`${path} must be an array`);
  return v;
}

function version(v: unknown, path: string): typeof PROTOCOL_VERSION {
  if (v !== PROTOCOL_VERSION) {
    throw new ProtocolError(
      `${path}: protocol version ${String(v)}, this side speaks ${PROTOCOL_VERSION}`,
    );
  }
  return PROTOCOL_VERSION;
}

const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SHA256 = /^[0-9a-f]{64}$/;

function catalogSource(v: unknown): CatalogSource {
  const o = object(v, 'catalog', ['text', 'sha256', 'fileName']);
  const fileName = str(o.fileName, 'catalog.fileName');
  if ('text' in o === 'sha256' in o) {
    throw new ProtocolError('catalog needs exactly one of text and sha256');
  }
  return 'text' in o
    ? { text: str(o.text, 'catalog.text'), fileName }
    : { sha256: str(o.sha256, 'catalog.sha256', SHA256), fileName };
}

function volume(v: unknown): ScreeningVolume {
  const o = object(v, 'options.volume', ['shape', 'halfRtnKm']);
  if (o.shape !== 'box' && o.shape !== 'ellipsoid') {
    throw new ProtocolError('options.volume.shape must be "box" or "ellipsoid"');
  }
  const h = array(o.halfRtnKm, 'options.volume.halfRtnKm');
  if (h.length !== 3) throw new ProtocolError('options.volume.halfRtnKm must hold 3 numbers');
  const halfRtnKm = h.map((x, k) => num(x, `options.volume.halfRtnKm[${k}]`));
  return { shape: o.shape, halfRtnKm: [halfRtnKm[0], halfRtnKm[1], halfRtnKm[2]] };
}

function jobOptions(v: unknown): JobOptions {
  const o = object(v, 'options', [
    'startMs',
    'durationHours',
    'thresholdKm',
    'primaries',
    'volume',
  ]);
  const out: JobOptions = {
    startMs: num(o.startMs, 'options.startMs'),
    durationHours: num(o.durationHours, 'options.durationHours'),
  };
  if (o.thresholdKm !== undefined) out.thresholdKm = num(o.thresholdKm, 'options.thresholdKm');
  if (o.primaries !== undefined) {
    out.primaries = array(o.primaries, 'options.primaries').map((x, k) =>
      int(x, `options.primaries[${k}]`, 1),
    );
  }
  if (o.volume !== undefined) out.volume = volume(o.volume);
  return out;
}

/** A job's data, checked field by field (and the options by the engine's own rules). */
export function parseScreeningJob(data: unknown): ScreeningJob {
  const o = object(data, 'job', ['v', 'runId', 'catalog', 'options', 'chunks']);
  const v = version(o.v, 'job.v');
  const runId = str(o.runId, 'job.runId', RUN_ID);
  const catalog = catalogSource(o.catalog);
  const options = jobOptions(o.options);
  let chunkCount: number;
  try {
    chunkCount = resolveOptions(options).chunkCount;
  } catch (e) {
    if (e instanceof ScreeningInputError) throw new ProtocolError(`options: ${e.message}`);
    throw e;
  }
  const chunks = array(o.chunks, 'chunks').map((x, k) => int(x, `chunks[${k}]`));
  if (chunks.length === 0) throw new ProtocolError('chunks is empty');
  const bad = chunks.find((c) => c >= chunkCount);
  if (bad !== undefined) {
    throw new ProtocolError(`chunks: ${bad} is past the window's ${chunkCount} chunks`);
  }
  if (new Set(chunks).size !== chunks.length) throw new ProtocolError('chunks repeats a chunk');
  return { v, runId, catalog, options, chunks };
}

const STAT_KEYS: (keyof ScreeningStats)[] = [
  'objects',
  'screened',
  'pairsApogeePerigee',
  'sgp4Calls',
  'gridSteps',
  'pairsGrid',
  'pairsMinimum',
  'pairsRefined',
  'events',
];

function stats(v: unknown, path: string): ScreeningStats {
  const o = object(v, path, STAT_KEYS);
  const out = {} as ScreeningStats;
  for (const k of STAT_KEYS) out[k] = int(o[k], `${path}.${k}`);
  return out;
}

function flag(v: unknown, path: string): ScreeningFlag {
  const o = object(v, path, ['id', 'name', 'kind', 'reason', 'failedAtMs']);
  if (o.kind !== 'init' && o.kind !== 'propagation') {
    throw new ProtocolError(`${path}.kind must be "init" or "propagation"`);
  }
  const f: ScreeningFlag = {
    id: int(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    kind: o.kind,
    reason: str(o.reason, `${path}.reason`),
  };
  if (o.failedAtMs !== undefined) f.failedAtMs = num(o.failedAtMs, `${path}.failedAtMs`);
  return f;
}

/**
 * A job's result, checked against the job it answers: same run, the chunks asked for, and
 * packed events whose object indices lie inside a catalog of `objects` objects.
 */
export function parseJobResult(
  data: unknown,
  job: ScreeningJob,
): JobResult & {
  decoded: ChunkResult[];
} {
  const o = object(data, 'result', [
    'v',
    'runId',
    'catalogSha256',
    'objects',
    'summary',
    'chunks',
    'worker',
  ]);
  const v = version(o.v, 'result.v');
  const runId = str(o.runId, 'result.runId', RUN_ID);
  if (runId !== job.runId) throw new ProtocolError(`result.runId ${runId} is not this run's`);
  const catalogSha256 = str(o.catalogSha256, 'result.catalogSha256', SHA256);
  if ('sha256' in job.catalog && job.catalog.sha256 !== catalogSha256) {
    throw new ProtocolError('result.catalogSha256 is not the catalog submitted');
  }
  const objects = int(o.objects, 'result.objects');
  const s = object(o.summary, 'result.summary', [
    'chunkCount',
    'initFlags',
    'screened',
    'pairsApogeePerigee',
  ]);
  const summary: WorkerSummary = {
    chunkCount: int(s.chunkCount, 'result.summary.chunkCount', 1),
    initFlags: array(s.initFlags, 'result.summary.initFlags').map((f, k) =>
      flag(f, `result.summary.initFlags[${k}]`),
    ),
    screened: int(s.screened, 'result.summary.screened'),
    pairsApogeePerigee: int(s.pairsApogeePerigee, 'result.summary.pairsApogeePerigee'),
  };
  const chunks = array(o.chunks, 'result.chunks').map((c, k) => {
    const path = `result.chunks[${k}]`;
    const m = object(c, path, ['chunk', 'packed', 'flags', 'stats']);
    return {
      chunk: int(m.chunk, `${path}.chunk`),
      packed: str(m.packed, `${path}.packed`),
      flags: array(m.flags, `${path}.flags`).map((f, q) => flag(f, `${path}.flags[${q}]`)),
      stats: stats(m.stats, `${path}.stats`),
    };
  });
  const got = chunks.map((c) => c.chunk).join(',');
  if (got !== job.chunks.join(',')) {
    throw new ProtocolError(
      `result.chunks [${got}] do not answer the job's [${job.chunks.join(',')}]`,
    );
  }
  const decoded = chunks.map((c, k): ChunkResult => {
    const packed = decodePacked(c.packed, `result.chunks[${k}].packed`);
    for (let off = 0; off < packed.length; off += PACKED_EVENT_SIZE) {
      for (const i of [packed[off], packed[off + 1]]) {
        if (!Number.isInteger(i) || i < 0 || i >= objects) {
          throw new ProtocolError(`result.chunks[${k}].packed: object index ${i} out of range`);
        }
      }
    }
    return { chunk: c.chunk, packed, flags: c.flags, stats: c.stats };
  });
  return {
    v,
    runId,
    catalogSha256,
    objects,
    summary,
    chunks,
    worker: str(o.worker, 'result.worker'),
    decoded,
  };
}
