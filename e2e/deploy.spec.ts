import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';
import { canvasStats, recordRequests, waitForCatalog } from './helpers';

test.skip(
  !existsSync(onOrbitSnapshotCsv),
  `offline snapshot ${onOrbitSnapshotCsv} is absent (set SSA_DATA_DIR)`,
);

const dist = resolve('dist');
const SUB_PATH = '/tools/orbital-watch/';
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.xml': 'application/xml',
  '.csv': 'text/csv',
  '.wasm': 'application/wasm',
};

/** The dumbest static host there is: files under a sub-path, nothing else. */
function staticHost(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) return res.writeHead(404).end();
    let file = normalize(join(dist, path.slice(SUB_PATH.length)));
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      done({ server, origin: `http://127.0.0.1:${address.port}` });
    }),
  );
}

test('the static build works from a plain static host under a sub-path', async ({ page }) => {
  const { server, origin } = await staticHost();
  try {
    const requests = recordRequests(page);
    await page.goto(`${origin}${SUB_PATH}?sel=25544`);
    expect(await waitForCatalog(page, 26_000)).toBeGreaterThan(26_000);
    await expect(page.getByRole('region', { name: 'Selected object' })).toContainText(
      'ISS (ZARYA)',
    );
    await page.waitForTimeout(3000);
    expect((await canvasStats(page)).litFraction).toBeGreaterThan(0.1);
    const outside = requests.filter(
      (u) =>
        !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith(`${origin}${SUB_PATH}`),
    );
    expect(outside).toEqual([]);
  } finally {
    server.close();
  }
});
