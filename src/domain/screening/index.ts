// Conjunction screening: all against all or a watch list, SGP4 + Hermite + cell lists, TCA by
// Brent on real SGP4. The same core runs in-thread, in Web Workers and in Node worker threads.
export type {
  ConjunctionEvent,
  ScreeningFlag,
  ScreeningOptions,
  ScreeningResult,
  ScreeningStats,
  ScreeningVolume,
} from './types';
export { MAX_HOURS, ScreeningInputError, prepareScreening, resolveOptions } from './context';
export { screenChunk } from './engine';
export { finalizeEvents, mergeChunks } from './merge';
export {
  createScreeningWorker,
  screenCatalog,
  screenOnPool,
  type ScreeningProgress,
  type ScreeningWorkerApi,
  type WorkerSummary,
} from './screen';
export { bruteForceScreen } from './bruteForce';
