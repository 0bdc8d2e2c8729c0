// The format-neutral middle layer: KVN and XML both reduce a message to keyword/value entries
// grouped by section, each remembering its line, so one builder validates both and its errors can
// always name a keyword and a line.
import { cdmIssueText, type CdmIssue } from './issues';

export interface CdmEntry {
  keyword: string;
  value: string;
  unit?: string;
  line: number;
}

export interface RawSection {
  /** Line where the section starts (its first entry or opening tag). */
  startLine: number;
  /** Last line that belongs to it. */
  endLine: number;
  entries: CdmEntry[];
}

export interface RawCdm {
  format: 'KVN' | 'XML';
  startLine: number;
  endLine: number;
  header: RawSection;
  relative: RawSection;
  objects: RawSection[];
}

/** A failure tied to a keyword and line; the parser turns it into a CdmError. */
export class CdmFieldError extends Error {
  constructor(
    readonly line: number,
    readonly keyword: string | undefined,
    readonly issue: CdmIssue,
  ) {
    super(cdmIssueText(issue));
  }
}
