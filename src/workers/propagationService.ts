import type { SatRec } from 'satellite.js';
import { unpackElements } from '../domain/catalog/pack';
import type { ElementSet } from '../domain/catalog/types';
import { sampleEcef } from '../domain/propagation/ephemeris';
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

/**
 * What a propagation worker does, free of any worker plumbing so Node tests can drive it:
 * hold the satrecs of its share of the catalog and sample them on request.
 */
export function createPropagationService() {
  let satrecs: SatRec[] = [];
  let epochsMs: Float64Array = new Float64Array(0);
  let status = new Uint8Array(0);
  let overrides: EphemerisOverride[] = [];
  // A load is prepared first and committed only once the whole catalog is known to be good,
  // so a failed load never replaces what is on screen.
  let pending: {
    satrecs: SatRec[];
    epochsMs: Float64Array;
    overrides: EphemerisOverride[];
  } | null = null;

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
      const kept: SatRec[] = [];
      const keptEpochs: number[] = [];
      // Kept indices, so overrides follow their objects past the ones that failed.
      const keptIndex = new Int32Array(elements.length).fill(-1);
      elements.forEach((el, index) => {
        const result = createSatrec(el);
        if (result.ok) {
          keptIndex[index] = kept.length;
          kept.push(result.satrec);
          keptEpochs.push(el.epochMs);
        } else {
          failures.push({ index, reason: result.reason });
        }
      });
      const keptOverrides = ephemerides
        .filter((e) => keptIndex[e.index] >= 0)
        .map((e) => ({ ...e, index: keptIndex[e.index] }));
      pending = {
        satrecs: kept,
        epochsMs: Float64Array.from(keptEpochs),
        overrides: keptOverrides,
      };
      return failures;
    },

    /** Make the prepared catalog the one that is sampled. */
    commit(): number {
      if (!pending) throw new Error('nothing prepared to commit');
      ({ satrecs, epochsMs, overrides } = pending);
      status = new Uint8Array(satrecs.length);
      pending = null;
      return satrecs.length;
    },

    discard(): void {
      pending = null;
    },

    sample(t0Ms: number, stepMs: number, count: number): SampleBlock {
      const statesKm = new Float32Array(count * satrecs.length * 6);
      sampleEcef(satrecs, epochsMs, t0Ms, stepMs, count, statesKm, status);
      applyEphemerides(overrides, satrecs.length, t0Ms, stepMs, count, statesKm);
      return { t0Ms, stepMs, count, objectCount: satrecs.length, statesKm };
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
