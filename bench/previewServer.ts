// Build the app and serve it with `vite preview` for the in-browser half of a benchmark.
import { execFileSync, spawn } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';

async function waitForServer(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`preview server did not answer at ${url}`);
}

/** Build, serve on `port`, run `measure` against the base URL, then stop the server. */
export async function withBuiltApp<T>(port: number, measure: (baseUrl: string) => Promise<T>) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  try {
    const baseUrl = `http://127.0.0.1:${port}/`;
    await waitForServer(baseUrl);
    return await measure(baseUrl);
  } finally {
    process.kill(-server.pid!);
  }
}

/** Debian's Chromium with the software-WebGL flags the end-to-end tests use. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
}
