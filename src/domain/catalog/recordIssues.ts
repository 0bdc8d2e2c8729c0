// Why one record of a catalog was refused, as a code and its values: the interface words it in
// the reader's language (src/ui/issues.ts), the command line and the logs in English (here).

import { codesOf, type MessageTemplates, type MessageValues } from '../messages';
import type { RejectedRecord } from './types';

/** " (columns 53-63)" when a TLE range check explains a field's columns. */
const at = (v: MessageValues) => (v.columns !== undefined ? ` (columns ${v.columns})` : '');

const TEMPLATES = {
  // Any format: the physical plausibility checks (src/domain/catalog/limits.ts).
  meanMotionNotPositive: (v) => `mean motion must be > 0 rev/day (got ${v.got})${at(v)}`,
  meanMotionImplausible: (v) =>
    `mean motion ${v.got} rev/day is implausible (must be < ${v.max})${at(v)}`,
  eccentricity: (v) => `eccentricity must be in [0, 1) for a closed orbit (got ${v.got})${at(v)}`,
  inclination: (v) => `inclination must be 0–180° (got ${v.got})${at(v)}`,
  angle: (v) => `angle must be 0–360° (got ${v.got})${at(v)}`,
  sgp4Init: (v) => String(v.detail),
  // TLE. The field names the check (line length, checksum…) and the location the file's line, so
  // the reason does not say "line 2" a third time.
  noElementLines: () => 'a name line without element lines',
  noLine1: () => 'line 1 missing before line 2',
  noLine2: () => 'line 2 missing after line 1',
  lineNumber: (v) => `begins with "${v.got}", expected "${v.expected}"`,
  truncated: (v) => `${v.length} columns, expected ${v.expected} (truncated)`,
  tooLong: (v) => `${v.length} columns, expected ${v.expected} (too long or misaligned)`,
  notBlank: (v) => `column ${v.column} must be blank (got "${v.got}"); fields are misaligned`,
  layout: (v) => `columns ${v.columns} must read "${v.layout}" (got "${v.got}")`,
  checksum: (v) => `is ${v.got}, columns 1-68 sum to ${v.expected} (mod 10)`,
  satelliteNumbers: (v) => `line 1 has ${v.line1}, line 2 has ${v.line2}`,
  epochDay: (v) => `day of year ${v.day} is outside 1–${v.maxDay}.99999999 for ${v.year}`,
  // OMM (JSON, CSV, XML).
  missing: () => 'missing',
  notNumber: (v) => `not a number (got ${v.got})`,
  notInteger: (v) => `must be an integer ≥ ${v.min} (got ${v.got})`,
  epochFormat: (v) => `"${v.text}" is not an ISO date-time like 2024-10-29T12:18:43.492896`,
  epochMonth: (v) => `month ${v.month} is not 1–12 in "${v.text}"`,
  epochDayOfMonth: (v) => `day ${v.day} is not 1–${v.maxDay} in "${v.text}"`,
  epochDayOfYear: (v) => `day of year ${v.day} is out of range in "${v.text}"`,
  epochYear: (v) => `year ${v.year} is outside ${v.min}–${v.max}`,
  epochTime: (v) => `time of day out of range in "${v.text}"`,
  csvError: (v) => `CSV error: ${v.detail}`,
  csvShortRow: (v) => `missing: row has ${v.fields} fields, header has ${v.header}`,
  csvLongRow: (v) => `has ${v.fields} fields, header has ${v.header} (unquoted comma?)`,
  notJsonObject: () => 'not a JSON object',
  noSegment: () => 'missing <body><segment>',
} satisfies MessageTemplates;

export type RecordIssueCode = keyof typeof TEMPLATES;

export interface RecordIssue {
  code: RecordIssueCode;
  values: MessageValues;
}

export const RECORD_ISSUE_CODES = codesOf(TEMPLATES);

export const recordIssue = (code: RecordIssueCode, values: MessageValues = {}): RecordIssue => ({
  code,
  values,
});

/** The record issue in English. */
export function recordIssueText(issue: RecordIssue): string {
  return TEMPLATES[issue.code](issue.values);
}

/** A refused record: where, the field at fault, the issue and its English wording. */
export function rejectedRecord(
  record: number,
  line: number | undefined,
  field: string,
  issue: RecordIssue,
): RejectedRecord {
  const reason = recordIssueText(issue);
  return line === undefined
    ? { record, field, reason, issue }
    : { record, line, field, reason, issue };
}
