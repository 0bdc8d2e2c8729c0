// CelesTrak OMM CSV: a header row of OMM keywords (any order, extra columns allowed), one
// record per row. Rows are numbered from 1 after the header; lines are file lines.
import { recordIssue, rejectedRecord, type RecordIssue } from './recordIssues';
import Papa from 'papaparse';
import { catalogError, checkCatalogRecords, type CatalogFormatError } from './errors';
import {
  collectOmmResults,
  readOmmRecord,
  REQUIRED_OMM_KEYWORDS,
  type OmmRecordResult,
} from './omm';
import { INPUT_LIMITS } from '../limits';
import type { ParsedCatalog } from './types';

function isBlankRow(row: string[]): boolean {
  return row.length === 1 && row[0].trim() === '';
}

function rejectRow(record: number, line: number, field: string, issue: RecordIssue) {
  return { rejected: rejectedRecord(record, line, field, issue) };
}

/** The character that ends a line within a quoted field, for Papa Parse's line break. */
const lineBreakChar = (linebreak: string) => (linebreak === '\r' ? '\r' : '\n');

/** Whether the text has more than `n` line feeds (rows span one line or more). */
function hasMoreLines(text: string, n: number): boolean {
  for (let i = text.indexOf('\n'), count = 0; i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++count > n) return true;
  }
  return false;
}

/**
 * Rows are read one at a time as Papa Parse finds them (its `step`), so that each row's strings
 * die young: holding every row until the end made parsing a 100,000-row file mostly garbage
 * collection.
 */
export function parseOmmCsv(text: string): ParsedCatalog {
  // Quoted fields may span lines, so count the line breaks inside each row's fields (only a
  // file with quotes can have any).
  const quoted = text.includes('"');
  let breakChar = '\n';
  let rowCount = 0;
  let lastRowBlank = false;
  let line = 1;
  let header: string[] | null = null;
  let columnOf = new Map<string, number>();
  let headerIssue: CatalogFormatError | null = null;
  let record = 0;
  const results: OmmRecordResult[] = [];
  const readRow = (row: string[], parseError: string | undefined): void => {
    const rowLine = line;
    line += 1;
    for (let f = 0; quoted && f < row.length; f++) {
      // Few fields hold a line break: look for one before splitting.
      if (row[f].includes(breakChar)) line += row[f].split(breakChar).length - 1;
    }
    lastRowBlank = isBlankRow(row);
    if (lastRowBlank || headerIssue) return;

    if (!header) {
      header = row.map((name) =>
        name
          .replace(/^\uFEFF/, '')
          .trim()
          .toUpperCase(),
      );
      columnOf = new Map(header.map((name, column) => [name, column]));
      const missing = REQUIRED_OMM_KEYWORDS.filter((keyword) => !columnOf.has(keyword));
      if (missing.length > 0) {
        headerIssue = catalogError('csvMissingColumns', {
          line: rowLine,
          columns: missing.join(', '),
        });
      }
      return;
    }

    record += 1;
    // Over the limit the file is refused at the end (with its count): rows are only counted.
    if (record > INPUT_LIMITS.catalog.maxRecords) return;
    if (parseError) {
      results.push(
        rejectRow(record, rowLine, 'row', recordIssue('csvError', { detail: parseError })),
      );
    } else if (row.length < header.length) {
      const issue = recordIssue('csvShortRow', { fields: row.length, header: header.length });
      results.push(rejectRow(record, rowLine, header[row.length], issue));
    } else if (row.length > header.length) {
      const issue = recordIssue('csvLongRow', { fields: row.length, header: header.length });
      results.push(rejectRow(record, rowLine, 'row', issue));
    } else {
      results.push(
        readOmmRecord(
          (keyword) => {
            const column = columnOf.get(keyword);
            return column === undefined ? undefined : row[column];
          },
          record,
          rowLine,
        ),
      );
    }
  };
  // The header is not a record, nor is the empty row after a file's last line break.
  const checkRowCount = () =>
    checkCatalogRecords(rowCount - 1 - (rowCount > 1 && lastRowBlank ? 1 : 0));
  if (hasMoreLines(text, INPUT_LIMITS.catalog.maxRecords + 1)) {
    // Perhaps over the limit: every row first, so that such a file is refused unread.
    const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
    const rows = parsed.data;
    rowCount = rows.length;
    lastRowBlank = rows.length > 0 && isBlankRow(rows[rows.length - 1]);
    checkRowCount();
    breakChar = lineBreakChar(parsed.meta.linebreak);
    const rowErrors = new Map<number, string>();
    for (const error of parsed.errors) {
      if (error.row !== undefined && !rowErrors.has(error.row)) {
        rowErrors.set(error.row, error.message);
      }
    }
    rows.forEach((row, i) => readRow(row, rowErrors.get(i)));
  } else {
    Papa.parse<string[]>(text, {
      delimiter: ',',
      skipEmptyLines: false,
      step: (step) => {
        if (rowCount === 0) breakChar = lineBreakChar(step.meta.linebreak);
        rowCount += 1;
        readRow(step.data, step.errors[0]?.message);
      },
    });
  }
  checkRowCount();
  if (headerIssue) throw headerIssue;
  if (!header) throw catalogError('csvNoHeader');
  return collectOmmResults('OMM-CSV', results);
}
