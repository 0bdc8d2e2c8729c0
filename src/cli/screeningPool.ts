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

/** One worker thread speaking the ScreeningWorkerApi by messages. */
class ThreadWorker implements ScreeningWorkerApi {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor() {
    // Under tsx (sources are .ts) the thread needs tsx's loader registered first.
    const self = new URL(import.meta.url);
    const entry = self.pathname.endsWith('.ts')
      ? new URL('./screeningThreadBoot.mjs', self)
      : new URL('./screeningThread.js', self);
    // A modest old-space cap keeps each thread collecting early (peak memory), not growing.
    this.worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: 256 } });
    this.worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
    this.worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
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

/** Screen on `threads` worker threads (the same core as the browser's Web Workers). */
export async function screenWithThreads(
  elements: ElementSet[],
  options: ScreeningOptions,
  threads = defaultThreadCount(),
  onProgress?: (p: ScreeningProgress) => void,
): Promise<ScreeningResult> {
  const workers = Array.from({ length: threads }, () => new ThreadWorker());
  try {
    return await screenOnPool(workers, elements, options, onProgress);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
