// The shared OEM samples (bradsease/oem tests/samples; PROVENANCE.md there): every valid message
// reads, every invalid one is refused for the rule it breaks.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { readOemBytes } from './decode';
import type { OemIssueCode } from './issues';
import { readOem } from './read';

const dir = (...p: string[]) => sharedDataPath('oem-samples-bradsease', ...p);
const text = (...p: string[]) => readFileSync(dir(...p), 'utf8');
/** The standard's examples orbit Mars; with the centre made Earth, what else do they hold? */
const asEarth = (t: string) => t.replace(/MARS BARYCENTER/g, 'EARTH');

describe.skipIf(skipWithoutSharedData)('OEM samples: valid messages', () => {
  const valid = ['v1_0', 'v2_0', 'v3_0'].flatMap((v) =>
    readdirSync(dir(v, 'valid'))
      .filter((f) => f.endsWith('.oem'))
      .map((f) => [v, f] as const),
  );

  it.each(valid)('%s/valid/%s: refused only because its centre is Mars', (v, f) => {
    const r = readOem(text(v, 'valid', f));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const e of r.errors) {
      expect(e.code).toBe('unsupportedCenter');
      expect(e.reason).toMatch(/CENTER_NAME MARS BARYCENTER: only Earth is supported/);
    }
  });

  // Expected segments (states/covariances each) once the centre is Earth.
  const expected: Record<string, string> = {
    'v1_0/sample01.oem': '3/0',
    'v1_0/sample02.oem': '4/0 4/0',
    'v2_0/sample01.oem': '3/0',
    'v2_0/sample02.oem': '3/2',
    'v2_0/sample03.oem': '3/2',
    'v2_0/sample04.oem': '3/2 3/2',
    'v2_0/sample05.oem': '3/0',
    'v2_0/sample06.oem': '3/2',
    'v2_0/sample07.oem': '3/2',
    'v2_0/sample08.oem': '3/0',
    'v2_0/sample09.oem': '3/0',
    'v2_0/sample12.oem': '3/0',
    'v3_0/sample01.oem': '3/0',
    'v3_0/sample02.oem': '3/0',
  };
  it.each(Object.entries(expected))('%s reads when Earth-centred: %s', (key, shape) => {
    const [v, f] = key.split('/');
    const r = readOem(asEarth(text(v, 'valid', f)));
    expect(r.ok && r.rejected).toEqual([]);
    if (!r.ok) return;
    expect(
      r.message.segments.map((s) => `${s.states.length}/${s.covariances.length}`).join(' '),
    ).toBe(shape);
  });

  it('v2_0 sample10 (XML) is read but its example covariance is not positive semi-definite', () => {
    // CX_X·CY_Y = 0.316·0.518 < CY_X² = 0.722²: the example's numbers are not a covariance.
    const r = readOem(asEarth(text('v2_0', 'valid', 'sample10.oem')));
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['covarianceNotPsd']);
  });

  it('v2_0 sample11 names an unknown time system, which we cannot place on UTC', () => {
    const r = readOem(asEarth(text('v2_0', 'valid', 'sample11.oem')));
    expect(!r.ok && r.errors[0].reason).toMatch(/TIME_SYSTEM ABCD: only UTC, TAI, TT and GPS/);
  });

  it('the XML and KVN forms of the standard example give the same states', () => {
    const xml = readOem(asEarth(text('v1_0', 'valid', 'sample02.oem')));
    const kvn = readOem(asEarth(text('v1_0', 'valid', 'sample01.oem')));
    expect(xml.ok && kvn.ok).toBe(true);
    if (!xml.ok || !kvn.ok) return;
    expect(xml.message.format).toBe('XML');
    expect(xml.message.segments[0].states.slice(0, 3)).toEqual(kvn.message.segments[0].states);
  });

  it('reads the gzip samples and names the compressions it cannot open', async () => {
    const bytes = (f: string) => new Uint8Array(readFileSync(dir('v2_0', 'valid', f)));
    for (const f of ['sample13.oem.gz', 'sample14.oem.gz']) {
      const r = await readOemBytes(bytes(f));
      // Decompressed, it is one of the Mars examples: refused by centre, i.e. fully read.
      expect(!r.ok && r.errors.every((e) => e.code === 'unsupportedCenter')).toBe(true);
    }
    const formats = {
      'sample15.oem.bz2': 'bzip2',
      'sample17.oem.xz': 'xz',
      'sample19.oem.lzma': 'lzma',
    };
    for (const [f, format] of Object.entries(formats)) {
      const r = await readOemBytes(bytes(f));
      expect(!r.ok && r.errors[0]).toMatchObject({ code: 'compression', values: { format } });
    }
  });

  it('real/: Earth orbiters in ICRF, Lagrange, with their states', () => {
    for (const f of readdirSync(dir('real'))) {
      const r = readOem(text('real', f));
      expect(r.ok && r.rejected).toEqual([]);
      if (!r.ok) continue;
      const s = r.message.segments[0];
      expect(s.metadata).toMatchObject({
        refFrame: 'ICRF',
        timeSystem: 'UTC',
        interpolation: 'LAGRANGE',
      });
      expect(s.states.length).toBeGreaterThanOrEqual(61);
    }
  });
});

describe.skipIf(skipWithoutSharedData)('OEM samples: invalid messages are refused by name', () => {
  // [file, code, line, what the reason must say]
  const cases: [string, OemIssueCode, number, RegExp][] = [
    [
      'v1_0/sample01.oem',
      'keywordNotInVersion',
      14,
      /REF_FRAME_EPOCH is not part of OEM version 1.0/,
    ],
    [
      'v1_0/sample02.oem',
      'accelerationNotInVersion',
      26,
      /accelerations are not part of OEM version 1.0/,
    ],
    [
      'v1_0/sample03.oem',
      'covarianceNotInVersion',
      24,
      /covariance blocks are not part of OEM version 1.0/,
    ],
    ['v1_0/sample04.oem', 'covarianceNotInVersion', 61, /covariance blocks/],
    ['v1_0/sample05.oem', 'accelerationNotInVersion', 25, /accelerations/],
    ['v2_0/sample01.oem', 'versionFirst', 1, /must start with CCSDS_OEM_VERS, found COMMENT/],
    ['v2_0/sample05.oem', 'noStates', 20, /no state lines/],
    ['v2_0/sample06.oem', 'badDegree', 17, /INTERPOLATION_DEGREE 7.1 is not a positive integer/],
    ['v2_0/sample07.oem', 'timeOrder', 14, /USEABLE_STOP_TIME .* is before USEABLE_START_TIME/],
    ['v2_0/sample08.oem', 'timeOrder', 13, /USEABLE_START_TIME .* is before START_TIME/],
    [
      'v2_0/sample09.oem',
      'useableIncomplete',
      13,
      /USEABLE_START_TIME is given without USEABLE_STOP_TIME/,
    ],
    [
      'v2_0/sample10.oem',
      'degreeMissing',
      16,
      /INTERPOLATION is given without INTERPOLATION_DEGREE/,
    ],
    ['v2_0/sample11.oem', 'missingKeyword', 14, /START_TIME is missing from the metadata/],
    ['v2_0/sample12.oem', 'unknownKeyword', 18, /INVALID_KEY is not a keyword of the OEM metadata/],
    [
      'v2_0/sample13.oem',
      'stateFieldsChange',
      21,
      /6 numbers where the segment's first state has 9/,
    ],
    ['v2_0/sample14.oem', 'objectChanges', 24, /OBJECT_NAME MARS GLOBAL SURVEYOR 2 differs/],
    ['v2_0/sample15.oem', 'keywordNotInVersion', 19, /MESSAGE_ID is not part of OEM version 2.0/],
    ['v2_0/sample16.oem', 'stateFieldCount', 21, /5 numbers; a state needs 6 or 9/],
    ['v2_0/sample17.oem', 'badNumber', 22, /Y "abcdefgh" is not a number/],
    [
      'v2_0/sample18.oem',
      'unknownKeyword',
      27,
      /NOTALLOWED is not a keyword of the OEM covariance/,
    ],
    ['v2_0/sample19.oem', 'notKeyValue', 27, /"BADHEADER 1234" is not a KEYWORD = value line/],
    ['v2_0/sample20.oem', 'covarianceRow', 31, /covariance row 5 has 4 numbers; it needs 5/],
    ['v2_0/sample21.oem', 'duplicateKeyword', 5, /ORIGINATOR is given twice/],
    ['v2_0/sample22.oem', 'notKeyValue', 4, /"ORIGINATOR NASA\/JPL" is not a KEYWORD = value line/],
    ['v2_0/sample23.oem', 'duplicateKeyword', 8, /OBJECT_NAME is given twice/],
    [
      'v2_0/sample24.oem',
      'notKeyValue',
      7,
      /"OBJECT_NAME +MARS GLOBAL SURVEYOR" is not a KEYWORD = value/,
    ],
    ['v2_0/sample25.oem', 'notKeyValue', 27, /"= 1234" is not a KEYWORD = value line/],
  ];

  it('covers every invalid sample', () => {
    const files = ['v1_0', 'v2_0'].flatMap((v) =>
      readdirSync(dir(v, 'invalid'))
        .filter((f) => f.endsWith('.oem'))
        .map((f) => `${v}/${f}`),
    );
    expect(cases.map((c) => c[0]).sort()).toEqual(files.sort());
  });

  it.each(cases)('%s: %s', (key, code, line, reason) => {
    const [v, f] = key.split('/');
    // Earth-centred, so the rule broken is the only reason left to refuse it.
    const r = readOem(asEarth(text(v, 'invalid', f)));
    const issues = r.ok ? r.rejected : r.errors;
    expect(issues[0]).toMatchObject({ code, line });
    expect(issues[0].reason).toMatch(reason);
  });

  it('v2_0 sample14 keeps its good first segment and refuses the second', () => {
    const r = readOem(asEarth(text('v2_0', 'invalid', 'sample14.oem')));
    expect(r.ok && r.message.segments.map((s) => s.index)).toEqual([1]);
    expect(r.ok && r.rejected.map((e) => e.segment)).toEqual([2]);
  });

  it('tolerates what the source also tolerates: comments placed inside metadata or data', () => {
    for (const f of ['sample02.skip', 'sample03.skip']) {
      expect(readOem(asEarth(text('v2_0', 'invalid', f))).ok).toBe(true);
    }
  });
});
