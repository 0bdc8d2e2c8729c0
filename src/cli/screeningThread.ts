// node:worker_threads adapter for conjunction screening (the CLI's and the benchmark's pool).
import { parentPort } from 'node:worker_threads';
import { createScreeningWorker } from '../domain/screening/screen';

const api = createScreeningWorker();

parentPort!.on(
  'message',
  async (msg: { id: number; method: 'init' | 'runChunk'; args: unknown[] }) => {
    try {
      const fn = api[msg.method] as (...a: unknown[]) => unknown;
      const value = await fn(...msg.args);
      // Chunk results: hand the packed events over instead of copying them.
      const packed = (value as { packed?: Float64Array<ArrayBuffer> }).packed;
      parentPort!.postMessage({ id: msg.id, ok: true, value }, packed ? [packed.buffer] : []);
    } catch (e) {
      parentPort!.postMessage({
        id: msg.id,
        ok: false,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  },
);
