import { formatIsoMs, toRic } from './adapter';
import { stateInto, type ScreeningContext } from './context';
import { stepOf, trackEpochMs } from './ephemeris';
import { PACKED_EVENT_SIZE, type ConjunctionEvent, type StateSource } from './types';

const DAY_MS = 86_400_000;

/**
 * Real-SGP4 (or ephemeris) evaluation of a pair: scratch[0..5] object i, scratch[6..11] object j.
 */
export class PairEvaluator {
  readonly s = new Float64Array(12);
  calls = 0;
  constructor(private readonly ctx: ScreeningContext) {}

  /** States of i and j at tMs into this.s; false when either has none (SGP4 failure, gap). */
  states(i: number, j: number, tMs: number): boolean {
    const c = this.ctx;
    this.calls += 2;
    return stateInto(c, i, tMs, this.s, 0) === 0 && stateInto(c, j, tMs, this.s, 6) === 0;
  }

  /** Range rate × range (Δr·Δv, km²/s) at tMs; NaN when SGP4 fails. */
  rangeRate(i: number, j: number, tMs: number): number {
    if (!this.states(i, j, tMs)) return NaN;
    const s = this.s;
    return (
      (s[6] - s[0]) * (s[9] - s[3]) +
      (s[7] - s[1]) * (s[10] - s[4]) +
      (s[8] - s[2]) * (s[11] - s[5])
    );
  }

  /** Range (km) at tMs; NaN when SGP4 fails. */
  range(i: number, j: number, tMs: number): number {
    if (!this.states(i, j, tMs)) return NaN;
    const s = this.s;
    return Math.hypot(s[6] - s[0], s[7] - s[1], s[8] - s[2]);
  }
}

/**
 * Root of the range rate near tGuessMs (a local minimum of range), by Brent's method on real
 * SGP4 states. The bracket grows from ±0.5 s up to ±maxHalfS. Returns NaN when no bracket.
 */
export function refineTca(
  ev: PairEvaluator,
  i: number,
  j: number,
  tGuessMs: number,
  maxHalfS: number,
): number {
  for (let half = 500; ; half = Math.min(half * 4, maxHalfS * 1000)) {
    const a = tGuessMs - half;
    const b = tGuessMs + half;
    const fa = ev.rangeRate(i, j, a);
    const fb = ev.rangeRate(i, j, b);
    if (Number.isNaN(fa) || Number.isNaN(fb)) return NaN;
    if (fa < 0 && fb >= 0) return brent((t) => ev.rangeRate(i, j, t), a, b, fa, fb, 1e-3);
    if (half >= maxHalfS * 1000) return NaN;
  }
}

/** Brent's root finder (zeroin) on [a, b] with f(a), f(b) of opposite signs; tol in x units. */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tol: number,
): number {
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 100; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
    if (Number.isNaN(fb)) return NaN;
  }
  return b;
}

/** True when the miss vector (RTN, km) lies inside the screening volume or threshold. */
export function accepted(ctx: ScreeningContext, rangeKm: number, ric: number[]): boolean {
  const v = ctx.opts.volume;
  if (!v) return rangeKm <= ctx.opts.thresholdKm;
  const [a, b, c] = v.halfRtnKm;
  if (v.shape === 'box')
    return Math.abs(ric[0]) <= a && Math.abs(ric[1]) <= b && Math.abs(ric[2]) <= c;
  return (ric[0] / a) ** 2 + (ric[1] / b) ** 2 + (ric[2] / c) ** 2 <= 1;
}

/**
 * The event at tcaMs for pair (i, j) (i is object 1), packed at out[off ..] (ChunkResult.packed's layout);
 * false when SGP4 fails. Numbers only: a worker builds no strings or objects per event.
 */
export function packEventAt(
  ev: PairEvaluator,
  i: number,
  j: number,
  tcaMs: number,
  out: Float64Array,
  off: number,
): boolean {
  if (!ev.states(i, j, tcaMs)) return false;
  const s = ev.s;
  const d = [s[6] - s[0], s[7] - s[1], s[8] - s[2]];
  out[off] = i;
  out[off + 1] = j;
  out[off + 2] = tcaMs;
  out[off + 3] = Math.hypot(d[0], d[1], d[2]);
  out[off + 4] = Math.hypot(s[9] - s[3], s[10] - s[4], s[11] - s[5]);
  out.set(toRic(s.subarray(0, 3), s.subarray(3, 6), d), off + 5);
  out.set(s, off + 8);
  return true;
}

/** Scratch for refineEvent's one event. */
const scratch = new Float64Array(PACKED_EVENT_SIZE);

/** Where object i's state at tMs comes from. */
function sourceAt(ctx: ScreeningContext, i: number, tMs: number): StateSource {
  const track = ctx.tracks[i];
  return track && track.covered[stepOf(ctx.opts, ctx.steps, tMs)] ? 'ephemeris' : 'sgp4';
}

/** The epoch object i's days-since count from at tMs, for a state from `source`. */
function epochOf(ctx: ScreeningContext, i: number, tMs: number, source: StateSource): number {
  return source === 'ephemeris' ? trackEpochMs(ctx.tracks[i]!, tMs) : ctx.epochMs[i];
}

/**
 * Refine a minimum found near tGuessMs and build its event when it passes the threshold/volume
 * and lies in the screening window. Shared by the engine (refinePacked) and the brute-force
 * reference.
 */
export function refineEvent(
  ctx: ScreeningContext,
  ev: PairEvaluator,
  i: number,
  j: number,
  tGuessMs: number,
  maxHalfS: number,
): ConjunctionEvent | null {
  return refinePacked(ctx, ev, i, j, tGuessMs, maxHalfS, scratch, 0)
    ? unpackEvent(ctx, scratch, 0)
    : null;
}

/** refineEvent's event packed at out[off ..] (ChunkResult.packed's layout); false when there is none. */
export function refinePacked(
  ctx: ScreeningContext,
  ev: PairEvaluator,
  i: number,
  j: number,
  tGuessMs: number,
  maxHalfS: number,
  out: Float64Array,
  off: number,
): boolean {
  const tca = refineTca(ev, i, j, tGuessMs, maxHalfS);
  if (Number.isNaN(tca) || tca < ctx.opts.startMs || tca > ctx.opts.endMs) return false;
  if (!packEventAt(ev, i, j, tca, out, off)) return false;
  return accepted(ctx, out[off + 3], [out[off + 5], out[off + 6], out[off + 7]]);
}

/** Write event e of pair (i, j) at out[off .. off + PACKED_EVENT_SIZE). */
export function packEvent(
  e: ConjunctionEvent,
  i: number,
  j: number,
  out: Float64Array,
  off: number,
): void {
  out[off] = i;
  out[off + 1] = j;
  out[off + 2] = e.tcaMs;
  out[off + 3] = e.rangeKm;
  out[off + 4] = e.relSpeedKmS;
  out.set(e.ricKm, off + 5);
  out.set(e.state1.rKm, off + 8);
  out.set(e.state1.vKmS, off + 11);
  out.set(e.state2.rKm, off + 14);
  out.set(e.state2.vKmS, off + 17);
}

/** The event packed at buf[off ..]; names and epochs come from the context's catalog. */
export function unpackEvent(
  ctx: ScreeningContext,
  buf: Float64Array,
  off: number,
): ConjunctionEvent {
  const i = buf[off];
  const j = buf[off + 1];
  const tcaMs = buf[off + 2];
  const source1 = sourceAt(ctx, i, tcaMs);
  const source2 = sourceAt(ctx, j, tcaMs);
  // One literal (no spread, no helper objects): a week's events are a quarter of a million.
  return {
    id1: ctx.ids[i],
    name1: ctx.names[i],
    id2: ctx.ids[j],
    name2: ctx.names[j],
    tcaMs,
    tca: formatIsoMs(tcaMs),
    dse1: (tcaMs - epochOf(ctx, i, tcaMs, source1)) / DAY_MS,
    dse2: (tcaMs - epochOf(ctx, j, tcaMs, source2)) / DAY_MS,
    source1,
    source2,
    rangeKm: buf[off + 3],
    relSpeedKmS: buf[off + 4],
    ricKm: [buf[off + 5], buf[off + 6], buf[off + 7]],
    state1: {
      rKm: [buf[off + 8], buf[off + 9], buf[off + 10]],
      vKmS: [buf[off + 11], buf[off + 12], buf[off + 13]],
    },
    state2: {
      rKm: [buf[off + 14], buf[off + 15], buf[off + 16]],
      vKmS: [buf[off + 17], buf[off + 18], buf[off + 19]],
    },
  };
}
