// Node-only: where the shared reference data lives (tests, benchmarks, the build's snapshot).
// Set SSA_DATA_DIR to point elsewhere; the default is the workplace's ../shared/data.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const sharedDataDir = resolve(repoRoot, process.env.SSA_DATA_DIR ?? '../shared/data');

export const sharedDataPresent = existsSync(sharedDataDir);

/** Absolute path of a file under the shared data folder. */
export function sharedDataPath(...parts: string[]): string {
  return resolve(sharedDataDir, ...parts);
}

export const skipWithoutSharedData = sharedDataPresent
  ? false
  : `shared data folder ${sharedDataDir} is absent (set SSA_DATA_DIR)`;

export const onOrbitSnapshotCsv = sharedDataPath(
  'catalog-celestrak-on-orbit-2024-11-01',
  'on-orbit-20241101.csv',
);
export const activeTle = sharedDataPath('catalog-celestrak-active-2026-03-19', 'active.tle');
