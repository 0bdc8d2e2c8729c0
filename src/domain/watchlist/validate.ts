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

/** A catalog number written as digits; otherwise why not. */
export function checkNoradId(text: string): number | string {
  const t = text.trim();
  if (t === '') return 'a catalog number is required';
  if (!/^\d+$/.test(t)) return `"${t}" is not a catalog number (digits only)`;
  const n = Number(t);
  if (n < 1 || n > MAX_NORAD_ID) return `${t} is out of range (1 to ${MAX_NORAD_ID})`;
  return n;
}

/** A hard-body radius in metres, or null for an empty cell; otherwise why not. */
export function checkHbrM(text: string): number | null | string {
  const t = text.trim();
  if (t === '') return null;
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t))
    return `"${t}" is not a number of metres`;
  const v = Number(t);
  if (!(v > 0 && v <= MAX_HBR_M)) return `${t} m is out of range (above 0, at most ${MAX_HBR_M} m)`;
  return v;
}

export function checkText(column: 'label' | 'note', text: string): string | null {
  const max = column === 'label' ? MAX_LABEL_CHARS : MAX_NOTE_CHARS;
  if (text.length > max) return `${text.length} characters; at most ${max}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    return 'contains control characters';
  if (column === 'label' && /[\r\n]/.test(text)) return 'a label is one line';
  return null;
}

/**
 * A stored record read back (IndexedDB, a synced window): the entry when every field is sound,
 * otherwise the reason. Nothing is coerced.
 */
export function checkStoredEntry(value: unknown): WatchEntry | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const r = value as Record<string, unknown>;
  if (
    !Number.isInteger(r.noradId) ||
    (r.noradId as number) < 1 ||
    (r.noradId as number) > MAX_NORAD_ID
  )
    return `noradId ${JSON.stringify(r.noradId)} is not a catalog number`;
  if (typeof r.label !== 'string') return 'label is not text';
  if (typeof r.note !== 'string') return 'note is not text';
  const labelProblem = checkText('label', r.label) ?? checkText('note', r.note);
  if (labelProblem) return labelProblem;
  if (r.hbrM !== null && !(typeof r.hbrM === 'number' && r.hbrM > 0 && r.hbrM <= MAX_HBR_M))
    return `hbrM ${JSON.stringify(r.hbrM)} is not a radius in metres`;
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
export function parseCatalogNumbers(text: string): { ids: number[]; problems: string[] } {
  const ids: number[] = [];
  const problems: string[] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const id = checkNoradId(token);
    if (typeof id === 'string') problems.push(id);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, problems };
}
