// Writer round trip, injection safety, frames, and a catalog object exported from SGP4 and read
// back within metres of SGP4.
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../catalog/types';
import { rtnBasis } from '../frames/ric';
import { temeToEcef } from '../frames/teme';
import { createSatrec } from '../propagation/satrec';
import { propagateTeme } from '../propagation/sgp4';
import {
  covarianceTemeToRtn,
  covarianceToTeme,
  localBasis,
  messageToTeme,
  segmentToTeme,
} from './frames';
import { stateAt } from './interpolate';
import { readOem } from './read';
import { elementSetToOem, sampleElementSetEme2000 } from './sample';
import type { OemCovariance, OemState } from './types';
import { writeOemKvn } from './write';

/** ISS (ZARYA) from the 2024-11-01 CelesTrak snapshot. */
const iss: ElementSet = {
  objectName: 'ISS (ZARYA)',
  objectId: '1998-067A',
  noradCatId: 25544,
  epochMs: Date.UTC(2024, 9, 31, 13, 56, 2) + 456.736,
  meanMotionRevPerDay: 15.50886758,
  eccentricity: 0.0008966,
  inclinationDeg: 51.6392,
  raOfAscNodeDeg: 359.7717,
  argOfPericenterDeg: 122.2149,
  meanAnomalyDeg: 237.971,
  bstar: 0.00060166,
  meanMotionDot: 0.0003518,
  meanMotionDdot: 0,
  classificationType: 'U',
  elementSetNo: 999,
  revAtEpoch: 47970,
  ephemerisType: 0,
};
const t0 = Date.UTC(2024, 10, 1);

function sampled(hours: number, stepMs = 60_000): OemState[] {
  const r = sampleElementSetEme2000(iss, { startMs: t0, stopMs: t0 + hours * 3_600_000, stepMs });
  if (!r.ok) throw new Error(r.reason);
  return r.states;
}

const covariance = (epochMs: number): OemCovariance => {
  const m = new Float64Array(36);
  [4e-4, 9e-2, 1e-4, 1e-8, 1e-10, 1e-10].forEach((v, i) => (m[i * 7] = v));
  m[1] = m[6] = 1e-5;
  return { epochMs, frame: 'RTN', matrix: m, line: 0 };
};

describe('writeOemKvn', () => {
  it('round-trips states and covariances to the printed precision', () => {
    const states = sampled(2);
    states[3] = { ...states[3], accelerationKmS2: [1.5e-3, -2.5e-3, 3.25e-4] };
    const all = states.map((s) => ({ ...s, accelerationKmS2: s.accelerationKmS2 ?? [0, 0, 0] }));
    const cov = covariance(states[10].epochMs);
    const text = writeOemKvn({
      objectName: 'ISS (ZARYA)',
      objectId: '1998-067A',
      originator: 'ORBITAL WATCH',
      creationDateMs: t0,
      segments: [
        { states: all, interpolation: 'HERMITE', interpolationDegree: 5, covariances: [cov] },
      ],
    });
    const r = readOem(text);
    expect(r.ok && r.rejected).toEqual([]);
    if (!r.ok) return;
    const seg = r.message.segments[0];
    expect(seg.metadata).toMatchObject({
      objectName: 'ISS (ZARYA)',
      refFrame: 'EME2000',
      interpolation: 'HERMITE',
    });
    expect(seg.states).toHaveLength(all.length);
    seg.states.forEach((s, i) => {
      expect(s.epochMs).toBe(all[i].epochMs);
      s.positionKm.forEach((x, k) =>
        expect(Math.abs(x - all[i].positionKm[k])).toBeLessThanOrEqual(5e-7),
      );
      s.velocityKmS.forEach((x, k) =>
        expect(Math.abs(x - all[i].velocityKmS[k])).toBeLessThanOrEqual(5e-10),
      );
    });
    expect(seg.states[3].accelerationKmS2).toEqual([1.5e-3, -2.5e-3, 3.25e-4]);
    seg.covariances[0].matrix.forEach((x, k) => expect(x).toBeCloseTo(cov.matrix[k], 15));
  });

  it('keeps names on their own line: no keyword can be injected', () => {
    const text = writeOemKvn({
      objectName: 'EVIL\nMETA_STOP\r\nCENTER_NAME = MARS\u2028X',
      objectId: '2024-001A',
      originator: 'A\nB',
      creationDateMs: t0,
      segments: [{ states: sampled(0.1) }],
    });
    const r = readOem(text);
    expect(r.ok && r.message.segments[0].metadata.objectName).toBe(
      'EVIL META_STOP CENTER_NAME = MARS X',
    );
    expect(r.ok && r.message.header.originator).toBe('A B');
    expect(() =>
      writeOemKvn({
        objectName: '\n',
        objectId: 'x',
        originator: '',
        creationDateMs: 0,
        segments: [],
      }),
    ).toThrow(/OBJECT_NAME/);
  });
});

describe('a catalog object as an OEM', () => {
  it('written, read back and interpolated off-grid, stays within a centimetre of SGP4 over a day', () => {
    const out = elementSetToOem(
      iss,
      { startMs: t0, stopMs: t0 + 86_400_000, stepMs: 60_000 },
      {
        originator: 'ORBITAL WATCH',
        creationDateMs: t0,
      },
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = readOem(out.text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const teme = messageToTeme(r.message);
    expect(teme.segments[0].metadata.refFrame).toBe('TEME');
    const init = createSatrec(iss);
    if (!init.ok) throw new Error(init.reason);
    const buf = new Float64Array(6);
    let maxM = 0;
    for (let t = t0 + 17_000; t < t0 + 86_400_000; t += 613_000) {
      propagateTeme(init.satrec, iss.epochMs, t, buf);
      const s = stateAt(teme, t)!;
      maxM = Math.max(maxM, Math.hypot(...s.positionKm.map((x, k) => x - buf[k])) * 1000);
    }
    console.log(
      `ISS exported at 60 s, Lagrange 7, read back: max |Δr| vs SGP4 ${maxM.toFixed(4)} m`,
    );
    expect(maxM).toBeLessThan(0.01);
  });
});

describe('states to TEME', () => {
  it('an ITRF2014 (Earth-fixed) file comes back to the TEME states it was made from', () => {
    const init = createSatrec(iss);
    if (!init.ok) throw new Error(init.reason);
    const buf = new Float64Array(6);
    const teme: OemState[] = [];
    for (let i = 0; i < 10; i++) {
      const t = t0 + i * 60_000;
      propagateTeme(init.satrec, iss.epochMs, t, buf);
      teme.push({
        epochMs: t,
        positionKm: [buf[0], buf[1], buf[2]],
        velocityKmS: [buf[3], buf[4], buf[5]],
      });
    }
    const ecef = teme.map((s) => {
      const e = temeToEcef({ rKm: s.positionKm, vKmS: s.velocityKmS }, s.epochMs);
      return { epochMs: s.epochMs, positionKm: e.rKm, velocityKmS: e.vKmS };
    });
    const text = writeOemKvn({
      objectName: 'ISS',
      objectId: '1998-067A',
      originator: 'T',
      creationDateMs: t0,
      refFrame: 'ITRF2014',
      segments: [{ states: ecef }],
    });
    const r = readOem(text);
    if (!r.ok) throw new Error(r.errors[0].reason);
    const back = segmentToTeme(r.message.segments[0]).states;
    back.forEach((s, i) => {
      expect(Math.hypot(...s.positionKm.map((x, k) => x - teme[i].positionKm[k]))).toBeLessThan(
        2e-6,
      );
      expect(Math.hypot(...s.velocityKmS.map((x, k) => x - teme[i].velocityKmS[k]))).toBeLessThan(
        2e-9,
      );
    });
  });
});

describe('covariance frames', () => {
  it('RTN → TEME → RTN gives the matrix back; TNW differs from RTN only by the in-plane turn', () => {
    const states = sampled(1);
    const segment = {
      index: 1,
      line: 1,
      states,
      covariances: [],
      dataComments: [],
      metadata: {
        objectName: 'ISS',
        objectId: '1998-067A',
        centerName: 'EARTH',
        refFrame: 'EME2000' as const,
        timeSystem: 'UTC' as const,
        startMs: states[0].epochMs,
        stopMs: states[states.length - 1].epochMs,
        comments: [],
      },
    };
    const cov = covariance(states[20].epochMs);
    const inTeme = covarianceToTeme(cov, segment);
    const tState = segmentToTeme(segment).states[20];
    const back = covarianceTemeToRtn(inTeme, tState.positionKm, tState.velocityKmS);
    back.forEach((x, k) => expect(x).toBeCloseTo(cov.matrix[k], 12));
    // Trace (position block) is frame-independent.
    expect(inTeme[0] + inTeme[7] + inTeme[14]).toBeCloseTo(4e-4 + 9e-2 + 1e-4, 12);
    const r = states[20].positionKm;
    const v = states[20].velocityKmS;
    const tnw = localBasis('TNW', r, v);
    const rtn = rtnBasis(r, v)!;
    // W is the orbit normal N; T lies in the R–T plane.
    [6, 7, 8].forEach((k) => expect(tnw[k]).toBeCloseTo(rtn[k], 12));
    expect(tnw[0] * rtn[6] + tnw[1] * rtn[7] + tnw[2] * rtn[8]).toBeCloseTo(0, 12);
  });
});
