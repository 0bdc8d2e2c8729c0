import { expect, test, type Page } from '@playwright/test';
import { canvasStats, crimsonPixels, rowIds, table } from './helpers';

/**
 * A poisoned store (issue 11): a launch notification at the pole used to send the 3D view into
 * a restart loop on every start. Stored records are seeded straight into IndexedDB, as a past
 * session (or a tampered profile) would have left them.
 */

/** Put records into the notification store, whatever they hold. */
async function seedNotifications(page: Page, records: object[]): Promise<void> {
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('orbital-watch-notifications');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('notifications', 'readwrite');
          for (const r of list) tx.objectStore('notifications').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

/** Render errors and page errors, as the console and the page report them. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /render error/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

const hour = 3_600_000;

test('a pole notification in the store: the page works, the globe draws it, a broken record is named and set aside', async ({
  page,
}) => {
  // Software rendering: each canvas read-back takes seconds.
  test.setTimeout(360_000);
  const errors = recordErrors(page);
  await page.goto('./?catalog=none');
  await expect(page.getByLabel('Load notifications')).toBeAttached({ timeout: 60_000 });
  const now = Date.now();
  const window = {
    start: new Date(now - hour).toISOString().replace(/\.\d+Z$/, 'Z'),
    end: new Date(now + 2 * hour).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  const pole = {
    id: 'POLE-1',
    party: 'Test',
    kind: 'space-launch',
    site: { latDeg: 90, lonDeg: 180 },
    window,
    azimuthDeg: { min: 359, max: 1 },
  };
  await seedNotifications(page, [
    pole,
    { ...pole, id: 'POLE-0', azimuthDeg: 0 },
    { ...pole, id: 'BROKEN-1', azimuthDeg: { min: Number.NaN, max: 1 } },
  ]);

  await page.reload();
  await expect.poll(() => rowIds(page), { timeout: 60_000 }).toEqual(['POLE-0', 'POLE-1']);
  const alert = page.getByRole('alert').filter({ hasText: 'stored notification' });
  await expect(alert).toContainText(
    '1 stored notification not loaded, kept aside in the browser: stored notification "BROKEN-1": azimuthDeg.min: expected a number, got NaN',
  );
  // Fly to the pole: both corridors draw there, the view keeps running.
  await page.getByRole('button', { name: 'Show POLE-1 on the globe' }).click();
  await expect.poll(() => crimsonPixels(page), { timeout: 60_000 }).toBeGreaterThan(300);
  expect((await canvasStats(page)).litFraction).toBeGreaterThan(0.1);
  await page.screenshot({ path: '/tmp/poison-pole.png' });
  await expect(page.getByText(/3D view (hit an error|stopped)/)).toHaveCount(0);
  await expect(page.locator('.scene-faults')).toHaveCount(0);
  expect(errors).toEqual([]);

  // Removing them leaves a page that answers.
  await page.getByRole('button', { name: 'Remove POLE-1' }).click();
  await expect.poll(() => rowIds(page)).toEqual(['POLE-0']);
  const started = Date.now();
  await page.getByRole('button', { name: /^(Pause|Play)$/ }).click();
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(errors).toEqual([]);

  // The same store in public mode (no editing there): it loads and draws.
  await page.goto('./?mode=public&catalog=none');
  await expect.poll(() => rowIds(page), { timeout: 60_000 }).toEqual(['POLE-0']);
  await page.getByRole('button', { name: 'Show POLE-0 on the globe' }).click();
  await expect.poll(() => crimsonPixels(page), { timeout: 60_000 }).toBeGreaterThan(100);
  await expect(page.getByText(/3D view (hit an error|stopped)/)).toHaveCount(0);
  expect(errors).toEqual([]);

  // ?safe=1: nothing stored is loaded; it says what the browser holds and removes it on request.
  await page.goto('./?catalog=none&safe=1');
  const note = page.getByRole('status').filter({ hasText: 'Safe start' });
  await expect(note).toContainText(
    'It holds 1 notification, 0 watch-list entries and 1 set-aside record.',
  );
  await expect(table(page).locator('tbody tr')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/poison-safe.png' });
  await note.getByRole('button', { name: 'Remove stored data' }).click();
  await expect(note).toContainText('Stored data removed');
  await expect(note).toContainText('It holds 0 notifications');
  await page.goto('./?catalog=none');
  await expect(page.getByLabel('Load notifications')).toBeAttached({ timeout: 60_000 });
  await page.waitForTimeout(2_000);
  await expect(table(page).locator('tbody tr')).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** Makes the camera controller throw on its next `times` frames (as Cesium's does on some gestures). */
async function faultCameraController(page: Page, times: number): Promise<void> {
  await page.evaluate((n) => {
    type Controller = { update(): void };
    const scene = window.orbitalWatch!.scene.widget.scene as unknown as {
      screenSpaceCameraController: Controller;
    };
    const controller = scene.screenSpaceCameraController;
    const update = controller.update.bind(controller);
    let left = n;
    controller.update = () => {
      if (left-- > 0) throw new Error('injected camera fault');
      update();
    };
  }, times);
}

/** The camera's longitude as the address records it. */
async function cameraLonDeg(page: Page): Promise<number> {
  return Number(new URL(page.url()).searchParams.get('cam')?.split(',')[0] ?? NaN);
}

test('an exception in a frame (the camera controller on a gesture) is survived: the globe still turns', async ({
  page,
}) => {
  const logged: string[] = [];
  page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
  await page.goto('./?catalog=none');
  await expect(page.getByLabel('Load notifications')).toBeAttached({ timeout: 60_000 });
  const canvas = (await page.locator('canvas').first().boundingBox())!;
  const drag = async () => {
    const y = canvas.y + canvas.height / 2;
    await page.mouse.move(canvas.x + canvas.width / 2 - 100, y);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++)
      await page.mouse.move(canvas.x + canvas.width / 2 - 100 + 20 * k, y);
    await page.mouse.up();
  };
  await drag();
  await expect.poll(() => cameraLonDeg(page), { timeout: 30_000 }).not.toBeNaN();
  const before = await cameraLonDeg(page);

  // Cesium's own loop stopped for good on such a throw, leaving a globe that never moved again.
  await faultCameraController(page, 1);
  await drag();
  await drag();
  await expect
    .poll(async () => Math.abs((await cameraLonDeg(page)) - before), { timeout: 30_000 })
    .toBeGreaterThan(5);
  expect(logged.filter((m) => m.startsWith('frame error'))).toHaveLength(1);
  await expect(page.getByText(/3D view (hit an error|stopped)/)).toHaveCount(0);

  // A fault in every frame stops the view with a message; the panels go on answering.
  await faultCameraController(page, Number.POSITIVE_INFINITY);
  await expect(page.getByRole('alert').filter({ hasText: '3D view stopped' })).toContainText(
    'The 3D view stopped after repeated errors (injected camera fault); the panels still work.',
  );
  await page.getByRole('button', { name: /^(Pause|Play)$/ }).click();
});
