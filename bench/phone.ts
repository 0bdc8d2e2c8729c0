// `npm run bench:phone`: the public page on a 390×844 phone (touch, device pixel ratio 2) with
// Chromium's CPU throttled 4× (a mid-range phone's main thread), once per render profile: the
// frame time and the app's own main-thread work per frame while the clock plays.
import { sceneFigures } from './browserFigures';
import { launchChromium, withBuiltApp } from './previewServer';

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CPU_SLOWDOWN = 4;

async function measure(baseUrl: string) {
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const render of ['lean', 'full'] as const) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        hasTouch: true,
        isMobile: true,
      });
      const page = await context.newPage();
      await page.goto(`${baseUrl}?mode=public&render=${render}`);
      await page.waitForFunction(
        () =>
          /^\d{2},\d{3} objects$/.test(
            document.querySelector('[aria-label="Catalog status"]')?.textContent ?? '',
          ),
        null,
        { timeout: 300_000 },
      );
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      const figures = await sceneFigures(page, SECONDS);
      const canvas = await page.evaluate(() => {
        const c = document.querySelector('canvas')!;
        return `${c.width}×${c.height}`;
      });
      rows.push({ render, canvas, ...figures });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

const rows = await withBuiltApp(PORT, measure);
console.log(`public page, 390×844 phone, CPU ${CPU_SLOWDOWN}× slower, ${SECONDS} s playing:`);
for (const r of rows) {
  console.log(
    `${r.render.padEnd(4)}  canvas ${r.canvas}  frame median ${r.frameMedianMs.toFixed(1)} ms` +
      `  app work median ${r.own.medianMs.toFixed(2)} ms (p95 ${r.own.p95Ms.toFixed(2)})` +
      `  script ${r.scriptMsPerSecond.toFixed(0)} ms/s  ${r.fps.toFixed(1)} frames/s`,
  );
}
