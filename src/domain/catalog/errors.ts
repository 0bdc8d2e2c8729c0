import { type MessageTemplates, type MessageValues } from '../messages';
import {
  inputBytesIssue,
  inputRecordsIssue,
  INPUT_LIMITS,
  isLimitCode,
  limitIssueText,
  type LimitCode,
  type LimitIssue,
} from '../limits';

import type { RejectedRecord } from './types';

/** Whole-file refusals of a catalog, with their English wording (the CLI's and the logs'). */
const TEMPLATES = {
  empty: () => 'empty file, no catalog data',
  binary: () => 'binary data, not a text catalog (TLE or OMM JSON/CSV/XML)',
  html: () => 'received an HTML page, not catalog data (an error or login page from the server?)',
  notCatalog: (v) => `not a catalog: expected TLE or OMM JSON, CSV or XML; it begins "${v.start}"`,
  noTleLines: () => 'no TLE lines found (no line starts with "1 " or "2 ")',
  malformedJson: (v) => `malformed JSON: ${v.detail}`,
  notOmmJson: () => 'JSON is neither an array of OMM records nor one OMM record',
  malformedXml: (v) => `malformed XML: ${v.detail}`,
  malformedXmlAt: (v) => `malformed XML at line ${v.line}: ${v.detail}`,
  notOmmXml: () => 'XML has no <omm> element: not an OMM file',
  csvNoHeader: () => 'OMM CSV has no header row',
  csvMissingColumns: (v) => `OMM CSV header (line ${v.line}) lacks required column(s) ${v.columns}`,
  // Loading as a whole: nothing usable came of a readable file, or it could not be fetched.
  noUsableRecords: (v) => `no usable records (${v.rejected} rejected; first: ${v.first})`,
  noRecords: () => 'no usable records',
  noneInitialised: () => 'SGP4 could not initialise any record',
  fetchFailed: (v) => `Could not fetch ${v.url}: ${v.reason}`,
  fetchTooLarge: (v) =>
    `Could not fetch ${v.url}: ${limitIssueText({ code: 'tooLarge', values: { ...v, kind: 'catalog' } })}`,
} satisfies MessageTemplates;

export type CatalogFormatCode = keyof typeof TEMPLATES;

/**
 * Why a file was refused: a catalog code or an input-limit code, with its values (parser details
 * such as a JSON parser's own message stay in English in `detail`). `file` names the file.
 */
export interface CatalogIssue {
  code: CatalogFormatCode | LimitCode;
  values: MessageValues;
  file?: string;
  /** noUsableRecords: the first refused record, for the interface to word (`first` is English). */
  record?: RejectedRecord;
}

const isLimit = (issue: CatalogIssue): issue is CatalogIssue & LimitIssue =>
  isLimitCode(issue.code);

/** The issue in English: "file.tle: empty file, no catalog data". */
export function catalogIssueText(issue: CatalogIssue): string {
  const reason = isLimit(issue)
    ? limitIssueText(issue)
    : TEMPLATES[issue.code as CatalogFormatCode](issue.values);
  return issue.file ? `${issue.file}: ${reason}` : reason;
}

/**
 * A whole-file failure: nothing in the text can be read as catalog data (empty, binary,
 * an HTML page, an unknown format, malformed JSON/XML, a CSV header without the OMM
 * columns, or a file over the size limit). Per-record problems are RejectedRecords instead.
 */
export class CatalogFormatError extends Error {
  override readonly name = 'CatalogFormatError';
  constructor(readonly issue: CatalogIssue) {
    super(catalogIssueText(issue));
  }
}

export const catalogError = (code: CatalogFormatCode, values: MessageValues = {}) =>
  new CatalogFormatError({ code, values });

/** Largest catalog accepted (see INPUT_LIMITS in src/domain/limits.ts). */
export const MAX_CATALOG_BYTES = INPUT_LIMITS.catalog.maxBytes;

/** Throws CatalogFormatError when a file holds more records than a catalog may. */
export function checkCatalogRecords(count: number): void {
  const issue = inputRecordsIssue('catalog', count, 'records');
  if (issue) throw new CatalogFormatError(issue);
}

/**
 * Why a file of `bytes` is too large to load, or null when it is not. Check File.size or
 * Content-Length before reading; parseCatalog applies the same limit to the text.
 */
export function catalogSizeIssue(bytes: number): LimitIssue | null {
  return inputBytesIssue('catalog', bytes);
}

export function checkCatalogSize(bytes: number): string | null {
  const issue = catalogSizeIssue(bytes);
  return issue ? limitIssueText(issue) : null;
}
