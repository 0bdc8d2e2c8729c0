// What an import of conjunction files says afterwards: how many events loaded and each problem,
// as data where the parser gives it (the interface words it in the reader's language) and in
// English (the tests', and the alert's fallback).
import { limitIssueText, type LimitIssue } from '../limits';
import { socratesIssueText, type SocratesIssue } from '../cdm/issues';
import type { SocratesRejected } from '../cdm/socrates';
import type { CdmError } from '../cdm/types';
import { historyIssueText, type HistoryIssue } from '../history/issues';
import { pcIssueText, type PcIssue } from '../probability/issues';

export type ImportNote =
  /** A CDM message, or the file, refused by the parser. */
  | { kind: 'cdm'; file: string; error: CdmError }
  /** A SOCRATES record refused, or the whole list. */
  | { kind: 'socratesRecord'; file: string; rejected: SocratesRejected }
  | { kind: 'socratesFile'; file: string; issue: SocratesIssue }
  /** Neither a CDM nor a SOCRATES list. */
  | { kind: 'unknownFormat'; file: string }
  /** Over the input limits, not read. */
  | { kind: 'limit'; file: string; issue: LimitIssue }
  /** A CDM message read, its Pc not computed (the message's first line). */
  | { kind: 'pc'; file: string; line: number; issue: PcIssue }
  /** A record listed but not kept in the event history. */
  | { kind: 'history'; issue: HistoryIssue }
  /** An error of no kind above (a parser's own message): English. */
  | { kind: 'text'; text: string };

export interface ImportNotice {
  loaded: number;
  notes: ImportNote[];
}

/** Problems named in the alert; the rest are counted. */
export const NOTES_SHOWN = 5;

export function importNoteText(note: ImportNote): string {
  switch (note.kind) {
    case 'cdm': {
      const e = note.error;
      return `${note.file}: message ${e.message}, line ${e.line}${e.keyword ? `, ${e.keyword}` : ''}: ${e.reason}`;
    }
    case 'socratesRecord': {
      const r = note.rejected;
      return `${note.file}: record ${r.record}, ${r.field}: ${r.reason}`;
    }
    case 'socratesFile':
      return `${note.file}: ${socratesIssueText(note.issue)}`;
    case 'unknownFormat':
      return `${note.file}: not a CCSDS CDM (KVN or XML) or a SOCRATES list (CSV or JSON)`;
    case 'limit':
      return `${note.file}: ${limitIssueText(note.issue)}`;
    case 'pc':
      return `${note.file}: line ${note.line}: ${pcIssueText(note.issue)}`;
    case 'history':
      return `${historyIssueText(note.issue)} (listed, not kept in the history)`;
    case 'text':
      return note.text;
  }
}

/** "Loaded 3 events; 2 problems: a.cdm: … · b.csv: …" (null when nothing went wrong). */
export function importNoticeText({ loaded, notes }: ImportNotice): string | null {
  if (!notes.length) return null;
  const shown = notes.slice(0, NOTES_SHOWN).map(importNoteText).join(' · ');
  const s = (n: number) => (n === 1 ? '' : 's');
  return `Loaded ${loaded} event${s(loaded)}; ${notes.length} problem${s(notes.length)}: ${shown}${notes.length > NOTES_SHOWN ? ' …' : ''}`;
}
