import * as Comlink from 'comlink';
import { holdLifeLock } from './lifeLock';
import { createPropagationService, type PropagationService } from './propagationService';

const service = createPropagationService();
const alive = holdLifeLock();

const api = {
  alive: () => alive,
  prepare: service.prepare,
  commit: service.commit,
  discard: service.discard,
  /** Transfers the block's buffer instead of copying it. */
  sample(...args: Parameters<PropagationService['sample']>) {
    const block = service.sample(...args);
    return Comlink.transfer(block, [block.statesKm.buffer]);
  },
};

export type PropagationWorkerApi = typeof api;

Comlink.expose(api);
