import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caraConjunctions, sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { parseCdm } from './parse';
import { cdmPc } from './pc';
import type { CdmMessage } from './types';

const cara = (...p: string[]) => sharedDataPath('cara-pc-test-data', ...p);
const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

function parseOne(path: string): CdmMessage {
  const { messages, errors } = parseCdm(readFileSync(path, 'utf8'));
  expect(errors, path).toEqual([]);
  expect(messages).toHaveLength(1);
  return messages[0];
}

describe.skipIf(skipWithoutSharedData)('CARA PcTestCaseCDMs', () => {
  it('every CDM parses and its 2D Pc matches Pc2D_NoAdj within relative 1e-3', () => {
    const byId = caraConjunctions();
    const dir = cara('raw', 'PcTestCaseCDMs');
    const files = readdirSync(dir).filter((f) => f.endsWith('.cdm'));
    expect(files).toHaveLength(53);
    const report: [string, number, number, number][] = [];
    for (const f of files) {
      const msg = parseOne(`${dir}/${f}`);
      const row = byId.get(f.replace(/\.cdm$/, ''));
      expect(row, f).toBeDefined();
      const want = Number(row!.Pc2D_NoAdj);
      const got = cdmPc(msg);
      expect(got.hbrM).toBe(Number(row!.HBR_m));
      // CARA's miss and speed come from the same states.
      expect(rel(got.plane.missM, Number(row!.MissDist_m)), f).toBeLessThan(1e-9);
      expect(rel(got.plane.relSpeedMS, Number(row!.Vrel_mps)), f).toBeLessThan(1e-9);
      report.push([f, want, got.foster.pc, rel(got.foster.pc, want)]);
      expect(rel(got.foster.pc, want), `${f}: ${got.foster.pc} vs ${want}`).toBeLessThan(1e-3);
    }
    report.sort((a, b) => b[3] - a[3]);
    console.log(
      'CARA CDMs, worst relative errors vs Pc2D_NoAdj:\n' +
        report
          .slice(0, 5)
          .map(
            ([f, w, g, e]) =>
              `${f}  CARA ${w.toExponential(6)}  ours ${g.toExponential(6)}  rel ${e.toExponential(2)}`,
          )
          .join('\n'),
    );
  });

  it('reads the header, relative metadata, HBR comment and object fields', () => {
    const m = parseOne(
      cara('raw', 'PcTestCaseCDMs', '000020580_conj_000002017_20230613_001923_20230608_063715.cdm'),
    );
    expect(m.format).toBe('KVN');
    expect(m.header.originator).toBe('CARA');
    expect(m.header.messageFor).toBe('HST');
    expect(m.relative.tcaIso).toBe('2023-06-13T00:19:23.766Z');
    expect(m.relative.tcaMs).toBe(Date.UTC(2023, 5, 13, 0, 19, 23, 766));
    expect(m.relative.missDistanceM).toBe(12303);
    expect(m.relative.relativeSpeedMS).toBe(2224);
    expect(m.relative.relativePositionRtnM).toEqual([-108.2, 12297.9, -350.5]);
    expect(m.relative.collisionProbability).toBe(1.862e-5);
    expect(m.relative.collisionProbabilityMethod).toBe('FOSTER-1992');
    expect(m.relative.hbrM).toBe(10);
    expect(m.object1.objectName).toBe('HST');
    expect(m.object2.objectName).toBe('DIAMANT R/B');
    expect(m.object1.exclusionVolumeRadiusM).toBe(10);
    expect(m.object2.exclusionVolumeRadiusM).toBe(3);
    expect(m.object2.refFrame).toBe('EME2000');
    expect(m.object1.positionKm[0]).toBe(-5.087477994865218534e3);
    expect(m.object1.covarianceRtn[1][0]).toBe(-2.654354388641188852e5);
    expect(m.object1.covarianceRtn[0][1]).toBe(-2.654354388641188852e5);
    expect(m.object1.covarianceRtn[5][5]).toBe(4.91720866284000007e-4);
    expect(m.object1.metadataExtra.map((e) => e.keyword)).toContain('GRAVITY_MODEL');
    expect(m.object1.dataExtra.find((e) => e.keyword === 'SEDR')).toEqual({
      keyword: 'SEDR',
      value: '0.001250',
      unit: 'W/kg',
    });
    // Our relative position in object1's RTN matches the message's.
    const pc = cdmPc(m);
    pc.relativePositionRtnM.forEach((x, i) =>
      expect(x).toBeCloseTo(m.relative.relativePositionRtnM![i], 0),
    );
  });
});

describe.skipIf(skipWithoutSharedData)('other KVN CDMs', () => {
  it('synthetic sample CDMs (day-of-year dates, unitless HBR comment) all parse', () => {
    const dir = cara('raw', 'SampleCDMs');
    for (const f of readdirSync(dir)) parseOne(`${dir}/${f}`);
    // Alfano samples write RELATIVE_VELOCITY_* with [m]: tolerated, reported as a warning.
    const alfano = parseOne(`${dir}/AlfanoTestCase01.cdm`);
    expect(alfano.warnings[0]).toMatchObject({ keyword: 'RELATIVE_VELOCITY_R', line: 11 });
    const m = parseOne(`${dir}/OmitronTestCase_Test07_NonPDCovariance.cdm`);
    expect(m.header.creationDate).toBe('2017-027T15:28:34.000');
    expect(m.header.creationDateMs).toBe(Date.UTC(2017, 0, 27, 15, 28, 34));
    expect(m.relative.tcaIso).toBe('2017-02-02T23:14:54.330Z');
    expect(m.relative.hbrM).toBe(52.8);
    expect(m.object1.covarianceExtra.map((e) => e.keyword)).toContain('CDRG_R');
  });

  it('Omitron sample CDMs: non-PD case gives 0, as CARA', () => {
    const m = parseOne(cara('raw', 'SampleCDMs', 'OmitronTestCase_Test07_NonPDCovariance.cdm'));
    const pc = cdmPc(m);
    expect(pc.foster.pc).toBe(0);
  });

  it('ITRF states: after the GMST rotation, miss, speed and RTN offsets match the message', () => {
    for (const n of ['01', '02', '03']) {
      const m = parseOne(cara('raw', 'other-cdm-txt', `DensityDecorrelationTestCaseCDM${n}.txt`));
      expect(m.object1.refFrame).toBe('ITRF');
      expect(m.object1.exclusionVolumeRadiusM).toBeGreaterThan(0);
      const pc = cdmPc(m);
      expect(pc.hbrSource).toBe('OBJECT1 EXCLUSION_VOLUME_RADIUS');
      // The message rounds to 1 m and 1 m/s (and 0.1 m per RTN axis).
      expect(Math.abs(pc.plane.missM - m.relative.missDistanceM)).toBeLessThan(1);
      expect(Math.abs(pc.plane.relSpeedMS - m.relative.relativeSpeedMS!)).toBeLessThan(1);
      pc.relativePositionRtnM.forEach((x, i) =>
        expect(Math.abs(x - m.relative.relativePositionRtnM![i]), `${n} pos ${i}`).toBeLessThan(
          0.5,
        ),
      );
      pc.relativeVelocityRtnMS.forEach((x, i) =>
        expect(Math.abs(x - m.relative.relativeVelocityRtnMS![i]), `${n} vel ${i}`).toBeLessThan(1),
      );
    }
  });
});

describe.skipIf(skipWithoutSharedData)('CCSDS XML sample', () => {
  it('parses CDMExample1.xml and reports our Pc next to its 4.835e-5', () => {
    const m = parseOne(sharedDataPath('cdm-samples-ccsds', 'CDMExample1.xml'));
    expect(m.format).toBe('XML');
    expect(m.header.version).toBe('1.0');
    expect(m.header.messageId).toBe('20111371985');
    expect(m.header.comments).toEqual(['Sample CDM - XML version']);
    expect(m.relative.tca).toBe('2010-03-13T22:37:52.618');
    expect(m.relative.tcaIso).toBe('2010-03-13T22:37:52.618Z');
    expect(m.relative.missDistanceM).toBe(715);
    expect(m.relative.relativeSpeedMS).toBe(14762);
    expect(m.relative.relativePositionRtnM).toEqual([27.4, -70.2, 711.8]);
    expect(m.relative.collisionProbability).toBe(4.835e-5);
    expect(m.relative.collisionProbabilityMethod).toBe('FOSTER-1992');
    expect(m.relative.extra.find((e) => e.keyword === 'SCREEN_VOLUME_X')).toEqual({
      keyword: 'SCREEN_VOLUME_X',
      value: '200',
      unit: 'm',
    });
    expect(m.object1.objectName).toBe('SATELLITE A');
    expect(m.object1.objectType).toBe('PAYLOAD');
    expect(m.object2.objectName).toBe('FENGYUN 1C DEB');
    expect(m.object2.positionKm).toEqual([2569.5408, 2245.093614, 6281.599946]);
    expect(m.object2.covarianceRtn[2][2]).toBe(71.05);
    expect(m.object2.covarianceRtn[5][4]).toBe(-4.594e-6);
    expect(m.object1.dataExtra.find((e) => e.keyword === 'OPERATOR_EMAIL')).toBeUndefined();
    expect(m.object1.metadataExtra.find((e) => e.keyword === 'OPERATOR_EMAIL')?.value).toBe(
      'JOHN.DOE@SOMEWHERE>NET',
    );
    // The sample gives no hard-body radius and is hand-made: its relative RTN velocity (−7.2,
    // −14692.0, −1437.2) does not quite follow from its states (ours: −7.2, −14636.2, −1923.6), and
    // its Pc is not reproducible: with HBR 10 m we get ~5.7e-8. Report the HBR that would give
    // 4.835e-5 and check that it lies in a plausible range.
    const pc10 = cdmPc(m, { hbrM: 10 });
    expect(Math.abs(pc10.plane.missM - 715)).toBeLessThan(1);
    expect(Math.abs(pc10.plane.relSpeedMS - 14762)).toBeLessThan(1);
    expect(pc10.foster.pc).toBeGreaterThan(1e-8);
    expect(pc10.foster.pc).toBeLessThan(1e-6);
    let lo = 1;
    let hi = 500;
    for (let i = 0; i < 40; i++) {
      const mid = Math.sqrt(lo * hi);
      if (cdmPc(m, { hbrM: mid }).foster.pc < 4.835e-5) lo = mid;
      else hi = mid;
    }
    console.log(
      `CDMExample1.xml: our Foster Pc = ${pc10.foster.pc.toExponential(4)} with HBR 10 m ` +
        `(file: 4.835E-05, which needs HBR ≈ ${lo.toFixed(1)} m); miss ${pc10.plane.missM.toFixed(1)} m, ` +
        `speed ${pc10.plane.relSpeedMS.toFixed(1)} m/s`,
    );
    expect(lo).toBeGreaterThan(20);
    expect(lo).toBeLessThan(100);
  });
});
