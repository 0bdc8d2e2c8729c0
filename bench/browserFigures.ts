// The in-browser half of `npm run bench`: drives the built app in headless Chromium.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import type { LoadFile } from './loadFiles';
import { recordLongTasks } from './longTasks';
import { launchChromium } from './previewServer';

interface SceneFigures {
  scriptMsPerFrame: number;
  scriptMsPerSecond: number;
  frameMedianMs: number;
  /** The app's own per-frame work (before Cesium's update), over the sampled frames. */
  own: ReturnType<typeof distribution>;
  fps: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

function distribution(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: values.length,
    medianMs: median(values),
    p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
    maxMs: sorted[sorted.length - 1],
  };
}

/**
 * Wait until the globe's imagery tiles are loaded and a moment has passed: tile decoding is script
 * time too, and would otherwise be charged to whichever scene loads its tiles while measured.
 */
async function settle(page: Page) {
  await page.waitForFunction(
    () => window.orbitalWatch!.scene.widget.scene.globe.tilesLoaded,
    null,
    {
      timeout: 60_000,
    },
  );
  await page.waitForTimeout(2000);
}

/**
 * Frame costs over `seconds`. `everyFrame`: a frame is requested at every animation frame, as a
 * scene with moving objects does (an empty globe is otherwise only redrawn when it changes).
 */
export async function sceneFigures(
  page: Page,
  seconds: number,
  everyFrame = false,
): Promise<SceneFigures> {
  await settle(page);
  if (everyFrame) {
    // A string: tsx would wrap a named function in a helper the page does not have.
    await page.evaluate(`(() => {
      const scene = window.orbitalWatch.scene.widget.scene;
      const tick = () => {
        scene.requestRender();
        if (window.orbitalWatch) requestAnimationFrame(tick);
      };
      tick();
    })()`);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name: string) =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) *
    1000;
  const frames = () => page.evaluate(() => window.orbitalWatch!.scene.perf.frameCount);
  const [script0, frames0] = [await metric('ScriptDuration'), await frames()];
  await page.waitForTimeout(seconds * 1000);
  const [script1, frames1] = [await metric('ScriptDuration'), await frames()];
  const sampled = Math.max(1, frames1 - frames0);
  const [recent, own] = await page.evaluate((n) => {
    const perf = window.orbitalWatch!.scene.perf;
    return [perf.recentFrameMs().slice(-n), perf.recentOwnMs().slice(-n)];
  }, sampled);
  return {
    scriptMsPerFrame: (script1 - script0) / sampled,
    scriptMsPerSecond: (script1 - script0) / seconds,
    frameMedianMs: median(recent),
    own: distribution(own),
    fps: (frames1 - frames0) / seconds,
  };
}

/** Paused seeks to random times within ±7 days, each until its frame is drawn. */
async function seekFigures(page: Page, seeks: number) {
  await page.getByRole('button', { name: 'Pause' }).click();
  const [drawn, data] = await page.evaluate(async (n) => {
    const ow = window.orbitalWatch!;
    ow.scene.perf.reset();
    const span = 7 * 86_400_000;
    for (let i = 0; i < n; i++) {
      ow.seek(ow.startMs() + (Math.random() * 2 - 1) * span);
      const before = ow.scene.perf.seekLatenciesMs.length;
      const t0 = performance.now();
      while (ow.scene.perf.seekLatenciesMs.length === before && performance.now() - t0 < 10_000) {
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return [[...ow.scene.perf.seekLatenciesMs], [...ow.scene.perf.seekDataLatenciesMs]];
  }, seeks);
  return { seekDrawn: distribution(drawn), seekData: distribution(data) };
}

/** Catalog numbers of every `step`-th row of an OMM CSV file. */
function catalogNumbersOf(path: string, step: number): number[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split(/\r?\n/);
  const column = header.split(',').indexOf('NORAD_CAT_ID');
  return rows.filter((_, i) => i % step === 0).map((row) => Number(row.split(',')[column]));
}

/**
 * Picking (paused): for each object drawn inside the canvas (not behind the Earth), a pick at
 * its window position; how long the pick took, whether it named that object, and when it named a
 * neighbour drawn over it, how far from the object that neighbour is drawn (px).
 */
async function pickFigures(page: Page, ids: number[]) {
  const result = await page.evaluate((list) => {
    const ow = window.orbitalWatch!;
    const times: number[] = [];
    let exact = 0;
    let some = 0;
    let neighbourPx = 0;
    for (const id of list) {
      const at = ow.scene.windowPositionOf(id);
      if (!at) continue;
      const t0 = performance.now();
      const got = ow.scene.objectAt(at.x, at.y);
      times.push(performance.now() - t0);
      if (got === id) exact++;
      if (got === null) continue;
      some++;
      const other = got === id ? null : ow.scene.windowPositionOf(got);
      if (other) neighbourPx = Math.max(neighbourPx, Math.hypot(other.x - at.x, other.y - at.y));
    }
    return { times, exact, some, neighbourPx };
  }, ids);
  return {
    ...distribution(result.times),
    exact: result.exact,
    some: result.some,
    neighbourPx: result.neighbourPx,
    tried: ids.length,
  };
}

/**
 * Resident memory of this browser's renderer processes (the page, its workers) and the page's
 * JS heap after a garbage collection, MB. Read from this browser's own process list: other
 * sessions' browsers run on the same machine.
 */
async function memoryFigures(browser: Browser, page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const browserCdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  let rendererKb = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      rendererKb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
  }
  await browserCdp.detach();
  await cdp.detach();
  return { heapMb: usedSize / 1024 / 1024, rendererMb: rendererKb / 1024 };
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await recordLongTasks(page);
  await page.goto(url);
  await page.waitForFunction(() => (window.orbitalWatch?.scene.perf.frameCount ?? 0) > 5, null, {
    timeout: 60_000,
  });
  return page;
}

/** Open a file through the catalog's file input; 'drawn' when its first frame is drawn, else the message. */
async function openFile(page: Page, path: string, timeoutMs: number): Promise<string> {
  const before = await page.evaluate(
    () => window.orbitalWatch!.scene.perf.catalogOnScreenMs.length,
  );
  await page.locator('input[type=file]').first().setInputFiles(path);
  const outcome = await page.waitForFunction(
    (n) => {
      const ow = window.orbitalWatch!;
      if (ow.scene.perf.catalogOnScreenMs.length > n) return 'drawn';
      return ow.catalogError();
    },
    before,
    { timeout: timeoutMs, polling: 50 },
  );
  return (await outcome.jsonValue()) as string;
}

/** A large catalog opened on an empty, settled globe: the same figures as the snapshot's, and picking. */
export async function largeCatalogFigures(baseUrl: string, file: LoadFile, seconds: number) {
  const browser = await launchChromium();
  try {
    const page = await openPage(browser, `${baseUrl}?catalog=none`);
    // On a settled globe, as a reader opens a file: not while the page's own start (Cesium's
    // first frames and imagery) still holds the two cores.
    await settle(page);
    const outcome = await openFile(page, file.path, 600_000);
    if (outcome !== 'drawn') return { outcome };
    const [onScreenMs, ingestMs, size] = await page.evaluate(() => [
      window.orbitalWatch!.scene.perf.catalogOnScreenMs[0],
      window.orbitalWatch!.ingestMs(),
      window.orbitalWatch!.catalogSize(),
    ]);
    const scene = await sceneFigures(page, seconds);
    const seeks = await seekFigures(page, 10);
    const pick = await pickFigures(
      page,
      catalogNumbersOf(file.path, Math.ceil(file.objects / 150)),
    );
    const memory = await memoryFigures(browser, page);
    return { outcome, size, onScreenMs, ingestMs, scene, ...seeks, pick, memory };
  } finally {
    await browser.close();
  }
}

/** The page with its snapshot on screen. */
async function openSnapshotPage(browser: Browser, baseUrl: string): Promise<Page> {
  const page = await openPage(browser, baseUrl);
  await page.waitForFunction(
    () => window.orbitalWatch!.scene.perf.catalogOnScreenMs.length > 0,
    null,
    { timeout: 120_000 },
  );
  return page;
}

/**
 * A large catalog opened over the snapshot with the clock playing (the globe redraws every frame
 * for the objects already on it): arrival → first frame with the new catalog.
 */
export async function largeOverSnapshotFigures(baseUrl: string, file: LoadFile) {
  const browser = await launchChromium();
  try {
    const page = await openSnapshotPage(browser, baseUrl);
    await settle(page);
    const outcome = await openFile(page, file.path, 600_000);
    if (outcome !== 'drawn') return { outcome };
    const [onScreenMs, ingestMs] = await page.evaluate(() => [
      window.orbitalWatch!.scene.perf.catalogOnScreenMs.at(-1)!,
      window.orbitalWatch!.ingestMs(),
    ]);
    return { outcome, onScreenMs, ingestMs };
  } finally {
    await browser.close();
  }
}

/**
 * A catalog over the object limit opened over the snapshot: what the page says, whether the
 * snapshot stays on screen, and whether the page kept drawing meanwhile (frames, long tasks).
 */
export async function oversizedCatalogFigures(baseUrl: string, file: LoadFile) {
  const browser = await launchChromium();
  try {
    const page = await openSnapshotPage(browser, baseUrl);
    const state = () =>
      page.evaluate(() => ({
        atMs: performance.now(),
        frames: window.orbitalWatch!.scene.perf.frameCount,
        size: window.orbitalWatch!.catalogSize(),
        tasks: window.longTasks ?? [],
      }));
    const before = await state();
    const outcome = await openFile(page, file.path, 600_000);
    const after = await state();
    const seconds = (after.atMs - before.atMs) / 1000;
    const during = after.tasks.filter((t) => t.startMs >= before.atMs);
    return {
      outcome,
      sizeBefore: before.size,
      sizeAfter: after.size,
      seconds,
      framesPerSecond: (after.frames - before.frames) / seconds,
      longestTaskMs: Math.max(0, ...during.map((t) => t.durationMs)),
    };
  } finally {
    await browser.close();
  }
}

export async function browserFigures(baseUrl: string, seconds: number, snapshotPath: string) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}?catalog=none`);
    await page.waitForFunction(() => (window.orbitalWatch?.scene.perf.frameCount ?? 0) > 5, null, {
      timeout: 60_000,
    });
    // An idle empty globe draws only when something changes; its cost per frame is measured with
    // a frame requested at every animation frame.
    const emptyIdle = await sceneFigures(page, seconds);
    const empty = await sceneFigures(page, seconds, true);

    await page.goto(baseUrl);
    await page.waitForFunction(
      () => window.orbitalWatch!.scene.perf.catalogOnScreenMs.length > 0,
      null,
      { timeout: 120_000 },
    );
    const [onScreenMs, ingestMs] = await page.evaluate(() => [
      window.orbitalWatch!.scene.perf.catalogOnScreenMs[0],
      window.orbitalWatch!.ingestMs(),
    ]);
    const full = await sceneFigures(page, seconds);

    const { seekDrawn, seekData } = await seekFigures(page, 20);
    const pick = await pickFigures(page, catalogNumbersOf(snapshotPath, 180));
    const memory = await memoryFigures(browser, page);
    return { onScreenMs, ingestMs, emptyIdle, empty, full, seekDrawn, seekData, pick, memory };
  } finally {
    await browser.close();
  }
}
