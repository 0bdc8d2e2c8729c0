import * as Comlink from 'comlink';
import type { ElementSet } from '../domain/catalog/types';
import {
  screenOnPool,
  type ScreeningProgress,
  type ScreeningWorkerApi,
} from '../domain/screening/screen';
import type { ScreeningOptions, ScreeningResult } from '../domain/screening/types';
import type { ScreeningWorkerRemote } from './screening.worker';

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

/**
 * Browser screening on a pool of Web Workers. Chunks of the window go to whichever worker is
 * free; the merged result does not depend on the pool size.
 */
export async function screenInBrowser(
  elements: ElementSet[],
  options: ScreeningOptions,
  onProgress?: (p: ScreeningProgress) => void,
  signal?: AbortSignal,
  size = defaultScreeningPoolSize(),
): Promise<ScreeningResult> {
  const workers: Worker[] = [];
  // Cancelling terminates the workers at once; their pending calls would never settle, so the
  // run's promise is raced against the abort.
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ScreeningCancelled());
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const apis: ScreeningWorkerApi[] = [];
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./screening.worker.ts', import.meta.url), {
        type: 'module',
        name: `screening-${i}`,
      });
      workers.push(w);
      apis.push(Comlink.wrap<ScreeningWorkerRemote>(w) as unknown as ScreeningWorkerApi);
    }
    return await Promise.race([screenOnPool(apis, elements, options, onProgress), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const w of workers) w.terminate();
  }
}
