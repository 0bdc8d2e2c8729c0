// Screening on the queue against the local thread pool: `npm run bench:queue`.
// The 2024-11-01 CelesTrak snapshot (26,834 objects), start 2024-11-01T00:00Z, 5 km, all vs all:
// local (screenWithThreads, --workers threads) vs queued (this process submits, --workers
// `cli worker --threads 1` processes run the jobs), twice: workers cold (each parses the catalog
// and starts SGP4), then warm (contexts kept). Prints wall and CPU times (submitter, workers,
// redis-server) and whether the event sets are identical. Options: --hours H (default 24),
// --workers N (default 2), --redis <url> (default: a redis-server of its own on a free port).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { ScreeningQueue } from '../src/cli/queue/submit';
import { parseRedisUrl } from '../src/cli/queue/redis';
import { screenWithThreads } from '../src/cli/screeningPool';
import { loadCatalogText } from '../src/domain/catalog/load';
import type { ScreeningResult } from '../src/domain/screening/types';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
};
const hours = Number(arg('hours') ?? 24);
const workerCount = Number(arg('workers') ?? 2);
const options = {
  startMs: Date.parse('2024-11-01T00:00:00Z'),
  durationHours: hours,
  primaries: [],
};

/** A child process with its output kept; `up` resolves once the output matches `ready`. */
function start(cmd: string, argv: string[], ready: RegExp) {
  const child: ChildProcess = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  const up = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      err += d.toString();
      if (ready.test(err)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${cmd} exited (${code}): ${err}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, up, exited, err: () => err };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const same = (a: ScreeningResult, b: ScreeningResult) => JSON.stringify(a) === JSON.stringify(b);

const text = readFileSync(onOrbitSnapshotCsv, 'utf8');
const elements = loadCatalogText(text).objects;
console.log(
  `catalog: ${elements.length} objects; ${hours} h, 5 km, all vs all; ${workerCount} threads locally, ${workerCount} queue workers`,
);

let cpu0 = process.cpuUsage();
let t = performance.now();
const local = await screenWithThreads(elements, options, workerCount);
console.log(
  `\nlocal (${workerCount} worker threads): wall ${((performance.now() - t) / 1000).toFixed(1)} s, ` +
    `CPU ${cpuS(process.cpuUsage(cpu0)).toFixed(1)} s, ${local.events.length} events`,
);

// The queue: a redis-server of our own unless --redis is given.
let redisServer: ReturnType<typeof start> | null = null;
let urlText = arg('redis');
if (!urlText) {
  const port = await freePort();
  redisServer = start(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    /Ready to accept connections/,
  );
  await redisServer.up;
  urlText = `redis://127.0.0.1:${port}`;
}
const url = parseRedisUrl(urlText, 'redis');
const info = new Redis(url.href);
const redisCpuS = async () => {
  const s = await info.info('cpu');
  const v = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(s)?.[1]);
  return v('used_cpu_user') + v('used_cpu_sys');
};
const workers = Array.from({ length: workerCount }, () =>
  start(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--queue', url.href, '--threads', '1'],
    /worker ready/,
  ),
);
await Promise.all(workers.map((w) => w.up));
const queue = await ScreeningQueue.connect(url);
for (const label of ['cold workers', 'warm workers']) {
  const redis0 = await redisCpuS();
  cpu0 = process.cpuUsage();
  t = performance.now();
  const run = await queue.screen({ text, fileName: 'on-orbit-20241101.csv' }, elements, options);
  const wall = (performance.now() - t) / 1000;
  console.log(
    `queued, ${label}: wall ${wall.toFixed(1)} s, submitter CPU ${cpuS(process.cpuUsage(cpu0)).toFixed(1)} s, ` +
      `redis-server CPU ${((await redisCpuS()) - redis0).toFixed(1)} s; ${run.jobs} jobs on ${run.workers} workers, ` +
      `${run.result.events.length} events; identical to local: ${same(run.result, local) ? 'yes' : 'NO'}`,
  );
}
await queue.close();
for (const w of workers) w.child.kill('SIGTERM');
await Promise.all(workers.map((w) => w.exited));
const workerCpu = workers.map((w) => Number(/CPU ([\d.]+) s/.exec(w.err())?.[1] ?? NaN));
console.log(
  `queue workers' CPU (both runs, incl. start-up): ${workerCpu.map((c) => `${c.toFixed(1)} s`).join(', ')}`,
);
info.disconnect();
redisServer?.child.kill('SIGTERM');
