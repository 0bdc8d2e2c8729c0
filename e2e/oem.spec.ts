// Operator ephemerides in the browser: an OEM dropped on the app is drawn along its own states,
// its panel tells where they come from, a broken one is refused without losing the catalog, and
// it is screened as the primary with the probability labelled with its covariance.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadCatalog } from '../src/domain/catalog/load';
import { ecefToGeodetic } from '../src/domain/frames/geodetic';
import { temeToEcef } from '../src/domain/frames/teme';
import { oemStateToTeme } from '../src/domain/oem/frames';
import { stateAt } from '../src/domain/oem/interpolate';
import { applyImpulsiveBurn } from '../src/domain/oem/manoeuvre';
import { objectsOf } from '../src/domain/oem/objects';
import { readOem } from '../src/domain/oem/read';
import { sampleElementSetEme2000 } from '../src/domain/oem/sample';
import type { ElementSet } from '../src/domain/catalog/types';
import type { OemCovariance, OemMessage } from '../src/domain/oem/types';
import { writeOemKvn } from '../src/domain/oem/write';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';
import { objectCount, panelField, waitForCatalog } from './helpers';

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

const START_MS = Date.parse('2024-10-31T10:36:00Z');
const STOP_MS = START_MS + 2 * 3_600_000;
const NAME = 'OEM NEIGHBOUR';

/** An RTN covariance with position sigmas 50, 200, 20 m (velocity small), km² units. */
function rtnCovariance(epochMs: number): OemCovariance {
  const matrix = new Float64Array(36);
  [0.05 ** 2, 0.2 ** 2, 0.02 ** 2, 1e-8, 1e-8, 1e-8].forEach((v, i) => (matrix[i * 7] = v));
  return { epochMs, frame: 'RTN', matrix, line: 0 };
}

/** The ISS as the snapshot has it. */
function snapshotIss() {
  const lines = readFileSync(onOrbitSnapshotCsv, 'utf8').split('\n');
  const csv = [lines[0], lines.find((l) => l.includes(',25544,'))!].join('\n');
  return loadCatalog(csv, { fileName: 'iss.csv', initCheck: () => null }).objects[0];
}

/**
 * The snapshot's ISS elements changed by `over`, sampled from SGP4 in EME2000 every 60 s for two
 * hours, written as a KVN OEM named `name`/`objectId` (with covariances when given).
 */
function issVariantOem(
  name: string,
  objectId: string,
  over: (iss: ElementSet) => Partial<ElementSet>,
  covariances: OemCovariance[] = [],
  burn?: { atMs: number; dvRtnMS: [number, number, number] },
): { text: string; message: OemMessage } {
  const iss = snapshotIss();
  const sampled = sampleElementSetEme2000(
    { ...iss, ...over(iss) },
    { startMs: START_MS, stopMs: STOP_MS, stepMs: 60_000 },
  );
  if (!sampled.ok) throw new Error(sampled.reason);
  const text = writeOemKvn({
    objectName: name,
    objectId,
    originator: 'E2E OPERATOR',
    creationDateMs: Date.parse('2024-10-31T09:00:00Z'),
    // With a burn: two segments, the states before it and the burnt ones from it on.
    segments: (burn
      ? Object.values(applyImpulsiveBurn(sampled.states, burn.atMs, burn.dvRtnMS))
      : [sampled.states]
    ).map((states) => ({
      states,
      interpolation: 'LAGRANGE' as const,
      interpolationDegree: 7,
      covariances: covariances.filter(
        (c) => c.epochMs >= states[0].epochMs && c.epochMs <= states[states.length - 1].epochMs,
      ),
    })),
  });
  const read = readOem(text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  return { text, message: read.message };
}

/**
 * A neighbour of the ISS no catalog has: inclination 0.5° and phase 0.01° on, so the two pass
 * within about 3 km at the nodes (10:50 and 11:36 UTC); covariances every 30 min.
 */
const neighbourOem = (burn?: { atMs: number; dvRtnMS: [number, number, number] }) =>
  issVariantOem(
    NAME,
    '2099-001A',
    (iss) => ({
      inclinationDeg: iss.inclinationDeg + 0.5,
      meanAnomalyDeg: iss.meanAnomalyDeg + 0.01,
    }),
    [0, 30, 60, 90, 120].map((m) => rtnCovariance(START_MS + m * 60_000)),
    burn,
  );

/** Latitude and longitude (degrees) of the file's state at tMs. */
function fileLatLon(message: OemMessage, tMs: number): [number, number] {
  const s = stateAt(message, tMs)!;
  const teme = oemStateToTeme(s, 'EME2000');
  const ecef = temeToEcef({ rKm: teme.positionKm, vKmS: teme.velocityKmS }, tMs);
  const g = ecefToGeodetic(...ecef.rKm);
  return [(g.latRad * 180) / Math.PI, (g.lonRad * 180) / Math.PI];
}

/** Pause, move the clock by the scrubber, and wait for the panel to show the file's position. */
async function expectFilePosition(page: Page, message: OemMessage, offsetS: number) {
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
  await page.getByRole('slider', { name: 'Time' }).fill(String(offsetS));
  const iso = await page.locator('.clock time').getAttribute('datetime');
  const [lat, lon] = fileLatLon(message, Date.parse(iso!));
  await expect
    .poll(async () => {
      const [pLat, pLon] = await panelLatLon(page);
      return Math.max(Math.abs(pLat - lat), Math.abs(pLon - lon));
    })
    .toBeLessThan(0.002);
  return `${lat.toFixed(2)} ${lon.toFixed(2)}`;
}

async function panelLatLon(page: Page): Promise<[number, number]> {
  return [parseFloat(await panelField(page, 'lat')), parseFloat(await panelField(page, 'lon'))];
}

const openFile = (page: Page, name: string, text: string) =>
  page.getByLabel('Load catalog').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });

test('an OEM is drawn along its states, told apart in its panel, refused when broken, and screened', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { text, message } = neighbourOem();
  await page.goto('./');
  const catalogCount = await waitForCatalog(page, 26_000);

  // A broken OEM (a data line cut short) is refused with its line and rule; the catalog stays.
  const lines = text.split('\n');
  const cut = lines.findIndex((l) => /^2024-10-31T10:40:00/.test(l));
  lines[cut] = lines[cut].split(' ').slice(0, 4).join(' ');
  await openFile(page, 'broken.oem', lines.join('\n'));
  await expect(page.getByRole('alert')).toContainText(
    `broken.oem: not loaded — segment 1, line ${cut + 1}: 3 numbers; a state needs 6 or 9`,
  );
  expect(await objectCount(page)).toBe(catalogCount);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

  // The good one adds its object (the catalog lacks it).
  await openFile(page, 'neighbour.oem', text);
  await expect.poll(() => objectCount(page), { timeout: 60_000 }).toBe(catalogCount + 1);
  await expect(page.getByRole('alert')).toHaveCount(0);

  const search = page.getByRole('combobox', { name: 'Search objects' });
  await search.fill(NAME);
  await search.press('Enter');
  const panel = page.getByRole('region', { name: 'Selected object' });
  await expect(panel.getByRole('heading', { name: NAME })).toBeVisible();
  await expect(panel.locator('[data-field="source"]')).toHaveText('ephemeris · neighbour.oem');
  await expect(panel.locator('[data-field="originator"]')).toHaveText('E2E OPERATOR');
  await expect(panel.locator('[data-field="created"]')).toHaveText(/^2024-10-31T09:00:00/);
  await expect(panel.locator('[data-field="span"]')).toHaveText(
    '2024-10-31 10:36:00 UTC – 2024-10-31 12:36:00 UTC',
  );
  await expect(panel.locator('[data-field="interpolation"]')).toHaveText('lagrange, degree 7');
  await expect(panel.locator('[data-field="drawn"]')).toHaveText('ephemeris (OEM)');
  await expect(panel.locator('[data-field="sigmas"]')).toContainText('R 50 m · T 200 m · N 20 m');

  // It moves along the file's states: paused, the panel's position is the file's at two times.
  const positions = [
    await expectFilePosition(page, message, 600),
    await expectFilePosition(page, message, 1860),
  ];
  expect(positions[0]).not.toBe(positions[1]);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'test-results/oem-object.png' });

  // Outside its span, with no catalog object to fall back on, it is not drawn: said twice.
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.fill(String(3 * 3600));
  await expect(panel.locator('[data-field="drawn"]')).toHaveText(
    'not drawn — the clock is outside the ephemeris span',
  );
  await expect(page.getByTestId('ephemeris-outside')).toContainText('1 ephemeris object not drawn');
  await slider.fill('0');

  // Screening: the ephemeris is the primary; the event names its sources and covariance.
  const screening = page.getByRole('region', { name: 'Screening' });
  await screening.getByRole('button', { name: /Screen for close approaches/ }).click();
  await expect(screening.getByLabel('Primaries')).toHaveAttribute(
    'placeholder',
    'the 1 ephemeris object',
  );
  await screening.getByLabel('Start (UTC)').fill('2024-10-31T10:40:00Z');
  await screening.getByLabel('Hours').fill('1');
  await screening.getByLabel('Threshold (km)').fill('10');
  await screening.getByRole('button', { name: 'Run screening' }).click();
  const grid = page.getByRole('grid', { name: 'Conjunctions' });
  const rows = grid.locator('tbody tr', { hasText: NAME }).filter({ hasText: 'ISS (ZARYA)' });
  await expect(rows.first()).toBeVisible({ timeout: 120_000 });
  await rows.first().click();
  const encounter = page.getByRole('region', { name: 'Encounter' });
  await expect(encounter.locator('[data-field="sources"]')).toHaveText(
    /object 1 ephemeris \(OEM\) · object 2 SGP4|object 1 SGP4 · object 2 ephemeris \(OEM\)/,
  );
  await expect(encounter.locator('[data-field="method"]')).toContainText('OEM covariance (nearest');
  await expect(encounter.locator('[data-field="method"]')).toContainText('element-set model');
  await expect(encounter.locator('[data-field="pc-max"]')).not.toBeEmpty();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'test-results/oem-screening.png' });

  // Both objects around TCA as one OEM for the other operator: the ephemeris cut to its file, the
  // catalog object from SGP4 over TCA ± 2 h; our reader gives both back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    encounter.getByRole('button', { name: 'Export both objects (OEM)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.oem$/);
  const exported = readOem(readFileSync((await download.path())!, 'utf8'));
  if (!exported.ok) throw new Error(exported.errors[0].reason);
  expect(exported.rejected).toEqual([]);
  const objects = objectsOf(exported.message);
  const byName = new Map(objects.map((m) => [m.segments[0].metadata.objectName, m]));
  expect([...byName.keys()].sort()).toEqual(['ISS (ZARYA)', NAME]);
  const own = byName.get(NAME)!.segments[0].states;
  expect(own[0].epochMs).toBeGreaterThanOrEqual(START_MS);
  expect(own[own.length - 1].epochMs).toBeLessThanOrEqual(STOP_MS);
  // Its states are the file's (both EME2000), to the printed millimetre.
  for (const s of [own[0], own[Math.floor(own.length / 2)]]) {
    const fromFile = stateAt(message, s.epochMs)!;
    expect(Math.hypot(...s.positionKm.map((x, k) => x - fromFile.positionKm[k]))).toBeLessThan(
      1e-5,
    );
  }
  expect(byName.get('ISS (ZARYA)')!.segments[0].states).toHaveLength(241);
});

test('an OEM of a catalog object stands in for it inside its span; SGP4 draws it outside', async ({
  page,
}) => {
  // The ISS half a degree further along its orbit (about 60 km): the file, not SGP4, is drawn.
  const { text, message } = issVariantOem('ISS (ZARYA)', '1998-067A', (iss) => ({
    meanAnomalyDeg: iss.meanAnomalyDeg + 0.5,
  }));
  await page.goto('./');
  const catalogCount = await waitForCatalog(page, 26_000);
  await openFile(page, 'iss.oem', text);
  const search = page.getByRole('combobox', { name: 'Search objects' });
  await search.fill('ISS (ZARYA)');
  await search.press('Enter');
  const panel = page.getByRole('region', { name: 'Selected object' });
  await expect(panel.locator('[data-field="source"]')).toHaveText(
    'ephemeris · iss.oem (stands in for the catalog object)',
  );
  expect(await objectCount(page)).toBe(catalogCount);
  await expect(panel.locator('[data-field="drawn"]')).toHaveText('ephemeris (OEM)');
  await expectFilePosition(page, message, 1200);
  await expect(panel.locator('[data-field="sigmas"]')).toHaveText('no covariance in the file');

  // Outside the span the catalog's SGP4 takes over, and the panel says so; it is still drawn.
  await page.getByRole('slider', { name: 'Time' }).fill(String(3 * 3600));
  await expect(panel.locator('[data-field="drawn"]')).toHaveText(
    'catalog SGP4 — the clock is outside the ephemeris span',
  );
  await expect(panel.locator('[data-field="lat"]')).not.toHaveText('—');
  await expect(page.getByTestId('ephemeris-outside')).toHaveCount(0);

  // Removed, the catalog object is drawn from SGP4 where the file stood in for it.
  await page.getByRole('slider', { name: 'Time' }).fill('1200');
  await panel.getByRole('button', { name: 'Remove ephemeris' }).click();
  await expect(panel.locator('[data-field="source"]')).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'ISS (ZARYA)' })).toBeVisible();
  expect(await objectCount(page)).toBe(catalogCount);
  await expect
    .poll(async () => {
      const [lat, lon] = await panelLatLon(page);
      const iso = await page.locator('.clock time').getAttribute('datetime');
      const [fLat, fLon] = fileLatLon(message, Date.parse(iso!));
      return Math.max(Math.abs(lat - fLat), Math.abs(lon - fLon));
    })
    .toBeGreaterThan(0.2);

  // One file with two objects (an event as another operator exports it): each is an ephemeris of
  // its own — the ISS stands in for the catalog's, the neighbour is added.
  const neighbour = neighbourOem().message.segments[0];
  const both = writeOemKvn({
    objectName: 'ISS (ZARYA)',
    objectId: '1998-067A',
    originator: 'E2E OPERATOR',
    creationDateMs: START_MS,
    segments: [
      { states: message.segments[0].states },
      { object: { objectName: NAME, objectId: '2099-001A' }, states: neighbour.states },
    ],
  });
  await openFile(page, 'event.oem', both);
  await expect.poll(() => objectCount(page), { timeout: 60_000 }).toBe(catalogCount + 1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(panel.locator('[data-field="source"]')).toHaveText(
    'ephemeris · event.oem (ISS (ZARYA)) (stands in for the catalog object)',
  );
  await expectFilePosition(page, message, 1500);
  await search.fill(NAME);
  await search.press('Enter');
  await expect(panel.locator('[data-field="source"]')).toHaveText(
    `ephemeris · event.oem (${NAME})`,
  );
  await expectFilePosition(page, neighbourOem().message, 1500);
});

test('a planned manoeuvre is drawn beside its nominal and screened against it; ephemerides can be removed', async ({
  page,
}) => {
  test.setTimeout(400_000);
  // The neighbour burns 2 m/s along-track at 11:00, between its two passes by the ISS (10:50 and
  // 11:36): it drifts some 15 km behind by the second, which the manoeuvre therefore removes.
  const burnMs = Date.parse('2024-10-31T11:00:00Z');
  const nominal = neighbourOem();
  const planned = neighbourOem({ atMs: burnMs, dvRtnMS: [0, 2, 0] });
  await page.goto('./');
  const catalogCount = await waitForCatalog(page, 26_000);
  await openFile(page, 'nominal.oem', nominal.text);
  await expect.poll(() => objectCount(page), { timeout: 60_000 }).toBe(catalogCount + 1);
  await openFile(page, 'planned.oem', planned.text);
  // Both trajectories are drawn: the planned one is an object of its own.
  await expect.poll(() => objectCount(page), { timeout: 60_000 }).toBe(catalogCount + 2);
  await expect(page.getByRole('alert')).toHaveCount(0);

  const search = page.getByRole('combobox', { name: 'Search objects' });
  await search.fill(`${NAME} (planned)`);
  await search.press('Enter');
  const panel = page.getByRole('region', { name: 'Selected object' });
  await expect(panel.getByRole('heading', { name: `${NAME} (planned)` })).toBeVisible();
  await expect(panel.locator('[data-field="planned-for"]')).toHaveText(
    'planned manoeuvre of nominal.oem (screened against it)',
  );
  await expect(panel.locator('[data-field="span"]')).toHaveText(
    '2024-10-31 10:36:00 UTC – 2024-10-31 11:00:00 UTC2024-10-31 11:00:00 UTC – 2024-10-31 12:36:00 UTC',
  );
  // After the burn the panel shows the planned file's position, not the nominal's.
  await expectFilePosition(page, planned.message, 50 * 60);

  const screening = page.getByRole('region', { name: 'Screening' });
  await screening.getByRole('button', { name: /Screen for close approaches/ }).click();
  await screening.getByLabel('Start (UTC)').fill('2024-10-31T10:45:00Z');
  await screening.getByLabel('Hours').fill('1');
  await screening.getByLabel('Threshold (km)').fill('5');
  await expect(screening.getByLabel('Primaries')).toHaveAttribute(
    'placeholder',
    'the 1 ephemeris object',
  );
  await screening.getByRole('button', { name: 'Run screening' }).click();
  const comparison = screening.getByTestId('manoeuvre-comparison');
  await expect(comparison).toBeVisible({ timeout: 240_000 });
  await expect(comparison).toContainText(
    `Planned manoeuvre planned.oem against nominal nominal.oem (${NAME})`,
  );
  const iss = (kind: string) =>
    comparison.locator(`tr[data-kind="${kind}"]`, { hasText: 'ISS (ZARYA) (25544)' });
  // The pass before the burn is in both, unchanged; the one after it is gone.
  await expect(iss('kept')).toHaveCount(1);
  await expect(iss('kept')).toContainText('2024-10-31 10:5');
  await expect(iss('kept')).toContainText(/miss [+−]0 m, TCA [+−]0\.0 s/);
  await expect(iss('removed')).toHaveCount(1);
  await expect(iss('removed')).toContainText('2024-10-31 11:3');
  await expect(iss('removed').locator('td').nth(1)).toHaveText('removed');
  await expect(iss('removed').locator('td').nth(3)).toHaveText('—');
  // Each side's Pc uses the file's covariance, with the maximum beside it.
  await expect(iss('removed').locator('td').nth(2)).toContainText('(max ');
  // The ISS's docked vehicles are catalogued too: the counts cover them all.
  await expect(comparison.locator('[data-field="compare-summary"]')).toHaveText(
    /^[1-9]\d* removed · \d+ added · [1-9]\d* in both$/,
  );
  await expect(comparison.locator('[data-field="compare-worst"]')).toContainText(
    /Worst: nominal \d+ events, closest .* → planned/,
  );
  // The screened intervals of both trajectories (the planned one's two segments meet at 11:00).
  const intervals = screening.getByTestId('screened-intervals');
  for (const file of ['nominal.oem', 'planned.oem']) {
    await expect(intervals).toContainText(
      `${file} (2099-001A): 2024-10-31 10:45:00 UTC – 2024-10-31 11:45:00 UTC; elsewhere not screened`,
    );
  }
  // For the screenshot: the event list folded, the comparison scrolled into the left column.
  await page.locator('.conjunctions-toggle').click();
  await comparison.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'test-results/oem-manoeuvre.png' });

  // Removing the planned file takes its object off; removing the nominal then leaves the catalog.
  await panel.getByRole('button', { name: 'Remove ephemeris' }).click();
  await expect.poll(() => objectCount(page), { timeout: 60_000 }).toBe(catalogCount + 1);
  await search.fill(NAME);
  await search.press('Enter');
  await expect(panel.locator('[data-field="source"]')).toHaveText('ephemeris · nominal.oem');
  await panel.getByRole('button', { name: 'Remove ephemeris' }).click();
  await expect.poll(() => objectCount(page), { timeout: 60_000 }).toBe(catalogCount);
});
