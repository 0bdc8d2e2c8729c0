import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ElementSet } from '../domain/catalog/types';
import {
  screenOnPool,
  type ScreeningProgress,
  type ScreeningWorkerApi,
  type WorkerSummary,
} from '../domain/screening/screen';
import type { ChunkResult, ScreeningOptions, ScreeningResult } from '../domain/screening/types';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * Memory bound of a screening: every thread holds every object's SGP4 state, so each thread's
 * heap is capped at a base plus a share per object, and threads are dropped until the caps
 * together fit SCREEN_MEMORY_MB. Measured: 339,999 objects need about 1.2 GB per thread.
 */
export const SCREEN_MEMORY_MB = 3072;
const THREAD_BASE_MB = 256;
const THREAD_KB_PER_OBJECT = 3;

export interface ThreadPlan {
  threads: number;
  heapMbPerThread: number;
  /** Set when fewer threads than asked for fit the bound. */
  note?: string;
}

/** Threads and heap cap per thread for `objects`; null when one thread alone exceeds the bound. */
export function planThreads(objects: number, requested: number): ThreadPlan | null {
  const heapMbPerThread = THREAD_BASE_MB + Math.ceil((objects * THREAD_KB_PER_OBJECT) / 1024);
  const fit = Math.floor(SCREEN_MEMORY_MB / heapMbPerThread);
  if (fit < 1) return null;
  if (fit >= requested) return { threads: requested, heapMbPerThread };
  return {
    threads: fit,
    heapMbPerThread,
    note:
      `${fit} of ${requested} threads: ${objects.toLocaleString('en-US')} objects need ` +
      `${heapMbPerThread} MB each and screening is bounded to ${SCREEN_MEMORY_MB} MB`,
  };
}

/** A worker thread stopped at its heap cap (the plan underestimated this catalog). */
export class ScreeningMemoryError extends Error {
  override readonly name = 'ScreeningMemoryError';
}

/** One worker thread speaking the ScreeningWorkerApi by messages (heap capped at heapMb). */
export class ThreadWorker implements ScreeningWorkerApi {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(heapMb: number) {
    // Under tsx (sources are .ts) the thread needs tsx's loader registered first.
    const self = new URL(import.meta.url);
    const entry = self.pathname.endsWith('.ts')
      ? new URL('./screeningThreadBoot.mjs', self)
      : new URL('./screeningThread.js', self);
    // A cap sized to the catalog keeps each thread collecting early (peak memory), not growing.
    this.worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    this.worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
    this.worker.on('error', (e: Error & { code?: string }) => {
      const error =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ScreeningMemoryError(
              `a screening thread reached its ${heapMb} MB heap limit (bound ${SCREEN_MEMORY_MB} MB in all)`,
            )
          : e;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  private call<T>(method: string, args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  init(elements: ElementSet[], options: ScreeningOptions): Promise<WorkerSummary> {
    return this.call('init', [elements, options]);
  }

  runChunk(chunk: number): Promise<ChunkResult> {
    return this.call('runChunk', [chunk]);
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Screen on worker threads (the same core as the browser's Web Workers): `threads` of them, or
 * `plan` for the count and heap cap (planThreads) — by default a plan for `threads`.
 */
export async function screenWithThreads(
  elements: ElementSet[],
  options: ScreeningOptions,
  threads = defaultThreadCount(),
  onProgress?: (p: ScreeningProgress) => void,
  plan: ThreadPlan | null = planThreads(elements.length, threads),
): Promise<ScreeningResult> {
  if (!plan) {
    throw new ScreeningMemoryError(
      `${elements.length} objects do not fit one screening thread within ${SCREEN_MEMORY_MB} MB`,
    );
  }
  const workers = Array.from(
    { length: plan.threads },
    () => new ThreadWorker(plan.heapMbPerThread),
  );
  try {
    return await screenOnPool(workers, elements, options, onProgress);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
