import type { ElementSet } from '../catalog/types';
import {
  createBulkSampler,
  createSatrec,
  MU_KM3_S2,
  perigeeApogeeKm,
  type BulkSampler,
  type Satrec,
} from './adapter';
import type { ResolvedOptions, ScreeningFlag, ScreeningOptions } from './types';

export const MAX_HOURS = 168;

export class ScreeningInputError extends Error {}

/** Fill in defaults and check the options; throws ScreeningInputError naming the problem. */
export function resolveOptions(o: ScreeningOptions): ResolvedOptions {
  if (!Number.isFinite(o.startMs)) throw new ScreeningInputError('start time is not a valid date');
  if (!(o.durationHours > 0) || o.durationHours > MAX_HOURS) {
    throw new ScreeningInputError(`duration must be > 0 and at most ${MAX_HOURS} hours`);
  }
  const thresholdKm = o.thresholdKm ?? 5;
  if (!(thresholdKm > 0) || !Number.isFinite(thresholdKm)) {
    throw new ScreeningInputError('threshold must be a positive number of km');
  }
  const volume = o.volume ?? null;
  if (volume && !volume.halfRtnKm.every((x) => x > 0 && Number.isFinite(x))) {
    throw new ScreeningInputError('screening volume half-extents must be positive');
  }
  const reachKm = volume
    ? volume.shape === 'box'
      ? Math.hypot(...volume.halfRtnKm)
      : Math.max(...volume.halfRtnKm)
    : thresholdKm;
  const fineStepS = o.fineStepS ?? 20;
  const sampleStepS = o.sampleStepS ?? 300;
  if (!(fineStepS > 0) || !(sampleStepS >= fineStepS)) {
    throw new ScreeningInputError('sample step must be at least the fine step');
  }
  const ratio = sampleStepS / fineStepS;
  if (Math.abs(ratio - Math.round(ratio)) > 1e-9) {
    throw new ScreeningInputError('sample step must be a whole multiple of the fine step');
  }
  const chunkS = Math.max(
    sampleStepS,
    Math.round(((o.chunkHours ?? 2) * 3600) / sampleStepS) * sampleStepS,
  );
  const durationS = o.durationHours * 3600;
  // Whole milliseconds: batch SGP4 takes Date instants.
  const startMs = Math.round(o.startMs);
  return {
    startMs,
    endMs: startMs + durationS * 1000,
    thresholdKm,
    reachKm,
    primaries: o.primaries ?? [],
    volume,
    sampleStepS,
    fineStepS,
    chunkS,
    chunkCount: Math.ceil(durationS / chunkS - 1e-9),
  };
}

/** Everything a worker needs to screen any chunk; built once per worker. */
export interface ScreeningContext {
  opts: ResolvedOptions;
  n: number;
  /** Element sets sorted by catalog number (index order = pair orientation). */
  els: ElementSet[];
  satrecs: (Satrec | null)[];
  /** Element epoch per object (SGP4 counts time from it). */
  epochMs: Float64Array;
  primary: Uint8Array;
  /** 1: screened (SGP4 started and the apogee/perigee filter kept it). */
  active: Uint8Array;
  /** Upper bound of the object's speed, km/s. */
  vmax: Float64Array;
  /** Bound on the Hermite interpolation error at the sample step, km. */
  errKm: Float64Array;
  perigeeKm: Float64Array;
  apogeeKm: Float64Array;
  initFlags: ScreeningFlag[];
  pairsApogeePerigee: number;
  screened: number;
  /** Batch SGP4 for the screened objects (attachBulkSampler); absent: one call at a time. */
  bulk?: BulkSampler;
  /** Object index → index in the batch sampler, −1 when not in it. */
  bulkIndex?: Int32Array;
}

/** Attach the WASM batch propagator to a context (workers); keeps the JS path when it fails. */
export async function attachBulkSampler(ctx: ScreeningContext): Promise<void> {
  const idx = new Int32Array(ctx.n).fill(-1);
  const recs: Satrec[] = [];
  for (let i = 0; i < ctx.n; i++) {
    if (ctx.active[i] && ctx.satrecs[i]) {
      idx[i] = recs.length;
      recs.push(ctx.satrecs[i]!);
    }
  }
  const bulk = await createBulkSampler(recs);
  if (bulk) {
    ctx.bulk = bulk;
    ctx.bulkIndex = idx;
    // WASM holds its own copy: the JS records come back one by one for refinement (satrecAt).
    ctx.satrecs.fill(null);
  }
}

/** Pad on the perigee–apogee shells: SGP4 periodic terms and drag over a week stay inside. */
export function shellPadKm(opts: ResolvedOptions): number {
  return opts.reachKm + 100;
}

/**
 * Sort the catalog, start SGP4 for every object and apply the apogee/perigee filter.
 * deferSgp4: start SGP4 only when an object is first propagated (a coordinating thread that
 * only merges results needs a few objects, not all).
 */
export function prepareScreening(
  elements: ElementSet[],
  options: ScreeningOptions,
  { deferSgp4 = false }: { deferSgp4?: boolean } = {},
): ScreeningContext {
  const opts = resolveOptions(options);
  const els = elements.slice().sort((a, b) => a.noradCatId - b.noradCatId);
  const n = els.length;
  const satrecs: (Satrec | null)[] = new Array(n).fill(null);
  const epochMs = new Float64Array(n);
  const primary = new Uint8Array(n);
  const active = new Uint8Array(n);
  const vmax = new Float64Array(n);
  const errKm = new Float64Array(n);
  const perigeeKm = new Float64Array(n);
  const apogeeKm = new Float64Array(n);
  const initFlags: ScreeningFlag[] = [];
  const wanted = new Set(opts.primaries);
  const found = new Set<number>();
  const H = opts.sampleStepS;
  for (let i = 0; i < n; i++) {
    const el = els[i];
    epochMs[i] = el.epochMs;
    if (wanted.size === 0 || wanted.has(el.noradCatId)) {
      primary[i] = 1;
      found.add(el.noradCatId);
    }
    if (!deferSgp4) {
      const res = createSatrec(el);
      if (!res.ok) {
        initFlags.push({
          id: el.noradCatId,
          name: el.objectName,
          kind: 'init',
          reason: res.reason,
        });
        continue;
      }
      satrecs[i] = res.satrec;
    }
    const [rp, ra] = perigeeApogeeKm(el);
    perigeeKm[i] = rp;
    apogeeKm[i] = ra;
    const e = Math.min(Math.max(el.eccentricity, 0), 0.999);
    const vp = Math.sqrt((MU_KM3_S2 * (1 + e)) / Math.max(rp, 6000));
    vmax[i] = vp + 0.05;
    // Cubic Hermite error ≈ H⁴·|r''''|/384 with |r''''| ≈ v⁴/r³ at perigee; ×3 for safety.
    errKm[i] = (3 * H ** 4 * vp ** 4) / (384 * Math.max(rp, 6000) ** 3) + 0.005;
    active[i] = 1;
  }
  const missing = opts.primaries.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ScreeningInputError(`primary not in catalog: ${missing.join(', ')}`);
  }
  // Apogee/perigee filter: keep objects whose padded shell meets a primary's shell.
  const pad = shellPadKm(opts);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (active[i]) idx.push(i);
  idx.sort((a, b) => perigeeKm[a] - perigeeKm[b]);
  const lows = Float64Array.from(idx, (i) => perigeeKm[i] - pad);
  const upper = (x: number): number => {
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let pairs = 0;
  const keep = new Uint8Array(n);
  if (wanted.size === 0) {
    // Sweep: j after k in perigee order overlaps k iff low_j <= high_k.
    let reachIdx = -1;
    for (let k = 0; k < idx.length; k++) {
      const u = upper(apogeeKm[idx[k]] + pad);
      pairs += u - k - 1;
      if (u - k - 1 > 0 || reachIdx >= k) keep[idx[k]] = 1;
      reachIdx = Math.max(reachIdx, u - 1);
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (!active[i] || !primary[i]) continue;
      keep[i] = 1;
      const lo = perigeeKm[i] - pad;
      const hi = apogeeKm[i] + pad;
      for (const j of idx) {
        if (j === i || apogeeKm[j] + pad < lo || perigeeKm[j] - pad > hi) continue;
        if (!primary[j] || j > i) pairs++;
        keep[j] = 1;
      }
    }
  }
  let screened = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) active[i] = 0;
    screened += active[i];
  }
  return {
    opts,
    n,
    els,
    satrecs,
    epochMs,
    primary,
    active,
    vmax,
    errKm,
    perigeeKm,
    apogeeKm,
    initFlags,
    pairsApogeePerigee: pairs,
    screened,
  };
}

/** The object's SGP4 record, started on first use in a deferred context; null when it fails. */
export function satrecAt(ctx: ScreeningContext, i: number): Satrec | null {
  const s = ctx.satrecs[i];
  if (s) return s;
  const res = createSatrec(ctx.els[i]);
  if (!res.ok) return null;
  ctx.satrecs[i] = res.satrec;
  return res.satrec;
}
