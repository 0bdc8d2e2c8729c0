// Why a collision probability could not be computed: a code with its values, for the interface to
// word in any language, and the English the record keeps (`pcProblem`) and logs print.
import { codesOf, type MessageTemplates, type MessageValues } from '../messages';

const TEMPLATES = {
  unsupportedFrame: (v) => `unsupported REF_FRAME ${v.frame}`,
  rtnUndefined: () => 'RTN frame undefined: position is zero or parallel to velocity',
  zeroVector: () => 'cannot normalise a zero-length vector',
  negativeHbr: (v) => `hard-body radius must be ≥ 0, got ${v.hbr}`,
  // Anything else thrown on the way: its own message, as written.
  failed: (v) => `${v.detail}`,
} satisfies MessageTemplates;

export type PcIssueCode = keyof typeof TEMPLATES;
export const PC_ISSUE_CODES = codesOf(TEMPLATES);

export interface PcIssue {
  code: PcIssueCode;
  values: MessageValues;
}

export const pcIssueText = (issue: PcIssue): string => TEMPLATES[issue.code](issue.values);

/** A probability that cannot be computed from these inputs; its message is the English. */
export class PcError extends RangeError {
  override readonly name = 'PcError';
  constructor(readonly issue: PcIssue) {
    super(pcIssueText(issue));
  }
}

export const pcError = (code: PcIssueCode, values: MessageValues = {}): PcError =>
  new PcError({ code, values });

/** What went wrong, as data: a PcError's issue, else the error's own message. */
export const pcIssueOf = (err: unknown): PcIssue =>
  err instanceof PcError
    ? err.issue
    : { code: 'failed', values: { detail: String(err instanceof Error ? err.message : err) } };
