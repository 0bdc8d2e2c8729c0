import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../catalog/parse';
import type { ElementSet } from '../catalog/types';
import { onOrbitSnapshotCsv, skipWithoutSharedData } from '../../testing/sharedData';
import { eventFromCatalog } from './fromLink';

/** The snapshot's rows for a few catalog numbers, parsed by the real OMM CSV reader. */
function snapshotObjects(ids: number[]): Map<number, ElementSet> {
  const [header, ...rows] = readFileSync(onOrbitSnapshotCsv, 'utf8').split(/\r?\n/);
  const idColumn = header.split(',').indexOf('NORAD_CAT_ID');
  const wanted = rows.filter((r) => ids.includes(Number(r.split(',')[idColumn])));
  const { elements } = parseCatalog([header, ...wanted].join('\n'));
  return new Map(elements.map((e) => [e.noradCatId, e]));
}

describe.skipIf(skipWithoutSharedData)('an event link recomputed from the catalog', () => {
  const objects = snapshotObjects([25544, 43100, 20580]);
  const lookup = (id: number) => objects.get(id);

  // Found by `cli screen` on the 2024-11-01 snapshot (e2e/fixtures/socrates-snapshot-pair.csv).
  it('reopens the event our own screening found, to the millisecond', () => {
    const linked = eventFromCatalog('25544-43100@2024-10-31T10:59:32.427Z', lookup, 10);
    expect(linked.ok).toBe(true);
    if (!linked.ok) return;
    const r = linked.record;
    expect(r.key).toBe('25544-43100@2024-10-31T10:59:32.427Z');
    expect(r.name1).toBe('ISS (ZARYA)');
    expect(r.name2).toBe('SUPERVIEW-1 04');
    expect(r.rangeKm).toBeCloseTo(13.884, 3);
    expect(r.relSpeedKmS).toBeCloseTo(6.758, 3);
    expect(r.states).toBeDefined();
    expect(r.pc?.kind).toBe('maximum');
  });

  it('keeps the link’s order of objects: object 1 is the first named', () => {
    const linked = eventFromCatalog('43100-25544@2024-10-31T10:59:32.427Z', lookup, 10);
    expect(linked.ok && [linked.record.id1, linked.record.id2]).toEqual([43100, 25544]);
    expect(
      linked.ok && Math.abs(linked.record.tcaMs - Date.parse('2024-10-31T10:59:32.427Z')),
    ).toBeLessThan(1);
  });

  it('names what is missing or wrong instead of inventing an event', () => {
    expect(eventFromCatalog('25544-99999@2024-10-31T10:59:32.427Z', lookup, 10)).toEqual({
      ok: false,
      issue: { code: 'oneMissing', values: { id: '99999' } },
      reason: '99999 not in the loaded catalog',
    });
    expect(eventFromCatalog('25544@yesterday', lookup, 10)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is not <id1>-<id2>@'),
    });
    // HST and the ISS are never within 100 km of each other.
    expect(eventFromCatalog('20580-25544@2024-10-31T10:59:32.427Z', lookup, 10)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no closer than 100 km'),
    });
  });
});
