/** One running worker as its supervisor sees it. */
export interface WorkerInstance<Api> {
  api: Api;
  /** Settles with a reason (in words) when the worker dies: an uncaught error, or terminated. */
  died: Promise<string>;
  terminate(): void;
}

/** A death the supervisor saw, for the page to announce. */
export interface WorkerDeath {
  workerName: string;
  reason: string;
  /** False when the worker died too often and was not replaced. */
  replaced: boolean;
}

export interface SupervisorOptions {
  /** Deaths tolerated within `windowMs` before giving up; a worker that cannot live is not restarted in a loop. */
  maxDeaths?: number;
  windowMs?: number;
  onDeath?: (death: WorkerDeath) => void;
  now?: () => number;
}

/** A call that could not be completed because its worker died, or died too often. */
export class WorkerDiedError extends Error {
  constructor(
    readonly workerName: string,
    readonly reason: string,
    /** The worker is not replaced any more: every later call fails too. */
    readonly gaveUp: boolean,
  ) {
    super(
      gaveUp
        ? `worker ${workerName} stopped too often (last: ${reason}) and was not restarted`
        : `worker ${workerName} stopped (${reason}) twice during one call`,
    );
  }
}

/**
 * Keeps one worker alive: when it dies it is terminated, a new one is spawned and `restore`
 * rebuilds its state (from what the main thread holds) before any call reaches it. Calls in
 * flight on the dead worker are retried once on the replacement.
 */
export class SupervisedWorker<Api> {
  private live: WorkerInstance<Api> | null = null;
  private ready!: Promise<WorkerInstance<Api>>;
  private readonly deathTimes: number[] = [];
  private disposed = false;
  private readonly maxDeaths: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    private readonly spawn: () => WorkerInstance<Api>,
    private readonly restore: (api: Api) => Promise<void>,
    private readonly options: SupervisorOptions = {},
  ) {
    this.maxDeaths = options.maxDeaths ?? 3;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.start();
  }

  private start(): void {
    const instance = this.spawn();
    this.live = instance;
    void instance.died.then((reason) => this.handleDeath(instance, reason));
    // A death during the restore hands callers on to the next replacement (set by handleDeath,
    // whose reaction was registered first).
    this.ready = Promise.race([
      this.restore(instance.api).then(() => instance),
      instance.died.then(() => this.ready),
    ]);
    this.ready.catch(() => undefined);
  }

  private handleDeath(instance: WorkerInstance<Api>, reason: string): void {
    if (this.disposed || instance !== this.live) return;
    instance.terminate();
    this.live = null;
    const t = this.now();
    this.deathTimes.push(t);
    while (this.deathTimes.length && this.deathTimes[0] < t - this.windowMs)
      this.deathTimes.shift();
    const replaced = this.deathTimes.length < this.maxDeaths;
    if (replaced) this.start();
    else {
      this.ready = Promise.reject(new WorkerDiedError(this.name, reason, true));
      this.ready.catch(() => undefined);
    }
    this.options.onDeath?.({ workerName: this.name, reason, replaced });
  }

  /** A call whose result is wanted: retried once on a replacement if the worker dies under it. */
  async call<R>(fn: (api: Api) => Promise<R>): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const instance = await this.ready;
      const outcome = await Promise.race([
        fn(instance.api).then((value) => ({ value })),
        instance.died.then((reason) => ({ reason })),
      ]);
      if ('value' in outcome) return outcome.value;
      if (attempt > 0) throw new WorkerDiedError(this.name, outcome.reason, false);
    }
  }

  /**
   * A call that changes the worker's state, which `restore` replays: if the worker dies under
   * it, it is done once the replacement is restored.
   */
  async apply(fn: (api: Api) => Promise<unknown>): Promise<void> {
    const instance = await this.ready;
    const died = await Promise.race([
      fn(instance.api).then(() => false),
      instance.died.then(() => true),
    ]);
    if (died) await this.ready;
  }

  dispose(): void {
    this.disposed = true;
    this.live?.terminate();
    this.live = null;
  }
}
