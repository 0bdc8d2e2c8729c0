// `cli screen --ephemeris`: OEM objects as primaries, stand-ins for their catalog objects, source
// of every state in the output, and a bad OEM refused with one line (exit code 2).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { elementSetToOem, sampleElementSetEme2000 } from '../domain/oem/sample';
import { writeOemKvn } from '../domain/oem/write';
import { eventObjectsToOem } from '../domain/oem/objects';
import { loadCatalogText } from '../domain/catalog/load';
import { FIRST_EPHEMERIS_ONLY_ID } from '../domain/screening/fromOem';
import { cli } from './testSupport';

// A and B cross at the nodes together (1° apart in inclination, same phase); C is far away.
const CSV = `OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT
TEST A,2024-999A,2024-11-01T00:00:00.000000,15.5,.0005,51.6,0,0,0,0,U,200001,999,1,.0001,0,0
TEST B,2024-999B,2024-11-01T00:00:00.000000,15.5,.0005,52.6,0,0,0,0,U,270001,999,1,.0001,0,0
TEST C,2024-999C,2024-11-01T00:00:00.000000,13.5,.0005,98,120,0,0,0,U,270002,999,1,.0001,0,0
`;
const START = Date.parse('2024-11-01T00:00:00Z');

describe('cli screen --ephemeris', () => {
  const dir = mkdtempSync(join(tmpdir(), 'screen-oem-'));
  const catalog = join(dir, 'cat.csv');
  writeFileSync(catalog, CSV);
  const [a] = loadCatalogText(CSV).objects;
  const written = elementSetToOem(
    a,
    { startMs: START - 600_000, stopMs: START + 3 * 3_600_000, stepMs: 60_000 },
    { originator: 'TEST', creationDateMs: START },
  );
  if (!written.ok) throw new Error(written.reason);
  const oem = join(dir, 'a.oem');
  writeFileSync(oem, written.text);
  const args = ['screen', '--catalog', catalog, '--start', '2024-11-01T00:00:00Z'];

  it('screens an ephemeris standing in for its catalog object as the primary, like the object itself', () => {
    const plain = cli(...args, '--hours', '2', '--primary', '200001', '--threads', '1');
    const r = cli(...args, '--hours', '2', '--ephemeris', oem, '--threads', '1');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const ref = JSON.parse(plain.out);
    expect(j.events).toHaveLength(3);
    expect(ref.events).toHaveLength(3);
    j.events.forEach((e: Record<string, unknown>, k: number) => {
      const p = ref.events[k];
      expect([e.id1, e.id2, e.source1, e.source2]).toEqual([200001, 270001, 'ephemeris', 'sgp4']);
      expect(p.source1).toBe('sgp4');
      // Output TCA has whole milliseconds: within 1 ms of the catalog object's.
      expect(Math.abs(Date.parse(e.tca as string) - Date.parse(p.tca))).toBeLessThanOrEqual(1);
      expect(Math.abs((e.rangeKm as number) - p.rangeKm)).toBeLessThan(0.001);
    });
    expect(j.ephemerides).toEqual([
      {
        id: 200001,
        name: 'TEST A',
        label: 'a.oem (2024-999A)',
        standsIn: true,
        screened: [['2024-11-01T00:00:00.000Z', '2024-11-01T02:00:00.000Z']],
      },
    ]);
    expect(r.err).toMatch(/primaries 200001/);
    expect(r.err).toMatch(
      /ephemeris a\.oem \(2024-999A\) as 200001: .*; elsewhere catalog object's SGP4/,
    );
  });

  it('reads a gzip-compressed OEM of an object the catalog lacks, and says where it is not screened', () => {
    // The catalog without A; the ephemeris of A under a designator no catalog object has.
    const withoutA = join(dir, 'without-a.csv');
    writeFileSync(
      withoutA,
      CSV.split('\n')
        .filter((l) => !l.startsWith('TEST A'))
        .join('\n'),
    );
    const other = written.text.replace(/OBJECT_ID( *)= 2024-999A/, 'OBJECT_ID$1= 2099-001A');
    expect(other).not.toBe(written.text);
    const gz = join(dir, 'other.oem.gz');
    writeFileSync(gz, gzipSync(other));
    const r = cli(
      'screen',
      '--catalog',
      withoutA,
      '--start',
      '2024-11-01T00:00:00Z',
      '--hours',
      '4',
      '--ephemeris',
      gz,
      '--threads',
      '1',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/,source1,source2,pc,pcMax,pcLabel$/);
    // Node crossings with B every half revolution while the ephemeris lasts (to 03:00), none after.
    expect(lines.length - 1).toBe(4);
    // No OEM covariance: the Pc columns stay empty.
    for (const line of lines.slice(1)) {
      expect(line).toMatch(
        new RegExp(
          `^${FIRST_EPHEMERIS_ONLY_ID},TEST A,270001,TEST B,2024-11-01T0[0-2]:.*,ephemeris,sgp4,,,$`,
        ),
      );
    }
    expect(r.err).toContain(
      'ephemeris other.oem.gz (2099-001A) as 1000000000: 2024-11-01T00:00:00.000Z/2024-11-01T03:00:00.000Z; elsewhere not screened',
    );
    expect(r.err).toMatch(/4 events, 1 objects flagged/); // the gap after 03:00
  });

  it('refuses a bad OEM with one line naming the file, the line and the rule (exit 2)', () => {
    const bad = join(dir, 'bad.oem');
    const lines = written.text.split('\n');
    const k = lines.findIndex((l) => l.startsWith('2024-11-01T00:30'));
    lines[k] = lines[k].split(' ').slice(0, 4).join(' ');
    writeFileSync(bad, lines.join('\n'));
    const r = cli(...args, '--ephemeris', bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      new RegExp(`ephemeris ${bad}: .*line ${k + 1}.*a state needs 6 or 9.*stateFieldCount`),
    );
  });

  it('refuses --ephemeris with --queue before connecting (the queue does not carry ephemerides)', () => {
    const r = cli(...args, '--ephemeris', oem, '--queue', 'redis://127.0.0.1:1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--ephemeris runs on local threads: the queue does not carry ephemerides/,
    );
  });

  it('refuses two ephemerides of one object', () => {
    const r = cli(...args, '--ephemeris', oem, '--ephemeris', oem);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/same object as a\.oem \(2024-999A\) \(200001\)/);
  });

  it('gives the Pc from the OEM covariance nearest TCA and the element-set model, with the maximum beside it', () => {
    const sampled = sampleElementSetEme2000(a, {
      startMs: START,
      stopMs: START + 2 * 3_600_000,
      stepMs: 60_000,
    });
    if (!sampled.ok) throw new Error(sampled.reason);
    // RTN 1σ 20 m / 80 m / 20 m (km²), velocity terms small: one covariance every 10 minutes.
    const matrix = new Float64Array(36);
    [0.02, 0.08, 0.02, 1e-5, 1e-5, 1e-5].forEach((sd, k) => (matrix[k * 7] = sd * sd));
    const covariances = sampled.states
      .filter((_, k) => k % 10 === 0)
      .map((st) => ({ epochMs: st.epochMs, frame: 'RTN' as const, matrix, line: 0 }));
    const file = join(dir, 'a-cov.oem');
    writeFileSync(
      file,
      writeOemKvn({
        objectName: 'TEST A',
        objectId: '2024-999A',
        originator: 'TEST',
        creationDateMs: START,
        segments: [
          {
            states: sampled.states,
            interpolation: 'LAGRANGE',
            interpolationDegree: 7,
            covariances,
          },
        ],
      }),
    );
    const r = cli(...args, '--hours', '2', '--ephemeris', file, '--hbr-m', '20', '--threads', '1');
    expect(r.code).toBe(0);
    const events = JSON.parse(r.out).events;
    expect(events).toHaveLength(3);
    for (const e of events) {
      const offset = e.pc.covariance1.offsetS;
      expect(Math.abs(offset)).toBeLessThanOrEqual(300);
      expect(e.pc).toEqual({
        value: expect.any(Number),
        method: 'FOSTER-1992',
        max: expect.any(Number),
        hbrM: 20,
        covariance1: {
          kind: 'ephemeris',
          rule: 'nearest',
          epoch: expect.stringMatching(/^2024-11-01T0[01]:[0-5]0:00\.000Z$/),
          offsetS: offset,
        },
        covariance2: { kind: 'model', model: 'SOCRATES 100/300/100 m RTN' },
        label: expect.stringMatching(
          /^FOSTER-1992, object 1: OEM covariance \(nearest, [+-]\d+ s\), object 2: element-set model SOCRATES 100\/300\/100 m RTN$/,
        ),
      });
      expect(e.pc.value).toBeGreaterThan(0);
      expect(e.pc.max).toBeGreaterThanOrEqual(e.pc.value);
    }
  });

  it('screens each object of a two-object OEM (an event exported for the other operator)', () => {
    const [, b] = loadCatalogText(CSV).objects;
    const both = eventObjectsToOem(
      [
        { kind: 'sgp4', elementSet: a },
        { kind: 'sgp4', elementSet: b },
      ],
      { tcaMs: START + 3_600_000, halfSpanMs: 3_600_000, stepMs: 60_000 },
      { originator: 'TEST', creationDateMs: START },
    );
    if (!both.ok) throw new Error(both.reason);
    const file = join(dir, 'event.oem');
    writeFileSync(file, both.text);
    const plain = cli(...args, '--hours', '2', '--primary', '200001', '--threads', '1');
    const r = cli(...args, '--hours', '2', '--ephemeris', file, '--threads', '1');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ephemerides.map((e: { id: number; label: string }) => [e.id, e.label])).toEqual([
      [200001, 'event.oem (2024-999A)'],
      [270001, 'event.oem (2024-999B)'],
    ]);
    // The A–B approaches of the plain run, now with both states from the file.
    const pairs = (events: { id1: number; id2: number; tca: string }[]) =>
      events.map(
        (e) => `${Math.min(e.id1, e.id2)}-${Math.max(e.id1, e.id2)}@${e.tca.slice(0, 19)}`,
      );
    expect(j.events).toHaveLength(3);
    expect(pairs(j.events)).toEqual(pairs(JSON.parse(plain.out).events));
    for (const e of j.events) expect([e.source1, e.source2]).toEqual(['ephemeris', 'ephemeris']);
  });
});
