import { describe, expect, it } from 'vitest';
import { parseWatchListCsv, watchListToCsv, neutraliseCell } from './csv';
import { describeIssue, parseCatalogNumbers, checkStoredEntry } from './validate';
import { watchReasonText } from './issues';
import { upsertEntries, hbrByObject } from './merge';
import { MAX_WATCH_ENTRIES, type WatchEntry } from './types';

const ok = (text: string) => {
  const r = parseWatchListCsv(text);
  if (!r.ok) throw new Error(r.issues.map(describeIssue).join('; '));
  return r.entries;
};
const issues = (text: string) => {
  const r = parseWatchListCsv(text);
  if (r.ok) throw new Error('expected the file to be rejected');
  return r.issues.map(describeIssue);
};

describe('watch list CSV, reading', () => {
  it('reads every column, quoted cells, a BOM, CRLF and blank lines', () => {
    const text =
      '\uFEFFnoradId,label,hbrM,note\r\n25544,ISS,20,"crewed, keep 1 km"\r\n\r\n20580,HST,,\r\n' +
      '48274,"CSS ""Tianhe""",15.5,"two\nlines"\r\n';
    expect(ok(text)).toEqual([
      { noradId: 25544, label: 'ISS', hbrM: 20, note: 'crewed, keep 1 km' },
      { noradId: 20580, label: 'HST', hbrM: null, note: '' },
      { noradId: 48274, label: 'CSS "Tianhe"', hbrM: 15.5, note: 'two\nlines' },
    ]);
  });

  it('takes the columns in any order, and noradId alone', () => {
    expect(ok('note,noradId\nhello,7\n')).toEqual([
      { noradId: 7, label: '', hbrM: null, note: 'hello' },
    ]);
    expect(ok('noradId\n1\n2\n').map((e) => e.noradId)).toEqual([1, 2]);
  });

  it('a header with no rows is an empty list', () => {
    expect(ok('noradId,label,hbrM,note\n')).toEqual([]);
  });

  it('names row, line, column and reason for each bad cell', () => {
    const text =
      'noradId,label,hbrM,note\n' + // line 1
      '25544,ISS,20,\n' + // row 1, line 2
      'ISS,Station,20,\n' + // row 2, line 3: bad number
      '20580,"HST\nsecond",abc,\n' + // row 3, line 4 (two lines): label newline, bad HBR
      '48274,CSS,-3,\n' + // row 4, line 6: HBR out of range
      '25544,again,,\n' + // row 5, line 7: duplicate
      '1,short\n'; // row 6, line 8: cell count
    expect(issues(text)).toEqual([
      'row 2 (line 3), noradId: "ISS" is not a catalog number (digits only)',
      'row 3 (line 4), hbrM: "abc" is not a number of metres',
      'row 3 (line 4), label: a label is one line',
      'row 4 (line 6), hbrM: "-3" is not a number of metres',
      'row 5 (line 7), noradId: 25544 is already on row 1',
      'row 6 (line 8): has 2 cells; the header has 4',
    ]);
  });

  it('rejects HBR of zero or above 1000 m, and catalog number 0', () => {
    expect(issues('noradId,hbrM\n5,0\n6,1001\n0,\n')).toEqual([
      'row 1 (line 2), hbrM: 0 m is out of range (above 0, at most 1000 m)',
      'row 2 (line 3), hbrM: 1001 m is out of range (above 0, at most 1000 m)',
      'row 3 (line 4), noradId: 0 is out of range (1 to 999999999)',
    ]);
  });

  it('requires the header, knows its columns, refuses repeats', () => {
    expect(issues('25544,ISS,20,\n')).toEqual([
      'the first row must be the header noradId,label,hbrM,note (found data: "25544,ISS,20,")',
    ]);
    expect(issues('noradId,name\n1,x\n')).toEqual([
      'unknown column "name" (columns: noradId, label, hbrM, note)',
    ]);
    expect(issues('label,note\nx,y\n')).toEqual(['the header has no noradId column']);
    expect(issues('noradId,label,label\n1,a,b\n')).toEqual([
      'column label appears twice in the header',
    ]);
    expect(issues('')[0]).toMatch(/the file is empty/);
    expect(issues('\n\n')[0]).toMatch(/the file is empty/);
  });

  it('reports an unclosed quote on its row', () => {
    expect(issues('noradId,label\n1,ok\n2,"open\n')).toEqual([
      'row 2 (line 3): a quoted cell is not closed',
    ]);
  });

  it('limits the file size, the row count and the text lengths', () => {
    expect(issues(`noradId,note\n1,${'x'.repeat(1_100_000)}\n`)[0]).toMatch(/too large/);
    const rows = Array.from({ length: MAX_WATCH_ENTRIES + 1 }, (_, i) => String(i + 1));
    expect(issues(`noradId\n${rows.join('\n')}\n`)).toEqual([
      `${MAX_WATCH_ENTRIES + 1} rows; a watch list holds at most ${MAX_WATCH_ENTRIES} objects`,
    ]);
    expect(issues(`noradId,label\n1,${'y'.repeat(81)}\n`)).toEqual([
      'row 1 (line 2), label: 81 characters; at most 80',
    ]);
    expect(issues('noradId,note\n1,bell\u0007\n')).toEqual([
      'row 1 (line 2), note: contains control characters',
    ]);
  });
});

describe('watch list CSV, writing', () => {
  const entries: WatchEntry[] = [
    { noradId: 25544, label: 'ISS', hbrM: 20, note: 'crewed, "keep out"' },
    { noradId: 20580, label: '=HYPERLINK("x")', hbrM: null, note: '-1 km' },
    { noradId: 7, label: '@sum', hbrM: 0.5, note: '+danger\tx' },
  ];

  it('writes the header, numbers as numbers, neutralised and quoted text', () => {
    expect(watchListToCsv(entries)).toBe(
      'noradId,label,hbrM,note\n' +
        '25544,ISS,20,"crewed, ""keep out"""\n' +
        `20580,"'=HYPERLINK(""x"")",,'-1 km\n` +
        "7,'@sum,0.5,'+danger\tx\n",
    );
  });

  it('neutralises every formula-leading character', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseCell(`${c}1`)).toBe(`'${c}1`);
    expect(neutraliseCell("it's fine")).toBe("it's fine");
  });

  it('reads back what it writes', () => {
    expect(ok(watchListToCsv(entries))).toEqual(entries);
    expect(ok(watchListToCsv([]))).toEqual([]);
  });
});

describe('watch list, other checks', () => {
  it('reads catalog numbers typed in any separator, each once', () => {
    expect(parseCatalogNumbers('25544, 20580\n48274 25544;7')).toEqual({
      ids: [25544, 20580, 48274, 7],
      problems: [],
    });
    expect(parseCatalogNumbers('25544 ISS').problems.map(watchReasonText)).toEqual([
      '"ISS" is not a catalog number (digits only)',
    ]);
  });

  it('checks records read back from storage without coercing', () => {
    const good = { noradId: 1, label: 'a', hbrM: null, note: '' };
    const checked = (v: unknown) => {
      const r = checkStoredEntry(v);
      return 'code' in r ? watchReasonText(r) : r;
    };
    expect(checked(good)).toEqual(good);
    expect(checked({ ...good, noradId: '1' })).toBe('noradId "1" is not a catalog number');
    expect(checked({ ...good, hbrM: -1 })).toBe('hbrM -1 is not a radius in metres');
    expect(checked({ ...good, label: 3 })).toBe('label is not text');
    expect(checked(null)).toBe('not an object');
  });

  it('merges by catalog number in place, appends new ones, keeps the limit', () => {
    const a = { noradId: 1, label: 'a', hbrM: null, note: '' };
    const b = { noradId: 2, label: 'b', hbrM: 5, note: '' };
    expect(
      upsertEntries(
        [a, b],
        [
          { ...a, label: 'A' },
          { ...b, noradId: 3 },
        ],
      ),
    ).toEqual([{ ...a, label: 'A' }, b, { ...b, noradId: 3 }]);
    const full = Array.from({ length: MAX_WATCH_ENTRIES }, (_, i) => ({ ...a, noradId: i + 1 }));
    expect(upsertEntries(full, [{ ...a, noradId: MAX_WATCH_ENTRIES + 1 }])).toBeNull();
    expect(hbrByObject([a, b])).toEqual(new Map([[2, 5]]));
  });
});
