import { readFileSync } from 'node:fs';
import { json2satrec, twoline2satrec, type OMMJsonObject, type SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { activeTle, skipWithoutSharedData } from '../../testing/sharedData';
import { decodeAlpha5, encodeAlpha5 } from './alpha5';
import { julianDateFromEpochMs } from './epoch';
import { parseTle, tleChecksum } from './tle';
import type { ElementSet } from './types';
import { toOmmRecord, toTleLines } from './write';

// Real lines from CelesTrak's active group (2026-03-19).
const ISS_NAME = 'ISS (ZARYA)';
const ISS_1 = '1 25544U 98067A   26078.12958500  .00009105  00000+0  17698-3 0  9991';
const ISS_2 = '2 25544  51.6344  25.6919 0006229 207.4819 152.5840 15.48370465557798';
const IS10_NAME = 'INTELSAT 10 (IS-10)';
const IS10_1 = '1 26766U 01019A   26078.00512954  .00000047  00000+0  00000+0 0  9996';
const IS10_2 = '2 26766   8.8597  60.1630 0005480 274.3366 282.3178  0.99036567 44688';

/** Replaces columns [start, start + text.length) and recomputes the checksum. */
function edit(line: string, start: number, text: string, fixChecksum = true): string {
  const edited = line.slice(0, start) + text + line.slice(start + text.length);
  return fixChecksum ? edited.slice(0, 68) + tleChecksum(edited) : edited;
}

function readActive(): string[] {
  return readFileSync(activeTle, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

function satrecFromElements(el: ElementSet): SatRec {
  return json2satrec(toOmmRecord(el) as unknown as OMMJsonObject);
}

describe('Alpha-5 catalog numbers', () => {
  it.each([
    ['00005', 5],
    ['25544', 25544],
    ['99999', 99999],
    ['A0000', 100000],
    ['A0001', 100001],
    ['E8493', 148493],
    ['H9999', 179999],
    ['J0000', 180000],
    ['N9999', 229999],
    ['P0000', 230000],
    ['Z9999', 339999],
  ])('%s ↔ %i', (field, n) => {
    expect(decodeAlpha5(field)).toBe(n);
    expect(encodeAlpha5(n)).toBe(field);
  });

  it('refuses I and O, lowercase, and numbers a TLE cannot hold', () => {
    expect(decodeAlpha5('I0000')).toBeNaN();
    expect(decodeAlpha5('O1234')).toBeNaN();
    expect(decodeAlpha5('a0000')).toBeNaN();
    expect(decodeAlpha5('12a45')).toBeNaN();
    expect(() => encodeAlpha5(340000)).toThrow(/339999/);
    expect(() => encodeAlpha5(-1)).toThrow();
  });

  it('round-trips a TLE with an Alpha-5 number', () => {
    const l1 = edit(ISS_1, 2, 'E8493');
    const l2 = edit(ISS_2, 2, 'E8493');
    const parsed = parseTle([ISS_NAME, l1, l2].join('\n'));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.elements[0].noradCatId).toBe(148493);
    expect(toTleLines(parsed.elements[0])).toEqual([ISS_NAME, l1, l2]);
  });
});

describe('parseTle on well-formed text', () => {
  it('reads the ISS element set field by field', () => {
    const { format, elements, rejected, origins } = parseTle(`${ISS_NAME}\n${ISS_1}\n${ISS_2}\n`);
    expect(format).toBe('TLE');
    expect(rejected).toEqual([]);
    expect(origins).toEqual([{ record: 1, line: 1 }]);
    const iss = elements[0];
    expect(iss).toEqual({
      objectName: 'ISS (ZARYA)',
      objectId: '1998-067A',
      noradCatId: 25544,
      epochMs: iss.epochMs,
      meanMotionRevPerDay: 15.48370465,
      eccentricity: 0.0006229,
      inclinationDeg: 51.6344,
      raOfAscNodeDeg: 25.6919,
      argOfPericenterDeg: 207.4819,
      meanAnomalyDeg: 152.584,
      bstar: 0.17698e-3,
      meanMotionDot: 0.00009105,
      meanMotionDdot: 0,
      classificationType: 'U',
      elementSetNo: 999,
      revAtEpoch: 55779,
      ephemerisType: 0,
    });
    // 2026 day 78.12958500 = 19 March 03:06:36.144 UTC, exactly.
    expect(iss.epochMs).toBeCloseTo(Date.UTC(2026, 2, 19, 3, 6, 36, 144), 3);
  });

  it('keeps sub-millisecond epoch precision and maps two-digit years 57–99 to 19xx', () => {
    const l1 = edit(ISS_1, 18, '57001.00000001');
    const [el] = parseTle(`${l1}\n${ISS_2}`).elements;
    // 1e-8 day = 0.864 ms; a double near 1957 resolves ~6e-5 ms.
    expect(Math.abs(el.epochMs - Date.UTC(1957, 0, 1) - 0.864)).toBeLessThan(1e-4);
    const l1b = edit(ISS_1, 18, '56366.50000000'); // 2056 is a leap year
    const [el2] = parseTle(`${l1b}\n${ISS_2}`).elements;
    expect(el2.epochMs).toBe(Date.UTC(2056, 11, 31, 12));
  });

  it('reads signed implied-exponent fields as satellite.js does', () => {
    const l1 = edit(edit(ISS_1, 44, '-12345-6'), 53, '-11606-4');
    const [el] = parseTle(`${l1}\n${ISS_2}`).elements;
    expect(el.meanMotionDdot).toBe(-0.12345e-6);
    expect(el.bstar).toBe(-0.11606e-4);
    const satrec = twoline2satrec(l1, ISS_2);
    expect(satrec.bstar).toBe(el.bstar);
  });

  it('accepts 2-line, 3-line and 3LE ("0 " names), CRLF, blank lines and trailing blanks alike', () => {
    const reference = parseTle([ISS_NAME, ISS_1, ISS_2, IS10_NAME, IS10_1, IS10_2].join('\n'));
    const variants = [
      [`0 ${ISS_NAME}`, ISS_1, ISS_2, `0 ${IS10_NAME}`, IS10_1, IS10_2].join('\n'),
      [ISS_NAME, ISS_1, ISS_2, '', '   ', IS10_NAME, IS10_1, IS10_2, ''].join('\r\n'),
      [`${ISS_NAME}  `, `${ISS_1}   `, `${ISS_2}\t`, IS10_NAME, IS10_1, IS10_2].join('\n'),
    ];
    for (const text of variants) {
      const parsed = parseTle(text);
      expect(parsed.rejected).toEqual([]);
      expect(parsed.elements).toEqual(reference.elements);
    }
    const twoLine = parseTle([ISS_1, ISS_2, IS10_1, IS10_2].join('\n'));
    expect(twoLine.elements.map((e) => e.objectName)).toEqual(['', '']);
    expect(twoLine.elements.map((e) => ({ ...e, objectName: 'x' }))).toEqual(
      reference.elements.map((e) => ({ ...e, objectName: 'x' })),
    );
    expect(twoLine.origins).toEqual([
      { record: 1, line: 1 },
      { record: 2, line: 3 },
    ]);
  });

  it('computes the checksum of the real lines', () => {
    expect(tleChecksum(ISS_1)).toBe(1);
    expect(tleChecksum(ISS_2)).toBe(8);
    expect(tleChecksum(IS10_1)).toBe(6);
  });
});

describe('parseTle against satellite.js twoline2satrec', () => {
  it('gives the same SGP4 inputs for the first 200 records of the active group', (ctx) => {
    if (skipWithoutSharedData) ctx.skip(skipWithoutSharedData);
    const lines = readActive().slice(0, 600);
    const parsed = parseTle(lines.join('\n'));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.elements).toHaveLength(200);
    parsed.elements.forEach((el, i) => {
      const [name, l1, l2] = lines.slice(3 * i, 3 * i + 3);
      expect(el.objectName).toBe(name.trim());
      const reference = twoline2satrec(l1, l2);
      const ours = satrecFromElements(el);
      for (const key of [
        'inclo',
        'nodeo',
        'ecco',
        'argpo',
        'mo',
        'no',
        'bstar',
        'ndot',
        'nddot',
      ] as const) {
        expect(ours[key], `${name} ${key}`).toBe(reference[key]);
      }
      expect(Number(reference.satnum)).toBe(el.noradCatId);
      expect(Math.abs(julianDateFromEpochMs(el.epochMs) - reference.jdsatepoch)).toBeLessThan(1e-9);
      expect(ours.error).toBe(0);
    });
  });
});

describe('the real active group (14,710 3-line TLEs)', () => {
  it('parses every record, rejects none, and writes each back byte for byte', (ctx) => {
    if (skipWithoutSharedData) ctx.skip(skipWithoutSharedData);
    const lines = readActive();
    const parsed = parseTle(lines.join('\n'));
    // Slices keep a failure's diff small (a 14,710-item diff takes minutes to print).
    expect(parsed.rejected.slice(0, 5)).toEqual([]);
    expect(parsed.elements).toHaveLength(14710);
    expect(new Set(parsed.elements.map((e) => e.noradCatId)).size).toBe(14710);
    expect(Math.max(...parsed.elements.map((e) => e.noradCatId))).toBe(68261);
    const mismatches: string[] = [];
    parsed.elements.forEach((el, i) => {
      const written = toTleLines(el);
      for (let k = 0; k < 3; k++) {
        if (written[k] !== lines[3 * i + k].trimEnd()) mismatches.push(written[k]);
      }
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(mismatches).toHaveLength(0);
  });
});

describe('parseTle on a malformed corpus built from real lines', () => {
  const corpus = [
    /* 1: record 1, good */ ISS_NAME,
    ISS_1,
    ISS_2,
    /* 4: record 2, line 1 truncated */ 'TRUNCATED',
    ISS_1.slice(0, 60),
    ISS_2,
    /* 7: record 3, wrong checksum on line 2 */ 'BAD CHECKSUM',
    ISS_1,
    ISS_2.slice(0, 68) + '3',
    /* 10: record 4, eccentricity and argument of perigee swapped */ 'SWAPPED',
    ISS_1,
    edit(ISS_2, 26, '207.4819 0006229'),
    /* 13: record 5, epoch shifted one column right */ 'MISALIGNED',
    edit(ISS_1, 18, ' 26078.1295850'),
    ISS_2,
    /* 16: record 6, bad eccentricity */ 'BAD ECCENTRICITY',
    ISS_1,
    edit(ISS_2, 26, '-006229'),
    /* 19: record 7, negative mean motion */ 'NEGATIVE MEAN MOTION',
    ISS_1,
    edit(ISS_2, 52, '-5.48370465'),
    /* 22: record 8, epoch day 400 */ 'BAD EPOCH DAY',
    edit(ISS_1, 18, '26400.12958500'),
    ISS_2,
    /* 25: record 9, catalog numbers differ */ 'MISMATCH',
    ISS_1,
    edit(ISS_2, 2, '25545'),
    /* 28: record 10, line 1 missing */ 'NO LINE 1',
    ISS_2,
    /* 30: record 11, inclination 190 */ 'BAD INCLINATION',
    ISS_1,
    edit(ISS_2, 8, '190.0000'),
    /* 33: record 12, mean motion 25 rev/day */ 'TOO FAST',
    ISS_1,
    edit(ISS_2, 52, '25.48370465'),
    /* 36: record 13, letters in bstar */ 'BAD BSTAR',
    edit(ISS_1, 53, ' 1769x-3'),
    ISS_2,
    /* 39: record 14, day 366 in a common year */ 'NOT A LEAP YEAR',
    edit(ISS_1, 18, '26366.00000000'),
    ISS_2,
    /* 42: record 15, line 1 is followed by a name instead of line 2 */ 'NO LINE 2',
    ISS_1,
    /* 44: record 16, good, after all the bad ones */ IS10_NAME,
    IS10_1,
    IS10_2,
  ];
  const parsed = parseTle(corpus.join('\n'));

  it('still loads the good records', () => {
    expect(parsed.elements.map((e) => e.noradCatId)).toEqual([25544, 26766]);
    expect(parsed.origins).toEqual([
      { record: 1, line: 1 },
      { record: 16, line: 44 },
    ]);
  });

  it('names record, line, field and reason for each rejection', () => {
    const byRecord = new Map(parsed.rejected.map((r) => [r.record, r]));
    expect(parsed.rejected).toHaveLength(14);
    const expectRejection = (record: number, line: number, field: string, reason: RegExp) => {
      const r = byRecord.get(record);
      expect(r, `record ${record}`).toBeDefined();
      expect({ record: r!.record, line: r!.line, field: r!.field }).toEqual({
        record,
        line,
        field,
      });
      expect(r!.reason).toMatch(reason);
    };
    expectRejection(2, 5, 'line length', /^60 columns, expected 69 \(truncated\)/);
    expectRejection(3, 9, 'checksum', /^is 3, columns 1-68 sum to 8/);
    expectRejection(4, 12, 'spacing', /column 34 must be blank \(got "9"\).*misaligned/);
    expectRejection(5, 14, 'epoch year', /columns 19-20 must read "YY" \(got " 2"\)/);
    expectRejection(6, 18, 'eccentricity', /columns 27-33 must read "NNNNNNN.*\(got "-006229"\)/);
    expectRejection(7, 21, 'mean motion', /must be > 0 rev\/day \(got -5\.48370465\)/);
    expectRejection(8, 23, 'epoch day', /400\.12958500 is outside 1–365\.99999999 for 2026/);
    expectRejection(9, 27, 'satellite number', /line 1 has 25544, line 2 has 25545/);
    expectRejection(10, 29, 'element lines', /line 1 missing before line 2/);
    expectRejection(11, 32, 'inclination', /0–180° \(got 190\)/);
    expectRejection(12, 35, 'mean motion', /25\.48370465 rev\/day is implausible/);
    expectRejection(13, 37, 'bstar', /columns 54-61 must read "±NNNNN±E" \(got " 1769x-3"\)/);
    expectRejection(14, 40, 'epoch day', /366\.00000000 is outside 1–365/);
    expectRejection(15, 43, 'element lines', /line 2 missing after line 1/);
  });

  it('rejects a line 1 whose checksum is wrong when everything else is fine', () => {
    const { rejected, elements } = parseTle(`X\n${ISS_1.slice(0, 68)}0\n${ISS_2}`);
    expect(elements).toEqual([]);
    expect(rejected).toEqual([
      {
        record: 1,
        line: 2,
        field: 'checksum',
        reason: expect.stringMatching(/^is 0/),
        issue: { code: 'checksum', values: { got: 0, expected: expect.any(Number) } },
      },
    ]);
  });

  it('returns every rejection rather than throwing when no record is good', () => {
    const result = parseTle(`${ISS_1.slice(0, 50)}\n${ISS_2.slice(0, 50)}`);
    expect(result.elements).toEqual([]);
    expect(result.rejected).toEqual([
      {
        record: 1,
        line: 1,
        field: 'line length',
        reason: expect.stringMatching(/truncated/),
        issue: { code: 'truncated', values: { length: 50, expected: 69 } },
      },
    ]);
  });

  it('throws when no line looks like a TLE line', () => {
    expect(() => parseTle('No GP data found\n')).toThrow(/no TLE lines/);
  });
});
