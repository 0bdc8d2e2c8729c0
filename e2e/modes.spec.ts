import { existsSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';
import { foreignRequests, recordRequests, waitForCatalog } from './helpers';

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element not laid out');
  return b;
}

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: typeof a,
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function briefingLayout(page: Page, width: number, height: number, shot: string) {
  await page.setViewportSize({ width, height });
  await page.goto('./?mode=briefing&sel=25544');
  const hud = page.getByLabel('Briefing display');
  await expect(hud).toContainText('ISS (ZARYA)');
  await expect(hud).toContainText(/Data as of: Offline snapshot · elements as of 2024-10-31/);
  await expect(page.getByRole('region', { name: 'Selected object' })).toBeVisible();
  // No editing controls on a wall display.
  await expect(page.getByLabel('Load catalog')).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveCount(0);
  // No notifications loaded: no empty panel on the wall.
  await expect(page.getByRole('region', { name: 'Launch notifications panel' })).toHaveCount(0);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `test-results/${shot}` });
  const clockPx = await page
    .locator('.hud-clock')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const panels = [
    await box(page.locator('.hud')),
    await box(page.getByRole('region', { name: 'Selected object' })),
    await box(page.getByRole('region', { name: 'Legend' })),
    await box(page.locator('.topbar')),
  ];
  for (let i = 0; i < panels.length; i++) {
    for (let j = i + 1; j < panels.length; j++)
      expect(overlaps(panels[i], panels[j]), `panels ${i} and ${j}`).toBe(false);
  }
  return clockPx;
}

test('briefing mode reads from the back of the room at 1920×1080 and 3840×2160', async ({
  page,
}) => {
  const hd = await briefingLayout(page, 1920, 1080, 'briefing-1920.png');
  expect(hd).toBeGreaterThanOrEqual(40);
  const uhd = await briefingLayout(page, 3840, 2160, 'briefing-3840.png');
  expect(uhd).toBeGreaterThanOrEqual(2 * hd - 1);
});

test('public mode has no loading controls and ignores a foreign catalog address', async ({
  page,
  baseURL,
}) => {
  const requests = recordRequests(page);
  await page.goto('./?mode=public&catalog=https%3A%2F%2Fexample.org%2Fevil.tle');
  await waitForCatalog(page, 26_000);
  await expect(page.getByRole('alert')).toContainText(
    'Ignored catalog=https://example.org/evil.tle',
  );
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await expect(page.getByLabel('Catalog URL')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Search objects' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Time' })).toBeVisible();
  // Nothing to show, nothing shown: no empty notifications panel for a visitor.
  await expect(page.getByRole('region', { name: 'Launch notifications panel' })).toHaveCount(0);
  // Writing OEMs for other tools is operator work: a selected object offers no OEM export here.
  await page.getByRole('combobox', { name: 'Search objects' }).fill('25544');
  await page.getByRole('combobox', { name: 'Search objects' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Selected object' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export SGP4 as OEM' })).toHaveCount(0);
  expect(foreignRequests(requests, baseURL!)).toEqual([]);
});

test('a deep link opens at its time, selection and camera; back and forward move through selections', async ({
  page,
}) => {
  await page.goto('./?t=2024-11-01T06:00:00Z&sel=25544&cam=-40.0000,20.0000,20000.0,0.0,-90.0');
  const panel = page.getByRole('region', { name: 'Selected object' });
  await expect(panel.locator('[data-field="norad"]')).toHaveText('25544');
  await expect(panel.getByRole('button', { name: 'Export SGP4 as OEM' })).toBeVisible();
  await expect(page.locator('.clock time')).toHaveAttribute('datetime', '2024-11-01T06:00:00.000Z');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  const search = page.getByRole('combobox', { name: 'Search objects' });
  await search.fill('VANGUARD 1');
  await search.press('Enter');
  await expect(panel.locator('[data-field="norad"]')).toHaveText('5');
  await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('5');
  await page.goBack();
  await expect(panel.locator('[data-field="norad"]')).toHaveText('25544');
  await page.goForward();
  await expect(panel.locator('[data-field="norad"]')).toHaveText('5');
});

test('malformed and unknown address parameters are ignored with a notice', async ({ page }) => {
  await page.goto('./?t=noon&sel=ISS&zoom=3');
  await waitForCatalog(page, 26_000);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Ignored t=noon');
  await expect(alert).toContainText('Ignored sel=ISS');
  await expect(alert).toContainText('Ignored unknown parameter "zoom"');
});

test('two windows of the same origin stay in step; the follower shows who leads', async ({
  context,
}) => {
  const operator = await context.newPage();
  await operator.goto('./');
  await waitForCatalog(operator, 26_000);
  const wall = await context.newPage();
  await wall.goto('./?mode=briefing');
  await expect(wall.getByText(/^Following Operator /)).toBeVisible({ timeout: 30_000 });

  await operator.getByRole('button', { name: 'Pause' }).click();
  const search = operator.getByRole('combobox', { name: 'Search objects' });
  await search.fill('ISS (ZARYA)');
  await search.press('Enter');
  await expect(wall.getByLabel('Briefing display')).toContainText('ISS (ZARYA)', {
    timeout: 30_000,
  });
  const slider = operator.getByRole('slider', { name: 'Time' });
  await slider.focus();
  for (let i = 0; i < 5; i++) await slider.press('ArrowRight');
  const operatorTime = await operator.locator('.clock time').getAttribute('datetime');
  await expect(wall.locator('.hud-clock')).toHaveAttribute('datetime', operatorTime!, {
    timeout: 30_000,
  });
});

test('the briefing tour steps through the top events with Page Down and drives the other window', async ({
  context,
}) => {
  const operator = await context.newPage();
  await operator.goto('./');
  await waitForCatalog(operator, 26_000);
  await operator
    .getByLabel('Import CDM or SOCRATES')
    .setInputFiles('e2e/fixtures/socrates-snapshot-pair.csv');
  await expect(
    operator.getByRole('grid', { name: 'Conjunctions' }).locator('tbody tr'),
  ).toHaveCount(2);

  const wall = await context.newPage();
  await wall.goto('./?mode=briefing&tour=miss');
  await expect(wall.getByText(/^Following Operator /)).toBeVisible({ timeout: 30_000 });
  const hud = wall.getByLabel('Briefing display');
  await expect(hud).toContainText('2 stops: Page Down to begin', { timeout: 30_000 });
  // The tour's own parameters are known to the address parser.
  await expect(wall.getByText(/Ignored/)).toHaveCount(0);

  await wall.keyboard.press('PageDown');
  await expect(hud).toContainText(/1 of 2 · .+ × .+ · TCA \d\d:\d\d:\d\d\.\d{3} UTC · miss/);
  const first = (await hud.locator('.hud-focus').textContent())!;
  await wall.keyboard.press('PageDown');
  await expect(hud).toContainText('2 of 2');
  const second = (await hud.locator('.hud-focus').textContent())!;
  expect(second).not.toBe(first);
  // Ranked by miss distance: the first stop's miss is the smaller.
  const miss = (text: string) => {
    const [, value, unit] = /miss ([\d.]+) (m|km)/.exec(text)!;
    return Number(value) * (unit === 'km' ? 1000 : 1);
  };
  expect(miss(first)).toBeLessThanOrEqual(miss(second));
  // The presenter's window took the lead; the operator window shows the same event.
  await expect(operator.getByText(/^Following Wall display /)).toBeVisible({ timeout: 30_000 });
  const [, name1, name2] = /of 2 · (.+?) × (.+?) · TCA/.exec(second)!;
  const encounter = operator.getByRole('region', { name: 'Encounter' });
  await expect(encounter).toContainText(name1, { timeout: 30_000 });
  await expect(encounter).toContainText(name2);

  await wall.keyboard.press('Space');
  await expect(hud).toContainText('2 of 2 · paused');
  await wall.keyboard.press('PageUp');
  await expect(hud).toContainText('1 of 2 · paused');
});
