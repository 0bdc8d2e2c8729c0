// Why a watch-list cell, row, file or stored record was refused: codes and values (the interface
// words them in the reader's language, src/ui/watchListMessages.ts) with the English the command
// line prints. Values stay as written.
import { codesOf, type MessageTemplates, type MessageValues } from '../messages';

const TEMPLATES = {
  // A cell, or a catalog number typed.
  noradIdRequired: () => 'a catalog number is required',
  notCatalogNumber: (v) => `"${v.text}" is not a catalog number (digits only)`,
  noradIdRange: (v) => `${v.text} is out of range (1 to ${v.max})`,
  notMetres: (v) => `"${v.text}" is not a number of metres`,
  hbrRange: (v) => `${v.text} m is out of range (above 0, at most ${v.max} m)`,
  tooLong: (v) => `${v.length} characters; at most ${v.max}`,
  controlCharacters: () => 'contains control characters',
  labelOneLine: () => 'a label is one line',
  // A row.
  duplicate: (v) => `${v.id} is already on row ${v.row}`,
  quoteNotClosed: () => 'a quoted cell is not closed',
  rowCells: (v) => `has ${v.cells} cells; the header has ${v.header}`,
  // The file.
  tooLarge: (v) => `${v.size} MB is too large for a watch list (at most ${v.max} MB)`,
  empty: () => 'the file is empty (a header row noradId,label,hbrM,note is required)',
  headerFirst: (v) => `the first row must be the header ${v.columns} (found data: "${v.found}")`,
  unknownColumn: (v) => `unknown column ${v.columns} (columns: ${v.known})`,
  noNoradIdColumn: () => 'the header has no noradId column',
  repeatedColumn: (v) => `column ${v.columns} appears twice in the header`,
  tooManyRows: (v) => `${v.rows} rows; a watch list holds at most ${v.max} objects`,
  // A record read back from the browser's store.
  storedNotObject: () => 'not an object',
  storedNoradId: (v) => `noradId ${v.value} is not a catalog number`,
  storedNotText: (v) => `${v.field} is not text`,
  storedHbr: (v) => `hbrM ${v.value} is not a radius in metres`,
} satisfies MessageTemplates;

export type WatchReasonCode = keyof typeof TEMPLATES;
export const WATCH_REASON_CODES = codesOf(TEMPLATES);

/** A rule broken, without its place. */
export interface WatchReason {
  code: WatchReasonCode;
  values: MessageValues;
}

export const watchReason = (code: WatchReasonCode, values: MessageValues = {}): WatchReason => ({
  code,
  values,
});

export const watchReasonText = (r: WatchReason): string => TEMPLATES[r.code](r.values);
