/** One of the operator's own objects. */
export interface WatchEntry {
  /** Catalog (NORAD) number. */
  noradId: number;
  /** The operator's name for it; empty when none. */
  label: string;
  /** Hard-body radius for its events when the source gives none, m; null: the list default. */
  hbrM: number | null;
  note: string;
}

import type { WatchReason } from './issues';

/** What is wrong with a watch-list row, and where. */
export interface WatchIssue {
  /** 1-based data row (the header is not counted); 0 for the file as a whole. */
  row: number;
  /** 1-based line of the file where the row starts; 0 for the file as a whole. */
  line: number;
  /** The column the problem is in ('' for the row or the file). */
  column: string;
  /** The English (the command line's); `issue` is the same as a code and values. */
  reason: string;
  issue: WatchReason;
}

export const WATCH_COLUMNS = ['noradId', 'label', 'hbrM', 'note'] as const;
export type WatchColumn = (typeof WATCH_COLUMNS)[number];

/** Limits: a watch list is the operator's own objects, not a catalog. */
export const MAX_WATCH_ENTRIES = 5000;
export const MAX_WATCH_FILE_BYTES = 1_048_576;
export const MAX_LABEL_CHARS = 80;
export const MAX_NOTE_CHARS = 1000;
/** Hard-body radii above this are surely a unit mistake (the app's HBR setting stops there too). */
export const MAX_HBR_M = 1000;
export const MAX_NORAD_ID = 999_999_999;
