// Vallado's SGP4 verification set (AIAA 2006-6753): our createSatrec + propagateTeme against the
// reference C++ output, every line of every case, including the cases that must stop in error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../catalog/types';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { createSatrec } from './satrec';
import { propagateTeme } from './sgp4';
import { PropagationStatus } from './types';

interface VerCase {
  el: ElementSet;
  startMin: number;
  stopMin: number;
  stepMin: number;
}

/** TLE implied-decimal field "±NNNNN±E" → number, as in Spacetrack Report #3. */
function impliedDecimal(field: string): number {
  const f = field.trim();
  if (f === '') return 0;
  const sign = f[0] === '-' ? -1 : 1;
  const body = f.replace(/^[-+]/, '');
  const mantissa = body.slice(0, -2);
  const exponent = body.slice(-2);
  return sign * Number(`0.${mantissa.trim()}e${exponent}`);
}

function parseVerTle(text: string): VerCase[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const cases: VerCase[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const l1 = lines[i];
    const l2 = lines[i + 1];
    expect(l1.startsWith('1 ') && l2.startsWith('2 ')).toBe(true);
    const yy = Number(l1.slice(18, 20));
    const year = yy < 57 ? 2000 + yy : 1900 + yy;
    const dayOfYear = Number(l1.slice(20, 32));
    const [startMin, stopMin, stepMin] = l2.slice(69).trim().split(/\s+/).map(Number);
    cases.push({
      el: {
        objectName: '',
        objectId: '',
        noradCatId: Number(l2.slice(2, 7)),
        epochMs: Date.UTC(year, 0, 1) + (dayOfYear - 1) * 86_400_000,
        meanMotionRevPerDay: Number(l2.slice(52, 63)),
        eccentricity: Number(`0.${l2.slice(26, 33).replace(/\s/g, '0')}`),
        inclinationDeg: Number(l2.slice(8, 16)),
        raOfAscNodeDeg: Number(l2.slice(17, 25)),
        argOfPericenterDeg: Number(l2.slice(34, 42)),
        meanAnomalyDeg: Number(l2.slice(43, 51)),
        bstar: impliedDecimal(l1.slice(53, 61)),
        meanMotionDot: Number(l1.slice(33, 43)),
        meanMotionDdot: impliedDecimal(l1.slice(44, 52)),
        classificationType: 'U',
        elementSetNo: 0,
        revAtEpoch: 0,
        ephemerisType: 0,
      },
      startMin,
      stopMin,
      stepMin,
    });
  }
  return cases;
}

interface RefBlock {
  satnum: number;
  rows: number[][]; // [tsince, x, y, z, vx, vy, vz]
}

function parseReference(text: string): RefBlock[] {
  const blocks: RefBlock[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '') continue;
    const head = /^(\d+) xx$/.exec(t);
    if (head) {
      blocks.push({ satnum: Number(head[1]), rows: [] });
      continue;
    }
    blocks[blocks.length - 1].rows.push(t.split(/\s+/).slice(0, 7).map(Number));
  }
  return blocks;
}

describe.skipIf(skipWithoutSharedData)('SGP4 verification (Vallado SGP4-VER)', () => {
  const dir = 'sgp4-verification-vallado';
  const cases = skipWithoutSharedData
    ? []
    : parseVerTle(readFileSync(sharedDataPath(dir, 'SGP4-VER.TLE'), 'utf8'));
  const blocks = skipWithoutSharedData
    ? []
    : parseReference(readFileSync(sharedDataPath(dir, 'tcppver.out'), 'utf8'));

  it('pairs 33 test cases with 33 reference blocks', () => {
    expect(cases).toHaveLength(33);
    expect(blocks.map((b) => b.satnum)).toEqual(cases.map((c) => c.el.noradCatId));
  });

  it('matches every reference state (5 mm, 5e-8 km/s) and fails where it fails', () => {
    let maxDr = 0;
    let maxDv = 0;
    let compared = 0;
    const out = new Float64Array(6);
    const reentered = new Set<number>();
    for (let c = 0; c < cases.length; c++) {
      const { el, stopMin, stepMin } = cases[c];
      const block = blocks[c];
      const created = createSatrec(el);
      if (!created.ok) {
        // Only 33334 (meant to show error 2; SGP4 reports 3) may fail at initialisation; C++ then prints a
        // single stale t = 0 line.
        expect(el.noradCatId).toBe(33334);
        expect(created.reason).toMatch(/^SGP4 error [1-6]:/);
        expect(block.rows).toHaveLength(1);
        continue;
      }
      for (const row of block.rows) {
        const timeMs = el.epochMs + row[0] * 60_000;
        const status = propagateTeme(created.satrec, el.epochMs, timeMs, out, 0, {
          reentryChecks: false,
        });
        expect(status, `${el.noradCatId} at ${row[0]} min`).toBe(PropagationStatus.Ok);
        const dr = Math.hypot(out[0] - row[1], out[1] - row[2], out[2] - row[3]);
        const dv = Math.hypot(out[3] - row[4], out[4] - row[5], out[5] - row[6]);
        maxDr = Math.max(maxDr, dr);
        maxDv = Math.max(maxDv, dv);
        // Our satrec's epoch is rounded to the ms (json2satrec), which moves GMST and the
        // luni-solar epoch by < 0.5 ms: 35 µm... 3.5 cm only for WIND (23333, e = 0.973, at
        // perigee); every other case stays below 2.5 mm.
        const tolKm = el.noradCatId === 23333 ? 5e-5 : 5e-6;
        expect(dr, `${el.noradCatId} at ${row[0]} min`).toBeLessThan(tolKm);
        expect(dv, `${el.noradCatId} at ${row[0]} min`).toBeLessThan(5e-8);
        // With our reentry checks on, exactly the states below ~80 km are flagged.
        const radius = Math.hypot(row[1], row[2], row[3]);
        const checked = propagateTeme(created.satrec, el.epochMs, timeMs, out);
        if (checked !== PropagationStatus.Ok) {
          expect(checked).toBe(PropagationStatus.Reentered);
          expect(radius - 6378.137).toBeLessThan(80);
          reentered.add(el.noradCatId);
        } else {
          expect(radius - 6356.752).toBeGreaterThan(80);
        }
        compared++;
      }
      // The C++ driver steps on until stop or the first error: an early end is an error there.
      const last = block.rows[block.rows.length - 1][0];
      if (last < stopMin - 1e-9) {
        const next = Math.min(last + stepMin, stopMin);
        const status = propagateTeme(
          created.satrec,
          el.epochMs,
          el.epochMs + next * 60_000,
          out,
          0,
          { reentryChecks: false },
        );
        expect(status, `${el.noradCatId} should fail at ${next} min`).not.toBe(
          PropagationStatus.Ok,
        );
        expect(Number.isNaN(out[0])).toBe(true);
      }
    }
    expect(compared).toBe(666);
    // Decaying cases: 22312, 28350 (perigee 127 km), 28872 (sub-orbital), 29141 (last stage).
    expect([...reentered].sort()).toEqual([22312, 28350, 28872, 29141]);
    console.info(
      `Vallado: ${compared} states, max |Δr| ${(maxDr * 1e6).toFixed(2)} mm, max |Δv| ${maxDv.toExponential(2)} km/s`,
    );
  });
});
