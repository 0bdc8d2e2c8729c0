// `cli screen --ephemeris nominal.oem --compare planned.oem`: the object screened on both
// trajectories, the difference printed as JSON. A and B cross at the nodes together; the planned
// A burns 1 m/s along-track at 01:00 and drifts away from B, so the later approaches go.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImpulsiveBurn } from '../domain/oem/manoeuvre';
import { sampleElementSetEme2000 } from '../domain/oem/sample';
import { writeOemKvn } from '../domain/oem/write';
import { loadCatalogText } from '../domain/catalog/load';
import { cli } from './testSupport';

const CSV = `OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT
TEST A,2024-999A,2024-11-01T00:00:00.000000,15.5,.0005,51.6,0,0,0,0,U,200001,999,1,.0001,0,0
TEST B,2024-999B,2024-11-01T00:00:00.000000,15.5,.0005,52.6,0,0,0,0,U,270001,999,1,.0001,0,0
`;
const START = Date.parse('2024-11-01T00:00:00Z');
const BURN = START + 3_600_000;

describe('cli screen --compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'screen-compare-'));
  const catalog = join(dir, 'cat.csv');
  writeFileSync(catalog, CSV);
  const [a] = loadCatalogText(CSV).objects;
  const sampled = sampleElementSetEme2000(a, {
    startMs: START - 600_000,
    stopMs: START + 5 * 3_600_000,
    stepMs: 60_000,
  });
  if (!sampled.ok) throw new Error(sampled.reason);
  const burn = applyImpulsiveBurn(sampled.states, BURN, [0, 1, 0]);
  const write = (file: string, name: string, segments: (typeof sampled.states)[]) => {
    const path = join(dir, file);
    writeFileSync(
      path,
      writeOemKvn({
        objectName: name,
        objectId: '2024-999A',
        originator: 'TEST',
        creationDateMs: START,
        segments: segments.map((states) => ({ states })),
      }),
    );
    return path;
  };
  const nominal = write('nominal.oem', 'TEST A', [sampled.states]);
  const planned = write('planned.oem', 'TEST A', [burn.before, burn.after]);
  const args = ['screen', '--catalog', catalog, '--start', '2024-11-01T00:00:00Z', '--hours', '4'];
  args.push('--threads', '1');

  let forward: ReturnType<typeof cli> | null = null;
  const runForward = () => (forward ??= cli(...args, '--ephemeris', nominal, '--compare', planned));

  it('prints the events the manoeuvre removes, keeps (with the change) and adds', () => {
    const r = runForward();
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.object).toEqual({ id: 200001, name: 'TEST A' });
    expect(j.nominal.label).toBe('nominal.oem (2024-999A)');
    expect(j.planned.label).toBe('planned.oem (2024-999A)');
    expect(j.planned.screened).toEqual([['2024-11-01T00:00:00.000Z', '2024-11-01T04:00:00.000Z']]);
    // Before the burn: the same approaches, unchanged.
    const before = j.kept.filter(
      (k: { nominal: { tca: string } }) => Date.parse(k.nominal.tca) < BURN,
    );
    expect(before.length).toBeGreaterThan(0);
    for (const k of before) expect(Math.abs(k.rangeChangeKm)).toBeLessThan(0.001);
    // After: the burn takes the approaches with B away.
    expect(j.removed.length).toBeGreaterThan(1);
    for (const e of j.removed) {
      expect(e.otherId).toBe(270001);
      expect(Date.parse(e.tca)).toBeGreaterThan(BURN);
    }
    expect(j.added).toEqual([]);
    expect(j.worst.nominal.events).toBe(j.kept.length + j.removed.length);
    expect(j.worst.planned.events).toBe(j.kept.length);
    expect(r.err).toMatch(
      /screening again with planned\.oem \(2024-999A\) in place of nominal\.oem/,
    );
  });

  it('the other way round, the same approaches are the ones the "manoeuvre" adds', () => {
    const there = JSON.parse(runForward().out);
    const back = cli(...args, '--ephemeris', planned, '--compare', nominal);
    expect(back.code).toBe(0);
    const j = JSON.parse(back.out);
    expect(j.added).toEqual(there.removed);
    expect(j.removed).toEqual([]);
  });

  it('refuses a planned trajectory of another object, and --compare without --ephemeris', () => {
    const other = join(dir, 'other.oem');
    writeFileSync(
      other,
      writeOemKvn({
        objectName: 'OTHER',
        objectId: '2099-001A',
        originator: 'TEST',
        creationDateMs: START,
        segments: [{ states: sampled.states }],
      }),
    );
    const r = cli(...args, '--ephemeris', nominal, '--compare', other);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--compare .*other\.oem: OTHER \(2099-001A\) is none of the --ephemeris objects/,
    );
    const alone = cli(...args, '--compare', planned);
    expect(alone.code).toBe(2);
    expect(alone.err).toMatch(/--compare needs the nominal trajectory as --ephemeris/);
  });
});
