import { describe, expect, it } from 'vitest';
import { addressIssueText, type AddressIssue } from '../domain/addressIssues';
import { writeCdmKvn } from '../domain/cdm/writeKvn';
import { eventFromCatalog, LINK_ISSUE_CODES, linkIssueText } from '../domain/conjunctions/fromLink';
import { importNoticeText, type ImportNote } from '../domain/conjunctions/importNotice';
import { recordToCdm } from '../domain/conjunctions/toCdm';
import type { ConjunctionRecord } from '../domain/conjunctions/types';
import {
  HISTORY_ISSUE_CODES,
  historyIssueText,
  HistoryInputError,
  updateFromRecord,
  type HistoryIssue,
  type UpdateContext,
} from '../domain/history';
import { circularState, T0, testRecord } from '../domain/history/testSupport';
import { oemLoadText, type OemLoadNotice } from '../domain/oem/issues';
import { PC_ISSUE_CODES, pcIssueText, type PcIssue } from '../domain/probability/issues';
import { runLabelText, type RunDescription } from '../domain/screening/runs';
import { importConjunctionTexts } from '../services/conjunctionImport';
import { rescreenRun } from '../services/watchRescreen';
import { useLanguageStore } from '../state/languageStore';
import { rescreenReasonText, type RescreenReason } from '../state/watchListStore';
import {
  addressIssueMessage,
  historyIssueMessage,
  importNoticeMessage,
  oemLoadMessage,
  pcIssueMessage,
  pcProblemMessage,
  rescreenReasonMessage,
} from './issues';
import { runLabelMessage, sourceLabelMessage } from './runLabels';

const setLang = (lang: 'en' | 'zh') => useLanguageStore.getState().setLang(lang);
const CHINESE = /[\u4e00-\u9fff]/;

// CDMs of our own (written from constructed events), each with a Pc that cannot be computed.
const cdmOf = (r: ConjunctionRecord) => writeCdmKvn(recordToCdm(r, { creationMs: T0 }));
const GOOD = testRecord({ radiiKm: [7000, 7000.5] });
const PC_BROKEN = [
  { name: 'frame.cdm', text: cdmOf(GOOD).replace(/(REF_FRAME +=) ITRF/, '$1 MARSFIXED') },
  // Object 1 at the Earth's centre: its RTN frame is undefined.
  { name: 'origin.cdm', text: cdmOf(GOOD).replace(/^([XY] +=) \S+/gm, '$1 0') },
  // Both objects in one state: no relative velocity, no encounter plane.
  {
    name: 'same.cdm',
    text: cdmOf({ ...GOOD, states: { ...GOOD.states!, object2: circularState(7000, 0.9) } }),
  },
];
const pcNotes = (): ImportNote[] => [
  ...importConjunctionTexts(PC_BROKEN).notes,
  ...importConjunctionTexts([{ name: 'hbr.cdm', text: cdmOf(GOOD) }], { defaultHbrM: -1 }).notes,
];
const pcFound = () => pcNotes().flatMap((n) => (n.kind === 'pc' ? [n.issue] : []));

describe('a CDM’s Pc that cannot be computed, in the reader’s language', () => {
  const samples: PcIssue[] = [
    ...PC_ISSUE_CODES.map((code) => ({
      code,
      values: { frame: 'MARSFIXED', hbr: '-1', detail: 'x is not a function' },
    })),
    ...pcFound(),
  ];

  it('is found on import: a frame, a position at the origin, equal states, a negative HBR', () => {
    expect(pcNotes().map((n) => n.kind)).toEqual(['pc', 'pc', 'pc', 'pc']);
    expect(pcFound().map((i) => i.code)).toEqual([
      'unsupportedFrame',
      'rtnUndefined',
      'zeroVector',
      'negativeHbr',
    ]);
    expect(importNoticeText({ loaded: 4, notes: pcNotes().slice(0, 1) })).toBe(
      'Loaded 4 events; 1 problem: frame.cdm: line 1: unsupported REF_FRAME MARSFIXED',
    );
  });

  it('reads in English exactly as the record keeps it, and in Chinese', () => {
    setLang('en');
    for (const i of samples) expect(pcIssueMessage(i), i.code).toBe(pcIssueText(i));
    const record = importConjunctionTexts(PC_BROKEN.slice(0, 1)).cdm[0];
    expect(pcProblemMessage(record)).toBe(record.pcProblem);
    setLang('zh');
    for (const i of samples) {
      expect(pcIssueMessage(i), i.code).toMatch(CHINESE);
      expect(pcIssueMessage(i), i.code).not.toBe(pcIssueText(i));
    }
    expect(pcProblemMessage(record)).toBe('不支持的 REF_FRAME MARSFIXED，无法计算 Pc');
    // An older stored record has its English only.
    expect(pcProblemMessage({ pcProblem: 'unsupported REF_FRAME X' })).toBe(
      'unsupported REF_FRAME X',
    );
    setLang('en');
  });
});

// Records that cannot become updates, each refused by updateFromRecord itself.
const HISTORY_BROKEN: [ConjunctionRecord, UpdateContext][] = [
  [testRecord({ tcaMs: Date.UTC(1900, 0, 1) }), { createdMs: T0 }],
  [testRecord({ missKm: -1 }), { createdMs: T0 }],
  [{ ...testRecord(), relSpeedKmS: NaN }, { createdMs: T0 }],
  [{ ...testRecord(), source: 'cdm', sourceLabel: 'a.cdm' }, {}],
  [{ ...testRecord(), source: 'socrates', sourceLabel: 'list.csv' }, {}],
  [testRecord(), {}],
  [testRecord(), { createdMs: Date.UTC(2300, 0, 1) }],
];
function historyFound(): HistoryIssue[] {
  return HISTORY_BROKEN.map(([record, context]) => {
    try {
      updateFromRecord(record, context);
    } catch (e) {
      if (e instanceof HistoryInputError) return e.issue;
    }
    throw new Error('kept');
  });
}

describe('records not kept in the event history, in the reader’s language', () => {
  it('are found by updateFromRecord: every check', () => {
    expect(historyFound().map((i) => i.code)).toEqual(HISTORY_ISSUE_CODES);
  });

  it('read in English exactly as before, in the import alert too, and in Chinese', () => {
    const notes: ImportNote[] = [
      ...pcNotes(),
      ...historyFound().map((issue): ImportNote => ({ kind: 'history', issue })),
    ];
    setLang('en');
    for (const i of historyFound()) expect(historyIssueMessage(i)).toBe(historyIssueText(i));
    for (const shown of [notes, notes.slice(4), notes.slice(5, 6)]) {
      const notice = { loaded: 2, notes: shown };
      expect(importNoticeMessage(notice)).toBe(importNoticeText(notice));
    }
    expect(importNoticeText({ loaded: 1, notes: notes.slice(8, 9) })).toBe(
      'Loaded 1 event; 1 problem: list.csv: no report time (the file name carries none; give one) (listed, not kept in the history)',
    );
    setLang('zh');
    for (const i of historyFound()) {
      expect(historyIssueMessage(i), i.code).toMatch(CHINESE);
      expect(historyIssueMessage(i), i.code).not.toBe(historyIssueText(i));
    }
    expect(importNoticeMessage({ loaded: 1, notes: notes.slice(8, 9) })).toBe(
      '已加载 1 个事件；1 个问题：list.csv：没有报告时间（文件名中不含时间；请提供）（已列出，未存入事件历史）',
    );
    setLang('en');
  });
});

describe('screening runs named in the reader’s language', () => {
  const window = { startMs: Date.UTC(2024, 10, 1), hours: 24, thresholdKm: 5 };
  const runs: RunDescription[] = [
    { kind: 'screening', ...window, scope: { kind: 'allVsAll' } },
    { kind: 'screening', ...window, scope: { kind: 'primaries', count: 1 } },
    { kind: 'screening', ...window, scope: { kind: 'primaries', count: 12 } },
    { kind: 'screening', ...window, scope: { kind: 'ephemerides', count: 1 } },
    { kind: 'screening', ...window, thresholdKm: 2.5, scope: { kind: 'ephemerides', count: 2 } },
    rescreenRun('Offline snapshot', undefined, window.startMs, 168, 2, 50),
    rescreenRun('active.csv', Date.UTC(2024, 9, 31, 23, 5), window.startMs, 24, 5, 3),
  ];

  it('read in English exactly as the stored labels, and in Chinese', () => {
    setLang('en');
    for (const run of runs) expect(runLabelMessage(run)).toBe(runLabelText(run));
    expect(runLabelText(runs[0])).toBe('screening 2024-11-01 00:00 UTC + 24 h, 5 km, all vs all');
    expect(runLabelText(runs[6])).toBe(
      'watch list (3) vs active.csv of 2024-10-31 23:05 UTC: 2024-11-01 00:00 UTC + 24 h, 5 km',
    );
    setLang('zh');
    for (const run of runs) {
      expect(runLabelMessage(run)).toMatch(CHINESE);
      expect(runLabelMessage(run)).not.toBe(runLabelText(run));
    }
    expect(runLabelMessage(runs[0])).toBe(
      '筛查 2024-11-01 00:00 UTC 起 24 小时，阈值 5 km，全部对全部',
    );
    expect(runLabelMessage(runs[6])).toBe(
      '监视列表（3 个目标）对 active.csv（2024-10-31 23:05 UTC 获取）：2024-11-01 00:00 UTC 起 24 小时，阈值 5 km',
    );
    // An older stored record has its English label only.
    expect(sourceLabelMessage({ sourceLabel: runLabelText(runs[0]) })).toBe(runLabelText(runs[0]));
    expect(sourceLabelMessage({ sourceLabel: 'x', run: runs[0] })).toBe(runLabelMessage(runs[0]));
    setLang('en');
  });

  it('a re-screening not done says why, in English as before and in Chinese', () => {
    const reasons: RescreenReason[] = [
      { code: 'noCatalog' },
      { code: 'emptyList' },
      { code: 'noneInCatalog' },
      { code: 'notFinished' },
      { code: 'screening', failure: { code: 'cancelled' } },
      { code: 'screening', failure: { code: 'failed', detail: 'out of memory' } },
    ];
    setLang('en');
    for (const r of reasons) expect(rescreenReasonMessage(r)).toBe(rescreenReasonText(r));
    expect(rescreenReasonText(reasons[4])).toBe('Screening cancelled');
    setLang('zh');
    for (const r of reasons) {
      expect(rescreenReasonMessage(r), r.code).toMatch(CHINESE);
      expect(rescreenReasonMessage(r), r.code).not.toBe(rescreenReasonText(r));
    }
    expect(rescreenReasonMessage(reasons[2])).toBe('监视的目标都不在已加载的编目中');
    setLang('en');
  });
});

describe('an event link that cannot be recomputed, in the reader’s language', () => {
  const none = () => undefined;
  const found = [
    eventFromCatalog('25544@yesterday', none, 10),
    eventFromCatalog('25544-99999@2024-10-31T10:59:32.427Z', none, 10),
  ].flatMap((l) => (l.ok ? [] : [l]));
  const samples: AddressIssue[] = [
    ...found.map((l) => ({
      code: 'eventLink' as const,
      values: { key: 'k', reason: l.reason },
      link: l.issue,
    })),
    ...LINK_ISSUE_CODES.map((code) => {
      const issue = { code, values: { key: 'k', id: '99999', id1: '1', id2: '2', km: 100 } };
      return {
        code: 'eventLink' as const,
        values: { key: 'k', reason: linkIssueText(issue) },
        link: issue,
      };
    }),
  ];

  it('is found by eventFromCatalog: not a key, objects not in the catalog', () => {
    expect(found.map((l) => l.issue.code)).toEqual(['notKey', 'bothMissing']);
  });

  it('reads in English exactly as before, and in Chinese with the designators as written', () => {
    setLang('en');
    for (const i of samples) expect(addressIssueMessage(i)).toBe(addressIssueText(i));
    expect(addressIssueText(samples[1])).toBe(
      'Event link k: 25544 and 99999 not in the loaded catalog',
    );
    setLang('zh');
    for (const i of samples) {
      expect(addressIssueMessage(i)).toMatch(CHINESE);
      expect(addressIssueMessage(i)).not.toBe(addressIssueText(i));
    }
    expect(addressIssueMessage(samples[1])).toBe('事件链接 k：25544 和 99999 都不在已加载的编目中');
    setLang('en');
  });
});

describe('an OEM whose object cannot be drawn, in the reader’s language', () => {
  const notices: OemLoadNotice[] = [
    { file: 'a.oem', loaded: false, issues: [], notDrawn: [] },
    { file: 'a.oem', loaded: false, issues: [], notDrawn: ['a.oem', 'b.oem'] },
  ];

  it('reads in English exactly as before, and in Chinese with the files as named', () => {
    setLang('en');
    for (const n of notices) expect(oemLoadMessage(n)).toBe(oemLoadText(n));
    expect(oemLoadText(notices[0])).toBe('a.oem: not loaded — its object cannot be drawn');
    setLang('zh');
    expect(notices.map(oemLoadMessage)).toEqual([
      'a.oem：未加载 — 其目标无法绘制',
      'a.oem：未加载 — a.oem：其第一个状态不是地球轨道；b.oem：其第一个状态不是地球轨道',
    ]);
    setLang('en');
  });
});
