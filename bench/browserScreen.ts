// The in-browser half of `npm run bench:screen`: the built app's Screening panel runs the full
// catalog in the browser's worker pool, as a person would start it.
import { execFileSync } from 'node:child_process';
import { recordLongTasks } from './longTasks';
import { launchChromium } from './previewServer';

export interface BrowserScreening {
  hours: number;
  /** Start to event list shown. */
  wallS: number;
  /** Start to the workers' merged result. */
  screenS: number;
  events: number;
  /** Peak resident memory of the page's renderer process (the page and its workers), MB. */
  rendererPeakMb: number;
  /** The renderer's resident memory just before the run (catalog on screen, idle), MB. */
  rendererBeforeMb: number;
  /** Peak resident memory of every Chromium process together, MB. */
  chromiumPeakMb: number;
  /** The page's longest main-thread task (wall) during the run, and after the workers' result, ms. */
  longestTaskMs: number;
  longestTaskAfterScreeningMs: number;
}

/** Resident memory (MB) of Chromium's renderer processes and of all its processes. */
function chromiumRssMb(): { renderer: number; all: number } {
  const lines = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' }).split('\n');
  let renderer = 0;
  let all = 0;
  for (const line of lines) {
    if (!/\/chromium\b/.test(line)) continue;
    const kb = Number(line.trim().split(/\s+/, 1)[0]);
    all += kb;
    if (line.includes('--type=renderer')) renderer += kb;
  }
  return { renderer: renderer / 1024, all: all / 1024 };
}

export async function browserScreening(
  baseUrl: string,
  startIso: string,
  hoursList: number[],
): Promise<BrowserScreening[]> {
  const browser = await launchChromium();
  const out: BrowserScreening[] = [];
  try {
    for (const hours of hoursList) {
      // A fresh page per run, so one run's memory does not carry into the next.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await recordLongTasks(page);
      await page.goto(baseUrl);
      await page
        .getByRole('status', { name: 'Catalog status' })
        .filter({ hasText: /\d+ objects/ })
        .waitFor({ timeout: 120_000 });
      // Paused, the scene renders only on change: SwiftShader would otherwise draw frames on the
      // same two cores the workers need (a hardware GPU takes that load off the CPU).
      await page.getByRole('button', { name: 'Pause' }).click();
      const panel = page.getByRole('region', { name: 'Screening' });
      await panel.getByRole('button', { name: /Screen for close approaches/ }).click();
      await panel.getByLabel('Start (UTC)').fill(startIso);
      await panel.getByLabel('Hours').fill(String(hours));
      await panel.getByLabel('Threshold (km)').fill('5');
      const rendererBeforeMb = chromiumRssMb().renderer;
      let rendererPeakMb = 0;
      let chromiumPeakMb = 0;
      const sampler = setInterval(() => {
        const rss = chromiumRssMb();
        rendererPeakMb = Math.max(rendererPeakMb, rss.renderer);
        chromiumPeakMb = Math.max(chromiumPeakMb, rss.all);
      }, 250);
      try {
        // Long tasks from the click on: the workers' phase, then the event list being built.
        const clickedAtMs = await page.evaluate(() => performance.now());
        await panel.getByRole('button', { name: 'Run screening' }).click();
        const summary = panel.getByTestId('screening-summary');
        await summary.waitFor({ timeout: 1_800_000 });
        const text = (await summary.textContent()) ?? '';
        const [, events, wallS, screenS] =
          /^([\d,]+) events .* ([\d.]+) s \(([\d.]+) s screening\)$/.exec(text) ?? [];
        if (!events) throw new Error(`unexpected screening summary "${text}"`);
        // Long-task entries reach the observer after their task; the alert list may still be
        // finishing its slices.
        await page.waitForTimeout(3_000);
        const tasks = await page.evaluate(() => window.longTasks ?? []);
        const screenedAtMs = clickedAtMs + Number(screenS) * 1000;
        const longest = (after: number) =>
          Math.max(0, ...tasks.filter((t) => t.startMs >= after).map((t) => t.durationMs));
        out.push({
          longestTaskMs: longest(clickedAtMs),
          longestTaskAfterScreeningMs: longest(screenedAtMs),
          hours,
          wallS: Number(wallS),
          screenS: Number(screenS),
          events: Number(events.replace(/,/g, '')),
          rendererPeakMb,
          rendererBeforeMb,
          chromiumPeakMb,
        });
      } finally {
        clearInterval(sampler);
        await page.close();
      }
    }
    return out;
  } finally {
    await browser.close();
  }
}
