import { describe, expect, it } from 'vitest';
import { catalogIssueText, type CatalogIssue } from '../domain/catalog/errors';
import { inputRecordsIssue, inputTextIssue, limitUrlSearch } from '../domain/limits';
import { useLanguageStore } from '../state/languageStore';
import { i18n } from './i18n';
import { issueMessage } from './issues';

const issues: CatalogIssue[] = [
  { code: 'empty', values: {}, file: 'a.tle' },
  { code: 'binary', values: {} },
  { code: 'html', values: {} },
  { code: 'notCatalog', values: { start: 'hello' } },
  { code: 'noTleLines', values: {} },
  { code: 'malformedJson', values: { detail: 'Unexpected token' } },
  { code: 'notOmmJson', values: {} },
  { code: 'malformedXml', values: { detail: 'x' } },
  { code: 'malformedXmlAt', values: { line: 3, detail: 'x' } },
  { code: 'notOmmXml', values: {} },
  { code: 'csvNoHeader', values: {} },
  { code: 'csvMissingColumns', values: { line: 1, columns: 'EPOCH, MEAN_MOTION' } },
  { code: 'noUsableRecords', values: { rejected: 3, first: 'record 1, line 1: bad' }, file: 'f' },
  { code: 'noRecords', values: {}, file: 'f' },
  { code: 'noneInitialised', values: {}, file: 'f' },
  { code: 'fetchFailed', values: { url: 'https://x/y', reason: 'HTTP 404' } },
  {
    code: 'fetchTooLarge',
    values: { url: 'https://x/y', size: '151.0 MB', limit: '150 MB', kind: 'catalog' },
  },
  { ...inputRecordsIssue('catalog', 600_000, 'records')!, file: 'big.tle' },
  inputRecordsIssue('cdm', 20_000, 'messages')!,
  inputTextIssue('catalog', `1 ${'x'.repeat(5000)}`)!,
  inputTextIssue('catalog', '[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]')!,
  inputTextIssue('cdm', '<!DOCTYPE x><a/>')!,
  inputTextIssue('cdm', '<a><!ENTITY e "x"></a>')!,
  inputTextIssue('catalog', `${'<a>'.repeat(20)}`)!,
  { code: 'invalidSize', values: { bytes: -1 } },
  { code: 'tooLarge', values: { kind: 'catalog', size: '151.0 MB', limit: '150 MB' } },
  { code: 'tooManyLines', values: { kind: 'catalog', limit: 2_000_000 } },
  ...limitUrlSearch(`?a=${'x'.repeat(3000)}`).issues,
  ...limitUrlSearch(`?${'x=1&'.repeat(70)}`).issues,
  ...limitUrlSearch(`?a=${'x'.repeat(9000)}`).issues,
];

describe('refused inputs in the reader’s language', () => {
  it('reads in English exactly as the command line prints them', () => {
    useLanguageStore.getState().setLang('en');
    for (const issue of issues) expect(issueMessage(issue)).toBe(catalogIssueText(issue));
  });

  it('reads in Chinese with no English template left', () => {
    useLanguageStore.getState().setLang('zh');
    expect(i18n.language).toBe('zh');
    for (const issue of issues) {
      const text = issueMessage(issue);
      expect(text, issue.code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, issue.code).not.toBe(catalogIssueText(issue));
    }
    expect(issueMessage(inputRecordsIssue('catalog', 600_000, 'records')!)).toBe(
      '600,000 条记录；编目的上限为 500,000',
    );
    useLanguageStore.getState().setLang('en');
  });
});
