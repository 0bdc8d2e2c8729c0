// Long main-thread work in slices: between slices the page draws frames and answers input, so a
// screening run's hundreds of thousands of events never hold the page for seconds.

/** How long one slice may run before the page gets the thread back, ms. */
export const SLICE_MS = 25;

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Give the page one turn of its event loop (a task, not a microtask), then resume. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * `f` over `items` in order, yielding to the page whenever a slice has run SLICE_MS;
 * `onProgress(done, total)` after each slice.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  f: (item: T, index: number) => R,
  onProgress?: (done: number, total: number) => void,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    out[i] = f(items[i], i);
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress?.(i + 1, items.length);
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  onProgress?.(items.length, items.length);
  return out;
}

/**
 * A stepwise computation (see domain/history's `Steps`) run to its end, yielding to the page
 * whenever a slice has run SLICE_MS.
 */
export async function runInSlices<R>(steps: Generator<void, R, void>): Promise<R> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
}

/**
 * For a result worked out again on every change: each call's computation runs its first slice at
 * once (a small one is done there and then), the rest in slices; a later call overtakes an
 * unfinished one, which stops and whose result `done` never gets.
 */
export function latestInSlices<R>(
  done: (result: R) => void,
): (steps: Generator<void, R, void>) => void {
  let generation = 0;
  return (steps) => {
    const mine = ++generation;
    const slice = (): boolean => {
      const sliceStart = performance.now();
      for (;;) {
        const next = steps.next();
        if (next.done) {
          done(next.value);
          return true;
        }
        if (performance.now() - sliceStart > SLICE_MS) return false;
      }
    };
    if (slice()) return;
    void (async () => {
      do {
        await yieldToPage();
        if (generation !== mine) return;
      } while (!slice());
    })();
  };
}
