import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { caraConjunctions, onOrbitSnapshotCsv, sharedDataPath } from '../src/testing/sharedData';
import { waitForCatalog } from './helpers';

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

// Two real close approaches in the 2024-11-01 snapshot (found by `cli screen` from 10:36 for 1 h),
// written as a SOCRATES CSV without MAX_PROB: the app computes a maximum Pc from SGP4 states.
const PAIRS_CSV = fileURLToPath(new URL('./fixtures/socrates-snapshot-pair.csv', import.meta.url));
const ISS_KEY = '25544-43100@2024-10-31T10:59:32.427Z';
const ISS_TCA_MS = Date.parse('2024-10-31T10:59:32.427Z');

const caraCdm = (name: string) =>
  sharedDataPath('cara-pc-test-data', 'raw', 'PcTestCaseCDMs', `${name}.cdm`);
const HST = '000020580_conj_000002017_20230613_001923_20230608_063715';
const SECOND = '000025994_conj_000026132_20220224_100307_20220221_225515';

const clockIso = (page: Page) => page.locator('.clock time').getAttribute('datetime');

/** Pixels drawn (alpha > 0) and distinct coarse colours over the encounter panel's charts. */
async function chartStats(page: Page): Promise<{ drawn: number; colours: number; charts: number }> {
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.encounter canvas')];
    let drawn = 0;
    const colours = new Set<number>();
    for (const c of canvases) {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        drawn++;
        colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      }
    }
    return { drawn, colours: colours.size, charts: canvases.length };
  });
}

test('events of catalog objects: select a row, the clock stands before TCA, both objects are labelled', async ({
  page,
}) => {
  await page.goto('./');
  await waitForCatalog(page, 26_000);
  await page.getByLabel('Import CDM or SOCRATES').setInputFiles(PAIRS_CSV);
  const grid = page.getByRole('grid', { name: 'Conjunctions' });
  await expect(grid.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByText('2 of 2 events')).toBeVisible();
  // Both objects are in the catalog: a maximum Pc from their SGP4 states.
  await expect(grid.locator('tbody tr').first().locator('td.pc')).toHaveText(/^\d\.\d\de-\d+ max$/);

  // Keyboard: focus the table, move to the first row, Enter selects it.
  await grid.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(grid.locator('tbody tr').first()).toHaveAttribute('aria-selected', 'true');

  // The clock stops 2 minutes before TCA, paused.
  await expect.poll(() => clockIso(page)).toBe('2024-10-31T10:57:32.427Z');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Encounter' });
  await expect(panel.locator('[data-field="object1"]')).toHaveText('ISS (ZARYA) (25544)');
  await expect(panel.locator('[data-field="object2"]')).toHaveText('SUPERVIEW-1 04 (43100)');
  await expect(panel.locator('[data-field="pc"]')).toContainText('max');
  await expect(panel.locator('[data-field="method"]')).toContainText('MAXIMUM');
  // Our SGP4 agrees with the screening run that produced the CSV.
  await expect(panel.locator('[data-field="comparison"]')).toHaveText(
    /^ΔTCA -?0\.0\d\d s, Δmiss -?\d m/,
  );
  await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(ISS_KEY);

  // The fine scrub moves the clock within TCA ± 10 min.
  const scrub = panel.getByRole('slider', { name: 'Encounter time' });
  await scrub.focus();
  await scrub.press('End');
  await expect.poll(() => clockIso(page)).toBe(new Date(ISS_TCA_MS + 600_000).toISOString());
  await panel.getByRole('button', { name: 'Go to TCA' }).click();
  await expect.poll(() => clockIso(page)).toBe('2024-10-31T10:59:32.427Z');

  // Sorting by miss (descending on the second click) puts HST's 18.7 km event first.
  await grid.getByRole('button', { name: /^Miss/ }).click();
  await grid.getByRole('button', { name: /^Miss/ }).click();
  await expect(grid.locator('th[aria-sort="descending"]')).toHaveText(/Miss/);
  await expect(grid.locator('tbody tr').first()).toContainText('HST');
  // Filter by object.
  await page.getByLabel('Filter by object').fill('43100');
  await expect(page.getByText('1 of 2 events')).toBeVisible();

  await page.waitForTimeout(2500);
  await page.screenshot({ path: 'test-results/encounter-globe.png' });

  // A link to the event opens it on a fresh page, with nothing imported: the event is
  // recomputed from the catalog and the clock stands two minutes before the same TCA.
  await page.goto(`./?event=${encodeURIComponent(ISS_KEY)}`);
  await waitForCatalog(page, 26_000);
  const encounter = page.getByRole('region', { name: 'Encounter' });
  await expect(encounter).toContainText('ISS (ZARYA)');
  await expect(encounter).toContainText('SUPERVIEW-1 04');
  await expect.poll(() => clockIso(page)).toBe('2024-10-31T10:57:32.427Z');
  await expect(grid.locator('tbody tr')).toHaveCount(1);
  // Importing the same event later replaces the recomputed row rather than doubling it.
  await page.getByLabel('Import CDM or SOCRATES').setInputFiles(PAIRS_CSV);
  await expect(grid.locator('tbody tr')).toHaveCount(2);
  await expect(encounter).toContainText('SUPERVIEW-1 04');

  // A link to a pair that never comes close is named, not invented.
  await page.goto(`./?event=${encodeURIComponent('20580-25544@2024-10-31T10:59:32.427Z')}`);
  await waitForCatalog(page, 26_000);
  await expect(page.getByText(/Event link 20580-25544@.*no closer than 100 km/)).toBeVisible();
  await expect(encounter).toHaveCount(0);
});

test('screen a small set in the browser, select a row: the clock stands before TCA and both objects are named', async ({
  page,
}) => {
  await page.goto('./');
  await waitForCatalog(page, 26_000);
  const screening = page.getByRole('region', { name: 'Screening' });
  await screening.getByRole('button', { name: /Screen for close approaches/ }).click();
  await screening.getByLabel('Start (UTC)').fill('2024-10-31T10:36:00Z');
  await screening.getByLabel('Hours').fill('1');
  await screening.getByLabel('Threshold (km)').fill('20');
  await screening.getByLabel('Primaries').fill('25544, 20580');
  await screening.getByRole('button', { name: 'Run screening' }).click();
  const grid = page.getByRole('grid', { name: 'Conjunctions' });
  const row = grid.locator('tbody tr', { hasText: 'SUPERVIEW-1 04' });
  await expect(row).toHaveCount(1, { timeout: 90_000 });
  await expect(row.locator('[data-field="source"]')).toHaveText('screening');
  const tcaText = (await row.locator('td.tca').textContent())!;
  const tcaMs = Date.parse(`${tcaText.replace(' ', 'T')}Z`);
  expect(Math.abs(tcaMs - ISS_TCA_MS)).toBeLessThan(50);
  await row.click();
  await expect.poll(() => clockIso(page)).toBe(new Date(tcaMs - 120_000).toISOString());
  const panel = page.getByRole('region', { name: 'Encounter' });
  await expect(panel.locator('[data-field="object1"]')).toHaveText('ISS (ZARYA) (25544)');
  await expect(panel.locator('[data-field="object2"]')).toHaveText('SUPERVIEW-1 04 (43100)');
  await expect(panel.locator('[data-field="pc"]')).toContainText('max');
  await page.waitForTimeout(2000);
  await page.screenshot({ path: 'test-results/encounter-screening.png' });
});

test('imported CCSDS CDMs show their probability; the encounter panel draws; bad messages are named', async ({
  page,
}) => {
  test.skip(!existsSync(caraCdm(HST)), 'CARA test CDMs are absent');
  const csv = caraConjunctions();
  await page.goto('./');
  await waitForCatalog(page, 26_000);
  await page.getByLabel('Import CDM or SOCRATES').setInputFiles([caraCdm(HST), caraCdm(SECOND)]);
  const grid = page.getByRole('grid', { name: 'Conjunctions' });
  await expect(grid.locator('tbody tr')).toHaveCount(2);
  for (const name of [HST, SECOND]) {
    const want = Number(csv.get(name)!.Pc2D_NoAdj).toExponential(2);
    const row = grid.locator('tbody tr', { hasText: csv.get(name)!.PrimaryName });
    await expect(row.locator('td.pc')).toHaveText(want);
  }
  await grid.locator('tbody tr', { hasText: 'HST' }).click();
  const panel = page.getByRole('region', { name: 'Encounter' });
  await expect(panel.locator('[data-field="tca"]')).toHaveText('2023-06-13 00:19:23.766 UTC');
  await expect(panel.locator('[data-field="hbr"]')).toContainText('10 m');
  await expect(panel.locator('[data-field="method"]')).toContainText('FOSTER');
  await expect(panel.locator('[data-field="ric"]')).toHaveText('-108.2 m, 12,297.9 m, -350.5 m');
  // σ 10.4 km × 22 m: the 10 m hard body is below a pixel on the encounter-plane plot, and said so.
  await expect(panel).toContainText(
    'Hard-body circle (10 m) is smaller than a pixel at this scale (plot ±35.8 km)',
  );
  await expect.poll(() => clockIso(page)).toBe('2023-06-13T00:17:23.766Z');

  await page.waitForTimeout(1500);
  const stats = await chartStats(page);
  expect(stats.charts).toBe(2);
  expect(stats.drawn).toBeGreaterThan(3000);
  expect(stats.colours).toBeGreaterThan(6);
  await panel.screenshot({ path: 'test-results/encounter-panel.png' });

  // A malformed second message: named with keyword and line; the first still loads.
  const text = readFileSync(caraCdm(SECOND), 'utf8');
  const broken = text.replace(/^MISS_DISTANCE\s*=.*$/m, 'MISS_DISTANCE = far [m]');
  const line = broken.split('\n').findIndex((l) => l.startsWith('MISS_DISTANCE')) + 1;
  // Another message (its own id: one id is one message, kept once in the event history).
  const thirdText = readFileSync(caraCdm(HST), 'utf8')
    .replace(/^TCA\s*=.*$/m, 'TCA = 2023-06-14T00:00:00.000')
    .replace(/^MESSAGE_ID\s*=.*$/m, 'MESSAGE_ID = HST_NEXT_DAY');
  await page.getByLabel('Import CDM or SOCRATES').setInputFiles({
    name: 'two.cdm',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${thirdText.trimEnd()}\n${broken}`),
  });
  const alert = page.getByRole('alert');
  const offset = thirdText.trimEnd().split('\n').length;
  await expect(alert).toContainText(`two.cdm: message 2, line ${offset + line}, MISS_DISTANCE`);
  await expect(grid.locator('tbody tr')).toHaveCount(3);
});

test('public mode: the list and the encounter work; no import control', async ({ page }) => {
  await page.goto('./?mode=public');
  await waitForCatalog(page, 26_000);
  // Collapsed while empty; it opens on request.
  await expect(page.getByRole('grid', { name: 'Conjunctions' })).toHaveCount(0);
  await page.getByRole('button', { name: /Conjunctions/ }).click();
  await expect(page.getByRole('grid', { name: 'Conjunctions' })).toBeVisible();
  await expect(page.getByLabel('Import CDM or SOCRATES')).toHaveCount(0);
  await expect(page.getByLabel('Default hard-body radius (m)')).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Export CSV of the visible events' }),
  ).toBeDisabled();
});
