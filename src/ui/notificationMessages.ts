// Launch-notification refusals and the notification alert in the reader's language, from the
// domain's codes and values (src/domain/notifications/issues.ts, notice.ts). Field paths, ids,
// values and a browser's or server's own detail stay as written; counts read as the English.
import type { MessageValues } from '../domain/messages';
import type { NotificationFileIssue, NotificationIssue } from '../domain/notifications/issues';
import {
  REJECTIONS_SHOWN,
  type NotificationNotice,
  type StoredProblem,
} from '../domain/notifications/notice';
import type { RejectedNotification } from '../domain/notifications/types';
import { i18n } from './i18n';
import { issueMessage, textValues } from './issues';

/** Values as text (as the English writes them), a value's kind worded. */
function notificationValues(values: MessageValues): Record<string, string> {
  const out = textValues(values);
  if (values.gotKind !== undefined) out.got = i18n.t(`notificationIssue.gotKind.${values.gotKind}`);
  return out;
}

/** Why a field of a notification was refused (without the field). */
export function notificationReasonMessage(issue: NotificationIssue): string {
  return i18n.t(`notificationIssue.${issue.code}`, notificationValues(issue.values));
}

/** "window: inverted: …", the field as the file names it. */
export function notificationIssueMessage(issue: NotificationIssue): string {
  return i18n.t('notificationNotice.issue', {
    field: issue.field,
    reason: notificationReasonMessage(issue),
  });
}

/** Why a whole notification file was refused. */
export function notificationFileIssueMessage(issue: NotificationFileIssue): string {
  if (issue.code === 'overLimit' && issue.limit) return issueMessage(issue.limit);
  return i18n.t(`notificationFileIssue.${issue.code}`, notificationValues(issue.values));
}

const issuesMessage = (issues: readonly NotificationIssue[]) =>
  issues.map(notificationIssueMessage).join(i18n.t('notificationNotice.issueSeparator'));

/** "notification 2 (id X), line 3: window: …" */
export function rejectionMessage(r: RejectedNotification): string {
  return i18n.t('notificationNotice.rejection', {
    index: String(r.index),
    id: r.id ? i18n.t('notificationNotice.id', { id: r.id }) : '',
    line: r.line ? i18n.t('notificationNotice.line', { line: String(r.line) }) : '',
    issues: issuesMessage(r.issues),
  });
}

const moreMessage = (n: number) =>
  n > 0 ? i18n.t('notificationNotice.more', { n: String(n) }) : '';

function storedProblemMessage(p: StoredProblem): string {
  if (p.kind === 'issues') return issuesMessage(p.issues);
  if (p.kind === 'limit') return issueMessage(p.limit);
  return i18n.t('notificationNotice.unreadable', { detail: p.detail });
}

function loadedMessage(n: Extract<NotificationNotice, { kind: 'loaded' }>): string | null {
  const parts: string[] = [];
  if (n.rejected.length) {
    parts.push(
      i18n.t('notificationNotice.rejected', {
        loaded: String(n.loaded),
        rejected: String(n.rejected.length),
        listed: n.rejected.slice(0, REJECTIONS_SHOWN).map(rejectionMessage).join(' · '),
        more: moreMessage(n.rejected.length - REJECTIONS_SHOWN),
      }),
    );
  } else if (!n.loaded) parts.push(i18n.t('notificationNotice.none'));
  if (n.notSaved !== undefined) {
    parts.push(i18n.t('notificationNotice.notSavedPart', { detail: n.notSaved }));
  }
  if (!parts.length) return null;
  const separator = i18n.t('notificationNotice.separator');
  return i18n.t('notificationNotice.parts', { file: n.file, parts: parts.join(separator) });
}

/** The notification alert in the reader's language; null when there is nothing to say. */
export function notificationNoticeMessage(n: NotificationNotice): string | null {
  switch (n.kind) {
    case 'file':
      return i18n.t('notificationNotice.file', {
        file: n.file,
        reason: notificationFileIssueMessage(n.issue),
      });
    case 'tooLarge':
      return i18n.t('notificationNotice.tooLarge', { file: n.file, reason: issueMessage(n.limit) });
    case 'loaded':
      return loadedMessage(n);
    case 'notUrl':
    case 'foreignOrigin':
    case 'fetchFailed':
    case 'storedUnreadable':
    case 'notSaved':
    case 'notRemoved': {
      const { kind, ...values } = n;
      return i18n.t(`notificationNotice.${kind}`, values);
    }
    case 'fetchTooLarge':
      return i18n.t('notificationNotice.fetchFailed', {
        ref: n.ref,
        detail: issueMessage(n.limit),
      });
    case 'storedTooMany':
      return i18n.t('notificationNotice.storedTooMany', { reason: issueMessage(n.limit) });
    case 'storedSetAside':
      return i18n.t('notificationNotice.storedSetAside', {
        count: n.records.length,
        n: String(n.records.length),
        where:
          n.notSetAside === undefined
            ? i18n.t('notificationNotice.keptAside')
            : i18n.t('notificationNotice.leftInStore', { detail: n.notSetAside }),
        listed: n.records
          .slice(0, REJECTIONS_SHOWN)
          .map((r) =>
            i18n.t('notificationNotice.stored', {
              name: r.name,
              reason: storedProblemMessage(r.problem),
            }),
          )
          .join(' · '),
        more: moreMessage(n.records.length - REJECTIONS_SHOWN),
      });
  }
}
