// The watch list as CSV: `noradId,label,hbrM,note` under a header row (columns in any order;
// only noradId is required). Reading is strict: one bad row rejects the file, and every problem
// names its row, line, column and reason. Writing is safe to open in a spreadsheet.
import Papa from 'papaparse';
import {
  MAX_WATCH_ENTRIES,
  MAX_WATCH_FILE_BYTES,
  WATCH_COLUMNS,
  type WatchColumn,
  type WatchEntry,
  type WatchIssue,
} from './types';
import { watchReason, type WatchReason } from './issues';
import { checkHbrM, checkNoradId, checkText, watchIssue } from './validate';

export type WatchCsvResult =
  { ok: true; entries: WatchEntry[] } | { ok: false; issues: WatchIssue[] };

const fileIssue = (reason: WatchReason): WatchCsvResult => ({
  ok: false,
  issues: [watchIssue(0, 0, '', reason)],
});

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** What export wrote to keep a cell from being read as a formula is taken off again on import. */
const unneutralise = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const isBlankRow = (row: string[]) => row.every((cell) => cell.trim() === '');

export function parseWatchListCsv(text: string): WatchCsvResult {
  if (text.length > MAX_WATCH_FILE_BYTES) {
    return fileIssue(
      watchReason('tooLarge', {
        size: (text.length / 1048576).toFixed(1),
        max: MAX_WATCH_FILE_BYTES / 1048576,
      }),
    );
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ',',
    skipEmptyLines: false,
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  const rows = parsed.data;
  const headerIndex = rows.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0) return fileIssue(watchReason('empty'));
  const header = rows[headerIndex].map((h) => h.trim());
  const known = WATCH_COLUMNS as readonly string[];
  const unknown = header.filter((h) => !known.includes(h));
  if (unknown.length) {
    const looksLikeData = header.some((h) => /^\d+$/.test(h));
    return fileIssue(
      looksLikeData
        ? watchReason('headerFirst', { columns: WATCH_COLUMNS.join(','), found: header.join(',') })
        : watchReason('unknownColumn', {
            columns: unknown.map((h) => `"${h}"`).join(', '),
            known: WATCH_COLUMNS.join(', '),
          }),
    );
  }
  if (!header.includes('noradId')) return fileIssue(watchReason('noNoradIdColumn'));
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (repeated.length)
    return fileIssue(watchReason('repeatedColumn', { columns: repeated.join(', ') }));

  const issues: WatchIssue[] = [];
  const entries: WatchEntry[] = [];
  const rowOf = new Map<number, number>();
  let line = 1;
  let index = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const rowLine = line;
    line += 1;
    for (const field of row) line += field.split('\n').length - 1;
    if (r <= headerIndex || isBlankRow(row)) continue;
    index += 1;
    const at = (column: string, reason: WatchReason) =>
      issues.push(watchIssue(index, rowLine, column, reason));
    if (quoteError && quoteError.row === r) {
      at('', watchReason('quoteNotClosed'));
      continue;
    }
    if (row.length !== header.length) {
      at('', watchReason('rowCells', { cells: row.length, header: header.length }));
      continue;
    }
    const cell = (name: WatchColumn) => {
      const i = header.indexOf(name);
      return i >= 0 ? row[i] : '';
    };
    const id = checkNoradId(cell('noradId'));
    const hbrM = checkHbrM(cell('hbrM'));
    const label = unneutralise(cell('label').trim());
    const note = unneutralise(cell('note').trim());
    if (typeof id === 'object') at('noradId', id);
    if (typeof hbrM === 'object' && hbrM !== null) at('hbrM', hbrM);
    const labelProblem = checkText('label', label);
    if (labelProblem) at('label', labelProblem);
    const noteProblem = checkText('note', note);
    if (noteProblem) at('note', noteProblem);
    const hbrBad = hbrM !== null && typeof hbrM === 'object';
    if (typeof id !== 'number' || hbrBad || labelProblem || noteProblem) continue;
    const earlier = rowOf.get(id);
    if (earlier !== undefined) {
      at('noradId', watchReason('duplicate', { id, row: earlier }));
      continue;
    }
    rowOf.set(id, index);
    entries.push({ noradId: id, label, hbrM, note });
  }
  if (index > MAX_WATCH_ENTRIES) {
    return fileIssue(watchReason('tooManyRows', { rows: index, max: MAX_WATCH_ENTRIES }));
  }
  return issues.length ? { ok: false, issues } : { ok: true, entries };
}

/** A text cell that a spreadsheet would not run: a leading = + - @ tab or CR gets a `'` before it. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The list as CSV: header, one row per object; numbers as numbers, text neutralised and quoted as needed. */
export function watchListToCsv(entries: readonly WatchEntry[]): string {
  const data = entries.map((e) => [
    e.noradId,
    neutraliseCell(e.label),
    e.hbrM ?? '',
    neutraliseCell(e.note),
  ]);
  return `${Papa.unparse({ fields: [...WATCH_COLUMNS], data }, { newline: '\n' })}\n`;
}
