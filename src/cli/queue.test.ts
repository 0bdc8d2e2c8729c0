// The screening queue end to end: its own redis-server, worker processes (`cli worker`), the
// submitter (`cli screen --queue`), compared with the local engine on a real catalog subset.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogText } from '../domain/catalog/load';
import { onOrbitSnapshotCsv, skipWithoutSharedData } from '../testing/sharedData';
import { parseJobResult, PROTOCOL_VERSION, QUEUE_NAME, type ScreeningJob } from './queue/protocol';
import { toJson } from './screen';
import { screenWithThreads } from './screeningPool';

const REDIS_SERVER = '/usr/bin/redis-server';
const skip = !existsSync(REDIS_SERVER)
  ? `${REDIS_SERVER} is absent (Debian package redis-server; .ci/run installs it)`
  : skipWithoutSharedData;
if (skip) console.warn(`queue.test.ts skipped: ${skip}`);

const root = resolve(__dirname, '../..');

/** A child process whose stderr is kept, with a wait for a line matching a pattern. */
class Proc {
  readonly child: ChildProcess;
  out = '';
  err = '';
  readonly exited: Promise<number | null>;
  constructor(cmd: string, args: string[]) {
    this.child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => (this.out += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.err += d.toString()));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
  }

  async waitFor(pattern: RegExp, what: string, timeoutMs = 40_000): Promise<RegExpMatchArray> {
    const t0 = Date.now();
    for (;;) {
      const m = this.err.match(pattern) ?? this.out.match(pattern);
      if (m) return m;
      if (this.child.exitCode !== null || Date.now() - t0 > timeoutMs) {
        throw new Error(`no ${what} (${pattern}); stderr:\n${this.err}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const cli = (...args: string[]) =>
  new Proc(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args]);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

// 200 Starlink, 200 Fengyun-1C debris and the TerraSAR-X / TanDEM-X formation (always within a
// few hundred metres: its minima in every chunk fold into one event across chunk boundaries).
function subsetCsv(): string {
  const [head, ...rows] = readFileSync(onOrbitSnapshotCsv, 'utf8').split('\n');
  const pick = (p: RegExp, n: number) => rows.filter((r) => p.test(r)).slice(0, n);
  return [
    head,
    ...pick(/^STARLINK/, 200),
    ...pick(/^FENGYUN 1C DEB/, 200),
    ...pick(/^(TERRASAR-X|TANDEM-X),/, 2),
    '',
  ].join('\n');
}

const START = '2024-11-01T00:00:00Z';
const HOURS = 6;
const THRESHOLD_KM = 20;

describe.skipIf(skip)('screening on the queue (BullMQ, two worker processes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-test-'));
  const file = join(dir, 'subset.csv');
  let redis: Proc;
  let url = '';
  let reference: Record<string, unknown>;
  const workers: Proc[] = [];
  const screenArgs = () => [
    'screen',
    '--catalog',
    file,
    '--start',
    START,
    '--hours',
    String(HOURS),
    '--threshold-km',
    String(THRESHOLD_KM),
    '--queue',
    url,
  ];
  const worker = () => {
    const w = cli('worker', '--queue', url, '--threads', '1', '--stall-s', '2');
    workers.push(w);
    return w;
  };
  const withoutTiming = (json: string) => {
    const j = JSON.parse(json) as Record<string, unknown>;
    delete j.timing;
    return j;
  };
  let unreachable: Promise<Proc[]>;

  beforeAll(async () => {
    writeFileSync(file, subsetCsv());
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = new Proc(REDIS_SERVER, [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    await redis.waitFor(/Ready to accept connections/, 'redis-server start', 10_000);
    worker();
    worker();
    // Nothing listens on a closed port: both commands must give up at once.
    const closed = `redis://127.0.0.1:${await freePort()}`;
    unreachable = (async () => {
      const runs = [
        cli('screen', '--catalog', file, '--queue', closed),
        cli('worker', '--queue', closed),
      ];
      await Promise.all(runs.map((p) => p.exited));
      return runs;
    })();
    // The local run: the engine of `cli screen` on its worker threads.
    const elements = loadCatalogText(readFileSync(file, 'utf8'), file).objects;
    const local = await screenWithThreads(
      elements,
      {
        startMs: Date.parse(START),
        durationHours: HOURS,
        thresholdKm: THRESHOLD_KM,
        primaries: [],
      },
      1,
    );
    reference = withoutTiming(toJson(local, {}));
    // Generous limits: on a loaded 2-core host each Node start alone can take seconds.
  }, 120_000);

  afterAll(async () => {
    for (const p of [...workers, redis]) if (p?.child.exitCode === null) p.child.kill('SIGKILL');
  });

  it('prints what the local run prints, events folded across chunk boundaries', async () => {
    await Promise.all(workers.map((w) => w.waitFor(/worker ready/, 'worker ready')));
    const run = cli(...screenArgs());
    expect(await run.exited, run.err).toBe(0);
    const queued = JSON.parse(run.out);
    expect(queued.timing).toMatchObject({ jobs: 3, workers: expect.any(Number) });
    expect(withoutTiming(run.out)).toEqual(reference);
    const events = reference.events as { name1: string; name2: string }[];
    expect(events.length).toBeGreaterThan(10);
    // The formation pair: minima in every chunk, one event.
    const formation = events.filter((e) => e.name1 === 'TERRASAR-X' && e.name2 === 'TANDEM-X');
    expect(formation).toHaveLength(1);
    // The workers' raw minima (before the submitter's merge) outnumber the events.
    const raw = workers
      .flatMap((w) => [...w.err.matchAll(/done: (\d+) raw events/g)])
      .reduce((n, m) => n + Number(m[1]), 0);
    expect(raw).toBeGreaterThan(events.length);
    expect(run.err).toMatch(/3\/3 chunks \(100%\)/);
  }, 90_000);

  it('retries the job of a worker killed mid-job; the result is complete', async () => {
    // One warm worker stays; the other stops cleanly; a fresh one is killed in its first job.
    const [stopping, survivor] = workers;
    stopping.child.kill('SIGTERM');
    const victim = worker();
    expect(await stopping.exited).toBe(0);
    expect(stopping.err).toMatch(/SIGTERM: finishing the jobs in hand\n.*worker stopped: \d+ jobs/);
    await victim.waitFor(/worker ready/, 'worker ready');
    const run = cli(...screenArgs());
    const [, jobId] = await victim.waitFor(/job (\S+) started/, 'job started on the victim');
    victim.child.kill('SIGKILL');
    expect(await run.exited, run.err).toBe(0);
    expect(withoutTiming(run.out)).toEqual(reference);
    // The survivor's stall check put the dead worker's job back; the survivor ran it.
    expect(survivor.err).toContain(`job ${jobId} stalled`);
    expect(survivor.err).toMatch(new RegExp(`job ${jobId} done`));
  }, 90_000);

  it('fails a bad job with its reason; the submitter exits 2 with one line', async () => {
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    try {
      const job: ScreeningJob = {
        v: PROTOCOL_VERSION,
        runId: 'inline-test',
        catalog: { text: readFileSync(file, 'utf8'), fileName: 'subset.csv' },
        options: { startMs: Date.parse(START), durationHours: HOURS, thresholdKm: THRESHOLD_KM },
        chunks: [2, 0],
      };
      // A job with the catalog inline is answered like the submitter's.
      const good = await queue.add('inline', job, { jobId: 'inline-test-1' });
      const answer = parseJobResult(await good.waitUntilFinished(events), job);
      expect(answer.objects).toBe(402);
      expect(answer.decoded.map((c) => c.chunk)).toEqual([2, 0]);
      // A job past the window: failed at once (no retry), the reason names the field.
      const bad = await queue.add('bad', { ...job, chunks: [7] }, { attempts: 3 });
      await expect(bad.waitUntilFinished(events)).rejects.toThrow(
        /bad job: chunks: 7 is past the window's 3 chunks/,
      );
      const failed = await queue.getJob(bad.id!);
      expect(failed?.attemptsMade).toBe(1);

      // With only a worker that fails every job, the submitter reports the failure.
      const survivor = workers[1];
      survivor.child.kill('SIGTERM');
      expect(await survivor.exited).toBe(0);
      const rogueConnection = new Redis(url, { maxRetriesPerRequest: null });
      const rogue = new Worker(
        QUEUE_NAME,
        async () => {
          throw new UnrecoverableError('test: this worker refuses every job');
        },
        { connection: rogueConnection },
      );
      try {
        const run = cli(...screenArgs());
        expect(await run.exited).toBe(2);
        expect(run.out).toBe('');
        const lastLine = run.err.trim().split('\n').at(-1)!;
        expect(lastLine).toMatch(
          /^error: screening job \S+ \(chunk \d\) failed: test: this worker refuses every job$/,
        );
      } finally {
        await rogue.close();
        rogueConnection.disconnect();
      }
    } finally {
      await events.close();
      await queue.close();
      connection.disconnect();
    }
  }, 90_000);

  it('exits 2 with one line, no stack trace, when Redis is unreachable', async () => {
    for (const p of await unreachable) {
      expect(p.child.exitCode, p.err).toBe(2);
      expect(p.err.trim().split('\n')).toHaveLength(1);
      expect(p.err).toMatch(
        /^error: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/,
      );
    }
  });
});
