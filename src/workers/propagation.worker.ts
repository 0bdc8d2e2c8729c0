import * as Comlink from 'comlink';
import { holdLifeLock } from './lifeLock';
import { bulkRuntime } from '../domain/propagation/bulk';
import { createPropagationService, type PropagationService } from './propagationService';

// SGP4 in WASM where it starts (it compiles while the page loads its catalog), else JavaScript.
const service = bulkRuntime().then((runtime) => createPropagationService(runtime));
const alive = holdLifeLock();

type Service = PropagationService;

const api = {
  alive: () => alive,
  prepare: async (...args: Parameters<Service['prepare']>) => (await service).prepare(...args),
  commit: async () => (await service).commit(),
  discard: async () => (await service).discard(),
  /** Transfers the block's buffer instead of copying it. */
  async sample(...args: Parameters<Service['sample']>) {
    const block = (await service).sample(...args);
    return Comlink.transfer(block, [block.statesKm.buffer]);
  },
};

export type PropagationWorkerApi = typeof api;

Comlink.expose(api);
