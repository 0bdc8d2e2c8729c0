// What the product writes must be safe to open: object names and designators come from files
// anyone can make, so they are neutralised before reaching a spreadsheet cell, a KVN line or a
// file name.

/** A cell a spreadsheet would evaluate: =, +, -, @, tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV cell: numbers as written; text that a spreadsheet would run as a formula gets a
 * leading apostrophe (shown, not evaluated), unless it is a plain number such as "-1.5";
 * RFC 4180 quoting when it holds a quote, comma or line break. null/undefined: an empty cell.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no line break) of cells. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * Text for one KVN value or comment: line breaks and other control characters become spaces,
 * so a name can never start a line (and so a keyword) of its own.
 */
export function kvnText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}

/** A KVN keyword: letters, digits and underscores only (anything else becomes "_"). */
export function kvnKeyword(keyword: string): string {
  return keyword.replace(/[^A-Za-z0-9_]/g, '_') || 'UNNAMED';
}

/**
 * A file name from free text (event keys hold designators from files): letters, digits, ".",
 * "_" and "-" only, no leading dot, at most 120 characters; `fallback` when nothing is left.
 */
export function safeFileName(text: string, fallback = 'export'): string {
  const name = text
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return name || fallback;
}
