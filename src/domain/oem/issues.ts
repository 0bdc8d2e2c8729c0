// Why an OEM, or one of its segments, was refused: a stable code with its values (for the UI to
// word in any language) and an English reason naming the keyword or line and the rule broken.
import { codesOf, type MessageTemplates, type MessageValues, templateText } from '../messages';
import type { LimitIssue } from '../limits';

const TEMPLATES = {
  empty: () => 'the file is empty',
  overLimit: (v) => `${v.reason}`,
  compression: (v) => `the file is ${v.format}-compressed; only gzip is supported`,
  malformedXml: (v) => `malformed XML: ${v.detail}`,
  missingElement: (v) => `<${v.parent}> has no <${v.element}>`,
  notOem: () => 'not an OEM: no CCSDS_OEM_VERS keyword or <oem> element',
  versionFirst: (v) => `the message must start with CCSDS_OEM_VERS, found ${v.found}`,
  unsupportedVersion: (v) => `CCSDS_OEM_VERS ${v.version}: only 1.0, 2.0 and 3.0 are supported`,
  notKeyValue: (v) => `"${v.text}" is not a KEYWORD = value line`,
  unknownKeyword: (v) => `${v.keyword} is not a keyword of the OEM ${v.section}`,
  duplicateKeyword: (v) => `${v.keyword} is given twice`,
  missingKeyword: (v) => `${v.keyword} is missing from the ${v.section}`,
  keywordNotInVersion: (v) => `${v.keyword} is not part of OEM version ${v.version}`,
  badEpoch: (v) => `${v.keyword} "${v.value}" is not a CCSDS epoch`,
  badNumber: (v) => `${v.field} "${v.value}" is not a number`,
  badDegree: (v) => `INTERPOLATION_DEGREE ${v.value} is not a positive integer`,
  badInterpolation: (v) => `INTERPOLATION ${v.value}: only LAGRANGE, HERMITE and LINEAR are known`,
  degreeMissing: () => 'INTERPOLATION is given without INTERPOLATION_DEGREE',
  useableIncomplete: (v) => `${v.present} is given without ${v.missing}`,
  timeOrder: (v) => `${v.later} ${v.laterValue} is before ${v.earlier} ${v.earlierValue}`,
  metaStopMissing: () => 'META_STOP missing before the data',
  noStates: () => 'the segment has no state lines',
  stateFieldCount: (v) => `${v.count} numbers; a state needs 6 or 9`,
  stateFieldsChange: (v) => `${v.count} numbers where the segment's first state has ${v.first}`,
  accelerationNotInVersion: (v) => `accelerations are not part of OEM version ${v.version}`,
  epochBackwards: (v) => `epoch ${v.epoch} is not after the previous state's ${v.previous}`,
  stateOutsideSpan: (v) =>
    `epoch ${v.epoch} is outside START_TIME–STOP_TIME ${v.start} – ${v.stop}`,
  afterCovariance: (v) => `"${v.text}" after COVARIANCE_STOP; a new segment starts with META_START`,
  covarianceNotInVersion: (v) => `covariance blocks are not part of OEM version ${v.version}`,
  covarianceStopMissing: () => 'COVARIANCE_STOP missing',
  covarianceEpochMissing: () => 'a covariance matrix must start with EPOCH',
  covarianceRow: (v) => `covariance row ${v.row} has ${v.count} numbers; it needs ${v.row}`,
  covarianceIncomplete: (v) => `covariance matrix has ${v.rows} rows; it needs 6 (21 numbers)`,
  covarianceNotPsd: (v) =>
    `covariance at line ${v.line} is not positive semi-definite (eigenvalue ${v.eigenvalue})`,
  unsupportedCenter: (v) => `CENTER_NAME ${v.center}: only Earth is supported`,
  unsupportedFrame: (v) =>
    `${v.keyword} ${v.frame}: only EME2000, GCRF, ICRF, ITRF…, TEME (and RTN/RSW, TNW for covariances) are supported`,
  unsupportedTimeSystem: (v) => `TIME_SYSTEM ${v.value}: only UTC, TAI, TT and GPS are supported`,
  objectChanges: (v) =>
    `${v.keyword} ${v.value} differs from ${v.first}, the name an earlier segment gives the same OBJECT_ID`,
} satisfies MessageTemplates;

export type OemIssueCode = keyof typeof TEMPLATES;
export const OEM_ISSUE_CODES = codesOf(TEMPLATES);

export interface OemIssue {
  code: OemIssueCode;
  values: MessageValues;
  /** 1-based line of the keyword or data line at fault (where a missing one was due). */
  line?: number;
  keyword?: string;
  /** 1-based index of the segment refused; absent for a whole-file failure. */
  segment?: number;
  /** English, e.g. "segment 2, line 42: epoch … is not after the previous state's …". */
  reason: string;
  /** overLimit: the input limit broken, for the interface to word (`reason` is its English). */
  limit?: LimitIssue;
}

export interface IssueWhere {
  line?: number;
  keyword?: string;
  segment?: number;
}

export function oemIssue(
  code: OemIssueCode,
  values: MessageValues = {},
  where: IssueWhere = {},
): OemIssue {
  const place = [
    where.segment !== undefined ? `segment ${where.segment}` : '',
    where.line !== undefined ? `line ${where.line}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const text = templateText(TEMPLATES, code, values);
  return { code, values, ...where, reason: place ? `${place}: ${text}` : text };
}

/** Thrown inside the reader to abandon one segment (or the file); always caught there. */
export class OemIssueError extends Error {
  constructor(readonly issue: OemIssue) {
    super(issue.reason);
  }
}

export function fail(
  code: OemIssueCode,
  values: MessageValues = {},
  where: IssueWhere = {},
): never {
  throw new OemIssueError(oemIssue(code, values, where));
}

/** What became of an OEM opened in the viewer: refused (with its issues, the files it could not
 * draw, or a worker's English `detail`), or loaded with some segments refused. */
export interface OemLoadNotice {
  file: string;
  loaded: boolean;
  issues: OemIssue[];
  /** Its object cannot be drawn: the files whose first state is not an Earth orbit (may be none). */
  notDrawn?: string[];
  detail?: string;
}

/** "a.oem: its first state is not an Earth orbit", or that its object cannot be drawn. */
export const notDrawnText = (files: readonly string[]): string =>
  files.map((f) => `${f}: its first state is not an Earth orbit`).join('; ') ||
  'its object cannot be drawn';

/** The notice in English: "a.oem: not loaded — line 3: … (and 2 more)". */
export function oemLoadText(n: OemLoadNotice): string {
  if (n.loaded) {
    const s = n.issues.length === 1 ? '' : 's';
    return `${n.file}: loaded; ${n.issues.length} segment${s} refused — ${n.issues.map((r) => r.reason).join(' · ')}`;
  }
  const more = n.issues.length > 1 ? ` (and ${n.issues.length - 1} more)` : '';
  const detail = n.notDrawn ? notDrawnText(n.notDrawn) : n.detail;
  return `${n.file}: not loaded — ${detail ?? n.issues[0]?.reason ?? 'unreadable'}${more}`;
}
