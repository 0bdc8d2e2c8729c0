import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { parseCdm } from './parse';
import { cdmPc } from './pc';
import type { CdmMessage } from './types';
import { writeCdmKvn } from './writeKvn';

const caraCdm = (name: string) =>
  readFileSync(sharedDataPath('cara-pc-test-data', 'raw', 'PcTestCaseCDMs', name), 'utf8');
const HST = '000020580_conj_000002017_20230613_001923_20230608_063715.cdm';
const OTHER = '000025994_conj_000037558_20210324_151047_20210323_154356.cdm';
const THIRD = '000048901_conj_000048903_20211219_182317_20211217_232706.cdm';

/** Everything but what writing legitimately rewrites (text of dates, comment placement, lines). */
const omit = (o: object, keys: string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

function comparable(m: CdmMessage) {
  return {
    header: omit(m.header, ['creationDate', 'comments']),
    relative: omit(m.relative, ['tca', 'comments']),
    object1: omit(m.object1, ['comments']),
    object2: omit(m.object2, ['comments']),
  };
}

function only(text: string): CdmMessage {
  const { messages, errors } = parseCdm(text);
  expect(errors).toEqual([]);
  expect(messages).toHaveLength(1);
  return messages[0];
}

describe.skipIf(skipWithoutSharedData)('writeCdmKvn', () => {
  it('KVN → model → KVN → model keeps every number and keyword', () => {
    for (const name of [HST, OTHER, THIRD]) {
      const a = only(caraCdm(name));
      const text = writeCdmKvn(a);
      const b = only(text);
      expect(comparable(b)).toEqual(comparable(a));
      expect(b.header.creationDate).toBe(a.header.creationDate);
      expect(b.relative.tca).toBe(a.relative.tca);
      expect(cdmPc(b).foster.pc).toBe(cdmPc(a).foster.pc);
    }
  });

  it('writes mandatory keywords with standard units', () => {
    const text = writeCdmKvn(only(caraCdm(HST)));
    for (const [kw, unit] of [
      ['MISS_DISTANCE', 'm'],
      ['RELATIVE_SPEED', 'm/s'],
      ['X', 'km'],
      ['Z_DOT', 'km/s'],
      ['CR_R', 'm**2'],
      ['CRDOT_T', 'm**2/s'],
      ['CNDOT_NDOT', 'm**2/s**2'],
    ]) {
      expect(text).toMatch(
        new RegExp(`^${kw}\\s+= \\S+ \\[${unit.replace(/\*/g, '\\*')}\\]$`, 'm'),
      );
    }
    for (const kw of [
      'CCSDS_CDM_VERS',
      'CREATION_DATE',
      'ORIGINATOR',
      'MESSAGE_ID',
      'TCA',
      'OBJECT_DESIGNATOR',
      'CATALOG_NAME',
      'OBJECT_NAME',
      'INTERNATIONAL_DESIGNATOR',
      'EPHEMERIS_NAME',
      'COVARIANCE_METHOD',
      'MANEUVERABLE',
      'REF_FRAME',
    ]) {
      expect(text).toMatch(new RegExp(`^${kw}\\s+= `, 'm'));
    }
    expect(text).toMatch(/^COMMENT HBR = 10 \[m\]$/m);
    expect(text).toMatch(/^COMMENT EXCLUSION_VOLUME_RADIUS = 3 \[m\]$/m);
  });

  it('XML → KVN → model gives the same numbers', () => {
    const xml = only(readFileSync(sharedDataPath('cdm-samples-ccsds', 'CDMExample1.xml'), 'utf8'));
    const back = only(writeCdmKvn(xml));
    expect(back.format).toBe('KVN');
    expect(comparable(back)).toEqual(comparable(xml));
  });
});

describe.skipIf(skipWithoutSharedData)('malformed KVN', () => {
  const three = () => [caraCdm(HST), caraCdm(OTHER), caraCdm(THIRD)].join('\n');
  const lineOf = (text: string, needle: string | RegExp, from = 0) => {
    const lines = text.split('\n');
    for (let i = from; i < lines.length; i++) if (lines[i].match(needle)) return i + 1;
    throw new Error(`not found: ${needle}`);
  };

  it('a non-numeric value names the keyword and line; the other messages still load', () => {
    const text = three();
    const start = lineOf(text, /^CCSDS_CDM_VERS/, lineOf(text, /^CCSDS_CDM_VERS/));
    const bad = lineOf(text, /^CT_T\s/, start);
    const lines = text.split('\n');
    lines[bad - 1] = 'CT_T                                        = 1.2.3 [m**2]';
    const { messages, errors } = parseCdm(lines.join('\n'));
    expect(messages.map((m) => m.header.messageId)).toEqual([
      HST.replace('.cdm', ''),
      THIRD.replace('.cdm', ''),
    ]);
    expect(errors).toEqual([
      {
        message: 2,
        line: bad,
        keyword: 'CT_T',
        reason: 'non-numeric value "1.2.3" for CT_T',
        issue: { code: 'notNumber', values: { value: '1.2.3', keyword: 'CT_T' } },
      },
    ]);
  });

  it('a missing mandatory keyword is named, with the end of its section as the line', () => {
    const text = caraCdm(HST).replace(/^ORIGINATOR.*\n/m, '');
    const { messages, errors } = parseCdm(text);
    expect(messages).toHaveLength(0);
    expect(errors[0].keyword).toBe('ORIGINATOR');
    expect(errors[0].line).toBe(4); // header is CCSDS_CDM_VERS, CREATION_DATE, MESSAGE_FOR, MESSAGE_ID
    expect(errors[0].reason).toMatch(/missing mandatory keyword ORIGINATOR in header/);
  });

  it('a truncated file reports the first missing keyword; earlier messages load', () => {
    const full = [caraCdm(HST), caraCdm(OTHER)].join('\n');
    const cut = full.split('\n');
    const at = lineOf(
      full,
      /^CTDOT_R\s/,
      lineOf(full, /^OBJECT\s+= OBJECT2/, lineOf(full, /^CCSDS_CDM_VERS/, 1)),
    );
    const text = cut.slice(0, at - 1).join('\n') + '\nCTDOT_R   = 1.5'; // cut mid-covariance
    const { messages, errors } = parseCdm(text);
    expect(messages).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 2, keyword: 'CTDOT_T', line: at });
    const beforeObject2 = full
      .split('\n')
      .slice(0, lineOf(full, /^OBJECT\s+= OBJECT2/, lineOf(full, /^CCSDS_CDM_VERS/, 1)) - 1);
    const r2 = parseCdm(beforeObject2.join('\n'));
    expect(r2.errors[0]).toMatchObject({ message: 2, keyword: 'OBJECT' });
    expect(r2.errors[0].reason).toMatch(/missing OBJECT2 section/);
  });

  it('a line that is not KEYWORD = value, and a bad epoch, are reported by line', () => {
    const lines = caraCdm(HST).split('\n');
    lines.splice(9, 0, 'this is not a keyword line');
    const e1 = parseCdm(lines.join('\n')).errors[0];
    expect(e1.line).toBe(10);
    expect(e1.reason).toMatch(/not "KEYWORD = value"/);
    const e2 = parseCdm(caraCdm(HST).replace('2023-06-13T00:19:23.766', '2023-13-13T00:19:23.766'))
      .errors[0];
    expect(e2).toMatchObject({ keyword: 'TCA', line: 7 });
  });

  it('content before the first message is reported and the message still loads', () => {
    const { messages, errors } = parseCdm(`garbage\n${caraCdm(HST)}`);
    expect(messages).toHaveLength(1);
    expect(errors).toEqual([
      {
        message: 0,
        line: 1,
        keyword: 'CCSDS_CDM_VERS',
        reason: 'content before the first CCSDS_CDM_VERS line',
        issue: { code: 'beforeFirstMessage', values: {} },
      },
    ]);
  });
});

describe.skipIf(skipWithoutSharedData)('XML variants', () => {
  const xmlText = () =>
    readFileSync(sharedDataPath('cdm-samples-ccsds', 'CDMExample1.xml'), 'utf8');

  it('an <ndm> with two <cdm>s, one with a bad number, loads the good one and names the bad line', () => {
    const one = xmlText().replace(/^<\?xml[^>]*>\s*/, '');
    const bad = one.replace('<CN_N units="m**2">7.105E+01</CN_N>', '<CN_N units="m**2">x</CN_N>');
    const doc = `<?xml version="1.0"?>\n<ndm>\n${one}${bad}</ndm>\n`;
    const { messages, errors } = parseCdm(doc);
    expect(messages).toHaveLength(1);
    const want = doc.split('\n').findIndex((l) => l.includes('<CN_N units="m**2">x</CN_N>')) + 1;
    expect(errors).toEqual([
      {
        message: 2,
        line: want,
        keyword: 'CN_N',
        reason: 'non-numeric value "x" for CN_N',
        issue: { code: 'notNumber', values: { value: 'x', keyword: 'CN_N' } },
      },
    ]);
  });

  it('malformed XML reports the line', () => {
    const text = xmlText().replace('</MISS_DISTANCE>', '');
    const { messages, errors } = parseCdm(text);
    expect(messages).toHaveLength(0);
    expect(errors[0].line).toBeGreaterThan(10);
    expect(errors[0].reason).toMatch(/malformed XML/);
  });

  it('a missing mandatory element is named', () => {
    const text = xmlText().replace(/<TCA>.*<\/TCA>\n/, '');
    const { errors } = parseCdm(text);
    expect(errors[0]).toMatchObject({ message: 1, keyword: 'TCA' });
  });
});
