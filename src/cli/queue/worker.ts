// `cli worker --queue <redis-url>`: takes screening jobs from the BullMQ queue and runs them on
// the CLI's screening threads (screeningPool.ts: the engine of `cli screen`), until SIGINT or
// SIGTERM (then it finishes the jobs in hand). A job that breaks the protocol, or whose catalog
// or options the engine refuses, fails at once with the reason (no retry); any other error is
// retried by BullMQ (3 attempts). A worker that dies mid-job stops renewing the job's lock: after
// --stall-s another worker's stall check puts the job back in the queue.
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { CatalogFormatError } from '../../domain/catalog/errors';
import type { ElementSet } from '../../domain/catalog/types';
import { loadCatalogText } from '../../domain/catalog/load';
import { ScreeningInputError } from '../../domain/screening/context';
import type { WorkerSummary } from '../../domain/screening/screen';
import { numberOption, parseOptions, UsageError } from '../args';
import {
  defaultThreadCount,
  planThreads,
  SCREEN_MEMORY_MB,
  ScreeningMemoryError,
  ThreadWorker,
} from '../screeningPool';
import {
  catalogKey,
  parseScreeningJob,
  PROTOCOL_VERSION,
  ProtocolError,
  QUEUE_NAME,
  sha256Hex,
  toChunkMessage,
  type CatalogSource,
  type JobResult,
  type ScreeningJob,
} from './protocol';
import { connectRedis, parseRedisUrl, redisLabel } from './redis';

export const WORKER_HELP = `usage: cli worker --queue <redis-url> [--threads <n>] [--stall-s <s>]
  Runs screening jobs of \`cli screen --queue\` from Redis until SIGINT/SIGTERM; start one on
  each machine. Each thread holds the whole catalog (about 256 MB + 3 KB per object).
  --queue    redis://[user:password@]host:port[/db] (--redis: the same)
  --threads  jobs run at once, one screening thread each (default: all cores)
  --stall-s  job lock, s: a worker silent this long is taken as dead, its job retried (default 30)`;

const OPTIONS = ['queue', 'redis', 'threads', 'stall-s'] as const;

interface LoadedCatalog {
  sha256: string;
  elements: ElementSet[];
}

/** The parsed catalogs of the last jobs (a run's jobs share one). */
class CatalogCache {
  private readonly recent: LoadedCatalog[] = [];
  constructor(private readonly redis: Redis) {}

  async get(source: CatalogSource): Promise<LoadedCatalog> {
    const hit = 'sha256' in source && this.recent.find((c) => c.sha256 === source.sha256);
    if (hit) return hit;
    let text: string;
    if ('text' in source) text = source.text;
    else {
      const stored = await this.redis.get(catalogKey(source.sha256));
      if (stored === null) {
        throw new UnrecoverableError(
          `catalog ${source.sha256}: not in Redis (expired, or stored in another Redis)`,
        );
      }
      text = stored;
    }
    const sha256 = sha256Hex(text);
    if ('sha256' in source && sha256 !== source.sha256) {
      throw new UnrecoverableError(`catalog ${source.sha256}: stored text has another hash`);
    }
    const again = this.recent.find((c) => c.sha256 === sha256);
    if (again) return again;
    let elements: ElementSet[];
    try {
      elements = loadCatalogText(text, source.fileName).objects;
    } catch (e) {
      if (e instanceof CatalogFormatError) throw new UnrecoverableError(`catalog ${e.message}`);
      throw e;
    }
    if (elements.length === 0) {
      throw new UnrecoverableError(`catalog ${source.fileName}: no usable element sets`);
    }
    const loaded = { sha256, elements };
    this.recent.unshift(loaded);
    this.recent.length = Math.min(this.recent.length, 2);
    return loaded;
  }
}

/** A screening thread and the context it holds (catalog hash + options). */
interface Slot {
  busy: boolean;
  thread: ThreadWorker | null;
  heapMb: number;
  key: string | null;
  summary: WorkerSummary | null;
}

class ThreadSlots {
  private readonly slots: Slot[];
  constructor(count: number) {
    this.slots = Array.from({ length: count }, () => ({
      busy: false,
      thread: null,
      heapMb: 0,
      key: null,
      summary: null,
    }));
  }

  /** A free slot, preferring one that already holds `key` (BullMQ never runs more jobs). */
  acquire(key: string): Slot {
    const free = this.slots.filter((s) => !s.busy);
    const slot = free.find((s) => s.key === key) ?? free[0];
    slot.busy = true;
    return slot;
  }

  async reset(slot: Slot): Promise<void> {
    await slot.thread?.terminate();
    Object.assign(slot, { thread: null, heapMb: 0, key: null, summary: null });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => this.reset(s)));
  }
}

/** Run one job on a slot's thread: (re)build its context when the job's differs, then chunks. */
async function runJob(
  job: ScreeningJob,
  catalog: LoadedCatalog,
  slot: Slot,
  worker: string,
): Promise<JobResult> {
  const key = `${catalog.sha256}:${JSON.stringify(job.options)}`;
  if (slot.key !== key) {
    const plan = planThreads(catalog.elements.length, 1);
    if (!plan) {
      throw new UnrecoverableError(
        `catalog of ${catalog.elements.length} objects does not fit one screening thread within ${SCREEN_MEMORY_MB} MB`,
      );
    }
    if (!slot.thread || slot.heapMb < plan.heapMbPerThread) {
      await slot.thread?.terminate();
      slot.thread = new ThreadWorker(plan.heapMbPerThread);
      slot.heapMb = plan.heapMbPerThread;
    }
    slot.key = null;
    slot.summary = await slot.thread.init(catalog.elements, job.options);
    slot.key = key;
  }
  const chunks = [];
  for (const c of job.chunks) chunks.push(toChunkMessage(await slot.thread!.runChunk(c)));
  return {
    v: PROTOCOL_VERSION,
    runId: job.runId,
    catalogSha256: catalog.sha256,
    objects: catalog.elements.length,
    summary: slot.summary!,
    chunks,
    worker,
  };
}

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}

export async function runWorker(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    process.stdout.write(`${WORKER_HELP}\n`);
    return;
  }
  const o = parseOptions(argv, OPTIONS);
  if (o.has('queue') && o.has('redis')) throw new UsageError('give --queue or --redis, not both');
  const urlText = o.get('queue') ?? o.get('redis');
  if (!urlText) throw new UsageError(`--queue is required\n${WORKER_HELP}`);
  const url = parseRedisUrl(urlText, o.has('queue') ? 'queue' : 'redis');
  const threads = o.has('threads')
    ? Math.round(numberOption('threads', o.get('threads')!, 0, 256))
    : defaultThreadCount();
  const stallMs = o.has('stall-s')
    ? numberOption('stall-s', o.get('stall-s')!, 0, 3600) * 1000
    : 30_000;

  // A worker rides out Redis restarts: it reconnects for as long as it runs.
  const redis = await connectRedis(url, Infinity);
  const catalogs = new CatalogCache(redis);
  const slots = new ThreadSlots(threads);
  const me = `${hostname()}:${process.pid}`;
  let jobsDone = 0;

  const processor = async (bullJob: Job): Promise<JobResult> => {
    let job: ScreeningJob;
    try {
      job = parseScreeningJob(bullJob.data);
    } catch (e) {
      if (e instanceof ProtocolError) throw new UnrecoverableError(`bad job: ${e.message}`);
      throw e;
    }
    log(`job ${bullJob.id} started: run ${job.runId}, chunks ${job.chunks.join(',')}`);
    const t0 = performance.now();
    const catalog = await catalogs.get(job.catalog);
    const slot = slots.acquire(`${catalog.sha256}:${JSON.stringify(job.options)}`);
    try {
      const result = await runJob(job, catalog, slot, me);
      jobsDone++;
      const events = result.chunks.reduce((n, c) => n + c.stats.events, 0);
      log(
        `job ${bullJob.id} done: ${events} raw events, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      return result;
    } catch (e) {
      // A thread that failed may be dead or hold a half-built context: start afresh.
      await slots.reset(slot);
      if (e instanceof ScreeningInputError) throw new UnrecoverableError(e.message);
      if (e instanceof ScreeningMemoryError) throw new UnrecoverableError(e.message);
      throw e;
    } finally {
      slot.busy = false;
    }
  };

  const worker = new Worker(QUEUE_NAME, processor, {
    connection: redis,
    concurrency: threads,
    lockDuration: stallMs,
    stalledInterval: stallMs,
    // A job whose worker died twice is retried once more, then fails (3 tries in all).
    maxStalledCount: 2,
    name: me,
  });
  let lastError = '';
  worker.on('error', (e) => {
    if (e.message !== lastError) log(`redis: ${e.message}`);
    lastError = e.message;
  });
  worker.on('failed', (j, e) => {
    log(`job ${j?.id ?? '?'} failed (attempt ${j?.attemptsMade ?? '?'}): ${e.message}`);
  });
  worker.on('stalled', (id) => {
    log(`job ${id} stalled (its worker stopped answering): back in the queue`);
  });
  await worker.waitUntilReady();
  log(
    `worker ready: ${redisLabel(url)}, queue ${QUEUE_NAME}, ${threads} threads, stall ${stallMs / 1000} s`,
  );

  const stop = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const signal = await stop;
  log(`${signal}: finishing the jobs in hand`);
  await worker.close();
  await slots.close();
  redis.disconnect();
  const cpu = process.cpuUsage();
  log(`worker stopped: ${jobsDone} jobs, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
}
