import type * as Comlink from 'comlink';
import type { ElementSet } from '../domain/catalog/types';
import {
  screenOnPool,
  type ScreeningProgress,
  type ScreeningWorkerApi,
} from '../domain/screening/screen';
import type { ScreeningOptions, ScreeningResult } from '../domain/screening/types';
import type { ScreeningWorkerRemote } from './screening.worker';
import { spawnWorker } from './spawn';
import { SupervisedWorker, type SupervisorOptions, type WorkerInstance } from './supervisor';

/** One worker per core but one (the main thread renders), at least two: screening is the heavy job. */
export function defaultScreeningPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.min(8, Math.max(2, cores - 1));
}

/** A screening stopped by its AbortSignal. */
export class ScreeningCancelled extends Error {
  constructor() {
    super('screening cancelled');
  }
}

/** Makes one screening worker; tests pass fakes. */
export type ScreeningSpawn = (
  name: string,
) => WorkerInstance<Comlink.Remote<ScreeningWorkerRemote>>;

const spawnScreeningWorker: ScreeningSpawn = (name) =>
  spawnWorker<ScreeningWorkerRemote>(
    (uniqueName) =>
      new Worker(new URL('./screening.worker.ts', import.meta.url), {
        type: 'module',
        name: uniqueName,
      }),
    name,
  );

/**
 * A screening worker that survives a death: the replacement is initialised with the same catalog
 * and options, and the chunk that was running is screened again on it.
 */
export function supervisedScreeningWorker(
  name: string,
  spawn: ScreeningSpawn,
  options: SupervisorOptions,
): { api: ScreeningWorkerApi; dispose(): void } {
  let initArgs: Parameters<ScreeningWorkerApi['init']> | null = null;
  const worker = new SupervisedWorker(
    name,
    () => spawn(name),
    async (api) => {
      if (initArgs) await api.init(...initArgs);
    },
    options,
  );
  return {
    api: {
      init: (elements, screeningOptions) => {
        initArgs = [elements, screeningOptions];
        return worker.call((api) => api.init(elements, screeningOptions));
      },
      runChunk: (chunk) => worker.call((api) => api.runChunk(chunk)),
      // Copied, not transferred: a replacement worker must get them again if this one dies.
      merge: (results) => worker.call((api) => api.merge(results)),
    },
    dispose: () => worker.dispose(),
  };
}

/**
 * Browser screening on a pool of Web Workers. Chunks of the window go to whichever worker is
 * free; the merged result does not depend on the pool size. A worker that dies is replaced and
 * its chunk screened again; one that keeps dying fails the run with a WorkerDiedError.
 */
export async function screenInBrowser(
  elements: ElementSet[],
  options: ScreeningOptions,
  onProgress?: (p: ScreeningProgress) => void,
  signal?: AbortSignal,
  size = defaultScreeningPoolSize(),
  supervision: SupervisorOptions = {},
  spawn: ScreeningSpawn = spawnScreeningWorker,
  /** Awaited between slices of unpacking the merged events (the page's turn). */
  pause?: () => Promise<void>,
): Promise<ScreeningResult> {
  const workers: ReturnType<typeof supervisedScreeningWorker>[] = [];
  // Cancelling terminates the workers at once; their pending calls would never settle, so the
  // run's promise is raced against the abort.
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ScreeningCancelled());
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    for (let i = 0; i < size; i++) {
      workers.push(supervisedScreeningWorker(`screening-${i}`, spawn, supervision));
    }
    const apis = workers.map((w) => w.api);
    return await Promise.race([screenOnPool(apis, elements, options, onProgress, pause), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const w of workers) w.dispose();
  }
}
