import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './testSupport';
import { UsageError } from './args';
import { runScreen, toCsv } from './screen';

// Two objects 0.02° apart in mean anomaly (~2.4 km, co-orbiting), catalog numbers above 99,999.
const CSV = `OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT
TEST A,2024-999A,2024-11-01T00:00:00.000000,15.5,.0005,51.6,0,0,0,0,U,200001,999,1,.0001,0,0
"TEST B, TRAILING",2024-999B,2024-11-01T00:00:00.000000,15.5,.0005,51.6,0,0,.02,0,U,270001,999,1,.0001,0,0
`;

describe('cli screen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'screen-cli-'));
  const file = join(dir, 'pair.csv');
  writeFileSync(file, CSV);

  it('prints the JSON result on stdout, progress on stderr', () => {
    const r = cli(
      'screen',
      '--catalog',
      file,
      '--start',
      '2024-11-01T00:00:00Z',
      '--hours',
      '2',
      '--threads',
      '2',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.start).toBe('2024-11-01T00:00:00.000Z');
    expect(j.end).toBe('2024-11-01T02:00:00.000Z');
    expect(j.objects).toBe(2);
    expect(j.events).toHaveLength(1);
    const e = j.events[0];
    expect(Object.keys(e).slice(0, 10)).toEqual([
      'id1',
      'name1',
      'id2',
      'name2',
      'tca',
      'rangeKm',
      'relSpeedKmS',
      'ricKm',
      'dse1',
      'dse2',
    ]);
    expect([e.id1, e.id2]).toEqual([200001, 270001]);
    expect(e.name2).toBe('TEST B, TRAILING');
    expect(e.tca).toMatch(/^2024-11-01T0[01]:\d\d:\d\d\.\d{3}Z$/);
    expect(e.rangeKm).toBeGreaterThan(2);
    expect(e.rangeKm).toBeLessThan(3);
    expect(e.ricKm).toHaveLength(3);
    expect(j.timing.totalMs).toBeGreaterThan(0);
    expect(r.err).toMatch(/1 events/);
  });

  it('writes CSV with --format csv', () => {
    const r = cli(
      'screen',
      '--catalog',
      file,
      '--start',
      '2024-11-01T00:00:00Z',
      '--hours',
      '2',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^id1,name1,id2,name2,tca,rangeKm,relSpeedKmS,ricRKm,ricTKm,ricNKm,dse1,dse2/,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"TEST B, TRAILING"');
  });

  it('exits 2 with a one-line error naming the problem', () => {
    const r = cli('screen', '--catalog', file, '--hours', '500');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--hours/);
  });

  it('screens the objects of a watch-list CSV as primaries (--primary-file)', () => {
    const list = join(dir, 'watch.csv');
    writeFileSync(list, 'noradId,label,hbrM,note\n270001,"Trailing, ours",12,\n');
    const r = cli(
      'screen',
      '--catalog',
      file,
      '--start',
      '2024-11-01T00:00:00Z',
      '--hours',
      '2',
      '--primary-file',
      list,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.events).toHaveLength(1);
    // Object 1 is the primary.
    expect([j.events[0].id1, j.events[0].id2]).toEqual([270001, 200001]);
    expect(r.err).toMatch(/primaries 270001/);
  });

  it('exits 2 with one line naming row, line, column and reason for a bad watch list', () => {
    const list = join(dir, 'broken-watch.csv');
    writeFileSync(list, 'noradId,label,hbrM,note\n270001,ok,,\n200001,bad,ten,\n');
    const r = cli('screen', '--catalog', file, '--primary-file', list);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('row 2 (line 3), hbrM: "ten" is not a number of metres');
  });

  it('names the problem for each bad argument or catalog (UsageError → exit 2)', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'this is not a catalog\n');
    const emptyList = join(dir, 'empty-watch.csv');
    writeFileSync(emptyList, 'noradId,label,hbrM,note\n');
    const headless = join(dir, 'headless-watch.csv');
    writeFileSync(headless, '270001,ours,,\n');
    const cases: [string[], RegExp][] = [
      [['--catalog', join(dir, 'missing.csv')], /cannot read catalog/],
      [['--catalog', bad], /catalog .*bad\.txt/],
      [['--catalog', file, '--start', 'yesterday'], /--start/],
      [
        ['--catalog', file, '--primary', '12345', '--start', '2024-11-01T00:00:00Z'],
        /primary not in catalog: 12345/,
      ],
      [['--catalog', file, '--primary', 'ISS'], /--primary/],
      [['--catalog', file, '--primary-file', join(dir, 'none.csv')], /cannot read --primary-file/],
      [['--catalog', file, '--primary-file', emptyList], /--primary-file .*: no objects listed/],
      [['--catalog', file, '--primary-file', headless], /the first row must be the header/],
      [['--catalog', file, '--primary', '1', '--primary-file', emptyList], /not both/],
      [['--catalog', file, '--format', 'xml'], /--format/],
      [['--catalog', file, '--threshold-km', '0'], /--threshold-km/],
      [['--catalog', file, '--box-km', '1,2'], /--box-km/],
      [['--catalog', file, '--bogus', '1'], /unknown option --bogus/],
      [[], /--catalog is required/],
    ];
    for (const [args, message] of cases) {
      const e = await runScreen(args).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, args.join(' ')).toBeInstanceOf(UsageError);
      expect((e as Error).message, args.join(' ')).toMatch(message);
    }
  });
});

describe('cli screen CSV', () => {
  it('neutralises names a spreadsheet would run; numbers stay numbers', () => {
    const state = { rKm: [7000, -1.5, 0], vKmS: [0, 7.5, -0.25] };
    const event = {
      id1: 1,
      name1: '=HYPERLINK("http://evil","x")',
      id2: 2,
      name2: "+cmd|' /C calc'!A0",
      tca: '2024-11-01T00:00:00.000Z',
      rangeKm: 1.25,
      relSpeedKmS: 10,
      ricKm: [-1.5, 0.5, 0],
      dse1: 0.5,
      dse2: 1,
      state1: state,
      state2: state,
    };
    const csv = toCsv({ events: [event] } as unknown as Parameters<typeof toCsv>[0]);
    const row = csv.trim().split('\n')[1];
    expect(row).toBe(
      `1,"'=HYPERLINK(""http://evil"",""x"")",2,'+cmd|' /C calc'!A0,2024-11-01T00:00:00.000Z,` +
        '1.25,10,-1.5,0.5,0,0.5,1,7000,-1.5,0,0,7.5,-0.25,7000,-1.5,0,0,7.5,-0.25,sgp4,sgp4,,,',
    );
  });
});
