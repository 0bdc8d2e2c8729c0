import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';
import { historiesToDocument, mergeUpdates } from '../src/domain/history';
import { testUpdate } from '../src/domain/history/testSupport';
import { runLabelText, type RunDescription } from '../src/domain/screening/runs';
import { axeViolations as violations, ISS_TLE, withChecksum } from './helpers';

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

// Loading the snapshot and an axe audit on a shared software-rendered machine: minutes.
test.describe.configure({ timeout: 600_000 });

test('public page in Chinese: labels, <html lang>, no axe violations, and the switch back to English without a reload', async ({
  page,
}) => {
  await page.goto('./?mode=public&lang=zh');
  // The status line in Chinese once the whole snapshot is in: "26,834 个目标".
  await expect(page.getByRole('status', { name: '编目状态' })).toHaveText(/^\d{2},\d{3} 个目标$/, {
    timeout: 240_000,
  });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('combobox', { name: '搜索目标' })).toBeVisible();
  await expect(page.getByRole('button', { name: '现在' })).toBeVisible();
  await expect(page.getByRole('button', { name: /交会/ })).toBeVisible();
  // The switch offers the other language, named in itself.
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('lang', 'en-US');
  await page.getByRole('button', { name: '暂停' }).click();
  expect(await violations(page), 'public page in Chinese').toEqual([]);

  // An object's panel: field names in Chinese, the object's name as the catalog gives it.
  await page.getByRole('combobox', { name: '搜索目标' }).fill('25544');
  await page.getByRole('combobox', { name: '搜索目标' }).press('Enter');
  const panel = page.getByRole('region', { name: '选中的目标' });
  await expect(panel).toContainText('编目号');
  await expect(panel).toContainText('倾角');
  await expect(panel.getByRole('heading')).toHaveText(/ISS/);
  expect(await violations(page), 'public page in Chinese, object selected').toEqual([]);

  // The switch: English at once, the same document (no reload), and the link keeps the choice.
  await page.evaluate(() => Object.assign(window, { beforeSwitch: true }));
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.getByRole('status', { name: 'Catalog status' })).toHaveText(
    /^\d{2},\d{3} objects$/,
  );
  await expect(page.getByRole('region', { name: 'Selected object' })).toContainText(
    'Catalog number',
  );
  await expect(page.getByRole('button', { name: '中文' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
  expect(await page.evaluate(() => 'beforeSwitch' in window)).toBe(true);
});

test("the browser's language chooses when the address does not", async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('./?mode=public&catalog=none');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('status', { name: '编目状态' })).toHaveText('未加载编目');
  // Taken from the browser, the language stays out of the shared link.
  await page.getByRole('button', { name: '暂停' }).click();
  await page.waitForTimeout(500);
  expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
  await context.close();
});

test('in Chinese, a bad file names record, line and field in Chinese, and the event store panel speaks Chinese', async ({
  page,
}) => {
  await page.goto('./?lang=zh&catalog=none');
  await expect(page.getByRole('status', { name: '编目状态' })).toHaveText('未加载编目');
  await page.getByLabel('加载编目').setInputFiles({
    name: 'truncated.tle',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${ISS_TLE[1].slice(0, 60)}\n${ISS_TLE[2]}`),
  });
  // The refusal, its first record and the TLE field all worded in Chinese; the file name as given.
  await expect(page.getByRole('alert').filter({ hasText: 'truncated.tle' })).toContainText(
    'truncated.tle：没有可用的记录（拒收 1 条；第一条：第 1 条记录，第 1 行，行长度：共 60 列，应为 69 列（被截断））',
  );
  const toggle = page.getByRole('region', { name: '告警' }).getByRole('button', { name: /告警/ });
  if ((await toggle.first().getAttribute('aria-expanded')) !== 'true') await toggle.first().click();
  await expect(page.getByTestId('event-store-status')).toHaveText(/^事件历史：0 个事件/);
  await expect(page.getByRole('button', { name: '导出事件库' })).toBeVisible();
  await page.screenshot({ path: 'test-results/zh-bad-file.png' });
});

test('in Chinese, ignored address parameters are said in Chinese, each value as written', async ({
  page,
}) => {
  await page.goto('./?lang=zh&catalog=none&t=yesterday&zoom=3');
  const notice = page.getByRole('alert').filter({ hasText: 't=yesterday' });
  await expect(notice).toContainText(
    '已忽略未知参数“zoom” · 已忽略 t=yesterday：不是 ISO 8601 格式的 UTC 时间',
  );
  await page.screenshot({ path: 'test-results/zh-address-notice.png' });
});

test('the briefing HUD’s language switch is a 44 × 44 px target on a touch screen', async ({
  browser,
}) => {
  const context = await browser.newContext({
    hasTouch: true,
    viewport: { width: 1024, height: 768 },
  });
  const page = await context.newPage();
  await page.goto('./?mode=briefing&catalog=none&lang=zh');
  const box = await page.getByRole('button', { name: 'English' }).boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);
  expect(box?.height).toBeGreaterThanOrEqual(44);
  await context.close();
});

test('in Chinese, an OEM of an unknown version is refused in Chinese, its keyword as written', async ({
  page,
}) => {
  await page.goto('./?lang=zh&catalog=none');
  await expect(page.getByRole('status', { name: '编目状态' })).toHaveText('未加载编目');
  await page.getByLabel('加载编目').setInputFiles({
    name: 'future.oem',
    mimeType: 'text/plain',
    buffer: Buffer.from('CCSDS_OEM_VERS = 9.0\nCREATION_DATE = 2024-11-01T00:00:00\n'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'future.oem' })).toContainText(
    'future.oem：未加载 — 第 1 行：CCSDS_OEM_VERS 9.0：只支持 1.0、2.0 和 3.0',
  );
  await page.screenshot({ path: 'test-results/zh-oem-refused.png' });
});

test('in Chinese, a malformed CDM is refused in Chinese down to its message, line and keyword', async ({
  page,
}) => {
  await page.goto('./?lang=zh&catalog=none');
  await expect(page.getByRole('status', { name: '编目状态' })).toHaveText('未加载编目');
  await page.getByLabel('导入 CDM 或 SOCRATES').setInputFiles({
    name: 'bad.cdm',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'CCSDS_CDM_VERS = 1.0\nCREATION_DATE =\nORIGINATOR = TEST\nOBJECT = OBJECT1\nOBJECT = OBJECT2\n',
    ),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'bad.cdm' })).toContainText(
    '已加载 0 个事件；1 个问题：bad.cdm：第 1 条报文，第 2 行，CREATION_DATE：头部中必需关键字 CREATION_DATE 的值为空',
  );
  await page.screenshot({ path: 'test-results/zh-cdm-refused.png' });
});

test('in Chinese, a notification file missing a field is refused in Chinese, the field as written', async ({
  page,
}) => {
  await page.goto('./?lang=zh&catalog=none');
  await expect(page.getByRole('status', { name: '编目状态' })).toHaveText('未加载编目');
  const missingParty = {
    id: 'US-1',
    kind: 'space-launch',
    site: { siteId: 'cape-canaveral' },
    window: { start: '2024-10-31T12:00:00Z', end: '2024-10-31T14:00:00Z' },
    azimuthDeg: 45,
  };
  await page.getByLabel('加载通告').setInputFiles({
    name: 'bad-notice.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([missingParty])),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'bad-notice.json' })).toHaveText(
    '发射通告 — bad-notice.json：已加载 0 条，拒收 1 条：第 1 条通告（id US-1）：party：缺少此必填字段×',
  );
  await page.screenshot({ path: '/tmp/notif-zh.png' });
});

test('in Chinese, a screening run stored as data is named in Chinese, its figures as written', async ({
  page,
}) => {
  await page.goto('./?lang=zh&catalog=none');
  await expect(page.getByRole('status', { name: '编目状态' })).toHaveText('未加载编目');
  // An event store holding one update of an all-vs-all run (as a shift handover would bring it).
  const run: RunDescription = {
    ...{ kind: 'screening', startMs: Date.UTC(2024, 10, 1), hours: 24, thresholdKm: 5 },
    scope: { kind: 'allVsAll' },
  };
  const update = testUpdate({ tcaMs: Date.now() + 86_400_000, run: runLabelText(run) });
  update.record.run = run;
  const toggle = page.getByRole('region', { name: '告警' }).getByRole('button', { name: /告警/ });
  if ((await toggle.first().getAttribute('aria-expanded')) !== 'true') await toggle.first().click();
  await page.getByLabel('导入事件库（合并）').setInputFiles({
    name: 'store.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(historiesToDocument(mergeUpdates([], [update])))),
  });
  await page.getByRole('grid', { name: '交会' }).locator('tbody tr').first().click();
  await expect(page.getByRole('region', { name: '交会详情' })).toContainText(
    '筛查 筛查 2024-11-01 00:00 UTC 起 24 小时，阈值 5 km，全部对全部',
  );
  await page.screenshot({ path: 'test-results/zh-run-label.png' });
  // Its objects are not in the (empty) catalog: the OEM export is refused in Chinese.
  const encounter = page.getByRole('region', { name: '交会详情' });
  await encounter.getByRole('button', { name: '导出两个目标的星历（OEM）' }).click();
  await expect(encounter).toContainText('无法导出：OBJECT 25544（25544）不在已加载的编目中');
});

test('in Chinese, a screening for a primary not in the catalog is refused in Chinese', async ({
  page,
}) => {
  await page.goto('./?lang=zh&catalog=none');
  await expect(page.getByRole('status', { name: '编目状态' })).toHaveText('未加载编目');
  const other = ISS_TLE.map((l) => l.replace('25544', '25545')).map((l, i) =>
    i === 0 ? 'OTHER' : withChecksum(l),
  );
  await page.getByLabel('加载编目').setInputFiles({
    name: 'two.tle',
    mimeType: 'text/plain',
    buffer: Buffer.from([...ISS_TLE, ...other].join('\n') + '\n'),
  });
  await expect(page.getByRole('status', { name: '编目状态' })).toContainText('2 个目标');
  const screening = page.getByRole('region', { name: '筛查' });
  await screening.getByRole('button', { name: /近距离接近筛查/ }).click();
  await screening.getByLabel('主目标').fill('5');
  await screening.getByRole('button', { name: '运行筛查' }).click();
  await expect(screening.getByRole('alert')).toHaveText('筛查失败：主目标不在编目中：5');
});
