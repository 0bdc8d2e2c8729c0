// The watch list's refusals and alert in the reader's language, from the domain's codes and values
// (src/domain/watchlist/issues.ts, notice.ts). Column names, catalog numbers, values and the
// browser's own detail stay as written; numbers read as the English writes them.
import {
  ISSUES_SHOWN,
  type WatchIssue,
  type WatchNotice,
  type WatchReason,
} from '../domain/watchlist';
import { i18n } from './i18n';
import { textValues } from './issues';

export function watchReasonMessage(r: WatchReason): string {
  return i18n.t(`watchReason.${r.code}`, textValues(r.values));
}

/** "label: a label is one line": a field of a row being edited, named as the CSV names it. */
export const watchFieldMessage = (field: string, r: WatchReason) =>
  i18n.t('watchNotice.at', { place: field, reason: watchReasonMessage(r) });

/** "row 3 (line 4), hbrM: …", as the command line's describeIssue places it. */
export function watchIssueMessage(issue: WatchIssue): string {
  const where =
    issue.row > 0
      ? i18n.t('watchNotice.row', { row: String(issue.row), line: String(issue.line) })
      : issue.line > 0
        ? i18n.t('watchNotice.line', { line: String(issue.line) })
        : '';
  const place =
    where && issue.column
      ? i18n.t('watchNotice.placeColumn', { where, column: issue.column })
      : where || issue.column;
  const reason = watchReasonMessage(issue.issue);
  return place ? i18n.t('watchNotice.at', { place, reason }) : reason;
}

const more = (n: number) => (n > 0 ? i18n.t('watchNotice.more', { n: String(n) }) : '');

export function watchNoticeMessage(n: WatchNotice): string {
  switch (n.kind) {
    case 'notImported':
      return i18n.t('watchNotice.notImported', {
        file: n.file,
        listed: n.issues.slice(0, ISSUES_SHOWN).map(watchIssueMessage).join(' · '),
        more: more(n.issues.length - ISSUES_SHOWN),
      });
    case 'setAside':
      return i18n.t('watchNotice.setAside', {
        count: n.records.length,
        n: String(n.records.length),
        listed: n.records
          .slice(0, ISSUES_SHOWN)
          .map((r) =>
            i18n.t('watchNotice.at', { place: r.record, reason: watchReasonMessage(r.reason) }),
          )
          .join(' · '),
      });
    default: {
      const { kind, ...values } = n;
      return i18n.t(`watchNotice.${kind}`, textValues(values));
    }
  }
}
