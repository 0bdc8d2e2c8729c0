import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { parseSocratesCsv, parseSocratesKeeptrackJson } from './socrates';

const dir = sharedDataPath('socrates-keeptrack-top10-2023-12-to-2024-09');

describe.skipIf(skipWithoutSharedData)('SOCRATES KeepTrack JSON', () => {
  it('all 19 snapshots load, 10 events each, in km, km/s and ms', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(19);
    for (const f of files) {
      const { events, rejected } = parseSocratesKeeptrackJson(readFileSync(`${dir}/${f}`, 'utf8'));
      expect(rejected, f).toEqual([]);
      expect(events, f).toHaveLength(10);
      for (const e of events) {
        expect(e.rangeKm).toBeGreaterThanOrEqual(0);
        expect(e.rangeKm).toBeLessThan(5);
        expect(e.relSpeedKmS).toBeGreaterThanOrEqual(0); // co-orbiting pairs show 0.000
        expect(e.relSpeedKmS).toBeLessThan(16);
        expect(e.maxPc).toBeGreaterThan(0);
      }
    }
    const first = parseSocratesKeeptrackJson(
      readFileSync(`${dir}/SOCRATES_20231224-1304.json`, 'utf8'),
    ).events[0];
    expect(first).toEqual({
      id1: 28220,
      name1: 'SHIYAN 1 (SY-1)',
      id2: 50808,
      name2: 'STARLINK-3355',
      tcaMs: Date.UTC(2023, 11, 30, 16, 22, 12, 816),
      rangeKm: 0.009,
      relSpeedKmS: 13.582,
      maxPc: 0.2421,
      dse1: 6.89,
      dse2: 6.67,
      dilutionKm: 0.004,
      source: 'SOCRATES-KEEPTRACK-JSON',
    });
  });
});

describe('SOCRATES CSV', () => {
  const csv = [
    'NORAD_CAT_ID_1,OBJECT_NAME_1,DSE_1,NORAD_CAT_ID_2,OBJECT_NAME_2,DSE_2,TCA,TCA_RANGE,TCA_RELATIVE_SPEED,MAX_PROB,DILUTION',
    '25544,ISS (ZARYA),0.512,49863,"COSMOS 1408 DEB, A",1.734,2024-09-12 03:51:17.093,0.123,14.562,1.234E-04,0.031',
    '43013,NOAA 20,2.001,99999,BAD ROW,1.0,not a time,1,1,,',
    '101234,OMM-ONLY OBJECT,0.25,20580,HST,0.75,2024-09-13T10:00:00.000,4.999,0.05,,',
    '',
  ].join('\r\n');

  it('maps rows to events, with quoted names, optional MAX_PROB and 6-digit catalog numbers', () => {
    const { events, rejected } = parseSocratesCsv(csv);
    expect(events).toEqual([
      {
        id1: 25544,
        name1: 'ISS (ZARYA)',
        id2: 49863,
        name2: 'COSMOS 1408 DEB, A',
        tcaMs: Date.UTC(2024, 8, 12, 3, 51, 17, 93),
        rangeKm: 0.123,
        relSpeedKmS: 14.562,
        maxPc: 1.234e-4,
        dse1: 0.512,
        dse2: 1.734,
        dilutionKm: 0.031,
        source: 'SOCRATES-CSV',
      },
      {
        id1: 101234,
        name1: 'OMM-ONLY OBJECT',
        id2: 20580,
        name2: 'HST',
        tcaMs: Date.UTC(2024, 8, 13, 10),
        rangeKm: 4.999,
        relSpeedKmS: 0.05,
        maxPc: undefined,
        dse1: 0.25,
        dse2: 0.75,
        dilutionKm: undefined,
        source: 'SOCRATES-CSV',
      },
    ]);
    expect(rejected).toEqual([
      {
        record: 2,
        field: 'TCA',
        reason: 'not a UTC time: "not a time"',
        issue: { code: 'notUtcTime', values: { value: '"not a time"' } },
      },
    ]);
  });

  it('rejects a JSON document that is not an array', () => {
    expect(() => parseSocratesKeeptrackJson('{}')).toThrow(/array/);
    expect(parseSocratesKeeptrackJson('[{"sat1":"x"}]').rejected[0]).toMatchObject({
      record: 1,
      field: 'sat1',
    });
  });
});
