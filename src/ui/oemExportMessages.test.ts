// Every OEM export refusal, found by exporting what cannot be exported: the English exactly as
// the exporters give it, and a Chinese sentence with names, epochs and numbers as written.
import { afterEach, describe, expect, it } from 'vitest';
import { testRecord } from '../domain/history/testSupport';
import {
  OEM_EXPORT_ISSUE_CODES,
  oemExportIssueText,
  type OemExportIssue,
  type OemExportRefusal,
} from '../domain/oem/exportIssues';
import { messageToTeme } from '../domain/oem/frames';
import { eventObjectsToOem } from '../domain/oem/objects';
import { readOem } from '../domain/oem/read';
import { elementSetToOem } from '../domain/oem/sample';
import { ISS_2024_10_31, testElements } from '../testing/elements';
import { eventObjectsOem } from '../services/eventOem';
import { useLanguageStore } from '../state/languageStore';
import { oemExportIssueMessage } from './issues';

const setLang = (lang: 'en' | 'zh') => useLanguageStore.getState().setLang(lang);
afterEach(() => setLang('en'));

const options = { originator: 'ORBITAL WATCH', creationDateMs: Date.UTC(2024, 10, 1) };
const t0 = Date.UTC(2024, 10, 1);
const day = (el = ISS_2024_10_31) =>
  elementSetToOem(el, { startMs: t0, stopMs: t0 + 86_400_000, stepMs: 600_000 }, options);
const event = { tcaMs: t0 + 6 * 3_600_000, halfSpanMs: 2 * 3_600_000, stepMs: 60_000 };
const debris = testElements({ objectName: 'FENGYUN 1C DEB', objectId: '1999-025ABC' });

function refusal(result: { ok: true } | OemExportRefusal): OemExportRefusal {
  if (result.ok) throw new Error('exported what should be refused');
  return result;
}

/** The ISS for two hours around t0 + 1 h, as a loaded ephemeris (TEME). */
function issEphemeris() {
  const written = elementSetToOem(
    ISS_2024_10_31,
    { startMs: t0, stopMs: t0 + 2 * 3_600_000, stepMs: 60_000 },
    options,
  );
  if (!written.ok) throw new Error(written.reason);
  const read = readOem(written.text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  return messageToTeme(read.message).segments;
}

const found = (): OemExportRefusal[] => [
  refusal(
    elementSetToOem(ISS_2024_10_31, { startMs: t0, stopMs: t0 - 1, stepMs: 60_000 }, options),
  ),
  refusal(day({ ...ISS_2024_10_31, eccentricity: 1.2 })),
  refusal(day(testElements({ meanMotionRevPerDay: 16.3, bstar: 0.05 }))),
  refusal(day(testElements({ meanMotionRevPerDay: 16, bstar: 0.5 }))),
  refusal(day({ ...ISS_2024_10_31, objectName: '\n' })),
  refusal(
    eventObjectsToOem(
      [
        {
          kind: 'ephemeris',
          objectName: 'ISS (ZARYA)',
          objectId: '1998-067A',
          teme: issEphemeris(),
        },
        { kind: 'sgp4', elementSet: debris },
      ],
      event,
      options,
    ),
  ),
  refusal(
    eventObjectsToOem(
      [
        { kind: 'sgp4', elementSet: ISS_2024_10_31 },
        { kind: 'sgp4', elementSet: { ...debris, objectId: '1998-067A' } },
      ],
      event,
      options,
    ),
  ),
  // The loaded catalog is empty here.
  refusal(eventObjectsOem(testRecord({ id1: 'UNKNOWN 1' }), t0)),
  refusal(eventObjectsOem(testRecord(), t0)),
];

describe('an OEM export refused, in the reader’s language', () => {
  it('is found for every code by the exporters themselves, their English as the template’s', () => {
    const samples = found();
    expect(samples.map((s) => s.reason)).toEqual([
      'the span must run forward with a positive step',
      'eccentricity out of range (0 ≤ e < 1)',
      'SGP4 at 2024-11-01T02:10:00.000Z: reentered (below reentry altitude or drag term exhausted)',
      'SGP4 at 2024-11-01T00:10:00.000Z: SGP4 error 1: mean eccentricity out of range (0 ≤ e < 1)',
      'an OEM needs a non-empty OBJECT_NAME and OBJECT_ID',
      'ISS (ZARYA): the ephemeris has no usable state at 2024-11-01T04:00:00.000Z',
      'both objects have the same OBJECT_ID',
      'OBJECT UNKNOWN 1 has no catalog number',
      'OBJECT 25544 (25544) is not in the loaded catalog',
    ]);
    expect(new Set(samples.map((s) => s.issue.code))).toEqual(new Set(OEM_EXPORT_ISSUE_CODES));
    for (const s of samples) expect(oemExportIssueText(s.issue)).toBe(s.reason);
  });

  it('reads in English exactly as the exporters and command line write it', () => {
    for (const { issue, reason } of found()) expect(oemExportIssueMessage(issue)).toBe(reason);
    // Every SGP4 status, the unknown one too, as propagationStatusMessage words it.
    for (const status of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const issue: OemExportIssue = { code: 'sgp4', values: { epoch: 'E', status } };
      expect(oemExportIssueMessage(issue), String(status)).toBe(oemExportIssueText(issue));
    }
  });

  it('reads in Chinese, names, epochs and SGP4’s own initialisation detail as written', () => {
    const samples = found();
    setLang('zh');
    for (const { issue, reason } of samples) {
      if (issue.code === 'sgp4Init') {
        expect(oemExportIssueMessage(issue)).toBe(reason);
        continue;
      }
      expect(oemExportIssueMessage(issue), issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(oemExportIssueMessage(issue), issue.code).not.toBe(reason);
    }
    expect(samples.map((s) => oemExportIssueMessage(s.issue))).toEqual([
      '结束时刻不得早于开始时刻，且步长须为正',
      'eccentricity out of range (0 ≤ e < 1)',
      '2024-11-01T02:10:00.000Z 的 SGP4 外推：已再入（低于再入高度或阻力项耗尽）',
      '2024-11-01T00:10:00.000Z 的 SGP4 外推：SGP4 错误 1：平均偏心率超出范围（0 ≤ e < 1）',
      'OEM 需要非空的 OBJECT_NAME 和 OBJECT_ID',
      'ISS (ZARYA)：星历在 2024-11-01T04:00:00.000Z 没有可用状态',
      '两个目标的 OBJECT_ID 相同',
      'OBJECT UNKNOWN 1 没有编目号',
      'OBJECT 25544（25544）不在已加载的编目中',
    ]);
    for (const status of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const issue: OemExportIssue = { code: 'sgp4', values: { epoch: 'E', status } };
      expect(oemExportIssueMessage(issue), String(status)).toMatch(
        /^E 的 SGP4 外推：.*[\u4e00-\u9fff]/,
      );
    }
  });
});
