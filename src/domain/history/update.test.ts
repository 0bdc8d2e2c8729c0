import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCdm } from '../cdm/parse';
import { cdmPc } from '../cdm/pc';
import { parseSocratesKeeptrackJson } from '../cdm/socrates';
import { recordFromCdm, recordFromSocrates } from '../conjunctions/records';
import type { ConjunctionRecord } from '../conjunctions/types';
import type { Mat3 } from '../probability/linalg';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { covarianceFigures, HistoryInputError, socratesReportMs, updateFromRecord } from './update';
import { pairStates, T0, testRecord } from './testSupport';

const CARA_A = sharedDataPath(
  'cara-pc-test-data',
  'raw',
  'PcTestCaseCDMs',
  '000020580_conj_000002017_20230613_001923_20230608_063715.cdm',
);

const diag = (s: number): Mat3 => [
  [s * s, 0, 0],
  [0, s * s, 0],
  [0, 0, s * s],
];
const ZERO: Mat3 = [
  [0, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
];

describe('updateFromRecord', () => {
  it('SOCRATES: report time from the file name, id from file + pair + TCA, maximum Pc, TLE ages', () => {
    expect(socratesReportMs('SOCRATES_20240814-1313.json')).toBe(Date.UTC(2024, 7, 14, 13, 13));
    expect(socratesReportMs('socrates.csv')).toBeUndefined();
    expect(socratesReportMs('SOCRATES_20241332-1313.json')).toBeUndefined();
    const json = JSON.stringify([
      {
        sat1: '47388',
        sat2: '43188',
        sat1Name: 'STARLINK-2109',
        sat2Name: 'S-NET A',
        toca: '2024-08-15T11:11:08.999Z',
        minRng: 0.036,
        relSpeed: 6.365,
        maxProb: 0.08087,
        sat1AgeOfTLE: 1.366,
        sat2AgeOfTLE: 1.566,
      },
    ]);
    const e = parseSocratesKeeptrackJson(json).events[0];
    const u = updateFromRecord(recordFromSocrates(e, 'SOCRATES_20240814-1313.json'));
    expect(u.updateId).toBe(
      'socrates:SOCRATES_20240814-1313.json:43188-47388@2024-08-15T11:11:08.999Z',
    );
    expect(u.origin).toEqual({ source: 'socrates', fileName: 'SOCRATES_20240814-1313.json' });
    expect(u.createdMs).toBe(Date.UTC(2024, 7, 14, 13, 13));
    expect(u).toMatchObject({ missKm: 0.036, relSpeedKmS: 6.365, pc: 0.08087, pcKind: 'maximum' });
    expect(u.ageDays).toEqual([1.366, 1.566]);
    expect(u.sigmaRtnM).toBeUndefined();
    expect(() => updateFromRecord(recordFromSocrates(e, 'list.json'))).toThrow(HistoryInputError);
    expect(updateFromRecord(recordFromSocrates(e, 'list.json'), { createdMs: 5 }).createdMs).toBe(
      5,
    );
  });

  it('screening: needs the run time; id from run label + pair + TCA; element epochs from DSE', () => {
    const r = testRecord({ id1: 49863, id2: 25544, tcaMs: T0 });
    expect(() => updateFromRecord(r)).toThrow(/needs the run's time/);
    const u = updateFromRecord(r, { createdMs: T0 - 1000, runLabel: 'catalog 2024-08-14' });
    expect(u.updateId).toBe('screening:catalog 2024-08-14:25544-49863@2024-08-14T12:00:00.000Z');
    expect(u.origin).toEqual({
      source: 'screening',
      runLabel: 'catalog 2024-08-14',
      elementEpochsMs: [T0 - 0.5 * 86_400_000, T0 - 1.5 * 86_400_000],
    });
    expect(u.ageDays).toEqual([0.5, 1.5]);
  });

  it('refuses a record without a finite TCA, miss or relative speed', () => {
    for (const bad of [{ tcaMs: NaN }, { rangeKm: Infinity }, { relSpeedKmS: NaN }]) {
      const r = { ...testRecord(), ...bad } as ConjunctionRecord;
      expect(() => updateFromRecord(r, { createdMs: T0 })).toThrow(HistoryInputError);
    }
  });

  it('σ along R, T, N and the Mahalanobis distance from known covariances', () => {
    // Isotropic 100 m on object 1, none on object 2: every direction has σ = 100 m, and the
    // Mahalanobis distance is the miss in units of 100 m.
    const states = pairStates(6778, 6778.5);
    const missM = 500;
    const figures = covarianceFigures({ states, covariancesRtnM2: [diag(100), ZERO] })!;
    for (const s of figures.sigmaRtnM) expect(s).toBeCloseTo(100, 6);
    expect(figures.mahalanobis).toBeCloseTo(missM / 100, 6);
    // Doubling every σ halves the distance; the sum of variances is frame-independent.
    const doubled = covarianceFigures({ states, covariancesRtnM2: [diag(200), diag(100)] })!;
    expect(doubled.sigmaRtnM.reduce((a, s) => a + s * s, 0)).toBeCloseTo(
      3 * (200 ** 2 + 100 ** 2),
      3,
    );
    expect(covarianceFigures({ states })).toBeUndefined();
  });

  it.skipIf(skipWithoutSharedData)(
    'CDM: id from originator + message id, created at CREATION_DATE, the Pc code’s own value',
    () => {
      const msg = parseCdm(readFileSync(CARA_A, 'utf8')).messages[0];
      const record = recordFromCdm(msg, 'a.cdm');
      const u = updateFromRecord(record);
      expect(u.updateId).toBe(`cdm:CARA:${msg.header.messageId}`);
      expect(u.origin).toEqual({
        source: 'cdm',
        originator: 'CARA',
        messageId: msg.header.messageId,
        fileName: 'a.cdm',
      });
      expect(new Date(u.createdMs).toISOString()).toBe('2023-06-08T06:37:15.000Z');
      expect(u.pc).toBe(cdmPc(msg).foster.pc);
      expect(u.pcKind).toBe('covariance');
      expect(u.hbrM).toBe(10);
      expect(u.missKm).toBeCloseTo(12.303, 6);
      expect(u.missRtnKm).toEqual([-0.1082, 12.2979, -0.3505]);
      // The plane's covariance (the Pc's own projection) gives the same distance.
      const { missXM, missZM, covariancePlaneM2: c } = cdmPc(msg).plane;
      const det = c.xx * c.zz - c.xz ** 2;
      const d2 = (c.zz * missXM ** 2 - 2 * c.xz * missXM * missZM + c.xx * missZM ** 2) / det;
      expect(u.mahalanobis).toBeCloseTo(Math.sqrt(d2), 9);
      expect(u.mahalanobis!).toBeGreaterThan(0.5);
      expect(u.mahalanobis!).toBeLessThan(5);
      // Sum of the variances = the two RTN traces (rotation keeps the trace).
      const trace = [msg.object1, msg.object2].reduce(
        (a, o) => a + o.covarianceRtn[0][0] + o.covarianceRtn[1][1] + o.covarianceRtn[2][2],
        0,
      );
      expect(u.sigmaRtnM!.reduce((a, s) => a + s * s, 0) / trace).toBeCloseTo(1, 9);
      expect(u.record).toEqual(record);
      expect(u.ageDays).toBeUndefined(); // this message gives no TIME_LASTOB_END
      // With one: days from object 1's last observation to TCA.
      const withOd = structuredClone(msg);
      withOd.object1.dataExtra.push({
        keyword: 'TIME_LASTOB_END',
        value: '2023-06-08T00:19:23.766',
      });
      expect(updateFromRecord(recordFromCdm(withOd, 'a.cdm')).ageDays).toEqual([5, undefined]);
    },
  );
});
