import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { activeTle, onOrbitSnapshotCsv } from '../src/testing/sharedData';
import { canvasStats, objectCount } from './helpers';

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

test.use({ serviceWorkers: 'allow' });

const catalogStatus = (page: import('@playwright/test').Page) =>
  page.getByRole('status', { name: 'Catalog status' });

test('after one visit the page opens with the network off: globe and catalog', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The service worker and its registration run under the page's strict policy, unchanged.
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  await page.goto('./');
  await expect(catalogStatus(page)).toHaveText(/^\d{2},\d{3} objects$/, { timeout: 120_000 });
  const online = await objectCount(page);

  // The service worker takes this first page (clientsClaim), then caches what the page loaded
  // before it did: the snapshot among them.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 60_000,
    })
    .toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const cache = await caches.open('snapshot');
          return (await cache.keys()).map((r) => new URL(r.url).pathname);
        }),
      { timeout: 60_000 },
    )
    // The snapshot as the build packed it (see vite.config.ts).
    .toEqual([expect.stringMatching(/\/snapshot\/.+\.csv\.owcat$/)]);

  expect(await violations()).toEqual([]);

  await context.setOffline(true);
  // The network is really gone: what no cache holds cannot be had.
  const uncached = () =>
    page.evaluate(() =>
      fetch('./relay/celestrak/none').then(
        () => 'reached',
        () => 'unreachable',
      ),
    );
  expect(await uncached()).toBe('unreachable');
  await page.reload();
  await expect(catalogStatus(page)).toHaveText(/^\d{2},\d{3} objects$/, { timeout: 120_000 });
  expect(await objectCount(page)).toBe(online);
  await expect(page.locator('.globe canvas')).toBeVisible();
  await page.waitForTimeout(3000);
  expect((await canvasStats(page)).litFraction).toBeGreaterThan(0.1);
  await page.screenshot({ path: '/tmp/offline-reload.png' });
  // The install icons come from the cache too.
  expect(await iconSizes(page)).toEqual(INSTALL_ICONS);
  expect(pageErrors).toEqual([]);
  expect(await violations()).toEqual([]);
  expect(refusals).toEqual([]);
});

/** The manifest's icons and the apple-touch-icon as an install reads them: src → "w×h". */
const INSTALL_ICONS = {
  'pwa-64x64.png': '64x64',
  'pwa-192x192.png': '192x192',
  'pwa-512x512.png': '512x512',
  'maskable-icon-512x512.png': '512x512',
  'apple-touch-icon-180x180.png': '180x180',
};

/** Each icon the manifest names and the page links, fetched and measured from its PNG header. */
function iconSizes(page: import('@playwright/test').Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const manifestHref = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!.href;
    const manifest = (await (await fetch(manifestHref)).json()) as { icons: { src: string }[] };
    const apple = document.querySelector<HTMLLinkElement>('link[rel=apple-touch-icon]')!;
    const srcs = [...manifest.icons.map((i) => i.src), apple.getAttribute('href')!];
    const sizes: Record<string, string> = {};
    for (const src of srcs) {
      const response = await fetch(new URL(src, manifestHref));
      const header = new DataView(await response.arrayBuffer());
      // A PNG's IHDR: width and height at bytes 16 and 20, after the 8-byte signature.
      const png =
        response.headers.get('content-type') === 'image/png' && header.getUint32(0) === 0x89504e47;
      sizes[src.replace(/^\.\//, '')] = png
        ? `${header.getUint32(16)}x${header.getUint32(20)}`
        : 'not a PNG';
    }
    return sizes;
  });
}

test('installable: the manifest and the page name PNG icons of the sizes they state', async ({
  page,
}) => {
  await page.goto('./');
  expect(await iconSizes(page)).toEqual(INSTALL_ICONS);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!.href;
    return (await (await fetch(href)).json()) as { icons: { sizes: string; purpose?: string }[] };
  });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual([
    '64x64 any',
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
});

test('a CelesTrak group fetched online opens offline from the browser, with its age', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  // CelesTrak stands in as the first 20 element sets of its active group.
  const twenty = readFileSync(activeTle, 'utf8').split('\n').slice(0, 60).join('\n');
  const celestrak = '**/NORAD/elements/gp.php?GROUP=stations*';
  await context.route(celestrak, (route) =>
    route.fulfill({ contentType: 'text/plain', body: twenty }),
  );
  await page.goto('./?catalog=celestrak:stations');
  await expect(catalogStatus(page)).toHaveText('20 objects', { timeout: 120_000 });
  await expect(page.getByTestId('data-as-of')).toContainText(/^CelesTrak stations · fetched /);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 60_000,
    })
    .toBe(true);
  // Three hours on: past CelesTrak's two-hour rule, so the page tries CelesTrak first.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('orbital-watch', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result
            .transaction('celestrak-gp', 'readwrite')
            .objectStore('celestrak-gp');
          const get = store.get('stations');
          get.onsuccess = () => {
            const put = store.put({ ...get.result, fetchedAtMs: Date.now() - 3 * 3_600_000 });
            put.onsuccess = () => resolve();
            put.onerror = () => reject(put.error);
          };
        };
      }),
  );

  // A route would still answer offline: CelesTrak is now unreachable for real.
  await context.unroute(celestrak);
  await context.setOffline(true);
  await page.reload();
  await expect(catalogStatus(page)).toHaveText('20 objects', { timeout: 120_000 });
  await expect(page.getByTestId('data-as-of')).toContainText(
    /^CelesTrak stations · cached copy, CelesTrak unreachable · fetched \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(3(\.0)? h ago\)/,
  );
  await page.waitForTimeout(3000);
  expect((await canvasStats(page)).litFraction).toBeGreaterThan(0.1);
  await page.screenshot({ path: '/tmp/offline-celestrak.png' });
});
