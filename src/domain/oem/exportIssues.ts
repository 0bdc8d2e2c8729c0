// Why an OEM export (a catalog object sampled from SGP4, or an event's two objects) was refused:
// a code and its values for the interface to word, and the English the command line and tests
// read. SGP4's own initialisation detail stays as written, as in the catalog's record refusals.
import { codesOf, type MessageTemplates, type MessageValues, templateText } from '../messages';
import { propagationStatusMessage } from '../propagation/status';

const TEMPLATES = {
  badSpan: () => 'the span must run forward with a positive step',
  sgp4Init: (v) => `${v.detail}`,
  sgp4: (v) => `SGP4 at ${v.epoch}: ${propagationStatusMessage(Number(v.status))}`,
  noState: (v) => `the ephemeris has no usable state at ${v.epoch}`,
  noName: () => 'an OEM needs a non-empty OBJECT_NAME and OBJECT_ID',
  sameObjectId: () => 'both objects have the same OBJECT_ID',
  noCatalogNumber: (v) => `${v.name} has no catalog number`,
  notInCatalog: (v) => `${v.name} (${v.id}) is not in the loaded catalog`,
} satisfies MessageTemplates;

export type OemExportIssueCode = keyof typeof TEMPLATES;
export const OEM_EXPORT_ISSUE_CODES = codesOf(TEMPLATES);

export interface OemExportIssue {
  code: OemExportIssueCode;
  values: MessageValues;
  /** The event's object at fault, as named in the file (absent for a single object). */
  object?: string;
}

/** A refused export: its English reason beside the issue. */
export interface OemExportRefusal {
  ok: false;
  reason: string;
  issue: OemExportIssue;
}

/** "ISS (ZARYA): the ephemeris has no usable state at …", or the rule alone. */
export function oemExportIssueText(issue: OemExportIssue): string {
  const text = templateText(TEMPLATES, issue.code, issue.values);
  return issue.object !== undefined ? `${issue.object}: ${text}` : text;
}

export function refuseExport(
  code: OemExportIssueCode,
  values: MessageValues = {},
): OemExportRefusal {
  const issue = { code, values };
  return { ok: false, reason: oemExportIssueText(issue), issue };
}

/** The same refusal, placed on one of an event's objects. */
export function ofObject(refusal: OemExportRefusal, object: string): OemExportRefusal {
  const issue = { ...refusal.issue, object };
  return { ok: false, reason: oemExportIssueText(issue), issue };
}
