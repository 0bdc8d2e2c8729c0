/**
 * A worker's sign of life that outlasts it: the worker holds a Web Lock named after itself for
 * as long as it runs, and the browser frees it when the worker ends for any reason (terminated,
 * crashed). The main thread, queued on the same lock, learns of the death without timeouts,
 * which a busy worker on a slow machine would trip.
 */

/** Worker side: take the lock named `self.name` for good; resolves once it is held. */
export function holdLifeLock(): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve();
  return new Promise((resolve) => {
    void locks.request(self.name, () => {
      resolve();
      return new Promise<never>(() => undefined);
    });
  });
}

/** Main side: resolves when the lock a live worker holds is freed; never without Web Locks. */
export function lifeLockFreed(name: string): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return new Promise(() => undefined);
  return locks.request(name, () => undefined);
}
