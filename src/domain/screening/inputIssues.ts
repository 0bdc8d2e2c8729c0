// Why screening options or inputs were refused before a run: a code and its values for the
// interface to word, and the English the command line prints (ScreeningInputError.message).
import { codesOf, type MessageTemplates, type MessageValues, templateText } from '../messages';

const TEMPLATES = {
  badStart: () => 'start time is not a valid date',
  badDuration: (v) => `duration must be > 0 and at most ${v.max} hours`,
  badThreshold: () => 'threshold must be a positive number of km',
  badVolume: () => 'screening volume half-extents must be positive',
  sampleBelowFine: () => 'sample step must be at least the fine step',
  sampleNotMultiple: () => 'sample step must be a whole multiple of the fine step',
  primaryMissing: (v) => `primary not in catalog: ${v.ids}`,
  twoEphemerides: (v) => `two ephemerides for object ${v.id}: ${v.first} and ${v.second}`,
  noSegments: (v) => `ephemeris ${v.label}: no segments`,
} satisfies MessageTemplates;

export type ScreeningInputCode = keyof typeof TEMPLATES;
export const SCREENING_INPUT_CODES = codesOf(TEMPLATES);

export interface ScreeningInputIssue {
  code: ScreeningInputCode;
  values: MessageValues;
}

export const screeningInputText = (issue: ScreeningInputIssue): string =>
  templateText(TEMPLATES, issue.code, issue.values);

/** A refused screening input; its message is the English, its issue the data. */
export class ScreeningInputError extends Error {
  readonly issue: ScreeningInputIssue;
  constructor(code: ScreeningInputCode, values: MessageValues = {}) {
    const issue = { code, values };
    super(screeningInputText(issue));
    this.issue = issue;
  }
}
