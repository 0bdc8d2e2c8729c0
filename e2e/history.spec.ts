import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
  alertList,
  DEFAULT_ALERT_THRESHOLDS,
  eventStatus,
  mergeUpdates,
  updateFromRecord,
} from '../src/domain/history';
import { importConjunctionTexts } from '../src/services/conjunctionImport';
import { buildCdmSeries, cdmSeriesSource } from '../src/testing/cdmSeries';
import { waitForCatalog } from './helpers';

const PAIR_CSV = fileURLToPath(new URL('./fixtures/watch-pair.csv', import.meta.url));

/** The page's wall clock: after the series' last update (2023-06-10 06:37), before its TCA. */
const NOW = new Date('2023-06-11T00:00:00Z');

/** What the app should make of the series, by the domain code itself. */
function expectedSeries() {
  const files = buildCdmSeries();
  const { cdm } = importConjunctionTexts(files.map((f) => ({ name: f.fileName, text: f.text })));
  const [history] = mergeUpdates(
    [],
    cdm.map((r) => updateFromRecord(r)),
  );
  return {
    files,
    history,
    pcs: history.updates.map((u) => u.pc!.toExponential(2)),
    alerts: alertList([history], DEFAULT_ALERT_THRESHOLDS),
    status: eventStatus(history, NOW.getTime()),
  };
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Conjunctions' });
const historyRegion = (page: Page) => page.getByRole('region', { name: 'Event history' });

async function openAlerts(page: Page): Promise<void> {
  const toggle = page
    .getByRole('region', { name: 'Alerts' })
    .getByRole('button', { name: /Alerts/ })
    .first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

async function openHistory(page: Page): Promise<void> {
  const toggle = historyRegion(page).getByRole('button', { name: /History · \d+ updates?/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

test('a CDM series imported shuffled is one event of seven updates; its History; kept across a reload; acknowledge an alert', async ({
  page,
}) => {
  test.skip(!existsSync(cdmSeriesSource), `CARA test CDM ${cdmSeriesSource} is absent`);
  // About a minute alone; a software renderer on a shared machine can take three times that.
  test.setTimeout(240_000);
  const want = expectedSeries();
  expect(want.history.updates).toHaveLength(7);
  expect(want.alerts.length).toBeGreaterThanOrEqual(2);
  await page.clock.setFixedTime(NOW);
  await page.goto('./?catalog=none');
  await expect(page.getByRole('status', { name: 'Catalog status' })).toHaveText(/No catalog/);

  // All seven at once, newest first: one event, updates in creation order.
  await page.getByLabel('Import CDM or SOCRATES').setInputFiles(
    [...want.files].reverse().map((f) => ({
      name: f.fileName,
      mimeType: 'text/plain',
      buffer: Buffer.from(f.text),
    })),
  );
  const rows = grid(page).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('[data-field="updates"]')).toHaveText('7');
  await expect(rows.first().locator('[data-field="status"]')).toContainText(want.status);
  await expect(rows.first().locator('td.pc')).toHaveText(want.pcs[6]);

  await rows.first().click();
  await openHistory(page);
  const updates = historyRegion(page).getByRole('table', { name: 'Updates' }).locator('tbody tr');
  await expect(updates).toHaveCount(7);
  await expect(updates.locator('td:nth-child(2)')).toHaveText(
    want.history.updates.map((u) =>
      u.origin.source === 'cdm' ? `CDM ${u.origin.originator} ${u.origin.messageId}` : '',
    ),
  );
  await expect(updates.locator('td:nth-child(6)')).toHaveText(want.pcs);
  await expect(historyRegion(page).locator('[data-field="time-to-tca"]')).toHaveText(
    'TCA in 2 d 00 h',
  );
  await expect(historyRegion(page).locator('[data-field="peak"]')).toHaveText(
    /at update 4, passed$/,
  );
  await expect(historyRegion(page).locator('canvas')).toHaveCount(3);

  // An older update's geometry in the encounter panel.
  const encounter = page.getByRole('region', { name: 'Encounter' });
  await historyRegion(page)
    .getByRole('button', { name: 'Show update 4 in the encounter panel' })
    .click();
  await expect(encounter.locator('[data-field="pc"]')).toContainText(want.pcs[3]);
  await expect(updates.nth(3)).toHaveAttribute('aria-selected', 'true');
  await historyRegion(page)
    .getByRole('button', { name: 'Show update 7 in the encounter panel' })
    .click();
  await expect(encounter.locator('[data-field="pc"]')).toContainText(want.pcs[6]);

  // Alerts: newest first, counted in the page title.
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await openAlerts(page);
  const n = want.alerts.length;
  await expect(alerts.getByTestId('unacknowledged-count')).toHaveText(`(${n} unacknowledged)`);
  await expect(page).toHaveTitle(new RegExp(`^\\(${n}\\) `));
  await expect(alerts.locator('li').first()).toContainText(want.alerts[0].change);

  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/hist-app-history.png' });

  // Reload: everything is still there (IndexedDB).
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('[data-field="updates"]')).toHaveText('7');
  await expect(alerts.getByTestId('unacknowledged-count')).toHaveText(`(${n} unacknowledged)`);
  await openAlerts(page);

  // Acknowledge the newest: stored with the event, with its time; kept across a reload.
  await alerts.locator('li').first().getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alerts.getByTestId('unacknowledged-count')).toHaveText(`(${n - 1} unacknowledged)`);
  await expect(page).toHaveTitle(new RegExp(`^\\(${n - 1}\\) `));
  await expect(alerts.locator('li').first().locator('[data-field="acknowledged"]')).toHaveText(
    'acknowledged 2023-06-11 00:00 UTC',
  );
  await page.reload();
  await expect(alerts.getByTestId('unacknowledged-count')).toHaveText(`(${n - 1} unacknowledged)`);
  await openAlerts(page);
  await expect(alerts.locator('li').first().locator('[data-field="acknowledged"]')).toHaveCount(1);
});

test('watch an object, load a catalog: the re-screening finds events that arrive with history; a second run adds updates', async ({
  page,
}) => {
  // Two screenings: a minute or two on a software renderer on a shared machine.
  test.setTimeout(240_000);
  await page.goto('./?catalog=none');
  await page.getByLabel('Load catalog').setInputFiles(PAIR_CSV);
  await waitForCatalog(page, 3);
  await page.getByRole('combobox', { name: 'Search objects' }).fill('270001');
  await page.keyboard.press('Enter');
  const info = page.getByRole('region', { name: 'Selected object' });
  await info.getByRole('button', { name: /Watch/ }).click();
  const watch = page.getByRole('region', { name: 'Watch list' });
  const toggle = watch.getByRole('button', { name: /Watch list \(\d+\)/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  // Six hours keep the run short on a software renderer.
  await watch.getByLabel('Hours').fill('6');

  // A new catalog: the watch list is re-screened.
  await page.getByLabel('Load catalog').setInputFiles(PAIR_CSV);
  const status = page.getByTestId('rescreen-status');
  await expect(status).toHaveText(/^\d+ events? · watch list \(1\) vs .* \+ 6 h, 5 km$/, {
    timeout: 60_000,
  });
  const events = Number(/^(\d+)/.exec((await status.textContent()) ?? '')![1]);
  expect(events).toBeGreaterThanOrEqual(1);
  const rows = grid(page).locator('tbody tr');
  await expect(rows).toHaveCount(events);
  for (let i = 0; i < events; i++) {
    await expect(rows.nth(i).locator('[data-field="updates"]')).toHaveText('1');
  }

  // A second run (another threshold): the same events, each with a second update.
  await watch.getByLabel('Threshold (km)').fill('6');
  await watch.getByRole('button', { name: 'Re-screen now' }).click();
  await expect(status).toHaveText(new RegExp(`^${events} events? · .* \\+ 6 h, 6 km$`), {
    timeout: 60_000,
  });
  await expect(rows).toHaveCount(events);
  for (let i = 0; i < events; i++) {
    await expect(rows.nth(i).locator('[data-field="updates"]')).toHaveText('2');
  }
  await rows.first().click();
  await openHistory(page);
  const updates = historyRegion(page).getByRole('table', { name: 'Updates' }).locator('tbody tr');
  await expect(updates).toHaveCount(2);
  await expect(updates.nth(0)).toContainText('+ 6 h, 5 km');
  await expect(updates.nth(1)).toContainText('+ 6 h, 6 km');

  // Kept across a reload; the events (of 2024-11-01) are more than 30 days past the wall clock,
  // so the reload archives them: out of the working list, shown by the "archived" filter.
  await page.goto('./?catalog=none');
  await openAlerts(page);
  await expect(page.getByTestId('event-store-status')).toHaveText(
    `Event history: ${events} event${events === 1 ? '' : 's'} (${events} archived), kept in this browser`,
  );
  await page.getByRole('button', { name: /Conjunctions/ }).click();
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Event status').selectOption('archived');
  await expect(rows).toHaveCount(events);
  await expect(rows.first().locator('[data-field="updates"]')).toHaveText('2');
  await expect(rows.first().locator('[data-field="status"]')).toHaveText('past TCA');
});
