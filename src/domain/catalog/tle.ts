// Two- and three-line element sets. Values are read exactly as satellite.js's
// twoline2satrec reads them (same column slices, same parseFloat inputs), so an ElementSet
// from a TLE initialises SGP4 to the same satrec; the checks around them are stricter.
import { decodeAlpha5 } from './alpha5';
import { catalogError, checkCatalogRecords } from './errors';
import { daysInYear, epochMsFromDayOfYear, fullYearFromTle } from './epoch';
import { checkAngleDeg, checkInclinationDeg, checkMeanMotion } from './limits';
import { recordIssue, rejectedRecord, type RecordIssue } from './recordIssues';
import type { ElementSet, ParsedCatalog, RecordOrigin, RejectedRecord } from './types';

export const TLE_LINE_LENGTH = 69;

interface TleLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

interface TleGroup {
  record: number;
  name?: TleLine;
  line1?: TleLine;
  line2?: TleLine;
}

/** One fixed-column field; `start`/`end` are 0-based, end exclusive (String.slice). */
interface Column {
  field: string;
  start: number;
  end: number;
  pattern: RegExp;
  /** The layout in words, for the rejection reason. */
  layout: string;
  /** Range check on the plain numeric reading, used to explain a field that fails its layout. */
  check?: (value: number) => RecordIssue | null;
}

const SATNUM = /^([A-HJ-NP-Z]\d{4}| *\d+)$/;
const ANGLE = /^[ \d]{3}\.\d{4}$/;
const IMPLIED_EXPONENT = /^[ +-]\d{5}[+-]\d$/;

const LINE1_COLUMNS: Column[] = [
  {
    field: 'satellite number',
    start: 2,
    end: 7,
    pattern: SATNUM,
    layout: 'NNNNN or Alpha-5 ANNNN',
  },
  { field: 'classification', start: 7, end: 8, pattern: /^[UCS ]$/, layout: 'U, C or S' },
  {
    field: 'international designator',
    start: 9,
    end: 17,
    pattern: /^[\dA-Z ]{8}$/,
    layout: 'YYNNNPPP',
  },
  { field: 'epoch year', start: 18, end: 20, pattern: /^\d\d$/, layout: 'YY' },
  {
    field: 'epoch day',
    start: 20,
    end: 32,
    pattern: /^[ \d]{2}\d\.\d{8}$/,
    layout: 'DDD.DDDDDDDD',
  },
  { field: 'mean motion dot', start: 33, end: 43, pattern: /^[ +-]\.\d{8}$/, layout: '±.NNNNNNNN' },
  { field: 'mean motion ddot', start: 44, end: 52, pattern: IMPLIED_EXPONENT, layout: '±NNNNN±E' },
  { field: 'bstar', start: 53, end: 61, pattern: IMPLIED_EXPONENT, layout: '±NNNNN±E' },
  { field: 'ephemeris type', start: 62, end: 63, pattern: /^[\d ]$/, layout: 'N' },
  { field: 'element set number', start: 64, end: 68, pattern: /^ *\d*$/, layout: 'NNNN' },
  { field: 'checksum', start: 68, end: 69, pattern: /^\d$/, layout: 'N' },
];

const LINE2_COLUMNS: Column[] = [
  {
    field: 'satellite number',
    start: 2,
    end: 7,
    pattern: SATNUM,
    layout: 'NNNNN or Alpha-5 ANNNN',
  },
  {
    field: 'inclination',
    start: 8,
    end: 16,
    pattern: ANGLE,
    layout: 'NNN.NNNN',
    check: checkInclinationDeg,
  },
  {
    field: 'right ascension of ascending node',
    start: 17,
    end: 25,
    pattern: ANGLE,
    layout: 'NNN.NNNN',
    check: checkAngleDeg,
  },
  {
    field: 'eccentricity',
    start: 26,
    end: 33,
    pattern: /^\d{7}$/,
    layout: 'NNNNNNN (7 digits, leading decimal point implied)',
  },
  {
    field: 'argument of perigee',
    start: 34,
    end: 42,
    pattern: ANGLE,
    layout: 'NNN.NNNN',
    check: checkAngleDeg,
  },
  {
    field: 'mean anomaly',
    start: 43,
    end: 51,
    pattern: ANGLE,
    layout: 'NNN.NNNN',
    check: checkAngleDeg,
  },
  {
    field: 'mean motion',
    start: 52,
    end: 63,
    pattern: /^[ \d]{2}\.\d{8}$/,
    layout: 'NN.NNNNNNNN',
    check: checkMeanMotion,
  },
  { field: 'revolution number', start: 63, end: 68, pattern: /^ *\d*$/, layout: 'NNNNN' },
  { field: 'checksum', start: 68, end: 69, pattern: /^\d$/, layout: 'N' },
];

/** Columns that separate fields and must be blank (0-based). */
const LINE1_BLANKS = [1, 8, 17, 32, 43, 52, 61, 63];
const LINE2_BLANKS = [1, 7, 16, 25, 33, 42, 51];

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** TLE mod-10 checksum of columns 1–68: digits count their value, a minus sign counts 1. */
export function tleChecksum(line: string): number {
  let sum = 0;
  for (let i = 0; i < 68 && i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

function isElementLine(text: string, lineNumber: '1' | '2'): boolean {
  return text[0] === lineNumber && (text.length === 1 || text[1] === ' ');
}

/** Groups non-blank lines into element sets: [name] line 1, line 2. */
function groupLines(text: string): TleGroup[] {
  const groups: TleGroup[] = [];
  let current: TleGroup | null = null;
  const start = (): TleGroup => {
    current = { record: groups.length + 1 };
    groups.push(current);
    return current;
  };
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i].trimEnd();
    if (content.trim() === '') continue;
    const entry: TleLine = { text: content, line: i + 1 };
    const open = current as TleGroup | null;
    if (isElementLine(content, '1')) {
      const g = open && open.name && !open.line1 && !open.line2 ? open : start();
      g.line1 = entry;
    } else if (isElementLine(content, '2')) {
      // A name line directly followed by line 2 is one record missing its line 1.
      const g = open && !open.line2 ? open : start();
      g.line2 = entry;
    } else {
      start().name = entry;
    }
    if (current && (current as TleGroup).line2) current = null;
  }
  return groups;
}

function columnsIssue(column: Column, raw: string): RecordIssue {
  const columns = `${column.start + 1}-${column.end}`;
  if (column.check && PLAIN_NUMBER.test(raw.trim())) {
    const issue = column.check(Number(raw.trim()));
    if (issue) return { code: issue.code, values: { ...issue.values, columns } };
  }
  return recordIssue('layout', { columns, layout: column.layout, got: raw });
}

type LineCheck = { field: string; issue: RecordIssue } | null;

/** Length, line number, blank separators and every field's layout. */
function checkLayout(
  entry: TleLine,
  lineNumber: 1 | 2,
  columns: Column[],
  blanks: number[],
): LineCheck {
  const text = entry.text;
  if (text[0] !== String(lineNumber)) {
    return {
      field: 'line number',
      issue: recordIssue('lineNumber', { got: text[0], expected: lineNumber }),
    };
  }
  if (text.length !== TLE_LINE_LENGTH) {
    const values = { length: text.length, expected: TLE_LINE_LENGTH };
    const code = text.length < TLE_LINE_LENGTH ? 'truncated' : 'tooLong';
    return { field: 'line length', issue: recordIssue(code, values) };
  }
  for (const c of blanks) {
    if (text[c] !== ' ') {
      return { field: 'spacing', issue: recordIssue('notBlank', { column: c + 1, got: text[c] }) };
    }
  }
  for (const column of columns) {
    const raw = text.slice(column.start, column.end);
    if (!column.pattern.test(raw)) return { field: column.field, issue: columnsIssue(column, raw) };
  }
  const expected = tleChecksum(text);
  const actual = Number(text[68]);
  if (expected !== actual) {
    return { field: 'checksum', issue: recordIssue('checksum', { got: actual, expected }) };
  }
  return null;
}

/** "98067A  " → "1998-067A"; empty when the designator is blank. */
function objectIdFromDesignator(designator: string): string {
  const m = /^(\d\d)(\d{3})([A-Z ]{1,3})$/.exec(designator.trimEnd().padEnd(6, ' '));
  if (!m) return designator.trim();
  return `${fullYearFromTle(Number(m[1]))}-${m[2]}${m[3].trim()}`;
}

/** satellite.js's reading of the ±NNNNN±E implied-decimal exponent fields. */
function impliedExponent(field: string): number {
  return parseFloat(`${field[0]}.${field.slice(1, 6)}E${field.slice(6, 8)}`);
}

type GroupResult = { element: ElementSet; origin: RecordOrigin } | { rejected: RejectedRecord };

function readGroup(group: TleGroup): GroupResult {
  const { record, name, line1, line2 } = group;
  const firstLine = (name ?? line1 ?? line2)!.line;
  const reject = (field: string, issue: RecordIssue, line = firstLine): GroupResult => ({
    rejected: rejectedRecord(record, line, field, issue),
  });
  const lines = 'element lines';
  if (!line1 && !line2) return reject(lines, recordIssue('noElementLines'));
  if (!line1) return reject(lines, recordIssue('noLine1'), line2!.line);
  if (!line2) return reject(lines, recordIssue('noLine2'), line1.line);

  for (const [entry, n, columns, blanks] of [
    [line1, 1, LINE1_COLUMNS, LINE1_BLANKS],
    [line2, 2, LINE2_COLUMNS, LINE2_BLANKS],
  ] as const) {
    const problem = checkLayout(entry, n, columns, blanks);
    if (problem) return reject(problem.field, problem.issue, entry.line);
  }

  const l1 = line1.text;
  const l2 = line2.text;
  const satnum1 = decodeAlpha5(l1.slice(2, 7));
  const satnum2 = decodeAlpha5(l2.slice(2, 7));
  if (satnum1 !== satnum2) {
    return reject(
      'satellite number',
      recordIssue('satelliteNumbers', { line1: l1.slice(2, 7), line2: l2.slice(2, 7) }),
      line2.line,
    );
  }

  const year = fullYearFromTle(Number(l1.slice(18, 20)));
  const epochDay = parseFloat(l1.slice(20, 32));
  if (!(epochDay >= 1 && epochDay < daysInYear(year) + 1)) {
    return reject(
      'epoch day',
      recordIssue('epochDay', {
        day: l1.slice(20, 32).trim(),
        maxDay: daysInYear(year),
        year,
      }),
      line1.line,
    );
  }

  const inclinationDeg = parseFloat(l2.slice(8, 16));
  const raOfAscNodeDeg = parseFloat(l2.slice(17, 25));
  const argOfPericenterDeg = parseFloat(l2.slice(34, 42));
  const meanAnomalyDeg = parseFloat(l2.slice(43, 51));
  const meanMotionRevPerDay = parseFloat(l2.slice(52, 63));
  for (const [field, issue] of [
    ['inclination', checkInclinationDeg(inclinationDeg)],
    ['right ascension of ascending node', checkAngleDeg(raOfAscNodeDeg)],
    ['argument of perigee', checkAngleDeg(argOfPericenterDeg)],
    ['mean anomaly', checkAngleDeg(meanAnomalyDeg)],
    ['mean motion', checkMeanMotion(meanMotionRevPerDay)],
  ] as const) {
    if (issue) return reject(field, issue, line2.line);
  }

  const element: ElementSet = {
    // 3LE name lines start "0 "; plain 3-line files have the bare name.
    objectName: name ? name.text.replace(/^0 /, '').trim() : '',
    objectId: objectIdFromDesignator(l1.slice(9, 17)),
    noradCatId: satnum1,
    epochMs: epochMsFromDayOfYear(year, epochDay),
    meanMotionRevPerDay,
    eccentricity: parseFloat(`.${l2.slice(26, 33)}`),
    inclinationDeg,
    raOfAscNodeDeg,
    argOfPericenterDeg,
    meanAnomalyDeg,
    bstar: impliedExponent(l1.slice(53, 61)),
    meanMotionDot: parseFloat(l1.slice(33, 43)),
    meanMotionDdot: impliedExponent(l1.slice(44, 52)),
    classificationType: l1[7].trim() || 'U',
    elementSetNo: Number(l1.slice(64, 68).trim() || 0),
    revAtEpoch: Number(l2.slice(63, 68).trim() || 0),
    ephemerisType: Number(l1[62].trim() || 0),
  };
  return { element, origin: { record, line: firstLine } };
}

/**
 * Parses 2-line or 3-line TLE text (name lines optional, with or without "0 "; CRLF, blank
 * lines and trailing blanks tolerated). Throws CatalogFormatError only when no line looks
 * like a TLE line at all.
 */
export function parseTle(text: string): ParsedCatalog {
  const groups = groupLines(text);
  if (!groups.some((g) => g.line1 || g.line2)) {
    throw catalogError('noTleLines');
  }
  checkCatalogRecords(groups.length);
  const elements: ElementSet[] = [];
  const origins: RecordOrigin[] = [];
  const rejected: RejectedRecord[] = [];
  for (const group of groups) {
    const result = readGroup(group);
    if ('rejected' in result) {
      rejected.push(result.rejected);
    } else {
      elements.push(result.element);
      origins.push(result.origin);
    }
  }
  return { format: 'TLE', elements, rejected, origins };
}
