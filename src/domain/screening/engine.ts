import { propagateInto, sgp4ErrorText } from './adapter';
import type { ScreeningContext } from './context';
import { packEvent, PairEvaluator, refineEvent } from './refine';
import {
  PACKED_EVENT_SIZE,
  type ChunkResult,
  type ConjunctionEvent,
  type ScreeningFlag,
  type ScreeningStats,
} from './types';

export function emptyStats(): ScreeningStats {
  return {
    objects: 0,
    screened: 0,
    pairsApogeePerigee: 0,
    sgp4Calls: 0,
    gridSteps: 0,
    pairsGrid: 0,
    pairsMinimum: 0,
    pairsRefined: 0,
    events: 0,
  };
}

/** Extra distance (km) covering the bend of relative motion over half a fine step. */
const CURVE_MARGIN_KM = 1;

/** Speed (km/s) above which an object is "fast" in a window and searches a wider cell range. */
const SLOW_KMS = 8.0;
/** Bound on the change of an object's speed over half a window, km/s (gravity × 10 s, with room). */
const SPEED_SLACK_KMS = 0.15;
/** Cells are clamped to ±CLAMP_KM (neighbourhoods survive clamping; far objects just share cells). */
const CLAMP_KM = 70_000;

/**
 * Screen one time chunk. Chunks are fixed by the options (not by the worker count), and every
 * minimum is owned by the one fine-step window its interpolated TCA falls in, so the union of
 * chunk results is the same however chunks are spread over workers.
 *
 * Per chunk: SGP4 at every sample step for every screened object, a cubic Hermite segment per
 * object between samples, and at the centre of each fine window a cell list of interpolated
 * positions (cells sorted by a linear key with a radix sort, neighbours found by monotone
 * pointers, so every memory access is sequential). Pairs closer than the window's tolerance get
 * the interpolated range-rate sign test on the window's edges; a minimum close enough is refined
 * with real SGP4 (Brent).
 */
export function screenChunk(ctx: ScreeningContext, chunk: number): ChunkResult {
  return new ChunkScreener(ctx).run(chunk);
}

class ChunkScreener {
  readonly stats = emptyStats();
  readonly flags: ScreeningFlag[] = [];
  readonly events: ConjunctionEvent[] = [];
  /** Object indices (i1, i2) of each event. */
  readonly eventPairs: number[] = [];
  readonly ev: PairEvaluator;
  readonly H: number;
  readonly h: number;
  readonly reach: number;
  readonly allVsAll: boolean;
  readonly primary: Uint8Array;
  readonly errKm: Float64Array;
  /** Live objects (screened, SGP4 still working). */
  readonly list: Int32Array;
  nl = 0;
  nPrimary = 0;
  /** Cell size (km), its inverse, cells per axis and the clamp. */
  readonly L: number;
  /** Largest rho of a "slow" object: any object above it this window is treated as fast. */
  readonly rhoSlow: number;
  readonly inv: number;
  readonly W: number;
  readonly cmax: number;
  readonly fwd: Int32Array;
  readonly keyBits: number;
  readonly ptr: Int32Array;
  A: Float64Array;
  B: Float64Array;
  /** Hermite coefficients per object: p0[3], v0[3], c2[3], c3[3]. */
  readonly C: Float64Array;
  /** Per object this window: too fast for the neighbouring-cell sweep. */
  readonly fastNow: Uint8Array;
  /** rho for near-circular slow objects (speed ~constant), −1 where it is computed per window. */
  readonly rhoConst: Float64Array;
  // Radix sort buffers and the sorted cell list.
  readonly kA: Int32Array;
  readonly kB: Int32Array;
  readonly oA: Int32Array;
  readonly oB: Int32Array;
  readonly hist: Int32Array;
  sKey: Int32Array;
  sObj: Int32Array;
  /**
   * Sorted entries, 8 doubles each: x, y, z, vx, vy, vz at the window centre, rho (half-window
   * motion bound + interpolation error, km) and the interpolation error bound.
   */
  readonly sD: Float64Array;
  /** The same 8 doubles per object index (filled in list order, gathered by the sort). */
  readonly oD: Float64Array;
  readonly sFast: Uint8Array;
  readonly fastList: Int32Array;
  nFast = 0;
  maxRho = 0;
  /** Current window: segment start (ms), window centre and edges (s from segment start). */
  tSeg = 0;
  sMid = 0;
  sLo = 0;
  sHi = 0;

  constructor(readonly ctx: ScreeningContext) {
    const o = ctx.opts;
    const n = ctx.n;
    this.H = o.sampleStepS;
    this.h = o.fineStepS;
    this.reach = o.reachKm;
    this.allVsAll = o.primaries.length === 0;
    this.ev = new PairEvaluator(ctx);
    this.primary = ctx.primary;
    this.errKm = ctx.errKm;
    this.list = new Int32Array(n);
    let maxErrSlow = 0;
    for (let i = 0; i < n; i++) {
      if (!ctx.active[i]) continue;
      this.list[this.nl++] = i;
      if (ctx.primary[i]) this.nPrimary++;
      if (ctx.vmax[i] <= SLOW_KMS) maxErrSlow = Math.max(maxErrSlow, this.errKm[i]);
    }
    // Cell size: a slow pair that can hold a minimum in the window is in neighbouring cells.
    this.rhoSlow = SLOW_KMS * 0.5 * this.h + maxErrSlow;
    this.L = this.reach + 2 * this.rhoSlow + CURVE_MARGIN_KM;
    this.inv = 1 / this.L;
    // Keys x + W (y + W z) must stay below 2³¹.
    this.cmax = Math.min(Math.ceil(CLAMP_KM / this.L), 640);
    const W = 2 * this.cmax + 3;
    this.W = W;
    this.keyBits = Math.ceil(Math.log2(W * W * W));
    // Forward rows (dy, dz): (1, 0), (-1, 1), (0, 1), (1, 1); each spans x - 1 .. x + 1.
    this.fwd = Int32Array.from([W, W * W - W, W * W, W * W + W]);
    this.ptr = new Int32Array(4);
    this.A = new Float64Array(6 * n);
    this.B = new Float64Array(6 * n);
    this.C = new Float64Array(12 * n);
    this.fastNow = new Uint8Array(n);
    this.rhoConst = new Float64Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (ctx.els[i].eccentricity < 0.01 && ctx.vmax[i] + SPEED_SLACK_KMS <= SLOW_KMS) {
        this.rhoConst[i] = (ctx.vmax[i] + SPEED_SLACK_KMS) * 0.5 * this.h + this.errKm[i];
      }
    }
    const nb = Math.max(this.nl, 1);
    this.kA = new Int32Array(nb);
    this.kB = new Int32Array(nb);
    this.oA = new Int32Array(nb);
    this.oB = new Int32Array(nb);
    this.hist = new Int32Array(2048);
    this.sKey = this.kA;
    this.sObj = this.oA;
    this.sD = new Float64Array(8 * nb);
    this.oD = new Float64Array(8 * n);
    this.sFast = new Uint8Array(nb);
    this.fastList = new Int32Array(nb);
  }

  run(chunk: number): ChunkResult {
    const o = this.ctx.opts;
    const { H, h } = this;
    const m = Math.round(H / h);
    const c0 = o.startMs + chunk * o.chunkS * 1000;
    const c1 = Math.min(o.endMs, c0 + o.chunkS * 1000);
    const nSeg = Math.ceil((c1 - c0) / (H * 1000) - 1e-9);
    // Watch lists with few primaries: row searches per primary beat a sweep of everything.
    const sweep = this.allVsAll || this.nPrimary * 9 * 17 > this.nl * 14;
    for (let seg = 0; seg < nSeg; seg++) {
      const tA = c0 + seg * H * 1000;
      if (seg === 0) this.sample(tA, this.A);
      this.sample(tA + H * 1000, this.B);
      this.coefficients();
      this.tSeg = tA;
      for (let k = 0; k < m; k++) {
        if (tA + k * h * 1000 >= c1) break;
        this.sLo = k * h;
        this.sHi = this.sLo + h;
        this.sMid = this.sLo + 0.5 * h;
        this.stats.gridSteps++;
        this.bin(this.sMid);
        if (sweep) this.sweepForward();
        else this.queryPrimaries();
        this.queryFast();
      }
      const t = this.A;
      this.A = this.B;
      this.B = t;
    }
    this.stats.sgp4Calls += this.ev.calls;
    this.stats.events = this.events.length;
    const packed = new Float64Array(this.events.length * PACKED_EVENT_SIZE);
    this.events.forEach((e, k) =>
      packEvent(
        e,
        this.eventPairs[2 * k],
        this.eventPairs[2 * k + 1],
        packed,
        k * PACKED_EVENT_SIZE,
      ),
    );
    return { chunk, packed, flags: this.flags, stats: this.stats };
  }

  /** SGP4 for every live object at tMs into out; drops the ones that fail. */
  sample(tMs: number, out: Float64Array): void {
    const { satrecs, epochMs, els, bulk, bulkIndex } = this.ctx;
    const list = this.list;
    const nl = this.nl;
    let w = 0;
    bulk?.run(tMs);
    for (let q = 0; q < nl; q++) {
      const i = list[q];
      let err: number;
      if (bulk) {
        const b = bulkIndex![i];
        err = bulk.status[b];
        if (err === 0) {
          const p = bulk.position;
          const v = bulk.velocity;
          const o = 6 * i;
          out[o] = p[3 * b];
          out[o + 1] = p[3 * b + 1];
          out[o + 2] = p[3 * b + 2];
          out[o + 3] = v[3 * b];
          out[o + 4] = v[3 * b + 1];
          out[o + 5] = v[3 * b + 2];
        }
      } else err = propagateInto(satrecs[i]!, epochMs[i], tMs, out, 6 * i);
      if (err === 0) list[w++] = i;
      else {
        this.flags.push({
          id: els[i].noradCatId,
          name: els[i].objectName,
          kind: 'propagation',
          reason: sgp4ErrorText(err),
          failedAtMs: tMs,
        });
        if (this.primary[i]) this.nPrimary--;
      }
    }
    this.stats.sgp4Calls += nl;
    this.nl = w;
  }

  /** Hermite segment between the samples: p(s) = p0 + v0 s + c2 s² + c3 s³, s in seconds. */
  coefficients(): void {
    const { A, B, C, H, list, nl } = this;
    for (let q = 0; q < nl; q++) {
      const i = list[q];
      const a = 6 * i;
      const c = 12 * i;
      for (let k = 0; k < 3; k++) {
        const p0 = A[a + k];
        const v0 = A[a + 3 + k];
        const v1 = B[a + 3 + k];
        const dp = (B[a + k] - p0) / H;
        C[c + k] = p0;
        C[c + 3 + k] = v0;
        C[c + 6 + k] = (3 * dp - 2 * v0 - v1) / H;
        C[c + 9 + k] = (-2 * dp + v0 + v1) / (H * H);
      }
    }
  }

  cell(v: number): number {
    const c = Math.floor(v * this.inv);
    return (c < -this.cmax ? -this.cmax : c > this.cmax ? this.cmax : c) + this.cmax + 1;
  }

  /** Interpolate every live object at s and sort them by cell key (LSD radix, 3 × 11 bits). */
  bin(s: number): void {
    const { C, list, nl, oD, rhoConst, fastNow, errKm, W, kA, oA, h, rhoSlow } = this;
    const half = 0.5 * h;
    let maxRho = 0;
    for (let q = 0; q < nl; q++) {
      const i = list[q];
      const c = 12 * i;
      const x = C[c] + s * (C[c + 3] + s * (C[c + 6] + s * C[c + 9]));
      const y = C[c + 1] + s * (C[c + 4] + s * (C[c + 7] + s * C[c + 10]));
      const z = C[c + 2] + s * (C[c + 5] + s * (C[c + 8] + s * C[c + 11]));
      const vx = C[c + 3] + s * (2 * C[c + 6] + 3 * s * C[c + 9]);
      const vy = C[c + 4] + s * (2 * C[c + 7] + 3 * s * C[c + 10]);
      const vz = C[c + 5] + s * (2 * C[c + 8] + 3 * s * C[c + 11]);
      let r = rhoConst[i];
      if (r < 0) {
        const v = Math.sqrt(vx * vx + vy * vy + vz * vz) + SPEED_SLACK_KMS;
        r = v * half + errKm[i];
        // Fast: too quick (or too coarsely interpolated) for the neighbouring-cell sweep.
        fastNow[i] = r > rhoSlow ? 1 : 0;
      }
      const o = 8 * i;
      oD[o] = x;
      oD[o + 1] = y;
      oD[o + 2] = z;
      oD[o + 3] = vx;
      oD[o + 4] = vy;
      oD[o + 5] = vz;
      oD[o + 6] = r;
      oD[o + 7] = errKm[i];
      if (r > maxRho) maxRho = r;
      kA[q] = this.cell(x) + W * (this.cell(y) + W * this.cell(z));
      oA[q] = i;
    }
    this.maxRho = maxRho;
    // LSD radix sort of (key, object), 11 bits a pass.
    const { kB, oB, hist } = this;
    let srcK = kA;
    let srcO = oA;
    let dstK = kB;
    let dstO = oB;
    for (let shift = 0; shift < this.keyBits; shift += 11) {
      hist.fill(0);
      for (let q = 0; q < nl; q++) hist[(srcK[q] >>> shift) & 2047]++;
      let sum = 0;
      for (let b = 0; b < 2048; b++) {
        const c = hist[b];
        hist[b] = sum;
        sum += c;
      }
      for (let q = 0; q < nl; q++) {
        const k = srcK[q];
        const d = hist[(k >>> shift) & 2047]++;
        dstK[d] = k;
        dstO[d] = srcO[q];
      }
      const tk = srcK;
      srcK = dstK;
      dstK = tk;
      const to = srcO;
      srcO = dstO;
      dstO = to;
    }
    this.sKey = srcK;
    this.sObj = srcO;
    const { sD, sFast, fastList } = this;
    let nf = 0;
    for (let r = 0; r < nl; r++) {
      const i = srcO[r];
      const o = 8 * i;
      const t = 8 * r;
      sD[t] = oD[o];
      sD[t + 1] = oD[o + 1];
      sD[t + 2] = oD[o + 2];
      sD[t + 3] = oD[o + 3];
      sD[t + 4] = oD[o + 4];
      sD[t + 5] = oD[o + 5];
      sD[t + 6] = oD[o + 6];
      sD[t + 7] = oD[o + 7];
      const f = fastNow[i];
      sFast[r] = f;
      if (f) fastList[nf++] = r;
    }
    this.nFast = nf;
  }

  /**
   * All slow pairs in neighbouring cells, each once: the rest of the own cell, the next cell in
   * the row, and the three cells of each of the 4 forward rows (monotone pointers).
   */
  sweepForward(): void {
    const { nl, sKey, sObj, sD, sFast, fwd, ptr, primary } = this;
    const base = this.reach + CURVE_MARGIN_KM;
    ptr.fill(0);
    const anyPair = this.allVsAll;
    for (let r = 0; r < nl; r++) {
      if (sFast[r]) continue;
      const k = sKey[r];
      const x = sD[8 * r];
      const y = sD[8 * r + 1];
      const z = sD[8 * r + 2];
      const ri = sD[8 * r + 6] + base;
      const i = sObj[r];
      const pi = primary[i];
      for (let o = -1; o < 4; o++) {
        let p: number;
        let kEnd: number;
        if (o < 0) {
          p = r + 1;
          kEnd = k + 1;
        } else {
          const target = k + fwd[o] - 1;
          kEnd = target + 2;
          p = ptr[o];
          while (p < nl && sKey[p] < target) p++;
          ptr[o] = p;
        }
        for (; p < nl && sKey[p] <= kEnd; p++) {
          const q = 8 * p;
          const dx = sD[q] - x;
          const dy = sD[q + 1] - y;
          const dz = sD[q + 2] - z;
          const d = ri + sD[q + 6];
          if (dx * dx + dy * dy + dz * dz > d * d || sFast[p]) continue;
          if (anyPair || pi || primary[sObj[p]]) this.pair(r, p);
        }
      }
    }
  }

  /** First sorted position with key ≥ k. */
  lowerBound(k: number): number {
    const sKey = this.sKey;
    let lo = 0;
    let hi = this.nl;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sKey[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Visit every object within `d` km (by cells) of sorted entry r: one binary search per cell
   * row. slowOnly: the watch-list query of a slow primary; else a fast object's query.
   */
  queryRows(r: number, d: number, slowOnly: boolean): void {
    const { sKey, sObj, sD, sFast, primary, W, nl } = this;
    const x = sD[8 * r];
    const y = sD[8 * r + 1];
    const z = sD[8 * r + 2];
    const i = sObj[r];
    const pi = primary[i];
    const ri = sD[8 * r + 6] + this.reach + CURVE_MARGIN_KM;
    const x0 = this.cell(x - d);
    const x1 = this.cell(x + d);
    const y1 = this.cell(y + d);
    const z1 = this.cell(z + d);
    for (let cz = this.cell(z - d); cz <= z1; cz++) {
      for (let cy = this.cell(y - d); cy <= y1; cy++) {
        const row = W * (cy + W * cz);
        const kEnd = x1 + row;
        for (let p = this.lowerBound(x0 + row); p < nl && sKey[p] <= kEnd; p++) {
          if (p === r) continue;
          const dx = sD[8 * p] - x;
          const dy = sD[8 * p + 1] - y;
          const dz = sD[8 * p + 2] - z;
          const dd = ri + sD[8 * p + 6];
          if (dx * dx + dy * dy + dz * dz > dd * dd) continue;
          const j = sObj[p];
          const pj = primary[j];
          if (slowOnly) {
            if (sFast[p] || (pj && j < i)) continue;
          } else if ((sFast[p] && j < i) || (!pi && !pj)) continue;
          this.pair(r, p);
        }
      }
    }
  }

  queryPrimaries(): void {
    const { nl, sObj, sFast, primary } = this;
    for (let r = 0; r < nl; r++) {
      if (primary[sObj[r]] && !sFast[r]) this.queryRows(r, this.L * 0.999, true);
    }
  }

  /** Objects with rho above rhoSlow this window look as far as their own speed needs. */
  queryFast(): void {
    const base = this.reach + CURVE_MARGIN_KM;
    for (let f = 0; f < this.nFast; f++) {
      const r = this.fastList[f];
      this.queryRows(r, base + this.sD[8 * r + 6] + this.maxRho, false);
    }
  }

  /**
   * Sorted entries r and p are close enough at the window centre: bound the window's minimum
   * from below (straight-line relative motion), and on a close one test and refine.
   */
  pair(r: number, p: number): void {
    const { sD, C, reach, primary } = this;
    this.stats.pairsGrid++;
    const a8 = 8 * r;
    const b8 = 8 * p;
    const dx = sD[b8] - sD[a8];
    const dy = sD[b8 + 1] - sD[a8 + 1];
    const dz = sD[b8 + 2] - sD[a8 + 2];
    const ux = sD[b8 + 3] - sD[a8 + 3];
    const uy = sD[b8 + 4] - sD[a8 + 4];
    const uz = sD[b8 + 5] - sD[a8 + 5];
    const v2 = ux * ux + uy * uy + uz * uz;
    const limit = reach + sD[a8 + 7] + sD[b8 + 7] + 0.05;
    let lb: number;
    if (v2 >= 1) {
      // Relative motion is a straight line to well under 0.5 km over half a window.
      const t = -(dx * ux + dy * uy + dz * uz) / v2;
      const lx = dx + t * ux;
      const ly = dy + t * uy;
      const lz = dz + t * uz;
      lb = Math.sqrt(lx * lx + ly * ly + lz * lz) - 0.5;
    } else lb = Math.sqrt(dx * dx + dy * dy + dz * dz) - (Math.sqrt(v2) + 0.05) * 0.5 * this.h;
    if (lb > limit) return;
    const i = this.sObj[r];
    const j = this.sObj[p];
    // Object 1: the primary when exactly one is; else the lower catalog number.
    const pi = primary[i];
    const pj = primary[j];
    const swap = (pj && !pi) || (pi === pj && j < i);
    const a = swap ? 12 * j : 12 * i;
    const b = swap ? 12 * i : 12 * j;
    const { sLo, sHi } = this;
    if (!(rangeRateAt(C, a, b, sLo) < 0 && rangeRateAt(C, a, b, sHi) >= 0)) return;
    this.stats.pairsMinimum++;
    const sStar = windowMinimum(C, a, b, sLo, sHi);
    if (rangeAt(C, a, b, sStar) > limit) return;
    this.stats.pairsRefined++;
    const i1 = swap ? j : i;
    const i2 = swap ? i : j;
    const e = refineEvent(this.ctx, this.ev, i1, i2, this.tSeg + sStar * 1000, this.H);
    if (e) {
      this.events.push(e);
      this.eventPairs.push(i1, i2);
    }
  }
}

/** Δr·Δv of the relative Hermite cubic (object b − object a) at s. */
function rangeRateAt(C: Float64Array, a: number, b: number, s: number): number {
  let f = 0;
  for (let k = 0; k < 3; k++) {
    const d0 = C[b + k] - C[a + k];
    const d1 = C[b + 3 + k] - C[a + 3 + k];
    const d2 = C[b + 6 + k] - C[a + 6 + k];
    const d3 = C[b + 9 + k] - C[a + 9 + k];
    f += (d0 + s * (d1 + s * (d2 + s * d3))) * (d1 + s * (2 * d2 + 3 * s * d3));
  }
  return f;
}

function rangeAt(C: Float64Array, a: number, b: number, s: number): number {
  let r2 = 0;
  for (let k = 0; k < 3; k++) {
    const d0 = C[b + k] - C[a + k];
    const d1 = C[b + 3 + k] - C[a + 3 + k];
    const d2 = C[b + 6 + k] - C[a + 6 + k];
    const d3 = C[b + 9 + k] - C[a + 9 + k];
    const d = d0 + s * (d1 + s * (d2 + s * d3));
    r2 += d * d;
  }
  return Math.sqrt(r2);
}

/**
 * The interpolated range minimum in [sa, sb): range rate < 0 at sa and ≥ 0 at sb. Returns its
 * time (regula falsi, Illinois), or NaN when the window holds no minimum.
 */
function windowMinimum(C: Float64Array, a: number, b: number, sa: number, sb: number): number {
  let fa = rangeRateAt(C, a, b, sa);
  if (!(fa < 0)) return NaN;
  let fb = rangeRateAt(C, a, b, sb);
  if (!(fb >= 0)) return NaN;
  let lo = sa;
  let hi = sb;
  let side = 0;
  for (let it = 0; it < 60 && hi - lo > 1e-4; it++) {
    const x = (lo * fb - hi * fa) / (fb - fa);
    const fx = rangeRateAt(C, a, b, x);
    if (fx < 0) {
      lo = x;
      fa = fx;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      hi = x;
      fb = fx;
      if (side === 1) fa /= 2;
      side = 1;
    }
  }
  return 0.5 * (lo + hi);
}
