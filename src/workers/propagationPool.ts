import * as Comlink from 'comlink';
import type { ElementSet } from '../domain/catalog/types';
import type { PropagationWorkerApi } from './propagation.worker';
import type { InitFailure } from './propagationService';

/** One worker per core but one, at least two: the main thread renders, SGP4 runs beside it. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.min(8, Math.max(2, cores - 1));
}

/** Earth-fixed states of the whole catalog at one time: [object][x, y, z, vx, vy, vz], km and km/s. */
export type EcefSample = Float32Array;

/**
 * A pool of propagation workers, each holding a contiguous share of the catalog. Results are
 * merged back into catalog order, so callers never see the partition.
 */
export class PropagationPool {
  private readonly workers: Worker[] = [];
  private readonly apis: Comlink.Remote<PropagationWorkerApi>[] = [];

  constructor(size = defaultPoolSize()) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./propagation.worker.ts', import.meta.url), {
        type: 'module',
        name: `sgp4-${i}`,
      });
      this.workers.push(worker);
      this.apis.push(Comlink.wrap<PropagationWorkerApi>(worker));
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Initialise SGP4 for a catalog without replacing the one being sampled; returns the objects
   * whose initialisation failed (catalog indices). Follow with `commit` or `discard`.
   */
  async prepare(elements: ElementSet[]): Promise<InitFailure[]> {
    const n = this.apis.length;
    const per = Math.ceil(elements.length / n);
    const starts = this.apis.map((_, w) => Math.min(w * per, elements.length));
    const results = await Promise.all(
      this.apis.map((api, w) => api.prepare(elements.slice(starts[w], starts[w] + per))),
    );
    return results.flatMap((failures, w) =>
      failures.map((f) => ({ index: starts[w] + f.index, reason: f.reason })),
    );
  }

  async commit(): Promise<void> {
    await Promise.all(this.apis.map((api) => api.commit()));
  }

  async discard(): Promise<void> {
    await Promise.all(this.apis.map((api) => api.discard()));
  }

  /** States of every loaded object at t0Ms + k·stepMs, k < count, in catalog order. */
  async sample(t0Ms: number, stepMs: number, count: number): Promise<EcefSample[]> {
    const blocks = await Promise.all(this.apis.map((api) => api.sample(t0Ms, stepMs, count)));
    // Sized from the blocks themselves: a commit may land while a request is in flight.
    const total = blocks.reduce((sum, block) => sum + block.objectCount, 0);
    const samples: EcefSample[] = [];
    for (let s = 0; s < count; s++) {
      const merged = new Float32Array(total * 6);
      let offset = 0;
      blocks.forEach((block) => {
        const len = block.objectCount * 6;
        merged.set(block.statesKm.subarray(s * len, (s + 1) * len), offset);
        offset += len;
      });
      samples.push(merged);
    }
    return samples;
  }

  dispose(): void {
    for (const api of this.apis) api[Comlink.releaseProxy]();
    for (const worker of this.workers) worker.terminate();
  }
}
