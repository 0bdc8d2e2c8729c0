import { hermiteBetween } from '../domain/propagation/hermite';
import type { EcefSample, PropagationPool } from '../workers/propagationPool';
import { WorkerDiedError } from '../workers/supervisor';

/** Samples kept either side of the current time (memory: 26,834 objects × 24 B per sample). */
const KEEP_BEHIND = 2;
const PREFETCH_AHEAD = 4;
/** Samples per worker request: small, so a scrub never waits long behind a prefetch. */
const REQUEST_RUN = 2;

/**
 * SGP4 sample spacing for a playback rate. Hermite error on LEO is 0.4 m at 60 s and 0.23 km at
 * 300 s (shared/notes/conjunctions.md); faster playback needs wider spacing to stay within the
 * workers' budget (at 3,600× a 300 s step is 12 catalog passes a second).
 */
export function sampleStepMs(rate: number): number {
  const stepSec = Math.min(300, Math.max(60, Math.abs(rate)));
  return Math.round(stepSec / 60) * 60_000;
}

export interface Segment {
  /** Grid index: the segment spans [k·stepMs, (k+1)·stepMs]. */
  k: number;
  stepMs: number;
  /** Fraction of the way from the first sample to the second. */
  tau: number;
  s0: EcefSample;
  s1: EcefSample;
}

/**
 * Keeps the catalog's SGP4 samples on a time grid around the clock, asking the worker pool for
 * what is missing, nearest first. Results from an outdated grid or catalog are dropped.
 *
 * A paused clock away from the grid's samples (a seek, a scrub, a deep link) first gets one sample
 * at exactly its time: one catalog pass puts every object in place, where the grid needs two.
 */
export class EphemerisStream {
  private samples = new Map<number, EcefSample>();
  private exact: { timeMs: number; sample: EcefSample } | null = null;
  private stepMs = 60_000;
  private generation = 0;
  private inFlight = false;
  private enabled = false;

  constructor(
    private readonly pool: PropagationPool,
    private readonly onSamples: () => void,
  ) {}

  /** Forget everything (a new catalog was loaded into the pool). */
  reset(enabled: boolean): void {
    this.samples.clear();
    this.exact = null;
    this.generation++;
    this.enabled = enabled;
  }

  /**
   * Call once per frame: keeps the grid matched to the rate and fetches what is missing.
   * `rate` 0 means paused: only the two samples around the clock are wanted, so a seek
   * never queues behind a prefetch.
   */
  update(timeMs: number, rate: number): void {
    if (!this.enabled) return;
    const stepMs = sampleStepMs(rate);
    if (stepMs !== this.stepMs) {
      this.stepMs = stepMs;
      this.samples.clear();
      this.generation++;
    }
    const k = Math.floor(timeMs / stepMs);
    const direction = rate < 0 ? -1 : 1;
    for (const key of this.samples.keys()) {
      const ahead = (key - k) * direction;
      if (ahead < -KEEP_BEHIND || ahead > PREFETCH_AHEAD + 1) this.samples.delete(key);
    }
    if (this.inFlight) return;
    const gridReady = this.samples.has(k) && this.samples.has(k + 1);
    if (rate === 0 && !gridReady && this.exact?.timeMs !== timeMs) {
      this.request(timeMs, stepMs, 1, ([sample]) => (this.exact = { timeMs, sample }));
      return;
    }
    const wanted = [k, k + 1];
    const ahead = rate === 0 ? 0 : PREFETCH_AHEAD;
    for (let i = 1; i <= ahead; i++) wanted.push(direction > 0 ? k + 1 + i : k - i);
    const first = wanted.find((key) => !this.samples.has(key));
    if (first === undefined) return;
    // A contiguous run from the first missing index, in the direction of playback.
    const step = direction > 0 || first <= k + 1 ? 1 : -1;
    let run = 1;
    while (run < REQUEST_RUN && !this.samples.has(first + step * run)) run++;
    const start = step > 0 ? first : first - (run - 1);
    this.request(start * stepMs, stepMs, run, (samples) =>
      samples.forEach((sample, i) => this.samples.set(start + i, sample)),
    );
  }

  private request(
    t0Ms: number,
    stepMs: number,
    count: number,
    keep: (samples: EcefSample[]) => void,
  ): void {
    const generation = this.generation;
    this.inFlight = true;
    this.pool
      .sample(t0Ms, stepMs, count)
      .then((samples) => {
        if (generation !== this.generation) return;
        keep(samples);
        this.onSamples();
      })
      .catch((error: unknown) => {
        console.error('SGP4 sampling failed', error);
        // A pool that gave up fails every request: stop asking, each frame, until the next load.
        if (error instanceof WorkerDiedError && error.gaveUp) this.enabled = false;
      })
      .finally(() => {
        this.inFlight = false;
      });
  }

  /**
   * The samples around timeMs, or null while they are being computed. Before the grid's samples,
   * a sample at exactly timeMs serves as both ends at fraction 0.
   */
  segmentAt(timeMs: number): Segment | null {
    const k = Math.floor(timeMs / this.stepMs);
    const s0 = this.samples.get(k);
    const s1 = this.samples.get(k + 1);
    if (!s0 || !s1) {
      const exact = this.exact?.timeMs === timeMs ? this.exact.sample : null;
      return exact && { k, stepMs: this.stepMs, tau: 0, s0: exact, s1: exact };
    }
    return { k, stepMs: this.stepMs, tau: (timeMs - k * this.stepMs) / this.stepMs, s0, s1 };
  }

  /**
   * The grid segment after the clock's in the direction of play (`direction` 1 or −1), or null
   * while its samples are missing: the points upload it ahead of the clock getting there.
   */
  segmentAfter(timeMs: number, direction: number): Segment | null {
    const k = Math.floor(timeMs / this.stepMs) + (direction < 0 ? -1 : 1);
    const s0 = this.samples.get(k);
    const s1 = this.samples.get(k + 1);
    return s0 && s1 ? { k, stepMs: this.stepMs, tau: direction < 0 ? 1 : 0, s0, s1 } : null;
  }
}

/**
 * One object's Earth-fixed state within a segment, by the same cubic Hermite the GPU uses, so
 * labels and panels sit exactly on the drawn point. Writes km and km/s; false when not valid.
 */
export function stateInSegment(segment: Segment, index: number, out: Float64Array): boolean {
  const o = index * 6;
  if (Number.isNaN(segment.s0[o]) || Number.isNaN(segment.s1[o])) return false;
  hermiteBetween(segment.s0, o, segment.s1, o, segment.stepMs / 1000, segment.tau, out);
  return true;
}

/**
 * Pack objects [from, to) of a segment for the GPU, from the start of `out`: p0, v0, p1, v1 and
 * a valid flag per object (SEGMENT_STRIDE). Returns how many of them have no valid state
 * (decayed or SGP4 failure) in this segment.
 */
export function packSegment(
  segment: Segment,
  out: Float32Array,
  from = 0,
  to = segment.s0.length / 6,
): number {
  const { s0, s1 } = segment;
  let invalid = 0;
  for (let i = from, o = 0; i < to; i++, o += 13) {
    const a = i * 6;
    const valid = !Number.isNaN(s0[a]) && !Number.isNaN(s1[a]);
    for (let k = 0; k < 6; k++) {
      out[o + k] = valid ? s0[a + k] : 0;
      out[o + 6 + k] = valid ? s1[a + k] : 0;
    }
    out[o + 12] = valid ? 1 : 0;
    if (!valid) invalid++;
  }
  return invalid;
}

/**
 * The fraction to draw a segment at for a time: its own between its samples, held at the nearer
 * end outside them (a segment kept on screen while the clock's is on its way). An exact sample
 * (both ends the same) only holds at 0: Hermite between a state and itself is not that state.
 */
export function tauAt(segment: Segment, timeMs: number): number {
  if (segment.s0 === segment.s1) return 0;
  const tau = (timeMs - segment.k * segment.stepMs) / segment.stepMs;
  return Math.min(1, Math.max(0, tau));
}
