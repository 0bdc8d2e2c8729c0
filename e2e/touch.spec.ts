import { existsSync } from 'node:fs';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

// The snapshot on a software-rendered phone-sized page: minutes on a shared machine.
test.describe.configure({ timeout: 420_000 });
test.use({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  hasTouch: true,
  isMobile: true,
});

type Point = { x: number; y: number };

/** The camera the address records: longitude, latitude, height (m), heading, pitch. */
async function camera(page: Page): Promise<number[]> {
  const cam = new URL(page.url()).searchParams.get('cam');
  return cam ? cam.split(',').map(Number) : [];
}

/** Fingers down at `from`, moved in steps to `to` (one point per finger), then lifted. */
async function gesture(cdp: CDPSession, from: Point[], to: Point[], steps = 12): Promise<void> {
  const at = (k: number) =>
    from.map((p, i) => ({
      x: p.x + ((to[i].x - p.x) * k) / steps,
      y: p.y + ((to[i].y - p.y) * k) / steps,
      id: i,
    }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let k = 1; k <= steps; k++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** The distance in longitude, in degrees, the short way round. */
const lonDelta = (a: number, b: number) => Math.abs(((((b - a + 540) % 360) + 360) % 360) - 180);

test('on a phone, a drag turns the globe, a pinch zooms it and a tap selects an object', async ({
  page,
}) => {
  await page.goto('./?mode=public');
  await expect(page.getByRole('status', { name: 'Catalog status' })).toHaveText(
    /^\d{2},\d{3} objects$/,
    {
      timeout: 240_000,
    },
  );
  // Still points, so the tap finds its object where it was measured.
  await page.getByRole('button', { name: 'Pause' }).click();
  const box = (await page.locator('canvas').first().boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);

  // A one-finger drag across the middle of the globe turns it: the longitude moves.
  const drag = () =>
    gesture(cdp, [{ x: centre.x - 80, y: centre.y }], [{ x: centre.x + 80, y: centre.y }]);
  await drag();
  await expect.poll(() => camera(page)).toHaveLength(5);
  await page.waitForTimeout(1500);
  const first = await camera(page);
  await drag();
  await expect
    .poll(async () => lonDelta(first[0], (await camera(page))[0]), { timeout: 15_000 })
    .toBeGreaterThan(5);
  await page.waitForTimeout(1500);

  // Two fingers moving apart zoom in: the camera comes down.
  const turned = await camera(page);
  await gesture(
    cdp,
    [
      { x: centre.x, y: centre.y - 40 },
      { x: centre.x, y: centre.y + 40 },
    ],
    [
      { x: centre.x, y: centre.y - 160 },
      { x: centre.x, y: centre.y + 160 },
    ],
  );
  await expect
    .poll(async () => (await camera(page))[2], { timeout: 15_000 })
    .toBeLessThan(turned[2] * 0.8);

  // Back to the whole Earth, then a tap on a drawn object selects it (and opens its details).
  // (A jump rather than a flight, so nothing moves while the object is found and tapped.)
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByRole('button', { name: 'Reset the view' }).click();
  const findTarget = () =>
    page.evaluate(() => {
      const scene = window.orbitalWatch!.scene;
      // windowPositionOf is relative to the canvas, which sits below the phone's top bar.
      const canvas = document.querySelector('canvas')!.getBoundingClientRect();
      for (const id of [25544, 20580, 43013, 5, 11, 12, 16, 20, 22, 29, 45, 46, 47, 50, 53, 58]) {
        const p = scene.windowPositionOf(id);
        const x = (p?.x ?? NaN) + canvas.left;
        const y = (p?.y ?? NaN) + canvas.top;
        if (p && document.elementFromPoint(x, y)?.tagName === 'CANVAS') return { id, x, y };
      }
      return null;
    });
  // Measured twice a second apart: the view has settled when the object has not moved.
  let target = await findTarget();
  await expect
    .poll(async () => {
      const before = target;
      await page.waitForTimeout(1000);
      target = await findTarget();
      return before && target && before.id === target.id
        ? Math.hypot(before.x - target.x, before.y - target.y)
        : Infinity;
    })
    .toBeLessThan(1);
  await page.touchscreen.tap(target!.x, target!.y);
  const panel = page.getByRole('region', { name: 'Selected object' });
  await expect(panel).toBeVisible();
  const picked = Number(await panel.locator('[data-field="norad"]').textContent());
  await page.screenshot({ path: 'test-results/touch-selected-390.png' });
  // Whatever was picked is drawn within the touch pick window (24 px square) of the tapped object,
  // both measured in the same view, with the details sheet closed again.
  const details = page.getByRole('region', { name: 'Details', exact: true });
  await details.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(details).toHaveCount(0);
  await page.waitForTimeout(1000);
  const [at, tapped] = await page.evaluate(
    ([a, b]) => {
      const canvas = document.querySelector('canvas')!.getBoundingClientRect();
      return [a, b].map((id) => {
        const p = window.orbitalWatch!.scene.windowPositionOf(id)!;
        return { x: p.x + canvas.left, y: p.y + canvas.top };
      });
    },
    [picked, target!.id],
  );
  expect(Math.hypot(at.x - target!.x, at.y - target!.y)).toBeLessThan(12 * Math.SQRT2 + 1);
  expect(Math.hypot(tapped.x - target!.x, tapped.y - target!.y), 'the view as tapped').toBeLessThan(
    2,
  );
});
