import * as Comlink from 'comlink';
import { lifeLockFreed } from './lifeLock';
import type { WorkerInstance } from './supervisor';

/** What every supervised worker exposes besides its own calls (see lifeLock.ts). */
export interface LifeApi {
  /** Resolves once the worker holds its life lock. */
  alive(): Promise<void>;
}

/**
 * Start a worker behind comlink, with the two signs of its death: an `error` event (an uncaught
 * exception, or a script that failed to load) and its life lock being freed. `create` must say
 * `new Worker(new URL('…', import.meta.url), …)` itself: that is the form the bundler builds.
 */
export function spawnWorker<Api extends LifeApi>(
  create: (name: string) => Worker,
  name: string,
): WorkerInstance<Comlink.Remote<Api>> {
  // Locks are shared by every tab of the origin: the name must be unique to this worker.
  const uniqueName = `${name} ${Math.random().toString(36).slice(2, 10)}`;
  const worker = create(uniqueName);
  const api = Comlink.wrap<Api>(worker);
  const died = new Promise<string>((resolve) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      resolve(`error: ${e.message || 'the worker script failed'}`);
    });
    // Not awaited as a call: a worker that never answers never takes the lock either.
    void (api.alive() as Promise<void>).then(() =>
      lifeLockFreed(uniqueName).then(() => resolve('terminated')),
    );
  });
  return {
    api,
    died,
    terminate: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
