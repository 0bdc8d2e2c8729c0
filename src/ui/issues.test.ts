import { describe, expect, it } from 'vitest';
import { ADDRESS_CODES, addressIssueText, type AddressIssue } from '../domain/addressIssues';
import { tourSettingsFromSearch } from '../domain/briefing/tour';
import { catalogIssueText, type CatalogIssue } from '../domain/catalog/errors';
import { parseCatalog } from '../domain/catalog/parse';
import {
  RECORD_ISSUE_CODES,
  recordIssueText,
  type RecordIssue,
} from '../domain/catalog/recordIssues';
import { inputRecordsIssue, inputTextIssue, limitUrlSearch } from '../domain/limits';
import {
  CDM_ISSUE_CODES,
  cdmIssueText,
  SOCRATES_ISSUE_CODES,
  socratesIssueText,
  type CdmIssue,
  type SocratesIssue,
} from '../domain/cdm/issues';
import { parseCdm } from '../domain/cdm/parse';
import { importNoticeText } from '../domain/conjunctions/importNotice';
import { alertChangeText, alertsFor, DEFAULT_ALERT_THRESHOLDS } from '../domain/history/alerts';
import { mergeUpdates } from '../domain/history/merge';
import { HOUR, T0, testUpdate, type TestUpdateOptions } from '../domain/history/testSupport';
import { OEM_ISSUE_CODES, oemIssue, oemLoadText, type OemIssue } from '../domain/oem/issues';
import { readOem } from '../domain/oem/read';
import {
  readOperatorSettings,
  SETTINGS_ISSUE_CODES,
  settingsIssueText,
  settingsNoticeText,
  type SettingsIssue,
  type SettingsNotice,
} from '../domain/settings/operatorSettings';
import { useLanguageStore } from '../state/languageStore';
import { screeningFailureText, type ScreeningFailure } from '../state/screeningStore';
import { i18n } from './i18n';
import { importConjunctionTexts } from '../services/conjunctionImport';
import { readUrlState } from '../services/urlState';
import {
  addressIssueMessage,
  alertChangeMessage,
  cdmIssueMessage,
  importNoticeMessage,
  issueMessage,
  screeningFailureMessage,
  settingsIssueMessage,
  settingsNoticeMessage,
  socratesIssueMessage,
  oemIssueMessage,
  oemLoadMessage,
  recordIssueMessage,
  rejectedRecordMessage,
} from './issues';

const issues: CatalogIssue[] = [
  { code: 'empty', values: {}, file: 'a.tle' },
  { code: 'binary', values: {} },
  { code: 'html', values: {} },
  { code: 'notCatalog', values: { start: 'hello' } },
  { code: 'noTleLines', values: {} },
  { code: 'malformedJson', values: { detail: 'Unexpected token' } },
  { code: 'notOmmJson', values: {} },
  { code: 'malformedXml', values: { detail: 'x' } },
  { code: 'malformedXmlAt', values: { line: 3, detail: 'x' } },
  { code: 'notOmmXml', values: {} },
  { code: 'csvNoHeader', values: {} },
  { code: 'csvMissingColumns', values: { line: 1, columns: 'EPOCH, MEAN_MOTION' } },
  { code: 'noUsableRecords', values: { rejected: 3, first: 'record 1, line 1: bad' }, file: 'f' },
  { code: 'noRecords', values: {}, file: 'f' },
  { code: 'noneInitialised', values: {}, file: 'f' },
  { code: 'fetchFailed', values: { url: 'https://x/y', reason: 'HTTP 404' } },
  {
    code: 'fetchTooLarge',
    values: { url: 'https://x/y', size: '151.0 MB', limit: '150 MB', kind: 'catalog' },
  },
  { ...inputRecordsIssue('catalog', 600_000, 'records')!, file: 'big.tle' },
  inputRecordsIssue('cdm', 20_000, 'messages')!,
  inputTextIssue('catalog', `1 ${'x'.repeat(5000)}`)!,
  inputTextIssue('catalog', '[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]')!,
  inputTextIssue('cdm', '<!DOCTYPE x><a/>')!,
  inputTextIssue('cdm', '<a><!ENTITY e "x"></a>')!,
  inputTextIssue('catalog', `${'<a>'.repeat(20)}`)!,
  { code: 'invalidSize', values: { bytes: -1 } },
  { code: 'tooLarge', values: { kind: 'catalog', size: '151.0 MB', limit: '150 MB' } },
  { code: 'tooManyLines', values: { kind: 'catalog', limit: 2_000_000 } },
  ...limitUrlSearch(`?a=${'x'.repeat(3000)}`).issues,
  ...limitUrlSearch(`?${'x=1&'.repeat(70)}`).issues,
  ...limitUrlSearch(`?a=${'x'.repeat(9000)}`).issues,
];

describe('refused inputs in the reader’s language', () => {
  it('reads in English exactly as the command line prints them', () => {
    useLanguageStore.getState().setLang('en');
    for (const issue of issues) expect(issueMessage(issue)).toBe(catalogIssueText(issue));
  });

  it('reads in Chinese with no English template left', () => {
    useLanguageStore.getState().setLang('zh');
    expect(i18n.language).toBe('zh');
    for (const issue of issues) {
      const text = issueMessage(issue);
      expect(text, issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, issue.code).not.toBe(catalogIssueText(issue));
    }
    expect(issueMessage(inputRecordsIssue('catalog', 600_000, 'records')!)).toBe(
      '600,000 条记录；编目的上限为 500,000',
    );
    useLanguageStore.getState().setLang('en');
  });
});

// One refused record of each kind, from the parsers themselves (values as they give them).
/** A TLE line with its checksum (column 69) made right after an edit. */
const withChecksum = (line: string) => {
  const sum = [...line.slice(0, 68)].reduce((n, c) => n + (c === '-' ? 1 : Number(c) || 0), 0);
  return `${line.slice(0, 68)}${sum % 10}`;
};
const TLE_OK = [
  '1 25544U 98067A   24306.50000000  .00016717  00000-0  10270-3 0  9990',
  '2 25544  51.6400 208.9163 0006317  69.9862  25.2906 15.50000000    00',
].map(withChecksum);
function refusedRecords(): RecordIssue[] {
  const line1 = TLE_OK[0];
  const line2 = TLE_OK[1];
  const texts = [
    `${line1.slice(0, 60)}\n${line2}`,
    `${line1}\n${line2.slice(0, 68)}${(Number(line2[68]) + 1) % 10}`,
    `${line1}\n${withChecksum(`${line2.slice(0, 8)}300.0000${line2.slice(16)}`)}`,
    'ISS\n' + line2,
    'NORAD_CAT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\n' +
      '25544,2024-13-01T00:00:00,15.5,0.0006,51.6,208.9,69.9,25.3,0.0001,0.0001,0\n' +
      '25545,2024-11-01T00:00:00,15.5,1.2,51.6,208.9,69.9,25.3,0.0001,0.0001,0\n' +
      '25546,2024-11-01T00:00:00,fast,0.0006,51.6,208.9,69.9,25.3,0.0001,0.0001,0',
  ];
  return texts.flatMap((text) => parseCatalog(text).rejected.map((r) => r.issue));
}

describe('refused records in the reader’s language', () => {
  const samples: RecordIssue[] = [
    ...RECORD_ISSUE_CODES.map((code) => ({
      code,
      values: {
        ...{ got: 7, expected: 8, max: 20, min: 1, detail: 'SGP4 error 6', text: 'x', day: 400 },
        ...{ length: 60, column: 34, layout: 'NNN.NNNN', line1: '25544', line2: '25545' },
        ...{ maxDay: 366, year: 2024, month: 13, fields: 16, header: 17, columns: '9-16' },
      },
    })),
    { code: 'angle', values: { got: 400, columns: '18-25' } },
    ...refusedRecords(),
  ];

  it('reads in English exactly as the command line prints them', () => {
    useLanguageStore.getState().setLang('en');
    for (const issue of samples) expect(recordIssueMessage(issue)).toBe(recordIssueText(issue));
  });

  it('reads in Chinese, the TLE fields worded, the values as the file wrote them', () => {
    useLanguageStore.getState().setLang('zh');
    for (const issue of samples) {
      expect(recordIssueMessage(issue), issue.code).not.toBe(recordIssueText(issue));
      if (issue.code !== 'sgp4Init') {
        expect(recordIssueMessage(issue), issue.code).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const [truncated] = parseCatalog(`${TLE_OK[0].slice(0, 60)}\n${TLE_OK[1]}`).rejected;
    expect(rejectedRecordMessage(truncated)).toBe(
      '第 1 条记录，第 1 行 — 行长度：共 60 列，应为 69 列（被截断）',
    );
    useLanguageStore.getState().setLang('en');
  });

  it('are found by the parsers: the samples cover truncation, checksum, range, CSV and epochs', () => {
    expect(refusedRecords().map((i) => i.code)).toEqual([
      'truncated',
      'checksum',
      'inclination',
      'noLine1',
      'epochMonth',
      'eccentricity',
      'notNumber',
    ]);
  });
});

describe('ignored address parameters in the reader’s language', () => {
  const samples: AddressIssue[] = [
    ...ADDRESS_CODES.map((code) => ({
      code,
      values: { key: 'zoom', value: 'x', reason: 'object 99999 is not in the loaded catalog' },
    })),
    ...readUrlState(
      '?zoom=3&mode=kiosk&safe=yes&lang=fr&t=yesterday&sel=ISS&cam=400,0,1,0,0&catalog=ftp:x',
    ).issues,
    ...readUrlState('?catalog=https://elsewhere.example/gp.csv', {
      mode: 'public',
      origin: 'https://here.example',
    }).issues,
    ...readUrlState(`?a=${'x'.repeat(3000)}`).issues,
    ...tourSettingsFromSearch('?tour=random&top=0&dwell=1&watch=yes').issues,
  ];

  it('are found by the readers: every parameter checked, and the limits with them', () => {
    expect(samples.slice(ADDRESS_CODES.length).map((i) => i.code)).toEqual([
      'unknownParameter',
      'badMode',
      'badSafe',
      'badLang',
      'badCatalog',
      'badTime',
      'badSelection',
      'badCamera',
      'catalogForeign',
      'parameterTooLong',
      'badTour',
      'badTop',
      'badDwell',
      'badWatch',
    ]);
  });

  it('read in English exactly as the tests and logs have them', () => {
    useLanguageStore.getState().setLang('en');
    for (const issue of samples) expect(addressIssueMessage(issue)).toBe(addressIssueText(issue));
  });

  it('read in Chinese, the parameter and its value as written', () => {
    useLanguageStore.getState().setLang('zh');
    for (const issue of samples) {
      const text = addressIssueMessage(issue);
      expect(text, issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, issue.code).not.toBe(addressIssueText(issue));
    }
    expect(addressIssueMessage({ code: 'badTime', values: { value: 'yesterday' } })).toBe(
      '已忽略 t=yesterday：不是 ISO 8601 格式的 UTC 时间',
    );
    useLanguageStore.getState().setLang('en');
  });
});

// OEMs of our own, each broken one way; the reader's findings, where and why.
const OEM_HEAD = 'CCSDS_OEM_VERS = 2.0\nCREATION_DATE = 2024-11-01T00:00:00\nORIGINATOR = TEST';
const oemSegment = (center = 'EARTH', states = ['2024-11-01T00:00:00 6778.1 0 0 0 5.1 5.1']) =>
  [
    'META_START',
    'OBJECT_NAME = TESTSAT',
    'OBJECT_ID = 2024-001A',
    `CENTER_NAME = ${center}`,
    'REF_FRAME = EME2000',
    'TIME_SYSTEM = UTC',
    'START_TIME = 2024-11-01T00:00:00',
    'STOP_TIME = 2024-11-01T00:00:00',
    'META_STOP',
    ...states,
  ].join('\n');
function oemFindings(): OemIssue[] {
  const texts = [
    '',
    'hello',
    'CCSDS_OEM_VERS = 9.0',
    `CCSDS_OEM_VERS = 2.0\nCOMMENT ${'x'.repeat(100_000)}`,
    `${OEM_HEAD}\n${oemSegment('MARS')}`,
    `${OEM_HEAD}\n${oemSegment()}\n${oemSegment('EARTH', ['2024-11-01T00:00:00 1 2 3'])}`,
  ];
  return texts.flatMap((text) => {
    const r = readOem(text);
    return r.ok ? r.rejected : r.errors;
  });
}

describe('refused OEMs in the reader’s language', () => {
  const samples: OemIssue[] = [
    ...OEM_ISSUE_CODES.filter((code) => code !== 'overLimit').map((code) =>
      oemIssue(
        code,
        {
          ...{ format: 'zip', detail: 'x', parent: 'body', element: 'segment', found: 'X' },
          ...{ version: '1.0', text: 'x y', keyword: 'OBJECT_ID', section: 'metadata' },
          ...{ value: 'x', field: 'X', present: 'USEABLE_START_TIME', missing: 'X', later: 'A' },
          ...{ laterValue: '1', earlier: 'B', earlierValue: '2', count: 4, first: 6, epoch: 'e' },
          ...{ previous: 'p', start: 's', stop: 't', row: 3, rows: 5, line: 40 },
          ...{ eigenvalue: '-1.000e-3', center: 'MARS', frame: 'B1950' },
        },
        { segment: 2, line: 42 },
      ),
    ),
    ...oemFindings(),
  ];
  it('are found by the reader: empty, no version first, version, size, centre, a short state', () => {
    expect(oemFindings().map((i) => i.code)).toEqual([
      'empty',
      'versionFirst',
      'unsupportedVersion',
      'overLimit',
      'unsupportedCenter',
      'stateFieldCount',
    ]);
  });

  it('read in English exactly as the reader gives them, and so do the load notices', () => {
    useLanguageStore.getState().setLang('en');
    for (const issue of samples) expect(oemIssueMessage(issue), issue.code).toBe(issue.reason);
    const notices = [
      { file: 'a.oem', loaded: false, issues: oemFindings() },
      { file: 'a.oem', loaded: false, issues: [] },
      { file: 'a.oem', loaded: false, issues: [], notDrawn: [] },
      { file: 'a.oem', loaded: false, issues: [], notDrawn: ['a.oem', 'b.oem'] },
      { file: 'a.oem', loaded: false, issues: [], detail: 'worker propagation-1 stopped' },
      { file: 'a.oem', loaded: true, issues: oemFindings().slice(-1) },
      { file: 'a.oem', loaded: true, issues: oemFindings() },
    ];
    for (const n of notices) expect(oemLoadMessage(n)).toBe(oemLoadText(n));
  });

  it('read in Chinese, keywords and values as the file wrote them', () => {
    useLanguageStore.getState().setLang('zh');
    for (const issue of samples) {
      const text = oemIssueMessage(issue);
      expect(text, issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, issue.code).not.toBe(issue.reason);
    }
    const short = oemFindings().at(-1)!;
    expect(oemLoadMessage({ file: 'a.oem', loaded: true, issues: [short] })).toBe(
      'a.oem：已加载；拒收 1 个段 — 第 2 段，第 23 行：3 个数；一个状态需要 6 个或 9 个',
    );
    useLanguageStore.getState().setLang('en');
  });
});

// CDMs of our own, each broken one way, KVN and XML.
const CDM_OBJECTS = 'OBJECT = OBJECT1\nOBJECT = OBJECT2';
const CDM_BROKEN = [
  `COMMENT x\nCCSDS_CDM_VERS = 1.0\nCREATION_DATE = 2024-11-01T00:00:00\nCREATION_DATE = 2024-11-01T00:00:00\n${CDM_OBJECTS}`,
  'CCSDS_CDM_VERS = 1.0\nthis is not a keyword line',
  `CCSDS_CDM_VERS = 1.0\nCREATION_DATE =\nORIGINATOR = TEST\n${CDM_OBJECTS}`,
  '<?xml version="1.0"?><x/>',
  '<cdm><a></cdm>',
  '<!DOCTYPE x><cdm/>',
];
const cdmFindings = () => CDM_BROKEN.flatMap((text) => parseCdm(text).errors);

describe('refused CDMs in the reader’s language', () => {
  const samples: CdmIssue[] = [
    ...CDM_ISSUE_CODES.filter((code) => code !== 'overLimit').map((code) => ({
      code,
      values: {
        ...{ keyword: 'MISS_DISTANCE', section: 'relative metadata', start: 5, end: 40 },
        ...{ value: 'x', expected: 'OBJECT2', found: 'OBJECT1', object: 'OBJECT2' },
        ...{ line: 7, text: 'this is not', detail: 'Unclosed tag' },
      },
    })),
    ...cdmFindings().map((e) => e.issue),
  ];

  it('are found by the parsers, KVN and XML', () => {
    expect(cdmFindings().map((e) => e.issue.code)).toEqual([
      'beforeFirstMessage',
      'duplicateKeyword',
      'notKeyValue',
      'emptyValue',
      'noCdmElement',
      'malformedXml',
      'overLimit',
    ]);
  });

  it('read in English exactly as the command line prints them, and so does the import alert', () => {
    useLanguageStore.getState().setLang('en');
    for (const issue of samples)
      expect(cdmIssueMessage(issue), issue.code).toBe(cdmIssueText(issue));
    for (const e of cdmFindings()) expect(cdmIssueMessage(e.issue)).toBe(e.reason);
    const files = CDM_BROKEN.map((text, i) => ({ name: `${i}.cdm`, text }));
    const result = importConjunctionTexts([...files, { name: 'notes.txt', text: 'hello' }]);
    for (const notes of [result.notes, result.notes.slice(0, 1), result.notes.slice(0, 5)]) {
      const notice = { loaded: notes.length - 1, notes };
      expect(importNoticeMessage(notice)).toBe(importNoticeText(notice));
    }
  });

  it('read in Chinese, keywords and values as the file wrote them', () => {
    useLanguageStore.getState().setLang('zh');
    for (const issue of samples) {
      expect(cdmIssueMessage(issue), issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(cdmIssueMessage(issue), issue.code).not.toBe(cdmIssueText(issue));
    }
    const result = importConjunctionTexts([
      { name: 'a.cdm', text: CDM_BROKEN[2] },
      { name: 'notes.txt', text: 'hello' },
    ]);
    expect(importNoticeMessage({ loaded: 0, notes: result.notes })).toBe(
      '已加载 0 个事件；2 个问题：a.cdm：第 1 条报文，第 2 行，CREATION_DATE：头部中必需关键字 CREATION_DATE 的值为空 · ' +
        'notes.txt：既不是 CCSDS CDM（KVN 或 XML），也不是 SOCRATES 列表（CSV 或 JSON）',
    );
    useLanguageStore.getState().setLang('en');
  });
});

// SOCRATES lists of our own: bad records in CSV and JSON, and lists refused whole.
const SOCRATES_HEAD =
  'NORAD_CAT_ID_1,OBJECT_NAME_1,DSE_1,NORAD_CAT_ID_2,OBJECT_NAME_2,DSE_2,TCA,TCA_RANGE,TCA_RELATIVE_SPEED,MAX_PROB,DILUTION';
const SOCRATES_BROKEN = [
  {
    name: 'bad.csv',
    text: `${SOCRATES_HEAD}\n25544,ISS,0.5,-3,X,1,2024-10-31 10:40:00,0.9,14.2,,\n25544,ISS,0.5,49863,X,1,yesterday,0.9,14.2,,\n25544,ISS,0.5,49863,X,1,2024-10-31 10:40:00,near,14.2,,`,
  },
  { name: 'twice.csv', text: `${SOCRATES_HEAD},TCA\n` },
  { name: 'a.json', text: '[1, {"sat1": "25544"}]' },
  { name: 'b.json', text: '[{"sat1": ' },
  { name: 'c.json', text: '{"sat1": "25544"}' },
];

describe('refused SOCRATES lists in the reader’s language', () => {
  const found = () => importConjunctionTexts(SOCRATES_BROKEN).notes;
  const issueOf = (n: ReturnType<typeof found>[number]): SocratesIssue | null =>
    n.kind === 'socratesRecord' ? n.rejected.issue : n.kind === 'socratesFile' ? n.issue : null;
  const samples: SocratesIssue[] = [
    ...SOCRATES_ISSUE_CODES.filter((code) => code !== 'overLimit').map((code) => ({
      code,
      values: { value: '"x"', columns: 'TCA', detail: 'Unexpected end of JSON input' },
    })),
    ...found().flatMap((n) => issueOf(n) ?? []),
  ];

  it('are found by the parsers, CSV and JSON', () => {
    expect(found().map((n) => issueOf(n)?.code)).toEqual([
      'notCatalogNumber',
      'notUtcTime',
      'notNumber',
      'repeatedColumn',
      'notObject',
      'missing',
      'malformedJson',
      'notArray',
    ]);
  });

  it('read in English exactly as before, and so does the import alert', () => {
    useLanguageStore.getState().setLang('en');
    for (const issue of samples) {
      expect(socratesIssueMessage(issue), issue.code).toBe(socratesIssueText(issue));
    }
    const notes = found();
    const notice = { loaded: 0, notes };
    expect(importNoticeMessage(notice)).toBe(importNoticeText(notice));
    expect(importNoticeText(notice)).toMatch(
      /^Loaded 0 events; 8 problems: bad.csv: record 1, NORAD_CAT_ID_2: not a catalog number: "-3" · /,
    );
  });

  it('read in Chinese, the fields and values as the file wrote them', () => {
    useLanguageStore.getState().setLang('zh');
    for (const issue of samples) {
      expect(socratesIssueMessage(issue), issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(socratesIssueMessage(issue), issue.code).not.toBe(socratesIssueText(issue));
    }
    expect(importNoticeMessage({ loaded: 0, notes: found().slice(1, 2) })).toBe(
      '已加载 0 个事件；1 个问题：bad.csv：第 2 条记录，TCA：不是 UTC 时间："yesterday"',
    );
    useLanguageStore.getState().setLang('en');
  });
});

describe('a screening run that did not finish, in the reader’s language', () => {
  const failures: ScreeningFailure[] = [
    { code: 'tooFewObjects' },
    { code: 'cancelled' },
    { code: 'workerDied', detail: 'worker screening-1 stopped too often (last: terminated)' },
    { code: 'failed', detail: 'out of memory' },
  ];

  it('reads in English exactly as before, and in Chinese with the detail as the worker gave it', () => {
    useLanguageStore.getState().setLang('en');
    for (const f of failures) expect(screeningFailureMessage(f)).toBe(screeningFailureText(f));
    useLanguageStore.getState().setLang('zh');
    for (const f of failures) expect(screeningFailureMessage(f)).toMatch(/[\u4e00-\u9fff]/);
    expect(screeningFailureMessage(failures[2])).toBe(
      '筛查失败：worker screening-1 stopped too often (last: terminated)；事件列表未改动',
    );
    useLanguageStore.getState().setLang('en');
  });
});

describe('alert changes in the reader’s language', () => {
  const alerts = (...opts: TestUpdateOptions[]) =>
    alertsFor(
      mergeUpdates(
        [],
        opts.map((o, k) => testUpdate({ createdMs: T0 - 20 * HOUR + k * HOUR, ...o })),
      )[0],
      DEFAULT_ALERT_THRESHOLDS,
    );
  // Every rule: red, yellow and below yellow by covariance Pc; yellow and green by miss distance.
  const found = [
    ...alerts({ pc: 2e-4 }, { pc: 3e-6 }, { pc: 1e-9 }),
    ...alerts(
      { pc: 0.2, pcKind: 'maximum', missKm: 0.5 },
      { pc: 0.2, pcKind: 'maximum', missKm: 3 },
    ),
  ];

  it('cover every rule, a first appearance and changes', () => {
    expect(found.map((a) => a.changeData.rule)).toEqual([
      'red',
      'yellow',
      'belowYellow',
      'yellowMiss',
      'greenMiss',
    ]);
  });

  it('read in English exactly as the notifications say them, and in Chinese', () => {
    useLanguageStore.getState().setLang('en');
    for (const a of found) {
      expect(alertChangeMessage(a.changeData)).toBe(a.change);
      expect(alertChangeText(a.changeData)).toBe(a.change);
    }
    expect(found[1].change).toBe('Pc 2.0e-4 → 3.0e-6 (yellow ≥ 1e-7)');
    useLanguageStore.getState().setLang('zh');
    for (const a of found) expect(alertChangeMessage(a.changeData)).toMatch(/[\u4e00-\u9fff]/);
    expect(alertChangeMessage(found[4].changeData)).toBe(
      '脱靶量 0.500 km → 3.000 km（绿色：脱靶量 > 1 km 或最大 Pc < 1e-7）',
    );
    useLanguageStore.getState().setLang('en');
  });
});

const SETTINGS_VALUES = {
  ...{ chars: '20000', max: '100', found: '2', expected: '1', value: '7' },
  ...{ fields: 'redPc, yellowPc', last: 'missKm' },
};

describe('stored settings refused, in the reader’s language', () => {
  const doc = (over: object) =>
    JSON.stringify({
      schemaVersion: 1,
      refreshIntervalMs: null,
      rescreen: { auto: true, durationHours: 168, thresholdKm: 5 },
      alerts: { redPc: 1e-4, yellowPc: 1e-7, missKm: 1 },
      ...over,
    });
  const found = () =>
    [
      'x'.repeat(20_000),
      '{',
      '[]',
      doc({ schemaVersion: 2 }),
      doc({ refreshIntervalMs: 7, rescreen: { auto: true, durationHours: 0, thresholdKm: 5 } }),
      doc({ rescreen: { auto: true }, alerts: { redPc: 1e-7, yellowPc: 1e-4, missKm: 1 } }),
      doc({ alerts: { redPc: 2, yellowPc: 1e-7, missKm: 1 } }),
    ].flatMap((text) => readOperatorSettings(text).issues);
  const samples: SettingsIssue[] = [
    ...SETTINGS_ISSUE_CODES.map((code) => ({
      code,
      values: SETTINGS_VALUES,
    })),
    ...SETTINGS_ISSUE_CODES.map((code) => ({
      code,
      values: SETTINGS_VALUES,
      part: 'alerts' as const,
    })),
    ...found(),
  ];
  const notices: SettingsNotice[] = [
    { code: 'partlyRefused', issues: found() },
    { code: 'notSaved', detail: 'QuotaExceededError' },
    { code: 'notRead', detail: 'SecurityError' },
  ];

  it('are found by the reader: size, JSON, shape, version, interval, each part', () => {
    expect(found().map((i) => `${i.part ?? ''}:${i.code}`)).toEqual([
      ':tooLong',
      ':notJson',
      ':notObject',
      ':schemaVersion',
      ':interval',
      'rescreen:hours',
      'rescreen:needs',
      'alerts:yellowAboveRed',
      'alerts:redPc',
    ]);
  });

  it('read in English exactly as before, and in Chinese with the part named as stored', () => {
    useLanguageStore.getState().setLang('en');
    for (const i of samples) expect(settingsIssueMessage(i), i.code).toBe(settingsIssueText(i));
    for (const n of notices) expect(settingsNoticeMessage(n)).toBe(settingsNoticeText(n));
    useLanguageStore.getState().setLang('zh');
    for (const i of samples) {
      expect(settingsIssueMessage(i), i.code).toMatch(/[\u4e00-\u9fff]/);
      expect(settingsIssueMessage(i), i.code).not.toBe(settingsIssueText(i));
    }
    for (const n of notices) expect(settingsNoticeMessage(n)).toMatch(/[\u4e00-\u9fff]/);
    expect(settingsIssueMessage(found()[5])).toBe('rescreen：小时数须为 1 到 168 之间的整数');
    useLanguageStore.getState().setLang('en');
  });
});
