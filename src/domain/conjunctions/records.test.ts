import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cdmObjectInertialState } from '../cdm/inertial';
import { parseCdm } from '../cdm/parse';
import { parseSocratesCsv } from '../cdm/socrates';
import { COVARIANCE_KEYWORDS } from '../cdm/types';
import { writeCdmKvn } from '../cdm/writeKvn';
import { temeToEcef } from '../frames/teme';
import type { ConjunctionEvent } from '../screening/types';
import { testElements } from '../../testing/elements';
import { caraConjunctions, sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { bPlaneView, hardBodyTooSmallToSee } from './bPlane';
import {
  DEFAULT_HBR_M,
  FOSTER_METHOD,
  MAX_PC_METHOD,
  recordFromCdm,
  recordFromScreening,
  recordFromSocrates,
  sgp4Comparison,
  withCatalog,
  withDefaultHbr,
} from './records';
import { recordToCdm } from './toCdm';
import { closestApproach, keplerTrajectory, rangeKmAt, sgp4Trajectory } from './trajectory';

const T0 = Date.parse('2024-11-01T00:00:00Z');
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const elements = testElements;

// Two orbits crossing near the ascending node a little after epoch (97.5° vs 51.6°).
const A = elements({});
const B = elements({
  objectName: 'TEST B',
  objectId: '2024-999B',
  noradCatId: 90002,
  inclinationDeg: 97.5,
  meanAnomalyDeg: 0.01,
});

function screeningEvent(): ConjunctionEvent {
  const ca = closestApproach(sgp4Trajectory(A)!, sgp4Trajectory(B)!, T0 + 60_000, 600_000)!;
  return {
    id1: A.noradCatId,
    name1: A.objectName,
    id2: B.noradCatId,
    name2: B.objectName,
    tcaMs: ca.tcaMs,
    tca: new Date(ca.tcaMs).toISOString(),
    rangeKm: ca.rangeKm,
    relSpeedKmS: ca.relSpeedKmS,
    ricKm: [0, 0, 0],
    dse1: (ca.tcaMs - A.epochMs) / 86_400_000,
    dse2: (ca.tcaMs - B.epochMs) / 86_400_000,
    state1: { rKm: ca.state1.rKm as never, vKmS: ca.state1.vKmS as never },
    state2: { rKm: ca.state2.rKm as never, vKmS: ca.state2.vKmS as never },
  };
}

describe('closest approach with SGP4', () => {
  it('finds a true local minimum of range near the guess', () => {
    const t1 = sgp4Trajectory(A)!;
    const t2 = sgp4Trajectory(B)!;
    const ca = closestApproach(t1, t2, T0 + 60_000, 600_000)!;
    expect(ca.rangeKm).toBeLessThan(5);
    expect(ca.relSpeedKmS).toBeGreaterThan(5);
    for (const dt of [-1000, -10, -1, 1, 10, 1000]) {
      expect(rangeKmAt(t1, t2, ca.tcaMs + dt)).toBeGreaterThan(ca.rangeKm);
    }
  });

  it('two-body propagation of the TCA state stays within a few km of SGP4 over ±10 minutes', () => {
    const t1 = sgp4Trajectory(A)!;
    const ca = closestApproach(t1, sgp4Trajectory(B)!, T0 + 60_000, 600_000)!;
    const kepler = keplerTrajectory(ca.state1, ca.tcaMs);
    for (const dt of [-600_000, -60_000, 60_000, 600_000]) {
      const a = t1(ca.tcaMs + dt)!.rKm;
      const b = kepler(ca.tcaMs + dt)!.rKm;
      expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeLessThan(15);
    }
  });
});

describe('screening events', () => {
  it('carry a maximum Pc, TEME states and a key', () => {
    const e = screeningEvent();
    const r = recordFromScreening(e);
    expect(r.key).toBe(`90001-90002@${new Date(Math.round(e.tcaMs)).toISOString()}`);
    expect(r.pc?.kind).toBe('maximum');
    expect(r.pc?.method).toBe(MAX_PC_METHOD);
    expect(r.pc?.hbrM).toBe(DEFAULT_HBR_M);
    expect(r.pc!.value).toBeGreaterThan(0);
    expect(r.pc!.value).toBeLessThan(1);
    expect(r.states?.frame).toBe('TEME');
    const bigger = withDefaultHbr(r, 20);
    expect(rel(bigger.pc!.value, 4 * r.pc!.value)).toBeLessThan(0.01);
  });

  it('export as a CDM with every mandatory keyword, in ITRF, that parses back to the same event', () => {
    const e = screeningEvent();
    const r = recordFromScreening(e);
    const kvn = writeCdmKvn(
      recordToCdm(r, {
        creationMs: T0,
        intlDesignator: (id) => (id === 90001 ? '2024-999A' : undefined),
      }),
    );
    const mandatory = [
      'CCSDS_CDM_VERS',
      'CREATION_DATE',
      'ORIGINATOR',
      'MESSAGE_ID',
      'TCA',
      'MISS_DISTANCE',
      'OBJECT',
      'OBJECT_DESIGNATOR',
      'CATALOG_NAME',
      'OBJECT_NAME',
      'INTERNATIONAL_DESIGNATOR',
      'EPHEMERIS_NAME',
      'COVARIANCE_METHOD',
      'MANEUVERABLE',
      'REF_FRAME',
      'X',
      'Y',
      'Z',
      'X_DOT',
      'Y_DOT',
      'Z_DOT',
      ...COVARIANCE_KEYWORDS,
    ];
    const keywords = kvn.split('\n').map((l) => l.split('=')[0].trim());
    for (const k of mandatory) expect(keywords, k).toContain(k);
    expect(keywords.filter((k) => k === 'REF_FRAME')).toHaveLength(2);
    expect(kvn).toMatch(/^MISS_DISTANCE\s+= [\d.E+-]+ \[m\]$/m);
    expect(kvn).toMatch(/^CR_R\s+= 10000 \[m\*\*2\]$/m);
    expect(kvn).toMatch(/^X_DOT\s+= [-\d.E+]+ \[km\/s\]$/m);
    const { messages, errors } = parseCdm(kvn);
    expect(errors).toEqual([]);
    const m = messages[0];
    expect(m.object1.refFrame).toBe('ITRF');
    expect(m.object1.internationalDesignator).toBe('2024-999A');
    expect(m.object2.internationalDesignator).toBe('UNKNOWN');
    expect(m.relative.hbrM).toBe(DEFAULT_HBR_M);
    expect(Math.abs(m.relative.tcaMs - e.tcaMs)).toBeLessThan(0.001);
    expect(rel(m.relative.missDistanceM, e.rangeKm * 1000)).toBeLessThan(1e-9);
    expect(m.relative.collisionProbability).toBe(r.pc!.value);
    // ITRF → inertial on import undoes TEME → PEF (same GMST): the TEME state comes back.
    const back = cdmObjectInertialState(m.object1, m.relative.tcaMs);
    back.positionM.forEach((x, i) => expect(x / 1000).toBeCloseTo(e.state1.rKm[i], 6));
    back.velocityMS.forEach((x, i) => expect(x / 1000).toBeCloseTo(e.state1.vKmS[i], 9));
    const pef = temeToEcef(e.state1, e.tcaMs);
    expect(m.object1.positionKm[0]).toBe(pef.rKm[0]);
    // The re-imported event keeps its key and miss.
    const again = recordFromCdm(m, 'export.cdm');
    expect(again.key).toBe(r.key);
    expect(rel(again.rangeKm, r.rangeKm)).toBeLessThan(1e-9);
  });

  it('cannot be exported without states', () => {
    const r = recordFromSocrates(
      parseSocratesCsv(
        'NORAD_CAT_ID_1,OBJECT_NAME_1,DSE_1,NORAD_CAT_ID_2,OBJECT_NAME_2,DSE_2,TCA,TCA_RANGE,TCA_RELATIVE_SPEED,MAX_PROB,DILUTION\n1,A,1,2,B,2,2024-11-01 00:01:00.000,0.5,10,1e-4,0.1\n',
      ).events[0],
      'x.csv',
    );
    expect(() => recordToCdm(r)).toThrow(/no states/);
  });
});

describe('SOCRATES events', () => {
  const csv = (tca: string) =>
    `NORAD_CAT_ID_1,OBJECT_NAME_1,DSE_1,NORAD_CAT_ID_2,OBJECT_NAME_2,DSE_2,TCA,TCA_RANGE,TCA_RELATIVE_SPEED,MAX_PROB,DILUTION\n90001,TEST A,0.1,90002,TEST B,0.1,${tca},1.5,11.1,2.5e-5,0.2\n`;

  it('keep SOCRATES MAX_PROB as a maximum, and gain states and an SGP4 comparison from the catalog', () => {
    const e = screeningEvent();
    const tca = new Date(Math.round(e.tcaMs) + 2000).toISOString().replace('T', ' ').slice(0, 23);
    const r = recordFromSocrates(parseSocratesCsv(csv(tca)).events[0], 'socrates.csv');
    expect(r.pc).toMatchObject({ value: 2.5e-5, kind: 'maximum', method: 'SOCRATES MAX_PROB' });
    expect(r.states).toBeUndefined();
    const lookup = (id: number) => (id === 90001 ? A : id === 90002 ? B : undefined);
    const enriched = withCatalog(r, lookup);
    expect(enriched.states?.frame).toBe('TEME');
    expect(enriched.ricKm).toHaveLength(3);
    expect(enriched.comparison?.ok).toBe(true);
    if (enriched.comparison?.ok) {
      expect(enriched.comparison.dTcaMs).toBeCloseTo(e.tcaMs - r.tcaMs, 0);
      expect(enriched.comparison.rangeKm).toBeCloseTo(e.rangeKm, 6);
      expect(enriched.comparison.dRangeM).toBeCloseTo((e.rangeKm - 1.5) * 1000, 3);
    }
    // Objects missing from the catalog: unchanged.
    expect(withCatalog(r, () => undefined)).toBe(r);
  });

  it('do not compare against elements far from TCA', () => {
    const c = sgp4Comparison({ tcaMs: T0 + 40 * 86_400_000, rangeKm: 1 }, A, B);
    expect(c).toEqual({ ok: false, reason: expect.stringMatching(/elements 40 days from TCA/) });
  });
});

describe.skipIf(skipWithoutSharedData)('CDM events (CARA test CDMs)', () => {
  const dir = sharedDataPath('cara-pc-test-data', 'raw', 'PcTestCaseCDMs');
  const name = '000020580_conj_000002017_20230613_001923_20230608_063715';

  it('carry the Foster Pc (matching CARA), the message HBR, states and covariances', () => {
    const msg = parseCdm(readFileSync(`${dir}/${name}.cdm`, 'utf8')).messages[0];
    const r = recordFromCdm(msg, `${name}.cdm`);
    const row = caraConjunctions().get(name)!;
    expect(r.key).toBe('20580-2017@2023-06-13T00:19:23.766Z');
    expect(r.source).toBe('cdm');
    expect(r.id1).toBe(20580);
    expect(r.name2).toBe('DIAMANT R/B');
    expect(r.rangeKm).toBe(12.303);
    expect(r.relSpeedKmS).toBe(2.224);
    expect(r.ricKm).toEqual([-0.1082, 12.2979, -0.3505]);
    expect(r.pc?.kind).toBe('covariance');
    expect(r.pc?.method).toBe(FOSTER_METHOD);
    expect(r.pc?.hbrM).toBe(10);
    expect(r.pc?.hbrSource).toBe('COMMENT HBR');
    expect(r.pc?.reported).toBe(1.862e-5);
    expect(rel(r.pc!.value, Number(row.Pc2D_NoAdj))).toBeLessThan(1e-3);
    expect(rel(r.pc!.crossCheck!, r.pc!.value)).toBeLessThan(0.05);
    expect(r.states?.frame).toBe('EME2000');
    expect(r.covariancesRtnM2?.[0][1][0]).toBe(-2.654354388641188852e5);
    // Received CDMs are exported as received.
    expect(recordToCdm(r)).toBe(msg);
    // B-plane: miss along x̂, 1/2/3-σ ellipses of the combined covariance, HBR circle round the miss.
    const b = bPlaneView(r, r.pc!.hbrM!)!;
    expect(rel(b.missXM, Number(row.MissDist_m))).toBeLessThan(1e-9);
    expect(b.ellipses.map((e) => e.sigma)).toEqual([1, 2, 3]);
    const far = Math.max(...b.ellipses[2].points.map((p) => Math.hypot(p.x, p.y)));
    expect(far).toBeCloseTo(3 * b.sigmaMajorM!, 6);
    expect(b.circle.every((p) => Math.abs(Math.hypot(p.x - b.missXM, p.y) - 10) < 1e-9)).toBe(true);
    // The plot spans the 3σ ellipse and the miss with a margin; a 10 m body on it is named.
    expect(b.halfSpanM).toBeCloseTo(1.15 * Math.max(far, Math.hypot(b.missXM, b.missZM) + 10), 6);
    expect(hardBodyTooSmallToSee(b)).toBe(10 < b.halfSpanM / 100);
    expect(hardBodyTooSmallToSee({ ...b, hbrM: 10, halfSpanM: 2000 })).toBe(true);
    expect(hardBodyTooSmallToSee({ ...b, hbrM: 20, halfSpanM: 1000 })).toBe(false);
  });

  it('without an HBR in the message use the default, and follow the setting', () => {
    const text = readFileSync(`${dir}/${name}.cdm`, 'utf8')
      .split('\n')
      .filter((l) => !/HBR|EXCLUSION_VOLUME_RADIUS/.test(l))
      .join('\n');
    const msg = parseCdm(text).messages[0];
    const r = recordFromCdm(msg, 'x.cdm', 5);
    expect(r.pc?.hbrSource).toBe('DEFAULT');
    expect(r.pc?.hbrM).toBe(5);
    const r10 = withDefaultHbr(r, 10);
    const row = caraConjunctions().get(name)!;
    expect(rel(r10.pc!.value, Number(row.Pc2D_NoAdj))).toBeLessThan(1e-3);
  });
});
