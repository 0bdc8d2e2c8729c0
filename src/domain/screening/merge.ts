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

/** Event order of every result: TCA, then catalog numbers. */
export function compareEvents(a: ConjunctionEvent, b: ConjunctionEvent): number {
  return a.tcaMs - b.tcaMs || a.id1 - b.id1 || a.id2 - b.id2;
}

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
 * Turn raw minima into the event list: drop duplicates (same pair, TCA within 1 ms), fold the
 * successive minima of a pair that never leaves the threshold between them into their deepest
 * one (co-orbiting objects), keep the window, sort.
 */
export function finalizeEvents(ctx: ScreeningContext, raw: ConjunctionEvent[]): ConjunctionEvent[] {
  const byPair = raw.slice().sort((a, b) => a.id1 - b.id1 || a.id2 - b.id2 || a.tcaMs - b.tcaMs);
  const idx = indexOfId(ctx);
  const ev = new PairEvaluator(ctx);
  const out: ConjunctionEvent[] = [];
  let prev: ConjunctionEvent | null = null;
  for (const e of byPair) {
    if (prev && prev.id1 === e.id1 && prev.id2 === e.id2) {
      const same =
        e.tcaMs - prev.tcaMs < 1 ||
        staysWithin(ev, idx.get(e.id1)!, idx.get(e.id2)!, prev.tcaMs, e.tcaMs, ctx.opts.reachKm);
      if (same) {
        if (e.rangeKm < out[out.length - 1].rangeKm) out[out.length - 1] = e;
        prev = e;
        continue;
      }
    }
    out.push(e);
    prev = e;
  }
  return out
    .filter((e) => e.tcaMs >= ctx.opts.startMs && e.tcaMs <= ctx.opts.endMs)
    .sort(compareEvents);
}

export function addStats(a: ScreeningStats, b: ScreeningStats): ScreeningStats {
  const r = { ...a };
  for (const k of Object.keys(b) as (keyof ScreeningStats)[]) r[k] += b[k];
  return r;
}

/** Merge chunk results (any order, any worker count) into the one result. */
export function mergeChunks(ctx: ScreeningContext, results: ChunkResult[]): ScreeningResult {
  const sorted = results.slice().sort((a, b) => a.chunk - b.chunk);
  let stats = emptyStats();
  const raw: ConjunctionEvent[] = [];
  const failed = new Map<number, ScreeningFlag>();
  for (const r of sorted) {
    stats = addStats(stats, r.stats);
    for (let off = 0; off < r.packed.length; off += PACKED_EVENT_SIZE) {
      raw.push(unpackEvent(ctx, r.packed, off));
    }
    for (const f of r.flags) {
      const had = failed.get(f.id);
      if (!had || (f.failedAtMs ?? 0) < (had.failedAtMs ?? 0)) failed.set(f.id, f);
    }
  }
  const events = finalizeEvents(ctx, raw);
  stats.objects = ctx.n;
  stats.screened = ctx.screened;
  stats.pairsApogeePerigee = ctx.pairsApogeePerigee;
  stats.events = events.length;
  const flags = [...ctx.initFlags, ...[...failed.values()].sort((a, b) => a.id - b.id)];
  return {
    startMs: ctx.opts.startMs,
    endMs: ctx.opts.endMs,
    primaries: [...ctx.opts.primaries],
    objects: ctx.n,
    events,
    flags,
    ephemerides: ctx.coverage,
    stats,
  };
}

/** A result with its events packed (PACKED_EVENT_SIZE doubles each) for the trip between threads. */
export interface PackedScreeningResult extends Omit<ScreeningResult, 'events'> {
  packed: Float64Array;
}

export function packResult(ctx: ScreeningContext, result: ScreeningResult): PackedScreeningResult {
  const idx = indexOfId(ctx);
  const packed = new Float64Array(result.events.length * PACKED_EVENT_SIZE);
  result.events.forEach((e, k) =>
    packEvent(e, idx.get(e.id1)!, idx.get(e.id2)!, packed, k * PACKED_EVENT_SIZE),
  );
  return {
    startMs: result.startMs,
    endMs: result.endMs,
    primaries: result.primaries,
    objects: result.objects,
    flags: result.flags,
    ephemerides: result.ephemerides,
    stats: result.stats,
    packed,
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
