// Our own broken OEMs: each refused for the rule it breaks, at its line, good segments kept.
import { describe, expect, it } from 'vitest';
import { readOem } from './read';

const STATES = [
  '2024-11-01T00:00:00.000 6778.137 0.0 0.0 0.0 5.1 5.1',
  '2024-11-01T00:01:00.000 6770.0 306.0 306.0 -0.27 5.09 5.09',
  '2024-11-01T00:02:00.000 6745.7 611.0 611.0 -0.54 5.07 5.07',
];

function segment(
  opts: {
    name?: string;
    extra?: string[];
    states?: string[];
    tail?: string[];
    center?: string;
    timeSystem?: string;
  } = {},
) {
  return [
    'META_START',
    `OBJECT_NAME = ${opts.name ?? 'TESTSAT'}`,
    'OBJECT_ID = 2024-001A',
    `CENTER_NAME = ${opts.center ?? 'EARTH'}`,
    'REF_FRAME = EME2000',
    `TIME_SYSTEM = ${opts.timeSystem ?? 'UTC'}`,
    'START_TIME = 2024-11-01T00:00:00.000',
    'STOP_TIME = 2024-11-01T00:02:00.000',
    ...(opts.extra ?? []),
    'META_STOP',
    ...(opts.states ?? STATES),
    ...(opts.tail ?? []),
  ];
}

const HEADER = ['CCSDS_OEM_VERS = 2.0', 'CREATION_DATE = 2024-11-01T00:00:00', 'ORIGINATOR = TEST'];
const oem = (...segments: string[][]) => [...HEADER, ...segments.flat()].join('\n');

const COV_ROWS = [
  '1.0e-2',
  '1.0e-3 2.0e-2',
  '0 0 3.0e-2',
  '0 0 0 1.0e-6',
  '0 0 0 0 1.0e-6',
  '0 0 0 0 0 1.0e-6',
];

describe('readOem: broken files of our own', () => {
  it('reads a good two-segment file', () => {
    const r = readOem(oem(segment(), segment()));
    expect(r.ok && r.message.segments.map((s) => s.states.length)).toEqual([3, 3]);
    if (!r.ok) return;
    expect(r.message.segments[0].states[1]).toEqual({
      epochMs: Date.UTC(2024, 10, 1, 0, 1),
      positionKm: [6770, 306, 306],
      velocityKmS: [-0.27, 5.09, 5.09],
    });
  });

  it('a truncated data line refuses its segment; the other loads', () => {
    const cut = [STATES[0], '2024-11-01T00:01:00.000 6770.0 306.0 306.0 -0.27', STATES[2]];
    const r = readOem(oem(segment(), segment({ states: cut })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message.segments.map((s) => s.index)).toEqual([1]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({
      code: 'stateFieldCount',
      segment: 2,
      line: 26,
      values: { count: 4 },
    });
    expect(r.rejected[0].reason).toBe('segment 2, line 26: 4 numbers; a state needs 6 or 9');
  });

  it('a time going backwards', () => {
    const r = readOem(oem(segment({ states: [STATES[0], STATES[2], STATES[1]] })));
    expect(!r.ok && r.errors[0]).toMatchObject({ code: 'epochBackwards', line: 15, segment: 1 });
    expect(!r.ok && r.errors[0].reason).toMatch(
      /epoch 2024-11-01T00:01:00.000 is not after the previous state's 2024-11-01T00:02:00.000/,
    );
  });

  it('a segment without META_STOP', () => {
    const broken = segment().filter((l) => l !== 'META_STOP');
    const r = readOem(oem(segment(), broken));
    expect(r.ok && r.rejected[0]).toMatchObject({ code: 'metaStopMissing', segment: 2, line: 24 });
    expect(r.ok && r.rejected[0].reason).toMatch(/segment 2, line 24: META_STOP missing/);
  });

  it('a covariance that is not positive semi-definite', () => {
    const bad = ['COVARIANCE_START', 'EPOCH = 2024-11-01T00:01:00', ...COV_ROWS, 'COVARIANCE_STOP'];
    bad[3] = '1.0 2.0e-2'; // |cross term| far above √(σx²σy²)
    const good = [
      'COVARIANCE_START',
      'EPOCH = 2024-11-01T00:01:00',
      'COV_REF_FRAME = RTN',
      ...COV_ROWS,
      'COVARIANCE_STOP',
    ];
    const r = readOem(oem(segment({ tail: good }), segment({ tail: bad })));
    expect(r.ok && r.rejected[0]).toMatchObject({ code: 'covarianceNotPsd', segment: 2, line: 39 });
    expect(r.ok && r.rejected[0].reason).toMatch(
      /covariance at line 39 is not positive semi-definite/,
    );
    if (!r.ok) return;
    const cov = r.message.segments[0].covariances[0];
    expect(cov.frame).toBe('RTN');
    expect(cov.matrix[1]).toBe(1e-3);
    expect(cov.matrix[6]).toBe(1e-3); // symmetric
  });

  it('refuses other centres, frames and time systems by name', () => {
    const mars = readOem(oem(segment({ center: 'MARS' })));
    expect(!mars.ok && mars.errors[0].reason).toBe(
      'segment 1, line 7: CENTER_NAME MARS: only Earth is supported',
    );
    const tdb = readOem(oem(segment({ timeSystem: 'TDB' })));
    expect(!tdb.ok && tdb.errors[0].code).toBe('unsupportedTimeSystem');
    const tod = readOem(oem(segment()).replace('REF_FRAME = EME2000', 'REF_FRAME = TOD'));
    expect(!tod.ok && tod.errors[0].values).toEqual({ keyword: 'REF_FRAME', frame: 'TOD' });
  });

  it('places TAI, TT and GPS epochs on UTC (37 s of leap seconds in 2024)', () => {
    const offsets = { TAI: 37_000, TT: 69_184, GPS: 18_000 };
    for (const [scale, ms] of Object.entries(offsets)) {
      const r = readOem(oem(segment({ timeSystem: scale })));
      expect(r.ok && r.message.segments[0].states[0].epochMs).toBeCloseTo(
        Date.UTC(2024, 10, 1) - ms,
        6,
      );
    }
  });

  it('reads accelerations and the version 3 MESSAGE_ID', () => {
    const withAcc = STATES.map((s) => `${s} 0.001 -0.002 0.003`);
    const text = oem(segment({ states: withAcc }))
      .replace('2.0', '3.0')
      .replace('ORIGINATOR = TEST', 'ORIGINATOR = TEST\nMESSAGE_ID = 42');
    const r = readOem(text);
    expect(r.ok && r.message.header).toMatchObject({ version: '3.0', messageId: '42' });
    expect(r.ok && r.message.segments[0].states[0].accelerationKmS2).toEqual([
      0.001, -0.002, 0.003,
    ]);
  });

  it('XML: a <stateVector> without a required element is refused by name', () => {
    const xml = [
      '<oem version="2.0"><header><CREATION_DATE>2024-11-01T00:00:00</CREATION_DATE>',
      '<ORIGINATOR>T</ORIGINATOR></header><body><segment><metadata>',
      '<OBJECT_NAME>A</OBJECT_NAME><OBJECT_ID>B</OBJECT_ID><CENTER_NAME>EARTH</CENTER_NAME>',
      '<REF_FRAME>GCRF</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM>',
      '<START_TIME>2024-11-01T00:00:00</START_TIME><STOP_TIME>2024-11-01T00:01:00</STOP_TIME>',
      '</metadata><data>',
      '<stateVector><EPOCH>2024-11-01T00:00:00</EPOCH><X>1</X><Y>2</Y><Z>3</Z><X_DOT>4</X_DOT><Y_DOT>5</Y_DOT><Z_DOT>6</Z_DOT></stateVector>',
      '<stateVector><EPOCH>2024-11-01T00:01:00</EPOCH><X>1</X><Y>2</Y><X_DOT>4</X_DOT><Y_DOT>5</Y_DOT><Z_DOT>6</Z_DOT></stateVector>',
      '</data></segment></body></oem>',
    ].join('\n');
    const r = readOem(xml);
    expect(!r.ok && r.errors[0].reason).toBe('segment 1, line 8: <stateVector> has no <Z>');
    const fixed = readOem(xml.replace('<Y>2</Y><X_DOT>', '<Y>2</Y><Z>3</Z><X_DOT>'));
    expect(fixed.ok && fixed.message.segments[0].states[1].positionKm).toEqual([1, 2, 3]);
  });

  it('refuses a file that is not an OEM, or an empty one', () => {
    expect(readOem('').ok).toBe(false);
    expect(!readOem('hello').ok && readOem('hello')).toMatchObject({
      errors: [{ code: 'versionFirst' }],
    });
    expect(readOem('<cdm/>')).toMatchObject({ ok: false, errors: [{ code: 'notOem' }] });
    expect(readOem('<oem><header>')).toMatchObject({
      ok: false,
      errors: [{ code: 'malformedXml' }],
    });
  });
});
