// Node-only: where the shared reference data lives (tests, benchmarks, the build's snapshot).
// Set SSA_DATA_DIR to point elsewhere; the default is the workplace's ../shared/data.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

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

/** NASA CARA's expected results per test conjunction (its Conjunction_ID), as text fields. */
export function caraConjunctions(): Map<string, Record<string, string>> {
  const rows = Papa.parse<Record<string, string>>(
    readFileSync(
      sharedDataPath('cara-pc-test-data', 'CARA_PcMethod_Test_Conjunctions.csv'),
      'utf8',
    ),
    { header: true, skipEmptyLines: true },
  ).data;
  return new Map(rows.map((row) => [row.Conjunction_ID, row]));
}
