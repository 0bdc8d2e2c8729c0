// The command line under the input limits: every malformed or oversized input exits 2 with a
// one-line reason (the reproductions of issue 11, at small scale).
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataPath, skipWithoutSharedData } from '../testing/sharedData';
import { planThreads, SCREEN_MEMORY_MB } from './screeningPool';
import { cli } from './testSupport';

const dir = mkdtempSync(join(tmpdir(), 'cli-limits-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** A sparse file of `mb` MB: its size is what the limit checks, nothing is written. */
const sparse = (name: string, mb: number) => {
  const path = file(name, '');
  truncateSync(path, mb * 1024 * 1024);
  return path;
};

function expectOneLineRefusal(r: ReturnType<typeof cli>, reason: RegExp) {
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(reason);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('cli pc under the input limits', () => {
  it('deeply nested XML: exit 2 naming the nesting limit', () => {
    const nested = file('nested.xml', `<cdm>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</cdm>`);
    expectOneLineRefusal(cli('pc', nested), /nested more than 16 deep, the limit for CDM files/);
  });

  it('XML with a DOCTYPE and an external entity: exit 2, nothing read', () => {
    const xxe = file(
      'xxe.xml',
      '<?xml version="1.0"?>\n<!DOCTYPE cdm [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<cdm version="1.0"><header><ORIGINATOR>&xxe;</ORIGINATOR></header></cdm>\n',
    );
    const r = cli('pc', xxe);
    expectOneLineRefusal(r, /document type declaration \(DOCTYPE\) is refused/);
    expect(r.out).toBe('');
  });

  it('a file over the size limit: exit 2 naming the limit, unread', () => {
    expectOneLineRefusal(
      cli('pc', sparse('huge.cdm', 40)),
      /huge\.cdm: file is 40\.0 MB; the limit for CDM files is 32 MB\n$/,
    );
  });

  it.skipIf(skipWithoutSharedData)(
    'a CDM with 300,000 comment lines gives its Pc (was: call stack overflow, exit 1)',
    () => {
      const text = readFileSync(
        sharedDataPath(
          'cara-pc-test-data',
          'raw',
          'PcTestCaseCDMs',
          '000020580_conj_000002017_20230613_001923_20230608_063715.cdm',
        ),
        'utf8',
      );
      const [first, ...rest] = text.split('\n');
      const comments = file(
        'comments.cdm',
        [first, ...new Array<string>(300_000).fill('COMMENT x'), ...rest].join('\n'),
      );
      const r = cli('pc', comments);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).pc).toBeCloseTo(1.8622e-5, 8);
    },
  );
});

describe('cli screen under the input limits', () => {
  it('a catalog over the size limit: exit 2 naming the limit', () => {
    expectOneLineRefusal(
      cli('screen', '--catalog', sparse('huge.tle', 151)),
      /file is 151\.0 MB; the limit for catalogs is 150 MB\n$/,
    );
  });

  it('deep JSON and XML entities in a catalog: exit 2 with the reason', () => {
    const deep = file('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expectOneLineRefusal(cli('screen', '--catalog', deep), /JSON is nested more than 16 deep/);
    const xxe = file(
      'xxe-omm.xml',
      '<!DOCTYPE ndm [<!ENTITY x SYSTEM "file:///etc/passwd">]><ndm><omm>&x;</omm></ndm>',
    );
    expectOneLineRefusal(cli('screen', '--catalog', xxe), /DOCTYPE/);
  });

  it('sizes thread heaps to the catalog and drops threads to stay within the bound', () => {
    expect(planThreads(26_834, 2)).toEqual({ threads: 2, heapMbPerThread: 256 + 79 });
    const big = planThreads(339_999, 16)!;
    expect(big.heapMbPerThread).toBe(1253);
    expect(big.threads).toBe(Math.floor(SCREEN_MEMORY_MB / 1253));
    expect(big.note).toMatch(/^2 of 16 threads: 339,999 objects need 1253 MB each/);
    expect(planThreads(2_000_000, 1)).toBeNull();
  });
});
