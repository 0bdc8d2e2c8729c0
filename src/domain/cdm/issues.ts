// Why a CDM message (or the file) was refused: a code with its values, for the interface to word
// in any language, and the English the command line prints (CdmError.reason).
import { codesOf, type MessageTemplates, type MessageValues } from '../messages';
import { limitIssueText, type LimitIssue } from '../limits';

const TEMPLATES = {
  duplicateKeyword: (v) => `duplicate keyword ${v.keyword} in ${v.section}`,
  emptyValue: (v) => `empty value for mandatory keyword ${v.keyword} in ${v.section}`,
  missingKeyword: (v) =>
    `missing mandatory keyword ${v.keyword} in ${v.section} (lines ${v.start}–${v.end})`,
  notNumber: (v) => `non-numeric value "${v.value}" for ${v.keyword}`,
  outOfRange: (v) => `value "${v.value}" for ${v.keyword} is out of range`,
  badEpoch: (v) => `invalid epoch "${v.value}" for ${v.keyword}`,
  wrongObject: (v) => `expected OBJECT = ${v.expected}, found ${v.found}`,
  missingObject: (v) => `missing ${v.object} section (message ends at line ${v.end})`,
  extraObject: () => 'more than two object sections',
  notKeyValue: (v) => `line ${v.line} is not "KEYWORD = value": ${v.text}`,
  beforeFirstMessage: () => 'content before the first CCSDS_CDM_VERS line',
  noCdmElement: () => 'no <cdm> element found',
  malformedXml: (v) => `malformed XML: ${v.detail}`,
  // An input limit: its LimitIssue is `limit`, its English `reason`.
  overLimit: (v) => `${v.reason}`,
} satisfies MessageTemplates;

export type CdmIssueCode = keyof typeof TEMPLATES;
export const CDM_ISSUE_CODES = codesOf(TEMPLATES);

export interface CdmIssue {
  code: CdmIssueCode;
  values: MessageValues;
  /** overLimit: the input limit broken, for the interface to word. */
  limit?: LimitIssue;
}

export const cdmIssue = (code: CdmIssueCode, values: MessageValues = {}): CdmIssue => ({
  code,
  values,
});

export const cdmLimitIssue = (limit: LimitIssue): CdmIssue => ({
  code: 'overLimit',
  values: { reason: limitIssueText(limit) },
  limit,
});

export const cdmIssueText = (issue: CdmIssue): string => TEMPLATES[issue.code](issue.values);

/** SOCRATES lists: a refused record (a field) or a refused file. */
const SOCRATES_TEMPLATES = {
  notNumber: (v) => `not a number: ${v.value}`,
  notCatalogNumber: (v) => `not a catalog number: ${v.value}`,
  missingTime: () => 'missing time',
  notUtcTime: (v) => `not a UTC time: ${v.value}`,
  missing: () => 'missing',
  notObject: () => 'not an object',
  repeatedColumn: (v) => `repeated CSV column ${v.columns}`,
  malformedJson: (v) => `malformed JSON: ${v.detail}`,
  notArray: () => 'SOCRATES JSON must be an array',
  overLimit: (v) => `${v.reason}`,
} satisfies MessageTemplates;

export type SocratesIssueCode = keyof typeof SOCRATES_TEMPLATES;
export const SOCRATES_ISSUE_CODES = codesOf(SOCRATES_TEMPLATES);

export interface SocratesIssue {
  code: SocratesIssueCode;
  /** MessageValues as the file wrote them (JSON-quoted where the English quotes them). */
  values: MessageValues;
  limit?: LimitIssue;
}

export const socratesIssueText = (issue: SocratesIssue): string =>
  SOCRATES_TEMPLATES[issue.code](issue.values);
