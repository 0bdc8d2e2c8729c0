// Ephemeris objects in screening: states interpolated from an OEM's TEME segments (the file's own
// method and degree, via oem/stateAt). Which source gives an object's state at an instant is fixed
// by the sample grid: a sample step (H) wholly inside one usable span uses the ephemeris, any
// other step the catalog object's SGP4 (or nothing). The grid, the Hermite segments and the TCA
// refinement all ask the same question, so they never disagree about the trajectory.
import { stateAt, usableSpan, type InterpolatedState } from '../oem/interpolate';
import type { OemSegment } from '../oem/types';
import type { EphemerisCoverage, ResolvedOptions, ScreeningEphemeris } from './types';

/** Status code of a state asked for outside what the ephemeris covers (SGP4 codes are 1–8). */
export const NOT_COVERED = 100;

export interface EphemerisTrack {
  id: number;
  name: string;
  label: string;
  segments: OemSegment[];
  /** Per sample step of the window: 1 when the step lies wholly in one usable span. */
  covered: Uint8Array;
  /** Smallest and largest radius, largest speed over the states in the usable spans. */
  minRadiusKm: number;
  maxRadiusKm: number;
  maxSpeedKmS: number;
}

/** Sample steps in the window (the last may run past its end). */
export function stepCount(opts: ResolvedOptions): number {
  return Math.ceil((opts.endMs - opts.startMs) / (opts.sampleStepS * 1000) - 1e-9);
}

/** The sample step holding tMs (clamped to the window's steps). */
export function stepOf(opts: ResolvedOptions, steps: number, tMs: number): number {
  const k = Math.floor((tMs - opts.startMs) / (opts.sampleStepS * 1000));
  return k < 0 ? 0 : k >= steps ? steps - 1 : k;
}

export function buildTrack(eph: ScreeningEphemeris, opts: ResolvedOptions): EphemerisTrack {
  const steps = stepCount(opts);
  const hMs = opts.sampleStepS * 1000;
  const covered = new Uint8Array(steps);
  let minR = Infinity;
  let maxR = 0;
  let maxV = 0;
  for (const seg of eph.segments) {
    const [from, to] = usableSpan(seg);
    const k0 = Math.max(0, Math.ceil((from - opts.startMs) / hMs - 1e-9));
    for (let k = k0; k < steps && opts.startMs + (k + 1) * hMs <= to; k++) covered[k] = 1;
    for (const s of seg.states) {
      if (s.epochMs < from || s.epochMs > to) continue;
      const r = Math.hypot(...s.positionKm);
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
      maxV = Math.max(maxV, Math.hypot(...s.velocityKmS));
    }
  }
  return {
    id: eph.id,
    name: eph.name,
    label: eph.label,
    segments: eph.segments,
    covered,
    minRadiusKm: minR,
    maxRadiusKm: maxR,
    maxSpeedKmS: maxV,
  };
}

/** The state at tMs from the last segment whose usable span holds it (as oem/stateAt). */
function trackState(track: EphemerisTrack, tMs: number): InterpolatedState | null {
  for (let k = track.segments.length - 1; k >= 0; k--) {
    const s = stateAt(track.segments[k], tMs);
    if (s) return s;
  }
  return null;
}

/**
 * The interpolated TEME state at tMs into out[off..off+5]; returns 0, or NOT_COVERED when no
 * usable span holds tMs.
 */
export function trackStateInto(
  track: EphemerisTrack,
  tMs: number,
  out: Float64Array,
  off: number,
): number {
  const s = trackState(track, tMs);
  if (!s) return NOT_COVERED;
  out[off] = s.positionKm[0];
  out[off + 1] = s.positionKm[1];
  out[off + 2] = s.positionKm[2];
  out[off + 3] = s.velocityKmS[0];
  out[off + 4] = s.velocityKmS[1];
  out[off + 5] = s.velocityKmS[2];
  return 0;
}

/** First state of the segment used at tMs (the ephemeris object's "epoch" for days-since). */
export function trackEpochMs(track: EphemerisTrack, tMs: number): number {
  const s = trackState(track, tMs);
  const seg = track.segments.find((g) => g.index === s?.segment) ?? track.segments[0];
  return seg.states[0].epochMs;
}

/** The covered steps as time intervals, clipped to the window. */
export function coverageOf(
  track: EphemerisTrack,
  opts: ResolvedOptions,
  standsIn: boolean,
): EphemerisCoverage {
  const hMs = opts.sampleStepS * 1000;
  const screenedMs: [number, number][] = [];
  const { covered } = track;
  for (let k = 0; k < covered.length; k++) {
    if (!covered[k]) continue;
    const a = opts.startMs + k * hMs;
    const b = Math.min(opts.endMs, a + hMs);
    const last = screenedMs[screenedMs.length - 1];
    if (last && last[1] === a) last[1] = b;
    else screenedMs.push([a, b]);
  }
  return { id: track.id, name: track.name, label: track.label, standsIn, screenedMs };
}
