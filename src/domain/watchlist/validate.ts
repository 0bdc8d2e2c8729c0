import { watchReason, watchReasonText, type WatchReason } from './issues';
import {
  MAX_HBR_M,
  MAX_LABEL_CHARS,
  MAX_NORAD_ID,
  MAX_NOTE_CHARS,
  type WatchEntry,
  type WatchIssue,
} from './types';

/** Where a problem is, in words: `row 3 (line 4), hbrM: …`. */
export function describeIssue(issue: WatchIssue): string {
  const where =
    issue.row > 0
      ? `row ${issue.row} (line ${issue.line})`
      : issue.line > 0
        ? `line ${issue.line}`
        : '';
  const column = issue.column ? `${where ? ', ' : ''}${issue.column}` : '';
  return `${where}${column}${where || column ? ': ' : ''}${issue.reason}`;
}

/** A problem at a place in a file (row and line 0: the file as a whole). */
export const watchIssue = (
  row: number,
  line: number,
  column: string,
  issue: WatchReason,
): WatchIssue => ({ row, line, column, reason: watchReasonText(issue), issue });

/** A catalog number written as digits; otherwise why not. */
export function checkNoradId(text: string): number | WatchReason {
  const t = text.trim();
  if (t === '') return watchReason('noradIdRequired');
  if (!/^\d+$/.test(t)) return watchReason('notCatalogNumber', { text: t });
  const n = Number(t);
  if (n < 1 || n > MAX_NORAD_ID) return watchReason('noradIdRange', { text: t, max: MAX_NORAD_ID });
  return n;
}

/** A hard-body radius in metres, or null for an empty cell; otherwise why not. */
export function checkHbrM(text: string): number | null | WatchReason {
  const t = text.trim();
  if (t === '') return null;
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t))
    return watchReason('notMetres', { text: t });
  const v = Number(t);
  if (!(v > 0 && v <= MAX_HBR_M)) return watchReason('hbrRange', { text: t, max: MAX_HBR_M });
  return v;
}

export function checkText(column: 'label' | 'note', text: string): WatchReason | null {
  const max = column === 'label' ? MAX_LABEL_CHARS : MAX_NOTE_CHARS;
  if (text.length > max) return watchReason('tooLong', { length: text.length, max });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    return watchReason('controlCharacters');
  if (column === 'label' && /[\r\n]/.test(text)) return watchReason('labelOneLine');
  return null;
}

/**
 * A stored record read back (IndexedDB, a synced window): the entry when every field is sound,
 * otherwise the reason. Nothing is coerced.
 */
export function checkStoredEntry(value: unknown): WatchEntry | WatchReason {
  if (typeof value !== 'object' || value === null) return watchReason('storedNotObject');
  const r = value as Record<string, unknown>;
  if (
    !Number.isInteger(r.noradId) ||
    (r.noradId as number) < 1 ||
    (r.noradId as number) > MAX_NORAD_ID
  )
    return watchReason('storedNoradId', { value: String(JSON.stringify(r.noradId)) });
  if (typeof r.label !== 'string') return watchReason('storedNotText', { field: 'label' });
  if (typeof r.note !== 'string') return watchReason('storedNotText', { field: 'note' });
  const labelProblem = checkText('label', r.label) ?? checkText('note', r.note);
  if (labelProblem) return labelProblem;
  if (r.hbrM !== null && !(typeof r.hbrM === 'number' && r.hbrM > 0 && r.hbrM <= MAX_HBR_M))
    return watchReason('storedHbr', { value: String(JSON.stringify(r.hbrM)) });
  return {
    noradId: r.noradId as number,
    label: r.label,
    hbrM: r.hbrM as number | null,
    note: r.note,
  };
}

/**
 * Catalog numbers typed by a person: separated by commas, spaces or new lines, each once.
 * Returns the numbers, or the problems naming each bad one.
 */
export function parseCatalogNumbers(text: string): { ids: number[]; problems: WatchReason[] } {
  const ids: number[] = [];
  const problems: WatchReason[] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const id = checkNoradId(token);
    if (typeof id !== 'number') problems.push(id);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, problems };
}
