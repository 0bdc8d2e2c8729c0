import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath, skipWithoutSharedData } from '../testing/sharedData';
import { parseCatalog } from './catalog/parse';
import { parseCdm } from './cdm/parse';
import { parseCdmKvn } from './cdm/kvn';
import { parseSocratesCsv, parseSocratesKeeptrackJson, SocratesFormatError } from './cdm/socrates';
import {
  checkInputBytes,
  checkInputRecords,
  checkInputText,
  INPUT_LIMITS,
  inputRecordsIssue,
  inputTextIssue,
  jsonDepthProblem,
  limitIssueText,
  limitUrlSearch,
  utf8Length,
  xmlProblem,
} from './limits';
import { parseNotificationText } from './notifications/parse';
import { NotificationFormatError } from './notifications/types';

const MB = 1024 * 1024;

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('input limits', () => {
  it('admit real use: 340,000 objects, a 58 MB TLE file, the full catalog', () => {
    expect(INPUT_LIMITS.catalog.maxRecords).toBeGreaterThanOrEqual(340_000);
    expect(checkInputBytes('catalog', 58 * MB)).toBeNull();
    expect(INPUT_LIMITS.catalog.maxLines).toBeGreaterThanOrEqual(3 * 340_000);
  });

  it('name the size and the limit', () => {
    expect(checkInputBytes('catalog', 200 * MB)).toBe(
      'file is 200.0 MB; the limit for catalogs is 150 MB',
    );
    expect(checkInputBytes('notifications', 50 * MB)).toBe(
      'file is 50.0 MB; the limit for notification files is 5 MB',
    );
    expect(checkInputBytes('cdm', NaN)).toMatch(/invalid/);
    expect(checkInputRecords('cdm', 10_001, 'messages')).toBe(
      '10,001 messages; the limit for CDM files is 10,000',
    );
    expect(checkInputRecords('cdm', 10_000, 'messages')).toBeNull();
  });

  it('count UTF-8 bytes, not UTF-16 units', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('refuse long lines and too many lines in line-based text only', () => {
    const long = `${'x'.repeat(5000)}\n`;
    expect(checkInputText('cdm', long, 'lines')).toBe(
      'line 1 is 5,000 characters long; the limit for CDM files is 4,096',
    );
    // JSON and XML may be one long line (CelesTrak's JSON is).
    expect(checkInputText('cdm', long, 'json')).toBeNull();
    // Lines that end in a bare CR count as lines.
    expect(checkInputText('cdm', 'x\r'.repeat(5000), 'lines')).toBeNull();
    expect(checkInputText('cdm', `${'x'.repeat(4096)}\r\n`, 'lines')).toBeNull();
    expect(checkInputText('cdm', `${'x'.repeat(4097)}\r\n`, 'lines')).toMatch(/4,097 characters/);
    // JSON and XML are bounded by bytes and nesting, not lines.
    expect(checkInputText('notifications', '\n'.repeat(300_000), 'json')).toBeNull();
    const many = '\n'.repeat(INPUT_LIMITS.notifications.maxLines + 1);
    expect(checkInputText('notifications', many, 'lines')).toMatch(
      /more than 200,000 lines, the limit for notification files/,
    );
  });

  it('measure JSON nesting outside strings, without recursion', () => {
    expect(jsonDepthProblem('[[1]]', 2)).toBeNull();
    expect(jsonDepthProblem('[[[1]]]', 2)).toBe(2);
    expect(jsonDepthProblem('["[[[[", "\\"[[[["]', 2)).toBeNull();
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(checkInputText('socrates', deep)).toMatch(/JSON is nested more than 8 deep/);
  });

  it('refuse DOCTYPE, entities and deep XML nesting', () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>';
    expect(xmlProblem(xxe, 16, 'CDM files')).toMatch(/DOCTYPE/);
    expect(xmlProblem('<x><!ENTITY a "b"></x>', 16, 'CDM files')).toMatch(/entity/);
    const deep = `<a>${'<b>'.repeat(17)}${'</b>'.repeat(17)}</a>`;
    expect(xmlProblem(deep, 16, 'CDM files')).toBe(
      'XML elements are nested more than 16 deep, the limit for CDM files',
    );
    // Self-closing tags, comments, CDATA and declarations do not nest.
    const flat = `<?xml version="1.0"?><a>${'<b/>'.repeat(100)}<!-- <c><c><c> --><![CDATA[<d><d>]]></a>`;
    expect(xmlProblem(flat, 1, 'CDM files')).toBeNull();
  });

  it('keep the page address within bounds, never echoing an oversized value', () => {
    const huge = limitUrlSearch(`?t=${'1'.repeat(9000)}`);
    expect(huge.params).toBeNull();
    expect(huge.problems[0]).toMatch(/9,00\d characters; the limit for page addresses is 8,192/);
    const long = limitUrlSearch(`?sel=25544&event=${'a-'.repeat(1500)}`);
    expect(long.params?.get('sel')).toBe('25544');
    expect(long.params?.has('event')).toBe(false);
    expect(long.problems).toEqual([
      'Ignored event=…: 3,000 characters; the limit for one parameter is 2,048',
    ]);
    const many = limitUrlSearch(`?${Array.from({ length: 70 }, (_, i) => `p${i}=1`).join('&')}`);
    expect(many.params).toBeNull();
    expect(many.problems[0]).toMatch(/70 of them; the limit for page addresses is 64/);
  });
});

describe('limits are applied by the parsers, before parsing', () => {
  it('catalog: lines too long, XML entities, nesting', () => {
    expect(thrown(() => parseCatalog(`${'1 '.repeat(3000)}\n`)).message).toMatch(
      /^line 1 is 6,000 characters long; the limit for catalogs is 4,096$/,
    );
    const xxe = '<!DOCTYPE ndm [<!ENTITY x SYSTEM "file:///etc/passwd">]><ndm><omm>&x;</omm></ndm>';
    expect(thrown(() => parseCatalog(xxe)).name).toBe('CatalogFormatError');
    expect(thrown(() => parseCatalog(`${'['.repeat(100)}${']'.repeat(100)}`)).message).toMatch(
      /JSON is nested more than 16 deep/,
    );
  });

  it('CDM: one file error, no exception', () => {
    const r = parseCdm(`<cdm>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</cdm>`);
    expect(r.messages).toEqual([]);
    expect(r.errors).toEqual([
      {
        message: 0,
        line: 1,
        reason: 'XML elements are nested more than 16 deep, the limit for CDM files',
        // The same for the interface to word: the limit broken, as a LimitIssue.
        issue: {
          code: 'overLimit',
          values: { reason: 'XML elements are nested more than 16 deep, the limit for CDM files' },
          limit: { code: 'xmlTooDeep', values: { kind: 'cdm', limit: 16 } },
        },
      },
    ]);
  });

  it('SOCRATES: SocratesFormatError for limits and malformed JSON', () => {
    expect(thrown(() => parseSocratesKeeptrackJson('[1,'))).toBeInstanceOf(SocratesFormatError);
    expect(thrown(() => parseSocratesKeeptrackJson('{}')).message).toMatch(/must be an array/);
    expect(thrown(() => parseSocratesCsv(`${'x'.repeat(5000)}\n`))).toBeInstanceOf(
      SocratesFormatError,
    );
  });

  it('notifications: a 50 MB JSON is refused with the limit, unparsed', () => {
    const big = `[${'{"id":"x"},'.repeat((50 * MB) / 11)}{}]`;
    const e = thrown(() => parseNotificationText(big));
    expect(e).toBeInstanceOf(NotificationFormatError);
    expect(e.message).toBe('file is 50.0 MB; the limit for notification files is 5 MB');
    const tooMany = `[${Array.from({ length: 10_001 }, () => '{}').join(',')}]`;
    expect(thrown(() => parseNotificationText(tooMany)).message).toBe(
      '10,001 notifications; the limit for notification files is 10,000',
    );
  });
});

describe('regressions', () => {
  it('a KVN CDM with 300,000 COMMENT lines in its header parses (was: call stack overflow)', () => {
    const kvn = [
      'CCSDS_CDM_VERS = 1.0',
      ...Array.from({ length: 300_000 }, (_, i) => `COMMENT note ${i}`),
      'CREATION_DATE = 2024-01-01T00:00:00',
    ].join('\n');
    const r = parseCdmKvn(kvn);
    // The message is incomplete (no TCA…), so it is an error, but a named one, not a RangeError.
    expect(r.messages).toHaveLength(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toBe(1);
  });
});

describe('found by fuzzing', () => {
  it('SOCRATES CSV naming a column twice is refused by name (was: silently renamed, console noise)', () => {
    const csv =
      'NORAD_CAT_ID_1,OBJECT_NAME_1,DSE_1,NORAD_CAT_ID_2,OBJECT_NAME_2,DSE_2,TCA,TCA_RANGE,TCA_RELATIVE_SPEED,TCA\n' +
      '25544,ISS,0.1,43100,SV,0.2,2024-10-31 10:59:32.427,13.884,6.758,garbage\n';
    const e = thrown(() => parseSocratesCsv(csv));
    expect(e).toBeInstanceOf(SocratesFormatError);
    expect(e.message).toBe('repeated CSV column TCA');
  });
});

describe.skipIf(skipWithoutSharedData)('found by fuzzing (shared CDMs)', () => {
  const cdm = () =>
    readFileSync(
      sharedDataPath(
        'cara-pc-test-data',
        'raw',
        'PcTestCaseCDMs',
        '000020580_conj_000002017_20230613_001923_20230608_063715.cdm',
      ),
      'utf8',
    );

  it('a CDM value that overflows a double is an error naming it (was: accepted as Infinity)', () => {
    const r = parseCdm(cdm().replace(/^X_DOT(\s*)= \S+/m, 'X_DOT$1= 1e309'));
    expect(r.messages).toEqual([]);
    expect(r.errors[0]).toMatchObject({
      keyword: 'X_DOT',
      reason: 'value "1e309" for X_DOT is out of range',
    });
    // 1e306 km is finite, but not in metres.
    const km = parseCdm(
      cdm().replace(/^MISS_DISTANCE(\s*)= \S+ \[m\]/m, 'MISS_DISTANCE$1= 1e306 [km]'),
    );
    expect(km.errors[0]).toMatchObject({ keyword: 'MISS_DISTANCE' });
  });
});

describe('limit issues: a code and its values, worded in English for the command line', () => {
  it('keeps counts as numbers and names the input kind, for any language to word', () => {
    const issue = inputRecordsIssue('catalog', 600_000, 'records');
    expect(issue).toEqual({
      code: 'tooManyRecords',
      values: { kind: 'catalog', count: 600_000, noun: 'records', limit: 500_000 },
    });
    expect(limitIssueText(issue!)).toBe('600,000 records; the limit for catalogs is 500,000');
    expect(inputTextIssue('cdm', '<a><b/></a>'.replace('<b/>', '<!DOCTYPE x>'))).toEqual({
      code: 'xmlDoctype',
      values: {},
    });
    expect(inputTextIssue('catalog', `1 ${'x'.repeat(5000)}`)).toMatchObject({
      code: 'lineTooLong',
      values: { kind: 'catalog', line: 1, chars: 5002, limit: 4096 },
    });
  });

  it('gives the address limits as issues beside the English problems', () => {
    const { issues, problems } = limitUrlSearch(`?a=${'x'.repeat(3000)}`);
    expect(issues).toEqual([
      { code: 'parameterTooLong', values: { key: 'a', chars: 3000, limit: 2048 } },
    ]);
    expect(problems).toEqual(issues.map(limitIssueText));
  });
});
