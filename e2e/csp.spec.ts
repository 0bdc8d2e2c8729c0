import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { metaContentSecurityPolicy, securityHeaders } from '../deploy/securityHeaders';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';
import { canvasStats, waitForCatalog } from './helpers';

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

const PAIRS_CSV = fileURLToPath(new URL('./fixtures/socrates-snapshot-pair.csv', import.meta.url));
const NOTIFICATIONS = readFileSync(new URL('fixtures/notifications.json', import.meta.url));

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
  policy: string;
}

declare global {
  interface Window {
    cspViolations?: Violation[];
  }
}

/** Every policy violation the document reports, collected from before the first script runs. */
async function collectViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations!.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
        policy: e.originalPolicy,
      }),
    );
  });
  return () => page.evaluate(() => window.cspViolations ?? []);
}

test('the whole app runs under the strict policy with no violation', async ({ page }) => {
  test.setTimeout(300_000);
  const violations = await collectViolations(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Chromium also logs each refusal to the console.
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });

  // Default snapshot load with an object selected.
  const response = await page.goto('./?sel=25544');
  // Served as headers by the preview server, and carried by the page itself for static hosts.
  const headers = response!.headers();
  for (const [name, value] of Object.entries(securityHeaders)) {
    expect(headers[name.toLowerCase()]).toBe(value);
  }
  const csp = headers['content-security-policy'];
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    metaContentSecurityPolicy,
  );

  await waitForCatalog(page, 26_000);
  await expect(page.getByRole('region', { name: 'Selected object' })).toContainText('ISS (ZARYA)');
  await page.waitForTimeout(3000);
  expect((await canvasStats(page)).litFraction).toBeGreaterThan(0.1);

  expect(refusals).toEqual([]);
  expect(await violations()).toEqual([]);

  // WebAssembly compiles under the policy. The screening workers' batch SGP4 relies on it; they
  // get the same policy from the same headers, but report refusals only inside themselves.
  expect(
    await page.evaluate(async () => {
      // The smallest valid module: magic and version.
      const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
      return (await WebAssembly.instantiate(empty)).instance instanceof WebAssembly.Instance;
    }),
  ).toBe(true);

  // The conjunction list and an event.
  await page.getByLabel('Import CDM or SOCRATES').setInputFiles(PAIRS_CSV);
  const grid = page.getByRole('grid', { name: 'Conjunctions' });
  await expect(grid.locator('tbody tr')).toHaveCount(2);
  await grid.locator('tbody tr').first().click();
  const encounter = page.getByRole('region', { name: 'Encounter' });
  await expect(encounter.locator('[data-field="object1"]')).toHaveText('ISS (ZARYA) (25544)');

  // Screening of a small set, in the workers.
  const screening = page.getByRole('region', { name: 'Screening' });
  await screening.getByRole('button', { name: /Screen for close approaches/ }).click();
  await screening.getByLabel('Start (UTC)').fill('2024-10-31T10:36:00Z');
  await screening.getByLabel('Hours').fill('1');
  await screening.getByLabel('Threshold (km)').fill('20');
  await screening.getByLabel('Primaries').fill('25544, 20580');
  await screening.getByRole('button', { name: 'Run screening' }).click();
  await expect(grid.locator('tbody tr', { hasText: 'screening' }).first()).toBeVisible({
    timeout: 90_000,
  });

  // A notifications file.
  await page.getByLabel('Load notifications').setInputFiles({
    name: 'notifications.json',
    mimeType: 'application/json',
    buffer: NOTIFICATIONS,
  });
  await expect(
    page.getByRole('table', { name: 'Launch notifications' }).locator('tbody tr'),
  ).toHaveCount(3);
  await page.getByRole('button', { name: 'Show US-2024-191 on the globe' }).click();
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/csp-app.png' });

  // The console's wording names the hash a changed inline style would need.
  expect(refusals).toEqual([]);
  expect(await violations()).toEqual([]);
  expect(pageErrors).toEqual([]);

  // Strings are never evaluated, and such a refusal is seen by the listeners above. (Playwright's
  // own evaluation is exempt from the policy: the string runs from a page task.)
  await page.evaluate(() => setTimeout('window.evaluatedString = true'));
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => 'evaluatedString' in window)).toBe(false);
  // Refused by each of the two policies, both enforced: the header's and the meta tag's.
  await expect
    .poll(async () => new Set((await violations()).map((v) => `${v.directive} ${v.policy}`)))
    .toEqual(
      new Set([
        `script-src ${metaContentSecurityPolicy}`,
        `script-src ${securityHeaders['Content-Security-Policy']}`,
      ]),
    );
  expect(refusals.length).toBeGreaterThanOrEqual(2);
});
