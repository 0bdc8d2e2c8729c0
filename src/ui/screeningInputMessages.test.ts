// Every screening input refused, found by screening what cannot be screened: the English exactly
// as the command line prints it (the error's message), and a Chinese sentence with numbers and
// labels as written, alone and inside the screening panel's failure.
import { afterEach, describe, expect, it } from 'vitest';
import { messageToTeme } from '../domain/oem/frames';
import { readOem } from '../domain/oem/read';
import { elementSetToOem } from '../domain/oem/sample';
import { prepareScreening, resolveOptions } from '../domain/screening/context';
import {
  SCREENING_INPUT_CODES,
  ScreeningInputError,
  screeningInputText,
} from '../domain/screening/inputIssues';
import type { ScreeningEphemeris, ScreeningOptions } from '../domain/screening/types';
import { useLanguageStore } from '../state/languageStore';
import { screeningFailureText } from '../state/screeningStore';
import { ISS_2024_10_31 } from '../testing/elements';
import { screeningFailureMessage, screeningInputMessage } from './issues';

const setLang = (lang: 'en' | 'zh') => useLanguageStore.getState().setLang(lang);
afterEach(() => setLang('en'));

const startMs = Date.UTC(2024, 10, 1);
const ok: ScreeningOptions = { startMs, durationHours: 1 };

function refused(run: () => unknown): ScreeningInputError {
  try {
    run();
  } catch (e) {
    if (e instanceof ScreeningInputError) return e;
    throw e;
  }
  throw new Error('screened what should be refused');
}

function ephemeris(label: string, withSegments = true): ScreeningEphemeris {
  const written = elementSetToOem(
    ISS_2024_10_31,
    { startMs, stopMs: startMs + 3_600_000, stepMs: 60_000 },
    { originator: 'TEST', creationDateMs: startMs },
  );
  if (!written.ok) throw new Error(written.reason);
  const read = readOem(written.text);
  if (!read.ok) throw new Error(read.errors[0].reason);
  const segments = withSegments ? messageToTeme(read.message).segments : [];
  return { id: 25544, name: 'ISS (ZARYA)', label, segments };
}

const found = (): ScreeningInputError[] => [
  refused(() => resolveOptions({ ...ok, startMs: NaN })),
  refused(() => resolveOptions({ ...ok, durationHours: 200 })),
  refused(() => resolveOptions({ ...ok, thresholdKm: -1 })),
  refused(() => resolveOptions({ ...ok, volume: { shape: 'box', halfRtnKm: [1, 0, 1] } })),
  refused(() => resolveOptions({ ...ok, fineStepS: 60, sampleStepS: 30 })),
  refused(() => resolveOptions({ ...ok, fineStepS: 20, sampleStepS: 50 })),
  refused(() => prepareScreening([ISS_2024_10_31], { ...ok, primaries: [5, 25544, 7] })),
  refused(() =>
    prepareScreening([ISS_2024_10_31], {
      ...ok,
      ephemerides: [ephemeris('a.oem 1998-067A'), ephemeris('b.oem 1998-067A')],
    }),
  ),
  refused(() =>
    prepareScreening([ISS_2024_10_31], { ...ok, ephemerides: [ephemeris('a.oem', false)] }),
  ),
];

describe('a screening input refused, in the reader’s language', () => {
  it('is found for every code by the screening itself, its message the template’s English', () => {
    const errors = found();
    expect(errors.map((e) => e.message)).toEqual([
      'start time is not a valid date',
      'duration must be > 0 and at most 168 hours',
      'threshold must be a positive number of km',
      'screening volume half-extents must be positive',
      'sample step must be at least the fine step',
      'sample step must be a whole multiple of the fine step',
      'primary not in catalog: 5, 7',
      'two ephemerides for object 25544: a.oem 1998-067A and b.oem 1998-067A',
      'ephemeris a.oem: no segments',
    ]);
    expect(errors.map((e) => e.issue.code)).toEqual(SCREENING_INPUT_CODES);
    for (const e of errors) expect(screeningInputText(e.issue)).toBe(e.message);
  });

  it('reads in English exactly as the command line prints it, alone and as the run’s failure', () => {
    for (const { issue, message } of found()) {
      expect(screeningInputMessage(issue)).toBe(message);
      const failure = { code: 'input', issue } as const;
      expect(screeningFailureMessage(failure)).toBe(`Screening failed: ${message}`);
      expect(screeningFailureText(failure)).toBe(`Screening failed: ${message}`);
    }
  });

  it('reads in Chinese, numbers and labels as written', () => {
    const errors = found();
    setLang('zh');
    for (const { issue, message } of errors) {
      expect(screeningInputMessage(issue), issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(screeningInputMessage(issue), issue.code).not.toBe(message);
    }
    expect(errors.map((e) => screeningInputMessage(e.issue))).toEqual([
      '开始时间不是有效日期',
      '时长须大于 0 且不超过 168 小时',
      '阈值须为正的公里数',
      '筛查体积的半尺寸须为正',
      '采样步长不得小于精细步长',
      '采样步长须为精细步长的整数倍',
      '主目标不在编目中：5, 7',
      '目标 25544 有两份星历：a.oem 1998-067A 和 b.oem 1998-067A',
      '星历 a.oem：没有数据段',
    ]);
    expect(screeningFailureMessage({ code: 'input', issue: errors[6].issue })).toBe(
      '筛查失败：主目标不在编目中：5, 7',
    );
  });
});
