// What the notification alert says after a load, as data: the interface words it in the reader's
// language (src/ui/notificationMessages.ts), the English here is the tests' and the logs'. A
// browser's or a server's own detail (an IndexedDB error, an HTTP status) stays as written.
import { limitIssueText, type LimitIssue } from '../limits';
import { notificationFileIssueText, type NotificationFileIssue } from './issues';
import type { NotificationIssue, RejectedNotification } from './types';
import { describeRejection } from './validate';

/** Rejections an alert names before it counts the rest. */
export const REJECTIONS_SHOWN = 4;

/** Why a record kept in the browser no longer loads. */
export type StoredProblem =
  | { kind: 'issues'; issues: NotificationIssue[] }
  | { kind: 'limit'; limit: LimitIssue }
  | { kind: 'unreadable'; detail: string };

export interface SetAsideRecord {
  /** Its id (or store key) as JSON, cut at 70 characters. */
  name: string;
  problem: StoredProblem;
}

export type NotificationNotice =
  /** A file refused whole. */
  | { kind: 'file'; file: string; issue: NotificationFileIssue }
  /** A file over the size limit, not read. */
  | { kind: 'tooLarge'; file: string; limit: LimitIssue }
  /** A file read: how many loaded, those rejected, and a failed save (`notSaved`, the detail). */
  | {
      kind: 'loaded';
      file: string;
      loaded: number;
      rejected: RejectedNotification[];
      notSaved?: string;
    }
  /** `?notifications=` refused before fetching. */
  | { kind: 'notUrl'; ref: string }
  | { kind: 'foreignOrigin'; ref: string; origin: string; own: string }
  /** A fetch that failed (HTTP status, network) or announced too large a file. */
  | { kind: 'fetchFailed'; ref: string; detail: string }
  | { kind: 'fetchTooLarge'; ref: string; limit: LimitIssue }
  /** The browser's store: too many, unreadable, or records set aside (`notSetAside`: why not). */
  | { kind: 'storedTooMany'; limit: LimitIssue }
  | { kind: 'storedUnreadable'; detail: string }
  | { kind: 'storedSetAside'; records: SetAsideRecord[]; notSetAside?: string }
  /** One notification that could not be saved, or removed from the store. */
  | { kind: 'notSaved'; id: string; detail: string }
  | { kind: 'notRemoved'; id: string; detail: string };

const more = (n: number) => (n > 0 ? ` · and ${n} more` : '');

export function storedProblemText(p: StoredProblem): string {
  if (p.kind === 'issues') return p.issues.map((i) => `${i.field}: ${i.reason}`).join('; ');
  if (p.kind === 'limit') return limitIssueText(p.limit);
  return `cannot be read (${p.detail})`;
}

function loadedText(n: Extract<NotificationNotice, { kind: 'loaded' }>): string | null {
  const parts: string[] = [];
  if (n.rejected.length) {
    const listed = n.rejected.slice(0, REJECTIONS_SHOWN).map(describeRejection).join(' · ');
    parts.push(
      `${n.loaded} loaded, ${n.rejected.length} rejected: ${listed}${more(n.rejected.length - REJECTIONS_SHOWN)}`,
    );
  } else if (!n.loaded) parts.push('no notifications in the file');
  if (n.notSaved !== undefined) parts.push(`not saved in the browser (${n.notSaved})`);
  return parts.length ? `${n.file}: ${parts.join('; ')}` : null;
}

/** The alert in English; null when a load went without a problem. */
export function notificationNoticeText(n: NotificationNotice): string | null {
  switch (n.kind) {
    case 'file':
      return `${n.file}: ${notificationFileIssueText(n.issue)}; the notifications already loaded are unchanged`;
    case 'tooLarge':
      return `${n.file}: ${limitIssueText(n.limit)}`;
    case 'loaded':
      return loadedText(n);
    case 'notUrl':
      return `Ignored notifications=${n.ref}: "${n.ref}" is not a URL`;
    case 'foreignOrigin':
      return `Ignored notifications=${n.ref}: ${n.origin} is not this site's origin (${n.own}); notifications load only from ${n.own}`;
    case 'fetchFailed':
      return `Could not fetch ${n.ref}: ${n.detail}`;
    case 'fetchTooLarge':
      return `Could not fetch ${n.ref}: ${limitIssueText(n.limit)}`;
    case 'storedTooMany':
      return `Stored notifications not loaded: ${limitIssueText(n.limit)}; remove them with ?safe=1`;
    case 'storedUnreadable':
      return `Stored notifications could not be read: ${n.detail}`;
    case 'storedSetAside': {
      const count = n.records.length;
      const where =
        n.notSetAside === undefined
          ? 'kept aside in the browser'
          : `left in the store (could not be set aside: ${n.notSetAside})`;
      const listed = n.records
        .slice(0, REJECTIONS_SHOWN)
        .map((r) => `stored notification ${r.name}: ${storedProblemText(r.problem)}`)
        .join(' · ');
      return `${count} stored notification${count > 1 ? 's' : ''} not loaded, ${where}: ${listed}${more(count - REJECTIONS_SHOWN)}`;
    }
    case 'notSaved':
      return `${n.id}: not saved in the browser (${n.detail})`;
    case 'notRemoved':
      return `${n.id}: removed, but not from the browser's store (${n.detail})`;
  }
}
