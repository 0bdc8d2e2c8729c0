import type { ScreeningContext } from './context';
import { emptyStats } from './engine';
import { packEvent, PairEvaluator, unpackEvent } from './refine';
import {
  PACKED_EVENT_SIZE,
  type ChunkResult,
  type ConjunctionEvent,
  type ScreeningFlag,
  type ScreeningResult,
  type ScreeningStats,
} from './types';

function indexOfId(ctx: ScreeningContext): Map<number, number> {
  const m = new Map<number, number>();
  ctx.ids.forEach((id, i) => m.set(id, i));
  return m;
}

/**
 * True when the pair stays closer than reachKm from tA to tB (real SGP4, steps sized so the
 * range cannot cross reachKm unseen at the current relative speed).
 */
function staysWithin(
  ev: PairEvaluator,
  i: number,
  j: number,
  tA: number,
  tB: number,
  reachKm: number,
): boolean {
  let t = tA;
  for (let it = 0; t < tB && it < 20_000; it++) {
    if (!ev.states(i, j, t)) return false;
    const s = ev.s;
    const r = Math.hypot(s[6] - s[0], s[7] - s[1], s[8] - s[2]);
    if (r > reachKm) return false;
    const v = Math.hypot(s[9] - s[3], s[10] - s[4], s[11] - s[5]);
    t += Math.max(500, Math.min(60_000, ((0.9 * (reachKm - r)) / (v + 1e-6)) * 1000));
  }
  return true;
}

/**
 * Turn raw minima, packed (`count` events in ChunkResult.packed's layout), into the event list:
 * drop duplicates (same pair, TCA within 1 ms), fold the successive minima of a pair that never
 * leaves the threshold between them into their deepest one (co-orbiting objects), keep the window.
 * Returns the indices of the events kept, in the order of every result: TCA, then catalog
 * numbers (ties in the order given). Works on typed arrays: a week's quarter-million events sort
 * in a fraction of a second and leave no garbage.
 */
export function finalEventOrder(
  ctx: ScreeningContext,
  packed: Float64Array,
  count: number,
): Uint32Array {
  const id1 = new Float64Array(count);
  const id2 = new Float64Array(count);
  const tca = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const off = k * PACKED_EVENT_SIZE;
    id1[k] = ctx.ids[packed[off]];
    id2[k] = ctx.ids[packed[off + 1]];
    tca[k] = packed[off + 2];
  }
  const byPair = new Uint32Array(count);
  for (let k = 0; k < count; k++) byPair[k] = k;
  byPair.sort((a, b) => id1[a] - id1[b] || id2[a] - id2[b] || tca[a] - tca[b] || a - b);
  const ev = new PairEvaluator(ctx);
  const kept = new Uint32Array(count);
  let nKept = 0;
  let prev = -1;
  for (const k of byPair) {
    if (prev >= 0 && id1[prev] === id1[k] && id2[prev] === id2[k]) {
      const off = k * PACKED_EVENT_SIZE;
      const same =
        tca[k] - tca[prev] < 1 ||
        staysWithin(ev, packed[off], packed[off + 1], tca[prev], tca[k], ctx.opts.reachKm);
      if (same) {
        const deepest = kept[nKept - 1] * PACKED_EVENT_SIZE;
        if (packed[off + 3] < packed[deepest + 3]) kept[nKept - 1] = k;
        prev = k;
        continue;
      }
    }
    kept[nKept++] = k;
    prev = k;
  }
  // In the window, then by TCA and catalog numbers (ties: pair order, as a stable sort).
  const rank = new Uint32Array(count);
  let nIn = 0;
  for (let r = 0; r < nKept; r++) {
    const k = kept[r];
    if (tca[k] >= ctx.opts.startMs && tca[k] <= ctx.opts.endMs) {
      kept[nIn] = k;
      rank[k] = nIn++;
    }
  }
  return kept
    .subarray(0, nIn)
    .sort((a, b) => tca[a] - tca[b] || id1[a] - id1[b] || id2[a] - id2[b] || rank[a] - rank[b]);
}

/** finalEventOrder for events as objects (the brute-force reference): the events kept, in order. */
export function finalizeEvents(ctx: ScreeningContext, raw: ConjunctionEvent[]): ConjunctionEvent[] {
  const idx = indexOfId(ctx);
  const packed = new Float64Array(raw.length * PACKED_EVENT_SIZE);
  raw.forEach((e, k) =>
    packEvent(e, idx.get(e.id1)!, idx.get(e.id2)!, packed, k * PACKED_EVENT_SIZE),
  );
  return Array.from(finalEventOrder(ctx, packed, raw.length), (k) => raw[k]);
}

export function addStats(a: ScreeningStats, b: ScreeningStats): ScreeningStats {
  const r = { ...a };
  for (const k of Object.keys(b) as (keyof ScreeningStats)[]) r[k] += b[k];
  return r;
}

/** A result with its events packed (PACKED_EVENT_SIZE doubles each) for the trip between threads. */
export interface PackedScreeningResult extends Omit<ScreeningResult, 'events'> {
  packed: Float64Array;
}

/** Merge chunk results (any order, any worker count) into the one result, its events packed. */
export function mergePacked(ctx: ScreeningContext, results: ChunkResult[]): PackedScreeningResult {
  const sorted = results.slice().sort((a, b) => a.chunk - b.chunk);
  let stats = emptyStats();
  const failed = new Map<number, ScreeningFlag>();
  let length = 0;
  for (const r of sorted) length += r.packed.length;
  const raw = new Float64Array(length);
  length = 0;
  for (const r of sorted) {
    stats = addStats(stats, r.stats);
    raw.set(r.packed, length);
    length += r.packed.length;
    for (const f of r.flags) {
      const had = failed.get(f.id);
      if (!had || (f.failedAtMs ?? 0) < (had.failedAtMs ?? 0)) failed.set(f.id, f);
    }
  }
  const order = finalEventOrder(ctx, raw, length / PACKED_EVENT_SIZE);
  const packed = new Float64Array(order.length * PACKED_EVENT_SIZE);
  order.forEach((k, r) => {
    const from = k * PACKED_EVENT_SIZE;
    packed.set(raw.subarray(from, from + PACKED_EVENT_SIZE), r * PACKED_EVENT_SIZE);
  });
  stats.objects = ctx.n;
  stats.screened = ctx.screened;
  stats.pairsApogeePerigee = ctx.pairsApogeePerigee;
  stats.events = order.length;
  return {
    startMs: ctx.opts.startMs,
    endMs: ctx.opts.endMs,
    primaries: [...ctx.opts.primaries],
    objects: ctx.n,
    flags: [...ctx.initFlags, ...[...failed.values()].sort((a, b) => a.id - b.id)],
    ephemerides: ctx.coverage,
    stats,
    packed,
  };
}

/** Merge chunk results (any order, any worker count) into the one result. */
export function mergeChunks(ctx: ScreeningContext, results: ChunkResult[]): ScreeningResult {
  const { packed, ...rest } = mergePacked(ctx, results);
  const events: ConjunctionEvent[] = [];
  for (let off = 0; off < packed.length; off += PACKED_EVENT_SIZE) {
    events.push(unpackEvent(ctx, packed, off));
  }
  return withEvents(rest, events);
}

/** The result's fields in their usual order (the JSON of a run). */
function withEvents(
  rest: Omit<PackedScreeningResult, 'packed'>,
  events: ConjunctionEvent[],
): ScreeningResult {
  return {
    startMs: rest.startMs,
    endMs: rest.endMs,
    primaries: rest.primaries,
    objects: rest.objects,
    events,
    flags: rest.flags,
    ephemerides: rest.ephemerides,
    stats: rest.stats,
  };
}

/**
 * The events back from their packed form (`ctx` knows the same catalog). `pause`, when given, is
 * awaited whenever unpacking has run for `sliceMs`: a page gives itself the thread back.
 */
export async function unpackResult(
  ctx: ScreeningContext,
  result: PackedScreeningResult,
  pause?: () => Promise<void>,
  sliceMs = 25,
): Promise<ScreeningResult> {
  const { packed, ...rest } = result;
  const events: ConjunctionEvent[] = [];
  let sliceStart = performance.now();
  for (let off = 0; off < packed.length; off += PACKED_EVENT_SIZE) {
    events.push(unpackEvent(ctx, packed, off));
    if (pause && performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  return withEvents(rest, events);
}
