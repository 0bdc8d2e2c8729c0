import type { CatalogIssue } from '../domain/catalog/errors';
import { isLimitCode } from '../domain/limits';
import { formatNumber } from './format';
import { i18n } from './i18n';

/**
 * A refused input in the reader's language, from its code and values (the domain's own English
 * wording is the command line's). Counts get the locale's grouping; the limit's kind and the
 * records' noun are worded too.
 */
export function issueMessage(issue: CatalogIssue): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(issue.values)) {
    values[key] = typeof value === 'number' ? formatNumber(value) : value;
  }
  const { kind, noun, label } = issue.values;
  const what = kind !== undefined ? i18n.t(`limitKind.${kind}`) : String(label ?? '');
  const nounText = noun !== undefined ? i18n.t(`limitNoun.${noun}`, { defaultValue: noun }) : '';
  const group = isLimitCode(issue.code) ? 'limits' : 'catalogIssue';
  const reason = i18n.t(`${group}.${issue.code}`, { ...values, what, noun: nounText });
  return issue.file ? i18n.t('catalogIssue.inFile', { file: issue.file, reason }) : reason;
}
