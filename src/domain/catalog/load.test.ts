import { json2satrec, sgp4, type OMMJsonObject } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { CatalogFormatError } from './errors';
import { dedupeByCatalogNumber, loadCatalog, type InitCheck } from './load';
import { tleChecksum } from './tle';
import { toOmmRecord } from './write';

const ISS_NAME = 'ISS (ZARYA)';
const ISS_1 = '1 25544U 98067A   26078.12958500  .00009105  00000+0  17698-3 0  9991';
const ISS_2 = '2 25544  51.6344  25.6919 0006229 207.4819 152.5840 15.48370465557798';
const IS10 = [
  'INTELSAT 10 (IS-10)',
  '1 26766U 01019A   26078.00512954  .00000047  00000+0  00000+0 0  9996',
  '2 26766   8.8597  60.1630 0005480 274.3366 282.3178  0.99036567 44688',
];

function edit(line: string, start: number, text: string): string {
  const edited = line.slice(0, start) + text + line.slice(start + text.length);
  return edited.slice(0, 68) + tleChecksum(edited);
}

/** ISS with another epoch day and revolution number, to tell copies apart. */
function iss(epochDay: string, rev: string): string[] {
  return [ISS_NAME, edit(ISS_1, 20, epochDay), edit(ISS_2, 63, rev)];
}

/** What the propagation layer's check does: initialise SGP4 and propagate to epoch. */
const sgp4Check: InitCheck = (element) => {
  const satrec = json2satrec(toOmmRecord(element) as unknown as OMMJsonObject);
  return satrec.error === 0 && sgp4(satrec, 0) !== null ? null : `SGP4 error ${satrec.error}`;
};

describe('loadCatalog', () => {
  it('keeps the newest epoch of each catalog number and counts the dropped ones', () => {
    const text = [
      ...iss('078.12958500', '55779'), // record 1
      ...IS10, // record 2
      ...iss('079.50000000', '55800'), // record 3: newest ISS
      ...iss('077.00000000', '55760'), // record 4: oldest
    ].join('\n');
    const loaded = loadCatalog(text, { initCheck: sgp4Check });
    expect(loaded.format).toBe('TLE');
    expect(loaded.duplicatesDropped).toBe(2);
    expect(loaded.rejected).toEqual([]);
    expect(loaded.objects.map((o) => [o.noradCatId, o.revAtEpoch])).toEqual([
      [26766, 4468],
      [25544, 55800],
    ]);
    expect(loaded.objects[1].epochMs).toBe(Date.UTC(2026, 2, 20, 12));
  });

  it('keeps the later record when epochs are equal', () => {
    const text = [...iss('078.12958500', '55779'), ...iss('078.12958500', '55780')].join('\n');
    const loaded = loadCatalog(text, { initCheck: () => null });
    expect(loaded.duplicatesDropped).toBe(1);
    expect(loaded.objects.map((o) => o.revAtEpoch)).toEqual([55780]);
  });

  it('reports objects SGP4 cannot initialise as "SGP4 init", in record order with parse rejections', () => {
    const text = [
      ...iss('078.12958500', '55779'), // record 1: fine
      ...IS10.slice(0, 2), // record 2: line 2 missing (the next line is a name)
      ISS_NAME.replace('ISS', 'DECAYED'), // record 3: 17.5 rev/day is inside the Earth
      edit(ISS_1, 2, '99001'),
      edit(edit(ISS_2, 2, '99001'), 52, '17.50000000'),
    ].join('\n');
    const loaded = loadCatalog(text, { initCheck: sgp4Check });
    expect(loaded.objects.map((o) => o.noradCatId)).toEqual([25544]);
    expect(loaded.rejected).toEqual([
      {
        record: 2,
        line: 5,
        field: 'element lines',
        reason: 'line 2 missing after line 1',
        issue: { code: 'noLine2', values: expect.any(Object) },
      },
      {
        record: 3,
        line: 6,
        field: 'SGP4 init',
        reason: 'SGP4 error 6',
        issue: { code: 'sgp4Init', values: { detail: 'SGP4 error 6' } },
      },
    ]);
  });

  it('turns an init check that throws into a rejection', () => {
    const loaded = loadCatalog([ISS_NAME, ISS_1, ISS_2].join('\n'), {
      initCheck: () => {
        throw new Error('satrec exploded');
      },
    });
    expect(loaded.objects).toEqual([]);
    expect(loaded.rejected).toEqual([
      {
        record: 1,
        line: 1,
        field: 'SGP4 init',
        reason: 'satrec exploded',
        issue: { code: 'sgp4Init', values: { detail: 'satrec exploded' } },
      },
    ]);
  });

  it('derives type and regime for each object', () => {
    const loaded = loadCatalog([ISS_NAME, ISS_1, ISS_2, ...IS10].join('\n'), {
      initCheck: sgp4Check,
    });
    expect(loaded.objects.map((o) => [o.type, o.regime])).toEqual([
      ['PAYLOAD', 'LEO'],
      ['PAYLOAD', 'GEO'],
    ]);
    expect(loaded.objects[0].periodMin).toBeCloseTo(93.0, 1);
  });

  it('throws whole-file failures with the file name', () => {
    expect(() =>
      loadCatalog('<!doctype html><p>hi', { initCheck: sgp4Check, fileName: 'a.tle' }),
    ).toThrow(CatalogFormatError);
    expect(() => loadCatalog('', { initCheck: sgp4Check, fileName: 'a.tle' })).toThrow(
      /^a\.tle: empty file/,
    );
  });
});

describe('dedupeByCatalogNumber', () => {
  it('keeps origins aligned with the kept elements', () => {
    const base = { noradCatId: 1, epochMs: 0 } as never;
    const elements = [
      { ...(base as object), noradCatId: 1, epochMs: 5 },
      { ...(base as object), noradCatId: 2, epochMs: 1 },
      { ...(base as object), noradCatId: 1, epochMs: 9 },
    ] as never[];
    const origins = [{ record: 1 }, { record: 2 }, { record: 3 }];
    const result = dedupeByCatalogNumber(elements, origins);
    expect(result.duplicatesDropped).toBe(1);
    expect(result.origins).toEqual([{ record: 2 }, { record: 3 }]);
    expect(result.elements).toEqual([elements[1], elements[2]]);
  });
});
