// First and repeat visit of the built page on an emulated slow network (issue 12's figures):
// bytes the page transferred and the time until the globe is drawn with every object.
// `npx tsx bench/firstVisit.ts` (port 4306, or BENCH_PORT).
import type { Page } from '@playwright/test';
import { launchChromium, withBuiltApp } from './previewServer';

/** Chromium's network emulation: 9 Mbit/s down, 1.5 Mbit/s up, 60 ms latency. */
const THROTTLE = {
  offline: false,
  latency: 60,
  downloadThroughput: (9e6 / 8) | 0,
  uploadThroughput: (1.5e6 / 8) | 0,
};

interface Visit {
  /** Sum of the encoded (as sent over the wire) sizes of the page's responses. */
  transferredKiB: number;
  /** From navigation until every object is loaded and the globe's tiles are drawn. */
  globeWithObjectsMs: number;
  fromServiceWorker: number;
  requests: number;
  /** Where the time went, ms from navigation: the page's DOMContentLoaded and the catalog's marks. */
  milestonesMs: Record<string, number>;
}

async function visit(page: Page, url: string): Promise<Visit> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  let bytes = 0;
  let requests = 0;
  let fromServiceWorker = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromServiceWorker) fromServiceWorker++;
  });
  const started = Date.now();
  await page.goto(url);
  await page
    .getByRole('status', { name: 'Catalog status' })
    .filter({ hasText: /^\d{2},\d{3} objects$/ })
    .waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    () => window.orbitalWatch?.scene.widget.scene.globe.tilesLoaded,
    null,
    {
      timeout: 60_000,
    },
  );
  const globeWithObjectsMs = Date.now() - started;
  const milestonesMs = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const out: Record<string, number> = { 'page: DOMContentLoaded': nav.domContentLoadedEventEnd };
    for (const m of performance.getEntriesByType('mark')) {
      if (m.name.startsWith('catalog:')) out[m.name] = m.startTime;
    }
    out['globe: tiles loaded (polled)'] = performance.now();
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
  });
  await cdp.detach();
  return {
    transferredKiB: Math.round(bytes / 1024),
    globeWithObjectsMs,
    fromServiceWorker,
    requests,
    milestonesMs,
  };
}

const port = Number(process.env.BENCH_PORT ?? 4306);
const figures = await withBuiltApp(port, async (baseUrl) => {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const first = await visit(await context.newPage(), baseUrl);
    const page = context.pages()[0];
    // The repeat visit is measured once the service worker controls and has cached the snapshot.
    await page.waitForFunction(
      async () =>
        navigator.serviceWorker.controller !== null &&
        (await (await caches.open('snapshot')).keys()).length > 0,
      null,
      { timeout: 120_000, polling: 500 },
    );
    await page.close();
    const repeat = await visit(await context.newPage(), baseUrl);
    return { first, repeat };
  } finally {
    await browser.close();
  }
});
console.log(JSON.stringify({ network: THROTTLE, ...figures }, null, 2));
