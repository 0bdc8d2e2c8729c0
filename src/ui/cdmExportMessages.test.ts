// Every CDM export refusal, found by exporting what cannot be written: the English exactly as the
// writer gives it (the command line's), and a Chinese sentence with keys and values as written.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CDM_EXPORT_ISSUE_CODES,
  CdmExportError,
  cdmExportIssueText,
  type CdmExportIssue,
} from '../domain/cdm/exportIssues';
import { writeCdmKvn } from '../domain/cdm/writeKvn';
import { recordToCdm } from '../domain/conjunctions/toCdm';
import { testRecord } from '../domain/history/testSupport';
import { useLanguageStore } from '../state/languageStore';
import { cdmExportIssueMessage } from './issues';

const setLang = (lang: 'en' | 'zh') => useLanguageStore.getState().setLang(lang);
afterEach(() => setLang('en'));

function refusal(f: () => unknown): { issue: CdmExportIssue; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof CdmExportError) return { issue: e.issue, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

const withStates = testRecord({ radiiKm: [7000, 7000.5] });
const samples = [
  refusal(() => recordToCdm(testRecord())),
  refusal(() => recordToCdm({ ...withStates, states: { ...withStates.states!, frame: 'GCRF' } })),
  refusal(() => {
    const cdm = recordToCdm(withStates, { creationMs: Date.UTC(2024, 7, 14) });
    return writeCdmKvn({ ...cdm, relative: { ...cdm.relative, missDistanceM: NaN } });
  }),
];

describe('CDM export refusals', () => {
  it('every code is found by the exporter itself, its English exactly the error message', () => {
    expect(samples.map((s) => s.issue.code)).toEqual(CDM_EXPORT_ISSUE_CODES);
    for (const { issue, message } of samples) {
      expect(cdmExportIssueText(issue)).toBe(message);
      expect(cdmExportIssueMessage(issue)).toBe(message);
    }
    expect(samples[0].message).toBe(
      `event ${testRecord().key} has no states at TCA (its objects are not in the catalog)`,
    );
    expect(samples[1].message).toBe('cannot export states in frame GCRF');
    expect(samples[2].message).toBe('cannot write non-finite value NaN (MISS_DISTANCE)');
  });

  it('in Chinese, keys, frames, values and keywords as written', () => {
    setLang('zh');
    expect(samples.map((s) => cdmExportIssueMessage(s.issue))).toEqual([
      `事件 ${testRecord().key} 没有最接近时刻的状态（其目标不在编目中）`,
      '无法导出 GCRF 坐标系中的状态',
      '无法写入非有限数值 NaN（MISS_DISTANCE）',
    ]);
  });
});
