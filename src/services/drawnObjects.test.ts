import { describe, expect, it } from 'vitest';
import { deriveCatalogObject } from '../domain/catalog/derive';
import { messageToTeme } from '../domain/oem/frames';
import { elementSetToOem } from '../domain/oem/sample';
import { readOem } from '../domain/oem/read';
import { usableSpans } from '../domain/oem/display';
import type { LoadedEphemeris } from '../state/ephemerisStore';
import { ISS_2024_10_31 } from '../testing/elements';
import { composeDrawn } from './drawnObjects';

const iss = deriveCatalogObject(ISS_2024_10_31);

function ephemerisOf(objectId: string): LoadedEphemeris {
  const t0 = iss.epochMs;
  const written = elementSetToOem(
    { ...ISS_2024_10_31, objectId },
    { startMs: t0, stopMs: t0 + 3_600_000, stepMs: 60_000 },
    { originator: 'TEST', creationDateMs: t0 },
  );
  if (!written.ok) throw new Error(written.reason);
  const read = readOem(written.text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  const teme = messageToTeme(read.message).segments;
  return {
    fileName: `${objectId}.oem`,
    message: read.message,
    teme,
    spansMs: usableSpans(teme),
    rejected: [],
    id: 0,
    hasCounterpart: false,
    plannedFor: null,
  };
}

describe('drawn objects: the catalog and the ephemerides', () => {
  it('lets an ephemeris of a catalog object stand in for it, adding no object', () => {
    const drawn = composeDrawn([iss], [ephemerisOf('1998-067A')]);
    expect(drawn.objects).toHaveLength(1);
    expect(drawn.overrides).toMatchObject([{ index: 0, ephemerisOnly: false }]);
    expect(drawn.entries[0]).toMatchObject({ id: 25544, hasCounterpart: true });
  });

  it('adds an object the catalog lacks, once, however often the catalog is composed again', () => {
    const first = composeDrawn([iss], [ephemerisOf('2099-001A')]);
    expect(first.objects).toHaveLength(2);
    expect(first.objects[1]).toMatchObject({ noradCatId: 1_000_000_000, ephemerisOnly: true });
    expect(first.overrides).toMatchObject([{ index: 1, ephemerisOnly: true }]);
    expect(first.entries[0]).toMatchObject({ id: 1_000_000_000, hasCounterpart: false });
    const again = composeDrawn(first.objects, first.entries);
    expect(again.objects).toHaveLength(2);
    // Covariances are not sent to the drawing workers.
    expect(again.overrides[0].segments[0].covariances).toEqual([]);
  });

  it('draws a planned manoeuvre beside its nominal, which keeps standing in', () => {
    const nominal = ephemerisOf('1998-067A');
    const planned = {
      ...ephemerisOf('1998-067A'),
      fileName: 'planned.oem',
      plannedFor: nominal.fileName,
    };
    // Listed planned first: the nominal still takes the catalog number.
    const drawn = composeDrawn([iss], [planned, nominal]);
    expect(drawn.objects).toHaveLength(2);
    expect(drawn.objects[1]).toMatchObject({
      noradCatId: 1_000_000_000,
      objectName: 'ISS (ZARYA) (planned)',
      ephemerisOnly: true,
    });
    expect(drawn.entries.map((e) => [e.fileName, e.id, e.hasCounterpart])).toEqual([
      ['1998-067A.oem', 25544, true],
      ['planned.oem', 1_000_000_000, false],
    ]);
  });
});
