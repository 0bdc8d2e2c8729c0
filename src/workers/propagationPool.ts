import * as Comlink from 'comlink';
import { packElements, PACKED_STRIDE } from '../domain/catalog/pack';
import type { ElementSet } from '../domain/catalog/types';
import type { PropagationWorkerApi } from './propagation.worker';
import type { EphemerisOverride, InitFailure } from './propagationService';
import { spawnWorker } from './spawn';
import { SupervisedWorker, type SupervisorOptions, type WorkerInstance } from './supervisor';
/** One worker per core but one, at least two: the main thread renders, SGP4 runs beside it. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.min(8, Math.max(2, cores - 1));
}

/** Earth-fixed states of the whole catalog at one time: [object][x, y, z, vx, vy, vz], km and km/s. */
export type EcefSample = Float32Array;

/** Makes one propagation worker; tests pass fakes. */
export type PropagationSpawn = (
  name: string,
) => WorkerInstance<Comlink.Remote<PropagationWorkerApi>>;

const spawnPropagationWorker: PropagationSpawn = (name) =>
  spawnWorker<PropagationWorkerApi>(
    (uniqueName) =>
      new Worker(new URL('./propagation.worker.ts', import.meta.url), {
        type: 'module',
        name: uniqueName,
      }),
    name,
  );

/**
 * One worker's share of the catalog as the main thread holds it (packed), so that a replacement
 * worker can be brought to the same state: the committed share, and a prepared one awaiting commit.
 */
interface Share {
  elements: Float64Array;
  ephemerides: EphemerisOverride[];
}

class Slot {
  committed: Share = { elements: new Float64Array(0), ephemerides: [] };
  pending: Share | null = null;
  readonly worker: SupervisedWorker<Comlink.Remote<PropagationWorkerApi>>;

  constructor(name: string, spawn: PropagationSpawn, options: SupervisorOptions) {
    this.worker = new SupervisedWorker(
      name,
      () => spawn(name),
      (api) => this.restore(api),
      options,
    );
  }

  private async restore(api: Comlink.Remote<PropagationWorkerApi>): Promise<void> {
    if (this.committed.elements.length > 0) {
      await api.prepare(sendable(this.committed.elements), this.committed.ephemerides);
      await api.commit();
    }
    if (this.pending) await api.prepare(sendable(this.pending.elements), this.pending.ephemerides);
  }
}

/** Element sets packed per task: 340,000 in one held the page for tens of milliseconds. */
const PACK_SLICE = 25_000;

/**
 * Element sets start…end−1 packed, a slice per task, yielding to the page between slices; a copy
 * of them when already packed.
 */
async function packInSlices(
  elements: readonly ElementSet[] | Float64Array,
  start: number,
  end: number,
): Promise<Float64Array> {
  if (elements instanceof Float64Array) {
    return elements.slice(start * PACKED_STRIDE, end * PACKED_STRIDE);
  }
  const packed = new Float64Array((end - start) * PACKED_STRIDE);
  for (let from = start; from < end; from += PACK_SLICE) {
    if (from > start) await new Promise((resolve) => setTimeout(resolve, 0));
    packElements(elements, from, Math.min(end, from + PACK_SLICE), packed, from - start);
  }
  return packed;
}

/** A copy of a packed share to transfer (the slot keeps its own for a replacement worker). */
function sendable(share: Float64Array): Float64Array {
  const copy = share.slice();
  return Comlink.transfer(copy, [copy.buffer]);
}

/**
 * A pool of propagation workers, each holding a contiguous share of the catalog. Results are
 * merged back into catalog order, so callers never see the partition. A worker that dies is
 * replaced and its share re-prepared (see SupervisedWorker); sampling carries on.
 */
export class PropagationPool {
  private readonly slots: Slot[] = [];

  constructor(
    size = defaultPoolSize(),
    options: SupervisorOptions = {},
    spawn: PropagationSpawn = spawnPropagationWorker,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(new Slot(`sgp4-${i}`, spawn, options));
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Initialise SGP4 for a catalog without replacing the one being sampled; returns the objects
   * whose initialisation failed (catalog indices). Follow with `commit` or `discard`.
   * `elements` may come packed (pack.ts); `ephemerides` index into them; each goes to the worker
   * holding its object.
   */
  async prepare(
    elements: readonly ElementSet[] | Float64Array,
    ephemerides: EphemerisOverride[] = [],
  ): Promise<InitFailure[]> {
    const n = this.slots.length;
    const count =
      elements instanceof Float64Array ? elements.length / PACKED_STRIDE : elements.length;
    const per = Math.ceil(count / n);
    const starts = this.slots.map((_, w) => Math.min(w * per, count));
    const calls: Promise<InitFailure[]>[] = [];
    // Each worker starts on its share while the next one is packed.
    for (const [w, slot] of this.slots.entries()) {
      const end = Math.min(count, starts[w] + per);
      const share: Share = {
        elements: await packInSlices(elements, starts[w], end),
        ephemerides: ephemerides
          .filter((e) => e.index >= starts[w] && e.index < end)
          .map((e) => ({ ...e, index: e.index - starts[w] })),
      };
      // Recorded first: a replacement made while the call runs prepares it too.
      slot.pending = share;
      const call = slot.worker.call((api) =>
        api.prepare(sendable(share.elements), share.ephemerides),
      );
      // Awaited below with the others; a failure meanwhile is not an unhandled rejection.
      call.catch(() => undefined);
      calls.push(call);
    }
    const results = await Promise.all(calls);
    return results.flatMap((failures, w) =>
      failures.map((f) => ({ index: starts[w] + f.index, reason: f.reason })),
    );
  }

  async commit(): Promise<void> {
    await Promise.all(
      this.slots.map((slot) => {
        slot.committed = slot.pending ?? slot.committed;
        slot.pending = null;
        return slot.worker.apply((api) => api.commit());
      }),
    );
  }

  async discard(): Promise<void> {
    await Promise.all(
      this.slots.map((slot) => {
        slot.pending = null;
        return slot.worker.apply((api) => api.discard());
      }),
    );
  }

  /** States of every loaded object at t0Ms + k·stepMs, k < count, in catalog order. */
  async sample(t0Ms: number, stepMs: number, count: number): Promise<EcefSample[]> {
    const blocks = await Promise.all(
      this.slots.map((slot) => slot.worker.call((api) => api.sample(t0Ms, stepMs, count))),
    );
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
    for (const slot of this.slots) slot.worker.dispose();
  }
}
