import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './testSupport';
import { caraConjunctions, sharedDataPath, skipWithoutSharedData } from '../testing/sharedData';
import { pcLines } from './pc';

const A = '000020580_conj_000002017_20230613_001923_20230608_063715';
const B = '000025994_conj_000026132_20220224_100307_20220221_225515';
const cdm = (id: string) =>
  sharedDataPath('cara-pc-test-data', 'raw', 'PcTestCaseCDMs', `${id}.cdm`);

describe.skipIf(skipWithoutSharedData)('cli pc', () => {
  it('prints one JSON object per message, matching CARA Pc2D_NoAdj', () => {
    const r = cli('pc', cdm(A), cdm(B), '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual([
      'file',
      'tca',
      'missM',
      'relSpeedMS',
      'hbrM',
      'pc',
      'method',
    ]);
    const csv = caraConjunctions();
    for (const [i, id] of [A, B].entries()) {
      const row = csv.get(id)!;
      expect(lines[i].file).toBe(`${id}.cdm`);
      expect(lines[i].hbrM).toBe(Number(row.HBR_m));
      expect(Math.abs(lines[i].missM / Number(row.MissDist_m) - 1)).toBeLessThan(1e-9);
      expect(Math.abs(lines[i].relSpeedMS / Number(row.Vrel_mps) - 1)).toBeLessThan(1e-9);
      expect(Math.abs(lines[i].pc / Number(row.Pc2D_NoAdj) - 1)).toBeLessThan(1e-3);
      expect(lines[i].method).toBe('FOSTER-1992');
    }
    expect(lines[0].tca).toBe('2023-06-13T00:19:23.766Z');
  });

  it('--hbr-m overrides the message; a bigger body gives a bigger Pc', () => {
    const base = pcLines([cdm(A)]).lines[0];
    const bigger = pcLines([cdm(A)], 20).lines[0];
    expect(bigger.hbrM).toBe(20);
    expect(bigger.pc).toBeGreaterThan(3.5 * base.pc);
    const r = cli('pc', cdm(A), '--hbr-m', '20');
    expect(JSON.parse(r.out).pc).toBe(bigger.pc);
  });

  it('unreadable input: exit code 2 with a one-line reason naming it; good messages still print', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-cli-'));
    const bad = join(dir, 'bad.cdm');
    const text = readFileSync(cdm(A), 'utf8');
    writeFileSync(
      bad,
      `${text.trimEnd()}\n${text.replace(/^MISS_DISTANCE.*$/m, 'MISS_DISTANCE = lots [m]')}`,
    );
    const r = cli('pc', bad);
    expect(r.code).toBe(2);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^error: .*bad\.cdm: message 2, line \d+, MISS_DISTANCE: non-numeric/);

    const missing = cli('pc', join(dir, 'nope.cdm'));
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(missing.err).toMatch(/^error: .*nope\.cdm: cannot read \(ENOENT\)\n$/);

    const none = cli('pc');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^error: no CDM file given/);
    const badOption = cli('pc', cdm(A), '--hbr-m', '-3');
    expect(badOption.code).toBe(2);
    expect(badOption.err).toMatch(/^error: --hbr-m must be a number/);
  });

  it('--format text prints a readable line', () => {
    const r = cli('pc', cdm(A), '--format', 'text');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^000020580.*\.cdm {2}TCA 2023-06-13T00:19:23\.766Z {2}miss 12303\.3 m .* Pc 1\.86\d\de-5 {2}FOSTER-1992\n$/,
    );
  });
});
