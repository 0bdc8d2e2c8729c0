import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/domain/catalog/load';
import { onOrbitSnapshotCsv, skipWithoutSharedData } from '../src/testing/sharedData';
import { FIRST_COPY_CATALOG_NUMBER, syntheticCsv } from './loadFiles';

describe.skipIf(skipWithoutSharedData)('the synthetic catalog for the viewer bench', () => {
  it('holds the real objects as they are, then copies on orbits and catalog numbers of their own', () => {
    const real = loadCatalog(readFileSync(onOrbitSnapshotCsv, 'utf8'), { initCheck: () => null });
    const grown = loadCatalog(syntheticCsv(60_000), { initCheck: () => null });
    expect(grown.objects).toHaveLength(60_000);
    expect(grown.rejected).toHaveLength(0);
    expect(grown.duplicatesDropped).toBe(0);
    const n = real.objects.length + real.rejected.length;
    expect(grown.objects.slice(0, real.objects.length)).toEqual(real.objects);
    const realIds = new Set(real.objects.map((o) => o.noradCatId));
    const copies = grown.objects.slice(n);
    expect(copies.every((o) => o.noradCatId >= FIRST_COPY_CATALOG_NUMBER)).toBe(true);
    expect(copies.some((o) => realIds.has(o.noradCatId))).toBe(false);
    // The first copy of the first object: same shape, turned node and anomaly.
    const [original, copy] = [grown.objects[0], copies[0]];
    expect(copy.meanMotionRevPerDay).toBe(original.meanMotionRevPerDay);
    expect(copy.raOfAscNodeDeg).toBeCloseTo((original.raOfAscNodeDeg + 27.7) % 360, 3);
    expect(copy.meanAnomalyDeg).toBeCloseTo((original.meanAnomalyDeg + 41.3) % 360, 3);
  });
});
