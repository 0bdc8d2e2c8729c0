import { readFileSync } from 'node:fs';
import type { SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../catalog/types';
import { onOrbitSnapshotCsv, skipWithoutSharedData } from '../../testing/sharedData';
import { temeToEcefAt } from '../frames/teme';
import { parseIsoMs } from '../time/iso';
import { gmstRad } from '../time/julian';
import { sampleEcef } from './ephemeris';
import { interpolateSamples } from './hermite';
import { createSatrec } from './satrec';
import { propagateTeme } from './sgp4';
import { PropagationStatus } from './types';

/** Just enough CSV for CelesTrak's OMM export (the real parser lives in catalog/). */
function readSnapshot(): ElementSet[] {
  const lines = readFileSync(onOrbitSnapshotCsv, 'utf8').split(/\r?\n/);
  const head = lines[0].split(',');
  const col = (name: string) => head.indexOf(name);
  const out: ElementSet[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const f = line
      .match(/("[^"]*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    out.push({
      objectName: f[col('OBJECT_NAME')],
      objectId: f[col('OBJECT_ID')],
      noradCatId: Number(f[col('NORAD_CAT_ID')]),
      epochMs: parseIsoMs(f[col('EPOCH')])!,
      meanMotionRevPerDay: Number(f[col('MEAN_MOTION')]),
      eccentricity: Number(f[col('ECCENTRICITY')]),
      inclinationDeg: Number(f[col('INCLINATION')]),
      raOfAscNodeDeg: Number(f[col('RA_OF_ASC_NODE')]),
      argOfPericenterDeg: Number(f[col('ARG_OF_PERICENTER')]),
      meanAnomalyDeg: Number(f[col('MEAN_ANOMALY')]),
      bstar: Number(f[col('BSTAR')]),
      meanMotionDot: Number(f[col('MEAN_MOTION_DOT')]),
      meanMotionDdot: Number(f[col('MEAN_MOTION_DDOT')]),
      classificationType: f[col('CLASSIFICATION_TYPE')],
      elementSetNo: Number(f[col('ELEMENT_SET_NO')]),
      revAtEpoch: Number(f[col('REV_AT_EPOCH')]),
      ephemerisType: Number(f[col('EPHEMERIS_TYPE')]),
    });
  }
  return out;
}

function satrecsOf(elements: ElementSet[]): { satrecs: SatRec[]; epochs: Float64Array } {
  const satrecs: SatRec[] = [];
  const epochs: number[] = [];
  for (const el of elements) {
    const r = createSatrec(el);
    if (r.ok) {
      satrecs.push(r.satrec);
      epochs.push(el.epochMs);
    }
  }
  return { satrecs, epochs: Float64Array.from(epochs) };
}

const t0Ms = Date.UTC(2024, 10, 1);

describe.skipIf(skipWithoutSharedData)('sampleEcef on the 2024-11-01 snapshot', () => {
  const all = skipWithoutSharedData ? [] : readSnapshot();
  const elements = all.slice(0, 400);
  const iss = all.find((e) => e.noradCatId === 25544)!;

  it('equals propagateTeme + temeToEcefAt, rounded to float32, sample-major', () => {
    const { satrecs, epochs } = satrecsOf(elements);
    expect(satrecs.length).toBeGreaterThan(390);
    const n = satrecs.length;
    const count = 25;
    const stepMs = 37_000.5;
    const out = new Float32Array(count * n * 6);
    const status = new Uint8Array(n).fill(99);
    sampleEcef(satrecs, epochs, t0Ms, stepMs, count, out, status);
    const teme = new Float64Array(6);
    const ecef = new Float64Array(6);
    let checked = 0;
    for (let i = 0; i < n; i++) {
      let code: number = PropagationStatus.Ok;
      for (let s = 0; s < count; s++) {
        const o = (s * n + i) * 6;
        const t = t0Ms + s * stepMs;
        if (code === PropagationStatus.Ok) code = propagateTeme(satrecs[i], epochs[i], t, teme);
        if (code !== PropagationStatus.Ok) {
          for (let k = 0; k < 6; k++) expect(out[o + k]).toBeNaN();
          continue;
        }
        temeToEcefAt(teme, 0, gmstRad(t), ecef, 0);
        for (let k = 0; k < 6; k++) expect(out[o + k]).toBe(Math.fround(ecef[k]));
        checked++;
      }
      expect(status[i]).toBe(code);
    }
    expect(checked).toBeGreaterThan(390 * count);
  });

  it('flags an object that reenters mid-window and leaves NaN from then on', () => {
    // Vallado's MINOTAUR R/B (28872): sub-orbital, lost within 50 min of its epoch.
    const minotaur: ElementSet = {
      ...iss,
      noradCatId: 28872,
      epochMs: Date.UTC(2005, 0, 1) + (333.02012661 - 1) * 86_400_000,
      meanMotionRevPerDay: 16.46015938,
      eccentricity: 0.0303955,
      inclinationDeg: 96.4736,
      raOfAscNodeDeg: 157.9986,
      argOfPericenterDeg: 244.0492,
      meanAnomalyDeg: 110.6523,
      bstar: 0.24476e-3,
      meanMotionDot: 0.25992681,
      meanMotionDdot: 0,
    };
    const { satrecs, epochs } = satrecsOf([iss, minotaur]);
    expect(satrecs).toHaveLength(2);
    // A window around MINOTAUR's epoch; ISS is 19 years from its epoch there: SGP4 fails too.
    const out = new Float64Array(13 * 2 * 6);
    const status = new Uint8Array(2);
    sampleEcef(satrecs, epochs, minotaur.epochMs, 5 * 60_000, 13, out, status);
    expect(status[1]).toBe(PropagationStatus.Reentered);
    expect(status[0]).not.toBe(PropagationStatus.Ok);
    const firstNaN = [...Array(13).keys()].find((s) => Number.isNaN(out[(s * 2 + 1) * 6]));
    // Vallado's reference: 68.8 km above the sphere at 45 min, so flagged at sample 9.
    expect(firstNaN).toBe(9);
    for (let s = 0; s < 13; s++) {
      const row = Array.from(out.subarray((s * 2 + 1) * 6, (s * 2 + 2) * 6));
      expect(row.every(Number.isNaN)).toBe(s >= 9);
      expect(out.subarray(s * 12, s * 12 + 6).every(Number.isNaN)).toBe(true);
    }
  });

  it('checks its buffer sizes', () => {
    const { satrecs, epochs } = satrecsOf(elements.slice(0, 3));
    expect(() =>
      sampleEcef(
        satrecs,
        epochs,
        t0Ms,
        1000,
        4,
        new Float64Array(4 * 3 * 6 - 1),
        new Uint8Array(3),
      ),
    ).toThrow(RangeError);
    expect(() =>
      sampleEcef(satrecs, epochs, t0Ms, 1000, 4, new Float64Array(72), new Uint8Array(2)),
    ).toThrow(RangeError);
  });

  it('Hermite at 60 s reproduces SGP4 within 1 m for the ISS over a day', () => {
    const { satrecs, epochs } = satrecsOf([iss]);
    const count = 1441;
    const stepMs = 60_000;
    const samples = new Float64Array(count * 6);
    const status = new Uint8Array(1);
    sampleEcef(satrecs, epochs, t0Ms, stepMs, count, samples, status);
    expect(status[0]).toBe(0);
    const interp = new Float64Array(6);
    const teme = new Float64Array(6);
    const truth = new Float64Array(6);
    let maxDr = 0;
    let maxDv = 0;
    for (let s = 0; s < count - 1; s++) {
      for (const tau of [0.13, 0.5, 0.81]) {
        const t = t0Ms + (s + tau) * stepMs;
        expect(interpolateSamples(samples, 1, 0, t0Ms, stepMs, count, t, interp)).toBe(true);
        propagateTeme(satrecs[0], epochs[0], t, teme);
        temeToEcefAt(teme, 0, gmstRad(t), truth, 0);
        maxDr = Math.max(
          maxDr,
          Math.hypot(interp[0] - truth[0], interp[1] - truth[1], interp[2] - truth[2]),
        );
        maxDv = Math.max(
          maxDv,
          Math.hypot(interp[3] - truth[3], interp[4] - truth[4], interp[5] - truth[5]),
        );
      }
    }
    console.info(
      `ISS Hermite 60 s: max |Δr| ${(maxDr * 1000).toFixed(3)} m, |Δv| ${(maxDv * 1e6).toFixed(1)} mm/s`,
    );
    expect(maxDr).toBeLessThan(1e-3);
    expect(maxDr).toBeGreaterThan(1e-6); // the test would notice a no-op comparison
    expect(maxDv).toBeLessThan(5e-5);
  });
});
