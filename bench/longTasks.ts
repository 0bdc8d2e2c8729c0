// The page's long main-thread tasks (PerformanceObserver 'longtask'), recorded from the page's
// first script on into window.longTasks, for the browser benchmarks.
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    longTasks?: { startMs: number; durationMs: number }[];
  }
}

/** Record every long task of the pages `page` loads from now on. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.longTasks?.push({ startMs: e.startTime, durationMs: e.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  });
}
