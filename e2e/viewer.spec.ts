import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';
import {
  canvasStats,
  foreignRequests,
  ISS_TLE,
  objectCount,
  panelField,
  recordRequests,
  waitForCatalog,
  withChecksum,
  withWrongChecksum,
} from './helpers';

const SNAPSHOT_OBJECTS = 26_834;

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

test('the full snapshot loads, draws, and nothing leaves the local server', async ({
  page,
  baseURL,
}) => {
  const requests = recordRequests(page);
  await page.goto('./');
  const count = await waitForCatalog(page, 1);
  // Every record is either loaded or reported: the status says how many were rejected.
  const rejectedButton = page.getByRole('button', { name: /rejected/ });
  const rejected = (await rejectedButton.count())
    ? Number(
        /^([\d,]+) rejected/.exec((await rejectedButton.textContent()) ?? '')![1].replace(/,/g, ''),
      )
    : 0;
  const duplicates = (await rejectedButton.count())
    ? Number(
        /([\d,]+) duplicates/
          .exec((await rejectedButton.textContent()) ?? '')![1]
          .replace(/,/g, ''),
      )
    : 0;
  expect(count).toBe(SNAPSHOT_OBJECTS - rejected - duplicates);
  expect(rejected).toBeLessThan(50);
  // Two-year-old elements: the clock starts at their epoch and says so.
  const startNote = page
    .getByRole('note')
    .filter({ hasText: /Clock set to the catalog's median epoch \(2024-10-31/ });
  await expect(startNote).toBeVisible();

  await page.waitForTimeout(4000);
  const stats = await canvasStats(page);
  expect(stats.litFraction).toBeGreaterThan(0.15);
  expect(stats.colours).toBeGreaterThan(50);
  await page.screenshot({ path: 'test-results/globe-full-catalog.png' });

  expect(foreignRequests(requests, baseURL!)).toEqual([]);
  // The note can be dismissed; the status line keeps the epoch.
  await startNote.getByRole('button', { name: 'Dismiss note' }).click();
  await expect(startNote).toHaveCount(0);
  await expect(page.getByText(/elements as of 2024-10-31 10:36 UTC \(median epoch/)).toBeVisible();
});

test('search selects the ISS, the scrubber moves it, and the page address keeps the view', async ({
  page,
}) => {
  await page.goto('./');
  await waitForCatalog(page, SNAPSHOT_OBJECTS - 50);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  const search = page.getByRole('combobox', { name: 'Search objects' });
  await search.fill('ISS (ZARYA)');
  await search.press('Enter');
  const panel = page.getByRole('region', { name: 'Selected object' });
  await expect(panel).toContainText('ISS (ZARYA)');
  await expect(panel.locator('[data-field="norad"]')).toHaveText('25544');
  await expect(panel.locator('[data-field="lat"]')).toHaveText(/^-?\d+\.\d{3}°$/);
  const altitude = Number((await panelField(page, 'alt')).replace(/[^\d.]/g, ''));
  expect(altitude).toBeGreaterThan(380);
  expect(altitude).toBeLessThan(440);

  const before = `${await panelField(page, 'lat')} ${await panelField(page, 'lon')}`;
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.focus();
  for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
  await expect
    .poll(async () => `${await panelField(page, 'lat')} ${await panelField(page, 'lon')}`)
    .not.toBe(before);
  await expect(panel.locator('[data-field="lat"]')).toHaveText(/^-?\d+\.\d{3}°$/);

  await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('25544');
  const t = new URL(page.url()).searchParams.get('t');
  expect(t).toMatch(/^2024-10-31T\d\d:\d\d:\d\dZ$/);

  // The copied link reopens the same view: same object, same time, paused.
  await page.goto(page.url());
  await expect(
    page.getByRole('region', { name: 'Selected object' }).locator('[data-field="norad"]'),
  ).toHaveText('25544');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.locator('.clock time')).toHaveAttribute('datetime', `${t!.slice(0, 19)}.000Z`);
});

test('a malformed file is reported and the catalog on screen stays', async ({ page }) => {
  await page.goto('./');
  const count = await waitForCatalog(page, SNAPSHOT_OBJECTS - 50);
  await page.getByLabel('Load catalog').setInputFiles({
    name: 'broken.tle',
    mimeType: 'text/plain',
    buffer: Buffer.from([ISS_TLE[0], withWrongChecksum(ISS_TLE[1]), ISS_TLE[2]].join('\n')),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.tle');
  await expect(alert).toContainText(/checksum/i);
  await expect(alert).toContainText(/line \d/);
  expect(await objectCount(page)).toBe(count);

  await page.getByLabel('Load catalog').setInputFiles({
    name: 'error-page.json',
    mimeType: 'text/html',
    buffer: Buffer.from('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>'),
  });
  await expect(page.getByRole('alert')).toContainText(/error-page\.json.*HTML/i);
  expect(await objectCount(page)).toBe(count);

  // A truncated file given while the snapshot reloads: the loads run in turn, so the reload does
  // not wipe the truncated file's message when it finishes.
  const drawnLoads = () =>
    page.evaluate(() => window.orbitalWatch!.scene.perf.catalogOnScreenMs.length);
  const before = await drawnLoads();
  await page.getByRole('button', { name: 'Offline snapshot' }).click();
  await page.getByLabel('Load catalog').setInputFiles({
    name: 'truncated.tle',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${ISS_TLE[1].slice(0, 28)}\n${ISS_TLE[2].slice(0, 20)}`),
  });
  await expect.poll(drawnLoads, { timeout: 60_000 }).toBe(before + 1);
  await expect(page.getByRole('alert')).toContainText(
    /truncated\.tle: no usable records.*truncated/,
  );
  expect(await objectCount(page)).toBe(count);
});

test('a valid file replaces the catalog and reports what it rejected', async ({ page }) => {
  await page.goto('./');
  await waitForCatalog(page, SNAPSHOT_OBJECTS - 50);
  const other = withChecksum(ISS_TLE[1].replace('25544U', '25545U'));
  const text = [...ISS_TLE, 'BROKEN', other, ISS_TLE[2].slice(0, 40)].join('\n');
  await page
    .getByLabel('Load catalog')
    .setInputFiles({ name: 'mixed.tle', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByRole('status', { name: 'Catalog status' })).toHaveText(/^1 object\b/);
  await page.getByRole('button', { name: /1 rejected/ }).click();
  await expect(page.getByRole('region', { name: 'Rejected records' })).toContainText(
    /Record 2, line [4-6]\b/,
  );
});

test('hovering a point names it and clicking selects it (GPU picking)', async ({ page }) => {
  await page.goto('./');
  await waitForCatalog(page, SNAPSHOT_OBJECTS - 50);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(1500);
  // An object drawn where no panel covers the globe.
  const target = await page.evaluate(() => {
    const scene = window.orbitalWatch!.scene;
    for (const id of [
      25544, 20580, 43013, 5, 11, 12, 16, 20, 22, 29, 45, 46, 47, 50, 53, 58, 59, 60, 62, 63,
    ]) {
      const p = scene.windowPositionOf(id);
      // Not under a panel: the pointer must reach the globe's canvas there.
      if (p && document.elementFromPoint(p.x, p.y)?.tagName === 'CANVAS') return { id, ...p };
    }
    return null;
  });
  expect(target, 'one of the sample objects is drawn in view').not.toBeNull();
  await page.mouse.move(target!.x, target!.y);
  const hover = page.locator('.hover-label');
  await expect(hover).toBeVisible();
  const hovered = (await hover.textContent()) ?? '';
  await page.mouse.click(target!.x, target!.y);
  const panel = page.getByRole('region', { name: 'Selected object' });
  await expect(panel).toBeVisible();
  const picked = Number(await panel.locator('[data-field="norad"]').textContent());
  expect(hovered).toContain(String(picked));
  // Whatever was picked is drawn under the pointer (points are dense; the nearest one wins).
  const at = await page.evaluate((id) => window.orbitalWatch!.scene.windowPositionOf(id), picked);
  expect(Math.hypot(at!.x - target!.x, at!.y - target!.y)).toBeLessThan(8);
});
