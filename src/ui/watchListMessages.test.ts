import { describe, expect, it } from 'vitest';
import {
  checkStoredEntry,
  parseCatalogNumbers,
  parseWatchListCsv,
  describeIssue,
  WATCH_REASON_CODES,
  watchIssue,
  watchNoticeText,
  watchReason,
  watchReasonText,
  type WatchIssue,
  type WatchNotice,
  type WatchReason,
} from '../domain/watchlist';
import { useLanguageStore } from '../state/languageStore';
import {
  watchFieldMessage,
  watchIssueMessage,
  watchNoticeMessage,
  watchReasonMessage,
} from './watchListMessages';

// Watch-list files of our own, each broken one way: what the reader itself finds.
const BROKEN = [
  'noradId,label,hbrM,note\nISS,Station,20,\n20580,"HST\nsecond",abc,\n48274,CSS,1001,\n1,x,,\n1,again,,\n1,short\n',
  'noradId,label\n1,ok\n2,"open\n',
  `noradId,label\n1,${'y'.repeat(81)}\n2,bell\u0007\n0,\n,x\n`,
  '',
  '25544,ISS,20,\n',
  'noradId,name\n1,x\n',
  'label,note\nx,y\n',
  'noradId,label,label\n1,a,b\n',
  `noradId,note\n1,${'x'.repeat(1_100_000)}\n`,
  `noradId\n${Array.from({ length: 5001 }, (_, i) => i + 1).join('\n')}\n`,
];
const found = (): WatchIssue[] =>
  BROKEN.flatMap((text) => {
    const r = parseWatchListCsv(text);
    return r.ok ? [] : r.issues;
  });
const STORED: unknown[] = [
  null,
  { noradId: '1' },
  { noradId: 1, label: 3 },
  { noradId: 1, label: '', note: 4 },
  { noradId: 1, label: '', note: '', hbrM: -1 },
];
const stored = (): WatchReason[] =>
  STORED.flatMap((v) => {
    const r = checkStoredEntry(v);
    return 'code' in r ? [r] : [];
  });

const VALUES = {
  ...{ text: 'x', max: 1000, length: 81, id: 7, row: 2, cells: 2, header: 4, size: '1.1' },
  ...{ columns: '"name"', known: 'noradId, label', found: '1,2', rows: 5001, value: '"1"' },
  field: 'label',
};
const reasons = (): WatchReason[] => [
  ...WATCH_REASON_CODES.map((code) => watchReason(code, VALUES)),
  ...found().map((i) => i.issue),
  ...stored(),
  ...parseCatalogNumbers('25544, ISS 0').problems,
];
const notices = (): WatchNotice[] => [
  { kind: 'notImported', file: 'a.csv', issues: found() },
  { kind: 'notImported', file: 'a.csv', issues: found().slice(0, 1) },
  { kind: 'wouldExceed', file: 'a.csv', max: 5000 },
  { kind: 'fileTooLarge', file: 'big.csv', size: '1.2' },
  { kind: 'listFull', max: 5000 },
  { kind: 'notSaved', detail: 'QuotaExceededError' },
  { kind: 'notRead', detail: 'UnknownError' },
  { kind: 'setAside', records: stored().map((reason) => ({ record: '{"noradId":"1"}', reason })) },
  {
    kind: 'setAside',
    records: stored()
      .slice(0, 1)
      .map((reason) => ({ record: 'null', reason })),
  },
];

describe('the watch list’s messages in the reader’s language', () => {
  it('are found by the readers: a bad catalog number, HBR, label, quote, header, size and more', () => {
    expect(found().map((i) => `${i.column}:${i.issue.code}`)).toEqual([
      'noradId:notCatalogNumber',
      'hbrM:notMetres',
      'label:labelOneLine',
      'hbrM:hbrRange',
      'noradId:duplicate',
      ':rowCells',
      ':quoteNotClosed',
      'label:tooLong',
      'label:controlCharacters',
      'noradId:noradIdRange',
      'noradId:noradIdRequired',
      ':empty',
      ':headerFirst',
      ':unknownColumn',
      ':noNoradIdColumn',
      ':repeatedColumn',
      ':tooLarge',
      ':tooManyRows',
    ]);
    expect(stored().map((r) => r.code)).toEqual([
      'storedNotObject',
      'storedNoradId',
      'storedNotText',
      'storedNotText',
      'storedHbr',
    ]);
  });

  it('read in English exactly as the command line prints them, and so does the alert', () => {
    useLanguageStore.getState().setLang('en');
    for (const r of reasons()) expect(watchReasonMessage(r), r.code).toBe(watchReasonText(r));
    const placed = [...found(), watchIssue(0, 3, '', watchReason('quoteNotClosed'))];
    for (const i of placed) expect(watchIssueMessage(i), i.issue.code).toBe(describeIssue(i));
    for (const n of notices()) expect(watchNoticeMessage(n), n.kind).toBe(watchNoticeText(n));
    expect(watchNoticeText(notices()[0])).toMatch(
      /^a\.csv: not imported — row 1 \(line 2\), noradId: "ISS" is not a catalog number \(digits only\) · .* · and 14 more; the watch list is unchanged$/,
    );
    expect(watchFieldMessage('HBR', watchReason('notMetres', { text: 'ten' }))).toBe(
      'HBR: "ten" is not a number of metres',
    );
  });

  it('read in Chinese, columns and values as the file wrote them', () => {
    useLanguageStore.getState().setLang('zh');
    for (const r of reasons()) {
      expect(watchReasonMessage(r), r.code).toMatch(/[\u4e00-\u9fff]/);
      expect(watchReasonMessage(r), r.code).not.toBe(watchReasonText(r));
    }
    for (const n of notices()) {
      expect(watchNoticeMessage(n), n.kind).toMatch(/[\u4e00-\u9fff]/);
      expect(watchNoticeMessage(n), n.kind).not.toBe(watchNoticeText(n));
    }
    expect(watchNoticeMessage(notices()[1])).toBe(
      'a.csv：未导入 — 第 1 行数据（文件第 2 行），noradId："ISS" 不是编目号（只能是数字）；关注列表未改动',
    );
    useLanguageStore.getState().setLang('en');
  });
});
