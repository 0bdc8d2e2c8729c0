// CelesTrak OMM CSV: a header row of OMM keywords (any order, extra columns allowed), one
// record per row. Rows are numbered from 1 after the header; lines are file lines.
import { recordIssue, rejectedRecord, type RecordIssue } from './recordIssues';
import Papa from 'papaparse';
import { catalogError, checkCatalogRecords } from './errors';
import {
  collectOmmResults,
  readOmmRecord,
  REQUIRED_OMM_KEYWORDS,
  type OmmRecordResult,
} from './omm';
import type { ParsedCatalog } from './types';

function isBlankRow(row: string[]): boolean {
  return row.length === 1 && row[0].trim() === '';
}

export function parseOmmCsv(text: string): ParsedCatalog {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
  const rows = parsed.data;
  // The header is not a record, nor is the empty row after a file's last line break.
  const trailingBlank = rows.length > 1 && isBlankRow(rows[rows.length - 1]) ? 1 : 0;
  checkCatalogRecords(rows.length - 1 - trailingBlank);
  // Quoted fields may span lines, so count the line breaks inside each row's fields.
  const breakChar = parsed.meta.linebreak === '\r' ? '\r' : '\n';
  const rowErrors = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row !== undefined && !rowErrors.has(error.row))
      rowErrors.set(error.row, error.message);
  }

  let line = 1;
  let header: string[] | null = null;
  let columnOf = new Map<string, number>();
  let record = 0;
  const results: OmmRecordResult[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const rowLine = line;
    line += 1;
    for (const field of row) {
      // Few fields hold a line break: look for one before splitting.
      if (field.includes(breakChar)) line += field.split(breakChar).length - 1;
    }
    if (isBlankRow(row)) continue;

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
        throw catalogError('csvMissingColumns', { line: rowLine, columns: missing.join(', ') });
      }
      continue;
    }

    record += 1;
    const reject = (field: string, issue: RecordIssue): OmmRecordResult => ({
      rejected: rejectedRecord(record, rowLine, field, issue),
    });
    const parseError = rowErrors.get(i);
    if (parseError) {
      results.push(reject('row', recordIssue('csvError', { detail: parseError })));
    } else if (row.length < header.length) {
      results.push(
        reject(
          header[row.length],
          recordIssue('csvShortRow', { fields: row.length, header: header.length }),
        ),
      );
    } else if (row.length > header.length) {
      results.push(
        reject('row', recordIssue('csvLongRow', { fields: row.length, header: header.length })),
      );
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
  }
  if (!header) throw catalogError('csvNoHeader');
  return collectOmmResults('OMM-CSV', results);
}
