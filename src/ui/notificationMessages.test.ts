import { describe, expect, it } from 'vitest';
import { inputBytesIssue, inputRecordsIssue } from '../domain/limits';
import {
  NOTIFICATION_FILE_ISSUE_CODES,
  NOTIFICATION_ISSUE_CODES,
  notificationFileIssueText,
  notificationIssue,
  NotificationFormatError,
  type NotificationFileIssue,
  type NotificationIssue,
} from '../domain/notifications/issues';
import { notificationNoticeText, type NotificationNotice } from '../domain/notifications/notice';
import { parseNotificationText } from '../domain/notifications/parse';
import { useLanguageStore } from '../state/languageStore';
import {
  notificationFileIssueMessage,
  notificationIssueMessage,
  notificationNoticeMessage,
} from './notificationMessages';

const GOOD = {
  id: 'US-1',
  party: 'United States',
  kind: 'space-launch',
  site: { siteId: 'cape-canaveral' },
  window: { start: '2024-10-31T12:00:00Z', end: '2024-10-31T14:00:00Z' },
  azimuthDeg: 45,
};
const CSV_HEAD = 'id,party,kind,siteId,windowStart,windowEnd,azimuthDeg';

// Notification files of our own, each broken one way: what the parsers themselves find.
const BROKEN = [
  JSON.stringify([{ ...GOOD, party: undefined }]),
  JSON.stringify([{ ...GOOD, site: { latDeg: 95, lonDeg: 10 } }]),
  `${CSV_HEAD}\nUS-2,United States,space-launch,cape-canaveral,31/10/2024,2024-10-31T14:00:00Z,45`,
  JSON.stringify([{ ...GOOD, site: { siteId: 'baikonour' }, kind: 'missile', azimuthDeg: [1] }]),
  JSON.stringify([GOOD, GOOD]),
  `${CSV_HEAD}\nUS-3,United States,space-launch,cape-canaveral,2024-10-31T12:00:00Z`,
];
const found = (): {
  rejected: NotificationNotice & { kind: 'loaded' };
  issues: NotificationIssue[];
} => {
  const rejected = BROKEN.flatMap((text) => parseNotificationText(text).rejected);
  return {
    rejected: { kind: 'loaded', file: 'n.json', loaded: 1, rejected },
    issues: rejected.flatMap((r) => r.issues),
  };
};

const fileFindings = (): NotificationFileIssue[] =>
  [
    '',
    '<html></html>',
    '{"notifications": [',
    'hello',
    'windowStart,x\n',
    '{"schemaVersion": 2, "notifications": []}',
    '{"a": 1}',
    'x'.repeat(6 * 1024 * 1024),
  ].map((text) => {
    try {
      parseNotificationText(text);
    } catch (error) {
      if (error instanceof NotificationFormatError) return error.issue;
    }
    throw new Error(`not refused: ${text.slice(0, 20)}`);
  });

const VALUES = {
  ...{ allowed: 'start, end', max: '64', value: '400', min: '0', got: '"x"', options: 'a, b' },
  ...{ id: 'X-1', similar: 'baikonur', end: 'e', start: 's', count: 3, first: '1, 2' },
  ...{ last: '3, 4', cells: 2, header: 7, detail: 'Unexpected end', columns: '"x"' },
  ...{ known: 'id, party', fields: '"extra"', expected: 1 },
};
const issueSamples = (): NotificationIssue[] => [
  ...NOTIFICATION_ISSUE_CODES.map((code) => notificationIssue('site.latDeg', code, VALUES)),
  notificationIssue('hazardAreas', 'notArray', { gotKind: 'object' }),
  ...found().issues,
];
const fileSamples = (): NotificationFileIssue[] => [
  ...NOTIFICATION_FILE_ISSUE_CODES.filter((code) => code !== 'overLimit').map((code) => ({
    code,
    values: VALUES,
  })),
  ...fileFindings(),
];
const limit = inputBytesIssue('notifications', 6 * 1024 * 1024)!;
const notices = (): NotificationNotice[] => [
  found().rejected,
  {
    ...found().rejected,
    rejected: found().rejected.rejected.slice(0, 1),
    notSaved: 'QuotaExceeded',
  },
  { kind: 'loaded', file: 'empty.json', loaded: 0, rejected: [] },
  { kind: 'loaded', file: 'a.json', loaded: 2, rejected: [], notSaved: 'QuotaExceeded' },
  ...fileFindings().map((issue) => ({ kind: 'file' as const, file: 'f.json', issue })),
  { kind: 'tooLarge', file: 'big.json', limit },
  { kind: 'notUrl', ref: 'http://[' },
  { kind: 'foreignOrigin', ref: 'https://x.org/n.json', origin: 'https://x.org', own: 'http://a' },
  { kind: 'fetchFailed', ref: 'n.json', detail: 'HTTP 404 Not Found' },
  { kind: 'fetchTooLarge', ref: 'n.json', limit },
  {
    kind: 'storedTooMany',
    limit: inputRecordsIssue('notifications', 20_000, 'stored notifications')!,
  },
  { kind: 'storedUnreadable', detail: 'UnknownError' },
  ...[undefined, 'AbortError'].map((notSetAside) => ({
    kind: 'storedSetAside' as const,
    records: [
      { name: '"a"', problem: { kind: 'issues' as const, issues: found().issues.slice(0, 2) } },
      { name: '"b"', problem: { kind: 'limit' as const, limit } },
      { name: '3', problem: { kind: 'unreadable' as const, detail: 'cyclic' } },
      ...['c', 'd'].map((id) => ({
        name: `"${id}"`,
        problem: { kind: 'issues' as const, issues: found().issues.slice(0, 1) },
      })),
    ],
    ...(notSetAside ? { notSetAside } : {}),
  })),
  {
    kind: 'storedSetAside',
    records: [{ name: '"a"', problem: { kind: 'unreadable', detail: 'cyclic' } }],
  },
  { kind: 'notSaved', id: 'US-1', detail: 'QuotaExceeded' },
  { kind: 'notRemoved', id: 'US-1', detail: 'QuotaExceeded' },
];

describe('refused launch notifications in the reader’s language', () => {
  it('are found by the parsers: a missing field, a latitude of 95, a CSV date, and more', () => {
    expect(found().issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'party:required',
      'site.latDeg:outOfRange',
      'windowStart:notUtcTime',
      'kind:notOneOf',
      'site.siteId:unknownSiteSimilar',
      'azimuthDeg:azimuthShape',
      'id:duplicateId',
      '(row):rowCells',
      'azimuthDeg:required',
      'windowEnd:notUtcTime',
    ]);
    expect(fileFindings().map((i) => i.code)).toEqual([
      'empty',
      'markup',
      'malformedJson',
      'notNotifications',
      'csvUnknownColumn',
      'schemaVersion',
      'notNotificationRoot',
      'overLimit',
    ]);
  });

  it('read in English exactly as the domain gives them, and so does the alert', () => {
    useLanguageStore.getState().setLang('en');
    for (const issue of issueSamples()) {
      expect(notificationIssueMessage(issue), issue.code).toBe(`${issue.field}: ${issue.reason}`);
    }
    for (const issue of fileSamples()) {
      expect(notificationFileIssueMessage(issue), issue.code).toBe(
        notificationFileIssueText(issue),
      );
    }
    for (const n of notices())
      expect(notificationNoticeMessage(n), n.kind).toBe(notificationNoticeText(n));
    expect(notificationNoticeText(found().rejected)).toMatch(
      /^n\.json: 1 loaded, 6 rejected: notification 1 \(id US-1\): party: is required · notification 1 \(id US-1\): site\.latDeg: 95 is outside -90–90 · .* · and 2 more$/,
    );
    expect(
      notificationNoticeText({ kind: 'loaded', file: 'a.json', loaded: 2, rejected: [] }),
    ).toBeNull();
  });

  it('read in Chinese, the fields, ids and values as the file wrote them', () => {
    useLanguageStore.getState().setLang('zh');
    for (const issue of issueSamples()) {
      const text = notificationIssueMessage(issue);
      expect(text, issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, issue.code).not.toBe(`${issue.field}: ${issue.reason}`);
    }
    for (const issue of fileSamples()) {
      expect(notificationFileIssueMessage(issue), issue.code).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const n of notices()) {
      expect(notificationNoticeMessage(n), n.kind).toMatch(/[\u4e00-\u9fff]/);
      expect(notificationNoticeMessage(n), n.kind).not.toBe(notificationNoticeText(n));
    }
    const [missing, lat95, csvDate] = found().rejected.rejected;
    const one = (r: typeof missing) =>
      notificationNoticeMessage({ kind: 'loaded', file: 'n.json', loaded: 0, rejected: [r] });
    expect(one(missing)).toBe(
      'n.json：已加载 0 条，拒收 1 条：第 1 条通告（id US-1）：party：缺少此必填字段',
    );
    expect(one(lat95)).toBe(
      'n.json：已加载 0 条，拒收 1 条：第 1 条通告（id US-1）：site.latDeg：95 超出 -90–90 的范围',
    );
    expect(one(csvDate)).toBe(
      'n.json：已加载 0 条，拒收 1 条：第 1 条通告（id US-2），第 2 行：windowStart："31/10/2024" 不是 ISO 8601 UTC 时间（例如 2024-10-31T12:00:00Z）',
    );
    useLanguageStore.getState().setLang('en');
  });
});
