import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCdmSeries } from '../testing/cdmSeries';
import { sharedDataPath, skipWithoutSharedData } from '../testing/sharedData';
import { historyCsv, historyEvents } from './history';
import { pcLines } from './pc';
import { cli } from './testSupport';

const SOCRATES = (name: string) =>
  sharedDataPath('socrates-keeptrack-top10-2023-12-to-2024-09', `SOCRATES_${name}.json`);

// Two objects 0.02° apart in mean anomaly (as in screen.test.ts), screened for 2 hours.
const CSV = `OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT
TEST A,2024-999A,2024-11-01T00:00:00.000000,15.5,.0005,51.6,0,0,0,0,U,200001,999,1,.0001,0,0
TEST B,2024-999B,2024-11-01T00:00:00.000000,15.5,.0005,51.6,0,0,.02,0,U,270001,999,1,.0001,0,0
`;

describe('cli history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'history-cli-'));

  it.skipIf(skipWithoutSharedData)(
    'a shuffled CDM series and two SOCRATES reports: events with their updates in creation order',
    () => {
      const series = buildCdmSeries();
      const paths = series.map((f, k) => {
        const p = join(dir, `${'gcaebfd'[k]}.cdm`); // names sort in another order than creation
        writeFileSync(p, f.text);
        return p;
      });
      const shuffled = [4, 0, 6, 2, 5, 1, 3].map((k) => paths[k]);
      const r = cli(
        'history',
        SOCRATES('20240814-2011'),
        ...shuffled,
        SOCRATES('20240814-1313'),
        '--now',
        '2024-08-14T21:00:00Z',
      );
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const { events } = JSON.parse(r.out);
      expect(events).toHaveLength(1 + 19);
      const cdm = events[0];
      expect(Object.keys(cdm)).toEqual(['id1', 'id2', 'tca', 'status', 'updates']);
      expect(cdm).toMatchObject({
        id1: 20580,
        id2: 2017,
        tca: '2023-06-13T00:19:23.766Z',
        status: 'past',
      });
      expect(cdm.updates).toHaveLength(7);
      expect(Object.keys(cdm.updates[0])).toEqual([
        'source',
        'file',
        'created',
        'tca',
        'missM',
        'pc',
        'method',
      ]);
      expect(cdm.updates.map((u: { file: string }) => u.file)).toEqual(
        paths.map((p) => p.slice(-5)),
      );
      expect(cdm.updates.map((u: { created: string }) => u.created)).toEqual([
        '2023-06-08T06:37:15.000Z',
        '2023-06-08T14:37:15.000Z',
        '2023-06-08T22:37:15.000Z',
        '2023-06-09T06:37:15.000Z',
        '2023-06-09T14:37:15.000Z',
        '2023-06-09T22:37:15.000Z',
        '2023-06-10T06:37:15.000Z',
      ]);
      // Each probability is what `cli pc` gives for that file.
      expect(cdm.updates.map((u: { pc: number }) => u.pc)).toEqual(
        paths.map((p) => pcLines([p]).lines[0].pc),
      );
      expect(new Set(cdm.updates.map((u: { method: string }) => u.method))).toEqual(
        new Set(['FOSTER-1992 (2D)']),
      );
      const snet = events.find((e: { id1: number }) => e.id1 === 43188);
      expect(snet).toMatchObject({ id2: 47388, tca: '2024-08-15T11:11:08.999Z', status: 'steady' });
      expect(snet.updates).toEqual([
        {
          source: 'socrates',
          file: 'SOCRATES_20240814-1313.json',
          created: '2024-08-14T13:13:00.000Z',
          tca: '2024-08-15T11:11:08.999Z',
          missM: 36,
          pc: 0.08087,
          method: 'SOCRATES MAX_PROB',
        },
        {
          source: 'socrates',
          file: 'SOCRATES_20240814-2011.json',
          created: '2024-08-14T20:11:00.000Z',
          tca: '2024-08-15T11:11:08.999Z',
          missM: 36,
          pc: 0.08087,
          method: 'SOCRATES MAX_PROB',
        },
      ]);
      const csv = cli('history', ...paths, '--format', 'csv', '--now', '2024-01-01T00:00:00Z');
      expect(csv.code).toBe(0);
      const lines = csv.out.trim().split('\n');
      expect(lines[0]).toBe('id1,id2,eventTca,status,source,file,created,tca,missM,pc,method');
      expect(lines).toHaveLength(8);
      expect(lines[1]).toMatch(
        /^20580,2017,2023-06-13T00:19:23\.766Z,past,cdm,g\.cdm,2023-06-08T06:37:15\.000Z,/,
      );
    },
  );

  it('`cli screen` outputs: two runs of one pass make one event, created at each run’s start', () => {
    const catalog = join(dir, 'pair.csv');
    writeFileSync(catalog, CSV);
    const run = cli(
      'screen',
      '--catalog',
      catalog,
      '--start',
      '2024-11-01T00:00:00Z',
      '--hours',
      '2',
      '--threads',
      '1',
    );
    expect(run.code).toBe(0);
    const later = join(dir, 'run-later.json');
    writeFileSync(later, run.out);
    // An earlier run (constructed from the real one): 6 h before, the miss 2 × as large.
    const doc = JSON.parse(run.out);
    doc.start = '2024-10-31T18:00:00.000Z';
    doc.events[0].rangeKm *= 2;
    const earlier = join(dir, 'run-earlier.json');
    writeFileSync(earlier, JSON.stringify(doc));
    const { events, problems } = historyEvents(
      [later, earlier],
      Date.parse('2024-10-31T00:00:00Z'),
    );
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id1: 200001, id2: 270001, status: 'rising' });
    expect(events[0].updates.map((u) => [u.source, u.file, u.created])).toEqual([
      ['screening', 'run-earlier.json', '2024-10-31T18:00:00.000Z'],
      ['screening', 'run-later.json', '2024-11-01T00:00:00.000Z'],
    ]);
    expect(events[0].updates[1].missM).toBeCloseTo(JSON.parse(run.out).events[0].rangeKm * 1000, 3);
    expect(events[0].updates[0].method).toMatch(/^MAXIMUM/);
  });

  it.skipIf(skipWithoutSharedData)(
    'bad input: exit code 2, nothing on stdout, one line naming the file',
    () => {
      const good = join(dir, 'good.cdm');
      writeFileSync(good, buildCdmSeries(1)[0].text);
      const bad = join(dir, 'bad.cdm');
      writeFileSync(
        bad,
        readFileSync(good, 'utf8').replace(/^MISS_DISTANCE.*$/m, 'MISS_DISTANCE = lots [m]'),
      );
      const r = cli('history', good, bad);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(
        /^error: .*bad\.cdm: message 1, line \d+, MISS_DISTANCE: non-numeric.*\n$/,
      );

      const screen = join(dir, 'screen.json');
      writeFileSync(
        screen,
        JSON.stringify({ start: '2024-11-01T00:00:00Z', events: [{ id1: 1, id2: 2 }] }),
      );
      const s = cli('history', screen);
      expect(s.code).toBe(2);
      expect(s.err).toMatch(/^error: .*screen\.json: event 1: tca is not an ISO 8601 time\n$/);

      const text = join(dir, 'notes.txt');
      writeFileSync(text, 'hello\n');
      expect(cli('history', text).err).toMatch(
        /^error: .*notes\.txt: not a CDM, SOCRATES list or `cli screen` output\n$/,
      );
      const missing = cli('history', join(dir, 'nope.cdm'));
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/^error: .*nope\.cdm: cannot read \(ENOENT\)\n$/);
      const two = cli('history', good, text, join(dir, 'nope.cdm'));
      expect(two.err.trim().split('\n')).toEqual([
        expect.stringMatching(/^warning: .*notes\.txt/),
        expect.stringMatching(/^error: 2 problems; last: .*nope\.cdm/),
      ]);
      expect(cli('history').err).toMatch(/^error: no file given/);
      expect(cli('history', good, '--format', 'xml').err).toMatch(
        /^error: --format must be json or csv/,
      );
      expect(cli('history', good, '--now', 'soon').err).toMatch(/^error: --now is not an ISO 8601/);
    },
  );

  it('SOCRATES CSV: report time from the name, else the file’s modification time', () => {
    const csv = (range: string) =>
      'NORAD_CAT_ID_1,OBJECT_NAME_1,DSE_1,NORAD_CAT_ID_2,OBJECT_NAME_2,DSE_2,TCA,TCA_RANGE,TCA_RELATIVE_SPEED,MAX_PROB,DILUTION\n' +
      `25544,ISS (ZARYA),0.5,49863,DEBRIS,1.2,2024-08-20 10:00:00.000,${range},10.1,0.01,0.2\n`;
    const files: Record<string, string> = {
      'SOCRATES_20240818-0600.csv': csv('0.900'),
      'sort-minRange.csv': csv('0.400'),
    };
    const { events, problems } = historyEvents(
      Object.keys(files),
      Date.parse('2024-08-19T00:00:00Z'),
      (p) => files[p],
      () => Date.parse('2024-08-18T18:00:00Z'),
    );
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id1: 25544, id2: 49863, status: 'rising' });
    expect(events[0].updates.map((u) => [u.file, u.created, u.missM])).toEqual([
      ['SOCRATES_20240818-0600.csv', '2024-08-18T06:00:00.000Z', 900],
      ['sort-minRange.csv', '2024-08-18T18:00:00.000Z', 400],
    ]);
  });

  it('CSV: a file name or designator a spreadsheet would run is written as text', () => {
    const csv = historyCsv([
      {
        id1: '=HYPERLINK("http://evil","x")',
        id2: 25544,
        tca: '2024-08-18T06:00:00.000Z',
        status: 'new',
        updates: [
          {
            source: 'cdm',
            file: "+cmd|' /C calc'!A0.cdm",
            created: '2024-08-17T06:00:00.000Z',
            tca: '2024-08-18T06:00:00.000Z',
            missM: -0.5,
            pc: null,
            method: null,
          },
        ],
      },
    ]);
    const row = csv.split('\n')[1];
    expect(row).toBe(
      `"'=HYPERLINK(""http://evil"",""x"")",25544,2024-08-18T06:00:00.000Z,new,cdm,'+cmd|' /C calc'!A0.cdm,2024-08-17T06:00:00.000Z,2024-08-18T06:00:00.000Z,-0.5,,`,
    );
  });
});
