import type { SatRec } from 'satellite.js';
import { unpackElements } from '../domain/catalog/pack';
import type { ElementSet } from '../domain/catalog/types';
import { BulkSgp4, type BulkRuntime } from '../domain/propagation/bulk';
import { sampleEcef, sampleEcefBulk } from '../domain/propagation/ephemeris';
import { createSatrec } from '../domain/propagation/satrec';
import { ephemerisEcefInto } from '../domain/oem/display';
import type { OemSegment } from '../domain/oem/types';
import { gmstRad } from '../domain/time/julian';

/** Earth-fixed states of one worker's objects at `count` times t0Ms + k·stepMs. */
export interface SampleBlock {
  t0Ms: number;
  stepMs: number;
  count: number;
  objectCount: number;
  /** Sample-major: [sample][object][x, y, z (km), vx, vy, vz (km/s)]; NaN where SGP4 failed. */
  statesKm: Float32Array;
}

export interface InitFailure {
  /** Index within the elements passed to `load`. */
  index: number;
  reason: string;
}

/**
 * An object whose states come from an OEM inside its usable spans: `index` into the elements
 * given with it. Outside the spans a catalog object keeps its SGP4; an `ephemerisOnly` one (its
 * element set is only a description) is NaN, i.e. not drawn.
 */
export interface EphemerisOverride {
  index: number;
  /** Segments in TEME (covariances are not needed for drawing). */
  segments: OemSegment[];
  ephemerisOnly: boolean;
}

/** A share of the catalog ready to sample: in WASM (bulk), or as JavaScript records. */
interface Prepared {
  bulk: BulkSgp4 | null;
  satrecs: SatRec[];
  epochsMs: Float64Array;
  overrides: EphemerisOverride[];
}

const nothingPrepared: Prepared = {
  bulk: null,
  satrecs: [],
  epochsMs: new Float64Array(0),
  overrides: [],
};

/**
 * What a propagation worker does, free of any worker plumbing so Node tests can drive it:
 * hold its share of the catalog and sample it on request. With a WASM runtime the records live
 * in WASM memory (BulkSgp4); without one, or where satellite.js's records do not fit it, they
 * stay JavaScript records.
 */
export function createPropagationService(runtime: BulkRuntime | null = null) {
  let current = nothingPrepared;
  let status = new Uint8Array(0);
  // A load is prepared first and committed only once the whole catalog is known to be good,
  // so a failed load never replaces what is on screen.
  let pending: Prepared | null = null;

  const drop = (prepared: Prepared | null) => prepared?.bulk?.dispose();

  return {
    /**
     * Initialise SGP4 for these element sets (packed, as the pool sends them: see pack.ts);
     * those that fail are reported and left out.
     */
    prepare(
      given: ElementSet[] | Float64Array,
      ephemerides: EphemerisOverride[] = [],
    ): InitFailure[] {
      const elements = given instanceof Float64Array ? unpackElements(given) : given;
      const failures: InitFailure[] = [];
      let bulk: BulkSgp4 | null = null;
      let wasm = runtime !== null;
      const kept: SatRec[] = [];
      const keptEpochs: number[] = [];
      // Kept indices, so overrides follow their objects past the ones that failed.
      const keptIndex = new Int32Array(elements.length).fill(-1);
      for (let index = 0; index < elements.length; index++) {
        const el = elements[index];
        const result = createSatrec(el);
        if (!result.ok) {
          failures.push({ index, reason: result.reason });
          continue;
        }
        if (wasm && !bulk) {
          bulk = BulkSgp4.create(runtime!, elements.length, result.satrec);
          wasm = bulk !== null;
        }
        keptIndex[index] = keptEpochs.length;
        keptEpochs.push(el.epochMs);
        // In WASM the JavaScript record is dropped at once: it never outlives a young collection.
        if (bulk) bulk.add(result.satrec);
        else kept.push(result.satrec);
      }
      bulk?.seal();
      const keptOverrides = ephemerides
        .filter((e) => keptIndex[e.index] >= 0)
        .map((e) => ({ ...e, index: keptIndex[e.index] }));
      drop(pending);
      pending = {
        bulk,
        satrecs: kept,
        epochsMs: Float64Array.from(keptEpochs),
        overrides: keptOverrides,
      };
      return failures;
    },

    /** Make the prepared catalog the one that is sampled. */
    commit(): number {
      if (!pending) throw new Error('nothing prepared to commit');
      drop(current);
      current = pending;
      pending = null;
      status = new Uint8Array(current.epochsMs.length);
      return current.epochsMs.length;
    },

    discard(): void {
      drop(pending);
      pending = null;
    },

    /** Whether the committed share is sampled in WASM (diagnostics and tests). */
    inWasm(): boolean {
      return current.bulk !== null;
    },

    sample(t0Ms: number, stepMs: number, count: number): SampleBlock {
      const { bulk, satrecs, epochsMs, overrides } = current;
      const objectCount = epochsMs.length;
      const statesKm = new Float32Array(count * objectCount * 6);
      if (bulk) sampleEcefBulk(bulk, t0Ms, stepMs, count, statesKm, status);
      else sampleEcef(satrecs, epochsMs, t0Ms, stepMs, count, statesKm, status);
      applyEphemerides(overrides, objectCount, t0Ms, stepMs, count, statesKm);
      return { t0Ms, stepMs, count, objectCount, statesKm };
    },
  };
}

export type PropagationService = ReturnType<typeof createPropagationService>;

/** Overwrite the SGP4 states of ephemeris objects where their OEM covers the sample's time. */
function applyEphemerides(
  overrides: readonly EphemerisOverride[],
  objectCount: number,
  t0Ms: number,
  stepMs: number,
  count: number,
  statesKm: Float32Array,
): void {
  if (overrides.length === 0) return;
  for (let s = 0; s < count; s++) {
    const tMs = t0Ms + s * stepMs;
    const gmst = gmstRad(tMs);
    for (const e of overrides) {
      const off = (s * objectCount + e.index) * 6;
      if (!ephemerisEcefInto(e.segments, tMs, gmst, statesKm, off) && e.ephemerisOnly) {
        statesKm.fill(NaN, off, off + 6);
      }
    }
  }
}
