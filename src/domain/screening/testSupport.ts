// Test helpers shared by the screening tests (Node only).
import { readFileSync } from 'node:fs';
import type { CatalogObject, ElementSet } from '../catalog/types';
import { testElements } from '../../testing/elements';
import { onOrbitSnapshotCsv, sharedDataPresent } from '../../testing/sharedData';
import { loadCatalogText } from '../catalog/load';
import type { ConjunctionEvent } from './types';

let cached: CatalogObject[] | null = null;

/** The 2024-11-01 CelesTrak snapshot (26,834 objects), loaded once per test file. */
export function snapshot(): CatalogObject[] {
  if (!sharedDataPresent) return [];
  cached ??= loadCatalogText(readFileSync(onOrbitSnapshotCsv, 'utf8')).objects;
  return cached;
}

export const SNAPSHOT_START = Date.parse('2024-11-01T00:00:00Z');

/** A circular-ish LEO element set to build constructed encounters from (6-digit number). */
export function baseElements(over: Partial<ElementSet>): ElementSet {
  return testElements({ noradCatId: 200001, epochMs: SNAPSHOT_START, ...over });
}

export interface Comparison {
  missed: ConjunctionEvent[];
  extra: ConjunctionEvent[];
  maxTcaDiffMs: number;
  maxRangeDiffKm: number;
}

/** Match events by pair and TCA (within 1 s), then measure the differences. */
export function compareEvents(
  found: ConjunctionEvent[],
  reference: ConjunctionEvent[],
): Comparison {
  const key = (e: ConjunctionEvent) => `${Math.min(e.id1, e.id2)}-${Math.max(e.id1, e.id2)}`;
  const byPair = new Map<string, ConjunctionEvent[]>();
  for (const e of found) {
    const k = key(e);
    if (!byPair.has(k)) byPair.set(k, []);
    byPair.get(k)!.push(e);
  }
  const used = new Set<ConjunctionEvent>();
  const missed: ConjunctionEvent[] = [];
  let maxTcaDiffMs = 0;
  let maxRangeDiffKm = 0;
  for (const r of reference) {
    const m = (byPair.get(key(r)) ?? []).find(
      (e) => !used.has(e) && Math.abs(e.tcaMs - r.tcaMs) < 1000,
    );
    if (!m) {
      missed.push(r);
      continue;
    }
    used.add(m);
    maxTcaDiffMs = Math.max(maxTcaDiffMs, Math.abs(m.tcaMs - r.tcaMs));
    maxRangeDiffKm = Math.max(maxRangeDiffKm, Math.abs(m.rangeKm - r.rangeKm));
  }
  return { missed, extra: found.filter((e) => !used.has(e)), maxTcaDiffMs, maxRangeDiffKm };
}
