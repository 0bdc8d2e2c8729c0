import type { SatRec } from 'satellite.js';
import { unpackElements } from '../domain/catalog/pack';
import type { ElementSet } from '../domain/catalog/types';
import { sampleEcef } from '../domain/propagation/ephemeris';
import { createSatrec } from '../domain/propagation/satrec';

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
 * What a propagation worker does, free of any worker plumbing so Node tests can drive it:
 * hold the satrecs of its share of the catalog and sample them on request.
 */
export function createPropagationService() {
  let satrecs: SatRec[] = [];
  let epochsMs: Float64Array = new Float64Array(0);
  let status = new Uint8Array(0);
  // A load is prepared first and committed only once the whole catalog is known to be good,
  // so a failed load never replaces what is on screen.
  let pending: { satrecs: SatRec[]; epochsMs: Float64Array } | null = null;

  return {
    /**
     * Initialise SGP4 for these element sets (packed, as the pool sends them: see pack.ts);
     * those that fail are reported and left out.
     */
    prepare(given: ElementSet[] | Float64Array): InitFailure[] {
      const elements = given instanceof Float64Array ? unpackElements(given) : given;
      const failures: InitFailure[] = [];
      const kept: SatRec[] = [];
      const keptEpochs: number[] = [];
      elements.forEach((el, index) => {
        const result = createSatrec(el);
        if (result.ok) {
          kept.push(result.satrec);
          keptEpochs.push(el.epochMs);
        } else {
          failures.push({ index, reason: result.reason });
        }
      });
      pending = { satrecs: kept, epochsMs: Float64Array.from(keptEpochs) };
      return failures;
    },

    /** Make the prepared catalog the one that is sampled. */
    commit(): number {
      if (!pending) throw new Error('nothing prepared to commit');
      ({ satrecs, epochsMs } = pending);
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
      return { t0Ms, stepMs, count, objectCount: satrecs.length, statesKm };
    },
  };
}

export type PropagationService = ReturnType<typeof createPropagationService>;
