// The submitting side of `cli screen --queue`: the catalog goes to Redis once (by content
// hash), each of the engine's time chunks becomes a BullMQ job of this run, and the results
// are merged exactly as the local thread pool merges them (mergeWorkerResults: same chunking,
// same deduplication of events at chunk boundaries), so the output is the local run's.
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ElementSet } from '../../domain/catalog/types';
import { prepareScreening } from '../../domain/screening/context';
import { mergeWorkerResults, type ScreeningProgress } from '../../domain/screening/screen';
import type { ChunkResult, ScreeningResult } from '../../domain/screening/types';
import { UsageError } from '../args';
import {
  catalogKey,
  JOB_NAME,
  parseJobResult,
  PROTOCOL_VERSION,
  ProtocolError,
  QUEUE_NAME,
  sha256Hex,
  type JobOptions,
  type ScreeningJob,
} from './protocol';
import { connectRedis, redisLabel } from './redis';

/** How long a stored catalog outlives its last run (workers read it while jobs wait). */
const CATALOG_TTL_S = 24 * 3600;
/** A lost Redis connection is retried this long before the run fails. */
const RECONNECT_MS = 10_000;
/** A job that fails (other than by a bad message) is tried this many times in all. */
const ATTEMPTS = 3;

export interface QueuedRun {
  result: ScreeningResult;
  jobs: number;
  /** Distinct worker processes that answered. */
  workers: number;
}

/**
 * A connection to the screening queue. connect() fails fast when Redis is unreachable, so
 * `cli screen --queue` checks it before reading the catalog. Every failure is a UsageError
 * with one line: Redis unreachable or lost, a job failed (its reason), a result that breaks
 * the protocol.
 */
export class ScreeningQueue {
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  /** Rejects when the connection to Redis is lost for good. */
  private readonly lost: Promise<never>;

  private constructor(
    private readonly redis: Redis,
    label: string,
  ) {
    this.queue = new Queue(QUEUE_NAME, { connection: redis });
    this.events = new QueueEvents(QUEUE_NAME, { connection: redis });
    // Errors surface as failed commands or the end of the connection; keep them quiet here.
    this.queue.on('error', () => {});
    this.events.on('error', () => {});
    this.lost = new Promise<never>((_, reject) => {
      redis.once('end', () => reject(new UsageError(`lost the connection to Redis at ${label}`)));
    });
    this.lost.catch(() => {});
  }

  static async connect(url: URL): Promise<ScreeningQueue> {
    return new ScreeningQueue(await connectRedis(url, RECONNECT_MS), redisLabel(url));
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    this.redis.disconnect();
  }

  /** Screen `elements` (read from catalog.text, named fileName) on the queue's workers. */
  async screen(
    catalog: { text: string; fileName: string },
    elements: ElementSet[],
    options: JobOptions,
    onProgress?: (p: ScreeningProgress) => void,
  ): Promise<QueuedRun> {
    // The coordinator's context: validates the options; SGP4 only for the events' objects.
    const ctx = prepareScreening(elements, options, { deferSgp4: true });
    const chunkCount = ctx.opts.chunkCount;
    const runId = randomUUID();
    const jobIds: string[] = [];
    const { redis, queue, events, lost } = this;
    try {
      const sha256 = sha256Hex(catalog.text);
      const key = catalogKey(sha256);
      const stored = await redis.set(key, catalog.text, 'EX', CATALOG_TTL_S, 'NX');
      if (stored === null) await redis.expire(key, CATALOG_TTL_S);
      await events.waitUntilReady();
      const jobs = Array.from({ length: chunkCount }, (_, c): ScreeningJob => ({
        v: PROTOCOL_VERSION,
        runId,
        catalog: { sha256, fileName: catalog.fileName },
        options,
        chunks: [c],
      }));
      const added = await Promise.race([
        queue.addBulk(
          jobs.map((data) => ({
            name: JOB_NAME,
            data,
            opts: {
              // BullMQ job ids may not contain ':'; the run id keeps runs apart.
              jobId: `${runId}-${data.chunks[0]}`,
              attempts: ATTEMPTS,
              backoff: { type: 'fixed', delay: 1000 },
              removeOnComplete: { age: 3600 },
              removeOnFail: { age: 24 * 3600 },
            },
          })),
        ),
        lost,
      ]);
      jobIds.push(...added.map((j) => j.id!));
      // Each job's wait listens on both (the defaults warn past 10).
      events.setMaxListeners(2 * added.length + 10);
      queue.setMaxListeners(added.length + 10);
      let done = 0;
      const answers = await Promise.race([
        Promise.all(
          added.map(async (job: Job, k) => {
            let value: unknown;
            try {
              value = await job.waitUntilFinished(events);
            } catch (e) {
              throw new UsageError(
                `screening job ${job.id} (chunk ${jobs[k].chunks.join(',')}) failed: ${(e as Error).message}`,
              );
            }
            onProgress?.({ chunksDone: ++done, chunkCount });
            return parseJobResult(value, jobs[k]);
          }),
        ),
        lost,
      ]);
      const first = answers[0];
      for (const a of answers) {
        if (a.objects !== ctx.n) {
          throw new ProtocolError(
            `worker ${a.worker} read ${a.objects} objects, this run ${ctx.n}`,
          );
        }
        if (JSON.stringify(a.summary) !== JSON.stringify(first.summary)) {
          throw new ProtocolError(
            `workers ${first.worker} and ${a.worker} disagree on the catalog`,
          );
        }
      }
      const results: ChunkResult[] = answers.flatMap((a) => a.decoded);
      return {
        result: mergeWorkerResults(ctx, first.summary, results),
        jobs: answers.length,
        workers: new Set(answers.map((a) => a.worker)).size,
      };
    } catch (e) {
      if (e instanceof ProtocolError) throw new UsageError(`queue result: ${e.message}`);
      throw e;
    } finally {
      // This run's jobs leave the queue: waiting ones are not run, finished ones not kept.
      await Promise.allSettled(jobIds.map((id) => queue.remove(id)));
    }
  }
}
