/**
 * npm run bench:soak — does a briefing wall stay flat over time? Builds the app, serves it, and in
 * headless Chromium: an operator window loads the snapshot, two SOCRATES events and three launch
 * notifications and plays the clock at 3,600×; a wall window runs the briefing tour in kiosk mode
 * (`?mode=briefing&tour=pc&kiosk=1&dwell=10`), looping over the events and notifications by itself
 * (the operator window follows it). Every minute: each window's JS heap after a forced garbage
 * collection, and the resident memory of the renderer and GPU processes (from /proc). Reports the
 * growth from minute 5 to the end, and every page error and console error.
 * Options: --minutes <n> (default 30), --port <n> (default 4302), --sample-s <s> (default 60).
 * Target: growth under 10 % after the first five minutes, zero errors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { launchChromium, withBuiltApp } from './previewServer';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const minutes = Number(option('--minutes') ?? 30);
const port = Number(option('--port') ?? 4302);
const sampleMs = Number(option('--sample-s') ?? 60) * 1000;
const WARM_UP_MS = 5 * 60_000;
const TARGET_GROWTH = 0.1;

if (!(minutes > 0)) {
  console.error('bench:soak: --minutes takes a positive number');
  process.exit(2);
}

const fixture = (name: string) => new URL(`../e2e/fixtures/${name}`, import.meta.url).pathname;

interface Sample {
  atMs: number;
  wallHeapMb: number;
  operatorHeapMb: number;
  renderersMb: number;
  gpuMb: number;
  wallDomNodes: number;
}

/** Resident memory (MB) of the browser's child processes of one type, from /proc. */
function rssOfType(browserPid: number | undefined, type: string): number {
  let kb = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes(`--type=${type}`)) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      // Only this browser's processes (children of its zygote or of the browser itself).
      if (browserPid !== undefined && !isDescendant(Number(entry), browserPid, ppid)) continue;
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while read
    }
  }
  return kb / 1024;
}

function isDescendant(pid: number, ancestor: number, ppid: number): boolean {
  for (let p = ppid, hops = 0; p > 1 && hops < 8; hops++) {
    if (p === ancestor) return true;
    try {
      p = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1]);
    } catch {
      return false;
    }
  }
  return pid === ancestor;
}

/** The page's JS heap in use after a full garbage collection, MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

async function domNodes(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'Nodes')?.value ?? NaN;
}

function watchErrors(page: Page, name: string, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(`${name}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: console error: ${m.text()}`);
  });
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const result = await withBuiltApp(port, async (baseUrl) => {
  const browser = await launchChromium();
  // Playwright launches Chromium as a child of this process: its pid bounds the /proc search.
  const browserPid = findBrowserPid();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    const operator = await context.newPage();
    watchErrors(operator, 'operator', errors);
    await operator.goto(baseUrl);
    await operator.waitForFunction(
      () => (window.orbitalWatch?.scene.perf.catalogOnScreenMs.length ?? 0) > 0,
      null,
      { timeout: 180_000 },
    );
    await operator
      .getByLabel('Import CDM or SOCRATES')
      .setInputFiles(fixture('socrates-snapshot-pair.csv'));
    await operator
      .getByRole('grid', { name: 'Conjunctions' })
      .locator('tbody tr')
      .nth(1)
      .waitFor({ timeout: 60_000 });
    await operator.getByLabel('Load notifications').setInputFiles(fixture('notifications.json'));
    await operator
      .getByRole('table', { name: 'Launch notifications' })
      .locator('tbody tr')
      .nth(2)
      .waitFor({ timeout: 60_000 });
    await operator.getByLabel('Playback rate').selectOption('3600');

    const wall = await context.newPage();
    watchErrors(wall, 'wall', errors);
    await wall.goto(`${baseUrl}?mode=briefing&tour=pc&kiosk=1&dwell=10`);
    await wall
      .getByLabel('Briefing display')
      .getByText(/1 of \d+|2 of \d+/)
      .waitFor({ timeout: 120_000 });

    const wallCdp = await context.newCDPSession(wall);
    const operatorCdp = await context.newCDPSession(operator);
    await wallCdp.send('Performance.enable');
    const samples: Sample[] = [];
    const startMs = Date.now();
    const take = async () => {
      const s: Sample = {
        atMs: Date.now() - startMs,
        wallHeapMb: await heapMb(wallCdp),
        operatorHeapMb: await heapMb(operatorCdp),
        renderersMb: rssOfType(browserPid, 'renderer'),
        gpuMb: rssOfType(browserPid, 'gpu-process'),
        wallDomNodes: await domNodes(wallCdp),
      };
      samples.push(s);
      const hud = (await wall.getByLabel('Briefing display').textContent())?.slice(0, 60);
      console.log(
        `${fmt(s.atMs / 60_000, 1).padStart(5)} min  wall heap ${fmt(s.wallHeapMb, 1)} MB` +
          `  operator heap ${fmt(s.operatorHeapMb, 1)} MB  renderers ${fmt(s.renderersMb)} MB` +
          `  GPU process ${fmt(s.gpuMb)} MB  wall DOM nodes ${fmt(s.wallDomNodes)}` +
          `  errors ${errors.length}  | ${hud}`,
      );
    };
    await take();
    // On the minute from the start, however long a sample itself took.
    for (let k = 1; k * sampleMs <= minutes * 60_000; k++) {
      await wall.waitForTimeout(Math.max(0, startMs + k * sampleMs - Date.now()));
      await take();
    }
    return { samples, errors };
  } finally {
    await browser.close();
  }
});

function findBrowserPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === process.pid && !cmdline.includes('--type=') && cmdline.includes('chrom')) {
        return Number(entry);
      }
    } catch {
      // gone
    }
  }
  return undefined;
}

const { samples, errors } = result;
const last = samples[samples.length - 1];
// The first sample at or after five minutes (the first sample in a shorter run).
const base = samples.find((s) => s.atMs >= WARM_UP_MS - 5_000) ?? samples[0];
const growth = (key: keyof Sample) => (last[key] - base[key]) / base[key];
console.log(
  `\nfrom ${fmt(base.atMs / 60_000, 1)} to ${fmt(last.atMs / 60_000, 1)} min: ` +
    `wall heap ${fmt(100 * growth('wallHeapMb'), 1)} %, operator heap ${fmt(100 * growth('operatorHeapMb'), 1)} %, ` +
    `renderers ${fmt(100 * growth('renderersMb'), 1)} %, GPU process ${fmt(100 * growth('gpuMb'), 1)} %`,
);
console.log(`errors: ${errors.length}`);
for (const e of errors.slice(0, 20)) console.log(`  ${e.slice(0, 300)}`);
const worst = Math.max(growth('wallHeapMb'), growth('operatorHeapMb'), growth('renderersMb'));
console.log(
  `target (under ${TARGET_GROWTH * 100} % growth after the first five minutes, zero errors): ` +
    (worst < TARGET_GROWTH && errors.length === 0 ? 'met' : 'NOT met'),
);
