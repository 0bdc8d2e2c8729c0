// Why an event could not be written as a CDM: a code and its values for the interface to word,
// and the English the command line and tests read (the error's message).
import { codesOf, type MessageTemplates, type MessageValues, templateText } from '../messages';

const TEMPLATES = {
  noStates: (v) => `event ${v.key} has no states at TCA (its objects are not in the catalog)`,
  frame: (v) => `cannot export states in frame ${v.frame}`,
  nonFinite: (v) => `cannot write non-finite value ${v.value} (${v.keyword})`,
} satisfies MessageTemplates;

export type CdmExportIssueCode = keyof typeof TEMPLATES;
export const CDM_EXPORT_ISSUE_CODES = codesOf(TEMPLATES);

export interface CdmExportIssue {
  code: CdmExportIssueCode;
  values: MessageValues;
}

export const cdmExportIssueText = (issue: CdmExportIssue): string =>
  templateText(TEMPLATES, issue.code, issue.values);

/** A CDM export refused; `message` is the English, `issue` what the interface words. */
export class CdmExportError extends Error {
  constructor(readonly issue: CdmExportIssue) {
    super(cdmExportIssueText(issue));
    this.name = 'CdmExportError';
  }
}
