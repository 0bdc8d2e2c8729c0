import type { ElementSet } from '../catalog/types';
import {
  formatIsoMs,
  createBulkSampler,
  createSatrec,
  MU_KM3_S2,
  perigeeApogeeKm,
  type BulkSampler,
  type Satrec,
} from './adapter';
import {
  buildTrack,
  coverageOf,
  NOT_COVERED,
  stepCount,
  stepOf,
  trackStateInto,
  type EphemerisTrack,
} from './ephemeris';
import { propagateInto } from './adapter';
import { ScreeningInputError } from './inputIssues';
import type {
  EphemerisCoverage,
  ResolvedOptions,
  ScreeningEphemeris,
  ScreeningFlag,
  ScreeningOptions,
} from './types';

export const MAX_HOURS = 168;

// Where the command line and the queue have always found it.
export { ScreeningInputError };

/** Fill in defaults and check the options; throws ScreeningInputError naming the problem. */
export function resolveOptions(o: ScreeningOptions): ResolvedOptions {
  if (!Number.isFinite(o.startMs)) throw new ScreeningInputError('badStart');
  if (!(o.durationHours > 0) || o.durationHours > MAX_HOURS) {
    throw new ScreeningInputError('badDuration', { max: MAX_HOURS });
  }
  const thresholdKm = o.thresholdKm ?? 5;
  if (!(thresholdKm > 0) || !Number.isFinite(thresholdKm)) {
    throw new ScreeningInputError('badThreshold');
  }
  const volume = o.volume ?? null;
  if (volume && !volume.halfRtnKm.every((x) => x > 0 && Number.isFinite(x))) {
    throw new ScreeningInputError('badVolume');
  }
  const reachKm = volume
    ? volume.shape === 'box'
      ? Math.hypot(...volume.halfRtnKm)
      : Math.max(...volume.halfRtnKm)
    : thresholdKm;
  const fineStepS = o.fineStepS ?? 30;
  const sampleStepS = o.sampleStepS ?? 300;
  if (!(fineStepS > 0) || !(sampleStepS >= fineStepS)) {
    throw new ScreeningInputError('sampleBelowFine');
  }
  const ratio = sampleStepS / fineStepS;
  if (Math.abs(ratio - Math.round(ratio)) > 1e-9) {
    throw new ScreeningInputError('sampleNotMultiple');
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
  /** Catalog number and name per object, sorted by number (index order = pair orientation). */
  ids: number[];
  names: string[];
  /** Element set per object; null for an ephemeris object without a catalog counterpart. */
  els: (ElementSet | null)[];
  /** Ephemeris per object, or null. */
  tracks: (EphemerisTrack | null)[];
  /** Indices of the objects with an ephemeris. */
  trackIndex: number[];
  /** Sample steps in the window (EphemerisTrack.covered is indexed by them). */
  steps: number;
  coverage: EphemerisCoverage[];
  /** Eccentricity per object (from the elements, or from an ephemeris's radii). */
  eccentricity: Float64Array;
  /** 1 when the object has SGP4 to fall back on (started, or deferred). */
  sgp4: Uint8Array;
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
    // WASM holds its own copy; the JS records stay for refinement, which needs most of them
    // sooner or later (starting SGP4 again for each would cost more than the memory saves).
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
  const objects = mergeEphemerides(elements, options.ephemerides ?? []);
  const n = objects.length;
  const els = objects.map((o) => o.el);
  const steps = stepCount(opts);
  const tracks = objects.map((o) => (o.eph ? buildTrack(o.eph, opts) : null));
  const satrecs: (Satrec | null)[] = new Array(n).fill(null);
  const epochMs = new Float64Array(n);
  const primary = new Uint8Array(n);
  const active = new Uint8Array(n);
  const vmax = new Float64Array(n);
  const errKm = new Float64Array(n);
  const perigeeKm = new Float64Array(n);
  const apogeeKm = new Float64Array(n);
  const eccentricity = new Float64Array(n);
  const sgp4 = new Uint8Array(n);
  const initFlags: ScreeningFlag[] = [];
  const wanted = new Set(opts.primaries);
  const found = new Set<number>();
  const H = opts.sampleStepS;
  for (let i = 0; i < n; i++) {
    const { id, name, el } = objects[i];
    const track = tracks[i];
    if (wanted.size === 0 || wanted.has(id)) {
      primary[i] = 1;
      found.add(id);
    }
    let rp = Infinity;
    let ra = 0;
    let vp = 0;
    if (el) {
      epochMs[i] = el.epochMs;
      if (!deferSgp4) {
        const res = createSatrec(el);
        if (res.ok) {
          satrecs[i] = res.satrec;
          sgp4[i] = 1;
        } else {
          initFlags.push({ id, name, kind: 'init', reason: res.reason });
          // A stand-in whose SGP4 fails is still screened where its ephemeris covers the window.
          if (!track) continue;
        }
      } else sgp4[i] = 1;
      [rp, ra] = perigeeApogeeKm(el);
      const e = Math.min(Math.max(el.eccentricity, 0), 0.999);
      eccentricity[i] = e;
      vp = Math.sqrt((MU_KM3_S2 * (1 + e)) / Math.max(rp, 6000));
    }
    if (track) {
      // Both sources may be used: bounds that hold for either.
      rp = Math.min(rp, track.minRadiusKm);
      ra = Math.max(ra, track.maxRadiusKm);
      vp = Math.max(vp, track.maxSpeedKmS);
      if (!el) eccentricity[i] = (ra - rp) / (ra + rp);
    }
    perigeeKm[i] = rp;
    apogeeKm[i] = ra;
    vmax[i] = vp + 0.05;
    // Cubic Hermite error ≈ H⁴·|r|/384 with |r| ≈ v⁴/r³ at perigee; ×3 for safety.
    errKm[i] = (3 * H ** 4 * vp ** 4) / (384 * Math.max(rp, 6000) ** 3) + 0.005;
    active[i] = 1;
  }
  const missing = opts.primaries.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ScreeningInputError('primaryMissing', { ids: missing.join(', ') });
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
  const trackIndex: number[] = [];
  const coverage: EphemerisCoverage[] = [];
  for (let i = 0; i < n; i++) {
    const track = tracks[i];
    if (!track) continue;
    trackIndex.push(i);
    const c = coverageOf(track, opts, els[i] !== null);
    coverage.push(c);
    const gap = gapFlag(c, opts);
    if (!sgp4[i] && gap) initFlags.push(gap);
  }
  return {
    opts,
    n,
    ids: objects.map((o) => o.id),
    names: objects.map((o) => o.name),
    els,
    tracks,
    trackIndex,
    steps,
    coverage,
    eccentricity,
    sgp4,
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
  const el = ctx.els[i];
  if (!el) return null;
  const res = createSatrec(el);
  if (!res.ok) return null;
  ctx.satrecs[i] = res.satrec;
  return res.satrec;
}

/** True when object i's states come from its ephemeris in sample step k. */
export function usesEphemeris(ctx: ScreeningContext, i: number, k: number): boolean {
  return ctx.tracks[i]?.covered[k] === 1;
}

/**
 * Object i's TEME state at tMs into out[off..off+5], from the source of the sample step holding
 * tMs. Returns 0, an SGP4 failure code, or NOT_COVERED.
 */
export function stateInto(
  ctx: ScreeningContext,
  i: number,
  tMs: number,
  out: Float64Array,
  off: number,
): number {
  const track = ctx.tracks[i];
  if (track && track.covered[stepOf(ctx.opts, ctx.steps, tMs)]) {
    return trackStateInto(track, tMs, out, off);
  }
  const satrec = ctx.satrecs[i] ?? satrecAt(ctx, i);
  if (!satrec) return NOT_COVERED;
  return propagateInto(satrec, ctx.epochMs[i], tMs, out, off);
}

interface ScreenedObject {
  id: number;
  name: string;
  el: ElementSet | null;
  eph: ScreeningEphemeris | null;
}

/**
 * Catalog objects and ephemeris objects in catalog-number order: an ephemeris with a catalog
 * object's number joins that object (it stands in for it), the others are objects of their own.
 */
function mergeEphemerides(
  elements: ElementSet[],
  ephemerides: ScreeningEphemeris[],
): ScreenedObject[] {
  const objects: ScreenedObject[] = elements.map((el) => ({
    id: el.noradCatId,
    name: el.objectName,
    el,
    eph: null,
  }));
  const byId = new Map<number, ScreenedObject>();
  for (const o of objects) if (!byId.has(o.id)) byId.set(o.id, o);
  const seen = new Map<number, string>();
  for (const eph of ephemerides) {
    const before = seen.get(eph.id);
    if (before !== undefined) {
      throw new ScreeningInputError('twoEphemerides', {
        id: eph.id,
        first: before,
        second: eph.label,
      });
    }
    seen.set(eph.id, eph.label);
    if (eph.segments.length === 0) {
      throw new ScreeningInputError('noSegments', { label: eph.label });
    }
    const twin = byId.get(eph.id);
    if (twin) twin.eph = eph;
    else objects.push({ id: eph.id, name: eph.name, el: null, eph });
  }
  return objects.sort((a, b) => a.id - b.id);
}

/** The flag of an ephemeris-only object that does not cover the whole window, or null. */
function gapFlag(c: EphemerisCoverage, opts: ResolvedOptions): ScreeningFlag | null {
  const whole =
    c.screenedMs.length === 1 &&
    c.screenedMs[0][0] === opts.startMs &&
    c.screenedMs[0][1] === opts.endMs;
  if (whole) return null;
  const spans = c.screenedMs.map(([a, b]) => `${formatIsoMs(a)}/${formatIsoMs(b)}`);
  return {
    id: c.id,
    name: c.name,
    kind: 'ephemeris-gap',
    reason:
      spans.length === 0
        ? `${c.label}: its usable span covers no whole ${opts.sampleStepS} s step of the window: not screened`
        : `${c.label}: screened only within ${spans.join(', ')} (whole ${opts.sampleStepS} s steps inside its usable span)`,
  };
}
