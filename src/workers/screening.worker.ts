// Web Worker adapter for conjunction screening: the same core as the CLI's worker threads.
import * as Comlink from 'comlink';
import { createScreeningWorker } from '../domain/screening/screen';
import type { ChunkResult } from '../domain/screening/types';
import { holdLifeLock } from './lifeLock';

const core = createScreeningWorker();
const alive = holdLifeLock();

const api = {
  alive: () => alive,
  init: core.init,
  /** Transfers the packed events instead of copying them. */
  async merge(results: ChunkResult[]) {
    const r = await core.merge!(results);
    return Comlink.transfer(r, [r.packed.buffer]);
  },
  /** Transfers the packed events instead of copying them. */
  async runChunk(chunk: number) {
    const r = await core.runChunk(chunk);
    return Comlink.transfer(r, [r.packed.buffer]);
  },
};

export type ScreeningWorkerRemote = typeof api;

Comlink.expose(api);
