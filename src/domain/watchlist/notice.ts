// What the watch list's alert says, as data (besides the stored settings' notices): the interface
// words it in the reader's language (src/ui/watchListMessages.ts); the English is the tests'.
import { watchReasonText, type WatchReason } from './issues';
import type { WatchIssue } from './types';
import { describeIssue } from './validate';

/** Problems an alert names before it counts the rest. */
export const ISSUES_SHOWN = 4;

export type WatchNotice =
  /** A CSV refused: every problem (row, line, column, reason); the first few are named. */
  | { kind: 'notImported'; file: string; issues: WatchIssue[] }
  | { kind: 'wouldExceed'; file: string; max: number }
  | { kind: 'fileTooLarge'; file: string; size: string }
  | { kind: 'listFull'; max: number }
  /** The browser's store; `detail` is the browser's own words. */
  | { kind: 'notSaved'; detail: string }
  | { kind: 'notRead'; detail: string }
  /** Stored records that no longer pass the checks: each as JSON (cut at 60) and why. */
  | { kind: 'setAside'; records: { record: string; reason: WatchReason }[] };

const more = (n: number) => (n > 0 ? ` · and ${n} more` : '');

export function watchNoticeText(n: WatchNotice): string {
  switch (n.kind) {
    case 'notImported': {
      const listed = n.issues.slice(0, ISSUES_SHOWN).map(describeIssue).join(' · ');
      return `${n.file}: not imported — ${listed}${more(n.issues.length - ISSUES_SHOWN)}; the watch list is unchanged`;
    }
    case 'wouldExceed':
      return `${n.file}: not imported — the list would exceed ${n.max} objects; the watch list is unchanged`;
    case 'fileTooLarge':
      return `${n.file}: ${n.size} MB is too large for a watch list; the watch list is unchanged`;
    case 'listFull':
      return `A watch list holds at most ${n.max} objects; nothing added`;
    case 'notSaved':
      return `The watch list could not be saved in the browser (${n.detail})`;
    case 'notRead':
      return `The stored watch list could not be read (${n.detail})`;
    case 'setAside': {
      const count = n.records.length;
      const listed = n.records
        .slice(0, ISSUES_SHOWN)
        .map((r) => `${r.record}: ${watchReasonText(r.reason)}`)
        .join(' · ');
      return `${count} stored watch-list record${count > 1 ? 's' : ''} set aside: ${listed}`;
    }
  }
}
