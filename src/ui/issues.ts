import type { AddressIssue } from '../domain/addressIssues';
import type { CatalogIssue } from '../domain/catalog/errors';
import type { RecordIssue } from '../domain/catalog/recordIssues';
import type { RejectedRecord } from '../domain/catalog/types';
import { isLimitCode, type LimitIssue } from '../domain/limits';
import type { NoticePart } from '../state/catalogStore';
import { formatNumber } from './format';
import { i18n } from './i18n';

type Values = Record<string, string | number>;

/** Counts get the locale's grouping; text values pass as they are. */
function localValues(values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === 'number' ? formatNumber(value) : value;
  }
  return out;
}

/**
 * A refused input in the reader's language, from its code and values (the domain's own English
 * wording is the command line's). Counts get the locale's grouping; the limit's kind and the
 * records' noun are worded too, and so is the first refused record of a file with none usable.
 */
export function issueMessage(issue: CatalogIssue): string {
  const values = localValues(issue.values);
  if (issue.record) values.first = rejectedRecordMessage(issue.record, 'recordIssue.where');
  const { kind, noun, label } = issue.values;
  const what = kind !== undefined ? i18n.t(`limitKind.${kind}`) : String(label ?? '');
  const nounText = noun !== undefined ? i18n.t(`limitNoun.${noun}`, { defaultValue: noun }) : '';
  const group = isLimitCode(issue.code) ? 'limits' : 'catalogIssue';
  const reason = i18n.t(`${group}.${issue.code}`, { ...values, what, noun: nounText });
  return issue.file ? i18n.t('catalogIssue.inFile', { file: issue.file, reason }) : reason;
}

/** Why one record was refused, in the reader's language. Values stay as the file wrote them. */
export function recordIssueMessage(issue: RecordIssue): string {
  const values = Object.fromEntries(Object.entries(issue.values).map(([k, v]) => [k, String(v)]));
  const at = values.columns !== undefined ? i18n.t('recordIssue.at', values) : '';
  return i18n.t(`recordIssue.${issue.code}`, { ...values, at });
}

/**
 * "Record 3, line 9 — checksum: is 3, …" (the status line's list, `status.rejectedRecord`) or
 * "record 3, line 9, checksum: …" (inside a refusal, `recordIssue.where`). TLE fields are
 * worded; OMM keywords are shown as the format names them.
 */
export function rejectedRecordMessage(
  r: RejectedRecord,
  key: 'status.rejectedRecord' | 'recordIssue.where' = 'status.rejectedRecord',
): string {
  return i18n.t(key, {
    record: r.record,
    line: r.line ? i18n.t('status.rejectedLine', { line: r.line }) : '',
    field: i18n.t(`recordField.${r.field}`, { defaultValue: r.field }),
    reason: recordIssueMessage(r.issue),
  });
}

/** An ignored address parameter in the reader's language; the parameter's value as written. */
export function addressIssueMessage(issue: AddressIssue): string {
  if (isLimitCode(issue.code)) return issueMessage(issue as LimitIssue);
  return i18n.t(`addressIssue.${issue.code}`, localValues(issue.values));
}

/** One part of a failure notice in the reader's language (a `text` part is still English). */
export function noticePartMessage(part: NoticePart): string {
  if (part.kind === 'catalog') return issueMessage(part.issue);
  if (part.kind === 'address') return addressIssueMessage(part.issue);
  return part.text;
}

