import * as Comlink from 'comlink';
import type { CatalogWorkerApi } from '../workers/catalog.worker';
import { useRecoveryStore } from '../state/recoveryStore';
import { defaultPoolSize, PropagationPool } from '../workers/propagationPool';

/** The app's workers, created once: the SGP4 pool and the catalog parser. */
let pool: PropagationPool | null = null;
let parser: Comlink.Remote<CatalogWorkerApi> | null = null;

export function propagationPool(): PropagationPool {
  pool ??= new PropagationPool(defaultPoolSize(), {
    onDeath: (death) =>
      useRecoveryStore.getState().report({ kind: 'worker-died', pool: 'propagation', ...death }),
  });
  return pool;
}

export function catalogParser(): Comlink.Remote<CatalogWorkerApi> {
  parser ??= Comlink.wrap<CatalogWorkerApi>(
    new Worker(new URL('../workers/catalog.worker.ts', import.meta.url), {
      type: 'module',
      name: 'catalog-parser',
    }),
  );
  return parser;
}
