import type * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { packElements } from '../domain/catalog/pack';
import { createScreeningWorker, screenOnPool } from '../domain/screening/screen';
import { snapshot, SNAPSHOT_START } from '../domain/screening/testSupport';
import { ISS_2024_10_31, testElements } from '../testing/elements';
import { skipWithoutSharedData } from '../testing/sharedData';
import type { PropagationWorkerApi } from './propagation.worker';
import { PropagationPool } from './propagationPool';
import { createPropagationService } from './propagationService';
import type { ScreeningWorkerRemote } from './screening.worker';
import { screenInBrowser } from './screeningPool';
import {
  SupervisedWorker,
  WorkerDiedError,
  type WorkerDeath,
  type WorkerInstance,
} from './supervisor';

/**
 * An in-process stand-in for a Web Worker: its calls run the real worker core, a dead one never
 * answers (as a terminated Worker's pending calls never settle), and a call can be held open so
 * the test can kill the worker under it.
 */
class FakeWorker<Api extends object> {
  dead = false;
  /** Calls made while set wait on it (a long-running call). */
  hold: Promise<void> | null = null;
  readonly calls: string[] = [];
  private kill!: (reason: string) => void;
  readonly instance: WorkerInstance<Api>;

  constructor(core: Api) {
    const died = new Promise<string>((resolve) => (this.kill = resolve));
    const api = new Proxy(core, {
      get: (target, key) => {
        const member = (target as Record<string | symbol, unknown>)[key];
        if (typeof member !== 'function') return member;
        return async (...args: unknown[]) => {
          this.calls.push(String(key));
          if (this.hold) await this.hold;
          if (this.dead) return new Promise(() => undefined);
          return (member as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    this.instance = { api, died, terminate: () => this.die('terminated') };
  }

  die(reason: string): void {
    this.dead = true;
    this.kill(reason);
  }
}

/** A spawn function that records every fake it made, per worker name. */
function fakeSpawner<Api extends object>(makeCore: () => Api) {
  const made: FakeWorker<Api>[] = [];
  const spawn = () => {
    const fake = new FakeWorker(makeCore());
    made.push(fake);
    return fake.instance;
  };
  return { made, spawn };
}

const counterCore = () => {
  let n = 0;
  return { add: async (k: number) => (n += k), get: async () => n };
};

describe('SupervisedWorker', () => {
  it('replaces a worker that dies under a call, restores it, and retries the call once', async () => {
    const { made, spawn } = fakeSpawner(counterCore);
    const deaths: WorkerDeath[] = [];
    let total = 0;
    const w = new SupervisedWorker('counter', spawn, async (api) => void (await api.add(total)), {
      onDeath: (d) => deaths.push(d),
    });
    await w.apply(async (api) => api.add((total = 5)));
    let release!: () => void;
    made[0].hold = new Promise((r) => (release = r));
    const pending = w.call((api) => api.get());
    await Promise.resolve();
    made[0].die('error: boom');
    release();
    await expect(pending).resolves.toBe(5);
    expect(made).toHaveLength(2);
    expect(made[1].calls).toEqual(['add', 'get']);
    expect(deaths).toEqual([{ workerName: 'counter', reason: 'error: boom', replaced: true }]);
  });

  it('replaces a worker that dies while idle before the next call reaches it', async () => {
    const { made, spawn } = fakeSpawner(counterCore);
    const w = new SupervisedWorker('counter', spawn, async (api) => void (await api.add(7)));
    await w.call((api) => api.get());
    made[0].die('terminated');
    await Promise.resolve();
    expect(made).toHaveLength(2);
    await expect(w.call((api) => api.get())).resolves.toBe(7);
    expect(made[0].calls).toEqual(['add', 'get']);
    expect(made[1].calls).toEqual(['add', 'get']);
  });

  it('gives up after maxDeaths within the window: calls fail naming the worker and the reason', async () => {
    const { made, spawn } = fakeSpawner(counterCore);
    const deaths: WorkerDeath[] = [];
    const w = new SupervisedWorker('sgp4-1', spawn, async () => undefined, {
      maxDeaths: 2,
      windowMs: 60_000,
      onDeath: (d) => deaths.push(d),
    });
    made[0].die('terminated');
    await w.call((api) => api.get());
    made[1].die('error: out of memory');
    const error = await w.call((api) => api.get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerDiedError);
    expect((error as Error).message).toBe(
      'worker sgp4-1 stopped too often (last: error: out of memory) and was not restarted',
    );
    expect(made).toHaveLength(2);
    expect(deaths.map((d) => d.replaced)).toEqual([true, false]);
  });

  it('forgets deaths older than the window', async () => {
    const { made, spawn } = fakeSpawner(counterCore);
    let nowMs = 0;
    const w = new SupervisedWorker('w', spawn, async () => undefined, {
      maxDeaths: 2,
      windowMs: 1000,
      now: () => nowMs,
    });
    made[0].die('terminated');
    await w.call((api) => api.get());
    nowMs = 5000;
    await w.call((api) => api.get());
    made[1].die('terminated');
    await expect(w.call((api) => api.get())).resolves.toBe(0);
    expect(made).toHaveLength(3);
  });

  it('does not replace a worker it disposed of', async () => {
    const { made, spawn } = fakeSpawner(counterCore);
    const deaths: WorkerDeath[] = [];
    const w = new SupervisedWorker('w', spawn, async () => undefined, {
      onDeath: (d) => deaths.push(d),
    });
    await w.call((api) => api.get());
    w.dispose();
    await Promise.resolve();
    expect(made).toHaveLength(1);
    expect(made[0].dead).toBe(true);
    expect(deaths).toEqual([]);
  });
});

type PropagationFake = FakeWorker<Comlink.Remote<PropagationWorkerApi>>;

function fakePropagationPool(size: number) {
  const made: PropagationFake[] = [];
  const deaths: WorkerDeath[] = [];
  const pool = new PropagationPool(size, { onDeath: (d) => deaths.push(d) }, () => {
    const fake = new FakeWorker(
      createPropagationService() as unknown as Comlink.Remote<PropagationWorkerApi>,
    );
    made.push(fake);
    return fake.instance;
  });
  return { pool, made, deaths };
}

const catalog = Array.from({ length: 9 }, (_, i) =>
  testElements({ noradCatId: 90001 + i, raOfAscNodeDeg: i * 40, meanAnomalyDeg: i * 17 }),
);
const t0 = Date.UTC(2024, 10, 1, 6);

describe('PropagationPool supervision', () => {
  it('re-prepares a dead worker’s share: samples after the death equal those before', async () => {
    const { pool, made, deaths } = fakePropagationPool(3);
    await pool.prepare(catalog);
    await pool.commit();
    const before = await pool.sample(t0, 60_000, 2);
    made[1].die('terminated');
    const after = await pool.sample(t0, 60_000, 2);
    expect(after.map((s) => Array.from(s))).toEqual(before.map((s) => Array.from(s)));
    expect(after[0]).toHaveLength(9 * 6);
    expect(made).toHaveLength(4);
    expect(made[3].calls).toEqual(['prepare', 'commit', 'sample']);
    expect(deaths).toEqual([{ workerName: 'sgp4-1', reason: 'terminated', replaced: true }]);
  });

  it('finishes a sample whose worker died under it', async () => {
    const { pool, made } = fakePropagationPool(2);
    await pool.prepare(catalog);
    await pool.commit();
    const before = await pool.sample(t0, 60_000, 1);
    let release!: () => void;
    made[0].hold = new Promise((r) => (release = r));
    const pending = pool.sample(t0, 60_000, 1);
    await Promise.resolve();
    made[0].die('error: boom');
    release();
    expect(Array.from((await pending)[0])).toEqual(Array.from(before[0]));
  });

  it('keeps a load that was prepared but not committed when its worker died', async () => {
    const { pool, made } = fakePropagationPool(2);
    await pool.prepare(catalog.slice(0, 4));
    await pool.commit();
    await pool.prepare([ISS_2024_10_31, ...catalog]);
    made[1].die('terminated');
    expect((await pool.sample(t0, 60_000, 1))[0]).toHaveLength(4 * 6);
    await pool.commit();
    const [sample] = await pool.sample(t0, 60_000, 1);
    expect(sample).toHaveLength(10 * 6);
    expect(sample.every(Number.isFinite)).toBe(true);
  });
});

describe.skipIf(Boolean(skipWithoutSharedData))('browser screening supervision', () => {
  const subset = snapshot()
    .filter((o) => o.objectName.startsWith('FENGYUN 1C DEB'))
    .slice(0, 300);
  const options = { startMs: SNAPSHOT_START, durationHours: 4, thresholdKm: 10, chunkHours: 0.5 };
  const screeningFakes = () =>
    fakeSpawner(() => createScreeningWorker() as unknown as Comlink.Remote<ScreeningWorkerRemote>);

  it('resumes the chunk of a worker that died mid-run: same events as an undisturbed run', async () => {
    const reference = await screenOnPool([createScreeningWorker()], subset, options);
    const { made, spawn } = screeningFakes();
    const deaths: WorkerDeath[] = [];
    let killed = false;
    const result = await screenInBrowser(
      subset,
      options,
      (p) => {
        // After the first chunk: kill the other worker while its chunk is held open.
        if (killed || p.chunksDone !== 1) return;
        killed = true;
        made[1].hold = new Promise(() => undefined);
        made[1].die('terminated');
      },
      undefined,
      2,
      { onDeath: (d) => deaths.push(d) },
      spawn,
    );
    expect(reference.events.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.events)).toBe(JSON.stringify(reference.events));
    expect(deaths).toEqual([{ workerName: 'screening-1', reason: 'terminated', replaced: true }]);
    expect(made).toHaveLength(3);
    expect(made[2].calls[0]).toBe('init');
  });

  it('fails with a message naming the worker when it keeps dying', async () => {
    const { made, spawn } = screeningFakes();
    // Workers that die as soon as they start, as one whose script cannot run.
    const dying = (name: string) => {
      const instance = spawn();
      const fake = made[made.length - 1];
      fake.hold = new Promise(() => undefined);
      queueMicrotask(() => fake.die(`error: ${name} failed to start`));
      return instance;
    };
    const run = screenInBrowser(subset, options, undefined, undefined, 1, { maxDeaths: 2 }, dying);
    await expect(run).rejects.toThrow(
      'worker screening-0 stopped too often (last: error: screening-0 failed to start) and was not restarted',
    );
    expect(made).toHaveLength(2);
    expect(made.every((m) => m.dead)).toBe(true);
  });
});

describe('PropagationPool.prepare', () => {
  it('takes element sets packed as it takes them as objects: the same failures and states', async () => {
    const withFailure = catalog.map((el, i) => (i === 7 ? { ...el, eccentricity: 1.5 } : el));
    const asObjects = fakePropagationPool(2).pool;
    const asPacked = fakePropagationPool(2).pool;
    const failures = await asObjects.prepare(withFailure);
    expect(failures).toEqual([{ index: 7, reason: 'eccentricity out of range (0 ≤ e < 1)' }]);
    expect(await asPacked.prepare(packElements(withFailure))).toEqual(failures);
    await Promise.all([asObjects.commit(), asPacked.commit()]);
    const [objectStates] = await asObjects.sample(t0, 60_000, 1);
    const [packedStates] = await asPacked.sample(t0, 60_000, 1);
    expect(packedStates).toHaveLength(8 * 6);
    expect(packedStates.every(Number.isFinite)).toBe(true);
    expect(Array.from(packedStates)).toEqual(Array.from(objectStates));
  });
});
