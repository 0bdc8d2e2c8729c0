// Batch SGP4 sampling in the Earth-fixed frame, for rendering and conjunction screening.
import type { SatRec } from 'satellite.js';
import { EARTH_ROTATION_RAD_S } from '../frames/teme';
import { gmstRad } from '../time/julian';
import type { BulkSgp4 } from './bulk';
import { propagateTeme } from './sgp4';
import { PropagationStatus } from './types';

export interface SampleOptions {
  /** UT1 − UTC, s (IERS); 0 when unknown. */
  ut1MinusUtcSec?: number;
  /** Reentry checks as in propagateTeme (default true). */
  reentryChecks?: boolean;
}

// Per-call scratch, grown on demand and reused: keeps the sampling loop allocation-free.
let cosScratch = new Float64Array(0);
let sinScratch = new Float64Array(0);
const teme = new Float64Array(6);

/**
 * Propagate every object at `sampleCount` instants t0Ms + s·stepMs (UTC ms) and write Earth-fixed
 * (PEF, see frames/teme.ts) states [x, y, z, vx, vy, vz], km and km/s, sample-major:
 * out[((s·n) + i)·6 + k], n = satrecs.length. `epochsMs[i]` is object i's exact epoch.
 *
 * status[i] is 0 when all of object i's samples succeeded, else the PropagationStatus of its first
 * failing sample (in sampling order). From that sample on, the object's entries are NaN: never a
 * stale or zero state. Float32 output resolves ~0.5 m in LEO and ~4 m at GEO: enough for drawing;
 * screening should ask for Float64.
 *
 * satellite.js's sgp4 allocates its small result objects per call; nothing else here does.
 */
export function sampleEcef(
  satrecs: readonly SatRec[],
  epochsMs: ArrayLike<number>,
  t0Ms: number,
  stepMs: number,
  sampleCount: number,
  out: Float32Array | Float64Array,
  status: Uint8Array,
  options?: SampleOptions,
): void {
  const n = satrecs.length;
  if (epochsMs.length < n || status.length < n) {
    throw new RangeError('sampleEcef: epochsMs and status need one entry per satrec');
  }
  if (out.length < sampleCount * n * 6) {
    throw new RangeError(`sampleEcef: out needs ${sampleCount * n * 6} entries`);
  }
  earthRotations(t0Ms, stepMs, sampleCount, options?.ut1MinusUtcSec ?? 0);
  const propagateOptions = { reentryChecks: options?.reentryChecks !== false };
  const stride = n * 6;
  // Objects outer, samples inner: a satrec (~150 fields) stays in cache across its samples; the
  // sample-major order runs ~30% slower over the full catalog.
  for (let i = 0; i < n; i++) {
    const satrec = satrecs[i];
    const epochMs = epochsMs[i];
    let code: number = PropagationStatus.Ok;
    let o = i * 6;
    for (let s = 0; s < sampleCount; s++, o += stride) {
      if (code === PropagationStatus.Ok) {
        code = propagateTeme(satrec, epochMs, t0Ms + s * stepMs, teme, 0, propagateOptions);
      }
      if (code !== PropagationStatus.Ok) {
        for (let k = 0; k < 6; k++) out[o + k] = NaN;
        continue;
      }
      temeToEcefInto(s, teme, 0, teme, 3, out, o);
    }
    status[i] = code;
  }
}

/**
 * sampleEcef for the records of a BulkSgp4 (WASM SGP4): the same layout, failures and frame.
 * Times since epoch come from the records' Julian-date epochs (≤ 0.4 m from the exact epoch in
 * LEO); the WASM SGP4 applies the reentry checks always, and UT1 is taken as UTC.
 */
export function sampleEcefBulk(
  bulk: BulkSgp4,
  t0Ms: number,
  stepMs: number,
  sampleCount: number,
  out: Float32Array | Float64Array,
  status: Uint8Array,
): void {
  const n = bulk.count;
  if (status.length < n || out.length < sampleCount * n * 6) {
    throw new RangeError(`sampleEcefBulk: out needs ${sampleCount * n * 6} entries, status ${n}`);
  }
  earthRotations(t0Ms, stepMs, sampleCount, 0);
  const times: number[] = [];
  for (let s = 0; s < sampleCount; s++) times.push(t0Ms + s * stepMs);
  const { position, velocity, status: state } = bulk.run(times);
  const stride = n * 6;
  for (let i = 0; i < n; i++) {
    let code: number = PropagationStatus.Ok;
    let o = i * 6;
    for (let s = 0, q = i * sampleCount; s < sampleCount; s++, o += stride, q++) {
      if (code === PropagationStatus.Ok) code = state[q];
      if (code !== PropagationStatus.Ok) {
        for (let k = 0; k < 6; k++) out[o + k] = NaN;
        continue;
      }
      temeToEcefInto(s, position, 3 * q, velocity, 3 * q, out, o);
    }
    status[i] = code;
  }
}

/** cos and sin of the Earth's rotation angle at each sample, into the scratch arrays. */
function earthRotations(t0Ms: number, stepMs: number, sampleCount: number, dut1: number): void {
  if (cosScratch.length < sampleCount) {
    cosScratch = new Float64Array(sampleCount);
    sinScratch = new Float64Array(sampleCount);
  }
  // Earth rotation depends on the instant only: once per sample, not per object.
  for (let s = 0; s < sampleCount; s++) {
    const theta = gmstRad(t0Ms + s * stepMs, dut1);
    cosScratch[s] = Math.cos(theta);
    sinScratch[s] = Math.sin(theta);
  }
}

/** TEME position (r[ro..]) and velocity (v[vo..]) at sample s into Earth-fixed out[o..o+5]. */
function temeToEcefInto(
  s: number,
  r: ArrayLike<number>,
  ro: number,
  v: ArrayLike<number>,
  vo: number,
  out: Float32Array | Float64Array,
  o: number,
): void {
  const c = cosScratch[s];
  const sn = sinScratch[s];
  const xe = c * r[ro] + sn * r[ro + 1];
  const ye = -sn * r[ro] + c * r[ro + 1];
  out[o] = xe;
  out[o + 1] = ye;
  out[o + 2] = r[ro + 2];
  out[o + 3] = c * v[vo] + sn * v[vo + 1] + EARTH_ROTATION_RAD_S * ye;
  out[o + 4] = -sn * v[vo] + c * v[vo + 1] - EARTH_ROTATION_RAD_S * xe;
  out[o + 5] = v[vo + 2];
}
