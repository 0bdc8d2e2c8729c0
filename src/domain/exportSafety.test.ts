import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCdm } from './cdm/parse';
import { writeCdmKvn } from './cdm/writeKvn';
import { eventKey, eventsToCsv } from './conjunctions/list';
import type { ConjunctionRecord } from './conjunctions/types';
import { csvCell, csvRow, kvnKeyword, kvnText, safeFileName } from './exportSafety';
import { sharedDataPath, skipWithoutSharedData } from '../testing/sharedData';

const HYPERLINK = '=HYPERLINK("http://evil","x")';
const DDE = "+cmd|' /C calc'!A0";

describe('CSV cells are safe to open in a spreadsheet', () => {
  it('neutralise formulas with an apostrophe, quoting where RFC 4180 needs it', () => {
    expect(csvCell(HYPERLINK)).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell(DDE)).toBe(`'${DDE}`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tTAB')).toBe("'\tTAB");
    expect(csvCell('\rCR')).toBe(`"'\rCR"`);
  });

  it('keep numbers numbers, negative ones included, and plain text as it is', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell('+3e-5')).toBe('+3e-5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('ISS (ZARYA)')).toBe('ISS (ZARYA)');
    expect(csvCell('TEST B, TRAILING')).toBe('"TEST B, TRAILING"');
    expect(csvCell(null)).toBe('');
    expect(csvRow([1, 'a', undefined, -2])).toBe('1,a,,-2');
  });

  it('the event list export neutralises names from a CDM', () => {
    const tcaMs = Date.parse('2024-11-01T00:00:00Z');
    const record: ConjunctionRecord = {
      key: eventKey('1', '2', tcaMs),
      source: 'cdm',
      sourceLabel: 'evil.cdm',
      designator1: '1',
      designator2: '2',
      id1: 1,
      id2: 2,
      name1: HYPERLINK,
      name2: DDE,
      tcaMs,
      rangeKm: -1.5,
      relSpeedKmS: 10,
    };
    const csv = eventsToCsv([record]);
    const row = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data[0];
    expect(row.name1).toBe(`'${HYPERLINK}`);
    expect(row.name2).toBe(`'${DDE}`);
    expect(row.missKm).toBe('-1.5');
    // No cell of the file starts a formula.
    for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });
});

describe('names never reach KVN keywords or file names unescaped', () => {
  it('kvnText and kvnKeyword keep one line and a keyword shape', () => {
    expect(kvnText('EVIL\nMISS_DISTANCE = 0 [m]')).toBe('EVIL MISS_DISTANCE = 0 [m]');
    expect(kvnText('a\r\nb\u2028c')).toBe('a b c');
    expect(kvnKeyword('X\nY = 1')).toBe('X_Y___1');
  });

  it('safeFileName keeps letters, digits, dot, dash and underscore, no leading dot', () => {
    expect(safeFileName('20580-2017@2023-06-13T00:19:23.766Z')).toBe(
      '20580-2017_2023-06-13T00_19_23.766Z',
    );
    expect(safeFileName('../../etc/passwd\n')).toBe('etc_passwd_');
    expect(safeFileName('\n\n', 'conjunction')).toBe('conjunction');
    expect(safeFileName('x'.repeat(500))).toHaveLength(120);
  });

  it.skipIf(skipWithoutSharedData)(
    'an OBJECT_NAME with a line break cannot inject a KVN line into an exported CDM',
    () => {
      const text = readFileSync(
        sharedDataPath(
          'cara-pc-test-data',
          'raw',
          'PcTestCaseCDMs',
          '000020580_conj_000002017_20230613_001923_20230608_063715.cdm',
        ),
        'utf8',
      );
      const message = parseCdm(text).messages[0];
      message.object1.objectName = 'EVIL\nMISS_DISTANCE = 0';
      message.relative.comments = ['first\nTCA = 2000-01-01T00:00:00'];
      const written = writeCdmKvn(message);
      const back = parseCdm(written);
      expect(back.errors).toEqual([]);
      expect(back.messages[0].relative.missDistanceM).toBe(message.relative.missDistanceM);
      expect(back.messages[0].relative.tcaMs).toBe(message.relative.tcaMs);
      expect(written.split('\n').filter((l) => /^MISS_DISTANCE\b/.test(l))).toHaveLength(1);
      expect(back.messages[0].object1.objectName).toBe('EVIL MISS_DISTANCE = 0');
    },
  );
});
