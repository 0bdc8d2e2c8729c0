import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every request the page makes, to prove nothing leaves the local server. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

export function foreignRequests(urls: string[], baseURL: string): string[] {
  const origin = new URL(baseURL).origin;
  return urls.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
  );
}

/** The object count the status line reports. */
export async function objectCount(page: Page): Promise<number> {
  const text = (await page.getByRole('status', { name: 'Catalog status' }).textContent()) ?? '';
  // "26,834 objects": the count has the locale's grouping.
  const match = /(\d[\d,]*) objects?\b/.exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : NaN;
}

export async function waitForCatalog(page: Page, minimum = 1): Promise<number> {
  await expect(page.getByRole('status', { name: 'Catalog status' })).toHaveText(/\d+ objects?\b/, {
    timeout: 60_000,
  });
  await expect.poll(() => objectCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(minimum);
  return objectCount(page);
}

/**
 * One pass over the globe canvas: pixels that are not black, distinct coarse colours, and pixels
 * of the launch corridor's crimson (#FF3B6B).
 */
function globePixels(
  page: Page,
): Promise<{ lit: number; colours: number; crimson: number; total: number }> {
  return page.evaluate(() => {
    const source = document.querySelector('.globe canvas') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(source, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    let lit = 0;
    let crimson = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r + g + b > 30) lit++;
      if (r > 200 && g < 110 && b > 60 && b < 160 && r - g > 120) crimson++;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
    return { lit, colours: colours.size, crimson, total: data.length / 4 };
  });
}

/** Fraction of non-black pixels and the number of distinct coarse colours on the globe canvas. */
export async function canvasStats(page: Page): Promise<{ litFraction: number; colours: number }> {
  const { lit, colours, total } = await globePixels(page);
  return { litFraction: lit / total, colours };
}

/** The panel's reading of a field (data-field attribute) of the selected object. */
export async function panelField(page: Page, field: string): Promise<string> {
  const region = page.getByRole('region', { name: 'Selected object' });
  return (await region.locator(`[data-field="${field}"]`).textContent()) ?? '';
}

/** TLE mod-10 checksum over the first 68 columns (digits count, '-' counts 1). */
function tleChecksum(line: string): number {
  return (
    [...line.slice(0, 68)].reduce((s, c) => s + (c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0), 0) %
    10
  );
}

export const withChecksum = (line: string) => line.slice(0, 68) + tleChecksum(line);
export const withWrongChecksum = (line: string) =>
  line.slice(0, 68) + ((tleChecksum(line) + 1) % 10);

/** A real ISS element set (epoch 2024-10-31), checksums computed. */
export const ISS_TLE = [
  'ISS (ZARYA)',
  withChecksum('1 25544U 98067A   24305.50000000  .00016717  00000-0  30270-3 0  9990'),
  withChecksum('2 25544  51.6400 200.0000 0006000  50.0000 310.0000 15.50000000470000'),
];

/** Pixels of the corridor's crimson (#FF3B6B) on the globe canvas. */
export async function crimsonPixels(page: Page): Promise<number> {
  return (await globePixels(page)).crimson;
}

/** The launch notifications table and its rows' ids. */
export const table = (page: Page) => page.getByRole('table', { name: 'Launch notifications' });
export const rowIds = (page: Page) =>
  table(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));

/** WCAG 2.1 A and AA, and axe's best practices: every violation, by rule and element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`),
  );
}
