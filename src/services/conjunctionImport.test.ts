import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ElementSet } from '../domain/catalog/types';
import { sharedDataPath, skipWithoutSharedData } from '../testing/sharedData';
import { useConjunctionStore } from '../state/conjunctionStore';
import { useClockStore } from '../state/clockStore';
import { detectConjunctionFormat, importConjunctionTexts } from './conjunctionImport';

const cdmPath = (name: string) =>
  sharedDataPath('cara-pc-test-data', 'raw', 'PcTestCaseCDMs', `${name}.cdm`);
const HST = '000020580_conj_000002017_20230613_001923_20230608_063715';
const HST2 = '000020580_conj_000022015_20210315_212955_20210313_065123';

const SOCRATES_CSV = `NORAD_CAT_ID_1,OBJECT_NAME_1,DSE_1,NORAD_CAT_ID_2,OBJECT_NAME_2,DSE_2,TCA,TCA_RANGE,TCA_RELATIVE_SPEED,MAX_PROB,DILUTION
25544,ISS (ZARYA),0.5,49863,COSMOS 1408 DEB,1.2,2024-10-31 10:40:00.000,0.9,14.2,3.1e-5,0.3
44713,STARLINK-1007,0.1,xx,BROKEN,1,2024-10-31 11:00:00.000,1,1,,
`;

describe('format detection', () => {
  it('tells CDM KVN/XML and SOCRATES CSV/JSON apart by content', () => {
    expect(detectConjunctionFormat('a.txt', 'CCSDS_CDM_VERS = 1.0\n')).toBe('CDM');
    expect(detectConjunctionFormat('a.txt', 'COMMENT x\nCCSDS_CDM_VERS = 1.0\n')).toBe('CDM');
    expect(detectConjunctionFormat('a.xml', '<?xml version="1.0"?><cdm/>')).toBe('CDM');
    expect(detectConjunctionFormat('s.csv', SOCRATES_CSV)).toBe('SOCRATES-CSV');
    expect(detectConjunctionFormat('s.json', '[{"sat1":"1"}]')).toBe('SOCRATES-JSON');
    expect(detectConjunctionFormat('x.tle', '1 25544U 98067A ...')).toBeNull();
  });
});

describe('importing SOCRATES and unknown files', () => {
  it('loads good rows, names bad ones, rejects unknown files, and compares with the catalog', () => {
    const iss = { noradCatId: 25544 } as ElementSet;
    const result = importConjunctionTexts(
      [
        { name: 'socrates.csv', text: SOCRATES_CSV },
        { name: 'notes.txt', text: 'hello' },
      ],
      { lookup: (id) => (id === 25544 ? iss : undefined) },
    );
    expect(result.socrates).toHaveLength(1);
    expect(result.socrates[0]).toMatchObject({
      key: '25544-49863@2024-10-31T10:40:00.000Z',
      source: 'socrates',
      sourceLabel: 'socrates.csv',
      pc: { value: 3.1e-5, kind: 'maximum' },
    });
    // Only one of the two objects is in the catalog: no states, no comparison.
    expect(result.socrates[0].states).toBeUndefined();
    expect(result.problems).toEqual([
      expect.stringMatching(/^socrates\.csv: record 2, NORAD_CAT_ID_2: /),
      'notes.txt: not a CCSDS CDM (KVN or XML) or a SOCRATES list (CSV or JSON)',
    ]);
    expect(result.files.map((f) => [f.format, f.events])).toEqual([
      ['SOCRATES-CSV', 1],
      [null, 0],
    ]);
  });
});

describe.skipIf(skipWithoutSharedData)('importing CDMs', () => {
  beforeEach(() => useConjunctionStore.getState().clear());

  it('several files and several messages per file; a malformed message is named, the rest loads', () => {
    const a = readFileSync(cdmPath(HST), 'utf8');
    const b = readFileSync(cdmPath(HST2), 'utf8');
    const broken = b.replace(/^TCA\s*=.*$/m, 'TCA = 2021-13-45T99:00:00');
    const brokenLine = broken.split('\n').findIndex((l) => l.startsWith('TCA')) + 1;
    const multi = `${a.trimEnd()}\n${broken}`;
    const offset = a.trimEnd().split('\n').length;
    const result = importConjunctionTexts(
      [
        { name: 'multi.cdm', text: multi },
        { name: 'single.cdm', text: b },
      ],
      { defaultHbrM: 10 },
    );
    expect(result.cdm.map((r) => r.key)).toEqual([
      '20580-2017@2023-06-13T00:19:23.766Z',
      `20580-22015@${result.cdm[1].key.split('@')[1]}`,
    ]);
    expect(result.cdm[1].sourceLabel).toBe('single.cdm');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      new RegExp(`^multi\\.cdm: message 2, line ${offset + brokenLine}, TCA: .*invalid epoch`),
    );
    expect(result.cdm[0].pc?.kind).toBe('covariance');
  });

  it('the store merges by key, selects linked events on arrival and stops the clock before TCA', () => {
    const result = importConjunctionTexts([
      { name: 'a.cdm', text: readFileSync(cdmPath(HST), 'utf8') },
    ]);
    const store = useConjunctionStore.getState();
    store.setPendingLink('20580-2017@2023-06-13T00:19:23.766Z');
    expect(useConjunctionStore.getState().selectedKey).toBeNull();
    store.addEvents('cdm', result.cdm);
    store.addEvents('cdm', result.cdm);
    const s = useConjunctionStore.getState();
    expect(s.events).toHaveLength(1);
    expect(s.selectedKey).toBe('20580-2017@2023-06-13T00:19:23.766Z');
    expect(s.pendingLink).toBeNull();
    const clock = useClockStore.getState();
    expect(clock.playing).toBe(false);
    expect(clock.anchorSimMs).toBe(result.cdm[0].tcaMs - s.settings.leadMs);
    // The default HBR setting does not change a message that gives its own.
    const before = s.events[0].pc!.value;
    s.setDefaultHbr(20);
    expect(useConjunctionStore.getState().events[0].pc!.value).toBe(before);
    expect(useConjunctionStore.getState().eventsSortedBy('pc')[0].key).toBe(s.selectedKey);
  });

  it('an XML CDM without a hard-body radius gets the default HBR, named as such', () => {
    const xml = readFileSync(sharedDataPath('cdm-samples-ccsds', 'CDMExample1.xml'), 'utf8');
    const result = importConjunctionTexts([{ name: 'CDMExample1.xml', text: xml }], {
      defaultHbrM: 7,
    });
    expect(result.problems).toEqual([]);
    expect(result.files[0].format).toBe('CDM');
    const r = result.cdm[0];
    expect(r.key).toBe('12345-30337@2010-03-13T22:37:52.618Z');
    expect(r.rangeKm).toBe(0.715);
    expect(r.pc).toMatchObject({ kind: 'covariance', hbrM: 7, hbrSource: 'DEFAULT' });
    expect(r.pc!.value).toBeGreaterThan(0);
    expect(r.states?.frame).toBe('EME2000');
  });
});
