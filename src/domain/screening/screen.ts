import { shipElements, unshipElements, type ShippedElements } from '../catalog/pack';
import type { ElementSet } from '../catalog/types';
import { attachBulkSampler, prepareScreening, type ScreeningContext } from './context';
import { screenChunk } from './engine';
import { mergeChunks, mergePacked, unpackResult, type PackedScreeningResult } from './merge';
import type { ChunkResult, ScreeningFlag, ScreeningOptions, ScreeningResult } from './types';

/** What a worker reports after init: the facts of its context that the merge needs. */
export interface WorkerSummary {
  chunkCount: number;
  initFlags: ScreeningFlag[];
  screened: number;
  pairsApogeePerigee: number;
}

export interface ScreeningProgress {
  chunksDone: number;
  chunkCount: number;
}

/** Screen in this thread (tests, small catalogs). */
export function screenCatalog(
  elements: ElementSet[],
  options: ScreeningOptions,
  onProgress?: (p: ScreeningProgress) => void,
): ScreeningResult {
  const ctx = prepareScreening(elements, options);
  const results: ChunkResult[] = [];
  for (let c = 0; c < ctx.opts.chunkCount; c++) {
    results.push(screenChunk(ctx, c));
    onProgress?.({ chunksDone: c + 1, chunkCount: ctx.opts.chunkCount });
  }
  return mergeChunks(ctx, results);
}

/** What a worker (browser Web Worker, Node worker thread, or in-process stand-in) offers. */
export interface ScreeningWorkerApi {
  /** Build the worker's context. */
  init(
    elements: ElementSet[] | ShippedElements,
    options: ScreeningOptions,
  ): Promise<WorkerSummary> | WorkerSummary;
  runChunk(chunk: number): Promise<ChunkResult> | ChunkResult;
  /**
   * Merge every chunk's result into the run's result with the worker's own context (its SGP4
   * ready), so a browser page does not do the merge's sorting and SGP4 on its main thread.
   */
  merge?(results: ChunkResult[]): Promise<PackedScreeningResult> | PackedScreeningResult;
}

/** The worker-side implementation: wrap it in comlink or a worker_threads message loop. */
export function createScreeningWorker(): ScreeningWorkerApi {
  let ctx: ReturnType<typeof prepareScreening> | null = null;
  return {
    async init(elements, options) {
      const c = prepareScreening(
        Array.isArray(elements) ? elements : unshipElements(elements),
        options,
      );
      await attachBulkSampler(c);
      ctx = c;
      return {
        chunkCount: c.opts.chunkCount,
        initFlags: c.initFlags,
        screened: c.screened,
        pairsApogeePerigee: c.pairsApogeePerigee,
      };
    },
    runChunk(chunk) {
      if (!ctx) throw new Error('screening worker used before init');
      return screenChunk(ctx, chunk);
    },
    merge(results) {
      if (!ctx) throw new Error('screening worker used before init');
      return mergePacked(ctx, results);
    },
  };
}

/**
 * Screen on a pool: every worker builds its own context, chunks go to whichever worker is free,
 * and the merge sorts results by chunk, so the answer does not depend on the pool. Where the
 * workers merge (browser workers), the coordinator only unpacks the events, awaiting `pause`
 * between slices.
 */
export async function screenOnPool(
  workers: ScreeningWorkerApi[],
  elements: ElementSet[],
  options: ScreeningOptions,
  onProgress?: (p: ScreeningProgress) => void,
  pause?: () => Promise<void>,
): Promise<ScreeningResult> {
  // Validates options before any worker starts; SGP4 is started lazily for the merge.
  const ctx = prepareScreening(elements, options, { deferSgp4: true });
  const chunkCount = ctx.opts.chunkCount;
  const shipped = shipElements(elements);
  const summaries = await Promise.all(workers.map((w) => w.init(shipped, options)));
  const results: ChunkResult[] = [];
  let next = 0;
  const loop = async (w: ScreeningWorkerApi): Promise<void> => {
    while (next < chunkCount) {
      const c = next++;
      results.push(await w.runChunk(c));
      onProgress?.({ chunksDone: results.length, chunkCount });
    }
  };
  await Promise.all(workers.map(loop));
  if (workers[0]?.merge) return unpackResult(ctx, await workers[0].merge(results), pause);
  return summaries.length > 0
    ? mergeWorkerResults(ctx, summaries[0], results)
    : mergeChunks(ctx, results);
}

/**
 * The coordinator's merge of chunks screened elsewhere (worker threads, queue workers): `ctx`
 * is its deferred context (prepareScreening with deferSgp4), `summary` what a worker reported
 * after init (the facts that need every object's SGP4).
 */
export function mergeWorkerResults(
  ctx: ScreeningContext,
  summary: WorkerSummary,
  results: ChunkResult[],
): ScreeningResult {
  ctx.initFlags = summary.initFlags;
  ctx.screened = summary.screened;
  ctx.pairsApogeePerigee = summary.pairsApogeePerigee;
  return mergeChunks(ctx, results);
}
