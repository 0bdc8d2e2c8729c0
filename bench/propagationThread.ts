// Node worker_threads adapter around the same propagation service the browser workers run.
import { parentPort } from 'node:worker_threads';
import { bulkRuntime } from '../src/domain/propagation/bulk';
import { createPropagationService } from '../src/workers/propagationService';

// As the browser's worker: SGP4 in WASM where it starts (messages wait in the port meanwhile).
const service = createPropagationService(await bulkRuntime());

parentPort!.on('message', (message: { id: number; method: string; args: unknown[] }) => {
  const { id, method, args } = message;
  if (method === 'prepare') {
    const failures = service.prepare(args[0] as Parameters<typeof service.prepare>[0]);
    service.commit();
    parentPort!.postMessage({ id, result: failures });
  } else if (method === 'sample') {
    const [t0Ms, stepMs, count] = args as [number, number, number];
    const block = service.sample(t0Ms, stepMs, count);
    parentPort!.postMessage({ id, result: block }, [block.statesKm.buffer as ArrayBuffer]);
  }
});
