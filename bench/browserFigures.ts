// The in-browser half of `npm run bench`: drives the built app in headless Chromium.
import type { Page } from '@playwright/test';
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

export async function sceneFigures(page: Page, seconds: number): Promise<SceneFigures> {
  await settle(page);
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

export async function browserFigures(baseUrl: string, seconds: number) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}?catalog=none`);
    await page.waitForFunction(() => (window.orbitalWatch?.scene.perf.frameCount ?? 0) > 5, null, {
      timeout: 60_000,
    });
    const empty = await sceneFigures(page, seconds);

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

    // Seeks: paused, jump to random times within ±7 days, wait for the frame that shows them.
    await page.getByRole('button', { name: 'Pause' }).click();
    const [seeks, seekData] = await page.evaluate(async () => {
      const ow = window.orbitalWatch!;
      ow.scene.perf.reset();
      const span = 7 * 86_400_000;
      for (let i = 0; i < 20; i++) {
        ow.seek(ow.startMs() + (Math.random() * 2 - 1) * span);
        const before = ow.scene.perf.seekLatenciesMs.length;
        const t0 = performance.now();
        while (ow.scene.perf.seekLatenciesMs.length === before && performance.now() - t0 < 5000) {
          await new Promise((r) => setTimeout(r, 5));
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      return [[...ow.scene.perf.seekLatenciesMs], [...ow.scene.perf.seekDataLatenciesMs]];
    });
    return {
      onScreenMs,
      ingestMs,
      empty,
      full,
      seekDrawn: distribution(seeks),
      seekData: distribution(seekData),
    };
  } finally {
    await browser.close();
  }
}
