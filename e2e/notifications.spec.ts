import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';
import { crimsonPixels, recordRequests, rowIds, table, waitForCatalog } from './helpers';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

test('a notification file loads, its window is one click away, and its corridor is drawn', async ({
  page,
}) => {
  await page.goto('./');
  await waitForCatalog(page, 26_000);
  await page.getByRole('button', { name: 'Pause' }).click();

  await page.getByLabel('Load notifications').setInputFiles({
    name: 'notifications.json',
    mimeType: 'application/json',
    buffer: fixture('notifications.json'),
  });
  // Sorted by window start.
  await expect.poll(() => rowIds(page)).toEqual(['RU-2024-197', 'US-2024-191', 'RU-BMT-2024-11']);
  const us = table(page).locator('tr[data-id="US-2024-191"]');
  await expect(us).toContainText('Cape Canaveral SFS');
  await expect(us).toContainText('12:00–14:00');
  await expect(us).toContainText('45–60°');
  // Implied inclination over 45–60° from 28.56° N: 40.5°–51.6°.
  await expect(us).toContainText('40.5–51.6°');
  // The catalog's objects of launch 2024-191 are listed and selectable.
  await expect(us).toContainText(/STARLINK-\d+/);
  await expect(us).toContainText(/\+\d+ more/);

  // Fly to it an hour before its window: the site shows a countdown, the corridor is hidden.
  await page.evaluate(() => window.orbitalWatch!.seek(Date.parse('2024-10-31T11:00:00Z')));
  await page.getByRole('button', { name: 'Show US-2024-191 on the globe' }).click();
  await page.evaluate(() => window.orbitalWatch!.seek(Date.parse('2024-10-31T11:00:00Z')));
  await expect(us).toContainText('T−1 h 0 min');
  await page.waitForTimeout(4000);
  const before = await crimsonPixels(page);

  // One click on its band on the scrubber: the clock is at the window start.
  await page.getByRole('button', { name: 'Scrub to US-2024-191 window' }).click();
  await expect(page.locator('.clock time')).toHaveAttribute('datetime', '2024-10-31T12:00:00.000Z');
  await expect(us).toContainText('window open');
  await expect.poll(() => crimsonPixels(page), { timeout: 30_000 }).toBeGreaterThan(before + 500);
  await page.screenshot({ path: 'test-results/notification-corridor.png' });

  // A correlated object selects from the panel; the azimuth helper judges it against the site.
  await us
    .getByRole('button', { name: /STARLINK-/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Selected object' })).toContainText('STARLINK-');
  const helper = page.getByRole('group', { name: 'Azimuth from site' });
  await helper.getByLabel('Launch site').selectOption('cape-canaveral');
  // i = 43.0°, φ = 28.56°: sin Az = cos 43° / cos 28.56° → 56.4° and 123.6°.
  await expect(helper.locator('output')).toContainText(/56\.\d° northbound, 123\.\d° southbound/);
  await expect(helper.locator('output')).toContainText('fits US-2024-191');

  // A malformed file: an alert names it, and what was loaded stays.
  await page.getByLabel('Load notifications').setInputFiles({
    name: 'broken-notifications.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"notifications": [{"id": "X",'),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'Launch notifications' });
  await expect(alert).toContainText('broken-notifications.json');
  await expect(alert).toContainText('not valid JSON');
  expect(await rowIds(page)).toEqual(['RU-2024-197', 'US-2024-191', 'RU-BMT-2024-11']);

  // A file with bad notifications: each is named with its fields; the valid one still loads.
  await page.getByLabel('Load notifications').setInputFiles({
    name: 'notifications-invalid.json',
    mimeType: 'application/json',
    buffer: fixture('notifications-invalid.json'),
  });
  await expect(alert).toContainText('notifications-invalid.json: 1 loaded, 2 rejected');
  await expect(alert).toContainText('notification 1 (id BAD-WINDOW): window: inverted');
  await expect(alert).toContainText('hazardAreas[0].polygon: does not close');
  await expect(alert).toContainText(
    'notification 2 (id BAD-SITE): site.siteId: unknown launch site',
  );
  await expect
    .poll(() => rowIds(page))
    .toEqual(['RU-2024-197', 'US-2024-191', 'FR-2024-12', 'RU-BMT-2024-11']);

  // Kept in the browser across a reload.
  await page.reload();
  await expect
    .poll(() => rowIds(page), { timeout: 60_000 })
    .toEqual(['RU-2024-197', 'US-2024-191', 'FR-2024-12', 'RU-BMT-2024-11']);
});

test('?notifications= loads from this origin only; the public view cannot edit', async ({
  page,
  baseURL,
}) => {
  const requests = recordRequests(page);
  await page.route('**/briefing/notifications.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: fixture('notifications.json') }),
  );
  await page.goto('./?catalog=none&notifications=briefing/notifications.json');
  await expect.poll(() => rowIds(page), { timeout: 60_000 }).toHaveLength(3);
  expect(requests).toContain(new URL('briefing/notifications.json', baseURL).href);
  await expect(page.getByLabel('Load notifications')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'New notification' })).toHaveCount(1);

  // Entered by hand: the same checks as files, by field.
  await page.getByRole('button', { name: 'New notification' }).click();
  const form = page.getByRole('form', { name: 'New notification' });
  await form.getByLabel('ID', { exact: true }).fill('JP-2024-H3');
  await form.getByLabel('Party', { exact: true }).fill('Japan');
  await form.getByLabel('Site', { exact: true }).selectOption('tanegashima');
  await form.getByLabel('Window start (UTC)', { exact: true }).fill('2024-11-01T03:00Z');
  await form.getByLabel('Window end (UTC)', { exact: true }).fill('2024-11-01T01:00Z');
  await form.getByLabel('Azimuth °', { exact: true }).fill('100');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByRole('alert')).toContainText('window: inverted');
  await form.getByLabel('Window end (UTC)', { exact: true }).fill('2024-11-01T05:00Z');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form).toHaveCount(0);
  await expect.poll(() => rowIds(page)).toHaveLength(4);
  await expect(table(page).locator('tr[data-id="JP-2024-H3"]')).toContainText('Tanegashima');

  await page.goto('./?catalog=none&notifications=https://example.org/n.json');
  await expect(page.getByRole('alert').filter({ hasText: 'Launch notifications' })).toContainText(
    "Ignored notifications=https://example.org/n.json: https://example.org is not this site's origin",
  );
  expect(requests.filter((u) => u.startsWith('https://example.org'))).toEqual([]);
  // Stored from the first visit: still listed.
  await expect.poll(() => rowIds(page)).toHaveLength(4);

  await page.goto('./?mode=public&catalog=none');
  await expect.poll(() => rowIds(page), { timeout: 60_000 }).toHaveLength(4);
  await expect(page.getByLabel('Load notifications')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New notification' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export JSON', exact: true })).toBeEnabled();

  // A wall display lists them at wall scale, without the operator's tools, clear of the HUD.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?mode=briefing&sel=25544');
  await expect.poll(() => rowIds(page), { timeout: 60_000 }).toHaveLength(4);
  const fontPx = await table(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(18);
  await expect(page.getByRole('button', { name: 'Export JSON', exact: true })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Azimuth from site' })).toHaveCount(0);
  await expect(page.getByLabel('Briefing display')).toContainText('ISS (ZARYA)', {
    timeout: 60_000,
  });
  const panel = await page
    .getByRole('region', { name: 'Launch notifications panel' })
    .boundingBox();
  const hud = await page.getByLabel('Briefing display').boundingBox();
  const info = await page.getByRole('region', { name: 'Selected object' }).boundingBox();
  expect(panel!.y + panel!.height).toBeLessThanOrEqual(hud!.y);
  expect(panel!.x + panel!.width).toBeLessThanOrEqual(info!.x);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: 'test-results/briefing-notifications.png' });
});
