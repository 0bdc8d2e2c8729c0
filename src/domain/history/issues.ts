// Why a record cannot become an update of the event history: a code with its values (the record's
// file or run is `label`), for the interface to word, and the English the logs and tests show.
import { codesOf, type MessageTemplates, type MessageValues } from '../messages';

const TEMPLATES = {
  tcaOutOfRange: () => 'TCA is not a time between 1957 and 2200',
  badMiss: () => 'miss distance is not a finite number ≥ 0',
  badSpeed: () => 'relative speed is not a finite number ≥ 0',
  noCdmMessage: () => 'CDM record without its message',
  noReportTime: () => 'no report time (the file name carries none; give one)',
  noRunTime: () => "a screening update needs the run's time",
  creationOutOfRange: () => 'creation time is not between 1957 and 2200',
} satisfies MessageTemplates;

export type HistoryIssueCode = keyof typeof TEMPLATES;
export const HISTORY_ISSUE_CODES = codesOf(TEMPLATES);

export interface HistoryIssue {
  code: HistoryIssueCode;
  /** `label`: the record's file or run, as written. */
  values: MessageValues;
}

/** `a.csv: no report time (…)`. */
export const historyIssueText = (issue: HistoryIssue): string =>
  `${issue.values.label}: ${TEMPLATES[issue.code]()}`;
