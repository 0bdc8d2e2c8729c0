import { propagateInto, sgp4ErrorText } from './adapter';
import { satrecAt, type ScreeningContext } from './context';
import { NOT_COVERED, trackStateInto } from './ephemeris';
import { PairEvaluator, refinePacked } from './refine';
import {
  PACKED_EVENT_SIZE,
  type ChunkResult,
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
/**
 * Per second of fine step: the bound on an object's change of speed over half a window (gravity,
 * at most 9.8 m/s², × h/2, with half again as room), km/s per s.
 */
const SPEED_SLACK_PER_S = 0.0075;
/**
 * Per s² of fine step: how far relative motion may stray from a straight line over half a window
 * (km). Two objects D km apart differ in gravity by at most the gradient 2μ/r³ × D (under
 * 1.2 m/s² for D ≤ 400 km), which bends their relative path by 0.6 m/s² × (h/2)²; this allows
 * eight times that at any step (0.5 km at 20 s, 1.1 km at 30 s).
 */
const LINE_MARGIN_PER_S2 = 0.00125;
/** Per second of fine step: bound on the change of relative speed over half a window, km/s per s. */
const REL_SPEED_SLACK_PER_S = 0.0025;
/** Cells are clamped to ±CLAMP_KM (neighbourhoods survive clamping; far objects just share cells). */
const CLAMP_KM = 70_000;

/** Source of an object with an ephemeris in the current sample step. */
const MODE_SGP4 = 0;
const MODE_EPHEMERIS = 1;
/** Not screened in this step (no ephemeris and no SGP4 to fall back on). */
const MODE_OFF = 2;
/** Failed earlier in the chunk: out for the rest of it. */
const MODE_FAILED = 3;

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
  /** Events packed (ChunkResult.packed's layout), nEvents of them; grows by doubling. */
  eventBuf = new Float64Array(64 * PACKED_EVENT_SIZE);
  nEvents = 0;
  readonly ev: PairEvaluator;
  readonly H: number;
  readonly h: number;
  readonly reach: number;
  /** SPEED_SLACK_PER_S, LINE_MARGIN_PER_S2 and REL_SPEED_SLACK_PER_S at this fine step. */
  readonly speedSlack: number;
  readonly lineMargin: number;
  readonly relSpeedSlack: number;
  readonly allVsAll: boolean;
  readonly primary: Uint8Array;
  readonly errKm: Float64Array;
  /**
   * Live objects (screened, SGP4 still working): slot q → object index. At every sample step the
   * slots are renumbered in the last window's cell order, so that the per-slot arrays below are
   * read and written almost sequentially while binning.
   */
  list: Int32Array;
  listSpare: Int32Array;
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
  /** SGP4 states (position, velocity) per object index at the segment's start and end. */
  A: Float64Array;
  B: Float64Array;
  /** Hermite coefficients per slot: p0[3], v0[3], c2[3], c3[3]. */
  readonly C: Float64Array;
  /**
   * Per slot: rho = qRho + qDyn (speed-based rho), branch-free and exact: near-circular slow
   * objects (speed ~constant) have qRho = their constant rho, qDyn = 0; the rest 0 and 1.
   */
  readonly qRho: Float64Array;
  readonly qDyn: Float64Array;
  /** Per slot: the interpolation error bound, km; primary flag; too fast this window. */
  readonly qErr: Float64Array;
  readonly qPrimary: Uint8Array;
  readonly qFast: Uint8Array;
  /** rho for near-circular slow objects per object index, −1 where it is computed per window. */
  readonly rhoConst: Float64Array;
  // Sort buffers: key per slot (kA), slots after the low digit (oB); sorted: kB, oA.
  readonly kA: Int32Array;
  readonly kB: Int32Array;
  readonly oA: Int32Array;
  readonly oB: Int32Array;
  /** Radix digit width (two digits cover a key) and the two digits' histograms. */
  readonly digitBits: number;
  readonly hist: Int32Array;
  readonly sKey: Int32Array;
  /** Sorted entry → slot. */
  readonly sObj: Int32Array;
  /**
   * Sorted entries, 4 doubles each: x, y, z at the window centre and rho' = rho + (reach +
   * CURVE_MARGIN_KM) / 2 (rho: half-window motion bound + interpolation error, km), so that two
   * entries need a look when closer than rho'₁ + rho'₂.
   */
  readonly sP: Float64Array;
  /** The same per slot (filled while interpolating, gathered in sorted order). */
  readonly oP: Float64Array;
  /** Per slot, 4 doubles: vx, vy, vz at the window centre, interpolation error bound. */
  readonly oV: Float64Array;
  /** Cell table of the sorted entries: key and first entry per cell (sentinels after the last). */
  readonly cKey: Int32Array;
  readonly cStart: Int32Array;
  /** Candidates of one entry in the sweep. */
  readonly cand: Int32Array;
  readonly sFast: Uint8Array;
  readonly fastList: Int32Array;
  nFast = 0;
  /** Largest rho' this window. */
  maxRho = 0;
  /** Per object index: MODE_* of an object with an ephemeris in the current step. */
  readonly mode: Uint8Array;
  /** Current window: segment start (ms), window centre and edges (s from segment start). */
  tSeg = 0;
  sMid = 0;
  sLo = 0;
  sHi = 0;
  /** This window sorts with sortFew; its buffer. */
  fewSlots = false;
  packed = new Float64Array(0);

  constructor(readonly ctx: ScreeningContext) {
    const o = ctx.opts;
    const n = ctx.n;
    this.H = o.sampleStepS;
    this.h = o.fineStepS;
    this.reach = o.reachKm;
    this.speedSlack = SPEED_SLACK_PER_S * this.h;
    this.lineMargin = LINE_MARGIN_PER_S2 * this.h * this.h;
    this.relSpeedSlack = REL_SPEED_SLACK_PER_S * this.h;
    this.allVsAll = o.primaries.length === 0;
    this.ev = new PairEvaluator(ctx);
    this.primary = ctx.primary;
    this.errKm = ctx.errKm;
    let nl = 0;
    for (let i = 0; i < n; i++) if (ctx.active[i]) nl++;
    const nb = Math.max(nl, 1);
    this.list = new Int32Array(nb);
    this.listSpare = new Int32Array(nb);
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
    this.digitBits = Math.max(1, Math.ceil(Math.ceil(Math.log2(W * W * W)) / 2));
    // Forward rows (dy, dz): (1, 0), (-1, 1), (0, 1), (1, 1); each spans x - 1 .. x + 1.
    this.fwd = Int32Array.from([W, W * W - W, W * W, W * W + W]);
    this.A = new Float64Array(6 * n);
    this.B = new Float64Array(6 * n);
    this.C = new Float64Array(12 * nb);
    this.qRho = new Float64Array(nb);
    this.qDyn = new Float64Array(nb);
    this.qErr = new Float64Array(nb);
    this.qPrimary = new Uint8Array(nb);
    this.qFast = new Uint8Array(nb);
    this.mode = new Uint8Array(n);
    this.rhoConst = new Float64Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (ctx.eccentricity[i] < 0.01 && ctx.vmax[i] + this.speedSlack <= SLOW_KMS) {
        this.rhoConst[i] = (ctx.vmax[i] + this.speedSlack) * 0.5 * this.h + this.errKm[i];
      }
    }
    this.kA = new Int32Array(nb);
    this.kB = new Int32Array(nb);
    this.oA = new Int32Array(nb);
    this.oB = new Int32Array(nb);
    this.hist = new Int32Array(2 << this.digitBits);
    this.sKey = this.kB;
    this.sObj = this.oA;
    this.sP = new Float64Array(4 * nb);
    this.cKey = new Int32Array(nb + 4);
    this.cStart = new Int32Array(nb + 4);
    this.cand = new Int32Array(nb);
    this.oP = new Float64Array(4 * nb);
    this.oV = new Float64Array(4 * nb);
    this.sFast = new Uint8Array(nb);
    this.fastList = new Int32Array(nb);
  }

  run(chunk: number): ChunkResult {
    const o = this.ctx.opts;
    const H = this.H;
    const c0 = o.startMs + chunk * o.chunkS * 1000;
    const c1 = Math.min(o.endMs, c0 + o.chunkS * 1000);
    const nSeg = Math.ceil((c1 - c0) / (H * 1000) - 1e-9);
    // Watch lists with few primaries: row searches per primary beat a sweep of everything.
    const sweep = this.allVsAll || this.nPrimary * 9 * 17 > this.nl * 14;
    const step0 = Math.round((c0 - o.startMs) / (H * 1000));
    if (!sweep) this.runWatch(c0, c1, nSeg, step0);
    for (let seg = 0; sweep && seg < nSeg; seg++) {
      const tA = c0 + seg * H * 1000;
      if (seg === 0) {
        this.switchSources(step0, tA, false);
        this.sample(tA, this.A);
      } else {
        this.renumber();
        this.switchSources(step0 + seg, tA, true);
      }
      this.sample(tA + H * 1000, this.B);
      this.coefficients(0, this.nl);
      this.fineWindows(tA, c1, true);
      const t = this.A;
      this.A = this.B;
      this.B = t;
    }
    this.stats.sgp4Calls += this.ev.calls;
    this.stats.events = this.nEvents;
    const packed = this.eventBuf.slice(0, this.nEvents * PACKED_EVENT_SIZE);
    return { chunk, packed, flags: this.flags, stats: this.stats };
  }

  /** The fine windows of the segment starting at tA (ms) over the listed slots. */
  fineWindows(tA: number, c1: number, sweep: boolean): void {
    const { H, h } = this;
    const m = Math.round(H / h);
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
  }

  /**
   * A watch list's chunk. Only the primaries (and objects with an ephemeris) are sampled at every
   * sample step; every other object is sampled every WATCH_SPAN_STEPS steps, and a segment of
   * it is interpolated and screened only when its coarse path comes near a primary (nearPrimaries),
   * with its samples at the segment's ends taken then. The segments kept are those in which the
   * full screening could find an event with a primary, so the events are the same.
   */
  runWatch(c0: number, c1: number, nSeg: number, step0: number): void {
    const w = new WatchFilter(this);
    for (let seg = 0; seg < nSeg; seg++) {
      const tA = c0 + seg * this.H * 1000;
      if (seg === 0) {
        this.switchSources(step0, tA, false);
        this.sampleListed(tA, this.A);
      } else this.switchSources(step0 + seg, tA, true);
      this.sampleListed(tA + this.H * 1000, this.B);
      if (seg % WATCH_SPAN_STEPS === 0) w.span(c0, seg, nSeg, step0);
      const nFull = this.nl;
      this.coefficients(0, nFull);
      w.nearPrimaries(seg, step0 + seg, tA);
      this.coefficients(nFull, this.nl);
      this.fineWindows(tA, c1, false);
      const t = this.A;
      this.A = this.B;
      this.B = t;
      w.swapStamps();
      this.nl = nFull;
    }
  }

  /** States of the listed objects at tMs one by one (few objects: no batch run). */
  sampleListed(tMs: number, out: Float64Array): void {
    const { list, nl } = this;
    let w = 0;
    for (let q = 0; q < nl; q++) {
      const i = list[q];
      const err = this.stateOf(i, tMs, out);
      if (err === 0) list[w++] = i;
      else {
        this.fail(i, err, tMs);
        if (this.primary[i]) this.nPrimary--;
      }
    }
    this.nl = w;
  }

  /** Number the slots in the last window's sorted order (sObj holds slots). */
  renumber(): void {
    const { list, sObj, nl } = this;
    const out = this.listSpare;
    for (let r = 0; r < nl; r++) out[r] = list[sObj[r]];
    this.listSpare = list;
    this.list = out;
  }

  /**
   * Set the source of every object with an ephemeris for sample step k (starting at tA): its
   * ephemeris where the step is covered, else SGP4, else out of the list for the step. With
   * `restate`, an object whose source changes gets its state at tA again from the new source.
   */
  switchSources(k: number, tA: number, restate: boolean): void {
    const { ctx, mode } = this;
    let removed = false;
    for (const i of ctx.trackIndex) {
      if (!ctx.active[i] || mode[i] === MODE_FAILED) continue;
      const next = ctx.tracks[i]!.covered[k] ? MODE_EPHEMERIS : ctx.sgp4[i] ? MODE_SGP4 : MODE_OFF;
      const was = mode[i];
      if (next === was) continue;
      mode[i] = next;
      if (next === MODE_OFF) {
        removed = true;
        continue;
      }
      if (was === MODE_OFF) {
        this.list[this.nl++] = i;
        if (this.primary[i]) this.nPrimary++;
      }
      if (!restate) continue;
      const err = this.stateOf(i, tA, this.A);
      if (err !== 0) {
        this.fail(i, err, tA);
        removed = true;
      }
    }
    if (removed) this.keepListed();
  }

  /** Drop from the list the objects that are off or failed. */
  keepListed(): void {
    const { list, mode, primary } = this;
    let w = 0;
    for (let q = 0; q < this.nl; q++) {
      const i = list[q];
      if (mode[i] === MODE_OFF || mode[i] === MODE_FAILED) {
        if (primary[i]) this.nPrimary--;
      } else list[w++] = i;
    }
    this.nl = w;
  }

  /** One object's state at tMs from its current source into out[6i..]; 0 or a failure code. */
  stateOf(i: number, tMs: number, out: Float64Array): number {
    if (this.mode[i] === MODE_EPHEMERIS) {
      return trackStateInto(this.ctx.tracks[i]!, tMs, out, 6 * i);
    }
    const satrec = satrecAt(this.ctx, i);
    if (!satrec) return NOT_COVERED;
    this.stats.sgp4Calls++;
    return propagateInto(satrec, this.ctx.epochMs[i], tMs, out, 6 * i);
  }

  /** Flag object i as failed at tMs (it leaves the list at the caller's next compaction). */
  fail(i: number, err: number, tMs: number): void {
    this.mode[i] = MODE_FAILED;
    this.flags.push({
      id: this.ctx.ids[i],
      name: this.ctx.names[i],
      kind: 'propagation',
      reason: err === NOT_COVERED ? 'no state: outside its ephemeris' : sgp4ErrorText(err),
      failedAtMs: tMs,
    });
  }

  /** SGP4 (or the ephemeris) for every live object at tMs into out; drops the ones that fail. */
  sample(tMs: number, out: Float64Array): void {
    const { satrecs, epochMs, bulk, bulkIndex, tracks } = this.ctx;
    const { list, mode } = this;
    const nl = this.nl;
    let w = 0;
    bulk?.run(tMs);
    for (let q = 0; q < nl; q++) {
      const i = list[q];
      let err: number;
      if (tracks[i] && mode[i] === MODE_EPHEMERIS) err = trackStateInto(tracks[i], tMs, out, 6 * i);
      else if (bulk) {
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
        this.fail(i, err, tMs);
        if (this.primary[i]) this.nPrimary--;
      }
    }
    this.stats.sgp4Calls += nl;
    this.nl = w;
  }

  /**
   * Hermite segment between the samples, per slot: p(s) = p0 + v0 s + c2 s² + c3 s³, s in
   * seconds; with the slot's per-object constants.
   */
  coefficients(from: number, to: number): void {
    const { A, B, C, H, list, qRho, qDyn, qErr, qPrimary, rhoConst, errKm, primary } = this;
    for (let q = from; q < to; q++) {
      const i = list[q];
      const a = 6 * i;
      const c = 12 * q;
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
      const rc = rhoConst[i];
      qRho[q] = rc < 0 ? 0 : rc;
      qDyn[q] = rc < 0 ? 1 : 0;
      qErr[q] = errKm[i];
      qPrimary[q] = primary[i];
    }
  }

  cell(v: number): number {
    const c = Math.floor(v * this.inv);
    return (c < -this.cmax ? -this.cmax : c > this.cmax ? this.cmax : c) + this.cmax + 1;
  }

  /** Interpolate every live object at s and sort them by cell key; sorted entries in sP. */
  bin(s: number): void {
    // Few slots (a watch list's segment): a comparison sort beats the radix sort's histograms.
    this.fewSlots = this.nl * 64 < this.hist.length;
    this.interpolate(s);
    if (this.fewSlots) this.sortFew();
    else this.sortKeys();
    this.gather();
  }

  /** The radix sort's result for few slots: keys and slots packed in doubles, sorted. */
  sortFew(): void {
    const { kA, kB, oA, nl } = this;
    if (this.packed.length < nl) this.packed = new Float64Array(2 * nl);
    const packed = this.packed.subarray(0, nl);
    for (let q = 0; q < nl; q++) packed[q] = kA[q] * 2 ** 21 + q;
    packed.sort();
    for (let r = 0; r < nl; r++) {
      const v = packed[r];
      const k = Math.floor(v / 2 ** 21);
      kB[r] = k;
      oA[r] = v - k * 2 ** 21;
    }
  }

  /**
   * State, rho' and cell key of every slot at s, in slot order; counts both radix digits of the
   * keys on the way.
   */
  interpolate(s: number): void {
    const {
      C,
      nl,
      oP,
      oV,
      qRho,
      qDyn,
      qErr,
      qFast,
      W,
      kA,
      h,
      rhoSlow,
      inv,
      cmax,
      hist,
      speedSlack,
    } = this;
    const digitBits = this.digitBits;
    const half = 0.5 * h;
    const halfBase = 0.5 * (this.reach + CURVE_MARGIN_KM);
    const off = cmax + 1;
    const mask = (1 << digitBits) - 1;
    const h1 = 1 << digitBits;
    const count = !this.fewSlots;
    if (count) hist.fill(0);
    let maxRho = 0;
    for (let q = 0; q < nl; q++) {
      const c = 12 * q;
      const c2x = C[c + 6];
      const c2y = C[c + 7];
      const c2z = C[c + 8];
      const c3x = C[c + 9];
      const c3y = C[c + 10];
      const c3z = C[c + 11];
      const x = C[c] + s * (C[c + 3] + s * (c2x + s * c3x));
      const y = C[c + 1] + s * (C[c + 4] + s * (c2y + s * c3y));
      const z = C[c + 2] + s * (C[c + 5] + s * (c2z + s * c3z));
      const vx = C[c + 3] + s * (2 * c2x + 3 * s * c3x);
      const vy = C[c + 4] + s * (2 * c2y + 3 * s * c3y);
      const vz = C[c + 5] + s * (2 * c2z + 3 * s * c3z);
      const err = qErr[q];
      const v = Math.sqrt(vx * vx + vy * vy + vz * vz) + speedSlack;
      const rho = qRho[q] + qDyn[q] * (v * half + err);
      // Fast: too quick (or too coarsely interpolated) for the neighbouring-cell sweep (never a
      // constant-rho object: its rho is at most rhoSlow).
      qFast[q] = +(rho > rhoSlow);
      const rp = rho + halfBase;
      const o = 4 * q;
      oP[o] = x;
      oP[o + 1] = y;
      oP[o + 2] = z;
      oP[o + 3] = rp;
      oV[o] = vx;
      oV[o + 1] = vy;
      oV[o + 2] = vz;
      oV[o + 3] = err;
      if (rp > maxRho) maxRho = rp;
      let cx = Math.floor(x * inv);
      cx = cx < -cmax ? -cmax : cx > cmax ? cmax : cx;
      let cy = Math.floor(y * inv);
      cy = cy < -cmax ? -cmax : cy > cmax ? cmax : cy;
      let cz = Math.floor(z * inv);
      cz = cz < -cmax ? -cmax : cz > cmax ? cmax : cz;
      const k = cx + off + W * (cy + off + W * (cz + off));
      kA[q] = k;
      if (count) {
        hist[k & mask]++;
        hist[h1 + (k >>> digitBits)]++;
      }
    }
    this.maxRho = maxRho;
  }

  /** Stable LSD radix sort of the slots by key, two digits of digitBits: → oB → (kB, oA). */
  sortKeys(): void {
    const { kA, kB, oA, oB, hist, nl, digitBits } = this;
    const mask = (1 << digitBits) - 1;
    const h1 = 1 << digitBits;
    for (let d = 0; d < 2; d++) {
      let sum = 0;
      for (let b = d * h1; b < (d + 1) * h1; b++) {
        const c = hist[b];
        hist[b] = sum;
        sum += c;
      }
    }
    for (let q = 0; q < nl; q++) oB[hist[kA[q] & mask]++] = q;
    for (let t = 0; t < nl; t++) {
      const q = oB[t];
      const k = kA[q];
      const d = hist[h1 + (k >>> digitBits)]++;
      kB[d] = k;
      oA[d] = q;
    }
  }

  /** Sorted entries from the slots (sKey = kB, sObj = oA). */
  gather(): void {
    const { sP, sFast, fastList, oA, oP, qFast, nl } = this;
    let nf = 0;
    for (let r = 0; r < nl; r++) {
      const q = oA[r];
      const o = 4 * q;
      const t = 4 * r;
      sP[t] = oP[o];
      sP[t + 1] = oP[o + 1];
      sP[t + 2] = oP[o + 2];
      sP[t + 3] = oP[o + 3];
      const f = qFast[q];
      sFast[r] = f;
      if (f) fastList[nf++] = r;
    }
    this.nFast = nf;
  }

  /**
   * All slow pairs in neighbouring cells, each once: the rest of the own cell, the next cell in
   * the row, and the three cells of each of the 4 forward rows. Per cell of a table of the
   * occupied cells, monotone pointers find the forward rows; the first steps of the pointers and
   * the range ends are branch-free (sign bits of key differences, keys < 2³¹), and the distance
   * test only counts, so that few branches depend on the data.
   */
  sweepForward(): void {
    const { nl, sKey, sObj, sP, sFast, fwd, qPrimary, cKey, cStart, cand } = this;
    const anyPair = this.allVsAll;
    // The cell table.
    let nc = 0;
    let prev = -1;
    for (let r = 0; r < nl; r++) {
      const k = sKey[r];
      if (k !== prev) {
        cKey[nc] = k;
        cStart[nc] = r;
        nc++;
        prev = k;
      }
    }
    for (let c = nc; c < nc + 4; c++) {
      cKey[c] = 0x7fffffff;
      cStart[c] = nl;
    }
    const f0 = fwd[0] - 1;
    const f1 = fwd[1] - 1;
    const f2 = fwd[2] - 1;
    const f3 = fwd[3] - 1;
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    for (let c = 0; c < nc; c++) {
      const k = cKey[c];
      // Forward row o: cells t .. t + 2 from the first cell with key ≥ t (pointer po).
      const t0 = k + f0;
      const t1 = k + f1;
      const t2 = k + f2;
      const t3 = k + f3;
      p0 += (cKey[p0] - t0) >>> 31;
      p0 += (cKey[p0] - t0) >>> 31;
      while (cKey[p0] < t0) p0++;
      p1 += (cKey[p1] - t1) >>> 31;
      p1 += (cKey[p1] - t1) >>> 31;
      while (cKey[p1] < t1) p1++;
      p2 += (cKey[p2] - t2) >>> 31;
      p2 += (cKey[p2] - t2) >>> 31;
      while (cKey[p2] < t2) p2++;
      p3 += (cKey[p3] - t3) >>> 31;
      p3 += (cKey[p3] - t3) >>> 31;
      while (cKey[p3] < t3) p3++;
      const u0 = t0 + 2;
      const u1 = t1 + 2;
      const u2 = t2 + 2;
      const u3 = t3 + 2;
      const lo0 = cStart[p0];
      const lo1 = cStart[p1];
      const lo2 = cStart[p2];
      const lo3 = cStart[p3];
      const hi0 = rowEnd(cKey, cStart, p0, u0);
      const hi1 = rowEnd(cKey, cStart, p1, u1);
      const hi2 = rowEnd(cKey, cStart, p2, u2);
      const hi3 = rowEnd(cKey, cStart, p3, u3);
      const r1 = cStart[c + 1];
      // The own cell's rest and the next cell in the row (key k + 1) when it is occupied.
      const e1 = cStart[c + 1 + ((cKey[c + 1] - k - 2) >>> 31)];
      for (let r = cStart[c]; r < r1; r++) {
        if (sFast[r]) continue;
        const x = sP[4 * r];
        const y = sP[4 * r + 1];
        const z = sP[4 * r + 2];
        const rr = sP[4 * r + 3];
        let n = overlaps(sP, cand, 0, x, y, z, rr, r + 1, e1);
        n = overlaps(sP, cand, n, x, y, z, rr, lo0, hi0);
        n = overlaps(sP, cand, n, x, y, z, rr, lo1, hi1);
        n = overlaps(sP, cand, n, x, y, z, rr, lo2, hi2);
        n = overlaps(sP, cand, n, x, y, z, rr, lo3, hi3);
        if (n === 0) continue;
        const pi = anyPair || qPrimary[sObj[r]] === 1;
        for (let m = 0; m < n; m++) {
          const p = cand[m];
          if (!sFast[p] && (pi || qPrimary[sObj[p]])) this.pair(r, p);
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
    const { sKey, sObj, sP, sFast, qPrimary, list, W, nl } = this;
    const x = sP[4 * r];
    const y = sP[4 * r + 1];
    const z = sP[4 * r + 2];
    const ri = sP[4 * r + 3];
    const i = list[sObj[r]];
    const pi = qPrimary[sObj[r]];
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
          const dx = sP[4 * p] - x;
          const dy = sP[4 * p + 1] - y;
          const dz = sP[4 * p + 2] - z;
          const dd = ri + sP[4 * p + 3];
          if (dx * dx + dy * dy + dz * dz > dd * dd) continue;
          const j = list[sObj[p]];
          const pj = qPrimary[sObj[p]];
          if (slowOnly) {
            if (sFast[p] || (pj && j < i)) continue;
          } else if ((sFast[p] && j < i) || (!pi && !pj)) continue;
          this.pair(r, p);
        }
      }
    }
  }

  queryPrimaries(): void {
    const { nl, sObj, sFast, qPrimary } = this;
    for (let r = 0; r < nl; r++) {
      if (qPrimary[sObj[r]] && !sFast[r]) this.queryRows(r, this.L * 0.999, true);
    }
  }

  /** Objects with rho above rhoSlow this window look as far as their own speed needs. */
  queryFast(): void {
    for (let f = 0; f < this.nFast; f++) {
      const r = this.fastList[f];
      // rho'ᵣ + rho'ₚ ≤ rho'ᵣ + max rho' (a hair more against rounding).
      this.queryRows(r, (this.sP[4 * r + 3] + this.maxRho) * (1 + 1e-12), false);
    }
  }

  /**
   * Sorted entries r and p are close enough at the window centre: bound the window's minimum
   * from below (straight-line relative motion), and on a close one test and refine. Symmetric in
   * r and p (their order in the cell list does not change the answer).
   */
  pair(r: number, p: number): void {
    const { sP, oV, C, reach, primary, list, sObj } = this;
    this.stats.pairsGrid++;
    const qi = sObj[r];
    const qj = sObj[p];
    const a4 = 4 * r;
    const b4 = 4 * p;
    const dx = sP[b4] - sP[a4];
    const dy = sP[b4 + 1] - sP[a4 + 1];
    const dz = sP[b4 + 2] - sP[a4 + 2];
    const va = 4 * qi;
    const vb = 4 * qj;
    const ux = oV[vb] - oV[va];
    const uy = oV[vb + 1] - oV[va + 1];
    const uz = oV[vb + 2] - oV[va + 2];
    const v2 = ux * ux + uy * uy + uz * uz;
    const limit = reach + (oV[va + 3] + oV[vb + 3]) + 0.05;
    let lb: number;
    if (v2 >= 1) {
      // Relative motion is a straight line to well within lineMargin over half a window.
      const t = -(dx * ux + dy * uy + dz * uz) / v2;
      const lx = dx + t * ux;
      const ly = dy + t * uy;
      const lz = dz + t * uz;
      lb = Math.sqrt(lx * lx + ly * ly + lz * lz) - this.lineMargin;
    } else {
      lb =
        Math.sqrt(dx * dx + dy * dy + dz * dz) -
        (Math.sqrt(v2) + this.relSpeedSlack) * 0.5 * this.h;
    }
    if (lb > limit) return;
    const i = list[qi];
    const j = list[qj];
    // Object 1: the primary when exactly one is; else the lower catalog number.
    const pi = primary[i];
    const pj = primary[j];
    const swap = (pj && !pi) || (pi === pj && j < i);
    const a = swap ? 12 * qj : 12 * qi;
    const b = swap ? 12 * qi : 12 * qj;
    const { sLo, sHi } = this;
    if (!(rangeRateAt(C, a, b, sLo) < 0 && rangeRateAt(C, a, b, sHi) >= 0)) return;
    this.stats.pairsMinimum++;
    const sStar = windowMinimum(C, a, b, sLo, sHi);
    if (rangeAt(C, a, b, sStar) > limit) return;
    this.stats.pairsRefined++;
    const i1 = swap ? j : i;
    const i2 = swap ? i : j;
    const off = this.nEvents * PACKED_EVENT_SIZE;
    if (off + PACKED_EVENT_SIZE > this.eventBuf.length) {
      const grown = new Float64Array(2 * this.eventBuf.length);
      grown.set(this.eventBuf);
      this.eventBuf = grown;
    }
    const tGuess = this.tSeg + sStar * 1000;
    if (refinePacked(this.ctx, this.ev, i1, i2, tGuess, this.H, this.eventBuf, off)) this.nEvents++;
  }
}

/** Sample steps per coarse span of a watch list's non-primary objects. */
const WATCH_SPAN_STEPS = 2;
/**
 * Sub-windows per sample step in which coarse paths are compared with the primaries, and the
 * parts of a sub-window compared again (smaller radii) where a sub-window is close.
 */
const WATCH_SUBWINDOWS = 5;
const WATCH_SPLIT = 3;
/**
 * Safety factor on the Hermite error bound (errKm) scaled to a coarse span, and the largest
 * such bound (km) of an object sampled coarsely (beyond it, at every step like a primary).
 */
const WATCH_COARSE_SAFETY = 2;
const WATCH_MAX_COARSE_ERR_KM = 400;

/**
 * The watch list's time filter. A non-primary object is interpolated over a coarse span (cubic
 * Hermite between samples WATCH_SPAN_STEPS steps apart, error ≤ errCoarse); at the centre c of
 * each sub-window (half-length hw) of a segment it is compared with every primary's segment
 * cubic. Full screening finds an event in the segment only at a time t where the two sample-step
 * cubics are within limit = reach + err₁ + err₂ + 0.05 km of each other; from t to c each cubic
 * moves at most vmax·hw + 2·err (its errors at t and c), and the coarse cubic is within
 * errCoarse of the truth, so at c the coarse path and the primary's cubic are within
 * reach + 0.05 + (vmax_s + vmax_p)·hw + 2·err_s + errCoarse_s + 3·err_p. Objects closer than that
 * in some sub-window get the segment (the same bound with a third of hw is checked on the thirds
 * of a close sub-window). The tolerance is split into one radius per object, and a hash of the
 * primaries' cells, of size ≥ the largest sum of radii, finds the candidates. A coarse sample
 * that fails keeps the object's whole span, sampled step by step, so that it fails where the
 * full screening's sampling would.
 */
class WatchFilter {
  readonly coarse: Int32Array;
  readonly nCoarse: number;
  /** Coarse states at the span's start and end, per object index, and whether each is usable. */
  CS: Float64Array;
  CE: Float64Array;
  okS: Uint8Array;
  okE: Uint8Array;
  /** Coarse Hermite coefficients per object index (12 doubles), for the current span. */
  readonly CC: Float64Array;
  /** Radius per object index (its share of the tolerance, km) for a sub-window and a part. */
  readonly radius: Float64Array;
  readonly radius2: Float64Array;
  /** Sample step held in A / B per object index (−1: none). */
  stepA: Int32Array;
  stepB: Int32Array;
  /** Current span: first segment, first and last sample step. */
  spanSeg = 0;
  spanStartStep = 0;
  spanEndStep = 0;
  readonly hw: number;
  readonly hw2: number;
  readonly L: number;
  readonly inv: number;
  readonly cmax: number;
  readonly W: number;
  // Hash of the primaries' neighbour cells: open addressing, generation-stamped.
  readonly hMask: number;
  readonly hKey: Int32Array;
  readonly hGen: Int32Array;
  readonly hHead: Int32Array;
  readonly eNext: Int32Array;
  readonly eSlot: Int32Array;
  gen = 0;
  /** Primary slots of the current segment, and their centres per sub-window. */
  readonly pSlot: Int32Array;
  readonly pPos: Float64Array;
  /** Their centres per part of each sub-window. */
  readonly pPos2: Float64Array;

  constructor(readonly s: ChunkScreener) {
    const { ctx, list, primary, errKm } = s;
    const n = ctx.n;
    const g = WATCH_SPAN_STEPS;
    const H = s.H;
    this.hw = H / (2 * WATCH_SUBWINDOWS);
    this.hw2 = this.hw / WATCH_SPLIT;
    const half = 0.5 * (s.reach + 0.05 + 0.5);
    this.radius = new Float64Array(n);
    this.radius2 = new Float64Array(n);
    this.coarse = new Int32Array(s.nl);
    let nf = 0;
    let nc = 0;
    let maxP = 0;
    let maxS = 0;
    let nPrim = 0;
    for (let q = 0; q < s.nl; q++) {
      const i = list[q];
      const errCoarse = WATCH_COARSE_SAFETY * Math.max(errKm[i] - 0.005, 0) * g ** 4 + 0.5;
      if (primary[i] || ctx.tracks[i] || errCoarse > WATCH_MAX_COARSE_ERR_KM) {
        list[nf++] = i;
        if (primary[i]) {
          nPrim++;
          this.radius[i] = ctx.vmax[i] * this.hw + 3 * errKm[i] + half;
          this.radius2[i] = ctx.vmax[i] * this.hw2 + 3 * errKm[i] + half;
          maxP = Math.max(maxP, this.radius[i]);
        }
      } else {
        this.coarse[nc++] = i;
        this.radius[i] = ctx.vmax[i] * this.hw + 2 * errKm[i] + errCoarse + half;
        this.radius2[i] = ctx.vmax[i] * this.hw2 + 2 * errKm[i] + errCoarse + half;
        maxS = Math.max(maxS, this.radius[i]);
      }
    }
    s.nl = nf;
    this.nCoarse = nc;
    this.CS = new Float64Array(6 * n);
    this.CE = new Float64Array(6 * n);
    this.okS = new Uint8Array(n);
    this.okE = new Uint8Array(n);
    this.CC = new Float64Array(12 * n);
    this.stepA = new Int32Array(n).fill(-1);
    this.stepB = new Int32Array(n).fill(-1);
    // Cells: a secondary within reach of a primary is in one of the primary's 27 cells.
    this.L = Math.max(maxP + maxS, 1);
    this.inv = 1 / this.L;
    this.cmax = Math.min(Math.ceil(CLAMP_KM / this.L), 640);
    this.W = 2 * this.cmax + 3;
    let size = 1024;
    while (size < 4 * 27 * Math.max(nPrim, 1)) size *= 2;
    this.hMask = size - 1;
    const M = WATCH_SUBWINDOWS;
    this.hKey = new Int32Array(M * size);
    this.hGen = new Int32Array(M * size);
    this.hHead = new Int32Array(M * size);
    this.eNext = new Int32Array(M * 27 * Math.max(nPrim, 1));
    this.eSlot = new Int32Array(M * 27 * Math.max(nPrim, 1));
    this.pSlot = new Int32Array(Math.max(nPrim, 1));
    this.pPos = new Float64Array(3 * WATCH_SUBWINDOWS * Math.max(nPrim, 1));
    this.pPos2 = new Float64Array(3 * WATCH_SUBWINDOWS * WATCH_SPLIT * Math.max(nPrim, 1));
  }

  /** Start the coarse span at segment seg: its end samples (and, at the chunk start, its start). */
  span(c0: number, seg: number, nSeg: number, step0: number): void {
    const H = this.s.H;
    const end = Math.min(seg + WATCH_SPAN_STEPS, nSeg);
    this.spanSeg = seg;
    this.spanStartStep = step0 + seg;
    this.spanEndStep = step0 + end;
    if (seg === 0) this.sampleCoarse(c0, this.CS, this.okS);
    else {
      [this.CS, this.CE] = [this.CE, this.CS];
      [this.okS, this.okE] = [this.okE, this.okS];
    }
    this.sampleCoarse(c0 + end * H * 1000, this.CE, this.okE);
    const G = (end - seg) * H;
    const { CS, CE, CC, coarse, okS, okE } = this;
    for (let r = 0; r < this.nCoarse; r++) {
      const i = coarse[r];
      if (!okS[i] || !okE[i]) continue;
      const a = 6 * i;
      const c = 12 * i;
      for (let k = 0; k < 3; k++) {
        const p0 = CS[a + k];
        const v0 = CS[a + 3 + k];
        const v1 = CE[a + 3 + k];
        const dp = (CE[a + k] - p0) / G;
        CC[c + k] = p0;
        CC[c + 3 + k] = v0;
        CC[c + 6 + k] = (3 * dp - 2 * v0 - v1) / G;
        CC[c + 9 + k] = (-2 * dp + v0 + v1) / (G * G);
      }
    }
  }

  /** SGP4 for the coarse objects at tMs into out; ok[i] = 1 where it worked. */
  sampleCoarse(tMs: number, out: Float64Array, ok: Uint8Array): void {
    const { ctx, mode, stats } = this.s;
    const { bulk, bulkIndex, epochMs } = ctx;
    const { coarse, nCoarse } = this;
    if (bulk) {
      bulk.run(tMs);
      stats.sgp4Calls += bulk.status.length;
    }
    for (let r = 0; r < nCoarse; r++) {
      const i = coarse[r];
      if (mode[i] === MODE_FAILED) continue;
      const o = 6 * i;
      if (bulk) {
        const b = bulkIndex![i];
        const err = bulk.status[b];
        ok[i] = +(err === 0);
        if (err !== 0) continue;
        const p = bulk.position;
        const v = bulk.velocity;
        out[o] = p[3 * b];
        out[o + 1] = p[3 * b + 1];
        out[o + 2] = p[3 * b + 2];
        out[o + 3] = v[3 * b];
        out[o + 4] = v[3 * b + 1];
        out[o + 5] = v[3 * b + 2];
      } else {
        const satrec = satrecAt(ctx, i);
        stats.sgp4Calls++;
        ok[i] = +(satrec !== null && propagateInto(satrec, epochMs[i], tMs, out, o) === 0);
      }
    }
  }

  /**
   * Append to the screener's list the coarse objects that may come within reach of a primary in
   * segment seg (sample step `step`, start tA), with their samples at the segment's ends.
   */
  nearPrimaries(seg: number, step: number, tA: number): void {
    const s = this.s;
    const { list, qPrimary, C, mode } = s;
    const { coarse, nCoarse, CC, radius, okS, okE, pSlot, pPos, hw, inv, cmax, W } = this;
    const M = WATCH_SUBWINDOWS;
    let np = 0;
    for (let q = 0; q < s.nl; q++) if (qPrimary[q]) pSlot[np++] = q;
    if (np === 0) return;
    const S = WATCH_SPLIT;
    const { pPos2, hw2, radius2 } = this;
    for (let r = 0; r < np; r++) {
      const c = 12 * pSlot[r];
      for (let j = 0; j < M; j++) {
        const t = (2 * j + 1) * hw;
        const o = 3 * (r * M + j);
        for (let d = 0; d < 3; d++) {
          pPos[o + d] = C[c + d] + t * (C[c + 3 + d] + t * (C[c + 6 + d] + t * C[c + 9 + d]));
        }
        for (let k = 0; k < S; k++) {
          const t2 = 2 * j * hw + (2 * k + 1) * hw2;
          const o2 = 3 * ((r * M + j) * S + k);
          for (let d = 0; d < 3; d++) {
            pPos2[o2 + d] =
              C[c + d] + t2 * (C[c + 3 + d] + t2 * (C[c + 6 + d] + t2 * C[c + 9 + d]));
          }
        }
      }
    }
    const u0 = (seg - this.spanSeg) * s.H;
    const nFull = s.nl;
    const { hKey, hGen, hHead, hMask, eSlot, eNext } = this;
    const size = hMask + 1;
    const gen = ++this.gen;
    for (let j = 0; j < M; j++) this.hashPrimaries(np, j);
    const off = cmax + 1;
    let kept = nFull;
    for (let r = 0; r < nCoarse; r++) {
      const i = coarse[r];
      if (mode[i] === MODE_FAILED) continue;
      let near = okS[i] === 0 || okE[i] === 0;
      const c = 12 * i;
      const x0 = CC[c];
      const y0 = CC[c + 1];
      const z0 = CC[c + 2];
      const x1 = CC[c + 3];
      const y1 = CC[c + 4];
      const z1 = CC[c + 5];
      const x2 = CC[c + 6];
      const y2 = CC[c + 7];
      const z2 = CC[c + 8];
      const x3 = CC[c + 9];
      const y3 = CC[c + 10];
      const z3 = CC[c + 11];
      const ri = radius[i];
      for (let j = 0; j < M && !near; j++) {
        const u = u0 + (2 * j + 1) * hw;
        const x = x0 + u * (x1 + u * (x2 + u * x3));
        const y = y0 + u * (y1 + u * (y2 + u * y3));
        const z = z0 + u * (z1 + u * (z2 + u * z3));
        let cx = Math.floor(x * inv);
        cx = cx < -cmax ? -cmax : cx > cmax ? cmax : cx;
        let cy = Math.floor(y * inv);
        cy = cy < -cmax ? -cmax : cy > cmax ? cmax : cy;
        let cz = Math.floor(z * inv);
        cz = cz < -cmax ? -cmax : cz > cmax ? cmax : cz;
        const key = cx + off + W * (cy + off + W * (cz + off));
        const base = j * size;
        let h = (Math.imul(key, 0x9e3779b1) >>> 0) & hMask;
        while (hGen[base + h] === gen && hKey[base + h] !== key) h = (h + 1) & hMask;
        if (hGen[base + h] !== gen) continue;
        for (let e = hHead[base + h]; e >= 0 && !near; e = eNext[e]) {
          const p = eSlot[e];
          const o = 3 * (p * M + j);
          const dx = pPos[o] - x;
          const dy = pPos[o + 1] - y;
          const dz = pPos[o + 2] - z;
          const ip = list[pSlot[p]];
          const dd = ri + radius[ip];
          if (dx * dx + dy * dy + dz * dz > dd * dd) continue;
          // Close in the sub-window: compare its parts with smaller radii.
          const dd2 = radius2[i] + radius2[ip];
          for (let k = 0; k < S && !near; k++) {
            const u2 = u0 + 2 * j * hw + (2 * k + 1) * hw2;
            const o2 = 3 * ((p * M + j) * S + k);
            const ex = x0 + u2 * (x1 + u2 * (x2 + u2 * x3)) - pPos2[o2];
            const ey = y0 + u2 * (y1 + u2 * (y2 + u2 * y3)) - pPos2[o2 + 1];
            const ez = z0 + u2 * (z1 + u2 * (z2 + u2 * z3)) - pPos2[o2 + 2];
            near = ex * ex + ey * ey + ez * ez <= dd2 * dd2;
          }
        }
      }
      if (near) list[kept++] = i;
    }
    // Samples at the segment's ends for the objects kept.
    let w = nFull;
    for (let q = nFull; q < kept; q++) {
      const i = list[q];
      if (
        this.ensure(i, step, tA, s.A, this.stepA) &&
        this.ensure(i, step + 1, tA + s.H * 1000, s.B, this.stepB)
      ) {
        list[w++] = i;
      }
    }
    s.nl = w;
  }

  /** Insert every primary (index into pSlot) of sub-window j into its 27 neighbour cells. */
  hashPrimaries(np: number, j: number): void {
    const { pPos, hKey, hGen, hHead, eNext, eSlot, hMask, W, inv, cmax, gen } = this;
    const base = j * (hMask + 1);
    const cellOf = (v: number): number => {
      const x = Math.floor(v * inv);
      return (x < -cmax ? -cmax : x > cmax ? cmax : x) + cmax + 1;
    };
    let ne = j * 27 * np;
    for (let p = 0; p < np; p++) {
      const o = 3 * (p * WATCH_SUBWINDOWS + j);
      const cx = cellOf(pPos[o]);
      const cy = cellOf(pPos[o + 1]);
      const cz = cellOf(pPos[o + 2]);
      for (let dz = -1; dz <= 1; dz++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const key = cx + dx + W * (cy + dy + W * (cz + dz));
            let h = (Math.imul(key, 0x9e3779b1) >>> 0) & hMask;
            while (hGen[base + h] === gen && hKey[base + h] !== key) h = (h + 1) & hMask;
            if (hGen[base + h] !== gen) {
              hGen[base + h] = gen;
              hKey[base + h] = key;
              hHead[base + h] = -1;
            }
            eSlot[ne] = p;
            eNext[ne] = hHead[base + h];
            hHead[base + h] = ne++;
          }
        }
      }
    }
  }

  /**
   * Object i's state at sample step k (time tMs) in buf (A or B), from the coarse samples or
   * SGP4; false (and the object flagged as failed) when there is none.
   */
  ensure(i: number, k: number, tMs: number, buf: Float64Array, stamps: Int32Array): boolean {
    if (stamps[i] === k) return true;
    const o = 6 * i;
    let err = 0;
    if (k === this.spanStartStep && this.okS[i]) copy6(this.CS, buf, o);
    else if (k === this.spanEndStep && this.okE[i]) copy6(this.CE, buf, o);
    else err = this.s.stateOf(i, tMs, buf);
    if (err !== 0) {
      this.s.fail(i, err, tMs);
      return false;
    }
    stamps[i] = k;
    return true;
  }

  /** After the segment, A and B trade places (so do their stamps). */
  swapStamps(): void {
    [this.stepA, this.stepB] = [this.stepB, this.stepA];
  }
}

function copy6(from: Float64Array, to: Float64Array, o: number): void {
  for (let k = o; k < o + 6; k++) to[k] = from[k];
}

/**
 * End (sorted position) of the forward row that starts at cell p and spans keys up to u: the
 * start of the first of the next three cells whose key exceeds u, branch-free.
 */
function rowEnd(cKey: Int32Array, cStart: Int32Array, p: number, u: number): number {
  return cStart[
    p + 3 - ((u - cKey[p]) >>> 31) - ((u - cKey[p + 1]) >>> 31) - ((u - cKey[p + 2]) >>> 31)
  ];
}

/**
 * Append to cand (from n on) the sorted positions in [lo, hi) whose padded spheres meet the one at
 * (x, y, z) of radius rr; returns the new count. The test only counts, so it does not branch.
 */
function overlaps(
  sP: Float64Array,
  cand: Int32Array,
  n: number,
  x: number,
  y: number,
  z: number,
  rr: number,
  lo: number,
  hi: number,
): number {
  for (let p = lo; p < hi; p++) {
    const q = 4 * p;
    const dx = sP[q] - x;
    const dy = sP[q + 1] - y;
    const dz = sP[q + 2] - z;
    const d = rr + sP[q + 3];
    cand[n] = p;
    n += +(dx * dx + dy * dy + dz * dz <= d * d);
  }
  return n;
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
