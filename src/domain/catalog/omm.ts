// The CCSDS OMM keywords shared by the JSON, CSV and XML encodings: one reader turns a
// record's keyword→value lookup into an ElementSet or a rejection naming the keyword.
import { parseOmmEpoch } from './epoch';
import { recordIssue, recordIssueText, rejectedRecord, type RecordIssue } from './recordIssues';
import { checkAngleDeg, checkEccentricity, checkInclinationDeg, checkMeanMotion } from './limits';
import type { ElementSet, ObjectType, ParsedCatalog, RecordOrigin, RejectedRecord } from './types';

/** Keywords every record needs: without them SGP4 cannot be initialised. */
export const REQUIRED_OMM_KEYWORDS = [
  'EPOCH',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'NORAD_CAT_ID',
  'BSTAR',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
] as const;

/** CelesTrak's column order, used when writing OMM (CSV header, JSON key order). */
export const CELESTRAK_OMM_KEYWORDS = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'EPOCH',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'EPHEMERIS_TYPE',
  'CLASSIFICATION_TYPE',
  'NORAD_CAT_ID',
  'ELEMENT_SET_NO',
  'REV_AT_EPOCH',
  'BSTAR',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
] as const;

/** Decimal or exponent notation, with or without a leading zero (".16091E-2" occurs). */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** SATCAT OBJECT_TYPE values; TBA ("to be assigned") means nobody knows yet. */
export function objectTypeFromOmm(value: unknown): ObjectType | undefined {
  if (typeof value !== 'string') return undefined;
  switch (value.trim().toUpperCase()) {
    case 'PAYLOAD':
      return 'PAYLOAD';
    case 'ROCKET BODY':
    case 'R/B':
      return 'ROCKET BODY';
    case 'DEBRIS':
    case 'DEB':
      return 'DEBRIS';
    case 'UNKNOWN':
    case 'TBA':
      return 'UNKNOWN';
    default:
      return undefined;
  }
}

class Rejection extends Error {
  constructor(
    readonly field: string,
    readonly issue: RecordIssue,
  ) {
    super(recordIssueText(issue));
  }
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

function numberValue(keyword: string, value: unknown): number {
  let n = NaN;
  if (typeof value === 'string') {
    // Trimmed once: this runs about fifteen times per record.
    const trimmed = value.trim();
    if (trimmed === '') throw new Rejection(keyword, recordIssue('missing'));
    if (NUMBER_TEXT.test(trimmed)) n = Number(trimmed);
  } else if (typeof value === 'number') n = value;
  else if (isMissing(value)) throw new Rejection(keyword, recordIssue('missing'));
  if (!Number.isFinite(n)) {
    const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
    throw new Rejection(keyword, recordIssue('notNumber', { got: shown }));
  }
  return n;
}

function optionalNumber(keyword: string, value: unknown, fallback: number): number {
  return isMissing(value) ? fallback : numberValue(keyword, value);
}

function integerValue(keyword: string, value: unknown, min: number): number {
  const n = numberValue(keyword, value);
  if (!Number.isInteger(n) || n < min) {
    throw new Rejection(keyword, recordIssue('notInteger', { min, got: n }));
  }
  return n;
}

function checked(keyword: string, value: number, check: (v: number) => RecordIssue | null): number {
  const issue = check(value);
  if (issue) throw new Rejection(keyword, issue);
  return value;
}

function text(value: unknown): string {
  return isMissing(value) ? '' : String(value).trim();
}

export type OmmRecordResult =
  { element: ElementSet; origin: RecordOrigin } | { rejected: RejectedRecord };

/**
 * Reads one OMM record through `get` (keyword → raw value: string, number or absent).
 * Only the first problem is reported; record and line are passed through to it.
 */
export function readOmmRecord(
  get: (keyword: string) => unknown,
  record: number,
  line?: number,
): OmmRecordResult {
  try {
    const noradCatId = integerValue('NORAD_CAT_ID', get('NORAD_CAT_ID'), 1);
    const epochText = get('EPOCH');
    if (isMissing(epochText)) throw new Rejection('EPOCH', recordIssue('missing'));
    const epochMs = parseOmmEpoch(String(epochText));
    if (typeof epochMs !== 'number') throw new Rejection('EPOCH', epochMs);
    const num = (keyword: string) => numberValue(keyword, get(keyword));
    const element: ElementSet = {
      objectName: text(get('OBJECT_NAME')),
      objectId: text(get('OBJECT_ID')),
      noradCatId,
      epochMs,
      meanMotionRevPerDay: checked('MEAN_MOTION', num('MEAN_MOTION'), checkMeanMotion),
      eccentricity: checked('ECCENTRICITY', num('ECCENTRICITY'), checkEccentricity),
      inclinationDeg: checked('INCLINATION', num('INCLINATION'), checkInclinationDeg),
      raOfAscNodeDeg: checked('RA_OF_ASC_NODE', num('RA_OF_ASC_NODE'), checkAngleDeg),
      argOfPericenterDeg: checked('ARG_OF_PERICENTER', num('ARG_OF_PERICENTER'), checkAngleDeg),
      meanAnomalyDeg: checked('MEAN_ANOMALY', num('MEAN_ANOMALY'), checkAngleDeg),
      bstar: num('BSTAR'),
      meanMotionDot: num('MEAN_MOTION_DOT'),
      meanMotionDdot: num('MEAN_MOTION_DDOT'),
      classificationType: text(get('CLASSIFICATION_TYPE')) || 'U',
      elementSetNo: optionalNumber('ELEMENT_SET_NO', get('ELEMENT_SET_NO'), 0),
      revAtEpoch: optionalNumber('REV_AT_EPOCH', get('REV_AT_EPOCH'), 0),
      ephemerisType: optionalNumber('EPHEMERIS_TYPE', get('EPHEMERIS_TYPE'), 0),
    };
    const objectType = objectTypeFromOmm(get('OBJECT_TYPE'));
    if (objectType) element.objectType = objectType;
    return { element, origin: line === undefined ? { record } : { record, line } };
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    return { rejected: rejectedRecord(record, line, e.field, e.issue) };
  }
}

/** Splits record results into a ParsedCatalog. */
export function collectOmmResults(
  format: ParsedCatalog['format'],
  results: Iterable<OmmRecordResult>,
): ParsedCatalog {
  const parsed: Required<ParsedCatalog> = { format, elements: [], rejected: [], origins: [] };
  for (const result of results) {
    if ('rejected' in result) {
      parsed.rejected.push(result.rejected);
    } else {
      parsed.elements.push(result.element);
      parsed.origins.push(result.origin);
    }
  }
  return parsed;
}
