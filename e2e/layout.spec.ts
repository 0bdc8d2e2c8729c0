import { existsSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';

/** The whole snapshot loaded (tens of thousands of objects); slow on a shared, loaded machine. */
async function snapshotLoaded(page: Page) {
  await expect(page.getByRole('status', { name: 'Catalog status' })).toHaveText(
    /^\d{2},\d{3} objects$/,
    {
      timeout: 240_000,
    },
  );
}

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

interface Size {
  name: string;
  width: number;
  height: number;
  touch: boolean;
  mobile: boolean;
}

const SIZES: Size[] = [
  { name: 'phone 360×640', width: 360, height: 640, touch: true, mobile: true },
  { name: 'phone 390×844', width: 390, height: 844, touch: true, mobile: true },
  { name: 'tablet 768×1024', width: 768, height: 1024, touch: true, mobile: true },
  { name: 'tablet 1024×768', width: 1024, height: 768, touch: true, mobile: false },
  // A 1280×800 laptop at 200 % browser zoom lays out like a 640×400 window (WCAG reflow).
  { name: 'laptop 1280×800 at 200 %', width: 640, height: 400, touch: false, mobile: false },
];

interface Control {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The interactive controls a person can see: their boxes, cut to any scrolling panel they sit
 * in (a row scrolled out of a sheet is not on screen), without the globe they all float on.
 */
function visibleControls(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const selector =
      'button, a[href], input, select, textarea, .button, [role="combobox"], [tabindex="0"]';
    const out: Control[] = [];
    const shown = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.closest('.globe') || el.closest('.visually-hidden')) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none';
    });
    for (const el of shown) {
      // A focusable container (the event table) is judged by the controls inside it.
      if (shown.some((other) => other !== el && el.contains(other))) continue;
      const r = el.getBoundingClientRect();
      // Visually hidden inputs (file pickers behind their labels, skip link off screen).
      if (r.width <= 1 || r.height <= 1 || r.bottom <= 0 || r.right <= 0) continue;
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (!/auto|scroll/.test(s.overflowX + s.overflowY)) continue;
        const ar = a.getBoundingClientRect();
        [left, top, right, bottom] = [
          Math.max(left, ar.left),
          Math.max(top, ar.top),
          Math.min(right, ar.right),
          Math.min(bottom, ar.bottom),
        ];
      }
      if (right - left < 1 || bottom - top < 1) continue;
      const name =
        el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
      out.push({
        what: `${el.tagName.toLowerCase()} "${name}"`,
        x: left,
        y: top,
        width: right - left,
        height: bottom - top,
      });
    }
    return out;
  });
}

const intersect = (a: Control, b: Control) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** `fewest`: the controls the state shows at least (the briefing wall has only a few). */
async function expectTidy(page: Page, size: Size, state: string, fewest = 6) {
  const controls = await visibleControls(page);
  expect(controls.length, `${state}: controls found`).toBeGreaterThanOrEqual(fewest);
  const problems: string[] = [];
  for (const c of controls) {
    if (c.x < -0.5 || c.y < -0.5 || c.x + c.width > size.width + 0.5)
      problems.push(`${c.what} leaves the screen`);
    if (c.y + c.height > size.height + 0.5) problems.push(`${c.what} leaves the screen`);
  }
  for (let i = 0; i < controls.length; i++)
    for (let j = i + 1; j < controls.length; j++)
      if (intersect(controls[i], controls[j]))
        problems.push(`${controls[i].what} overlaps ${controls[j].what}`);
  if (size.touch) {
    const buttons = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, .button')]
        .filter((b) => b.getClientRects().length > 0 && !b.closest('.globe'))
        .map((b) => {
          const r = b.getBoundingClientRect();
          return { what: b.getAttribute('aria-label') ?? b.textContent, w: r.width, h: r.height };
        }),
    );
    for (const b of buttons)
      if (b.w < 44 || b.h < 44)
        problems.push(`button "${b.what}" is ${b.w.toFixed(0)}×${b.h.toFixed(0)} px`);
  }
  expect(problems, `${size.name}, ${state}`).toEqual([]);
}

/** A page of its own at the size (touch and device pixel ratio 2 as the size says), at `url`. */
async function openAt(browser: Browser, size: Size, url: string) {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: 2,
    hasTouch: size.touch,
    isMobile: size.mobile,
  });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

for (const mode of ['public', 'operator'] as const) {
  for (const size of SIZES) {
    test(`${mode} mode at ${size.name}: controls stay on screen, apart, and large enough to tap`, async ({
      browser,
    }) => {
      test.setTimeout(420_000);
      const { context, page } = await openAt(
        browser,
        size,
        mode === 'public' ? './?mode=public' : './',
      );
      await snapshotLoaded(page);
      await expectTidy(page, size, 'at load');
      const shot = (state: string) =>
        size.width === 390 &&
        page.screenshot({ path: `/tmp/a11y-layout-${mode}-390-${state}.png` });
      await shot('load');

      // One sheet at a time over the globe; it closes with Escape and gives focus back.
      const events = page.getByRole('navigation', { name: 'Panels' }).getByRole('button', {
        name: 'Events',
      });
      {
        await events.click();
        await expect(page.getByRole('region', { name: 'Events', exact: true })).toBeVisible();
        await expectTidy(page, size, 'event sheet open');
        await shot('events');
        await page
          .getByRole('navigation', { name: 'Panels' })
          .getByRole('button', {
            name: 'Legend',
          })
          .click();
        await expect(page.getByRole('region', { name: 'Events', exact: true })).toHaveCount(0);
        await expect(page.getByRole('region', { name: 'Map legend' })).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(page.getByRole('region', { name: 'Map legend' })).toHaveCount(0);
      }
      if (size.width === 390) await page.screenshot({ path: `/tmp/a11y-layout-${mode}-390.png` });
      await context.close();
    });
  }
}

// The briefing room's layout on the same screens: the HUD, the tour's controls and the language
// switch stay on screen, apart and large enough to tap.
for (const size of SIZES) {
  test(`briefing mode at ${size.name}: controls stay on screen, apart, and large enough to tap`, async ({
    browser,
  }) => {
    test.setTimeout(420_000);
    const { context, page } = await openAt(browser, size, './?mode=briefing');
    await expect
      .poll(() => page.evaluate(() => window.orbitalWatch?.catalogSize() ?? 0), {
        timeout: 240_000,
      })
      .toBeGreaterThan(20_000);
    // Copy link, Export PNG and the language switch.
    await expectTidy(page, size, 'at load', 3);
    if (size.width === 390) await page.screenshot({ path: '/tmp/a11y-layout-briefing-390.png' });
    await context.close();
  });
}

test('operator mode on a 1280×800 laptop: every left panel open, the event list stays clear', async ({
  page,
}) => {
  const laptop: Size = {
    name: 'laptop 1280×800',
    width: 1280,
    height: 800,
    touch: false,
    mobile: false,
  };
  await page.setViewportSize({ width: laptop.width, height: laptop.height });
  await page.goto('./?catalog=none');
  await page.getByLabel('Load notifications').setInputFiles('e2e/fixtures/notifications.json');
  await page
    .getByLabel('Import CDM or SOCRATES')
    .setInputFiles('e2e/fixtures/socrates-snapshot-pair.csv');
  const list = page.getByRole('region', { name: 'Conjunction events' });
  await expect(list.getByRole('row')).toHaveCount(3);
  for (const region of ['Screening', 'Watch list', 'Alerts']) {
    const toggle = page
      .getByRole('region', { name: region, exact: true })
      .getByRole('button')
      .first();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
  const header = list.getByRole('button', { name: /Conjunctions/ });
  await expectTidy(page, laptop, 'left panels and event list open');
  // The header takes a click (nothing lies over it), and the column follows the list's height.
  await header.click();
  await expect(header).toHaveAttribute('aria-expanded', 'false');
  await expectTidy(page, laptop, 'event list closed');
  const column = await page.locator('aside.left').boundingBox();
  const listBox = await list.boundingBox();
  expect(column!.y + column!.height).toBeLessThanOrEqual(listBox!.y);
  await page.getByRole('region', { name: 'Launch notifications panel' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/layout-laptop-left-column.png' });
});
