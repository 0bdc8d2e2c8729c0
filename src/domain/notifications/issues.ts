// Why a notification, or a notification file, was refused: a code and its values (the interface
// words them in the reader's language, src/ui/notificationMessages.ts) with English templates
// (the `reason` and `message` the tests, logs and exports keep). Field paths, keywords and values
// stay as the file wrote them.
import { codesOf, type MessageTemplates, type MessageValues } from '../messages';
import { limitIssueText, type LimitIssue } from '../limits';

/** What a value was, in English: as written for text and numbers, worded for the rest. */
const got = (v: MessageValues) => (v.gotKind ? `an ${v.gotKind}` : String(v.got));

const TEMPLATES = {
  unknownField: (v) => `unknown field (allowed: ${v.allowed})`,
  required: () => 'is required',
  notText: (v) => `expected text, got ${got(v)}`,
  empty: () => 'is empty',
  tooLong: (v) => `longer than ${v.max} characters`,
  notNumber: (v) => `expected a number, got ${got(v)}`,
  outOfRange: (v) => `${v.value} is outside ${v.min}–${v.max}`,
  outOfRangeExclusive: (v) => `${v.value} is outside ${v.min}–${v.max} (exclusive)`,
  notTimeText: (v) => `expected an ISO 8601 UTC time, got ${got(v)}`,
  notUtcTime: (v) => `${got(v)} is not an ISO 8601 UTC time (e.g. 2024-10-31T12:00:00Z)`,
  notOneOf: (v) => `expected one of ${v.options}, got ${got(v)}`,
  notObject: (v) => `expected an object, got ${got(v)}`,
  notArray: (v) => `expected an array, got ${got(v)}`,
  badId: (v) =>
    `"${v.id}" must start with a letter or digit and use only letters, digits and . _ : / -`,
  duplicateId: (v) => `"${v.id}" is used by an earlier notification in this file`,
  duplicateRowId: (v) => `"${v.id}" is used by an earlier row in this file`,
  siteShape: (v) => `expected {"siteId": …} or {"latDeg": …, "lonDeg": …}, got ${got(v)}`,
  siteBoth: () => 'give either siteId or latDeg/lonDeg, not both',
  siteMissing: () => 'give siteId (a built-in launch site) or latDeg and lonDeg',
  unknownSite: (v) =>
    `unknown launch site "${v.id}"; give latDeg and lonDeg for a site not in the built-in list`,
  unknownSiteSimilar: (v) =>
    `unknown launch site "${v.id}" (did you mean ${v.similar}?); give latDeg and lonDeg for a site not in the built-in list`,
  windowShape: (v) => `expected {"start": …, "end": …}, got ${got(v)}`,
  windowInverted: (v) => `inverted: end ${v.end} is not after start ${v.start}`,
  azimuthShape: (v) => `expected a number or {"min": …, "max": …}, got ${got(v)}`,
  pointShape: (v) => `expected a [longitude, latitude] pair, got ${got(v)}`,
  polygonShape: (v) => `expected an array of [longitude, latitude] pairs, got ${got(v)}`,
  polygonTooFew: (v) => `has ${v.count} points; a closed ring needs at least 4 (first = last)`,
  polygonOpen: (v) =>
    `does not close: the first point [${v.first}] differs from the last [${v.last}]`,
  polygonDegenerate: () => 'has fewer than 3 distinct points',
  hazardShape: (v) => `expected {"polygon": […]}, got ${got(v)}`,
  orbitMissing: () => 'give inclinationDeg, altitudeKm or both',
  badDesignator: (v) =>
    `"${v.value}" is not an international designator (YYYY-NNN, e.g. 2024-191, optionally with piece letters)`,
  rowCells: (v) => `has ${v.cells} cells; the header has ${v.header}`,
} satisfies MessageTemplates;

export type NotificationIssueCode = keyof typeof TEMPLATES;
export const NOTIFICATION_ISSUE_CODES = codesOf(TEMPLATES);

/** One thing wrong with one notification: the field at fault, the rule as a code and values. */
export interface NotificationIssue {
  /** Path of the field at fault: "window", "hazardAreas[0].polygon", or a CSV column name. */
  field: string;
  code: NotificationIssueCode;
  values: MessageValues;
  /** English (logs, tests). */
  reason: string;
}

export const notificationIssueText = (code: NotificationIssueCode, values: MessageValues) =>
  TEMPLATES[code](values);

export const notificationIssue = (
  field: string,
  code: NotificationIssueCode,
  values: MessageValues = {},
): NotificationIssue => ({ field, code, values, reason: notificationIssueText(code, values) });

/** A value as a message names it: text quoted (cut at 40), numbers as written, else its kind. */
export function gotValues(v: unknown): MessageValues {
  if (Array.isArray(v)) return { gotKind: 'array' };
  if (typeof v === 'object' && v !== null) return { gotKind: 'object' };
  if (typeof v === 'string') return { got: `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` };
  return { got: String(v) };
}

/** A whole file refused. */
const FILE_TEMPLATES = {
  empty: () => 'the file is empty',
  markup: () => 'this is HTML or XML, not JSON or CSV',
  malformedJson: (v) => `not valid JSON (${v.detail})`,
  notNotifications: () =>
    'neither JSON nor notification CSV (a CSV file needs a header row with windowStart)',
  csvEmpty: () => 'the CSV file is empty',
  csvUnknownColumn: (v) => `unknown CSV column ${v.columns} (columns: ${v.known})`,
  csvMissingColumn: (v) => `missing CSV column ${v.columns}`,
  csvRepeatedColumn: (v) => `repeated CSV column ${v.columns}`,
  unknownTopLevel: (v) => `unknown top-level field ${v.fields}`,
  schemaVersion: (v) => `schemaVersion ${got(v)} is not supported (expected ${v.expected})`,
  notificationsNotArray: (v) => `"notifications" must be an array, got ${got(v)}`,
  notNotificationRoot: () =>
    'expected a notification, an array of notifications, or {"notifications": […]}',
  overLimit: (v) => `${v.reason}`,
  // What the reader met that none of the above names, in its own words.
  unreadable: (v) => `cannot be read (${v.detail})`,
} satisfies MessageTemplates;

export type NotificationFileIssueCode = keyof typeof FILE_TEMPLATES;
export const NOTIFICATION_FILE_ISSUE_CODES = codesOf(FILE_TEMPLATES);

export interface NotificationFileIssue {
  code: NotificationFileIssueCode;
  values: MessageValues;
  /** overLimit: the input limit broken, for the interface to word. */
  limit?: LimitIssue;
}

export const notificationFileIssueText = (issue: NotificationFileIssue): string =>
  FILE_TEMPLATES[issue.code](issue.values);

/** A file that cannot be read as notifications at all; `message` is the English. */
export class NotificationFormatError extends Error {
  constructor(readonly issue: NotificationFileIssue) {
    super(notificationFileIssueText(issue));
  }
}

export const formatError = (code: NotificationFileIssueCode, values: MessageValues = {}) =>
  new NotificationFormatError({ code, values });

export const limitError = (limit: LimitIssue) =>
  new NotificationFormatError({
    code: 'overLimit',
    values: { reason: limitIssueText(limit) },
    limit,
  });
