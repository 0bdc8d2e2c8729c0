/**
 * The one place where screening touches SGP4, frames, time formatting and catalog loading:
 * everything else in src/domain/screening goes through these functions.
 */
import type { SatRec } from 'satellite.js';
import type { ElementSet } from '../catalog/types';
import { rtnBasis, toRtn } from '../frames/ric';
import { createSatrec as createPropagationSatrec } from '../propagation/satrec';
import { BulkSgp4, bulkRuntime } from '../propagation/bulk';
import { propagateTeme } from '../propagation/sgp4';
import { propagationStatusMessage } from '../propagation/status';
import { formatIsoMs as formatIso } from '../time/iso';

export type Satrec = SatRec;

export type SatrecResult = { ok: true; satrec: Satrec } | { ok: false; reason: string };

export function sgp4ErrorText(code: number): string {
  return propagationStatusMessage(code);
}

/** Initialise SGP4 for one element set; never throws. */
export function createSatrec(el: ElementSet): SatrecResult {
  return createPropagationSatrec(el);
}

/**
 * SGP4 state in TEME at timeMs (epochMs: the element set's own epoch): writes x, y, z (km),
 * vx, vy, vz (km/s) to out[off..off+5]. Returns 0 on success, else the failure code (decay,
 * reentry, SGP4 error).
 */
export function propagateInto(
  satrec: Satrec,
  epochMs: number,
  timeMs: number,
  out: Float64Array,
  off: number,
): number {
  return propagateTeme(satrec, epochMs, timeMs, out, off);
}

const basis = new Float64Array(9);
const rtn = new Float64Array(3);

/** Components of d in the radial / transverse / normal frame of the state (r, v). */
export function toRic(
  r: ArrayLike<number>,
  v: ArrayLike<number>,
  d: ArrayLike<number>,
): [number, number, number] {
  if (!rtnBasis(r, v, basis)) return [NaN, NaN, NaN];
  toRtn(basis, d, rtn);
  return [rtn[0], rtn[1], rtn[2]];
}

/** ISO 8601 UTC with milliseconds. */
export function formatIsoMs(ms: number): string {
  return formatIso(ms);
}

export const MU_KM3_S2 = 398600.8; // WGS-72, as SGP4

/** Perigee and apogee radius (km, from the Earth's centre) from mean elements. */
export function perigeeApogeeKm(el: ElementSet): [number, number] {
  const n = (el.meanMotionRevPerDay * 2 * Math.PI) / 86400;
  const a = Math.cbrt(MU_KM3_S2 / (n * n));
  return [a * (1 - el.eccentricity), a * (1 + el.eccentricity)];
}

/** Batch SGP4 (satellite.js WASM) for a fixed set of objects, one instant at a time. */
export interface BulkSampler {
  /**
   * Propagate every object at tMs (integer ms). After the call, object s (index into the
   * satrecs given at creation) has position/velocity at 3·s and status at s: 0 when usable
   * (the checks of propagateInto), else the failure code.
   */
  run(tMs: number): void;
  position: Float64Array;
  velocity: Float64Array;
  status: Uint8Array;
  dispose(): void;
}

/**
 * A WASM batch propagator for these satrecs (copied into WASM memory: the JS records may be
 * dropped afterwards), or null when WASM is unavailable (then use propagateInto). Results agree
 * with propagateInto to centimetres.
 */
export async function createBulkSampler(satrecs: Satrec[]): Promise<BulkSampler | null> {
  const runtime = await bulkRuntime();
  const bulk =
    runtime && satrecs.length > 0 ? BulkSgp4.create(runtime, satrecs.length, satrecs[0]) : null;
  if (!bulk) return null;
  for (const satrec of satrecs) bulk.add(satrec);
  bulk.seal();
  const instant = [0];
  const sampler: BulkSampler = {
    position: new Float64Array(0),
    velocity: new Float64Array(0),
    status: new Uint8Array(satrecs.length),
    run(tMs) {
      instant[0] = tMs;
      ({
        position: sampler.position,
        velocity: sampler.velocity,
        status: sampler.status,
      } = bulk.run(instant));
    },
    dispose() {
      bulk.dispose();
    },
  };
  return sampler;
}
